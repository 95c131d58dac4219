"""Unscored matching: the set of documents a query matches, read from whole posting blocks.

Counting facets needs every matching document but no score. Whoosh's matchers walk postings one
Python call at a time (``docs_for_query``); here a term's document numbers are read a block (up to 128
postings) at a time and combined with set operations in C. Queries this module does not know
(phrases, ranges, prefixes) are answered by Whoosh itself, so the result is always the same set.
"""

from __future__ import annotations

import threading
from array import array
from collections import OrderedDict

from whoosh import query as wq
from whoosh.reading import IndexReader
from whoosh.searching import Searcher

from searchapp.index.analysis import EXACT_MARK
from searchapp.index.whoosh27 import read_positions, read_postings


class PostingCache:
    """Decoded posting lists of one index generation, least recently used dropped first.

    Bounded by the number of postings held (each costs 8 bytes: a 4-byte document number and a
    4-byte weight in arrays); a term is decoded from the index at most once while it stays here.
    """

    def __init__(self, max_postings: int) -> None:
        self.max_postings = max_postings
        self.held = 0
        self._lists: OrderedDict[tuple[str, str], tuple[array, array]] = OrderedDict()
        self._lock = threading.Lock()  # a process's searching threads share it

    def get(self, key: tuple[str, str]) -> tuple[array, array] | None:
        with self._lock:
            found = self._lists.get(key)
            if found is not None:
                self._lists.move_to_end(key)
            return found

    def put(self, key: tuple[str, str], lists: tuple[array, array]) -> None:
        size = len(lists[0])
        if size > self.max_postings:
            return
        with self._lock:
            if key in self._lists:  # another thread read it meanwhile
                return
            self._lists[key] = lists
            self.held += size
            while self.held > self.max_postings:
                _key, (ids, _weights) = self._lists.popitem(last=False)
                self.held -= len(ids)


class Postings:
    """A term's live documents and weights, read a whole posting block at a time; each term is read
    once per request (matching and scoring share it), or once while it stays in the *cache*."""

    def __init__(self, reader: IndexReader, cache: PostingCache | None = None) -> None:
        self.reader = reader
        self.cache = cache if cache is not None else PostingCache(0)
        self._read: dict[tuple[str, str], tuple[array, array]] = {}
        self._sets: dict[tuple[str, str], set[int]] = {}  # a function word's set is built once a request

    def get(self, field: str, text: str) -> tuple[array, array]:
        """Document numbers (global to the reader, ascending per segment) and weights."""
        key = (field, text)
        found = self._read.get(key) or self.cache.get(key)
        if found is None:
            found = read_postings(self.reader, field, text)
            self.cache.put(key, found)
        self._read[key] = found
        return found

    def docs(self, field: str, text: str) -> set[int]:
        """The term's documents, a new set each call (callers combine them in place)."""
        key = (field, text)
        found = self._sets.get(key)
        if found is None:
            found = self._sets[key] = set(self.get(field, text)[0])
        return set(found)

    def positions(self, field: str, text: str, wanted: set[int]) -> dict[int, list[int]]:
        """Word positions of the term in each of the *wanted* documents that hold it."""
        return read_positions(self.reader, field, text, wanted)


class DocSets:
    """Evaluates a Whoosh query to the set of documents it matches, without scoring."""

    def __init__(self, searcher: Searcher, postings: Postings | None = None) -> None:
        self.searcher = searcher
        self.reader = searcher.reader()
        self.postings = postings or Postings(self.reader)
        self._all: set[int] | None = None
        self._phrases: dict[wq.Phrase, set[int]] = {}

    def all_docs(self) -> set[int]:
        if self._all is None:
            reader = self.reader
            size = reader.doc_count_all()
            self._all = set(reader.all_doc_ids()) if reader.has_deletions() else set(range(size))
        return self._all

    def of(self, query: wq.Query) -> set[int]:
        if isinstance(query, wq.Term):
            return self.postings.docs(query.fieldname, query.text)
        if isinstance(query, wq.Every):
            return set(self.all_docs())
        if query is wq.NullQuery or isinstance(query, type(wq.NullQuery)):
            return set()
        if isinstance(query, wq.Not):
            return self.all_docs() - self.of(query.query)
        if isinstance(query, wq.AndMaybe):  # what may match too only scores
            return self.of(query.a)
        if isinstance(query, wq.And):
            return self._and(query.subqueries)
        if isinstance(query, wq.Or):
            return self._or(query.subqueries)
        if isinstance(query, wq.Phrase):
            if query not in self._phrases:
                self._phrases[query] = self._phrase(query)
            return self._phrases[query]
        return set(self.searcher.docs_for_query(query))

    def _phrase(self, query: wq.Phrase) -> set[int]:
        """Documents with the words in order, each 1 to ``slop`` positions after the one before (the
        meaning of Whoosh's Phrase), checked on the positions of the documents holding every word."""
        field, words, slop = query.fieldname, query.words, query.slop
        candidates = self._and([wq.Term(field, word) for word in words])
        return self._in_order(field, words, slop, candidates) if candidates else candidates

    def phrase_within(self, query: wq.Phrase, allowed: set[int]) -> set[int]:
        """The documents of *allowed* the phrase matches (positions read for those alone: a phrase that only
        adds to the score of a search's matches need not be found elsewhere)."""
        if query in self._phrases:
            return self._phrases[query] & allowed
        candidates = self._and([wq.Term(query.fieldname, word) for word in query.words]) & allowed
        return self._in_order(query.fieldname, query.words, query.slop, candidates) if candidates else candidates

    def _in_order(self, field: str, words: list[str], slop: int, candidates: set[int]) -> set[int]:
        per_word = [self.postings.positions(field, word, candidates) for word in words]
        found = set()
        for docnum in candidates:
            ends = set(per_word[0].get(docnum, ()))
            for positions in per_word[1:]:
                ends = {p for p in positions.get(docnum, ()) if any(1 <= p - e <= slop for e in ends)}
                if not ends:
                    break
            if ends:
                found.add(docnum)
        return found

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
