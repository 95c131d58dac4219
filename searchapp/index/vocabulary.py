"""The index's words for did-you-mean: a deletion index (SymSpell's method) written beside the index.

Every distinct word of titles, bodies and people's names (as written, 3 to 30 letters) is stored once, with
each of its one-letter deletions (and itself) as a 32-bit key pointing at it. A typed word's deletions of up
to two letters, looked up in the sorted keys, find the words within an edit or two of it (two letters
missing from the typed word are not found) in a few array searches, however large the vocabulary.

Written as plain arrays (numpy ``.npy``) that the search engine maps from disk: nothing to build when a
server starts, and the pages are shared by its worker processes. symspellpy, the well-known library,
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

WORDS = "vocabulary.txt"
KEYS = "vocabulary-keys.npy"
IDS = "vocabulary-ids.npy"
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
    """Write the deletion index of *reader*'s words into *folder* (each file replaced atomically); the
    number of words."""
    words = index_words(reader)
    pairs = [(key(deleted), number) for number, word in enumerate(words) for deleted in deletions(word, 1)]
    pairs.sort()
    keys = np.fromiter((k for k, _n in pairs), dtype=np.uint32, count=len(pairs))
    ids = np.fromiter((n for _k, n in pairs), dtype=np.uint32, count=len(pairs))
    _replace(folder / WORDS, lambda path: path.write_text("\n".join(words), encoding="utf-8"))
    _replace(folder / KEYS, lambda path: np.save(path, keys, allow_pickle=False))
    _replace(folder / IDS, lambda path: np.save(path, ids, allow_pickle=False))
    return len(words)


def _replace(target: Path, write) -> None:
    temporary = target.with_name(f".{target.stem}.{os.getpid()}{target.suffix}")
    write(temporary)
    os.replace(temporary, target)


class Vocabulary:
    """The deletion index of one index generation, mapped from disk."""

    def __init__(self, words: list[str], keys: np.ndarray, ids: np.ndarray) -> None:
        self.words, self.keys, self.ids = words, keys, ids

    @classmethod
    def open(cls, folder: Path) -> Vocabulary | None:
        """The vocabulary written beside an index; None for an index written before there was one."""
        try:
            words = (folder / WORDS).read_text(encoding="utf-8").split("\n")
            keys = np.load(folder / KEYS, mmap_mode="r", allow_pickle=False)
            ids = np.load(folder / IDS, mmap_mode="r", allow_pickle=False)
        except (FileNotFoundError, ValueError):
            return None
        return cls(words, keys, ids)

    def near(self, typed: str) -> Iterator[str]:
        """Words of the vocabulary that may be within two edits of *typed* (to be checked by the caller)."""
        if not MIN_LETTERS <= len(typed) <= MAX_LETTERS:
            return iter(())
        probes = np.fromiter((key(d) for d in deletions(typed, 2)), dtype=np.uint32)
        starts = np.searchsorted(self.keys, probes, side="left")
        ends = np.searchsorted(self.keys, probes, side="right")
        numbers: Iterable[int] = {int(n) for a, b in zip(starts, ends, strict=True) for n in self.ids[a:b]}
        return (self.words[n] for n in sorted(numbers))
