"""Unscored matching: the set of documents a query matches, read from whole posting blocks.

Counting facets needs every matching document but no score. Whoosh's matchers walk postings one
Python call at a time (``docs_for_query``); here a term's document numbers are read a block (up to 128
postings) at a time and combined with set operations in C. Queries this module does not know
(phrases, ranges, prefixes) are answered by Whoosh itself, so the result is always the same set.
"""

from __future__ import annotations

from itertools import accumulate

from whoosh import query as wq
from whoosh.reading import IndexReader, TermNotFound
from whoosh.searching import Searcher

from .analysis import EXACT_MARK


def term_docs(reader: IndexReader, field: str, text: str) -> set[int]:
    """Numbers of the live documents holding *text* in *field*."""
    found: set[int] = set()
    for segment, offset in reader.leaf_readers():
        try:
            matcher = segment.postings(field, text)
        except (TermNotFound, KeyError):
            continue
        deleted = getattr(matcher, "_ids", None) if type(matcher).__name__ == "FilterMatcher" else None
        if deleted is not None:
            matcher = matcher.child
        ids = _matcher_ids(matcher)
        if deleted:
            ids = [d for d in ids if d not in deleted]
        found.update(ids if not offset else (d + offset for d in ids))
    return found


def _matcher_ids(matcher) -> list[int]:
    """All ids of a leaf matcher: block by block for Whoosh 3 postings, else one by one."""
    if not hasattr(matcher, "_read_data") or not hasattr(matcher, "_next_block"):
        return list(matcher.all_ids())
    ids: list[int] = []
    while matcher.is_active():
        if matcher._data is None:
            matcher._read_data()
        raw = matcher._data[0]
        block = raw if matcher._byteids else accumulate(raw)
        ids.extend(block)
        matcher._next_block()
    return ids


class DocSets:
    """Evaluates a Whoosh query to the set of documents it matches, without scoring."""

    def __init__(self, searcher: Searcher) -> None:
        self.searcher = searcher
        self.reader = searcher.reader()
        self._all: set[int] | None = None

    def all_docs(self) -> set[int]:
        if self._all is None:
            self._all = set(self.reader.all_doc_ids())
        return self._all

    def of(self, query: wq.Query) -> set[int]:
        if isinstance(query, wq.Term):
            return term_docs(self.reader, query.fieldname, query.text)
        if isinstance(query, wq.Every):
            return set(self.all_docs())
        if query is wq.NullQuery or isinstance(query, type(wq.NullQuery)):
            return set()
        if isinstance(query, wq.Not):
            return self.all_docs() - self.of(query.query)
        if isinstance(query, wq.And):
            return self._and(query.subqueries)
        if isinstance(query, wq.Or):
            return self._or(query.subqueries)
        return set(self.searcher.docs_for_query(query))

    def _and(self, subqueries) -> set[int]:
        positive = [q for q in subqueries if not isinstance(q, wq.Not)]
        negative = [q.query for q in subqueries if isinstance(q, wq.Not)]
        if not positive:
            result = set(self.all_docs())
        else:
            sets = sorted((self.of(q) for q in positive), key=len)
            result = sets[0]
            for other in sets[1:]:
                result &= other
                if not result:
                    return result
        for query in negative:
            if not result:
                break
            result -= self.of(query)
        return result

    def _or(self, subqueries) -> set[int]:
        roots = {(q.fieldname, q.text) for q in subqueries
                 if isinstance(q, wq.Term) and not q.text.startswith(EXACT_MARK)}
        result: set[int] = set()
        for query in subqueries:
            if isinstance(query, wq.Term) and query.text.startswith(EXACT_MARK) and any(
                    field == query.fieldname for field, _ in roots):
                # A written form is always indexed beside its root at the same position: when the
                # root is in this Or too, the written form's documents are already counted.
                continue
            result |= self.of(query)
        return result
