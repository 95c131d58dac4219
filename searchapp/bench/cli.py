"""`searchapp bench`: searchapp beside SQLite FTS5 and tantivy-py on the same real articles.

    searchapp bench --corpus ../shared/data/indosum [--corpus ../shared/data/indonews …] [--scale 100000] [--http]

Every engine gets the same articles and the same analysis (Sastrawi roots) and answers the same fixed
query mix with a full search request: top 10, outlet facet counts, highlighted snippets. Queries are
timed cold (each once, after warming on other queries). The figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from searchapp.bench.http_load import ADDED, bench_http
from searchapp.bench.monitoring import bench_monitoring, format_monitoring
from searchapp.bench.peers import bench_fts5, bench_tantivy
from searchapp.bench.sharded import bench_sharded
from searchapp.bench.steps import run_steps, step_costs
from searchapp.bench.timing import WARMUP, EngineFigures, folder_mb, percentile, time_queries
from searchapp.bench.workload import QUERY_COUNT, BenchQuery, load_all, query_mix, scale_articles
from searchapp.config import Settings, load_settings
from searchapp.index.analysis import QueryAnalysis
from searchapp.index.schema import configured_analyzer


def bench_searchapp(settings: Settings, corpus: Path, queries: list[BenchQuery], size: int) -> EngineFigures:
    command = [sys.executable, "-m", "searchapp.cli", "index", "--rebuild", "--config", str(settings.config_path),
               "--corpus", str(corpus), "--index", str(settings.index)]
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    summary = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True).stdout
    seconds = time.perf_counter() - started
    child_peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    steps = ", ".join(f"{name} {spent:.1f} s" for name, spent in run_steps(summary).items())

    from searchapp.search.interface import open_engine
    from searchapp.search.request import SearchRequest

    engine = open_engine(settings)

    def run(query: BenchQuery) -> int:
        outlets = (query.outlet,) if query.outlet else ()
        result = engine.search(SearchRequest(q=query.text, outlets=outlets))
        return result.total + result.partial

    timings, broad, _hits = time_queries(run, queries, size)
    return EngineFigures("searchapp (Whoosh)", size / seconds, folder_mb(settings.index), child_peak,
                         statistics.median(timings), percentile(timings, 0.95),
                         statistics.median(broad) if broad else None, percentile(broad, 0.95) if broad else None,
                         note=f"indexer peak RSS {child_peak:.0f} MB; the run's steps: {steps}\n"
                              f"searchapp (Whoosh): {step_costs(settings, corpus).line()}")


def run_bench(args: argparse.Namespace) -> int:
    sources = [Path(path) for path in args.corpus]
    print(f"Reading {', '.join(map(str, sources))} …", file=sys.stderr)
    real = load_all(sources, load_settings(args.config))
    size = args.scale or len(real)
    workdir = Path(tempfile.mkdtemp(prefix="searchapp-bench-"))
    try:
        corpus = workdir / "corpus"
        corpus.mkdir()
        with open(corpus / "bench.jsonl", "w", encoding="utf-8") as out:
            for record in scale_articles(real, size):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        generated = max(0, size - len(real))
        print(f"Articles: {size:,} ({min(size, len(real)):,} distinct real articles, {generated:,} generated "
              f"by recombining real paragraphs)")
        settings = load_settings(args.config, {"corpus": str(corpus), "index": str(workdir / "index"),
                                               "indexing.workers": args.workers})
        queries = query_mix(real, settings.load_stopwords(), args.queries + WARMUP)
        print(f"Query mix: {len(queries) - WARMUP} timed queries ({WARMUP} more to warm up): "
              + ", ".join(f"{k} {n}" for k, n in sorted(Counter(q.kind for q in queries).items()))
              + f"; {sum(1 for q in queries if q.outlet)} with an outlet filter")
        print(f"Machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}\n")

        figures = [bench_searchapp(settings, corpus, queries, size)]
        if args.monitoring:
            print("Monitoring requests (the same queries, each query's requests in turn):\n"
                  + format_monitoring(bench_monitoring(settings, queries)) + "\n")
        analysis = QueryAnalysis(configured_analyzer(settings))
        if not args.no_peers:
            (workdir / "fts5").mkdir()
            figures.append(bench_fts5(scale_articles(real, size), workdir / "fts5", queries, size, analysis))
            (workdir / "tantivy").mkdir()
            tantivy_figures = bench_tantivy(scale_articles(real, size), workdir / "tantivy", queries, size, analysis)
            if tantivy_figures is None:
                print("tantivy-py is not installed (pip install 'searchapp[bench]'): left out\n")
            else:
                figures.append(tantivy_figures)
        print(format_table(figures, size))
        if args.shards:
            print(bench_sharded(settings, corpus, queries, args.shards, args.cluster))
        if args.http:
            http = bench_http(settings, queries[:-WARMUP], clients=args.clients, seconds=args.seconds,
                              while_indexing=args.while_indexing, rounds=args.rounds, attackers=args.attackers,
                              articles=real, exporters=args.exporters)
            print(format_http(http, args.while_indexing))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


def format_http(http: dict, while_indexing: str | None) -> str:
    """The load rounds, one line each; the costliest requests alone; the round with attackers."""
    lines = [f"\nHTTP (searchapp serve on 127.0.0.1, {http['clients']} concurrent clients, API and pages):"]
    for number, one in enumerate(http["rounds"], 1):
        lines.append(f"round {number}: {one['seconds']:.0f} s, {one['req_per_s']:.0f} req/s, p50 {one['p50']:.1f} ms, "
                     f"p99 {one['p99']:.1f} ms, {_errors(one)}, {one['requests']} requests, "
                     f"server RSS {one['server_rss_mb']:.0f} MB")
    first = http["rounds"][0]
    if while_indexing:
        lines.append(f"Meanwhile (round 1) `searchapp index{' --rebuild' if while_indexing == 'rebuild' else ''}` "
                     f"added {ADDED} articles in {first['index_seconds']:.1f} s; searchable "
                     f"{first.get('visible_after_s', float('nan')):.1f} s after it ended, without a restart")
    if "alone" in http:
        lines += ["", "The costliest requests, each alone: | request | status | server CPU s | KB | wall ms |",
                  "|---|---|---|---|---|"]
        for one in sorted(http["alone"], key=lambda f: -f["cpu_s"]):
            lines.append(f"| {one['label']} | {one['status']} | {one['cpu_s']:.2f} | {one['bytes'] / 1024:.0f} | "
                         f"{one['wall_s'] * 1000:.0f} |")
        hit = http["attacked"]
        lines.append(f"\nWith {http['attackers']} clients looping over them ({hit['attacks']} requests): readers "
                     f"{hit['req_per_s']:.0f} req/s, p50 {hit['p50']:.1f} ms, p99 {hit['p99']:.1f} ms "
                     f"({hit['p99'] / first['p99']:.2f}× round 1's), {_errors(hit)}")
    if "export_alone" in http:
        alone, during = http["export_alone"], http["exporting"]
        lines.append(f"\nAn export of every article alone: {alone['rows']:,} rows, {alone['mb']:.1f} MB in "
                     f"{alone['seconds']:.1f} s. With {http['exporters']} client(s) streaming it again and again "
                     f"({during['attacks']} exports ended): readers {during['req_per_s']:.0f} req/s, p50 "
                     f"{during['p50']:.1f} ms, p99 {during['p99']:.1f} ms ({during['p99'] / first['p99']:.2f}× "
                     f"round 1's), {_errors(during)}")
    if http.get("server_errors"):
        lines += ["", "The server's last error:", http["server_errors"]]
    return "\n".join(lines)


def _errors(load: dict) -> str:
    """A round's failed requests: "0 errors", or their count and the commonest kinds."""
    kinds = ", ".join(f"{count}× {kind}" for kind, count in load["failures"].most_common(3))
    return f"{load['errors']} errors" + (f" ({kinds})" if kinds else "")


def format_table(figures: list[EngineFigures], size: int) -> str:
    header = ("| engine | index docs/s | index MB | MB per 1k docs | p50 ms | p95 ms | broad p50 ms | broad p95 ms |\n"
              "|---|---|---|---|---|---|---|---|")
    rows = []
    for f in figures:
        broad = (f"{f.broad_p50:.1f} | {f.broad_p95:.1f}" if f.broad_p50 is not None else "– | –")
        rows.append(f"| {f.name} | {f.docs_per_second:.0f} | {f.index_mb:.1f} | {f.index_mb * 1000 / size:.2f} | "
                    f"{f.p50:.2f} | {f.p95:.2f} | {broad} |")
    ours = figures[0]
    ratios = [f"searchapp p50 is {ours.p50 / f.p50:.2f}× {f.name}'s, p95 {ours.p95 / f.p95:.2f}×"
              for f in figures[1:]]
    notes = [f"{f.name}: {f.note}" for f in figures if f.note]
    return "\n".join([header, *rows, "", *ratios, *notes])


def register(commands, common) -> None:
    bench = commands.add_parser("bench", help="benchmark against SQLite FTS5 and tantivy-py on a real corpus")
    bench.add_argument("--config", help="configuration file")
    bench.add_argument("--corpus", required=True, action="append",
                       help="a raw IndoSum folder, a folder of exports (CSV, XLSX) or a searchapp corpus folder; "
                            "repeat it for the distinct articles of several")
    bench.add_argument("--scale", type=int, help="articles to index, generating more from real paragraphs")
    bench.add_argument("--queries", type=int, default=QUERY_COUNT, help="timed queries")
    bench.add_argument("--workers", type=int, help="indexing workers")
    bench.add_argument("--no-peers", action="store_true", help="searchapp only")
    bench.add_argument("--monitoring", action="store_true",
                       help="also time the page's search with its chart, timelines and significant words")
    bench.add_argument("--shards", type=int, help="also time N shards of the same articles against the one index")
    bench.add_argument("--cluster", help="with --shards: index and search them on the Ray cluster at this address")
    bench.add_argument("--http", action="store_true", help="also load a real server over HTTP")
    bench.add_argument("--while-indexing", choices=("add", "rebuild"),
                       help="with --http: meanwhile add 200 articles with `searchapp index` (or --rebuild)")
    bench.add_argument("--clients", type=int, default=8, help="concurrent HTTP clients")
    bench.add_argument("--seconds", type=float, default=20.0, help="HTTP load duration (of each round)")
    bench.add_argument("--rounds", type=int, default=1, help="with --http: rounds of load (server memory after each)")
    bench.add_argument("--attackers", type=int, default=0,
                       help="with --http: measure the costliest requests alone, then a round with this many more "
                            "clients looping over them")
    bench.add_argument("--exporters", type=int, default=0,
                       help="with --http: time an export of every article alone, then a round with this many more "
                            "clients streaming it")
    bench.set_defaults(run=run_bench)
