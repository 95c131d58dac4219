"""URLs of search states: every facet value carries the URL that toggles it (HTML and JSON alike)."""

from __future__ import annotations

from urllib.parse import urlencode

from searchapp.search.engine import SearchResult
from searchapp.search.query import date_span
from searchapp.search.request import SearchRequest


def search_url(path: str, request: SearchRequest) -> str:
    params = request.to_params()
    return f"{path}?{urlencode(params)}" if params else path


def toggled(request: SearchRequest, facet: str, value: str) -> SearchRequest:
    """The request with one facet value switched on or off (and back to the first page)."""
    request = request.with_(page=1)
    if facet == "outlet":
        outlets = tuple(o for o in request.outlets if o != value)
        return request.with_(outlets=outlets if value in request.outlets else request.outlets + (value,))
    if facet == "person":
        people = tuple(p for p in request.people if p != value)
        return request.with_(people=people if value in request.people else request.people + (value,))
    if facet == "month":
        start, end = date_span(value) or (None, None)
        if request.date_from == start and request.date_to == end:
            return request.with_(date_from=None, date_to=None)
        return request.with_(date_from=start, date_to=end)
    raise ValueError(f"unknown facet {facet!r}")


def result_with_urls(result: SearchResult, path: str) -> dict:
    """The result as a dict, each facet value with its ``toggle_url``, plus page and suggestion URLs."""
    data = result.to_dict()
    request = result.request
    for facet, values in data["facets"].items():
        if facet == "unknown":
            continue
        for value in values:
            value["toggle_url"] = search_url(path, toggled(request, facet, value["value"]))
    data["urls"] = {
        "self": search_url(path, request),
        "next": search_url(path, request.with_(page=request.page + 1)) if request.page < result.pages else None,
        "previous": search_url(path, request.with_(page=request.page - 1)) if request.page > 1 else None,
        "suggestion": search_url(path, request.with_(q=result.suggestion, page=1)) if result.suggestion else None,
    }
    return data
