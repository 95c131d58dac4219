"""`searchapp serve` as a user runs it: indexes on first start, serves from several processes, stops
cleanly on SIGTERM."""

import json
import signal
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from conftest import REPO, free_port, make_corpus


def get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def children_of(pid: int) -> list[int]:
    path = f"/proc/{pid}/task/{pid}/children"
    with open(path) as handle:
        return [int(p) for p in handle.read().split()]


def test_serve_indexes_first_then_serves_from_two_processes(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    port = free_port()
    command = [sys.executable, "-m", "searchapp.cli", "serve", "--config", str(REPO / "config" / "searchapp.yaml"),
               "--corpus", str(corpus), "--index", str(tmp_path / "index"), "--port", str(port), "--workers", "2"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                health = get(f"{base}/api/health")
                break
            except OSError:
                assert process.poll() is None, process.stderr.read()
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        assert health["documents"] == 9
        assert len(children_of(process.pid)) == 2
        with ThreadPoolExecutor(8) as pool:
            totals = list(pool.map(lambda q: get(f"{base}/api/search?q={q}")["total"], ["nato", "serangan"] * 20))
        assert totals == [5, totals[1]] * 20 and totals[1] > 0
    finally:
        workers = children_of(process.pid) if process.poll() is None else []
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=20)
    err = process.stderr.read()
    assert "No index in" in err and "9 added" in err and f"serving on http://127.0.0.1:{port}/" in err
    time.sleep(0.5)
    for worker in workers:
        status = Path(f"/proc/{worker}/status")
        assert not status.exists() or "zombie" in status.read_text().lower()
