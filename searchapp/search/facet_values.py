"""Facets as the reader sees them: each value with its label, count, whether it is ticked, and the search
that ticking it leads to. The HTML page and the JSON API render these same objects.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from searchapp.extract.outlet import UNKNOWN_OUTLET
from searchapp.search.query_dates import is_whole_month
from searchapp.search.request import SearchRequest

MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
             "Oktober", "November", "Desember")
UNKNOWN_OUTLET_LABEL = "Outlet tidak diketahui"
MAX_FILLED_MONTHS = 120  # a longer span lists only the months that have articles


def month_label(month: str) -> str:
    """``2022-02`` → ``Februari 2022``."""
    year, number = month.split("-")[:2]
    return f"{MONTHS_ID[int(number) - 1]} {year}"


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    facet: Facet

    @property
    def toggle(self) -> SearchRequest:
        """The search with this value switched on or off (made when rendered: most values never are)."""
        return self.facet.request.toggled(self.facet.name, self.value)

    def to_dict(self, path: str) -> dict:
        return {"value": self.value, "label": self.label, "count": self.count, "selected": self.selected,
                "toggle_url": self.toggle.url(path)}


class Facet:
    """One facet of a search: its name is the request parameter its values toggle."""

    name = ""

    def __init__(self, request: SearchRequest) -> None:
        self.request = request

    def value(self, value: str, label: str, count: int, selected: bool) -> FacetValue:
        return FacetValue(value, label, count, selected, self)


class OutletFacet(Facet):
    """Every outlet of the index by count (counted as if no outlet were ticked), those without results at
    0, so that no outlet disappears after a pick; a ticked outlet is always listed; articles without a
    known outlet are the value ``unknown``, listed whenever the index has any."""

    name = "outlet"

    def values(self, counts: Counter, unknown: int, label_of: Callable[[str], str], indexed: Iterable[str] = (),
               any_unknown: bool = False) -> list[FacetValue]:
        ticked = self.request.outlets
        every = Counter({slug: 0 for slug in indexed if slug != UNKNOWN_OUTLET})
        every.update({slug: 0 for slug in ticked if slug != UNKNOWN_OUTLET})
        every.update(counts)
        values = [self.value(slug, label_of(slug), count, slug in ticked)
                  for slug, count in sorted(every.items(), key=lambda item: (-item[1], item[0]))]
        if unknown or any_unknown or UNKNOWN_OUTLET in ticked:
            values.append(self.value(UNKNOWN_OUTLET, UNKNOWN_OUTLET_LABEL, unknown, UNKNOWN_OUTLET in ticked))
        return values


class CategoryFacet(Facet):
    """The outlets' rubrics (where a corpus states them), by count; counted, like outlets, as if no rubric
    were ticked."""

    name = "rubrik"

    def values(self, counts: Counter) -> list[FacetValue]:
        ticked = {name.casefold() for name in self.request.categories}
        values = [self.value(name, name, count, name.casefold() in ticked)
                  for name, count in sorted(_by_casefold(counts).items(), key=lambda item: (-item[1], item[0]))]
        listed = {value.value.casefold() for value in values}
        return values + [self.value(name, name, 0, True) for name in self.request.categories
                         if name.casefold() not in listed]


def _by_casefold(counts: Counter) -> Counter:
    """Counts of names written in several cases ("Nasional", "nasional": one rubric, as the filter reads it)
    summed under the spelling most of them use."""
    groups: dict[str, Counter] = {}
    for name, count in counts.items():
        groups.setdefault(name.casefold(), Counter())[name] = count
    return Counter({min(spellings, key=lambda name: (-spellings[name], name)): sum(spellings.values())
                    for spellings in groups.values()})


class PersonFacet(Facet):
    """The people most often mentioned in the results."""

    name = "person"

    def values(self, top: list[tuple[str, int]], ticked: list[str]) -> list[FacetValue]:
        return [self.value(name, name, count, name in ticked) for name, count in top]


class MonthFacet(Facet):
    """Results per month, from the first month to the last, months without results included; counted as
    if no date were picked, so that the histogram stays whole after a pick."""

    name = "month"

    def values(self, counts: Counter) -> list[FacetValue]:
        if not counts:
            return []
        span = month_span(min(counts), max(counts))
        if len(span) > MAX_FILLED_MONTHS:
            span = sorted(counts)
        return [self.value(month, month_label(month), counts.get(month, 0), self.selected(month))
                for month in span]

    def selected(self, month: str) -> bool:
        start, end = self.request.date_from, self.request.date_to
        return bool(start and end and start.strftime("%Y-%m") == month and is_whole_month(start, end))


def month_span(first: str, last: str) -> list[str]:
    """Every month from *first* to *last* (``YYYY-MM``), at most one more than `MAX_FILLED_MONTHS`."""
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last and len(months) <= MAX_FILLED_MONTHS:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def listed_outlets(configured: Iterable, counts: dict[str, int], label: Callable[[str], str]) -> list[dict]:
    """Every outlet, configured (*configured*: slug and name) or only indexed, with its live articles, most
    first (then by name): the outlets a reader can pick from, those without an article last."""
    listed = {o.slug: {"slug": o.slug, "name": o.name, "count": counts.get(o.slug, 0)} for o in configured}
    listed.update({slug: {"slug": slug, "name": label(slug), "count": n} for slug, n in counts.items()
                   if slug not in listed})
    return sorted(listed.values(), key=lambda o: (-o["count"], o["name"].casefold()))
