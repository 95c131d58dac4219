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
import dataclasses
import datetime as dt
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from searchapp.cli import main
from searchapp.search.engine import WhooshEngine
from searchapp.search.request import SearchRequest

pytestmark = pytest.mark.cluster
CLONE_NEWNET = 0x40000000
HEAD, WORKER = "127.0.0.2", "127.0.0.3"
QUERIES = ["nato", "rusia ukraina", '"sekutu nato" rusia', "nato -rusia", "bunga", '"suku bunga acuan"',
           "stoltenbreg", "", "orang:stoltenberg rusia", "stoltenberg zzzq", "bank OR cabai", "suku bunga"]
FILTERS = [{}, {"outlets": ("kontan", "kompas-tv")}, {"people": ("Jens Stoltenberg",)},
           {"date_from": dt.date(2022, 3, 1), "date_to": dt.date(2022, 6, 30)}]


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


def joins(address: str, token: str) -> bool:
    """Whether a process holding *token* may join the cluster."""
    env = {**os.environ, "RAY_AUTH_TOKEN": token}
    code = f"import ray; ray.init(address={address!r}, _node_ip_address={HEAD!r}, logging_level='ERROR')"
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, timeout=120).returncode == 0


@pytest.fixture(scope="module")
def cluster():
    """A head node on 127.0.0.2 and a worker node on 127.0.0.3; its address."""
    enter_loopback_namespace()
    temp = tempfile.mkdtemp(prefix="ray", dir="/tmp")  # Unix socket paths: at most 107 bytes
    address = f"{HEAD}:6380"
    # token authentication on, as README's cluster commands have it: every node and client holds the token
    os.environ.update({"RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN": secrets.token_hex(32)})
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
        for filters in FILTERS:
            for sort in ("relevance", "newest", "oldest"):
                for page, per_page, collapse in ((1, 10, True), (2, 2, True), (1, 3, False)):
                    request = SearchRequest(q=q, sort=sort, page=page, per_page=per_page, collapse=collapse,
                                            **filters)
                    expected, got = one.search(request), many.search(request)
                    assert comparable(got) == comparable(expected)
                    assert [h.score for h in got.results] == pytest.approx([h.score for h in expected.results],
                                                                           abs=1e-9, rel=0)
    assert many.document("kontan-9", "bunga")["copies"] == one.document("kontan-9", "bunga")["copies"]
    assert main(["cluster", "status", "--cluster", settings.cluster, "--index", str(settings.index)]) == 0
    printed = capsys.readouterr().out
    assert f"2 node(s) alive: {HEAD}, {WORKER}" in printed
    assert printed.count("replica") == 6 and "not answering" not in printed
    statuses = many.shards.statuses()
    for replicas in statuses:  # each shard's replicas on different nodes
        assert len({status["node"] for status in replicas}) == 2


def test_token_authentication_keeps_other_clients_out(cluster):
    address, _temp = cluster
    assert joins(address, os.environ["RAY_AUTH_TOKEN"])
    assert not joins(address, "0" * 64)


def test_searchapp_serve_on_the_cluster(indexed):
    from conftest import REPO, free_port
    from test_serve import get, health_once_serving

    one, _many, settings = indexed
    port = free_port()
    command = [sys.executable, "-m", "searchapp.cli", "serve", "--cluster", settings.cluster, "--corpus",
               str(settings.corpus), "--index", str(settings.index), "--port", str(port), "--workers", "2"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONPATH": str(REPO)})
    base = f"http://127.0.0.1:{port}"
    try:
        health = health_once_serving(process, base)
        assert health["documents"] == 14 and health["shards"] == 3
        for q in ("nato", "bunga"):  # both worker processes, each joined to the cluster on its own
            for _ in range(4):
                data = get(f"{base}/api/search?q={q}")
                expected = one.search(SearchRequest(q=q))
                assert data["total"] == expected.total and [r["id"] for r in data["results"]] == \
                    [h.id for h in expected.results]
        page = urllib.request.urlopen(f"{base}/cari?q=bunga", timeout=30).read().decode("utf-8")
        assert "<mark>bunga</mark>" in page.lower()
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
    assert process.returncode == 0, process.stderr.read()


def test_reindexing_on_the_cluster_never_mixes_sets(indexed, cluster):
    """An incremental run by Ray tasks while searches run: each answer is the old set's or the new one's."""
    one, many, settings = indexed
    address, _temp = cluster
    corpus = settings.corpus
    before = {q: comparable(one.search(SearchRequest(q=q))) for q in QUERIES[:4]}
    added = {"id": "kompas-77", "body": "Sekretaris Jenderal NATO bertemu menteri pertahanan Rusia dan Ukraina "
             "untuk membahas gencatan senjata.", "outlet": "kompas-tv", "date": "2022-05-02"}
    (corpus / "added.jsonl").write_text(json.dumps(added) + "\n", encoding="utf-8")
    from searchapp.index.writer import build_index

    build_index(one.settings)  # the single index learns the new article too: the second valid answer
    after = {q: comparable(one.search(SearchRequest(q=q))) for q in QUERIES[:4]}
    assert after["nato"] != before["nato"]
    indexer = threading.Thread(target=main, args=(["index", "--cluster", address, "--corpus", str(corpus),
                                                   "--index", str(settings.index)],))
    answers: list[tuple[str, dict]] = []
    stop = threading.Event()

    def search() -> None:
        while not stop.is_set():
            q = QUERIES[len(answers) % 4]
            answers.append((q, comparable(many.search(SearchRequest(q=q)))))

    searchers = [threading.Thread(target=search) for _ in range(3)]
    for thread in searchers:
        thread.start()
    indexer.start()
    indexer.join(timeout=120)
    time.sleep(1.0)
    stop.set()
    for thread in searchers:
        thread.join()
    assert not indexer.is_alive()
    wrong = [q for q, answer in answers
             if {k: v for k, v in answer.items() if k != "generation"} not in (
                 {k: v for k, v in before[q].items() if k != "generation"},
                 {k: v for k, v in after[q].items() if k != "generation"})]
    print(f"\nreindexed while searching: {len(answers)} searches, {len(wrong)} neither the old set's nor the new's")
    assert answers and wrong == []
    assert many.search(SearchRequest(q="gencatan senjata")).total == 1


def test_a_hung_replica_is_passed_over_after_the_timeout(indexed):
    from searchapp.search.interface import open_engine

    one, _many, settings = indexed
    patient = open_engine(dataclasses.replace(settings, shard_timeout=1.0))
    expected = comparable(one.search(SearchRequest(q="nato")))
    hung = patient.shards.statuses()[0][0]["pid"]
    os.kill(hung, signal.SIGSTOP)
    try:
        took = []
        for _ in range(4):  # each replica in turn: the first calls meet the stopped one, later ones avoid it
            started = time.monotonic()
            result = patient.search(SearchRequest(q="nato"))
            took.append(time.monotonic() - started)
            assert comparable(result) == expected and not result.missing_shards
        print(f"\nreplica stopped (SIGSTOP), timeout 1 s: searches took {', '.join(f'{t:.2f}' for t in took)} s")
        assert max(took) < 30 and took[-1] < 1.0  # the stopped replica is asked last now
    finally:
        os.kill(hung, signal.SIGCONT)


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
    print(f"\nreplica killed under load: {done} searches, {len(failures)} failed, {len(flagged)} flagged")
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
    done, failures, flagged = load(many, expected, 4.0)
    print(f"\nworker node stopped: {done} searches, {len(failures)} wrong or failed, {len(flagged)} flagged partial")
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
