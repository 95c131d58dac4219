"""One shard's part of a search of a sharded index (`searchapp.index.shards`).

A `ShardSearcher` opens its shard by path and answers the three calls a search makes of every shard:
`count` (how many articles match, and the shard's statistics of the query's terms), `gather` (facet
counts, the shard's best articles for the page scored with the statistics of every shard, the dates of
its matches) and `render` (hits by article id, copies of stories). It runs in the front end's process
for a sharded index on this machine, or as a Ray actor on a cluster (`searchapp.search.sharding.cluster`); what
goes in and out is plain data, so both are the same code.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import threading
from collections import Counter, OrderedDict
from pathlib import Path

from whoosh import classify
from whoosh import query as wq
from whoosh.scoring import BM25F

from searchapp.config import Settings
from searchapp.extract.outlet import OutletTable
from searchapp.extract.registry import PeopleRegistry
from searchapp.ingest.datetimes import WIB
from searchapp.search.articles import Articles
from searchapp.search.compiler import TEXT_FIELDS, QueryCompiler
from searchapp.search.live import Generation
from searchapp.search.matching import DocSets, Postings
from searchapp.search.query import positive_words
from searchapp.search.ranking import best_of, by_relevance, ordered
from searchapp.search.request import SearchRequest
from searchapp.search.results import Hit
from searchapp.search.selection import Matches, select
from searchapp.search.sharding.live import ShardLive
from searchapp.search.sharding.parts import Entry, Part, Plan
from searchapp.search.sharding.statistics import GlobalSearcher, Statistics, query_terms
from searchapp.search.suggest import near_words, suggestable

MATCHES_KEPT = 16  # requests between their first and second call (each sets of document numbers)


class ShardSearcher:
    """Searches one shard of the index in *settings* (the set's folder)."""

    def __init__(self, settings: Settings, number: int) -> None:
        self.number = number
        self.settings = settings
        self.set_root = Path(settings.index)
        self.outlet_table = OutletTable.load(settings.outlets_file)
        self.people_registry = PeopleRegistry.load(settings.people_file)
        self.live = ShardLive(settings, settings.load_stopwords(), self.set_root, number)
        self._kept: OrderedDict[tuple, Matches] = OrderedDict()  # a request's documents, from count to gather
        self._kept_lock = threading.Lock()

    # -- the generation, and what it was published with ------------------------------------------

    def _state(self) -> tuple[Generation, dict]:
        """This request's generation, and what its set was published with."""
        state = self.live.current()
        return state, state.published

    def status(self) -> dict:
        with self.live.request():
            state, catalog = self._state()
            return {"shard": self.number, "set": catalog["set"], "shards": catalog["shards"],
                    "documents": state.searcher().doc_count(), "pid": os.getpid(), "rss_mb": resident_mb()}

    def catalog(self) -> dict:
        """The set's catalog, as the front end reads it (the stories are the shards' own)."""
        with self.live.request():
            return {key: value for key, value in self._state()[1].items() if key != "stories"}

    def set_name(self) -> str:
        with self.live.request():
            return self._state()[1]["set"]

    def day_totals(self) -> tuple[str, Counter]:
        with self.live.request():
            state, catalog = self._state()
            return catalog["set"], state.day_totals

    # -- a search's calls ------------------------------------------------------------------------

    def _select(self, state: Generation, catalog: dict, request: SearchRequest, people: list[str],
                partial: bool, keep: bool = False) -> tuple[Matches, DocSets]:
        """The request's documents here. Those `count` selects (without partial matches) are kept for the
        `gather` of the same request, which most often follows on the same replica."""
        searcher = state.searcher()
        docsets = DocSets(searcher, Postings(searcher.reader(), state.posting_cache))
        key = (state.key, request.q, request.outlets, request.categories, tuple(people), request.date_from,
               request.date_to)
        if not partial and not keep:
            with self._kept_lock:
                found = self._kept.pop(key, None)
            if found is not None:
                return found, docsets
        compiler = QueryCompiler(state.analysis, self.settings.exact_boost, self.outlet_table,
                                 catalog["names"], list(catalog["outlets"]), self.people_registry)
        found = select(request, people, compiler, state.tables, docsets, self.settings.partial_below,
                       decide=lambda _found, _matching: partial)
        if keep:
            with self._kept_lock:
                self._kept[key] = found
                while len(self._kept) > MATCHES_KEPT:
                    self._kept.popitem(last=False)
        return found, docsets

    def count(self, request: SearchRequest, people: list[str], ranked: bool = True) -> tuple[str, int, int, Statistics]:
        """The set, the articles the query matches, those within the filters too, and this shard's
        statistics of every term the query (or its partial form) scores with; a query that will not be
        *ranked* (did-you-mean's check of a correction) is neither kept nor scored."""
        with self.live.request():
            state, catalog = self._state()
            found, _docsets = self._select(state, catalog, request, people, False, keep=ranked)
            if not ranked:
                return catalog["set"], len(found.found), len(found.matching), Statistics()
            terms = query_terms(found.text_query, found.any_query)
            statistics = Statistics.of(state.searcher().reader(), terms, TEXT_FIELDS)
            return catalog["set"], len(found.found), len(found.matching), statistics

    def gather(self, request: SearchRequest, people: list[str], plan: Plan) -> Part:
        with self.live.request():
            state, catalog = self._state()
            found, docsets = self._select(state, catalog, request, people, plan.partial)
            tables, stories = state.tables, state.stories
            searcher = GlobalSearcher(state.searcher().reader(), plan.statistics, BM25F())
            outlets, unknown_outlet = tables.outlet_counts(found.unfiltered)
            months, unknown_date = tables.month_counts(found.but_date)
            lone, named = stories.parts(found.matching)
            lone_all, named_all = stories.parts(found.matching | found.partial) if found.partial else (lone, named)

            def best(docnums: set[int], query, wanted: int) -> list[Entry]:
                if not docnums or not wanted:
                    return []
                relevance = by_relevance(request, query)
                key = tables.date_key(request.sort != "oldest", tie=False)
                limit = wanted if not request.collapse else 2 * wanted + 10
                while True:
                    limit = min(limit, len(docnums))
                    ranked = ordered(state, request, docnums, query, limit, docsets, searcher)
                    kept = stories.collapse(ranked, set(), wanted) if request.collapse else ranked
                    if not request.collapse or len(kept) >= wanted or limit >= len(docnums):
                        break
                    limit *= 4
                entries = []
                for docnum, score in kept:
                    doc_id = stories.ids[docnum]
                    order = (-score,) if relevance else key(docnum)
                    entries.append(((*order, doc_id), doc_id, score, stories.story_key(docnum)))
                return entries

            return Part(
                catalog["set"], len(found.matching), len(found.partial), outlets, unknown_outlet, months,
                unknown_date, tables.people_counts(found.matching), tables.category_counts(found.but_category),
                lone, named, lone_all, named_all,
                best(found.matching, found.text_query, plan.complete_limit),
                best(found.partial, found.partial_query, plan.partial_limit),
                Counter(tables.date_of[d] for d in found.matching) if plan.dates else Counter(),
                {form: near_words(state.vocabulary, form)
                 for form in map(lambda w: suggestable(state.analysis, w), positive_words(found.node)) if form}
                if plan.spelling else {},
            )

    def frequencies(self, words: list[str]) -> tuple[str, int, Counter]:
        """The set, its live articles here, and the articles holding each written word in the title and
        in the body (did you mean: summed over the shards)."""
        with self.live.request():
            state, catalog = self._state()
            reader = state.searcher().reader()
            counts: Counter = Counter()
            for word in words:
                terms = state.analysis.words(word)
                if len(terms) == 1:
                    for name in TEXT_FIELDS:
                        counts[(word, name)] = reader.doc_frequency(name, terms[0].exact)
            return catalog["set"], reader.doc_count(), counts

    def render(self, q: str, wanted: list[tuple[str, float | None, bool]],
               stories: list[str]) -> tuple[dict[str, Hit], dict[str, list[dict]]]:
        """The hits of the articles of this shard among *wanted* (id, score, partial), by id, and this
        shard's articles of each of *stories* in brief (a story's copies may be in any shard: the front
        end gives each hit its copies)."""
        with self.live.request():
            state, catalog = self._state()
            articles = self._articles(state, catalog)
            terms = articles.terms(q)
            searcher = state.searcher()
            hits = {}
            for doc_id, score, partial in wanted:
                docnum = searcher.document_number(id=doc_id)
                if docnum is not None:
                    hits[doc_id] = articles.hit(docnum, score, terms, partial, copies=False)
            briefs = {name: [articles.copy(d) for d in state.stories.named(name)] for name in stories}
            return hits, briefs

    def document(self, doc_id: str, q: str, raw: bool) -> tuple[str, dict | None, dict[str, float], float]:
        """The set, one article as `Articles.document` gives it but for its related articles, and the
        weights of the words of its body that choose them (`whoosh.classify.Expander`)."""
        with self.live.request():
            state, catalog = self._state()
            article = self._articles(state, catalog).document(doc_id, q, raw, related=False)
            if article is None:
                return catalog["set"], None, {}, 0.0
            expander = classify.Expander(state.searcher().reader(), "body")
            expander.add_document(state.searcher().document_number(id=doc_id))
            return catalog["set"], article, dict(expander.topN_weight), expander.top_total

    def collection(self, words: list[str]) -> tuple[str, Statistics]:
        """The set, and this shard's statistics of *words* in the title and the body (with their
        occurrences in the body): what related articles are chosen and ranked by."""
        with self.live.request():
            state, catalog = self._state()
            terms = {(name, word) for word in words for name in TEXT_FIELDS}
            return catalog["set"], Statistics.of(state.searcher().reader(), terms, TEXT_FIELDS, weights=True)

    def related(self, similar: wq.Query, statistics: Statistics, count: int,
                excluded: list[str]) -> tuple[str, list[Entry]]:
        """The set, and this shard's *count* best matches of *similar* (an article's related articles) but
        *excluded*, scored with the statistics of every shard."""
        with self.live.request():
            state, catalog = self._state()
            searcher = GlobalSearcher(state.searcher().reader(), statistics, BM25F())
            mask = {d for doc_id in excluded if (d := searcher.document_number(id=doc_id)) is not None}
            ids = state.stories.ids
            return catalog["set"], [((-score, ids[d]), ids[d], score, state.stories.story_key(d))
                                    for d, score in best_of(state, similar, mask, count, searcher)]

    def rows(self, q: str, wanted: list[tuple[str, float | None]]) -> dict[str, dict]:
        """Export rows of the articles of this shard among *wanted* (id, score), by id; with *q* empty,
        their bodies instead (the sample significant words read)."""
        with self.live.request():
            state, catalog = self._state()
            articles = self._articles(state, catalog)
            searcher = state.searcher()
            terms = articles.terms(q)
            found = {}
            for doc_id, score in wanted:
                docnum = searcher.document_number(id=doc_id)
                if docnum is None:
                    continue
                moment = state.tables.time_of[docnum]
                published = dt.datetime.fromtimestamp(moment, WIB).isoformat() if moment else None  # as `date`
                found[doc_id] = articles.row(docnum, score, terms, published)
            return found

    def bodies(self, ids: list[str]) -> dict[str, str]:
        with self.live.request():
            searcher = self._state()[0].searcher()
            docnums = {doc_id: searcher.document_number(id=doc_id) for doc_id in ids}
            return {doc_id: searcher.stored_fields(d).get("body", "") for doc_id, d in docnums.items() if d is not None}

    def lookups(self, words: list[str], pairs: list[tuple[str, str]]) -> tuple[str, int, Counter, Counter]:
        """The set, its live articles here, and the articles holding each word (as written) and both words
        of each pair (significant words: summed over the shards)."""
        with self.live.request():
            state, catalog = self._state()
            searcher = state.searcher()
            reader = searcher.reader()
            docsets = DocSets(searcher, Postings(reader, state.posting_cache))
            counts: Counter = Counter()
            for word in words:
                terms = state.analysis.words(word)
                counts[word] = reader.doc_frequency("body", terms[0].exact) if terms else 0
            together: Counter = Counter()
            for first, second in pairs:
                terms = state.analysis.words(f"{first} {second}")
                if len(terms) == 2:
                    together[(first, second)] = len(docsets.of(wq.And([wq.Term("body", t.exact) for t in terms])))
            return catalog["set"], reader.doc_count(), counts, together

    def _articles(self, state: Generation, catalog: dict) -> Articles:
        outlets = catalog["outlets"]

        def label(slug: str) -> str:
            outlet = self.outlet_table.get(slug)
            return outlet.name if outlet is not None else outlets.get(slug, {}).get("name", slug)

        return Articles(state.searcher(), state.analysis, label, state.stories, functools.partial(best_of, state))


def resident_mb() -> float:
    """This process's resident memory now (Linux), in MB."""
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0
