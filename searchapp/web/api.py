"""The JSON API under /api/: every response is JSON, errors included."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from urllib.parse import quote

from flask import Blueprint, Response, jsonify, request, url_for
from werkzeug.exceptions import HTTPException

from searchapp.errors import CorruptIndexError, ExportTooLargeError, PersonChoiceError, QueryError, UnavailableError
from searchapp.search.live import NoIndexError
from searchapp.search.request import SearchRequest, parse_compared, parse_search_params, typed_text
from searchapp.search.results import timeline_dict
from searchapp.search.timeline import INTERVALS, IntervalError
from searchapp.web.context import engine
from searchapp.web.cursor import CursorExpiredError, make_cursor, read_cursor
from searchapp.web.openapi import openapi_document
from searchapp.web.search_view import aliases_of, person_known_as, profile, with_profile_urls

blueprint = Blueprint("api", __name__, url_prefix="/api")


def error_response(status: int, code: str, message: str, param: str | None = None,
                   **details: object) -> tuple[Response, int]:
    return jsonify({"error": {"code": code, "message": message, "param": param, **details}}), status


def moved(url: str) -> tuple[Response, int, dict[str, str]]:
    """A 301 to *url* whose body, like every answer of the API, is JSON."""
    return jsonify({"moved_to": url}), 301, {"Location": url}


@blueprint.errorhandler(QueryError)
def bad_parameter(error: QueryError):
    return error_response(400, error.code, str(error), error.param)


@blueprint.errorhandler(PersonChoiceError)
def person_choice(error: PersonChoiceError):
    """A person filter that names several people lists them (`choices`), each a value to send instead."""
    return error_response(400, error.code, str(error), error.param, choices=error.choices)


@blueprint.errorhandler(NoIndexError)
def no_index(error: NoIndexError):
    return error_response(503, "no_index", str(error))


@blueprint.errorhandler(CorruptIndexError)
def unreadable_index(error: CorruptIndexError):
    return error_response(503, "index_unreadable", str(error))


@blueprint.errorhandler(UnavailableError)
def unavailable(error: UnavailableError):
    return error_response(503, "index_unavailable", str(error))


def http_error(error: HTTPException):
    """Routing errors (404, 405) under /api/ as JSON; registered on the app, which sees them first."""
    message = error.description or error.name
    if error.code == 404:
        message = f"no API endpoint {request.path[:200]}"
    elif error.code == 405:
        message = f"{request.method} is not allowed on {request.path[:200]}"
    response, status = error_response(error.code or 500, error.name.lower().replace(" ", "_"), message)
    if error.code == 405 and hasattr(error, "valid_methods") and error.valid_methods:
        response.headers["Allow"] = ", ".join(error.valid_methods)
    return response, status


@blueprint.errorhandler(Exception)
def unexpected(error: Exception):
    blueprint_logger().exception("unexpected error in %s", request.path)
    return error_response(500, "internal_error", "an internal error occurred; it has been logged")


def blueprint_logger():
    from flask import current_app

    return current_app.logger


def search_params() -> dict[str, list[str]]:
    return {key: request.args.getlist(key) for key in request.args}


SEARCH_KEYS = frozenset({"q", "outlet", "rubrik", "person", "from", "to", "sort", "page", "per_page", "collapse"})


REPEATABLE = frozenset({"outlet", "rubrik", "person"})  # filters given once per value (and /compare's q)


def only_known(known: frozenset[str], repeatable: frozenset[str] = REPEATABLE) -> None:
    """Every parameter of the request is one of *known*, and one not *repeatable* is given once (or
    repeated with the same value): a second value is never dropped unsaid."""
    unknown = sorted(set(request.args) - known)
    if unknown:
        detail = f"; known: {', '.join(sorted(known))}" if known else "; this endpoint takes none"
        raise QueryError(unknown[0], f"unknown parameter {unknown[0][:40]!r}{detail}")
    for name in sorted(set(request.args) - repeatable):
        values = request.args.getlist(name)
        if len(set(values)) > 1:
            raise QueryError(name, f"'{name}' was given {len(values)} times; give it once")


@blueprint.get("/search")
def search():
    only_known(SEARCH_KEYS | {"after"})
    search_engine = engine()
    params = search_params()
    token = params.pop("after", [""])[-1]
    if token and ("page" in params or "per_page" in params):
        raise QueryError("after", "'after' carries the page and its size: give it without 'page' or 'per_page'")
    search_request = parse_search_params(params, search_engine.outlet_slug)
    generation = ""
    if token:
        page, per_page, generation = read_cursor(token)
        search_request = search_request.with_(page=page, per_page=per_page)
    result = search_engine.search(search_request)
    if generation and generation != result.generation:
        raise CursorExpiredError()
    data = result.to_dict(request.path)
    data["facets"] = with_profile_urls(data["facets"], api=True)
    more = search_request.page < result.pages
    data["after"] = make_cursor(search_request.page + 1, search_request.per_page, result.generation) if more else None
    first = search_request.with_(page=1, per_page=10).url(request.path)  # the cursor carries page and size
    data["urls"]["next_after"] = f"{first}{'&' if '?' in first else '?'}after={data['after']}" if more else None
    return jsonify(data)


def interval_param() -> str:
    interval = request.args.get("interval", "auto")
    if interval not in ("auto", *INTERVALS):
        raise QueryError("interval", f"'interval' must be auto, {', '.join(INTERVALS)}; not {interval[:40]!r}")
    return interval


def timelines_of(requests: list) -> list:
    """The engine's timelines of *requests* over one span; an interval too fine for it is a 400."""
    only_known(SEARCH_KEYS | {"interval"}, REPEATABLE | ({"q"} if request.path.endswith("/compare") else set()))
    try:
        return engine().timelines(requests, interval_param())
    except IntervalError as error:
        raise QueryError("interval", str(error)) from None


@blueprint.get("/compare")
def compare():
    """Up to four queries over one span and interval: each its total and its articles per period."""
    series = timelines_of(parse_compared(search_params(), engine().outlet_slug))
    return jsonify({"interval": series[0][2].interval,
                    "series": [{"query": r.q, **timeline_dict(t, r, total, "/api/search")} for r, total, t in series]})


@blueprint.get("/significant")
def significant():
    """The words and two-word phrases over-represented in a search's best matches (at most 200 read), each
    a link adding it."""
    only_known(SEARCH_KEYS)
    search_engine = engine()
    resolved, total, read, words = search_engine.significant(
        parse_search_params(search_params(), search_engine.outlet_slug))
    return jsonify({"query": resolved.q, "total": total, "sampled": read, "words": [
        {"word": w.word, "phrase": w.is_phrase, "score": round(w.score, 4), "in_sample": w.in_sample,
         "in_index": w.in_index, "url": resolved.with_(q=f"{resolved.q} {w.query_text}".strip(), page=1).url(
             "/api/search")} for w in words]})


@blueprint.get("/timeline")
def timeline():
    """The search's articles per day, week or month, and as a share of all articles of each period."""
    [(resolved, total, attention)] = timelines_of([parse_search_params(search_params(), engine().outlet_slug)])
    return jsonify({"query": resolved.q, **timeline_dict(attention, resolved, total, "/api/search")})


EXPORT_LIMIT = 100_000  # rows in one export; above it, a 400 that says how to narrow the search
EXPORT_COLUMNS = ("id", "title", "url", "outlet", "outlet_name", "date", "published", "people", "reporter",
                  "story", "score", "snippet", "updated")  # a new column last: scripts read them in order


@blueprint.get("/export")
def export():
    """Every article of a search as CSV or JSON Lines, streamed in its order (each row read when sent)."""
    only_known(SEARCH_KEYS | {"format"})
    kind = request.args.get("format", "csv")
    if kind not in ("csv", "jsonl"):
        raise QueryError("format", f"'format' must be csv or jsonl, not {kind[:40]!r}")
    search_engine = engine()
    search_request = parse_search_params(search_params(), search_engine.outlet_slug)
    try:
        total, rows = search_engine.export(search_request, EXPORT_LIMIT)
    except ExportTooLargeError as error:
        return error_response(400, "too_many_rows", str(error), "q", total=error.total, limit=error.limit)
    lines = csv_lines(rows) if kind == "csv" else (json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    plain = "-".join(re.findall(r"[a-z0-9]+", search_request.q.lower()))[:60] or "semua"  # headers are Latin-1
    written = quote("-".join(re.findall(r"\w+", search_request.q.lower()))[:60] or "semua")
    response = Response(lines, mimetype="text/csv" if kind == "csv" else "application/x-ndjson")
    response.headers["Content-Disposition"] = (f'attachment; filename="searchapp-{plain}.{kind}"; '
                                               f"filename*=UTF-8''searchapp-{written}.{kind}")
    response.headers["X-Total-Count"] = str(total)
    return response


def _cell(value: object) -> object:
    """A text cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@` first) kept as text."""
    return f"'{value}" if isinstance(value, str) and value[:1] in ("=", "+", "-", "@") else value


def csv_lines(rows: Iterator[dict]) -> Iterator[str]:
    """A header, then one CSV line per row (people joined by "; "); a byte-order mark first, by which a
    spreadsheet (Excel) knows the text is UTF-8 and shows `Erdoğan` and “quotes” as written."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(EXPORT_COLUMNS)
    for row in rows:
        writer.writerow([_cell("; ".join(row[c]) if c == "people" else row[c]) for c in EXPORT_COLUMNS])
        if buffer.tell() > 64 * 1024:  # sent in pieces of about 64 KB
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


@blueprint.get("/documents/<path:doc_id>")
def document(doc_id: str):
    only_known(frozenset({"q", "raw"}))
    q = typed_text(request.args.get("q", ""))  # highlighted as the search that found it reads it
    if len(q) > 1000:
        raise QueryError("q", "the query is longer than 1000 characters")
    raw = request.args.get("raw", "")
    if raw not in ("", "0", "1"):
        raise QueryError("raw", f"'raw' must be 1 or 0, not {raw[:40]!r}")
    article = engine().document(doc_id, q, raw == "1")
    if article is None:
        return error_response(404, "not_found", f"no article with id {doc_id[:200]!r}", "id")
    return jsonify(article)


@blueprint.get("/outlets")
def outlets():
    only_known(frozenset())
    return jsonify({"outlets": engine().outlets()})


@blueprint.get("/people")
def people():
    only_known(frozenset({"prefix", "limit"}))
    prefix = request.args.get("prefix", "")
    if len(prefix) > 100:
        raise QueryError("prefix", "'prefix' is at most 100 characters")
    raw_limit = request.args.get("limit") or "20"
    try:
        limit = int(raw_limit)
    except ValueError:
        raise QueryError("limit", f"'limit' must be a whole number, not {raw_limit[:40]!r}") from None
    if not 1 <= limit <= 100:
        raise QueryError("limit", f"'limit' must be between 1 and 100, not {limit}")
    return jsonify({"people": engine().people(prefix, limit)})


@blueprint.get("/people/<slug>")
def person(slug: str):
    """A person's profile: aliases, articles over time, outlets, people named with them, latest articles."""
    only_known(frozenset())
    if (known := person_known_as(slug)) is not None:
        return moved(url_for("api.person", slug=known))  # an alias (jokowi → joko-widodo), another spelling
    name = engine().person_named(slug)
    if name is None:
        return error_response(404, "not_found", f"no person {slug[:100]!r} in the index", "slug")
    return jsonify({"name": name, "aliases": aliases_of(name), **profile(SearchRequest(people=(name,)), api=True)})


@blueprint.get("/outlets/<slug>")
def outlet(slug: str):
    """An outlet's profile: articles over time, the people it names most, its latest articles."""
    only_known(frozenset())
    found = next((o for o in engine().outlets() if o["slug"] == slug), None)
    if found is None and (named := engine().outlet_slug(slug)) not in (None, slug):
        return moved(url_for("api.outlet", slug=named))  # a slug from before the outlet table knew it
    if found is None:
        return error_response(404, "not_found", f"no outlet {slug[:100]!r}", "slug")
    return jsonify({**found, **profile(SearchRequest(outlets=(slug,)), api=True)})


@blueprint.get("/health")
def health():
    only_known(frozenset())
    return jsonify(engine().health())


@blueprint.get("/openapi.json")
def openapi():
    only_known(frozenset())
    return jsonify(openapi_document(engine().outlet_slugs()))
