"""`searchapp bench --http`: a real `searchapp serve` under concurrent clients, for throughput and
latency through the whole web stack rather than the engine alone."""

from __future__ import annotations

import collections
import csv
import ctypes
import io
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from searchapp.bench.hostile import hostile_requests, measure_alone
from searchapp.bench.timing import WARMUP, percentile
from searchapp.bench.workload import BenchQuery
from searchapp.config import Settings

PR_SET_PDEATHSIG = 1  # prctl(2)
MARKER = "penandabaru"  # a word only the articles added during the load hold
ADDED = 200


def bench_http(settings: Settings, queries: list[BenchQuery], clients: int = 8, seconds: float = 20.0,
               while_indexing: str | None = None, rounds: int = 1, attackers: int = 0,
               articles: list[dict] | None = None, exporters: int = 0) -> dict:
    """A real `searchapp serve` on 127.0.0.1 under *clients* concurrent clients for *seconds*, half of them
    asking the API and half the search page, *rounds* times (server memory after each). With
    *while_indexing* (``add`` or ``rebuild``), a quarter of the way into the first round, `searchapp
    index` adds `ADDED` articles to the corpus (``rebuild``: and rebuilds the whole index), the round
    lasting until they are searchable. With *attackers*, the costliest requests are measured one by one,
    then a round runs with that many more clients looping over them. With *exporters*, one export of every
    article (CSV) is timed alone, then a last round runs with that many more clients streaming it again
    and again."""
    from searchapp.web.server import free_port

    port = free_port()
    command = [sys.executable, "-m", "searchapp.cli", "serve", "--config", str(settings.config_path),
               "--index", str(settings.index), "--host", "127.0.0.1", "--port", str(port)]
    log = Path(settings.index).parent / "server.log"  # what the server says of a failed request
    with open(log, "wb") as stderr:
        server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr,
                                  preexec_fn=_ended_with(os.getpid()))
    base = f"http://127.0.0.1:{port}"
    result: dict = {"clients": clients, "rounds": []}
    try:
        _wait_for(base)
        urls = [f"{base}{'/api/search' if n % 2 else '/cari'}?" + urllib.parse.urlencode(
            [("q", q.text)] + ([("outlet", q.outlet)] if q.outlet else [])) for n, q in enumerate(queries)]
        for url in urls[:WARMUP]:
            urllib.request.urlopen(url, timeout=30).read()
        for number in range(rounds):
            indexing = while_indexing if number == 0 else None
            result["rounds"].append(_load_round(urls, clients, seconds, server.pid,
                                                lambda out, mode=indexing: _index_meanwhile(settings, base, mode,
                                                                                            seconds / 4, out)))
        if attackers:
            requests = hostile_requests(base, articles or [])
            result["alone"] = measure_alone(base, requests, _children(server.pid))
            result["attackers"] = attackers
            result["attacked"] = _load_round(urls, clients, seconds, server.pid,
                                             attack=[base + path for _label, path in requests], attackers=attackers)
        if exporters:
            export = f"{base}/api/export?format=csv"
            result["export_alone"] = _export_alone(export)
            result["exporters"] = exporters
            result["exporting"] = _load_round(urls, clients, seconds, server.pid, attack=[export], attackers=exporters)
        return result
    finally:
        server.terminate()
        server.wait(timeout=60)
        result["server_errors"] = _last_traceback(log.read_text(encoding="utf-8", errors="replace"))


def _last_traceback(log: str) -> str:
    """The server's last logged traceback (why a request failed), else nothing."""
    start = log.rfind("Traceback (most recent call last)")
    return log[start:][:4000] if start >= 0 else ""


def _ended_with(parent: int):
    """What the server's process runs before it starts, on Linux: the kernel sends it SIGTERM (it drains
    and exits) when the bench that started it ends, killed included, so a killed bench leaves no server
    behind (and a bench already gone by then ends it at once)."""
    if not sys.platform.startswith("linux"):
        return None

    def end_with_parent() -> None:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        if os.getppid() != parent:
            os.kill(os.getpid(), signal.SIGTERM)

    return end_with_parent


def _wait_for(base: str) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{base}/api/health", timeout=2).read()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def _load_round(urls: list[str], clients: int, seconds: float, server_pid: int, meanwhile=None,
                attack: list[str] | None = None, attackers: int = 0) -> dict:
    """One round of load: readers' requests per second, latency and failures, the attackers' requests
    (not counted with the readers'), what *meanwhile* noted, the server's memory at the end."""
    latencies: list[float] = []
    errors: collections.Counter = collections.Counter()  # what failed: "HTTP 503 /api/search", "timed out /cari"
    attacks = 0
    lock = threading.Lock()
    stop = time.monotonic() + seconds
    noted: dict = {}
    side = threading.Thread(target=meanwhile, args=(noted,)) if meanwhile else None
    if side:
        side.start()

    def going() -> bool:
        return time.monotonic() < stop or (side is not None and side.is_alive())

    def reader(offset: int) -> None:
        n = offset
        while going():
            url = urls[n % len(urls)]
            n += clients
            started = time.perf_counter()
            failure = None
            try:
                urllib.request.urlopen(url, timeout=30).read()
            except OSError as error:
                failure = _failure(error, url)
            elapsed = (time.perf_counter() - started) * 1000
            with lock:
                if failure:
                    errors[failure] += 1
                else:
                    latencies.append(elapsed)

    def attacker(offset: int) -> None:
        nonlocal attacks
        n = offset
        while going():
            try:
                urllib.request.urlopen((attack or [])[n % len(attack or [1])], timeout=600).read()
                answered = True
            except urllib.error.HTTPError:  # a 400 is an answer too
                answered = True
            except OSError:  # no answer: not counted
                answered = False
            n += 1
            with lock:
                attacks += answered

    readers = [threading.Thread(target=reader, args=(i,)) for i in range(clients)]
    others = [threading.Thread(target=attacker, args=(i,)) for i in range(attackers if attack else 0)]
    started = time.perf_counter()
    for thread in readers + others:
        thread.start()
    for thread in readers:
        thread.join()
    elapsed = time.perf_counter() - started  # the readers' time: an export may still be streaming
    for thread in others:
        thread.join()
    return {"requests": len(latencies), "errors": sum(errors.values()), "failures": errors, "seconds": elapsed,
            "attacks": attacks, "req_per_s": len(latencies) / elapsed, "p50": statistics.median(latencies),
            "p99": percentile(latencies, 0.99), "server_rss_mb": _rss_of(server_pid), **noted}


def _failure(error: OSError, url: str) -> str:
    """What went wrong with one request, short enough to print: its status or reason and its path."""
    path = urllib.parse.urlsplit(url).path
    if isinstance(error, urllib.error.HTTPError):
        return f"HTTP {error.code} {path}"
    return f"{getattr(error, 'reason', None) or error} {path}"


def _export_alone(url: str) -> dict:
    """One export read to its end: its rows, size and time."""
    started = time.perf_counter()
    body = urllib.request.urlopen(url, timeout=600).read()
    seconds = time.perf_counter() - started
    rows = sum(1 for _row in csv.reader(io.StringIO(body.decode("utf-8-sig")))) - 1  # less the header
    return {"rows": rows, "mb": len(body) / 2**20, "seconds": seconds}


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


def _children(pid: int) -> list[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in children.read_text().split()] if children.exists() else []


def _rss_of(pid: int) -> float:
    """Resident memory of a process and its children, MB (Linux /proc)."""
    total = 0
    for each in [pid, *_children(pid)]:
        status = Path(f"/proc/{each}/status")
        if status.exists():
            match = re.search(r"VmRSS:\s+(\d+)", status.read_text())
            total += int(match.group(1)) if match else 0
    return total / 1024
