"""The sharded index on a real two-node Ray cluster on this machine: indexed by Ray tasks, searched through
replicated shard actors with results identical to one index, and its faults: a replica killed under load
(no request fails), a node stopped (requests succeed or are flagged partial, never wrong), every replica
of a shard gone (flagged).

The cluster listens on loopback only: this module's process first moves into a network namespace of its
own whose one interface is the loopback (Ray's servers bind every interface), and the nodes are
127.0.0.2 and 127.0.0.3 (Ray maps 127.0.0.1 to the machine's external address).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest

from searchapp.cli import main
from searchapp.search.engine import WhooshEngine
from searchapp.search.request import SearchRequest

pytestmark = pytest.mark.cluster
CLONE_NEWNET = 0x40000000
HEAD, WORKER = "127.0.0.2", "127.0.0.3"
QUERIES = ["nato", "rusia ukraina", '"sekutu nato" rusia', "nato -rusia", "bunga", '"suku bunga acuan"',
           "stoltenbreg", "", "orang:stoltenberg rusia"]


def enter_loopback_namespace() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.unshare(CLONE_NEWNET) != 0:
        raise OSError(ctypes.get_errno(), "cannot make a network namespace for the cluster (needs root)")
    subprocess.run(["ip", "link", "set", "lo", "up"], check=True)


def cluster_processes(temp: str) -> list[int]:
    """Processes of the cluster whose files are under *temp* (its own, not another cluster's)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if temp.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def ray_start(*args: str, temp: str) -> None:
    env = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0"}
    subprocess.run(["ray", "start", *args, "--num-cpus=2", "--disable-usage-stats"], check=True, env=env,
                   capture_output=True, timeout=120)


@pytest.fixture(scope="module")
def cluster():
    """A head node on 127.0.0.2 and a worker node on 127.0.0.3; its address."""
    enter_loopback_namespace()
    temp = tempfile.mkdtemp(prefix="ray", dir="/tmp")  # Unix socket paths: at most 107 bytes
    address = f"{HEAD}:6380"
    try:
        ray_start("--head", f"--node-ip-address={HEAD}", "--port=6380", "--include-dashboard=false",
                  f"--temp-dir={temp}", temp=temp)
        ray_start(f"--address={address}", f"--node-ip-address={WORKER}", temp=temp)
        yield address, temp
    finally:
        import ray

        ray.shutdown()
        for pid in cluster_processes(temp):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        shutil.rmtree(temp, ignore_errors=True)


@pytest.fixture(scope="module")
def indexed(cluster, tmp_path_factory):
    """One index and three shards indexed by Ray tasks, of the same articles; the cluster's engine."""
    from conftest import make_settings
    from test_sharded import sharded_corpus

    from searchapp.search.interface import open_engine

    address, temp = cluster
    root = tmp_path_factory.mktemp("cluster")
    corpus = sharded_corpus(root / "corpus")
    single = make_settings(corpus, root / "single", **{"indexing.workers": 1})
    from searchapp.index.writer import build_index

    build_index(single)
    assert main(["index", "--shards", "3", "--cluster", address, "--corpus", str(corpus),
                 "--index", str(root / "sharded")]) == 0
    settings = make_settings(corpus, root / "sharded", **{"cluster.address": address, "cluster.timeout": 5})
    return WhooshEngine(single), open_engine(settings), settings


def comparable(result) -> dict:
    data = result.to_dict()
    del data["took_ms"]
    return data


def test_the_cluster_gives_what_one_index_gives(indexed, capsys):
    one, many, settings = indexed
    for q in QUERIES:
        for sort in ("relevance", "newest"):
            request = SearchRequest(q=q, sort=sort)
            assert comparable(many.search(request)) == comparable(one.search(request))
    assert many.document("kontan-9", "bunga")["copies"] == one.document("kontan-9", "bunga")["copies"]
    assert main(["cluster", "status", "--cluster", settings.cluster, "--index", str(settings.index)]) == 0
    printed = capsys.readouterr().out
    assert f"2 node(s) alive: {HEAD}, {WORKER}" in printed
    assert printed.count("replica") == 6 and "not answering" not in printed and "NOT as published" not in printed
    statuses = many.shards.statuses()
    for replicas in statuses:  # each shard's replicas on different nodes
        assert len({status["node"] for status in replicas}) == 2


def load(engine, expected: dict, seconds: float, threads: int = 4) -> tuple[int, list, list]:
    """Searches in a loop from *threads* threads: how many, the failures, the results flagged partial."""
    done, failures, flagged = [0], [], []
    stop = time.monotonic() + seconds

    def run():
        while time.monotonic() < stop:
            q = QUERIES[done[0] % 4]
            try:
                result = engine.search(SearchRequest(q=q))
            except Exception as error:  # noqa: BLE001 - every failure is counted
                failures.append(repr(error))
                continue
            if result.missing_shards:
                flagged.append(result.missing_shards)
            elif comparable(result) != expected[q]:
                failures.append(f"wrong answer to {q!r}")
            done[0] += 1

    workers = [threading.Thread(target=run) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return done[0], failures, flagged


def test_a_replica_killed_under_load_fails_no_request(indexed):
    one, many, _settings = indexed
    expected = {q: comparable(one.search(SearchRequest(q=q))) for q in QUERIES[:4]}
    victim = many.shards.statuses()[1][0]["pid"]
    killer = threading.Timer(1.0, os.kill, (victim, signal.SIGKILL))
    killer.start()
    done, failures, flagged = load(many, expected, 4.0)
    killer.join()
    assert done > 20 and failures == [] and flagged == []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # Ray restarts the replica from its constructor (paths, not data)
        status = many.shards.statuses()[1][0]
        if status and status["pid"] != victim:
            break
        time.sleep(0.5)
    assert status and status["pid"] != victim and status["documents"] > 0


def test_a_stopped_node_leaves_answers_whole_or_flagged(indexed, cluster):
    one, many, _settings = indexed
    _address, temp = cluster
    expected = {q: comparable(one.search(SearchRequest(q=q))) for q in QUERIES[:4]}
    worker_node = [pid for pid in cluster_processes(temp)
                   if b"raylet" in Path(f"/proc/{pid}/cmdline").read_bytes()
                   and WORKER.encode() in Path(f"/proc/{pid}/cmdline").read_bytes()]
    assert worker_node
    for pid in worker_node:
        os.kill(pid, signal.SIGKILL)
    done, failures, _flagged = load(many, expected, 4.0)
    assert done > 0 and failures == []  # every answer whole and right, or flagged partial


def test_every_replica_of_a_shard_gone_is_flagged(indexed):
    import ray

    from searchapp.web.app import create_app
    from searchapp.web.context import EXTENSION

    one, _many, settings = indexed
    app = create_app(settings)
    client = app.test_client()
    engine = app.extensions[EXTENSION]
    assert "shards" not in client.get("/api/search?q=").get_json()  # the replicas joined (a node is down)
    for actor in engine.shards.replicas[2]:
        ray.kill(actor, no_restart=True)
    result = engine.search(SearchRequest(q=""))  # every article
    assert result.missing_shards == [2]
    assert 0 < result.total < one.search(SearchRequest(q="")).total
    data = client.get("/api/search?q=").get_json()
    assert data["shards"] == {"partial": True, "missing": [2]}
    page = client.get("/cari?q=").get_data(as_text=True)
    assert "Sebagian indeks tidak menjawab (shard 2)" in page
