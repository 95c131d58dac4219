"""Stories: exact copies, syndicated copies and light rewrites of one text, grouped.

After each indexing run the fingerprints of every live article (a column of the index, computed when
the article was analysed) are put through MinHash LSH (datasketch) to find candidates; an article
whose fingerprint agrees in at least `THRESHOLD` of its positions with a story's first article is a
copy of it. Each story is named by its first (smallest) article id, which stays the same while it is
indexed. The groups are written beside the index as ``stories.json`` (article id → story), replaced
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
# LSH finds candidates from a lower similarity, so that pairs just above the threshold are not missed
# by its banding (each candidate is then checked against the threshold itself).
CANDIDATE_THRESHOLD = 0.3


def find_stories(ids: list[str], fingerprints: list[bytes | None], threshold: float = THRESHOLD) -> dict[str, str]:
    """The story of every article that has copies: article id → the smallest id of its story.

    Articles are taken in id order; each joins the story whose first article (its leader) it is most
    similar to, at `threshold` or more, else starts a story of its own. Every member is a copy of its
    leader: a chain of articles each sharing a paragraph with the next is not one story (single
    linkage merged a rumour's debunking with the reactions to it, each quoting the one before).
    """
    lsh = MinHashLSH(threshold=min(threshold, CANDIDATE_THRESHOLD), num_perm=NUM_PERM)
    signatures = {number: np.frombuffer(value, dtype=np.uint32)
                  for number, value in enumerate(fingerprints) if value is not None}
    leader_of: dict[int, int] = {}
    for number in sorted(signatures, key=lambda n: ids[n]):
        signature = signatures[number]
        minhash = LeanMinHash(seed=1, hashvalues=signature, scheme=SCHEME)
        best, best_similarity = None, threshold
        for leader in lsh.query(minhash):
            similar = float(np.mean(signature == signatures[leader]))
            if similar >= best_similarity and (best is None or similar > best_similarity or ids[leader] < ids[best]):
                best, best_similarity = leader, similar
        if best is None:
            lsh.insert(number, minhash, check_duplication=False)  # only leaders are looked up
            leader_of[number] = number
        else:
            leader_of[number] = best
    members: dict[int, list[int]] = {}
    for number, leader in leader_of.items():
        members.setdefault(leader, []).append(number)
    stories: dict[str, str] = {}
    for leader, group in members.items():
        if len(group) > 1:
            stories.update({ids[n]: ids[leader] for n in group})
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
