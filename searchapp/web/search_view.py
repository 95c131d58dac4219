"""What the search page shows besides the API's data: article links, active-filter chips, page numbers,
the month histogram, each hit's links (Datasette's habit: the page renders the API's own facet values)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from flask import url_for
from markupsafe import Markup

from searchapp.extract.outlet import UNKNOWN_OUTLET, slugify
from searchapp.extract.registry import spelling_key
from searchapp.ingest.datetimes import WIB
from searchapp.search.query_dates import is_whole_month
from searchapp.search.request import SearchRequest
from searchapp.search.results import SearchResult, timeline_dict
from searchapp.web import format as fmt
from searchapp.web.attention import with_params
from searchapp.web.context import engine
from searchapp.web.page_params import SEARCH_PATH

SORT_LABELS = (("relevance", "Relevansi"), ("newest", "Terbaru"), ("oldest", "Terlama"))
TOP_PEOPLE_SHOWN = 5
HISTOGRAM_STEPS = 20  # bar heights are CSS classes h0 … h20 (the CSP forbids style attributes)


def article_url(doc_id: str, search: SearchRequest | None = None) -> str:
    """An article's page, carrying the whole search it was found by (query, filters, sort, page), so that
    its back link, related articles and copies keep that search."""
    path = url_for("pages.article", doc_id=doc_id)
    return search.url(path) if search is not None else path


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


PROFILE_PATHS = {"person": ("/tokoh", "/api/people"), "outlet": ("/media", "/api/outlets")}


def profile_url(kind: str, value: str, api: bool = False) -> str | None:
    """The page of a person or an outlet (*kind* as the facet names it), or its JSON when *api*; None for
    the unknown outlet and a name that leaves no slug."""
    slug = slugify(value)
    return f"{PROFILE_PATHS[kind][api]}/{slug}" if slug else None


def with_profile_urls(facets: dict, api: bool = False) -> dict:
    """The search's facets with each person and outlet linking to its page (`profile_url`)."""
    return {**facets, **{kind: [{**item, "profile_url": profile_url(kind, item["value"], api)}
                                for item in facets[kind]] for kind in PROFILE_PATHS}}


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
    chosen = {spelling_key(p) for p in search.people}
    people = [{"name": name, "selected": spelling_key(name) in chosen, "profile_url": profile_url("person", name),
               "url": search.toggled("person", name).url(SEARCH_PATH)} for name in hit["people"]]
    outlets = list(dict.fromkeys(copy["outlet_name"] or "Outlet tidak diketahui" for copy in hit["copies"]))
    return {**hit, "title_html": trusted(hit["title_html"]), "snippet": trusted(hit["snippet"]),
            "article_url": article_url(hit["id"], search), "people_links": people,
            "outlet_url": profile_url("outlet", hit["outlet"]) if hit["outlet"] else None,
            "copy_outlets": outlets, "copy_links": copy_links(hit["copies"], search)}


def copy_links(copies: list[dict], search: SearchRequest | None = None) -> list[dict]:
    """The other articles of a story, each with its article page."""
    return [{**copy, "article_url": article_url(copy["id"], search)} for copy in copies]


PER_PAGE_CHOICES = (10, 20, 50)
# days ending today, as dates are filtered by day: "Hari ini" is today's date, not the last 24 hours
DATE_PRESETS = (("Hari ini", 1), ("7 hari", 7), ("30 hari", 30), ("Tahun ini", None))


def date_presets(search: SearchRequest, today: dt.date) -> list[dict]:
    """Quick date ranges ending *today* (today, 7 or 30 days, this year), each toggling itself."""
    presets = []
    for label, days in DATE_PRESETS:
        start = today - dt.timedelta(days=days - 1) if days else today.replace(month=1, day=1)
        selected = (search.date_from, search.date_to) == (start, today)
        target = search.with_(date_from=None, date_to=None, page=1) if selected else \
            search.with_(date_from=start, date_to=today, page=1)
        presets.append({"label": label, "selected": selected, "url": target.url(SEARCH_PATH)})
    return presets


def per_page_options(search: SearchRequest) -> list[dict]:
    """Results per page to choose from (the one in effect among them)."""
    choices = sorted({*PER_PAGE_CHOICES, search.per_page})
    return [{"value": n, "selected": n == search.per_page,
             "url": search.with_(per_page=n, page=1).url(SEARCH_PATH)} for n in choices]


def sort_options(search: SearchRequest) -> list[dict]:
    """The sort choices, the one in effect selected. Without a query there is nothing to rank by
    relevance and the results come newest first: the default is labelled "Terbaru" (and stays the
    default, so that a query typed next is ranked by relevance)."""
    choices = SORT_LABELS if search.has_words else (("relevance" if search.sort != "newest" else "newest", "Terbaru"),
                                            ("oldest", "Terlama"))
    return [{"value": value, "label": label, "selected": value == search.sort,
             "url": search.with_(sort=value, page=1).url(SEARCH_PATH)} for value, label in choices]


def search_page_context(result: SearchResult, data: dict) -> dict:
    search = result.request
    facets = with_profile_urls(data["facets"])
    outlets = facets["outlet"]
    outlet_labels = {o["value"]: o["label"] for o in outlets}
    people = facets["person"]
    listed_people = {p["value"] for p in people if p["selected"]}
    first = (search.page - 1) * search.per_page
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
        "sort_options": sort_options(search),
        "per_page_options": per_page_options(search),
        "date_presets": date_presets(search, dt.datetime.now(WIB).date()),  # the articles' days are WIB's
        "pages": [{"number": n, "current": n == search.page,
                   "url": search.with_(page=n).url(SEARCH_PATH) if n else None}
                  for n in page_numbers(search.page, data["pages"])],
        "first_page_url": search.with_(page=1).url(SEARCH_PATH),
        "all_copies_url": search.with_(collapse=False, page=1).url(SEARCH_PATH),
        "grouped_url": search.with_(collapse=True, page=1).url(SEARCH_PATH),
        "feed_url": _takeaway(search).url(SEARCH_PATH + ".atom"),
        "export_csv_url": _takeaway(search).with_(sort=search.sort).url("/api/export"),
        "compare_url": _takeaway(search).url("/bandingkan"),
        # the words of a search's best matches, against the index: a search with no words has none to compare
        "significant_url": with_params(search.with_(page=1).url(SEARCH_PATH), kata="1") if search.has_words else None,
        "export_jsonl_url": with_params(_takeaway(search).with_(sort=search.sort).url("/api/export"), format="jsonl"),
    }


def _takeaway(search: SearchRequest) -> SearchRequest:
    """The search as a feed or an export takes it: the query and filters (they choose their own order
    and size)."""
    return search.with_(page=1, sort="relevance", per_page=SearchRequest().per_page)


def significant_view(engine, search: SearchRequest) -> dict:
    """The words and phrases over-represented in the search's best matches, each a link adding it to the query."""
    _resolved, _total, read, words = engine.significant(search)
    return {"read": read, "close_url": search.url(SEARCH_PATH),
            "words": [{"word": w.word, "phrase": w.is_phrase, "in_sample": w.in_sample,
                       "url": search.with_(q=f"{search.q} {w.query_text}".strip(), page=1).url(SEARCH_PATH)}
                      for w in words]}


def profile(search: SearchRequest, api: bool = False) -> dict:
    """What a person's or an outlet's page shows: its articles per period, the outlets and people most
    often in them, the latest of them — one search, filtered to it, newest first (links into the API
    when *api*)."""
    path = "/api/search" if api else SEARCH_PATH
    result = engine().search(search.with_(sort="newest", per_page=5), timeline="auto")
    data = result.to_dict(path)
    facets = with_profile_urls(data["facets"], api)
    chosen = set(search.people)
    return {
        "total": data["total"],
        "timeline": timeline_dict(result.timeline, result.request, result.total, path)
        if result.timeline is not None else None,
        # an outlet's page lists no outlets (its facet counts every outlet, as if none were ticked)
        "outlets": [] if search.outlets else [o for o in facets["outlet"] if o["count"]][:10],
        "people": [p for p in facets["person"] if p["value"] not in chosen][:15],
        "latest": data["results"],
        "search_url": search.url(path),
    }


def person_known_as(slug: str) -> str | None:
    """The slug of the indexed person a profile address names another way: by a spelling the facet does not
    show (`brahim-díaz` for Brahim Diaz), or by an alias config/people.yaml gives (`jokowi`); None otherwise
    (a 301 is remembered: what an alias points to must not change with the index)."""
    indexed = engine().person_named(slug)
    if indexed is not None:
        shown = slugify(indexed)
        return shown if shown not in (None, slug) else None
    name = engine().people_registry.canonical(slug.replace("-", " "))
    known = slugify(name) if name else None
    return known if known not in (None, slug) and engine().person_named(known) is not None else None


def aliases_of(name: str) -> list[str]:
    """The other names config/people.yaml gives the person."""
    return next((list(p.aliases) for p in engine().people_registry.all() if p.name == name), [])
