"""Stories: exact copies, syndicated copies and light rewrites of one text, grouped.

After each indexing run the fingerprints of every live article (a column of the index, computed when
the article was analysed) are put through MinHash LSH (datasketch) to find candidate pairs; a pair
whose fingerprints agree in at least `THRESHOLD` of their positions is a copy, and copies of copies
are one story. Each story is named by its smallest article id, which stays the same while its members
do. The groups are written beside the index as ``stories.json`` (article id → story), replaced
atomically; an article in no group is a story of its own.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from datasketch import LeanMinHash, MinHashLSH
from whoosh.reading import IndexReader

from searchapp.extract.fingerprint import NUM_PERM, SCHEME
from searchapp.index.generations import STORIES
from searchapp.index.whoosh27 import column_values

# Estimated Jaccard similarity of word 3-shingles from which two texts are one story: measured by
# `searchapp eval duplicates` (README "Quality"); rewrites of one press release sit above it,
# different stories on one topic far below.
THRESHOLD = 0.5


def find_stories(ids: list[str], fingerprints: list[bytes | None], threshold: float = THRESHOLD) -> dict[str, str]:
    """The story of every article that has copies: article id → the smallest id of its story."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    signatures: dict[int, np.ndarray] = {}
    for number, value in enumerate(fingerprints):
        if value is None:
            continue
        signature = np.frombuffer(value, dtype=np.uint32)
        signatures[number] = signature
        lsh.insert(number, LeanMinHash(seed=1, hashvalues=signature, scheme=SCHEME), check_duplication=False)
    parent = list(range(len(ids)))

    def root(number: int) -> int:
        while parent[number] != number:
            parent[number] = parent[parent[number]]
            number = parent[number]
        return number

    for number, signature in signatures.items():
        for other in lsh.query(LeanMinHash(seed=1, hashvalues=signature, scheme=SCHEME)):
            if other > number and np.mean(signature == signatures[other]) >= threshold:
                a, b = root(number), root(other)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    members: dict[int, list[int]] = {}
    for number in signatures:
        members.setdefault(root(number), []).append(number)
    stories: dict[str, str] = {}
    for group in members.values():
        if len(group) > 1:
            name = min(ids[n] for n in group)
            stories.update({ids[n]: name for n in group})
    return stories


def live_fingerprints(reader: IndexReader) -> Iterator[tuple[str, bytes | None]]:
    """(id, fingerprint) of every live article of the index."""
    ids = column_values(reader, "id", translate=True)
    fingerprints = column_values(reader, "fingerprint") if "fingerprint" in reader.schema else [None] * len(ids)
    for docnum in reader.all_doc_ids():
        yield ids[docnum], fingerprints[docnum] or None


def write_stories(folder: Path, reader: IndexReader) -> int:
    """Group the articles of *reader* into stories and write them to *folder* (atomically); the number
    of articles that have copies."""
    ids, fingerprints = [], []
    for doc_id, value in live_fingerprints(reader):
        ids.append(doc_id)
        fingerprints.append(value)
    stories = find_stories(ids, fingerprints)
    temporary = folder / f".{STORIES}.{os.getpid()}"
    temporary.write_text(json.dumps(stories, ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, folder / STORIES)
    return len(stories)


def read_stories(folder: Path) -> dict[str, str]:
    """The stories written beside an index (empty when there are none yet)."""
    try:
        return json.loads((folder / STORIES).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
