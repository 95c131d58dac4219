"""BM25F top-k over a known set of matching documents, read from whole posting blocks.

Whoosh scores a match at a time through a tree of matcher objects (about 10 µs a document). Once the
matching set is known (`searchapp.matching`), the score of a word query is simply the sum, over the
query's terms a document holds, of ``boost × bm25(idf, weight, length)`` — the same formula, statistics
and quantised field lengths Whoosh's BM25F uses — so it is computed here a posting block at a time.
Queries with phrases or other non-term leaves are left to Whoosh (None is returned).
"""

from __future__ import annotations

import heapq

from whoosh import query as wq
from whoosh.reading import IndexReader
from whoosh.scoring import BM25F
from whoosh.searching import Searcher

from .matching import DocSets

Scored = tuple[str, str, float, wq.Phrase | None]  # field, term, boost, the phrase it must be part of


def positive_terms(query: wq.Query, boost: float = 1.0) -> tuple[list[Scored], float] | None:
    """``(field, text, boost, phrase)`` of every term that adds to a document's score (a phrase's
    words count only where the phrase matches), and the constant every match gets (Whoosh scores a
    ``Not`` under an ``And`` as its boost); None for anything else (ranges, prefixes, a ``Not`` under
    an ``Or``)."""
    boost *= getattr(query, "boost", 1.0)
    if isinstance(query, wq.Term):
        return [(query.fieldname, query.text, boost, None)], 0.0
    if isinstance(query, wq.Phrase):  # Whoosh scores a phrase match as the sum of its words' scores
        return [(query.fieldname, word, boost, query) for word in query.words], 0.0
    if isinstance(query, (wq.And, wq.Or)):
        terms: list[Scored] = []
        constant = 0.0
        for sub in query.subqueries:
            if isinstance(sub, wq.Not):
                if isinstance(query, wq.Or):
                    return None
                constant += boost * sub.boost
                continue
            found = positive_terms(sub, boost)
            if found is None:
                return None
            terms += found[0]
            constant += found[1]
        return terms, constant
    return None


class LengthTable:
    """Quantised field lengths of every document (as Whoosh's scorer sees them), per generation."""

    def __init__(self, reader: IndexReader, fields: tuple[str, ...]) -> None:
        size = reader.doc_count_all()
        self.lengths: dict[str, list[int]] = {}
        for field in fields:
            lengths = [1] * size
            for docnum in range(size):
                length = reader.doc_field_length(docnum, field, 1)
                lengths[docnum] = length if length else 1
            self.lengths[field] = lengths


def top_documents(searcher: Searcher, query: wq.Query, candidates: set[int], limit: int,
                  lengths: LengthTable, docsets: DocSets) -> list[tuple[int, float]] | None:
    """The *limit* best ``(docnum, score)`` among *candidates* (which must be the query's matches),
    best first, ties by document number; None when the query is not made of terms only."""
    found = positive_terms(query)
    if found is None:
        return None
    terms, constant = found
    weighting = searcher.weighting
    if not isinstance(weighting, BM25F):
        return None
    reader = searcher.reader()
    k1 = weighting.K1
    scores: dict[int, float] = {}
    get = scores.get
    postings = docsets.postings
    for field, text, boost, phrase in terms:
        where = candidates & docsets.of(phrase) if phrase is not None else candidates
        if reader.doc_frequency(field, text) == 0:
            continue
        ids, weights = postings.get(field, text)
        if not reader.schema[field].scorable:  # Whoosh scores these by their weight alone
            for docnum, weight in zip(ids, weights, strict=True):
                if docnum in where:
                    scores[docnum] = get(docnum, 0.0) + boost * weight
            continue
        b = weighting._field_B.get(field, weighting.B)
        idf = searcher.idf(field, text)
        average = searcher.avg_field_length(field) or 1
        field_lengths = lengths.lengths[field]
        # bm25 = idf·tf·(k1+1) / (tf + k1·((1-b) + b·fl/avg)), scaled by the term's boost
        numerator = idf * (k1 + 1) * boost
        base = k1 * (1 - b)
        per_length = k1 * b / average
        for docnum, tf in zip(ids, weights, strict=True):
            if docnum in where:
                scores[docnum] = get(docnum, 0.0) + numerator * tf / (tf + base + per_length * field_lengths[docnum])
    if len(scores) != len(candidates):  # candidates that are not this query's matches: not ours to rank
        return None
    if constant:
        scores = {docnum: score + constant for docnum, score in scores.items()}
    best = heapq.nlargest(limit, ((score, -docnum) for docnum, score in scores.items()))
    return [(-negative_docnum, score) for score, negative_docnum in best]
