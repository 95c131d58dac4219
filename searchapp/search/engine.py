"""`WhooshEngine`: the search interface over one Whoosh index on this machine.

A search runs in stages kept apart so that a sharded engine can run the first three per shard and merge:
match (the set of documents, unscored, with the partial-match policy), count (facets from per-generation
tables), rank (BM25F top-k of the page), then render (stored fields, highlights).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import time
from collections.abc import Iterator
from pathlib import Path

from whoosh import query as wq

from searchapp import __version__
from searchapp.config import Settings
from searchapp.errors import CorruptIndexError, ExportTooLargeError, PersonChoiceError
from searchapp.extract.outlet import OutletTable, indexed_outlet
from searchapp.extract.registry import PeopleRegistry
from searchapp.index.generations import current_generation
from searchapp.ingest.datetimes import WIB
from searchapp.search.articles import Articles
from searchapp.search.compiler import QueryCompiler
from searchapp.search.facet_values import CategoryFacet, MonthFacet, OutletFacet, PersonFacet, listed_outlets
from searchapp.search.facets import TOP_PEOPLE, FacetTables
from searchapp.search.highlight import MatchTerms
from searchapp.search.live import Generation, LiveIndex, NoIndexError
from searchapp.search.matching import DocSets, Postings
from searchapp.search.people import listed_people, person_choices
from searchapp.search.query import positive_words
from searchapp.search.ranking import best_of, ordered, page_of
from searchapp.search.request import SearchRequest
from searchapp.search.results import Facets, SearchResult
from searchapp.search.selection import Matches, select
from searchapp.search.significant import SAMPLE, SignificantWord, asked_form, significant_words
from searchapp.search.suggest import suggest
from searchapp.search.timeline import Timeline, aligned_timelines


def _request(method):
    """Run an engine method as one request: one generation of the index from its start to its end."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        with self.live.request():
            return method(self, *args, **kwargs)

    return wrapper


class WhooshEngine:
    """Searches the live index; reopens it cheaply when another process has changed it.

    The threads of a process search at once, each through its own searcher of the one live generation
    (`searchapp.search.live`); processes (`searchapp serve --workers`) give the parallelism, since
    search is CPU-bound Python and one process is held to one core by the GIL.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.stopwords = settings.load_stopwords()
        self.root = Path(settings.index)
        self.outlet_table = OutletTable.load(settings.outlets_file)
        self.people_registry = PeopleRegistry.load(settings.people_file)
        self.live = LiveIndex(settings, self.stopwords)

    def _current(self) -> Generation:
        """The generation this request searches."""
        return self.live.current()

    def compiler(self, state: Generation) -> QueryCompiler:
        return QueryCompiler(state.analysis, self.settings.exact_boost, self.outlet_table,
                             state.tables.names, state.tables.outlets, self.people_registry)

    def articles(self, state: Generation) -> Articles:
        return Articles(state.searcher(), state.analysis, self.outlet_label, state.stories,
                        functools.partial(best_of, state))

    # -- search ----------------------------------------------------------------------------------

    @_request
    def search(self, request: SearchRequest, timeline: str | None = None) -> SearchResult:
        started = time.perf_counter()
        state = self._current()
        searcher = state.searcher()
        request, people, found, docsets = self._select(state, request)

        outlet_counts, unknown_outlet = state.tables.outlet_counts(found.unfiltered)
        month_counts, unknown_date = state.tables.month_counts(found.but_date)
        facets = Facets(
            outlet=OutletFacet(request).values(outlet_counts, unknown_outlet, self.outlet_label, state.tables.outlets,
                                               state.tables.any_unknown_outlet),
            person=PersonFacet(request).values(state.tables.top_people(found.matching, TOP_PEOPLE), people),
            month=MonthFacet(request).values(month_counts),
            unknown_outlet=unknown_outlet,
            unknown_date=unknown_date,
            category=CategoryFacet(request).values(state.tables.category_counts(found.but_category)),
        )
        page = page_of(state, request, found, docsets)
        articles = self.articles(state)
        terms = MatchTerms.of(positive_words(found.node), state.analysis)
        hits = [articles.hit(docnum, score, terms, docnum in found.partial) for docnum, score in page]
        plenty = len(found.matching) >= self.settings.partial_below  # no need to second-guess the words
        matches = (lambda fixed: bool(self._select(state, request.with_(q=fixed), whole=True)[2].matching)) \
            if found.relaxed else None  # no article holds every word: a correction must make one
        suggestion = None if plenty else suggest(searcher.reader(), state.analysis, state.vocabulary,
                                                 request.q, found.node, matches)
        attention = self._timelines(state, [(request, found.matching)], timeline)[0] if timeline else None
        took = (time.perf_counter() - started) * 1000
        stories = state.stories.count(found.matching)
        return SearchResult(request, len(found.matching), hits, facets, suggestion, took, found.relaxed,
                            len(found.partial), stories,
                            # the partial tier lists the stories the complete one has not
                            state.stories.count(found.partial | found.matching) - stories if found.partial else 0,
                            attention,
                            state.name)

    def _select(self, state: Generation, request: SearchRequest,
                whole: bool = False) -> tuple[SearchRequest, list[str], Matches, DocSets]:
        """The request with its people resolved (`putin` is Vladimir Putin), them, its documents, and
        the posting reader of this request; with *whole*, only the articles holding every word (no
        partial matches gathered: did-you-mean's check of a correction)."""
        searcher = state.searcher()
        docsets = DocSets(searcher, Postings(searcher.reader(), state.posting_cache))
        people = self.resolve_people(request, state.tables)
        request = request.with_(people=tuple(dict.fromkeys(people)))
        found = select(request, people, self.compiler(state), state.tables, docsets, self.settings.partial_below,
                       (lambda _found, _within: False) if whole else None)
        return request, people, found, docsets

    @_request
    def timelines(self, requests: list[SearchRequest], interval: str = "auto") -> list[tuple[SearchRequest, int,
                                                                                           Timeline]]:
        """Each request as resolved, its total and its articles over time, all over one span and one
        interval (a comparison's series line up bucket by bucket)."""
        state = self._current()
        chosen = []
        for request in requests:
            request, _people, found, _docsets = self._select(state, request)
            chosen.append((request, found.matching))
        timelines = self._timelines(state, chosen, interval)
        return [(request, len(docs), timeline) for (request, docs), timeline in zip(chosen, timelines, strict=True)]

    @staticmethod
    def _timelines(state: Generation, chosen: list[tuple[SearchRequest, set[int]]], interval: str) -> list[Timeline]:
        date_of = state.tables.date_of
        series = [(request.date_from, request.date_to, [date_of[d] for d in docs]) for request, docs in chosen]
        return aligned_timelines(series, state.day_totals, None if interval == "auto" else interval)

    def export(self, request: SearchRequest, limit: int) -> tuple[int, Iterator[dict]]:
        """Every article of a search (those holding every word, within the filters), in its order, as
        rows streamed one at a time: their number, then the rows. ExportTooLargeError above *limit*;
        a bad person filter raises here, before any row."""
        rows = self._export(request, limit)
        return next(rows), rows

    def _export(self, request: SearchRequest, limit: int) -> Iterator:
        with self.live.hold() as state:
            request, _people, found, docsets = self._select(state, request)
            if len(found.matching) > limit:
                raise ExportTooLargeError(len(found.matching), limit)
            yield len(found.matching)
            rows = ordered(state, request, found.matching, found.text_query, len(found.matching), docsets)
            articles = self.articles(state)
            terms = MatchTerms.of(positive_words(found.node), state.analysis)
            time_of = state.tables.time_of
            for docnum, score in rows:
                moment = time_of[docnum]
                published = dt.datetime.fromtimestamp(moment, WIB).isoformat() if moment else None  # as `date`
                yield articles.row(docnum, score, terms, published)

    @_request
    def significant(self, request: SearchRequest, limit: int = 20) -> tuple[SearchRequest, int, int,
                                                                            list[SignificantWord]]:
        """The request as resolved, its total, how many of its best matches were read, and the words
        over-represented in them (`searchapp.search.significant`)."""
        state = self._current()
        request, _people, found, docsets = self._select(state, request)
        best = [d for d, _s in ordered(state, request, found.matching, found.text_query, SAMPLE, docsets)]
        searcher = state.searcher()
        reader = searcher.reader()
        texts = (searcher.stored_fields(d).get("body", "") for d in best)
        asked = {term.form for term in state.analysis.words(request.q)}

        def background(word: str) -> int:
            count = state.word_frequencies.get(word)
            if count is None:
                terms = state.analysis.words(word)
                count = state.word_frequencies[word] = reader.doc_frequency("body", terms[0].exact) if terms else 0
            return count

        def together(first: str, second: str) -> int:
            terms = state.analysis.words(f"{first} {second}")
            return len(docsets.of(wq.And([wq.Term("body", t.exact) for t in terms]))) if len(terms) == 2 else 0

        read, words = significant_words(texts, background, together, reader.doc_count(),
                                        self.stopwords | asked, limit, asked_form(state.analysis, request.q))
        return request, len(found.matching), read, words

    def resolve_people(self, request: SearchRequest, tables: FacetTables) -> list[str]:
        """Requested people as indexed, each through the lookup autocomplete uses (`person_choices`);
        PersonChoiceError when one names no indexed person, or several."""
        resolved = []
        for typed in request.people:
            choices = person_choices(tables, typed, self.people_registry)
            if len(choices) != 1:
                raise PersonChoiceError(typed, choices)
            resolved.append(choices[0])
        return resolved

    def outlet_label(self, slug: str) -> str:
        """The outlet's name: the configured one, else as its articles name it (`kapanlagi.com`)."""
        outlet = self.outlet_table.get(slug)
        return outlet.name if outlet is not None else self._current().tables.outlet_names.get(slug, slug)

    # -- documents and listings ------------------------------------------------------------------

    @_request
    def document(self, doc_id: str, q: str = "", raw: bool = False) -> dict | None:
        return self.articles(self._current()).document(doc_id, q, raw)

    @_request
    def outlets(self) -> list[dict]:
        state = self._current()
        reader = state.searcher().reader()
        live = reader.all_doc_ids() if reader.has_deletions() else range(state.tables.size)
        counts, _unknown = state.tables.outlet_counts(live)
        return listed_outlets(self.outlet_table.all(), counts, self.outlet_label)

    @_request
    def outlet_slugs(self) -> list[str]:
        slugs = [outlet.slug for outlet in self.outlet_table.all()]
        with contextlib.suppress(NoIndexError):
            slugs += [slug for slug in self._current().tables.outlets if slug not in slugs]
        return slugs

    @_request
    def is_known_outlet(self, slug: str) -> bool:
        if self.outlet_table.get(slug) is not None:
            return True
        try:
            return slug in self._current().tables.outlets
        except NoIndexError:
            return False

    def outlet_slug(self, value: str) -> str | None:
        # the configured outlets first: the index's terms keep an old slug its deleted articles had
        return self.outlet_table.slug_named(value) or indexed_outlet(value, self.is_known_outlet)

    @_request
    def people(self, prefix: str = "", limit: int = 20) -> list[dict]:
        return listed_people(self._current().tables, prefix, limit, self.people_registry)

    @_request
    def person_named(self, slug: str) -> str | None:
        """The indexed person whose name's slug is *slug* (`joko-widodo`), or None."""
        return self._current().person_slugs.get(slug)

    @_request
    def person_choices(self, typed: str) -> list[str]:
        return person_choices(self._current().tables, typed, self.people_registry)

    @_request
    def health(self) -> dict:
        generation = current_generation(self.root)
        try:
            state = self._current()
        except NoIndexError:
            return {"status": "no index", "documents": 0, "last_modified": None, "version": __version__}
        except CorruptIndexError as error:
            return {"status": "index unreadable", "problem": str(error), "documents": 0, "last_modified": None,
                    "version": __version__}
        modified = dt.datetime.fromtimestamp(os.stat(generation).st_mtime, dt.timezone.utc) if generation else None
        return {
            "status": "ok",
            "documents": state.searcher().doc_count(),
            "last_modified": modified.isoformat() if modified else None,
            "version": __version__,
        }

