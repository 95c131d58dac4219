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
import threading
import time
from pathlib import Path

from whoosh import query as wq
from whoosh.index import EmptyIndexError
from whoosh.scoring import BM25F
from whoosh.searching import Searcher

from searchapp import __version__
from searchapp.config import Settings
from searchapp.errors import CorruptIndexError, PersonChoiceError, SearchappError
from searchapp.extract.outlet import OutletTable
from searchapp.index.analysis import QueryAnalysis
from searchapp.index.generations import UNREADABLE, current_generation, generation_key, open_index
from searchapp.index.stories import read_stories
from searchapp.index.vocabulary import Vocabulary
from searchapp.search.articles import Articles
from searchapp.search.compiler import TEXT_FIELDS, QueryCompiler
from searchapp.search.facet_values import CategoryFacet, MonthFacet, OutletFacet, PersonFacet
from searchapp.search.facets import FacetTables
from searchapp.search.highlight import MatchTerms
from searchapp.search.matching import DocSets, PostingCache, Postings
from searchapp.search.people import names_person, person_choices
from searchapp.search.query import positive_words
from searchapp.search.request import SearchRequest
from searchapp.search.results import Facets, SearchResult
from searchapp.search.scoring import LengthTable, top_documents
from searchapp.search.selection import Matches, select
from searchapp.search.stories import StoryTable
from searchapp.search.suggest import suggest

TOP_PEOPLE = 20


class NoIndexError(SearchappError):
    """There is no index yet."""


class _Generation:
    """The open searcher of one index generation and the tables derived from it."""

    def __init__(self, key: tuple, searcher: Searcher, posting_cache_mb: int, folder: Path,
                 stopwords: frozenset[str]) -> None:
        self.key = key
        self.searcher = searcher
        reader = searcher.reader()
        self.analysis = QueryAnalysis(searcher.schema["body"].analyzer, stopwords)
        self.tables = FacetTables(reader)
        self.stories = StoryTable(reader, read_stories(folder))
        self.vocabulary = Vocabulary.open(folder)
        self.lengths = LengthTable(reader, TEXT_FIELDS)
        self.posting_cache = PostingCache(posting_cache_mb * 2**20 // 8)


def _locked(method):
    """Run an engine method holding the engine's lock (one searcher per process, see WhooshEngine); a
    damaged index file met on the way is a CorruptIndexError naming the command that mends it."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        with self._lock:
            try:
                return method(self, *args, **kwargs)
            except UNREADABLE as error:
                if unreadable(error):
                    raise CorruptIndexError(self.root, error) from None
                raise

    return wrapper


def unreadable(error: BaseException) -> bool:
    """Whether *error* says an index file cannot be read: a broken struct, pickle or zlib stream, or an
    error of a common type raised inside Whoosh (not by a bug of ours that raises the same type)."""
    if not isinstance(error, (ValueError, KeyError, TypeError, IndexError, AttributeError)):
        return True  # struct.error, UnpicklingError, EOFError, zlib.error
    trace = error.__traceback__
    while trace is not None and trace.tb_next is not None:
        trace = trace.tb_next
    return trace is not None and "/whoosh/" in trace.tb_frame.f_code.co_filename


class WhooshEngine:
    """Searches the live index; reopens it cheaply when another process has changed it.

    One long-lived searcher per process, used under a lock: search is CPU-bound Python, so threads gain
    nothing from searching at once (the GIL), while every extra Whoosh searcher costs memory and cold
    caches. Threads still overlap everything around the search (HTTP, JSON, templates); processes
    (`searchapp serve --workers`) give the parallelism.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.stopwords = settings.load_stopwords()
        self.root = Path(settings.index)
        self.outlet_table = OutletTable.load(settings.outlets_file)
        self._lock = threading.RLock()
        self._state: _Generation | None = None

    # -- the index generation --------------------------------------------------------------------

    def _current(self) -> _Generation:
        """The live generation (call with the lock held): reopened when the index has changed."""
        try:
            return self._current_or_unreadable()
        except UNREADABLE as error:
            if unreadable(error):
                raise CorruptIndexError(self.root, error) from None
            raise

    def _current_or_unreadable(self) -> _Generation:
        key = generation_key(self.root)
        if key is None:
            raise NoIndexError(f"no index in {self.root}; run 'searchapp index' first")
        if self._state is not None and self._state.key == key:
            return self._state
        try:
            state = self._open(key)
        except (FileNotFoundError, EmptyIndexError):  # a rebuild was published meanwhile: once more
            key = generation_key(self.root)
            if key is None:
                raise NoIndexError(f"no index in {self.root}; run 'searchapp index' first") from None
            state = self._open(key)
        if self._state is not None:
            self._state.searcher.close()
        self._state = state
        return state

    def _open(self, key: tuple) -> _Generation:
        index = open_index(self.root)
        if index is None:
            raise NoIndexError(f"no index in {self.root}; run 'searchapp index' first")
        searcher = index.searcher(weighting=BM25F())
        try:
            return _Generation(key, searcher, self.settings.posting_cache_mb, Path(index.storage.folder),
                               self.stopwords)
        except UNREADABLE as error:  # the tables read every segment: a damaged one shows here
            searcher.close()
            if unreadable(error):
                raise CorruptIndexError(self.root, error) from None
            raise
        except BaseException:
            searcher.close()
            raise

    def compiler(self, state: _Generation) -> QueryCompiler:
        return QueryCompiler(state.analysis, self.settings.exact_boost, self.outlet_table,
                             state.tables.people, state.tables.outlets)

    def articles(self, state: _Generation) -> Articles:
        return Articles(state.searcher, state.analysis, self.outlet_label, state.stories)

    # -- search ----------------------------------------------------------------------------------

    @_locked
    def search(self, request: SearchRequest) -> SearchResult:
        started = time.perf_counter()
        state = self._current()
        docsets = DocSets(state.searcher, Postings(state.searcher.reader(), state.posting_cache))
        people = self.resolve_people(request, state.tables)
        request = request.with_(people=tuple(dict.fromkeys(people)))  # as resolved: `putin` is Vladimir Putin
        found = select(request, people, self.compiler(state), state.tables, docsets, self.settings.partial_below)

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
        page = self._page(state, request, found, docsets)
        articles = self.articles(state)
        terms = MatchTerms.of(positive_words(found.node), state.analysis)
        hits = [articles.hit(docnum, score, terms, docnum in found.partial) for docnum, score in page]
        plenty = len(found.matching) >= self.settings.partial_below  # no need to second-guess the words
        suggestion = None if plenty else suggest(state.searcher.reader(), state.analysis, state.vocabulary,
                                                 request.q, found.node)
        took = (time.perf_counter() - started) * 1000
        return SearchResult(request, len(found.matching), hits, facets, suggestion, took, found.relaxed,
                            len(found.partial), state.stories.count(found.matching),
                            state.stories.count(found.partial) if found.partial else 0)

    def _page(self, state: _Generation, request: SearchRequest, found: Matches,
              docsets: DocSets) -> list[tuple[int, float | None]]:
        """The requested page: the complete matches first, then the partial ones, each in the requested order."""
        start = (request.page - 1) * request.per_page
        end = start + request.per_page
        groups = [(found.matching, found.text_query), (found.partial, found.partial_query)]
        page: list[tuple[int, float | None]] = []
        seen: set[int] = set()  # stories on the page so far (when collapsed)
        for docnums, query in groups:
            if len(page) >= end or not docnums:
                continue
            wanted = end - len(page)
            limit = wanted if not request.collapse else 2 * wanted + 10
            while True:  # collapsed: rank more until enough stories, or every match, are in
                limit = min(limit, len(docnums))
                if request.sort == "relevance" and query is not None:
                    ranked = self.rank(state, query, docnums, limit, docsets)
                else:
                    ranked = [(d, None) for d in state.tables.by_date(docnums, request.sort != "oldest", limit)]
                if not request.collapse:
                    page += ranked
                    break
                tier_seen = set(seen)
                kept = state.stories.collapse(ranked, tier_seen, wanted)
                if len(kept) >= wanted or limit >= len(docnums):
                    page += kept
                    seen = tier_seen
                    break
                limit *= 4
        return page[start:end]

    @staticmethod
    def rank(state: _Generation, text_query: wq.Query, matching: set[int], limit: int,
             docsets: DocSets) -> list[tuple[int, float]]:
        """The *limit* best of *matching* by BM25F: a block at a time for term queries, else by Whoosh."""
        best = top_documents(state.searcher, text_query, matching, limit, state.lengths, docsets)
        if best is None:  # every match scored: Whoosh's own top-k collector can drop a document
            results = state.searcher.search(text_query, limit=None, filter=matching)
            best = [(hit.docnum, hit.score) for hit in results[:limit]]
        return best

    def resolve_people(self, request: SearchRequest, tables: FacetTables) -> list[str]:
        """Requested people as indexed, each through the lookup autocomplete uses (`person_choices`);
        PersonChoiceError when one names no indexed person, or several."""
        resolved = []
        for typed in request.people:
            choices = person_choices(tables, typed)
            if len(choices) != 1:
                raise PersonChoiceError(typed, choices)
            resolved.append(choices[0])
        return resolved

    def outlet_label(self, slug: str) -> str:
        outlet = self.outlet_table.get(slug)
        return outlet.name if outlet is not None else slug

    # -- documents and listings ------------------------------------------------------------------

    @_locked
    def document(self, doc_id: str, q: str = "", raw: bool = False) -> dict | None:
        return self.articles(self._current()).document(doc_id, q, raw)

    @_locked
    def outlets(self) -> list[dict]:
        state = self._current()
        reader = state.searcher.reader()
        live = reader.all_doc_ids() if reader.has_deletions() else range(state.tables.size)
        counts, _unknown = state.tables.outlet_counts(live)
        listed = [{"slug": o.slug, "name": o.name, "count": counts.get(o.slug, 0)} for o in self.outlet_table.all()]
        known = {o["slug"] for o in listed}
        listed += [{"slug": slug, "name": self.outlet_label(slug), "count": n}
                   for slug, n in counts.items() if slug not in known]
        return listed

    @_locked
    def outlet_slugs(self) -> list[str]:
        slugs = [outlet.slug for outlet in self.outlet_table.all()]
        with contextlib.suppress(NoIndexError):
            slugs += [slug for slug in self._current().tables.outlets if slug not in slugs]
        return slugs

    @_locked
    def is_known_outlet(self, slug: str) -> bool:
        if self.outlet_table.get(slug) is not None:
            return True
        try:
            return slug in self._current().tables.outlets
        except NoIndexError:
            return False

    @_locked
    def people(self, prefix: str = "", limit: int = 20) -> list[dict]:
        counts = self._current().tables.person_counts()
        found = [{"name": name, "count": counts[name]} for name in counts if names_person(name, prefix)]
        found.sort(key=lambda p: (-p["count"], p["name"]))
        return found[:limit]

    @_locked
    def person_choices(self, typed: str) -> list[str]:
        return person_choices(self._current().tables, typed)

    @_locked
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
            "documents": state.searcher.doc_count(),
            "last_modified": modified.isoformat() if modified else None,
            "version": __version__,
        }

