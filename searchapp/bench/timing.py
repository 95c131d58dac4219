"""How `searchapp bench` measures an engine, the same way for each: timed queries after a warm-up,
percentiles, index size on disk and resident memory."""

from __future__ import annotations

import math
import resource
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from searchapp.bench.workload import BenchQuery

WARMUP = 20


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(fraction * len(ordered)) - 1))]


@dataclass
class EngineFigures:
    name: str
    docs_per_second: float
    index_mb: float
    peak_rss_mb: float
    p50: float
    p95: float
    broad_p50: float | None = None
    broad_p95: float | None = None
    note: str = ""


def time_queries(run: Callable[[BenchQuery], int], queries: list[BenchQuery],
                 documents: int) -> tuple[list[float], list[float], list[int]]:
    """Milliseconds per query (all, and those matching over 10% of the articles) and hit counts."""
    for query in queries[-WARMUP:]:
        run(query)
    timings, broad, hits = [], [], []
    for query in queries[:-WARMUP]:
        started = time.perf_counter()
        total = run(query)
        elapsed = (time.perf_counter() - started) * 1000
        timings.append(elapsed)
        hits.append(total)
        if total > documents / 10:
            broad.append(elapsed)
    return timings, broad, hits


def folder_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


def rss_mb() -> float:
    """Peak resident memory of this process, MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
