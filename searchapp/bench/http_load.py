"""`searchapp bench --http`: a real `searchapp serve` under concurrent clients, for throughput and
latency through the whole web stack rather than the engine alone."""

from __future__ import annotations

import json
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

from searchapp.bench.timing import WARMUP, percentile
from searchapp.bench.workload import BenchQuery
from searchapp.config import Settings

MARKER = "penandabaru"  # a word only the articles added during the load hold
ADDED = 200


def bench_http(settings: Settings, queries: list[BenchQuery], clients: int = 8, seconds: float = 20.0,
               while_indexing: str | None = None) -> dict:
    """A real `searchapp serve` on 127.0.0.1 under *clients* concurrent clients for *seconds*, half of them
    asking the API and half the search page; with *while_indexing* (``add`` or ``rebuild``), a quarter
    of the way in, `searchapp index` adds `ADDED` articles to the corpus (``rebuild``: and rebuilds the
    whole index), the load lasting until they are searchable."""
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
        urls = [f"{base}{'/api/search' if n % 2 else '/cari'}?" + urllib.parse.urlencode(
            [("q", q.text)] + ([("outlet", q.outlet)] if q.outlet else [])) for n, q in enumerate(queries)]
        for url in urls[:WARMUP]:
            urllib.request.urlopen(url, timeout=30).read()
        latencies: list[float] = []
        errors = 0
        lock = threading.Lock()
        stop = time.monotonic() + seconds
        indexing: dict = {}
        indexer = threading.Thread(target=_index_meanwhile,
                                   args=(settings, base, while_indexing, seconds / 4, indexing))
        if while_indexing:
            indexer.start()

        def client(offset: int) -> None:
            nonlocal errors
            n = offset
            while time.monotonic() < stop or indexer.is_alive():
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
        return {"clients": clients, "requests": len(latencies), "errors": errors, "seconds": elapsed,
                "req_per_s": len(latencies) / elapsed, "p50": statistics.median(latencies),
                "p99": percentile(latencies, 0.99), "server_rss_mb": rss, **indexing}
    finally:
        server.terminate()
        server.wait(timeout=30)


def _index_meanwhile(settings: Settings, base: str, mode: str | None, delay: float, out: dict) -> None:
    """Add `ADDED` articles to the corpus and index them (*mode* ``rebuild``: rebuild the whole index)
    while the server is under load; note how long the run took and when its articles could be found."""
    if not mode:
        return
    time.sleep(delay)
    body = " ".join(["Artikel tambahan untuk uji muat ulang indeks sambil melayani pembaca", MARKER] * 20)
    with open(Path(settings.corpus) / "added.jsonl", "w", encoding="utf-8") as handle:
        for n in range(ADDED):
            handle.write(json.dumps({"id": f"added-{n}", "title": f"Tambahan {n} {MARKER}", "body": body}) + "\n")
    command = [sys.executable, "-m", "searchapp.cli", "index", "--config", str(settings.config_path),
               "--corpus", str(settings.corpus), "--index", str(settings.index)]
    command += ["--rebuild"] if mode == "rebuild" else []
    started = time.monotonic()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out["index_seconds"] = time.monotonic() - started
    query = f"{base}/api/search?q={MARKER}"
    while time.monotonic() - started < out["index_seconds"] + 60:
        if json.loads(urllib.request.urlopen(query, timeout=30).read())["total"] == ADDED:
            out["visible_after_s"] = time.monotonic() - started - out["index_seconds"]
            return
        time.sleep(0.1)


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
