"""A text's fingerprint for finding copies of it: a MinHash of its word 3-shingles (datasketch).

Two texts' fingerprints agree in about the share of positions that their shingle sets overlap
(Jaccard similarity), so syndicated copies and light rewrites of one story agree in most positions
and different stories in almost none, whatever their length.
"""

from __future__ import annotations

import re
import zlib

import numpy as np
from datasketch import MinHash

NUM_PERM = 128
SCHEME = "affine32"  # datasketch's hashing of the permutations: fixed, so fingerprints stay comparable
MIN_SHINGLES = 12  # a shorter text (a caption, a stub) is too short to tell a copy from a coincidence
_WORD = re.compile(r"[^\W_]+")


# The permutations, made once: datasketch draws them anew for every MinHash (a third of its cost).
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, hashfunc=zlib.crc32, scheme=SCHEME).permutations


def shingles(text: str) -> set[bytes]:
    """The text's runs of three consecutive words, lower case, punctuation ignored."""
    words = _WORD.findall(text.casefold())
    return {f"{a} {b} {c}".encode() for a, b, c in zip(words, words[1:], words[2:], strict=False)}


def fingerprint(text: str) -> bytes | None:
    """The MinHash of the text's shingles (``NUM_PERM`` 32-bit values); None for a text too short."""
    found = shingles(text)
    if len(found) < MIN_SHINGLES:
        return None
    minhash = MinHash(num_perm=NUM_PERM, hashfunc=zlib.crc32, scheme=SCHEME, permutations=_PERMUTATIONS)
    minhash.update_batch(list(found))
    return minhash.hashvalues.astype(np.uint32).tobytes()


def similarity(a: bytes, b: bytes) -> float:
    """The estimated Jaccard similarity of two texts: the share of their fingerprints' equal values."""
    return float(np.mean(np.frombuffer(a, dtype=np.uint32) == np.frombuffer(b, dtype=np.uint32)))
