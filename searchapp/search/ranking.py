"""The order of a search's matches: by BM25F (a posting block at a time for word queries, else by
Whoosh) or by date, and the page of it a request asks for — the complete matches before the partial
ones, each story once when collapsed."""

from __future__ import annotations

from whoosh import query as wq
from whoosh.searching import Searcher

from searchapp.search.live import Generation
from searchapp.search.matching import DocSets, Postings
from searchapp.search.request import SearchRequest
from searchapp.search.scoring import top_documents
from searchapp.search.selection import Matches

Ranked = list[tuple[int, float | None]]  # document numbers, best first, with their score (None by date)


def rank(state: Generation, text_query: wq.Query, matching: set[int], limit: int,
         docsets: DocSets, searcher: Searcher | None = None) -> list[tuple[int, float]]:
    """The *limit* best of *matching* by BM25F (ties by article id): a block at a time for term queries,
    else by Whoosh. A shard's *searcher* scores with the statistics of every shard."""
    searcher = searcher or state.searcher()
    best = top_documents(searcher, text_query, matching, limit, state.lengths, docsets, state.tie)
    if best is None:  # every match scored: Whoosh's own top-k collector can drop a document
        ranked = [(docnum, score) for score, docnum in searcher.search(text_query, limit=None, filter=matching).top_n]
        end = min(limit, len(ranked))
        while 0 < end < len(ranked) and ranked[end][1] == ranked[end - 1][1]:
            end += 1  # the ties of the last one in: which of them come first is the article ids' to say
        tie = state.tie
        best = sorted(ranked[:end], key=lambda h: (-h[1], tie[h[0]]))[:limit]
    return best


def ordered(state: Generation, request: SearchRequest, docnums: set[int], text_query: wq.Query | None,
            limit: int, docsets: DocSets, searcher: Searcher | None = None) -> Ranked:
    """The first *limit* of *docnums* in the request's order: by relevance when there is a query to rank
    by, else by date (newest first unless the request asks for the oldest)."""
    if by_relevance(request, text_query):
        return rank(state, text_query, docnums, limit, docsets, searcher)
    return [(d, None) for d in state.tables.by_date(docnums, request.sort != "oldest", limit)]


def best_of(state: Generation, query: wq.Query, excluded: set[int], limit: int,
            searcher: Searcher | None = None) -> list[tuple[int, float]]:
    """The *limit* best matches of *query* but *excluded*, by BM25F (ties by article id)."""
    searcher = searcher or state.searcher()
    docsets = DocSets(searcher, Postings(searcher.reader(), state.posting_cache))
    return rank(state, query, docsets.of(query) - excluded, limit, docsets, searcher)


def by_relevance(request: SearchRequest, text_query: wq.Query | None) -> bool:
    return request.sort == "relevance" and text_query is not None


def page_of(state: Generation, request: SearchRequest, found: Matches, docsets: DocSets) -> Ranked:
    """The requested page: the complete matches first, then the partial ones, each in the requested order."""
    start = (request.page - 1) * request.per_page
    end = start + request.per_page
    groups = [(found.matching, found.text_query), (found.partial, found.partial_query)]
    page: Ranked = []
    seen: set[int] = set()  # stories on the page so far (when collapsed)
    for docnums, query in groups:
        if len(page) >= end or not docnums:
            continue
        wanted = end - len(page)
        limit = wanted if not request.collapse else 2 * wanted + 10
        while True:  # collapsed: rank more until enough stories, or every match, are in
            limit = min(limit, len(docnums))
            ranked = ordered(state, request, docnums, query, limit, docsets)
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
