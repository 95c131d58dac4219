"""`searchapp bench --http`: a real `searchapp serve` under concurrent clients, for throughput and
latency through the whole web stack rather than the engine alone."""

from __future__ import annotations

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
