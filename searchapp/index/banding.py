"""Candidate pairs of fingerprints by MinHash LSH banding, and how many candidates each one resembles (the order
in which `searchapp.index.stories` takes the articles). Numpy over a matrix of fingerprints: a few bytes an
article (datasketch's MinHashLSH kept about 10 kB an article in its tables, 1 GB at 100,000 articles)."""

from __future__ import annotations

import numpy as np

from searchapp.extract.fingerprint import NUM_PERM

# LSH banding: fingerprints that agree in all rows of any band are candidates, each then checked
# against the stories' floor. The positions are cut into bands of 3 rows twice, once in order (0-1-2, 3-4-5, …)
# and once across (0-42-84, 1-43-85, …): 84 bands find a pair at similarity 0.5 with probability
# 0.99998, at 0.35 with 0.975, at 0.3 with 0.90, and two unrelated articles (0.05) with 0.01. Bands of
# 2 rows would find more at 0.3 but also a candidate in one unrelated pair in seven: at 100,000
# articles 2.4 million pairs to compare, for 9,000 above the floor.
BAND_ROWS = 3
CROWD = 64  # rows of a bucket paired off to order the articles (`resembling`) at most
_PAIRS_OF = [np.transpose(np.triu_indices(size, 1)) for size in range(CROWD + 1)]  # the pairs of `size` rows
_IN_ORDER = [list(range(start, start + BAND_ROWS)) for start in range(0, NUM_PERM - BAND_ROWS + 1, BAND_ROWS)]
BANDS = np.array(_IN_ORDER + [[row for band in _IN_ORDER for row in band][start::len(_IN_ORDER)]
                              for start in range(len(_IN_ORDER))])
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9], dtype=np.uint64)


def buckets(matrix: np.ndarray) -> dict[int, list[int]]:
    """For each row of *matrix* (fingerprints) that shares a band with another: the buckets it is in."""
    count = matrix.shape[0]
    buckets_of: dict[int, list[int]] = {}
    bucket = 0
    for band in BANDS:
        rows = matrix[:, band].astype(np.uint64)
        with np.errstate(over="ignore"):
            column = (rows * _MIX).sum(axis=1, dtype=np.uint64)  # the band's 64-bit key (wrapping arithmetic)
        order = np.argsort(column, kind="stable")
        ordered = column[order]
        starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
        ends = np.r_[starts[1:], count]
        for start, stop in zip(starts[ends - starts > 1], ends[ends - starts > 1], strict=True):
            for row in order[start:stop]:
                buckets_of.setdefault(int(row), []).append(bucket)
            bucket += 1
    return buckets_of


def resembling(matrix: np.ndarray, buckets_of: dict[int, list[int]], floor: float) -> np.ndarray:
    """For each row of *matrix*: how many of its candidates (rows sharing a bucket) agree with it in *floor*
    of the positions or more. Leading in that order, the text most others copy gathers them: by id, a
    copy cut short could lead, and the fuller versions it is not one with would each start a story.

    A bucket of more than `CROWD` rows (one template filled in a thousand times) is not paired off, which
    would cost its square in time and memory: each of its rows is taken to resemble all the others (the
    largest crowd it is in). Pairs met in several buckets are counted once, and kept deduplicated as they
    come, so that memory follows the distinct pairs, not the buckets."""
    rows_in: dict[int, list[int]] = {}
    for row, held in buckets_of.items():
        for bucket in held:
            rows_in.setdefault(bucket, []).append(row)
    count = matrix.shape[0]
    crowded = np.zeros(count, dtype=np.int64)  # rows of the largest crowd each row is in, but itself
    for rows in sorted((rows for rows in rows_in.values() if len(rows) > CROWD), key=len):
        crowded[rows] = len(rows) - 1
    pairs = np.zeros(0, dtype=np.int64)  # each pair of rows as one number, first * count + second
    batch: list[np.ndarray] = []
    waiting = 0  # pairs in the batch
    for rows in (rows for rows in rows_in.values() if len(rows) <= CROWD):
        ordered = np.sort(np.array(rows, dtype=np.int64))[_PAIRS_OF[len(rows)]]
        batch.append(ordered[:, 0] * count + ordered[:, 1])
        waiting += len(ordered)
        if waiting > max(1 << 20, len(pairs)):  # as many as are kept: few sorts a pair, on average
            pairs, batch, waiting = np.unique(np.concatenate([pairs, *batch])), [], 0
    pairs = np.unique(np.concatenate([pairs, *batch]))
    paired = np.zeros(count, dtype=np.int64)
    for start in range(0, len(pairs), 65536):
        chunk = pairs[start:start + 65536]
        first, second = chunk // count, chunk % count
        close = (matrix[first] == matrix[second]).mean(axis=1) >= floor
        paired += np.bincount(first[close], minlength=count) + np.bincount(second[close], minlength=count)
    return np.maximum(crowded, paired)
