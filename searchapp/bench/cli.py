"""`searchapp bench`: searchapp beside SQLite FTS5 and tantivy-py on the same real articles.

    searchapp bench --corpus ../shared/data/indosum [--scale 100000] [--http]

Every engine gets the same articles and the same analysis (Sastrawi roots) and answers the same fixed
query mix with a full search request: top 10, outlet facet counts, highlighted snippets. Queries are
timed cold (each once, after warming on other queries). The figures are printed, never asserted.
"""

from __future__ import annotations

import json
import math
import os
import random
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from searchapp.config import Settings, load_settings
from searchapp.index.analysis import QueryAnalysis, iter_words
from searchapp.index.schema import configured_analyzer
from searchapp.ingest.corpus import Article, read_corpus

QUERY_COUNT = 200
WARMUP = 20


# ---------------------------------------------------------------------------------------------------
# The articles


def load_articles(path: Path, settings: Settings) -> list[dict]:
    """Records (id, title, body, outlet, date, url) of a raw IndoSum folder or a searchapp corpus folder."""
    from searchapp.extract.outlet import OutletTable
    from searchapp.ingest.indosum import import_indosum, indosum_files

    files = indosum_files(path)
    if files:
        seen: set[str] = set()
        records = []
        for record in import_indosum(files, OutletTable.load(settings.outlets_file)):
            if isinstance(record, dict) and record["id"] not in seen:
                seen.add(record["id"])
                records.append(record)
        return records
    records = []
    for item in read_corpus(path):
        if isinstance(item, Article):
            records.append({"id": item.id, "body": item.body, "title": item.title, "outlet": item.outlet,
                            "date": item.date.isoformat() if item.date else None, "url": item.url})
    return records


def scale_articles(articles: list[dict], size: int, seed: int = 7) -> Iterator[dict]:
    """The real articles, then generated ones up to *size*: each a random 4–12 real paragraphs of
    random real articles, with the outlet and date of a random real article."""
    yield from articles[:size]
    paragraphs = [p for a in articles for p in a["body"].split("\n\n") if p.strip()]
    rng = random.Random(seed)
    for number in range(max(0, size - len(articles))):
        base = rng.choice(articles)
        body = "\n\n".join(rng.choice(paragraphs) for _ in range(rng.randint(4, 12)))
        yield {"id": f"generated-{number}", "body": body, "title": None, "outlet": base.get("outlet"),
               "date": base.get("date"), "url": None}


# ---------------------------------------------------------------------------------------------------
# The query mix


@dataclass(frozen=True)
class BenchQuery:
    text: str
    kind: str
    outlet: str | None = None


def query_mix(articles: list[dict], stopwords: frozenset[str], count: int = QUERY_COUNT,
              seed: int = 11) -> list[BenchQuery]:
    """Single words from three frequency bands (stopwords left out), word pairs and two-word phrases
    from real sentences; a third of them with an outlet filter."""
    rng = random.Random(seed)
    frequency: Counter = Counter()
    sample = articles if len(articles) <= 5000 else rng.sample(articles, 5000)
    for article in sample:
        frequency.update({w.lower() for w, _s, _e in iter_words(article["body"])
                          if w.isalpha() and len(w) > 3 and w.lower() not in stopwords})
    ranked = [w for w, _n in frequency.most_common()]
    bands = {"common": ranked[:200], "mid": ranked[200:2000], "rare": ranked[2000:8000] or ranked[-200:]}
    outlets = sorted({a["outlet"] for a in sample if a.get("outlet")})
    queries: list[BenchQuery] = []
    while len(queries) < count:
        kind = rng.choice(["common", "mid", "rare", "pair", "phrase"])
        if kind in bands:
            text = rng.choice(bands[kind])
        elif kind == "pair":
            text = f"{rng.choice(bands['common'])} {rng.choice(bands['mid'])}"
        else:
            words = [w for w, _s, _e in iter_words(rng.choice(sample)["body"])
                     if w.isalpha() and len(w) > 3 and w.lower() not in stopwords]
            if len(words) < 2:
                continue
            start = rng.randrange(len(words) - 1)
            text = f'"{words[start]} {words[start + 1]}"'
        outlet = rng.choice(outlets) if outlets and rng.random() < 1 / 3 else None
        queries.append(BenchQuery(text, kind, outlet))
    return queries


# ---------------------------------------------------------------------------------------------------
# Measuring


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


# ---------------------------------------------------------------------------------------------------
# searchapp


def bench_searchapp(settings: Settings, corpus: Path, queries: list[BenchQuery], size: int) -> EngineFigures:
    command = [sys.executable, "-m", "searchapp.cli", "index", "--rebuild", "--config", str(settings.config_path),
               "--corpus", str(corpus), "--index", str(settings.index)]
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    child_peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024

    from searchapp.search.interface import open_engine
    from searchapp.search.request import SearchRequest

    engine = open_engine(settings)

    def run(query: BenchQuery) -> int:
        outlets = (query.outlet,) if query.outlet else ()
        return engine.search(SearchRequest(q=query.text, outlets=outlets)).total

    timings, broad, _hits = time_queries(run, queries, size)
    return EngineFigures("searchapp (Whoosh)", size / seconds, folder_mb(settings.index), child_peak,
                         statistics.median(timings), percentile(timings, 0.95),
                         statistics.median(broad) if broad else None, percentile(broad, 0.95) if broad else None,
                         note=f"indexer peak RSS {child_peak:.0f} MB")


# ---------------------------------------------------------------------------------------------------
# Peers: the same Sastrawi roots fed to SQLite FTS5 and tantivy-py


def stemmed(text: str, analysis: QueryAnalysis) -> str:
    """*text* as the roots searchapp's analyzer makes of it (what the peers index and are asked)."""
    return " ".join(term.root for term in analysis.words(text))


def peer_query_words(query: BenchQuery, analysis: QueryAnalysis) -> tuple[list[str], bool]:
    return stemmed(query.text, analysis).split(), query.text.startswith('"')


def bench_fts5(records: Iterable[dict], folder: Path, queries: list[BenchQuery], size: int,
               analysis: QueryAnalysis) -> EngineFigures:
    path = folder / "fts5.db"
    db = sqlite3.connect(path, check_same_thread=False)
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, raw UNINDEXED, outlet UNINDEXED)")
    started = time.perf_counter()
    with db:
        db.executemany("INSERT INTO docs VALUES (?, ?, ?, ?)",
                       ((stemmed(r.get("title") or "", analysis), stemmed(r["body"], analysis),
                         r["body"], r.get("outlet") or "") for r in records))
    seconds = time.perf_counter() - started

    def run(query: BenchQuery) -> int:
        words, phrase = peer_query_words(query, analysis)
        if not words:
            return 0
        match = '"' + " ".join(words) + '"' if phrase else " AND ".join(f'"{w}"' for w in words)
        where, params = "docs MATCH ?", [match]
        facet = db.execute(f"SELECT outlet, count(*) FROM docs WHERE {where} GROUP BY outlet", params).fetchall()
        if query.outlet:
            where += " AND outlet = ?"
            params.append(query.outlet)
        total = db.execute(f"SELECT count(*) FROM docs WHERE {where}", params).fetchone()[0]
        db.execute(f"SELECT rowid, snippet(docs, 1, '<mark>', '</mark>', '…', 30) FROM docs WHERE {where} "
                   "ORDER BY bm25(docs, 2.0, 1.0) LIMIT 10", params).fetchall()
        return total if facet is not None else 0

    timings, broad, _ = time_queries(run, queries, size)
    return EngineFigures("SQLite FTS5 (Sastrawi roots)", size / seconds, path.stat().st_size / 2**20, rss_mb(),
                         statistics.median(timings), percentile(timings, 0.95),
                         statistics.median(broad) if broad else None, percentile(broad, 0.95) if broad else None,
                         note="snippets are of the stemmed text")


def bench_tantivy(records: Iterable[dict], folder: Path, queries: list[BenchQuery], size: int,
                  analysis: QueryAnalysis) -> EngineFigures | None:
    try:
        import tantivy
    except ImportError:
        return None
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("title", stored=False, tokenizer_name="whitespace")
    builder.add_text_field("body", stored=True, tokenizer_name="whitespace")
    builder.add_text_field("outlet", stored=True, tokenizer_name="raw", fast=True)
    schema = builder.build()
    index = tantivy.Index(schema, path=str(folder))
    writer = index.writer(heap_size=256 * 2**20, num_threads=2)
    started = time.perf_counter()
    for r in records:
        writer.add_document(tantivy.Document(title=stemmed(r.get("title") or "", analysis),
                                             body=stemmed(r["body"], analysis), outlet=r.get("outlet") or ""))
    writer.commit()
    writer.wait_merging_threads()
    seconds = time.perf_counter() - started
    index.reload()
    searcher = index.searcher()
    snippets = {}

    def run(query: BenchQuery) -> int:
        words, phrase = peer_query_words(query, analysis)
        if not words:
            return 0
        text = '"' + " ".join(words) + '"' if phrase else " AND ".join(words)
        parsed = index.parse_query(text, ["title", "body"])
        facet = searcher.aggregate(parsed, {"outlets": {"terms": {"field": "outlet", "size": 50}}})
        if query.outlet:
            parsed = tantivy.Query.boolean_query([
                (tantivy.Occur.Must, parsed),
                (tantivy.Occur.Must, tantivy.Query.term_query(schema, "outlet", query.outlet)),
            ])
        result = searcher.search(parsed, 10, count=True)
        generator = snippets.get(text)
        if generator is None:
            generator = snippets[text] = tantivy.SnippetGenerator.create(searcher, parsed, schema, "body")
        for _score, address in result.hits:
            generator.snippet_from_doc(searcher.doc(address)).to_html()
        return result.count if facet is not None else 0

    timings, broad, _ = time_queries(run, queries, size)
    return EngineFigures("tantivy-py (Sastrawi roots)", size / seconds, folder_mb(folder), rss_mb(),
                         statistics.median(timings), percentile(timings, 0.95),
                         statistics.median(broad) if broad else None, percentile(broad, 0.95) if broad else None)


# ---------------------------------------------------------------------------------------------------
# HTTP


def bench_http(settings: Settings, queries: list[BenchQuery], clients: int = 8, seconds: float = 20.0) -> dict:
    """A real `searchapp serve` on 127.0.0.1 under *clients* concurrent clients for *seconds*."""
    from searchapp.web.server import free_port

    port = free_port()
    command = [sys.executable, "-m", "searchapp.cli", "serve", "--config", str(settings.config_path),
               "--index", str(settings.index), "--host", "127.0.0.1", "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/health", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        urls = [f"{base}/api/search?" + urllib.parse.urlencode(
            [("q", q.text)] + ([("outlet", q.outlet)] if q.outlet else [])) for q in queries]
        for url in urls[:WARMUP]:
            urllib.request.urlopen(url, timeout=30).read()
        latencies: list[float] = []
        errors = 0
        lock = threading.Lock()
        stop = time.monotonic() + seconds

        def client(offset: int) -> None:
            nonlocal errors
            n = offset
            while time.monotonic() < stop:
                url = urls[n % len(urls)]
                n += clients
                started = time.perf_counter()
                try:
                    urllib.request.urlopen(url, timeout=30).read()
                    ok = True
                except OSError:
                    ok = False
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    if ok:
                        latencies.append(elapsed)
                    else:
                        errors += 1

        threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
        rss = _rss_of(server.pid)
        return {"clients": clients, "requests": len(latencies), "errors": errors,
                "req_per_s": len(latencies) / elapsed, "p50": statistics.median(latencies),
                "p99": percentile(latencies, 0.99), "server_rss_mb": rss}
    finally:
        server.terminate()
        server.wait(timeout=30)


def _rss_of(pid: int) -> float:
    """Resident memory of a process and its children, MB (Linux /proc)."""
    total = 0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for each in pids:
        status = Path(f"/proc/{each}/status")
        if status.exists():
            match = re.search(r"VmRSS:\s+(\d+)", status.read_text())
            total += int(match.group(1)) if match else 0
    return total / 1024


# ---------------------------------------------------------------------------------------------------
# The command


def run_bench(args) -> int:
    source = Path(args.corpus)
    print(f"Reading {source} …", file=sys.stderr)
    real = load_articles(source, load_settings(args.config))
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
        if args.http:
            http = bench_http(settings, queries[:-WARMUP], clients=args.clients, seconds=args.seconds)
            print(f"\nHTTP (searchapp serve on 127.0.0.1, {http['clients']} concurrent clients, {args.seconds:.0f} s): "
                  f"{http['req_per_s']:.0f} req/s, p50 {http['p50']:.1f} ms, p99 {http['p99']:.1f} ms, "
                  f"{http['errors']} errors, {http['requests']} requests, server RSS {http['server_rss_mb']:.0f} MB")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


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
    bench.add_argument("--corpus", required=True, help="a raw IndoSum folder or a searchapp corpus folder")
    bench.add_argument("--scale", type=int, help="articles to index, generating more from real paragraphs")
    bench.add_argument("--queries", type=int, default=QUERY_COUNT, help="timed queries")
    bench.add_argument("--workers", type=int, help="indexing workers")
    bench.add_argument("--no-peers", action="store_true", help="searchapp only")
    bench.add_argument("--http", action="store_true", help="also load a real server over HTTP")
    bench.add_argument("--clients", type=int, default=8, help="concurrent HTTP clients")
    bench.add_argument("--seconds", type=float, default=20.0, help="HTTP load duration")
    bench.set_defaults(run=run_bench)
