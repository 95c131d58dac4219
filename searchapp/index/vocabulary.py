"""The index's words for did-you-mean: a deletion index (SymSpell's method) written beside the index.

Every distinct word of titles, bodies and people's names (as written, 3 to 30 letters) is stored once, with
each of its one-letter deletions (and itself) as a 32-bit key pointing at it. A typed word's deletions of up
to two letters, looked up in the sorted keys, find the words within an edit or two of it (two letters
missing from the typed word are not found) in a few array searches, however large the vocabulary.

Written as one file of plain arrays that the search engine maps from disk (numpy ``memmap``): nothing to
build when a server starts, the pages are shared by its worker processes, and the file is replaced in
one rename, so a server never reads the words of one run with the keys of another. symspellpy, the well-known library,
keeps its deletions in Python dictionaries: 172 MB per process for the 91,000 words of click-id's 22,000
articles, in every worker, again for every index generation.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
from whoosh.reading import IndexReader

from searchapp.index.analysis import EXACT_MARK

VOCABULARY = "vocabulary.bin"
_MAGIC = b"SAVOCAB1"
_HEADER = np.dtype([("magic", "S8"), ("pairs", "<u8"), ("words", "<u8"), ("text", "<u8")])
MIN_LETTERS, MAX_LETTERS = 3, 30
TEXT_FIELDS = ("title", "body")


def deletions(word: str, depth: int) -> set[str]:
    """*word* and the words made by deleting up to *depth* of its letters."""
    found = {word}
    edge = {word}
    for _ in range(depth):
        edge = {w[:i] + w[i + 1:] for w in edge for i in range(len(w))} - found
        found |= edge
    return found


def key(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def index_words(reader: IndexReader) -> list[str]:
    """The distinct words of the index's titles, bodies and people's names, sorted."""
    words: set[str] = set()
    for field in TEXT_FIELDS:
        words.update(_plain(term.decode("utf-8").removeprefix(EXACT_MARK)) for term in reader.lexicon(field))
    if "people" in reader.schema:
        for name in reader.lexicon("people"):
            words.update(_plain(part.lower()) for part in name.decode("utf-8").split())
    words.discard("")
    return sorted(words)


def _plain(word: str) -> str:
    return word if MIN_LETTERS <= len(word) <= MAX_LETTERS and word.isalpha() else ""


def write_vocabulary(folder: Path, reader: IndexReader) -> int:
    """Write the deletion index of *reader*'s words into *folder* (replaced atomically); the number of
    words. Layout: a header, the sorted 32-bit keys, the word number of each key, the words' offsets, and
    the words (UTF-8)."""
    words = index_words(reader)
    keys: list[int] = []
    numbers: list[int] = []
    for number, word in enumerate(words):
        found = deletions(word, 1)
        keys.extend(map(key, found))
        numbers.extend([number] * len(found))
    key_array, number_array = np.array(keys, dtype="<u4"), np.array(numbers, dtype="<u4")
    order = np.lexsort((number_array, key_array))  # by key, then word number
    sorted_keys, sorted_numbers = key_array[order], number_array[order]
    text = "".join(words).encode("utf-8")
    offsets = np.zeros(len(words) + 1, dtype="<u8")
    np.cumsum([len(word.encode("utf-8")) for word in words], out=offsets[1:])
    header = np.array([(_MAGIC, len(keys), len(words), len(text))], dtype=_HEADER)
    temporary = folder / f".{VOCABULARY}.{os.getpid()}"
    with open(temporary, "wb") as handle:
        handle.write(header.tobytes())
        handle.write(sorted_keys.tobytes())
        handle.write(sorted_numbers.tobytes())
        handle.write(offsets.tobytes())
        handle.write(text)
    os.replace(temporary, folder / VOCABULARY)
    return len(words)


class Vocabulary:
    """The deletion index of one index generation, mapped from disk."""

    def __init__(self, keys: np.ndarray, ids: np.ndarray, offsets: np.ndarray, text: np.ndarray) -> None:
        self.keys, self.ids, self.offsets, self.text = keys, ids, offsets, text

    @classmethod
    def open(cls, folder: Path) -> Vocabulary | None:
        """The vocabulary written beside an index; None for an index written before there was one (or a
        file that is not one)."""
        path = folder / VOCABULARY
        try:
            header = np.fromfile(path, dtype=_HEADER, count=1)
            if len(header) != 1 or header["magic"][0] != _MAGIC:
                return None
            pairs, words, text = (int(header[name][0]) for name in ("pairs", "words", "text"))
            start = _HEADER.itemsize
            keys = np.memmap(path, dtype="<u4", mode="r", offset=start, shape=(pairs,)) if pairs else np.zeros(0, "<u4")
            start += 4 * pairs
            ids = np.memmap(path, dtype="<u4", mode="r", offset=start, shape=(pairs,)) if pairs else np.zeros(0, "<u4")
            start += 4 * pairs
            offsets = np.memmap(path, dtype="<u8", mode="r", offset=start, shape=(words + 1,))
            start += 8 * (words + 1)
            blob = np.memmap(path, dtype="u1", mode="r", offset=start, shape=(text,)) if text else np.zeros(0, "u1")
        except (FileNotFoundError, ValueError):
            return None
        return cls(keys, ids, offsets, blob)

    def word(self, number: int) -> str:
        return bytes(self.text[int(self.offsets[number]):int(self.offsets[number + 1])]).decode("utf-8")

    def near(self, typed: str) -> Iterator[str]:
        """Words of the vocabulary that may be within two edits of *typed* (to be checked by the caller)."""
        if not MIN_LETTERS <= len(typed) <= MAX_LETTERS:
            return iter(())
        probes = np.fromiter((key(d) for d in deletions(typed, 2)), dtype=np.uint32)
        starts = np.searchsorted(self.keys, probes, side="left")
        ends = np.searchsorted(self.keys, probes, side="right")
        numbers: Iterable[int] = {int(n) for a, b in zip(starts, ends, strict=True) for n in self.ids[a:b]}
        return (self.word(n) for n in sorted(numbers))
