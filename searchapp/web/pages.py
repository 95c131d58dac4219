"""The HTML pages: the search page and the article page, rendered from the same search result."""

from __future__ import annotations

from flask import Blueprint, render_template, request
from werkzeug.exceptions import HTTPException

from ..errors import QueryError
from ..request import SearchRequest, parse_search_params
from .app import engine
from .urls import result_with_urls

blueprint = Blueprint("pages", __name__)


def http_error(error: HTTPException):
    return render_template("error.html", code=error.code, message=error.description), error.code


@blueprint.get("/")
@blueprint.get("/cari")
def search():
    search_engine = engine()
    params = {key: request.args.getlist(key) for key in request.args}
    error = None
    try:
        search_request = parse_search_params(params, search_engine.is_known_outlet)
    except QueryError as problem:
        error = problem
        search_request = SearchRequest(q=(params.get("q") or [""])[0][:1000])
    result = search_engine.search(search_request)
    return render_template("search.html", result=result, data=result_with_urls(result, request.path),
                           error=error)


@blueprint.get("/artikel/<path:doc_id>")
def article(doc_id: str):
    q = request.args.get("q", "")[:1000]
    found = engine().document(doc_id, q)
    if found is None:
        return render_template("error.html", code=404, message="Artikel tidak ditemukan."), 404
    return render_template("article.html", article=found, q=q)
