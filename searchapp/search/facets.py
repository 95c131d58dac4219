"""Facet counting from per-generation tables of document → outlet, month, people.

The tables are built once per index generation (from the outlet and people postings and the date
column, never from stored text) and shared by every request until the index changes. Counting a
facet is then a loop over the matching document numbers, without scoring. What the counts become —
facet values a page and the API render alike — is `searchapp.search.facet_values`.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import Counter
from collections.abc import Callable, Iterable
from itertools import chain
from typing import Any

from whoosh.reading import IndexReader

from searchapp.extract.registry import spelled_alike, spelling_key
from searchapp.index.whoosh27 import column_values

NO_DATE = 0
TOP_PEOPLE = 20  # people the facet lists


class FacetTables:
    """For each document number of one reader: outlet id, date ordinal, month id and people ids."""

    def __init__(self, reader: IndexReader) -> None:
        size = reader.doc_count_all()
        self.size = size
        self.outlets: list[str] = sorted(reader.field_terms("outlet"))
        self.outlet_of = [-1] * size
        self.outlet_names: dict[str, str] = {}  # as an outlet's articles name it (the outlet table may not)
        for number, slug in enumerate(self.outlets):
            for docnum in reader.postings("outlet", slug).all_ids():
                if self.outlet_of[docnum] == -1 and slug not in self.outlet_names:
                    self.outlet_names[slug] = reader.stored_fields(docnum).get("outlet_name") or slug
                self.outlet_of[docnum] = number
        self.any_unknown_outlet = -1 in self.outlet_of

        self.categories: list[str] = sorted(reader.field_terms("category")) if "category" in reader.schema else []
        self.category_of = [-1] * size
        for number, name in enumerate(self.categories):
            for docnum in reader.postings("category", name).all_ids():
                self.category_of[docnum] = number

        # one person however the articles spell the name (`spelled_alike`): shown as most of them do
        postings = {name: list(reader.postings("people", name).all_ids()) for name in reader.field_terms("people")}
        shown = spelled_alike({name: len(docs) for name, docs in postings.items()})
        self.names: list[str] = list(postings)  # every spelling indexed (`orang:` reads them)
        self.people: list[str] = list(dict.fromkeys(shown.values()))
        self._shown = {spelling_key(name): shown[name] for name in postings}
        self._spellings: dict[str, list[str]] = {}
        for name in postings:
            self._spellings.setdefault(shown[name], []).append(name)
        number_of = {name: number for number, name in enumerate(self.people)}
        people_of: list[dict[int, None]] = [{} for _ in range(size)]
        for name, docs in postings.items():
            for docnum in docs:
                people_of[docnum][number_of[shown[name]]] = None
        self.people_of = [tuple(ids) for ids in people_of]
        self._person_counts = Counter(chain.from_iterable(self.people_of))  # live documents only

        # each document's place in the order of article ids: what breaks ties of score or date, the same
        # in one index and across shards (document numbers follow the order of writing)
        ids = column_values(reader, "id", translate=True)
        self.tie = [0] * size
        for place, docnum in enumerate(sorted(range(size), key=lambda d: ids[d] or "")):
            self.tie[docnum] = place

        self.date_of = [NO_DATE] * size  # proleptic ordinal, 0 when unknown
        # the stated moment in epoch seconds (0 when no time is stated): orders articles within a day
        self.time_of = [value or 0 for value in column_values(reader, "published", translate=True)] \
            if "published" in reader.schema else [0] * size
        self.months: list[str] = []
        self.month_of = [-1] * size
        if "date" in reader.schema:
            field = reader.schema["date"]
            month_ids: dict[str, int] = {}
            for docnum, raw in enumerate(column_values(reader, "date")):
                if not raw:
                    continue
                try:
                    when = field.from_column_value(raw)
                except (OverflowError, ValueError):
                    continue
                self.date_of[docnum] = when.toordinal()
                month = f"{when.year:04d}-{when.month:02d}"
                if month not in month_ids:
                    month_ids[month] = len(self.months)
                    self.months.append(month)
                self.month_of[docnum] = month_ids[month]

    def outlet_counts(self, docnums: Iterable[int]) -> tuple[Counter, int]:
        """Documents per outlet slug, and those with no known outlet."""
        counts = Counter(map(self.outlet_of.__getitem__, docnums))
        unknown = counts.pop(-1, 0)
        return Counter({self.outlets[i]: n for i, n in counts.items()}), unknown

    def month_counts(self, docnums: Iterable[int]) -> tuple[Counter, int]:
        counts = Counter(map(self.month_of.__getitem__, docnums))
        unknown = counts.pop(-1, 0)
        return Counter({self.months[i]: n for i, n in counts.items()}), unknown

    def alike(self, name: str) -> str | None:
        """The indexed person *name* spells, in any case, accents or punctuation, as the facet shows them."""
        return self._shown.get(spelling_key(name))

    def spellings(self, name: str) -> list[str]:
        """The names indexed for the person *name* spells (every spelling of `spelled_alike`'s person)."""
        shown = self.alike(name)
        return self._spellings[shown] if shown else [name]

    def person_counts(self) -> dict[str, int]:
        """Every person in at least one live document, with the number of such documents."""
        return {self.people[i]: n for i, n in self._person_counts.items()}

    def top_people(self, docnums: Iterable[int], count: int) -> list[tuple[str, int]]:
        """The *count* people in most of the documents (ties by name), with their counts."""
        counts = Counter(chain.from_iterable(map(self.people_of.__getitem__, docnums)))
        return top_counts(counts, count, self.people.__getitem__)

    def people_counts(self, docnums: Iterable[int]) -> Counter:
        """The documents of each person mentioned in *docnums* (a shard's part of the people facet)."""
        counts = Counter(chain.from_iterable(map(self.people_of.__getitem__, docnums)))
        return Counter({self.people[i]: n for i, n in counts.items()})

    def category_counts(self, docnums: Iterable[int]) -> Counter:
        """Documents per rubric (those without one not counted)."""
        counts = Counter(map(self.category_of.__getitem__, docnums))
        counts.pop(-1, None)
        return Counter({self.categories[i]: n for i, n in counts.items()})

    def with_categories(self, docnums: Iterable[int], names: Iterable[str]) -> set[int]:
        """The documents in one of the rubrics *names* (compared without regard to case)."""
        wanted_names = {name.casefold() for name in names}
        wanted = {i for i, name in enumerate(self.categories) if name.casefold() in wanted_names}
        category_of = self.category_of
        return {d for d in docnums if category_of[d] in wanted}

    def with_outlets(self, docnums: Iterable[int], slugs: Iterable[str]) -> set[int]:
        """The documents whose outlet is one of *slugs* (``unknown``: no known outlet)."""
        wanted = {self.outlets.index(s) if s in self.outlets else (-1 if s == "unknown" else -2)
                  for s in slugs}
        outlet_of = self.outlet_of
        return {d for d in docnums if outlet_of[d] in wanted}

    def within_dates(self, docnums: Iterable[int], start: dt.date | None, end: dt.date | None) -> set[int]:
        """The documents dated within [start, end] (either end open); undated ones never are."""
        low = start.toordinal() if start else 1
        high = end.toordinal() if end else dt.date.max.toordinal()
        date_of = self.date_of
        return {d for d in docnums if low <= date_of[d] <= high}

    def by_date(self, docnums: set[int], newest: bool, limit: int) -> list[int]:
        """The *limit* newest (or oldest) of *docnums*: by day, within a day by the stated time (articles
        without one after those with one), undated ones last, ties by article id."""
        return heapq.nsmallest(limit, docnums, key=self.date_key(newest))

    def date_key(self, newest: bool, tie: bool = True) -> Callable[[int], tuple]:
        """A document's place in date order (with *tie*, the article's place in id order last)."""
        date_of, time_of, ties = self.date_of, self.time_of, self.tie if tie else _UNTIED
        if newest:
            return lambda d: (-date_of[d] if date_of[d] else 1, -time_of[d] if time_of[d] else 0, ties[d])
        return lambda d: (date_of[d] or 10**9, time_of[d] or 2**62, ties[d])


def top_counts(counts: Counter, count: int, name: Callable[[Any], str] = str) -> list[tuple[str, int]]:
    """The *count* largest of *counts* (ties by *name*: only the keys that may be in are named)."""
    if not counts:
        return []
    threshold = heapq.nlargest(count, counts.values())[-1]
    top = [(name(key), n) for key, n in counts.items() if n >= threshold]
    top.sort(key=lambda item: (-item[1], item[0]))
    return top[:count]


class _Untied:
    """Every document's place when ties are left to the caller (a shard appends the article id)."""

    def __getitem__(self, _docnum: int) -> int:
        return 0


_UNTIED = _Untied()
