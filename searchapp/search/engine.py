"""The one search function: request in, result out (results, facets, highlights, suggestion).

The HTML pages, the JSON API and the command line all call `SearchEngine.search` and render the same
`SearchResult`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import heapq
import math
import os
import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup
from whoosh import query as wq
from whoosh.index import EmptyIndexError
from whoosh.scoring import BM25F
from whoosh.searching import Searcher

from searchapp import __version__
from searchapp.config import Settings
from searchapp.errors import SearchappError
from searchapp.extract.outlet import OutletTable
from searchapp.index.analysis import iter_words, no_stemming, shared_stemmer
from searchapp.index.writer import POINTER, current_generation, open_index
from searchapp.search.compiler import TEXT_FIELDS, QueryCompiler
from searchapp.search.facets import FacetTables, FacetValue, month_label
from searchapp.search.highlight import MatchTerms, find_matches, highlight_paragraphs, mark, snippet
from searchapp.search.matching import DocSets, PostingCache, Postings
from searchapp.search.query import And, Node, Or, Word, is_whole_month, parse_query, positive_words
from searchapp.search.request import UNKNOWN_OUTLET, SearchRequest
from searchapp.search.scoring import LengthTable, top_documents

TOP_PEOPLE = 20
# Fewer articles than this holding every word of a plain query: those holding some of them follow.
PARTIAL_BELOW = 10
RELATED = 5


class NoIndexError(SearchappError):
    """There is no index yet."""


@dataclass
class Hit:
    id: str
    title: str
    title_html: Markup
    url: str | None
    outlet: str | None
    outlet_name: str | None
    date: dt.date | None
    people: list[str]
    reporter: str | None
    editor: str | None
    score: float | None
    snippet: Markup
    partial: bool = False  # holds some, not all, of the query's words (listed after every article that does)

    def to_dict(self) -> dict:
        return {
            "id": self.id, "title": self.title, "title_html": str(self.title_html), "url": self.url,
            "outlet": self.outlet, "outlet_name": self.outlet_name,
            "date": self.date.isoformat() if self.date else None, "people": self.people,
            "reporter": self.reporter, "editor": self.editor,
            "score": round(self.score, 4) if self.score is not None else None,
            "snippet": str(self.snippet), "partial": self.partial,
        }


@dataclass
class Facets:
    outlet: list[FacetValue]
    person: list[FacetValue]
    month: list[FacetValue]
    unknown_outlet: int
    unknown_date: int

    def to_dict(self) -> dict:
        return {
            "outlet": [v.to_dict() for v in self.outlet],
            "person": [v.to_dict() for v in self.person],
            "month": [v.to_dict() for v in self.month],
            "unknown": {"outlet": self.unknown_outlet, "date": self.unknown_date},
        }


@dataclass
class SearchResult:
    request: SearchRequest
    total: int
    results: list[Hit]
    facets: Facets
    suggestion: str | None
    took_ms: float
    relaxed: bool = False  # no article held every word: results hold some of them
    complete: int | None = None  # how many of the results hold every word (None: all of them)

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.request.per_page))

    def to_dict(self) -> dict:
        r = self.request
        return {
            "query": r.q,
            "filters": {
                "outlet": list(r.outlets), "person": list(r.people),
                "from": r.date_from.isoformat() if r.date_from else None,
                "to": r.date_to.isoformat() if r.date_to else None,
            },
            "sort": r.sort,
            "total": self.total,
            "page": r.page,
            "per_page": r.per_page,
            "pages": self.pages,
            "took_ms": round(self.took_ms, 2),
            "results": [hit.to_dict() for hit in self.results],
            "facets": self.facets.to_dict(),
            "suggestion": self.suggestion,
            "relaxed": self.relaxed,
            "complete": self.total if self.complete is None else self.complete,
        }


class _Generation:
    """The open searcher of one index generation and the tables derived from it."""

    def __init__(self, key: tuple, searcher: Searcher, posting_cache_mb: int) -> None:
        self.key = key
        self.searcher = searcher
        reader = searcher.reader()
        self.tables = FacetTables(reader)
        self.lengths = LengthTable(reader, TEXT_FIELDS)
        self.posting_cache = PostingCache(posting_cache_mb * 2**20 // 8)


def _locked(method):
    """Run an engine method holding the engine's lock (one searcher per process, see SearchEngine)."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        with self._lock:
            return method(self, *args, **kwargs)

    return wrapper


class SearchEngine:
    """Searches the live index; reopens it cheaply when another process has changed it.

    One long-lived searcher per process, used under a lock: search is CPU-bound Python, so threads gain
    nothing from searching at once (the GIL), while every extra Whoosh searcher costs memory and cold
    caches. Threads still overlap everything around the search (HTTP, JSON, templates); processes
    (`searchapp serve --workers`) give the parallelism.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.root = Path(settings.index)
        self.stopwords = settings.load_stopwords()
        self.stem = shared_stemmer(settings.stem_exclusions, self.stopwords) if settings.stemming else no_stemming
        self.outlet_table = OutletTable.load(settings.outlets_file)
        self._lock = threading.RLock()
        self._state: _Generation | None = None

    # -- the index generation --------------------------------------------------------------------

    def _generation_key(self) -> tuple | None:
        """Changes whenever a rebuild is published or a commit is made (two stat calls)."""
        try:
            pointer = os.stat(self.root / POINTER)
        except FileNotFoundError:
            return None
        generation = current_generation(self.root)
        if generation is None:
            return None
        try:  # the folder's time and its newest table of contents (a commit writes a new one)
            tocs = [name for name in os.listdir(generation) if name.endswith(".toc")]
            return (pointer.st_mtime_ns, pointer.st_ino, generation.name, os.stat(generation).st_mtime_ns,
                    max(tocs, key=lambda name: int(name.rsplit("_", 1)[-1].split(".")[0]), default=""))
        except (FileNotFoundError, ValueError):
            return None

    def _current(self) -> _Generation:
        """The live generation (call with the lock held): reopened when the index has changed."""
        key = self._generation_key()
        if key is None:
            raise NoIndexError(f"no index in {self.root}; run 'searchapp index' first")
        if self._state is not None and self._state.key == key:
            return self._state
        try:
            state = self._open(key)
        except (FileNotFoundError, EmptyIndexError):  # a rebuild was published meanwhile: once more
            key = self._generation_key()
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
            return _Generation(key, searcher, self.settings.posting_cache_mb)
        except BaseException:
            searcher.close()
            raise

    def compiler(self, tables: FacetTables) -> QueryCompiler:
        return QueryCompiler(self.stem, self.stopwords, self.settings.exact_boost, self.outlet_table,
                             tables.people, tables.outlets)

    # -- search ----------------------------------------------------------------------------------

    @_locked
    def search(self, request: SearchRequest) -> SearchResult:
        started = time.perf_counter()
        state = self._current()
        searcher, tables = state.searcher, state.tables
        node = parse_query(request.q)
        text_query = self.compiler(tables).compile(node)

        people = self.resolve_people(request, tables)
        postings = Postings(searcher.reader(), state.posting_cache)
        docsets = DocSets(searcher, postings)

        def matches(text_query: wq.Query | None) -> tuple[set[int], set[int], set[int]]:
            """Documents matching the query; and every filter but the outlet; and with it too."""
            found = docsets.of(text_query) if text_query is not None else set(docsets.all_docs())
            unfiltered = found
            for name in people:
                unfiltered = unfiltered & postings.docs("people", name)
            if request.date_from or request.date_to:
                unfiltered = tables.within_dates(unfiltered, request.date_from, request.date_to)
            matching = tables.with_outlets(unfiltered, request.outlets) if request.outlets else unfiltered
            return found, unfiltered, matching

        found, unfiltered, matching = matches(text_query)
        complete, relaxed, partial_query = matching, False, None
        # Few articles hold every word of a plain query (decided before any filter, so that ticking a facet
        # value gives the count it showed), or none within the filters: those with some of the words follow.
        if (len(found) < PARTIAL_BELOW or not matching) and isinstance(node, And) \
                and all(isinstance(n, Word) for n in node.nodes):
            any_node = Or(node.nodes)
            partial_query = self.compiler(tables).compile(any_node)
            _found, unfiltered, matching = matches(partial_query)  # supersets of the complete matches
            if not complete:  # every result is partial: ranked by how many words, and the page says so
                node, relaxed = any_node, bool(matching)

        # Outlet counts as if no outlet were ticked, so every outlet's count stays visible.
        outlet_counts, unknown_outlet = tables.outlet_counts(unfiltered)
        month_counts, unknown_date = tables.month_counts(matching)
        top_people = tables.top_people(matching, TOP_PEOPLE)

        total = len(matching)
        start = (request.page - 1) * request.per_page
        end = start + request.per_page
        # The complete matches first, then (when there are few) the partial ones, each in the requested order.
        groups = [(complete, text_query)] + ([(matching - complete, partial_query)] if partial_query else [])
        page: list[tuple[int, float | None]] = []
        for docnums, query in groups:
            if len(page) >= end or not docnums:
                continue
            if request.sort == "relevance" and query is not None:
                page += self.rank(state, query, docnums, end - len(page), docsets)
            else:
                page += [(d, None) for d in self._by_date(tables, docnums, request.sort != "oldest", end - len(page))]
        page = page[start:end]

        terms = MatchTerms.of(positive_words(node), self.stem, self.stopwords)
        hits = [self._hit(searcher, docnum, score, terms, partial_query is not None and docnum not in complete)
                for docnum, score in page]
        facets = Facets(
            outlet=self._outlet_facet(outlet_counts, request),
            person=[FacetValue(name, name, count, name in people) for name, count in top_people],
            month=[FacetValue(month, month_label(month), count, self._month_selected(request, month))
                   for month, count in sorted(month_counts.items())],
            unknown_outlet=unknown_outlet,
            unknown_date=unknown_date,
        )
        suggestion = self.suggest(searcher, request.q, node)
        took = (time.perf_counter() - started) * 1000
        return SearchResult(request, total, hits, facets, suggestion, took, relaxed,
                            len(complete) if partial_query is not None else None)

    @staticmethod
    def rank(state: _Generation, text_query: wq.Query, matching: set[int], limit: int,
             docsets: DocSets) -> list[tuple[int, float]]:
        """The *limit* best of *matching* by BM25F: a block at a time for term queries, else by Whoosh."""
        best = top_documents(state.searcher, text_query, matching, limit, state.lengths, docsets)
        if best is None:  # every match scored: Whoosh's own top-k collector can drop a document
            results = state.searcher.search(text_query, limit=None, filter=matching)
            best = [(hit.docnum, hit.score) for hit in results[:limit]]
        return best

    @staticmethod
    def _by_date(tables: FacetTables, docnums: set[int], newest: bool, limit: int) -> list[int]:
        date_of = tables.date_of
        if newest:
            return heapq.nsmallest(limit, docnums, key=lambda d: (-date_of[d] if date_of[d] else 1, d))
        return heapq.nsmallest(limit, docnums, key=lambda d: (date_of[d] or 10**9, d))

    @staticmethod
    def resolve_people(request: SearchRequest, tables: FacetTables) -> list[str]:
        """Requested people as indexed (case-insensitive); an unknown name is kept and matches nothing."""
        return [tables.person_by_lower.get(name.lower(), name) for name in request.people]

    def _outlet_facet(self, counts, request: SearchRequest) -> list[FacetValue]:
        values = []
        for slug, count in sorted(counts.items(), key=lambda i: (-i[1], i[0])):
            values.append(FacetValue(slug, self.outlet_label(slug), count, slug in request.outlets))
        for slug in request.outlets:  # a ticked outlet stays visible, with its count 0
            if slug not in counts and slug != UNKNOWN_OUTLET:
                values.append(FacetValue(slug, self.outlet_label(slug), 0, True))
        return values

    def outlet_label(self, slug: str) -> str:
        outlet = self.outlet_table.get(slug)
        return outlet.name if outlet is not None else slug

    @staticmethod
    def _month_selected(request: SearchRequest, month: str) -> bool:
        if not (request.date_from and request.date_to):
            return False
        return request.date_from.strftime("%Y-%m") == month and is_whole_month(request.date_from, request.date_to)

    def _hit(self, searcher: Searcher, docnum: int, score: float | None, terms: MatchTerms,
             partial: bool = False) -> Hit:
        stored = searcher.stored_fields(docnum)
        body = stored.get("body", "")
        title = stored.get("title", "")
        date = stored.get("date")
        return Hit(
            id=stored["id"],
            title=title,
            title_html=mark(title, find_matches(title, terms, self.stem)),
            url=stored.get("url"),
            outlet=stored.get("outlet"),
            outlet_name=stored.get("outlet_name") or (self.outlet_label(stored["outlet"])
                                                      if stored.get("outlet") else None),
            date=date.date() if isinstance(date, dt.datetime) else None,
            people=list(stored.get("people") or []),
            reporter=stored.get("reporter"),
            editor=stored.get("editor"),
            score=score,
            snippet=snippet(body, find_matches(body, terms, self.stem)),
            partial=partial,
        )

    # -- did you mean ----------------------------------------------------------------------------

    def suggest(self, searcher: Searcher, q: str, node: Node | None) -> str | None:
        """The query with rare or unknown words replaced by a close, common indexed word."""
        reader = searcher.reader()
        total_docs = max(1, reader.doc_count())
        corrected = q
        changed = False
        for word in dict.fromkeys(positive_words(node)):
            tokens = [t.lower() for t, _s, _e in iter_words(word)]
            if len(tokens) != 1 or tokens[0] in self.stopwords or tokens[0].isdigit() or len(tokens[0]) < 4:
                continue
            token = tokens[0]
            frequency = self._doc_frequency(reader, token)
            if frequency > total_docs // 10_000:  # rare: in at most 0.01% of the articles
                continue
            best = self._closest_common(reader, token, frequency)
            if best:
                corrected = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", best, corrected, flags=re.IGNORECASE)
                changed = True
        return corrected if changed and corrected != q else None

    def _doc_frequency(self, reader, token: str) -> int:
        root = self.stem(token)
        return max(reader.doc_frequency(name, root) for name in TEXT_FIELDS)

    def _closest_common(self, reader, token: str, frequency: int) -> str | None:
        maxdist = 1 if len(token) <= 5 else 2
        candidates: dict[str, int] = {}
        for name in TEXT_FIELDS:
            for term in reader.terms_within(name, token, maxdist, prefix=1):
                candidates[term] = max(candidates.get(term, 0), reader.doc_frequency(name, term))
            for term in reader.terms_within(name, "=" + token, maxdist, prefix=2):
                candidates[term[1:]] = max(candidates.get(term[1:], 0), reader.doc_frequency(name, term))
        candidates.pop(token, None)
        common = [(count, term) for term, count in candidates.items() if count >= max(2, 3 * frequency)]
        if not common:
            return None
        common.sort(key=lambda item: (-item[0], _distance(token, item[1]), item[1]))
        return common[0][1]

    # -- documents -------------------------------------------------------------------------------

    @_locked
    def document(self, doc_id: str, q: str = "") -> dict | None:
        """The whole article with its metadata, its body highlighted for *q*, and related articles."""
        state = self._current()
        searcher = state.searcher
        docnum = searcher.document_number(id=doc_id)
        if docnum is None:
            return None
        stored = searcher.stored_fields(docnum)
        terms = MatchTerms.of(positive_words(parse_query(q)), self.stem, self.stopwords)
        body = stored.get("body", "")
        spans = find_matches(body, terms, self.stem)
        hit = self._hit(searcher, docnum, None, terms)
        article = hit.to_dict()
        del article["score"], article["snippet"]
        article.update({
            "body": body,
            "paragraphs_html": [str(p) for p in highlight_paragraphs(body, spans)],
            "matches": len(spans),
            "source": stored.get("source"),
            "related": [h.to_dict() for h in self.related(searcher, docnum)],
        })
        return article

    def related(self, searcher: Searcher, docnum: int, count: int = RELATED) -> list[Hit]:
        """Articles sharing the most distinctive words of this one's body ("berita terkait")."""
        key_terms = [term for term, _weight in searcher.key_terms([docnum], "body", numterms=30)
                     if not term.startswith("=") and term not in self.stopwords and not term.isdigit()][:12]
        if not key_terms:
            return []
        similar = wq.Or([wq.Term("body", term) for term in key_terms] +
                        [wq.Term("title", term) for term in key_terms])
        results = searcher.search(similar, limit=count + 1, mask={docnum})
        no_terms = MatchTerms(frozenset(), frozenset())
        return [self._hit(searcher, hit.docnum, hit.score, no_terms) for hit in results[:count]]

    # -- listings --------------------------------------------------------------------------------

    @_locked
    def outlets(self) -> list[dict]:
        """Every outlet in the configuration, with its number of indexed articles."""
        state = self._current()
        counts, unknown = state.tables.outlet_counts(range(state.tables.size)
                                                     if not state.searcher.reader().has_deletions()
                                                     else state.searcher.reader().all_doc_ids())
        listed = [{"slug": o.slug, "name": o.name, "count": counts.get(o.slug, 0)} for o in self.outlet_table.all()]
        known = {o["slug"] for o in listed}
        listed += [{"slug": slug, "name": self.outlet_label(slug), "count": n}
                   for slug, n in counts.items() if slug not in known]
        return listed

    @_locked
    def outlet_slugs(self) -> list[str]:
        """Slugs of the configured outlets and of any other outlet in the index."""
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
        """People by number of articles; *prefix* matches the start of any word of the name."""
        state = self._current()
        wanted = prefix.strip().lower()
        found = []
        for name, count in state.tables.person_counts().items():
            if wanted and not any(w.lower().startswith(wanted) for w in name.split()) \
                    and not name.lower().startswith(wanted):
                continue
            found.append({"name": name, "count": count})
        found.sort(key=lambda p: (-p["count"], p["name"]))
        return found[:limit]

    @_locked
    def health(self) -> dict:
        generation = current_generation(self.root)
        try:
            state = self._current()
        except NoIndexError:
            return {"status": "no index", "documents": 0, "last_modified": None, "version": __version__}
        modified = dt.datetime.fromtimestamp(os.stat(generation).st_mtime, dt.timezone.utc) if generation else None
        return {
            "status": "ok",
            "documents": state.searcher.doc_count(),
            "last_modified": modified.isoformat() if modified else None,
            "version": __version__,
        }


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (small words only: used to order a handful of suggestions)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]
