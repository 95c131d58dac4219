"""`searchapp bench --shards N`: the same articles and queries as one index, as N shards searched in this
process or on a Ray cluster, with what each phase of a sharded search costs (its calls to the shards, and
the merging between them)."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from searchapp.bench.timing import folder_mb, percentile
from searchapp.bench.workload import BenchQuery
from searchapp.config import Settings

PHASES = ("statistics", "shard work", "hits", "did-you-mean")  # each a call to every shard (the last: when few match)


def bench_sharded(settings: Settings, corpus: Path, queries: list[BenchQuery], shards: int,
                  cluster: str | None = None) -> str:
    """The sharded index's figures beside the single one's (both timed here, in turn, query by query):
    its shards searched in this process, or by the actors of the Ray cluster at *cluster*."""
    import dataclasses

    from searchapp.search.engine import WhooshEngine
    from searchapp.search.interface import open_engine
    from searchapp.search.request import SearchRequest

    root = Path(settings.index).with_name("sharded")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "searchapp.cli", "index", "--shards", str(shards), "--config",
                    str(settings.config_path), "--corpus", str(corpus), "--index", str(root),
                    *(["--cluster", cluster] if cluster else [])], check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    one = WhooshEngine(settings)
    many = open_engine(dataclasses.replace(settings, index=root, cluster=cluster or ""))
    single, sharded, phases = [], [], {name: [] for name in (*PHASES, "merge")}
    for number, query in enumerate(queries):
        request = SearchRequest(q=query.text, outlets=(query.outlet,) if query.outlet else ())
        step = time.perf_counter()
        one.search(request)
        alone = time.perf_counter() - step
        step = time.perf_counter()
        many.search(request)
        together = time.perf_counter() - step
        if number < 20:  # warming up
            continue
        single.append(alone * 1000)
        sharded.append(together * 1000)
        for name in PHASES:
            phases[name].append(many.phases.get(name, 0.0) * 1000)
        phases["merge"].append((together - sum(many.phases.get(name, 0.0) for name in PHASES)) * 1000)
    where = f"on the Ray cluster at {cluster} ({settings.replicas} replicas each)" if cluster else "in this process"
    lines = [f"\nSharded: {shards} shards {where}, indexed in {seconds:.1f} s; the same {len(single)} "
             f"queries as one index, in turn (ms):",
             "| | p50 | p95 |", "|---|---|---|",
             f"| one index, full request | {statistics.median(single):.2f} | {percentile(single, 0.95):.2f} |",
             f"| {shards} shards, full request | {statistics.median(sharded):.2f} | {percentile(sharded, 0.95):.2f} |"]
    lines += [f"| — {name} | {statistics.median(times):.2f} | {percentile(times, 0.95):.2f} |"
              for name, times in phases.items()]
    lines.append(f"overhead: p50 {statistics.median(sharded) / statistics.median(single):.2f}×, "
                 f"p95 {percentile(sharded, 0.95) / percentile(single, 0.95):.2f}×")
    if cluster:
        statuses = [status for replicas in many.shards.statuses() for status in replicas if status]
        lines.append(f"shard replicas: {len(statuses)}, resident memory {min(s['rss_mb'] for s in statuses):.0f}–"
                     f"{max(s['rss_mb'] for s in statuses):.0f} MB each; index {folder_mb(root):.0f} MB in all")
    return "\n".join(lines)
