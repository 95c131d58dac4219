"""BM25F top-k over a known set of matching documents, read from whole posting blocks.

Whoosh scores a match at a time through a tree of matcher objects (about 10 µs a document). Once the
matching set is known (`searchapp.matching`), the score of a word query is simply the sum, over the
query's terms a document holds, of ``boost × bm25(idf, weight, length)`` — the same formula, statistics
and quantised field lengths Whoosh's BM25F uses — so it is computed here a posting block at a time.
Queries with phrases or other non-term leaves are left to Whoosh (None is returned).
"""

from __future__ import annotations

import numpy as np
from whoosh import query as wq
from whoosh.reading import IndexReader
from whoosh.scoring import BM25F
from whoosh.searching import Searcher

from searchapp.index.whoosh27 import field_b
from searchapp.search.matching import DocSets

# field, term, boost, the phrase it must be part of, and whether it only scores (what a document may also hold)
Scored = tuple[str, str, float, wq.Phrase | None, bool]


def positive_terms(query: wq.Query, boost: float = 1.0) -> tuple[list[Scored], float] | None:
    """``(field, text, boost, phrase, optional)`` of every term that adds to a document's score (a phrase's
    words count only where the phrase matches), and the constant every match gets (Whoosh scores a
    ``Not`` under an ``And`` as its boost); None for anything else (ranges, prefixes, a ``Not`` under
    an ``Or``). An ``AndMaybe``'s second query only adds to the score of a document that also matches it."""
    boost *= getattr(query, "boost", 1.0)
    if isinstance(query, wq.Term):
        return [(query.fieldname, query.text, boost, None, False)], 0.0
    if isinstance(query, wq.Phrase):  # Whoosh scores a phrase match as the sum of its words' scores
        return [(query.fieldname, word, boost, query, False) for word in query.words], 0.0
    if isinstance(query, wq.AndMaybe):
        required, maybe = positive_terms(query.a, boost), positive_terms(query.b, boost)
        if required is None or maybe is None or maybe[1]:
            return None
        return required[0] + [(field, text, weight, phrase, True) for field, text, weight, phrase, _ in maybe[0]], \
            required[1]
    if isinstance(query, (wq.And, wq.Or)):
        terms: list[Scored] = []
        constant = 0.0
        for sub in query.subqueries:
            if isinstance(sub, wq.Not) or (isinstance(sub, wq.NumericRange) and sub.constantscore):
                # Whoosh scores a Not, and a date range, as its boost: the same for every match
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
        self.lengths: dict[str, np.ndarray] = {}
        for field in fields:
            lengths = np.ones(size, dtype=np.float64)
            for docnum in range(size):
                length = reader.doc_field_length(docnum, field, 1)
                if length:
                    lengths[docnum] = length
            self.lengths[field] = lengths


def top_documents(searcher: Searcher, query: wq.Query, candidates: set[int], limit: int,
                  lengths: LengthTable, docsets: DocSets, tie: np.ndarray) -> list[tuple[int, float]] | None:
    """The *limit* best ``(docnum, score)`` among *candidates* (which must be the query's matches),
    best first, ties by *tie* (each document's place in article id order); None when the query is not
    made of terms only.

    Vectorised over posting lists with NumPy: the same operations, in the same order, in double
    precision, as Whoosh's BM25F scorer.
    """
    found = positive_terms(query)
    if found is None:
        return None
    terms, constant = found
    weighting = searcher.weighting
    if not isinstance(weighting, BM25F):
        return None
    reader = searcher.reader()
    size = reader.doc_count_all()
    k1 = weighting.K1
    chosen = np.fromiter(candidates, dtype=np.int64, count=len(candidates))
    allowed = np.zeros(size, dtype=bool)
    allowed[chosen] = True
    scores = np.zeros(size, dtype=np.float64)
    scored = np.zeros(size, dtype=bool)
    postings = docsets.postings

    def add(into: np.ndarray, field: str, text: str, boost: float, where: np.ndarray) -> np.ndarray:
        """Add the term's score to *into* for the documents of *where* that hold it; those documents."""
        id_list, weight_list = postings.get(field, text)
        ids = np.frombuffer(id_list, dtype=np.int32)
        keep = where[ids]
        docs = ids[keep]
        tf = np.frombuffer(weight_list, dtype=np.float32)[keep].astype(np.float64)
        if not reader.schema[field].scorable:  # Whoosh scores these by their weight alone
            into[docs] += boost * tf
            return docs
        b = field_b(weighting, field)
        idf = searcher.idf(field, text)
        average = searcher.avg_field_length(field) or 1
        # Whoosh: bm25 = idf·((tf·(k1+1)) / (tf + k1·((1-b) + b·fl/avg))), times the term's boost
        field_lengths = lengths.lengths[field][docs]
        into[docs] += idf * ((tf * (k1 + 1)) / (tf + k1 * ((1 - b) + b * field_lengths / average))) * boost
        return docs

    def matching(phrase: wq.Phrase, among: set[int]) -> np.ndarray:
        where = np.zeros(size, dtype=bool)
        inside = docsets.phrase_within(phrase, among)
        where[np.fromiter(inside, dtype=np.int64, count=len(inside))] = True
        return where

    required = [(f, t, b, p) for f, t, b, p, optional in terms if not optional and reader.doc_frequency(f, t)]
    maybe = [(f, t, b, p) for f, t, b, p, optional in terms if optional and reader.doc_frequency(f, t)]
    within: dict[wq.Phrase, np.ndarray] = {}
    for field, text, boost, phrase in required:
        if phrase is not None and phrase not in within:  # each word of a phrase scores where it matches
            within[phrase] = matching(phrase, candidates)
        scored[add(scores, field, text, boost, allowed if phrase is None else within[phrase])] = True
    if maybe:
        # What may match too only adds to a score: an article that could not reach the first *limit* even if
        # it matched is never read for it (a phrase's positions are the costly part)
        potential = np.zeros(size, dtype=np.float64)
        for field, text, boost, _phrase in maybe:
            add(potential, field, text, boost, allowed)
        if limit < len(chosen):
            bar = np.partition(scores[chosen], len(chosen) - limit)[len(chosen) - limit]
            hopeful = chosen[scores[chosen] + potential[chosen] >= bar - 1e-9 * max(1.0, abs(bar))]  # (rounding)
        else:
            hopeful = chosen
        among = set(hopeful.tolist())
        for field, text, boost, phrase in maybe:
            if phrase not in within:
                within[phrase] = matching(phrase, among)
            add(scores, field, text, boost, within[phrase])
    if int(scored[chosen].sum()) != len(chosen):  # candidates that are not this query's matches
        return None
    result = scores[chosen] + constant
    count = min(limit, len(chosen))
    if count == 0:
        return []
    order = np.lexsort((tie[chosen], -result))[:count]
    return [(int(chosen[i]), float(result[i])) for i in order]
