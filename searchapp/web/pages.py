"""The HTML pages (in Indonesian): the search page and the article page.

The search page calls the same `SearchEngine.search` as the JSON API and renders the same
`SearchResult.to_dict` data (facet values with their ``toggle_url``); this module only adds what a page
needs besides (`search_view`, and the chart's `attention`), reading its parameters leniently (`page_params`).
Everything from articles and from the request is escaped by Jinja; the only markup passed through is
the search layer's highlighted ``title_html``, ``snippet`` and ``paragraphs_html``.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from flask import Blueprint, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from searchapp.errors import CorruptIndexError, PersonChoiceError, QueryError, UnavailableError
from searchapp.search.live import NoIndexError
from searchapp.search.request import SearchRequest, parse_search_params
from searchapp.search.timeline import IntervalError
from searchapp.web import format as fmt
from searchapp.web.attention import attention_view, chart_params, interval_problem
from searchapp.web.context import engine
from searchapp.web.page_params import SEARCH_PARAMS, SEARCH_PATH, parse_leniently, resolve_people
from searchapp.web.search_view import (
    article_url,
    copy_links,
    profile_url,
    search_page_context,
    significant_view,
    trusted,
)

blueprint = Blueprint("pages", __name__)
fmt.register(blueprint)


ERRORS = {
    400: ("Permintaan tidak valid", "Alamat ini berisi parameter yang tidak dapat dipahami."),
    404: ("Halaman tidak ditemukan", "Halaman yang Anda cari tidak ada. Periksa alamatnya, atau cari berita "
                                     "lewat kotak pencarian di atas."),
    405: ("Metode tidak diizinkan", "Halaman ini hanya dapat dibuka, tidak dapat dikirimi data."),
    500: ("Terjadi kesalahan", "Maaf, terjadi kesalahan di server. Kesalahan ini telah dicatat; silakan coba "
                               "lagi sebentar lagi."),
    503: ("Indeks belum tersedia", "Berita belum diindeks. Jalankan 'searchapp index', lalu muat ulang "
                                   "halaman ini."),
}


# -- errors ---------------------------------------------------------------------------------------

def error_page(code: int, title: str | None = None, message: str | None = None):
    default_title, default_message = ERRORS.get(code, (f"Kesalahan {code}", "Terjadi kesalahan."))
    return render_template("error.html", code=code, title=title or default_title,
                           message=message or default_message), code


def http_error(error: HTTPException):
    """Routing and server errors of the pages, as an Indonesian page (registered on the app)."""
    return error_page(error.code or 500)


@blueprint.app_errorhandler(NoIndexError)
def no_index(error: NoIndexError):
    return error_page(503)


@blueprint.app_errorhandler(UnavailableError)
def unavailable(error: UnavailableError):
    return error_page(503, "Indeks belum dapat dicari", "Sebagian indeks sedang ditulis atau tidak menjawab. "
                      "Coba lagi sebentar lagi.")


@blueprint.app_errorhandler(CorruptIndexError)
def unreadable_index(error: CorruptIndexError):
    return error_page(503, "Indeks tidak dapat dibaca", "Berkas indeks rusak atau tidak lengkap. Jalankan "
                      "'searchapp index --rebuild' untuk membangunnya kembali, lalu muat ulang halaman ini.")


# -- the search page ------------------------------------------------------------------------------

@blueprint.get("/")
@blueprint.get(SEARCH_PATH)
def search():
    search_engine = engine()
    params = {key: request.args.getlist(key) for key in SEARCH_PARAMS if key in request.args}
    search_request, problems = parse_leniently(params, search_engine.outlet_slug)
    search_request, person_choices = resolve_people(search_engine, search_request, problems)
    interval, scale = chart_params(request.args, problems)
    try:
        result = search_engine.search(search_request, timeline=interval)
    except IntervalError as error:
        problems.append(interval_problem(error))
        interval = "auto"
        result = search_engine.search(search_request, timeline=interval)
    data = result.to_dict(SEARCH_PATH)
    context = search_page_context(result, data)
    context["attention"] = attention_view(result, interval, scale)
    context["significant"] = significant_view(search_engine, result.request) \
        if request.args.get("kata") == "1" and result.request.has_words \
        else None
    status = 400 if problems else 200
    return render_template("search.html", problems=problems, person_choices=person_choices, **context), status


FEED_SIZE = 50


@blueprint.get(SEARCH_PATH + ".atom")
def feed():
    """Every search as an Atom feed of its 50 newest articles (each story once): how a reader gets
    alerts without an account, by pointing a feed reader here."""
    search_engine = engine()
    params = {key: request.args.getlist(key) for key in SEARCH_PARAMS if key in request.args}
    try:
        search_request = parse_search_params(params, search_engine.outlet_slug)
        search_request = search_request.with_(sort="newest", page=1, per_page=FEED_SIZE)
        result = search_engine.search(search_request)
    except (QueryError, PersonChoiceError) as error:
        return jsonify({"error": {"code": error.code, "message": str(error), "param": error.param}}), 400
    root = request.url_root.rstrip("/")
    changed = search_engine.health().get("last_modified") or dt.datetime.now(dt.timezone.utc).isoformat()
    entries = [feed_entry(hit, root, changed) for hit in result.to_dict(SEARCH_PATH)["results"]]
    body = render_template(
        "feed.atom.xml", entries=entries, title=search_request.q or "semua berita",
        subtitle=f"{FEED_SIZE} berita terbaru yang cocok, dari searchapp",
        feed_url=root + search_request.with_(sort="relevance", per_page=10).url(SEARCH_PATH + ".atom"),
        page_url=root + search_request.with_(sort="newest", per_page=10).url(SEARCH_PATH),
        updated=max((e["updated"] for e in entries), key=dt.datetime.fromisoformat, default=changed))
    return Response(body, mimetype="application/atom+xml")


def feed_entry(hit: dict, root: str, changed: str) -> dict:
    """A hit as an Atom entry, dated by its stated moment of publication, else its day (midnight, WIB),
    else the index's last change; a moment the site states as its last update ("Diperbarui") is the entry's
    update, and its publication is left unsaid."""
    stated = hit.get("published_at") or (f"{hit['date']}T00:00:00+07:00" if hit.get("date") else None)
    published = None if hit.get("updated") else stated
    return {"title": hit["title"], "url": root + article_url(hit["id"]), "source_url": safe_link(hit.get("url")),
            "published": published, "updated": stated or changed,
            "outlet": hit.get("outlet_name") or "tidak diketahui", "snippet": hit["snippet"]}


# -- the article page -----------------------------------------------------------------------------

def back_url(search: SearchRequest) -> str:
    """Back to the search the reader came from: the one the article's URL carries, else the Referer when
    it is one of our search pages, else the search page."""
    if search != SearchRequest():
        return search.url(SEARCH_PATH)
    referrer = request.referrer
    if referrer:
        parts = urlsplit(referrer)
        ours = parts.netloc == request.host and parts.scheme in ("http", "https")
        if ours and parts.path in ("/", SEARCH_PATH):
            return f"{SEARCH_PATH}?{parts.query}" if parts.query else SEARCH_PATH
    return SEARCH_PATH


def safe_link(url: str | None) -> str | None:
    """An article's source URL, only when it is a web address (never javascript: and the like)."""
    if url and urlsplit(url.strip()).scheme in ("http", "https"):
        return url.strip()
    return None


@blueprint.get("/artikel/<path:doc_id>")
def article(doc_id: str):
    params = {key: request.args.getlist(key) for key in SEARCH_PARAMS if key in request.args}
    search, _problems = parse_leniently(params, engine().outlet_slug)  # the search it was found by
    q = search.q
    found = engine().document(doc_id, q)
    if found is None:
        return error_page(404, "Artikel tidak ditemukan",
                          "Tidak ada artikel dengan alamat ini. Mungkin artikel itu telah dihapus dari "
                          "indeks; coba cari judulnya.")
    found = {**found,
             "title_html": trusted(found["title_html"]),
             "paragraphs_html": [trusted(p) for p in found["paragraphs_html"]],
             "source_url": safe_link(found.get("url")),
             "people_links": [{"name": name, "url": profile_url("person", name)} for name in found["people"]],
             "outlet_url": SearchRequest(outlets=(found["outlet"],)).url(SEARCH_PATH)
             if found.get("outlet") else None,
             "related": [{**hit, "article_url": article_url(hit["id"], search)} for hit in found["related"]],
             "copy_links": copy_links(found["copies"], search)}
    return render_template("article.html", article=found, q=q, back_url=back_url(search))
