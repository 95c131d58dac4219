"""`ShardedEngine`: the search interface over a sharded index, giving what one index of the same articles
gives (totals, facet counts, order, scores, highlights, stories).

A search asks every shard three things (`searchapp.search.sharding.shard`): how many articles match and its
statistics of the query's terms (summed, they decide partial matches and give BM25F the figures of the
whole set); its facet counts and best articles scored with those figures (merged: counts summed, the
page taken from the shards' best in one order, each story once); the hits of the page and the copies of
their stories. The shards answer here (`LocalShards`) or on a Ray cluster (`searchapp.search.sharding.cluster`);
a shard none of whose replicas answers is named in the result, never silently left out of its counts.
"""

from __future__ import annotations

import functools
import time
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

from searchapp import __version__
from searchapp.config import Settings
from searchapp.errors import ExportTooLargeError, PersonChoiceError, UnavailableError
from searchapp.extract.outlet import OutletTable
from searchapp.extract.registry import PeopleRegistry
from searchapp.index.analysis import QueryAnalysis
from searchapp.index.routing import shard_of
from searchapp.index.schema import build_schema
from searchapp.search.query import parse_query
from searchapp.search.results import Hit, SearchResult
from searchapp.search.sharding.calls import ShardCalls, with_copies
from searchapp.search.sharding.catalog import Catalog, CatalogListings
from searchapp.search.sharding.fanout import LocalShards, MixedSetsError, Shards, ShardsMissingError
from searchapp.search.sharding.merging import merged_facets, merged_page
from searchapp.search.sharding.parts import Entry, Part, Plan
from searchapp.search.sharding.related import related_hits
from searchapp.search.sharding.statistics import Statistics
from searchapp.search.significant import SAMPLE, SignificantWord, asked_form, looked_up, significant_words
from searchapp.search.stories import MAX_COPIES
from searchapp.search.suggest import MAX_CANDIDATES, close, closest, corrected, distance, together
from searchapp.search.timeline import Timeline, aligned_timelines

EXPORT_BATCH = 500  # articles an export asks the shards for at once


class ShardedEngine(ShardCalls, CatalogListings):
    def __init__(self, settings: Settings, shards: Shards) -> None:
        super().__init__(shards)
        self.settings = settings
        self.outlet_table = OutletTable.load(settings.outlets_file)
        self.people_registry = PeopleRegistry.load(settings.people_file)
        self.schema = build_schema(settings)
        self.analysis = QueryAnalysis(self.schema["body"].analyzer, settings.load_stopwords())
        self._catalog: Catalog | None = None
        self._day_totals: tuple[str, Counter] | None = None

    # -- the set ---------------------------------------------------------------------------------

    def catalog(self) -> Catalog:
        """The set's people, outlets and rubrics: asked of a shard when the name of its set changes."""
        name = self.first("set_name")
        if self._catalog is None or self._catalog.set != name:
            catalog = Catalog(self.first("catalog"), self.outlet_table, self.people_registry)
            if catalog.shards != self.shards.count:
                raise UnavailableError(f"the index now holds {catalog.shards} shards, not {self.shards.count}: "
                                       "restart the server")
            self._catalog = catalog
        return self._catalog

    def _gather(self, request, catalog: Catalog, complete: Callable[[int], int], dates: bool = False,
                collapsed: bool = True, whole: bool = False) -> tuple[Any, list[str], int, dict[int, Part]]:
        """The request as resolved, its people, its total and every shard's part: the first call gives
        the counts and statistics the second is planned with (*complete*: how many of the best of that
        many matches each shard returns; it may raise, before any shard ranks). With *whole*, a shard
        that does not answer is an error (else it is named in the result)."""
        people = self.resolve_people(request, catalog)
        request = request.with_(people=tuple(dict.fromkeys(people)))
        self.shards.begin()
        step = time.perf_counter()
        counts = self.every("count", request, people, set_name=catalog.set)
        self.phases["statistics"] = time.perf_counter() - step
        statistics = functools.reduce(Statistics.add, (c[3] for c in counts.values()), Statistics())
        found = sum(c[1] for c in counts.values())
        matching = sum(c[2] for c in counts.values())
        end = request.page * request.per_page
        partial = collapsed and (found < self.settings.partial_below or not matching)
        # the partial tier fills what the complete one leaves of the page: as few as one story may fill it
        plan = Plan(statistics, partial, complete(matching), end + min(matching, end) if partial else 0,
                    dates=dates, spelling=collapsed and matching < self.settings.partial_below)
        asked = request if collapsed else request.with_(collapse=False)
        step = time.perf_counter()
        parts = self.every("gather", asked, people, plan, set_name=catalog.set)
        self.phases["shard work"] = time.perf_counter() - step
        if whole and self.missing:
            raise ShardsMissingError(self.missing)
        return request, people, matching, parts

    # -- search ----------------------------------------------------------------------------------

    def search(self, request, timeline: str | None = None) -> SearchResult:
        for attempt in range(3):  # another set published meanwhile: once more, with its catalog
            try:
                return self._search(request, timeline)
            except MixedSetsError:
                if attempt == 2:
                    raise
                self._catalog = None
                time.sleep(0.05 * attempt)
        raise AssertionError("unreachable")

    def _search(self, request, timeline: str | None) -> SearchResult:
        started = time.perf_counter()
        self.missing = []
        self.phases.clear()
        catalog = self._catalog or self.catalog()  # checked against the set each shard answers from
        request, people, matching, parts = self._gather(request, catalog, lambda _m: request.page * request.per_page,
                                                        dates=bool(timeline))
        total = sum(p.matching for p in parts.values())
        partial_total = sum(p.partial for p in parts.values())
        facets = merged_facets(request, people, parts.values(), catalog)
        page = merged_page(request, parts)
        hits = self._hits(request, page)
        plenty = matching >= self.settings.partial_below
        matches = (lambda fixed: any(c[2] for c in self.every("count", request.with_(q=fixed), people, False,
                                                                set_name=catalog.set).values())) \
            if not total and partial_total else None  # no article holds every word: a correction must make one
        suggestion = None if plenty else self._suggest(request.q, parts.values(), matches)
        attention = self._timelines([(request, sum((p.dates for p in parts.values()), Counter()))],
                                    timeline)[0] if timeline else None
        stories = sum(p.lone for p in parts.values()) + len(set().union(*(p.stories for p in parts.values())))
        with_partial = sum(p.lone_with_partial for p in parts.values()) + \
            len(set().union(*(p.stories_with_partial for p in parts.values())))
        took = (time.perf_counter() - started) * 1000
        return SearchResult(request, total, hits, facets, suggestion, took, not total and bool(partial_total),
                            partial_total, stories, with_partial - stories if partial_total else 0, attention,
                            catalog.set, list(self.missing))

    def resolve_people(self, request, catalog: Catalog) -> list[str]:
        resolved = []
        for typed in request.people:
            choices = catalog.person_choices(typed)
            if len(choices) != 1:
                raise PersonChoiceError(typed, choices)
            resolved.append(choices[0])
        return resolved

    def _hits(self, request, page: list[tuple[int, Entry, bool]]) -> list[Hit]:
        """The page's hits, each with the copies of its story from every shard (one call a shard)."""
        wanted: dict[int, list] = {}
        for shard, entry, partial in page:
            wanted.setdefault(shard, []).append((entry[1], entry[2], partial))
        names = sorted({entry[3] for _s, entry, _p in page if entry[3]})
        rendered, members = self.rendered(request.q, wanted, names)
        hits = []
        for _shard, entry, _partial in page:
            hit = rendered.get(entry[1])
            if hit is not None:
                hits.append(with_copies(hit, members))
        return hits

    def _suggest(self, q: str, parts, matches: Callable[[str], bool] | None = None) -> str | None:
        near: dict[str, set[str]] = {}
        for part in parts:
            for word, words in part.near.items():
                near.setdefault(word, set()).update(words)
        if not near:
            return None
        stopwords = self.analysis.stopwords
        candidates = {word: [candidate for _edits, candidate in close(word, sorted(words)[:MAX_CANDIDATES], stopwords)]
                      for word, words in near.items()}
        asked = sorted(set(candidates) | {w for words in candidates.values() for w in words})
        step = time.perf_counter()
        answers = self.every("frequencies", asked)
        self.phases["did-you-mean"] = time.perf_counter() - step
        documents = sum(a[1] for a in answers.values())
        counts = sum((a[2] for a in answers.values()), Counter())

        def frequency(word: str) -> int:
            return max(counts[(word, "title")], counts[(word, "body")])

        def best(word: str) -> str | None:
            return closest(word, candidates.get(word, []), frequency, documents, self.analysis.stopwords)

        node = parse_query(q)
        found = corrected(q, node, self.analysis, best)
        if found is None and matches is not None:
            near = {word: [c for c in words if distance(word, c) == 1] for word, words in candidates.items()}
            found = together(q, node, self.analysis, near, frequency, matches)
        return found

    def day_totals(self, set_name: str) -> Counter:
        if self._day_totals is None or self._day_totals[0] != set_name:
            answers = self.every("day_totals", set_name=set_name)
            self._day_totals = (set_name, sum((a[1] for a in answers.values()), Counter()))
        return self._day_totals[1]

    def _timelines(self, chosen: list[tuple], interval: str) -> list[Timeline]:
        totals = self.day_totals(self.catalog().set)
        series = [(request.date_from, request.date_to, list(dates.elements())) for request, dates in chosen]
        return aligned_timelines(series, totals, None if interval == "auto" else interval)

    # -- timelines, significant words, exports, documents ----------------------------------------

    def timelines(self, requests: list, interval: str = "auto") -> list[tuple[Any, int, Timeline]]:
        catalog = self.catalog()
        chosen = []
        for request in requests:
            request, _people, _matching, parts = self._gather(request, catalog, lambda _m: 0, dates=True,
                                                              collapsed=False, whole=True)
            chosen.append((request, sum((p.dates for p in parts.values()), Counter())))
        timelines = self._timelines(chosen, interval)
        return [(request, sum(dates.values()), timeline)
                for (request, dates), timeline in zip(chosen, timelines, strict=True)]

    def _ranked(self, request, catalog: Catalog, limit: Callable[[int], int]) -> tuple[Any, int, list[Entry]]:
        """The request as resolved, its total, and the first of its complete matches in its order (every
        article: not collapsed) over every shard, each of which must answer."""
        request, _people, matching, parts = self._gather(request, catalog, limit, collapsed=False, whole=True)
        entries = sorted((entry for part in parts.values() for entry in part.complete), key=lambda e: e[0])
        return request, matching, entries[:limit(matching)]

    def significant(self, request, limit: int = 20) -> tuple[Any, int, int, list[SignificantWord]]:
        catalog = self.catalog()
        request, total, best = self._ranked(request, catalog, lambda _m: SAMPLE)
        bodies: dict[str, str] = {}
        answers, missing = self.shards.all("bodies", [entry[1] for entry in best])
        if missing:
            raise ShardsMissingError(missing)
        for answer in answers.values():
            bodies.update(answer)
        texts = [bodies.get(entry[1], "") for entry in best]
        excluded = self.analysis.stopwords | {term.form for term in self.analysis.words(request.q)}
        words, pairs = looked_up(texts, excluded)
        answers = self.every("lookups", words, pairs, set_name=catalog.set)
        documents = sum(a[1] for a in answers.values())
        background = sum((a[2] for a in answers.values()), Counter())
        together = sum((a[3] for a in answers.values()), Counter())
        read, found = significant_words(texts, background.__getitem__, lambda *pair: together[pair], documents,
                                        excluded, limit, asked_form(self.analysis, request.q))
        return request, total, read, found

    def export(self, request, limit: int) -> tuple[int, Iterator[dict]]:
        def every(matching: int) -> int:
            if matching > limit:  # before any shard ranks its matches
                raise ExportTooLargeError(matching, limit)
            return matching

        request, total, entries = self._ranked(request, self.catalog(), every)
        return total, self._rows(request.q, entries)

    def _rows(self, q: str, entries: list[Entry]) -> Iterator[dict]:
        for start in range(0, len(entries), EXPORT_BATCH):
            batch = entries[start:start + EXPORT_BATCH]
            answers, missing = self.shards.all("rows", q, [(e[1], e[2]) for e in batch])
            if missing:  # the rows counted must all come: a shorter export would pass for whole
                raise ShardsMissingError(missing)
            rows = {doc_id: row for answer in answers.values() for doc_id, row in answer.items()}
            yield from (rows[e[1]] for e in batch if e[1] in rows)

    def document(self, doc_id: str, q: str = "", raw: bool = False) -> dict | None:
        """The article from its shard, with its story's copies from every shard and its related articles
        chosen and ranked over every shard (as one index would)."""
        self.missing = []
        home = shard_of(doc_id, self.shards.count)
        answers, missing = self.shards.each({home: ("document", (doc_id, q, raw))})
        if missing:  # not "no such article": its shard is away
            raise ShardsMissingError(missing)
        set_name, article, weights, total = answers[home]
        if article is None:
            return None
        if article.get("story"):
            members = self.rendered("", {}, [article["story"]])[1]
            article["copies"] = [b for b in members.get(article["story"], []) if b["id"] != doc_id][:MAX_COPIES]
        related = related_hits(self, self.schema, self.analysis, set_name, doc_id, article, weights, total)
        article["related"] = [hit.to_dict() for hit in related]
        return article

    def health(self) -> dict:
        answers, missing = self.shards.all("status")
        try:
            catalog = self.catalog()
        except UnavailableError as error:
            return {"status": "unavailable", "problem": str(error), "documents": 0, "shards": self.shards.count,
                    "missing_shards": missing, "last_modified": None, "version": __version__}
        documents = sum(a["documents"] for a in answers.values())
        return {"status": "ok" if not missing else "partial", "documents": documents,
                "shards": self.shards.count, "missing_shards": missing, "last_modified": catalog.published,
                "version": __version__}


def open_sharded(settings: Settings, count: int) -> ShardedEngine:
    """The engine over the *count* shards of the index in *settings*, searched in this process."""
    return ShardedEngine(settings, LocalShards(settings, count))
