"""`ShardedEngine`: the search interface over a sharded index, giving what one index of the same articles
gives (totals, facet counts, order, scores, highlights, stories).

A search asks every shard three things (`searchapp.search.shard`): how many articles match and its
statistics of the query's terms (summed, they decide partial matches and give BM25F the figures of the
whole set); its facet counts and best articles scored with those figures (merged: counts summed, the
page taken from the shards' best in one order, each story once); the hits of the page and the copies of
their stories. The shards answer here (`LocalShards`) or on a Ray cluster (`searchapp.search.cluster`);
a shard none of whose replicas answers is named in the result, never silently left out of its counts.
"""

from __future__ import annotations

import functools
import time
from collections import Counter
from typing import Protocol

from searchapp import __version__
from searchapp.config import Settings
from searchapp.errors import PersonChoiceError, SearchappError
from searchapp.extract.outlet import OutletTable, slugify
from searchapp.index.analysis import QueryAnalysis
from searchapp.index.schema import build_schema
from searchapp.search.facet_values import CategoryFacet, MonthFacet, OutletFacet, PersonFacet
from searchapp.search.facets import top_counts
from searchapp.search.people import names_person
from searchapp.search.query import parse_query
from searchapp.search.results import Facets, Hit, SearchResult
from searchapp.search.shard import Entry, Part, Plan, ShardSearcher
from searchapp.search.statistics import Statistics
from searchapp.search.stories import MAX_COPIES
from searchapp.search.suggest import MAX_CANDIDATES, closest, corrected
from searchapp.search.timeline import Timeline, aligned_timelines

TOP_PEOPLE = 20


class ShardsMissingError(SearchappError):
    """No replica of some shard answered: the set cannot be searched whole."""

    def __init__(self, missing: list[int]) -> None:
        super().__init__(f"shard(s) {', '.join(map(str, missing))} did not answer")
        self.missing = missing


class MixedSetsError(SearchappError):
    """Shards answered from different published sets (an indexing run was being published)."""


class Shards(Protocol):
    count: int

    def all(self, method: str, *args) -> tuple[dict[int, object], list[int]]:
        """Each shard's answer to *method*, and the shards none of whose replicas answered."""

    def each(self, calls: dict[int, tuple[str, tuple]]) -> tuple[dict[int, object], list[int]]:
        """The answer of each shard to its own call."""


class LocalShards:
    """The shards of a sharded index on this machine, searched in this process."""

    def __init__(self, settings: Settings, count: int) -> None:
        self.count = count
        self.searchers = [ShardSearcher(settings, n) for n in range(count)]

    def all(self, method: str, *args) -> tuple[dict[int, object], list[int]]:
        return {n: getattr(s, method)(*args) for n, s in enumerate(self.searchers)}, []

    def each(self, calls: dict[int, tuple[str, tuple]]) -> tuple[dict[int, object], list[int]]:
        return {n: getattr(self.searchers[n], method)(*args) for n, (method, args) in calls.items()}, []


class Directory:
    """The people of the whole set as the person lookup reads them (`searchapp.search.people`)."""

    def __init__(self, people: dict[str, int]) -> None:
        self._counts = people
        self.person_by_lower = {name.lower(): name for name in people}

    def person_counts(self) -> dict[str, int]:
        return self._counts


class ShardedEngine:
    def __init__(self, settings: Settings, shards: Shards) -> None:
        self.settings = settings
        self.shards = shards
        self.outlet_table = OutletTable.load(settings.outlets_file)
        self.analysis = QueryAnalysis(build_schema(settings)["body"].analyzer, settings.load_stopwords())
        self._catalog: dict | None = None
        self._day_totals: tuple[str, Counter] | None = None
        self.missing: list[int] = []  # shards left out of the last answer

    # -- the set ---------------------------------------------------------------------------------

    def catalog(self) -> dict:
        """The set's people, outlets and rubrics (asked of a shard once per published set)."""
        answers, missing = self.shards.all("catalog")
        if not answers:
            raise ShardsMissingError(missing)
        catalog = next(iter(answers.values()))
        if self._catalog is None or self._catalog["set"] != catalog["set"]:
            catalog["directory"] = Directory(catalog["people"])
            self._catalog = catalog
        return self._catalog

    def _all(self, method: str, *args, set_name: str | None = None) -> dict[int, object]:
        """Every shard's answer; the shards that gave none are noted (`missing`), answers of another
        set than *set_name* are refused."""
        answers, missing = self.shards.all(method, *args)
        self.missing = sorted(set(self.missing) | set(missing))
        sets = {answer[0] if isinstance(answer, tuple) else answer.set for answer in answers.values()}
        if len(sets) > 1 or (set_name and sets and sets != {set_name}):
            raise MixedSetsError("the shards answered from different published sets; try again")
        return answers

    # -- search ----------------------------------------------------------------------------------

    def search(self, request, timeline: str | None = None) -> SearchResult:
        started = time.perf_counter()
        self.missing = []
        catalog = self.catalog()
        people = self.resolve_people(request, catalog)
        request = request.with_(people=tuple(dict.fromkeys(people)))
        counts = self._all("count", request, people)
        statistics = functools.reduce(Statistics.add, (c[3] for c in counts.values()), Statistics())
        found = sum(c[1] for c in counts.values())
        matching = sum(c[2] for c in counts.values())
        end = request.page * request.per_page
        partial = found < self.settings.partial_below or not matching
        plenty = matching >= self.settings.partial_below
        plan = Plan(statistics, partial, end, end + matching if partial and matching < end else 0,
                    dates=bool(timeline), spelling=not plenty)
        parts: dict[int, Part] = self._all("gather", request, people, plan)  # type: ignore[assignment]
        total = sum(p.matching for p in parts.values())
        partial_total = sum(p.partial for p in parts.values())
        facets = self._facets(request, people, parts.values(), catalog)
        page = self.page(request, parts)
        hits = self._hits(request, page)
        suggestion = None if plenty else self._suggest(request.q, parts.values())
        attention = self._timelines([(request, sum((p.dates for p in parts.values()), Counter()))],
                                    timeline)[0] if timeline else None
        stories = sum(p.lone for p in parts.values()) + len(set().union(*(p.stories for p in parts.values())))
        with_partial = sum(p.lone_with_partial for p in parts.values()) + \
            len(set().union(*(p.stories_with_partial for p in parts.values())))
        took = (time.perf_counter() - started) * 1000
        result = SearchResult(request, total, hits, facets, suggestion, took, not total and bool(partial_total),
                              partial_total, stories, with_partial - stories if partial_total else 0, attention,
                              catalog["set"], list(self.missing))
        return result

    def resolve_people(self, request, catalog: dict) -> list[str]:
        from searchapp.search.people import person_choices

        resolved = []
        for typed in request.people:
            choices = person_choices(catalog["directory"], typed)
            if len(choices) != 1:
                raise PersonChoiceError(typed, choices)
            resolved.append(choices[0])
        return resolved

    def _facets(self, request, people: list[str], parts, catalog: dict) -> Facets:
        parts = list(parts)

        def summed(name: str) -> Counter:
            return sum((getattr(p, name) for p in parts), Counter())

        outlets = catalog["outlets"]
        any_unknown = catalog["documents"] > sum(o["count"] for o in outlets.values())
        return Facets(
            outlet=OutletFacet(request).values(summed("outlets"), sum(p.unknown_outlet for p in parts),
                                               self.outlet_label, list(outlets), any_unknown),
            person=PersonFacet(request).values(top_counts(summed("people"), TOP_PEOPLE), people),
            month=MonthFacet(request).values(summed("months")),
            unknown_outlet=sum(p.unknown_outlet for p in parts),
            unknown_date=sum(p.unknown_date for p in parts),
            category=CategoryFacet(request).values(summed("categories")),
        )

    @staticmethod
    def page(request, parts: dict[int, Part]) -> list[tuple[int, Entry, bool]]:
        """The entries of the requested page (shard, entry, partial): the complete matches first, then
        the partial ones, each in the request's order, each story once when collapsed."""
        start = (request.page - 1) * request.per_page
        end = start + request.per_page
        page: list[tuple[int, Entry, bool]] = []
        seen: set[str] = set()
        for partial in (False, True):
            merged = sorted(((n, entry) for n, part in parts.items()
                             for entry in (part.partial_entries if partial else part.complete)),
                            key=lambda item: item[1][0])
            for shard, entry in merged:
                if len(page) >= end:
                    break
                story = entry[3] or entry[1]
                if request.collapse:
                    if story in seen:
                        continue
                    seen.add(story)
                page.append((shard, entry, partial))
        return page[start:end]

    def _hits(self, request, page: list[tuple[int, Entry, bool]]) -> list[Hit]:
        """The page's hits, each with the copies of its story from every shard."""
        wanted: dict[int, list] = {}
        for shard, entry, partial in page:
            wanted.setdefault(shard, []).append((entry[1], entry[2], partial))
        names = sorted({entry[3] for _s, entry, _p in page if entry[3]})
        calls = {n: ("render", (request.q, wanted.get(n, []), names)) for n in range(self.shards.count)}
        answers, missing = self.shards.each(calls)
        self.missing = sorted(set(self.missing) | set(missing))
        rendered: dict[str, Hit] = {}
        members: dict[str, list[dict]] = {}
        for hits, briefs in answers.values():
            rendered.update(hits)
            for name, listed in briefs.items():
                members.setdefault(name, []).extend(listed)
        for listed in members.values():
            listed.sort(key=lambda brief: brief["id"])
        hits = []
        for _shard, entry, _partial in page:
            hit = rendered.get(entry[1])
            if hit is None:
                continue
            if hit.story:
                hit.copies = [dict(b) for b in members.get(hit.story, []) if b["id"] != hit.id][:MAX_COPIES]
            hits.append(hit)
        return hits

    def _suggest(self, q: str, parts) -> str | None:
        near: dict[str, set[str]] = {}
        for part in parts:
            for word, words in part.near.items():
                near.setdefault(word, set()).update(words)
        if not near:
            return None
        candidates = {word: sorted(words)[:MAX_CANDIDATES] for word, words in near.items()}
        asked = sorted(set(candidates) | {w for words in candidates.values() for w in words})
        answers = self._all("frequencies", asked)
        documents = sum(a[1] for a in answers.values())
        counts = sum((a[2] for a in answers.values()), Counter())

        def frequency(word: str) -> int:
            return max(counts[(word, "title")], counts[(word, "body")])

        def best(word: str) -> str | None:
            return closest(word, candidates.get(word, []), frequency, documents, self.analysis.stopwords)

        return corrected(q, parse_query(q), self.analysis, best)

    def day_totals(self, set_name: str) -> Counter:
        if self._day_totals is None or self._day_totals[0] != set_name:
            answers = self._all("day_totals", set_name=set_name)
            self._day_totals = (set_name, sum((a[1] for a in answers.values()), Counter()))
        return self._day_totals[1]

    def _timelines(self, chosen: list[tuple], interval: str) -> list[Timeline]:
        totals = self.day_totals(self.catalog()["set"])
        series = [(request.date_from, request.date_to, list(dates.elements())) for request, dates in chosen]
        return aligned_timelines(series, totals, None if interval == "auto" else interval)

    # -- listings ----------------------------------------------------------------------------------

    def outlet_label(self, slug: str) -> str:
        outlet = self.outlet_table.get(slug)
        if outlet is not None:
            return outlet.name
        return self.catalog()["outlets"].get(slug, {}).get("name", slug)

    def outlets(self) -> list[dict]:
        counts = {slug: o["count"] for slug, o in self.catalog()["outlets"].items()}
        listed = [{"slug": o.slug, "name": o.name, "count": counts.get(o.slug, 0)} for o in self.outlet_table.all()]
        known = {o["slug"] for o in listed}
        return listed + [{"slug": slug, "name": self.outlet_label(slug), "count": n}
                         for slug, n in counts.items() if slug not in known]

    def outlet_slugs(self) -> list[str]:
        slugs = [outlet.slug for outlet in self.outlet_table.all()]
        return slugs + [slug for slug in self.catalog()["outlets"] if slug not in slugs]

    def is_known_outlet(self, slug: str) -> bool:
        return self.outlet_table.get(slug) is not None or slug in self.catalog()["outlets"]

    def people(self, prefix: str = "", limit: int = 20) -> list[dict]:
        counts = self.catalog()["people"]
        found = [{"name": name, "count": n} for name, n in counts.items() if names_person(name, prefix)]
        found.sort(key=lambda p: (-p["count"], p["name"]))
        return found[:limit]

    def person_named(self, slug: str) -> str | None:
        return next((name for name in self.catalog()["people"] if slugify(name) == slug), None)

    def person_choices(self, typed: str) -> list[str]:
        from searchapp.search.people import person_choices

        return person_choices(self.catalog()["directory"], typed)

    def health(self) -> dict:
        answers, missing = self.shards.all("status")
        documents = sum(a["documents"] for a in answers.values())
        status = "ok" if not missing else "partial"
        return {"status": status, "documents": documents, "shards": self.shards.count, "missing_shards": missing,
                "last_modified": None, "version": __version__}


def open_sharded(settings: Settings, count: int) -> ShardedEngine:
    return ShardedEngine(settings, LocalShards(settings, count))

