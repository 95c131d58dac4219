"""The Flask application factory."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask, Response, request
from werkzeug.exceptions import HTTPException

from searchapp.config import Settings, load_settings
from searchapp.search.interface import open_engine
from searchapp.web import api, monitor, pages
from searchapp.web.context import EXTENSION
from searchapp.web.query_text import unreadable_parameter

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = (  # on every response, the server's own error answers included
    ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "same-origin"),
    ("X-Frame-Options", "DENY"),
)


def create_app(settings: Settings | Mapping[str, Any] | None = None) -> Flask:
    """The app over the configured index.

    *settings*: a `Settings`, or a mapping of overrides by dotted key (``{"index": path}``) applied to
    the configuration file, as the tests do.
    """
    if not isinstance(settings, Settings):
        overrides = dict(settings or {})
        settings = load_settings(overrides.pop("config", None), overrides)
    app = Flask(__name__)
    app.config["SEARCHAPP_SETTINGS"] = settings
    app.config["JSON_SORT_KEYS"] = False
    app.json.ensure_ascii = False
    app.json.sort_keys = False
    app.extensions[EXTENSION] = open_engine(settings)

    app.register_blueprint(api.blueprint)
    app.register_blueprint(pages.blueprint)
    app.register_blueprint(monitor.blueprint)

    @app.before_request
    def parameters_are_text():
        found = unreadable_parameter(request.query_string)
        if found is None:
            return None
        name, kind = found
        if request.path.startswith("/api/") or request.path == "/api" or request.path.endswith(".atom"):
            why = "is not UTF-8 text" if kind == "utf-8" else "holds a control character"  # the feed's: JSON
            return api.error_response(400, "invalid_text", f"parameter {name!r} {why}", name)
        why = "bukan teks UTF-8" if kind == "utf-8" else "berisi karakter kendali"
        return pages.error_page(400, message=f"Parameter “{name}” di alamat ini {why}. Ketik ulang pencarian Anda.")

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if request.path.startswith("/api/") or request.path == "/api":
            return api.http_error(error)
        return pages.http_error(error)

    @app.after_request
    def security_headers(response: Response) -> Response:
        for name, value in SECURITY_HEADERS:
            response.headers.setdefault(name, value)
        return response

    return app

