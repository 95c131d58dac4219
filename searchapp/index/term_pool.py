"""A segment writer's postings until its final flush, grouped by (field, term) as they are added, and
past the pool's size written to sorted runs on disk and merged at the end (`whoosh27_writing` writes
them as Whoosh's postings)."""

from __future__ import annotations

import contextlib
import heapq
import itertools
import operator
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator

Postings = list[tuple[int, float, bytes]]  # (document number, weight, encoded value), ascending
Term = tuple[str, bytes, Iterable[Postings]]  # field, term, its postings in parts (one a run), in order
# what the pool counts against its limit: a term's and a posting's objects as Python holds them, besides
# their bytes
_TERM_BYTES, _POSTING_BYTES = 200, 160
MAX_OPEN_RUNS = 100  # runs merged at once (Whoosh's pool: 128); more are first merged in groups


class TermPool:
    """A writer's postings, grouped by (field, term) as they are added: each term's postings arrive in
    ascending document order (documents are numbered as they are added, merged segments after them; no
    field of ours keeps a spelling list, whose postings Whoosh numbers 0), so only the terms need
    sorting. Past *limit* bytes the pool is written to a sorted run in *folder*."""

    def __init__(self, folder: str, limit: int) -> None:
        self._folder = folder
        self._limit = limit
        self._terms: dict[tuple[str, bytes], Postings] = {}
        self._size = 0
        self._runs: list[str] = []
        # by encoder, the value of a term met once in a text, by its position (as many as the longest text's words)
        self._once: dict[Callable[[list[int]], bytes], dict[int, bytes]] = {}

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        fieldname, btext, docnum, weight, value = item
        key = (fieldname, btext)
        postings = self._terms.get(key)
        if postings is None:
            self._terms[key] = postings = []
            self._size += _TERM_BYTES + len(btext)
        postings.append((docnum, weight, value or b""))
        self._size += _POSTING_BYTES + len(value) if value else _POSTING_BYTES
        if self._size > self._limit:
            self._spill()

    def add_positions(self, fieldname: str, docnum: int, found: dict[str, list[int]],
                      encode: Callable[[list[int]], bytes], boost: float, fieldboost: float) -> int:
        """Add a document's postings of one text field: each term with its positions, their *encode*-d
        value, weighed as Whoosh weighs them (occurrences times the format's and the field's boost); the
        field's length."""
        terms, size, length = self._terms, self._size, 0
        once = self._once.setdefault(encode, {})
        for term, positions in found.items():
            frequency = len(positions)
            if frequency == 1:  # most terms of a text: their one position's encoding is made once, then
                # copied (values of one object would be pickled in a block as references, not Whoosh's bytes)
                value = once.get(positions[0])
                if value is None:
                    value = once[positions[0]] = encode(positions)
                value = bytes(memoryview(value))
            else:
                value = encode(positions)
            key = (fieldname, term.encode("utf-8"))
            postings = terms.get(key)
            if postings is None:
                terms[key] = postings = []
                size += _TERM_BYTES + len(key[1])
            postings.append((docnum, float(frequency) * boost * fieldboost, value))
            size += _POSTING_BYTES + len(value)
            length += frequency
        self._size = size
        if size > self._limit:
            self._spill()
        return length

    def _spill(self) -> None:
        self._runs.append(self._write_run((key, (self._terms[key],)) for key in sorted(self._terms)))
        self._terms = {}
        self._size = 0

    def _write_run(self, terms: Iterable[tuple[tuple[str, bytes], Iterable[Postings]]]) -> str:
        os.makedirs(self._folder, exist_ok=True)
        handle, path = tempfile.mkstemp(suffix=".terms", dir=self._folder)
        with os.fdopen(handle, "wb") as run:
            for key, parts in terms:
                for postings in parts:
                    pickle.dump((key, postings), run, pickle.HIGHEST_PROTOCOL)
        return path

    def terms(self) -> Iterator[Term]:
        """Every term, in field and term order, with its postings from each run in turn (the runs are read
        term by term as they are merged, never whole)."""
        if not self._runs:
            for key in sorted(self._terms):
                yield key[0], key[1], (self._terms[key],)
            return
        if self._terms:
            self._spill()
        while len(self._runs) > MAX_OPEN_RUNS:  # the earliest runs into one, which stays first
            first, self._runs = self._runs[:MAX_OPEN_RUNS], self._runs[MAX_OPEN_RUNS:]
            self._runs.insert(0, self._write_run((key, parts) for key, parts in _merged(first)))
            for path in first:
                os.remove(path)
        for (fieldname, btext), parts in _merged(self._runs):
            yield fieldname, btext, parts

    def iter_postings(self) -> Iterator[tuple[str, bytes, int, float, bytes]]:
        """Whoosh's pool interface: every posting in order."""
        for fieldname, btext, parts in self.terms():
            for postings in parts:
                for docnum, weight, value in postings:
                    yield fieldname, btext, docnum, weight, value

    def cleanup(self) -> None:
        for path in self._runs:
            with contextlib.suppress(OSError):
                os.remove(path)
        self._runs = []


def _merged(paths: list[str]) -> Iterator[tuple[tuple[str, bytes], Iterator[Postings]]]:
    """The terms of sorted runs in order, each with its postings from run after run (documents ascending:
    a later run holds later documents); each term's parts are read before the next term is."""
    merged = heapq.merge(*(_read_run(path, number) for number, path in enumerate(paths)))
    for key, records in itertools.groupby(merged, key=operator.itemgetter(0)):
        yield key, (postings for _key, _number, postings in records)


def _read_run(path: str, number: int) -> Iterator[tuple[tuple[str, bytes], int, Postings]]:
    with open(path, "rb") as run:
        while True:
            try:
                key, postings = pickle.load(run)
            except EOFError:
                return
            yield key, number, postings


def blocks(parts: Iterable[Postings], size: int) -> Iterator[Postings]:
    """The postings of *parts*, in order, as blocks of *size* (the last one shorter)."""
    block: Postings = []
    for postings in parts:
        start = 0
        while start < len(postings):
            taken = postings[start:start + size - len(block)]
            block += taken
            start += len(taken)
            if len(block) == size:
                yield block
                block = []
    if block:
        yield block
