"""`searchapp bench` for the monitoring requests: the search the page makes (with its attention chart),
the timeline alone and significant words, timed over the same query mix, each query's requests in turn
(a different one first for each query: the first warms the posting cache for the others)."""

from __future__ import annotations

import statistics
import time

from searchapp.bench.timing import WARMUP, percentile
from searchapp.bench.workload import BenchQuery
from searchapp.config import Settings

KINDS = ("search", "search + chart", "timeline", "significant words")


def bench_monitoring(settings: Settings, queries: list[BenchQuery]) -> dict[str, list[float]]:
    """Milliseconds per query of each kind of request (the warm-up queries run first, untimed)."""
    from searchapp.search.interface import open_engine
    from searchapp.search.request import SearchRequest

    engine = open_engine(settings)
    calls = {
        "search": lambda r: engine.search(r),
        "search + chart": lambda r: engine.search(r, timeline="auto"),
        "timeline": lambda r: engine.timelines([r]),
        "significant words": lambda r: engine.significant(r),
    }
    timings: dict[str, list[float]] = {kind: [] for kind in KINDS}
    for number, query in enumerate(queries[-WARMUP:] + queries[:-WARMUP]):
        request = SearchRequest(q=query.text, outlets=(query.outlet,) if query.outlet else ())
        for kind in KINDS[number % len(KINDS):] + KINDS[:number % len(KINDS)]:  # each first as often: caches
            started = time.perf_counter()
            calls[kind](request)
            if number >= WARMUP:
                timings[kind].append((time.perf_counter() - started) * 1000)
    return timings


def format_monitoring(timings: dict[str, list[float]]) -> str:
    base = statistics.median(timings["search"])
    rows = ["| request | p50 ms | p95 ms | p50 vs search |", "|---|---|---|---|"]
    for kind in KINDS:
        p50 = statistics.median(timings[kind])
        rows.append(f"| {kind} | {p50:.2f} | {percentile(timings[kind], 0.95):.2f} | {p50 / base:.2f}× |")
    return "\n".join(rows)
