"""The HTML pages (in Indonesian): the search page and the article page.

The search page calls the same `SearchEngine.search` as the JSON API and renders the same
`SearchResult.to_dict` data (facet values with their ``toggle_url``); this module only adds what a page
needs besides: chips of the active filters, page numbers, sort links, and the article links.
Everything from articles and from the request is escaped by Jinja; the only markup passed through is
the search layer's highlighted ``title_html``, ``snippet`` and ``paragraphs_html``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from urllib.parse import urlsplit

from flask import Blueprint, render_template, request, url_for
from markupsafe import Markup
from werkzeug.exceptions import HTTPException

from searchapp.errors import QueryError
from searchapp.extract.outlet import UNKNOWN_OUTLET
from searchapp.search.engine import NoIndexError
from searchapp.search.query import date_span, is_whole_month
from searchapp.search.request import (
    DEFAULT_PER_PAGE,
    MAX_PAGE,
    MAX_PER_PAGE,
    MAX_QUERY_CHARS,
    SearchRequest,
    parse_search_params,
)
from searchapp.search.results import SearchResult
from searchapp.web import format as fmt
from searchapp.web.context import engine

blueprint = Blueprint("pages", __name__)
fmt.register(blueprint)

SEARCH_PATH = "/cari"
SEARCH_PARAMS = ("q", "outlet", "rubrik", "person", "from", "to", "sort", "page", "per_page", "collapse")
SORT_LABELS = (("relevance", "Relevansi"), ("newest", "Terbaru"), ("oldest", "Terlama"))
TOP_PEOPLE_SHOWN = 5
HISTOGRAM_STEPS = 20  # bar heights are CSS classes h0 … h20 (the CSP forbids style attributes)

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


@blueprint.errorhandler(NoIndexError)
def no_index(error: NoIndexError):
    return error_page(503)


# -- parameters -----------------------------------------------------------------------------------

def _quote(value: str, limit: int = 60) -> str:
    value = value.strip()
    return f"“{value[:limit]}{'…' if len(value) > limit else ''}”"


def problem_message(problem: QueryError, params: Mapping[str, Sequence[str]],
                    is_known_outlet) -> str:
    """The QueryError of a search parameter, said in Indonesian for the page."""
    name = problem.param
    values = [v for v in params.get(name) or [] if v is not None]
    if len({v.strip() for v in values}) > 1 and name not in ("outlet", "person"):
        return f"Parameter “{name}” diberikan lebih dari sekali dengan nilai berbeda; parameter diabaikan."
    raw = values[0] if values else ""
    if name == "q":
        return f"Kueri terlalu panjang (maksimal {MAX_QUERY_CHARS} karakter); kueri diabaikan."
    if name == "outlet":
        unknown = [v for v in values
                   if v.strip() and v.strip() != UNKNOWN_OUTLET and not is_known_outlet(v.strip())]
        return f"Outlet {_quote(unknown[0] if unknown else raw)} tidak dikenal; filter outlet itu diabaikan."
    if name == "person":
        return "Nama orang terlalu panjang (maksimal 200 karakter); filter orang diabaikan."
    if name == "rubrik":
        return "Nama rubrik terlalu panjang (maksimal 100 karakter); filter rubrik diabaikan."
    if name in ("from", "to"):
        label = "awal" if name == "from" else "akhir"
        if date_span(raw.strip()) is None:
            return (f"Tanggal {label} {_quote(raw)} tidak valid. Tulis tanggal sebagai TTTT-BB-HH, "
                    f"misalnya 2022-02-24; filter tanggal {label} diabaikan.")
        return "Tanggal awal jatuh setelah tanggal akhir; filter tanggal diabaikan."
    if name == "sort":
        return f"Urutan {_quote(raw)} tidak dikenal; hasil diurutkan menurut relevansi."
    if name == "page":
        return f"Nomor halaman {_quote(raw)} tidak valid (1 sampai {MAX_PAGE}); halaman 1 ditampilkan."
    if name == "per_page":
        return (f"Jumlah hasil per halaman {_quote(raw)} tidak valid (1 sampai {MAX_PER_PAGE}); "
                f"{DEFAULT_PER_PAGE} hasil per halaman ditampilkan.")
    return f"Parameter “{name}” tidak valid dan diabaikan."


def reversed_dates(params: Mapping[str, Sequence[str]]) -> bool:
    """Both dates are valid, so the problem with them is their order."""
    dates = [(params.get(name) or [""])[0].strip() for name in ("from", "to")]
    return all(dates) and all(date_span(d) is not None for d in dates)


def parse_leniently(params: dict[str, list[str]], is_known_outlet) -> tuple[SearchRequest, list[str]]:
    """The search request of *params*, leaving out each bad parameter (and saying why, in Indonesian)."""
    problems: list[str] = []
    for _attempt in range(len(SEARCH_PARAMS) + 1):
        try:
            return parse_search_params(params, is_known_outlet), problems
        except QueryError as problem:
            problems.append(problem_message(problem, params, is_known_outlet))
            if problem.param == "outlet":
                known = [v for v in params.get("outlet", [])
                         if v.strip() == UNKNOWN_OUTLET or (v.strip() and is_known_outlet(v.strip()))]
                if known == params.get("outlet"):
                    params.pop("outlet", None)
                else:
                    params["outlet"] = known
            elif problem.param == "from" and reversed_dates(params):
                params.pop("from")
                params.pop("to")
            elif problem.param in params:
                params.pop(problem.param)
            else:
                break
    return SearchRequest(), problems


# -- the search page ------------------------------------------------------------------------------

def article_url(doc_id: str, q: str = "") -> str:
    return url_for("pages.article", doc_id=doc_id, q=q or None)


def trusted(html: str) -> Markup:
    """Markup written by the search layer (escaped text with <mark>), passed through as it is."""
    return Markup(html)


def date_chip_label(date_from: dt.date | None, date_to: dt.date | None) -> str:
    if date_from and date_to:
        if is_whole_month(date_from, date_to):
            return fmt.bulan(date_from.strftime("%Y-%m"))
        if date_from == date_to:
            return fmt.tanggal(date_from)
        return f"{fmt.tanggal(date_from)} – {fmt.tanggal(date_to)}"
    if date_from:
        return f"sejak {fmt.tanggal(date_from)}"
    return f"sampai {fmt.tanggal(date_to)}"


def chips(search: SearchRequest, outlet_labels: Mapping[str, str]) -> list[dict]:
    """The active filters, each with the URL that removes it."""
    found = []
    for slug in search.outlets:
        label = "tidak diketahui" if slug == UNKNOWN_OUTLET else outlet_labels.get(slug, slug)
        found.append({"kind": "Outlet", "label": label,
                      "url": search.toggled("outlet", slug).url(SEARCH_PATH)})
    for name in search.categories:
        found.append({"kind": "Rubrik", "label": name, "url": search.toggled("rubrik", name).url(SEARCH_PATH)})
    for name in search.people:
        found.append({"kind": "Orang", "label": name,
                      "url": search.toggled("person", name).url(SEARCH_PATH)})
    if search.date_from or search.date_to:
        found.append({"kind": "Tanggal", "label": date_chip_label(search.date_from, search.date_to),
                      "url": search.with_(date_from=None, date_to=None, page=1).url(SEARCH_PATH)})
    return found


def page_numbers(current: int, last: int, around: int = 2) -> list[int | None]:
    """Page numbers to link: the first, the last and those around *current*; None for a gap."""
    wanted = {1, last} | set(range(max(1, current - around), min(last, current + around) + 1))
    numbers: list[int | None] = []
    for number in sorted(wanted):
        if numbers and number - (numbers[-1] or 0) > 1:
            numbers.append(None if number - (numbers[-1] or 0) > 2 else number - 1)
        numbers.append(number)
    return numbers


def histogram(months: list[dict]) -> list[dict]:
    """The month facet (every month from the first to the last) as bars of the histogram."""
    highest = max((m["count"] for m in months), default=0) or 1
    return [{**month, "short": fmt.bulan(month["value"], short=True),
             "abbr": fmt.MONTHS_SHORT_ID[int(month["value"][5:7]) - 1],
             "step": max(round(month["count"] / highest * HISTOGRAM_STEPS), 1) if month["count"] else 0}
            for month in months]


def hit_view(hit: dict, search: SearchRequest) -> dict:
    people = [{"name": name, "selected": name in search.people,
               "url": search.toggled("person", name).url(SEARCH_PATH)} for name in hit["people"]]
    outlets = list(dict.fromkeys(copy["outlet_name"] or "Outlet tidak diketahui" for copy in hit["copies"]))
    return {**hit, "title_html": trusted(hit["title_html"]), "snippet": trusted(hit["snippet"]),
            "article_url": article_url(hit["id"], search.q), "people_links": people,
            "copy_outlets": outlets, "copy_links": copy_links(hit["copies"], search.q)}


def copy_links(copies: list[dict], q: str = "") -> list[dict]:
    """The other articles of a story, each with its article page."""
    return [{**copy, "article_url": article_url(copy["id"], q)} for copy in copies]


def search_page_context(result: SearchResult, data: dict) -> dict:
    search = result.request
    facets = data["facets"]
    outlets = facets["outlet"]
    outlet_labels = {o["value"]: o["label"] for o in outlets}
    people = facets["person"]
    listed_people = {p["value"] for p in people if p["selected"]}
    first = (search.page - 1) * search.per_page
    sort_options = [{"value": value, "label": label, "selected": search.sort == value,
                     "url": search.with_(sort=value, page=1).url(SEARCH_PATH)}
                    for value, label in SORT_LABELS]
    return {
        "search": search,
        "data": data,
        "hits": [hit_view(hit, search) for hit in data["results"]],
        "first_rank": first + 1,
        "last_rank": first + len(data["results"]),
        "outlets": outlets,
        "categories": facets["rubrik"],
        "people_top": people[:TOP_PEOPLE_SHOWN],
        "people_more": people[TOP_PEOPLE_SHOWN:],
        # selected people the facet does not list (so the filter form keeps them)
        "people_hidden": [name for name in search.people if name not in listed_people],
        "months": histogram(facets["month"]),
        "unknown_dates": facets["unknown"]["date"],
        "chips": chips(search, outlet_labels),
        "clear_url": SearchRequest(q=search.q, sort=search.sort, per_page=search.per_page).url(SEARCH_PATH),
        "sort_options": sort_options,
        "pages": [{"number": n, "current": n == search.page,
                   "url": search.with_(page=n).url(SEARCH_PATH) if n else None}
                  for n in page_numbers(search.page, data["pages"])],
        "first_page_url": search.with_(page=1).url(SEARCH_PATH),
        "all_copies_url": search.with_(collapse=False, page=1).url(SEARCH_PATH),
        "grouped_url": search.with_(collapse=True, page=1).url(SEARCH_PATH),
        "default_per_page": DEFAULT_PER_PAGE,
    }


@blueprint.get("/")
@blueprint.get(SEARCH_PATH)
def search():
    search_engine = engine()
    params = {key: request.args.getlist(key) for key in SEARCH_PARAMS if key in request.args}
    search_request, problems = parse_leniently(params, search_engine.is_known_outlet)
    search_request, person_choices = resolve_people(search_engine, search_request, problems)
    result = search_engine.search(search_request)
    data = result.to_dict(SEARCH_PATH)
    context = search_page_context(result, data)
    status = 400 if problems else 200
    return render_template("search.html", problems=problems, person_choices=person_choices, **context), status


def resolve_people(search_engine, search: SearchRequest, problems: list[str]) -> tuple[SearchRequest, list[dict]]:
    """The request with each typed person resolved as autocomplete resolves it (`putin` → Vladimir Putin);
    a name that names several people is left out of the search and offered as choices, one that names
    nobody is left out with a notice in *problems*."""
    resolved, choices = [], []
    for typed in search.people:
        found = search_engine.person_choices(typed)
        if len(found) == 1:
            resolved.append(found[0])
        elif found:
            others = tuple(p for p in search.people if p != typed)
            choices.append({"typed": typed, "people": [
                {"name": name, "url": search.with_(people=others + (name,), page=1).url(SEARCH_PATH)}
                for name in found]})
        else:
            problems.append(f"Tidak ada orang bernama {_quote(typed)} di indeks; filter orang itu diabaikan.")
    return search.with_(people=tuple(dict.fromkeys(resolved))), choices


# -- the article page -----------------------------------------------------------------------------

def back_url(q: str) -> str:
    """Back to the search the reader came from (the Referer, when it is one of our search pages)."""
    referrer = request.referrer
    if referrer:
        parts = urlsplit(referrer)
        ours = parts.netloc == request.host and parts.scheme in ("http", "https")
        if ours and parts.path in ("/", SEARCH_PATH):
            return f"{SEARCH_PATH}?{parts.query}" if parts.query else SEARCH_PATH
    return SearchRequest(q=q).url(SEARCH_PATH)


def safe_link(url: str | None) -> str | None:
    """An article's source URL, only when it is a web address (never javascript: and the like)."""
    if url and urlsplit(url.strip()).scheme in ("http", "https"):
        return url.strip()
    return None


@blueprint.get("/artikel/<path:doc_id>")
def article(doc_id: str):
    q = request.args.get("q", "").strip()[:MAX_QUERY_CHARS]
    found = engine().document(doc_id, q)
    if found is None:
        return error_page(404, "Artikel tidak ditemukan",
                          "Tidak ada artikel dengan alamat ini. Mungkin artikel itu telah dihapus dari "
                          "indeks; coba cari judulnya.")
    found = {**found,
             "title_html": trusted(found["title_html"]),
             "paragraphs_html": [trusted(p) for p in found["paragraphs_html"]],
             "source_url": safe_link(found.get("url")),
             "people_links": [{"name": name, "url": SearchRequest(people=(name,)).url(SEARCH_PATH)}
                              for name in found["people"]],
             "outlet_url": SearchRequest(outlets=(found["outlet"],)).url(SEARCH_PATH)
             if found.get("outlet") else None,
             "related": [{**hit, "article_url": article_url(hit["id"])} for hit in found["related"]],
             "copy_links": copy_links(found["copies"])}
    return render_template("article.html", article=found, q=q, back_url=back_url(q))
