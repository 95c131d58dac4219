"""A segment writer's postings until its final flush, grouped by term and held as arrays.

A posting held as a Python tuple of a number, a float and a bytes value took about 160 bytes, and
writing it to a sorted run on disk took a pickle call's work for each of its three objects: a worker
of a large run spent a twentieth of its time writing runs. Each term's postings are arrays here
(document numbers, weights, the encoded values one after another and where each ends): about 30 bytes
a posting, written to a run and read back as whole arrays.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import operator
import os
import pickle
import tempfile
from array import array
from collections.abc import Callable, Iterable, Iterator

# what the pool counts against its limit: a term's objects as Python holds them, and a posting's array
# items, besides the bytes of their texts and values
_TERM_BYTES, _POSTING_BYTES = 400, 28
MAX_OPEN_RUNS = 100  # runs merged at once (Whoosh's pool: 128); more are first merged in groups


class Postings:
    """One term's postings, in ascending document order: numbers, weights (as Python floats) and values."""

    __slots__ = ("docnums", "weights", "values", "ends")

    def __init__(self, docnums: array | None = None, weights: array | None = None,
                 values: bytes | bytearray | None = None, ends: array | None = None) -> None:
        self.docnums = array("I") if docnums is None else docnums
        self.weights = array("d") if weights is None else weights
        self.values = bytearray() if values is None else values
        self.ends = array("Q") if ends is None else ends  # where each posting's value ends in `values`

    def add(self, docnum: int, weight: float, value: bytes) -> None:
        self.docnums.append(docnum)
        self.weights.append(weight)
        self.values += value
        self.ends.append(len(self.values))

    def __len__(self) -> int:
        return len(self.docnums)

    def __reduce__(self) -> tuple:
        return Postings, (self.docnums, self.weights, bytes(self.values), self.ends)


Block = tuple[array, array, list[bytes]]  # document numbers, weights, non-empty values of up to a block
Term = tuple[str, bytes, Iterable[Postings]]  # field, term, its postings in parts (one a run), in order


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
        self._once: dict[int, bytes] = {}  # the encoded value of a term met once, by its position

    def add(self, item: tuple[str, bytes, int, float, bytes | None]) -> None:
        fieldname, btext, docnum, weight, value = item
        key = (fieldname, btext)
        postings = self._terms.get(key)
        if postings is None:
            self._terms[key] = postings = Postings()
            self._size += _TERM_BYTES + len(btext)
        postings.add(docnum, weight, value or b"")
        self._size += _POSTING_BYTES + len(value) if value else _POSTING_BYTES
        if self._size > self._limit:
            self._spill()

    def add_positions(self, fieldname: str, docnum: int, found: dict[str, list[int]],
                      encode: Callable[[list[int]], bytes], boost: float, fieldboost: float) -> int:
        """Add a document's postings of one text field: each term with its positions, their *encode*-d
        value, weighed as Whoosh weighs them (occurrences times the format's and the field's boost); the
        field's length."""
        terms, size, once, length = self._terms, self._size, self._once, 0
        for term, positions in found.items():
            frequency = len(positions)
            if frequency == 1:  # most terms of a text: their one position's encoding is made once
                value = once.get(positions[0])
                if value is None:
                    value = once[positions[0]] = encode(positions)
            else:
                value = encode(positions)
            key = (fieldname, term.encode("utf-8"))
            postings = terms.get(key)
            if postings is None:
                terms[key] = postings = Postings()
                size += _TERM_BYTES + len(key[1])
            postings.docnums.append(docnum)
            postings.weights.append(float(frequency) * boost * fieldboost)
            postings.values += value
            postings.ends.append(len(postings.values))
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
        """Every term, in field and term order, its postings read a run at a time (a common word's postings
        are never all in memory at once)."""
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
                values, ends = bytes(postings.values), postings.ends
                for k, (docnum, weight) in enumerate(zip(postings.docnums, postings.weights, strict=True)):
                    yield fieldname, btext, docnum, weight, values[ends[k - 1] if k else 0 : ends[k]]

    def cleanup(self) -> None:
        for path in self._runs:
            with contextlib.suppress(OSError):
                os.remove(path)
        self._runs = []


def blocks(parts: Iterable[Postings], size: int) -> Iterator[Block]:
    """The postings of *parts*, in order, as blocks of *size* (the last one shorter)."""
    docnums, weights, values = array("I"), array("d"), []
    for postings in parts:
        start, count = 0, len(postings)
        written, ends = bytes(postings.values), postings.ends
        while start < count:
            end = min(count, start + size - len(docnums))
            docnums += postings.docnums[start:end]
            weights += postings.weights[start:end]
            before = ends[start - 1] if start else 0
            for after in ends[start:end]:
                if after > before:  # as Whoosh's block keeps them: the non-empty values
                    values.append(written[before:after])
                before = after
            start = end
            if len(docnums) == size:
                yield docnums, weights, values
                docnums, weights, values = array("I"), array("d"), []
    if docnums:
        yield docnums, weights, values


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
