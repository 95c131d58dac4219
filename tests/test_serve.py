"""`searchapp serve` as a user runs it: indexes on first start, serves from several processes, replaces
a worker that dies or hangs, finishes the requests it holds when told to stop (SIGTERM)."""

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
        health = health_once_serving(process, base)
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


def health_once_serving(process: subprocess.Popen, base: str, seconds: float = 60) -> dict:
    """The health of the server *process* at *base* as soon as it answers (it must, within *seconds*)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            return get(f"{base}/api/health")
        except OSError:
            assert process.poll() is None, process.stderr.read()
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)


def start_server(tmp_path, port: int, workers: int = 2, timeout: int = 30) -> subprocess.Popen:
    """A real `searchapp serve` over an index built first; returns once it answers."""
    from searchapp.index.writer import build_index
    from tests.conftest import make_settings

    corpus = tmp_path / "corpus" if (tmp_path / "corpus").exists() else make_corpus(tmp_path / "corpus")
    if not (tmp_path / "index").exists():
        build_index(make_settings(corpus, tmp_path / "index"))
    command = [sys.executable, "-m", "searchapp.cli", "serve", "--corpus", str(corpus), "--index",
               str(tmp_path / "index"), "--port", str(port), "--workers", str(workers), "--timeout", str(timeout)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**__import__("os").environ, "PYTHONPATH": str(REPO)})
    health_once_serving(process, f"http://127.0.0.1:{port}", 30)
    return process


def stop_server(process: subprocess.Popen) -> str:
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=20)
    return process.stderr.read()


def test_a_second_server_on_a_busy_port_stops_with_one_line(tmp_path):
    port = free_port()
    first = start_server(tmp_path, port)
    try:
        second = subprocess.run([sys.executable, "-m", "searchapp.cli", "serve", "--corpus", str(tmp_path / "corpus"),
                                 "--index", str(tmp_path / "index"), "--port", str(port), "--workers", "2"],
                                capture_output=True, text=True, timeout=30, env={**__import__("os").environ,
                                                                                  "PYTHONPATH": str(REPO)})
        assert second.returncode == 2
        assert second.stderr.strip() == (f"searchapp: error: port {port} is in use on 127.0.0.1: stop the server "
                                         "using it, or choose another port with --port")
        assert get(f"http://127.0.0.1:{port}/api/health")["documents"] == 9  # the first one is untouched
    finally:
        stop_server(first)


def test_a_killed_worker_is_replaced_and_sighup_restarts_them_all(tmp_path):
    import os

    port = free_port()
    process = start_server(tmp_path, port)
    try:
        workers = children_of(process.pid)
        assert len(workers) == 2
        os.kill(workers[0], signal.SIGKILL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and (len(children_of(process.pid)) != 2
                                               or workers[0] in children_of(process.pid)):
            time.sleep(0.1)
        replaced = children_of(process.pid)
        assert len(replaced) == 2 and workers[0] not in replaced and workers[1] in replaced
        with ThreadPoolExecutor(8) as pool:  # both serve
            assert set(pool.map(lambda _: get(f"http://127.0.0.1:{port}/api/search?q=nato")["total"], range(40))) == {5}
        process.send_signal(signal.SIGHUP)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and set(children_of(process.pid)) & set(replaced):
            time.sleep(0.1)
        assert len(children_of(process.pid)) == 2 and not set(children_of(process.pid)) & set(replaced)
        assert get(f"http://127.0.0.1:{port}/api/search?q=nato")["total"] == 5
    finally:
        err = stop_server(process)
    assert f"worker {workers[0]} ended (signal 9)" in err and "workers restarted" in err
    assert process.returncode == 0


def test_idle_connections_do_not_lock_out_readers(tmp_path):
    import socket as sockets

    port = free_port()
    process = start_server(tmp_path, port, workers=1)
    idle = []
    try:
        for _ in range(300):  # more than waitress's default limit of 100 connections a process
            connection = sockets.create_connection(("127.0.0.1", port), timeout=5)
            connection.sendall(b"GET /api/search?q=nato HTTP/1.1\r\nHost: x\r\n")  # and never finishes
            idle.append(connection)
        assert get(f"http://127.0.0.1:{port}/api/search?q=nato")["total"] == 5  # answered within get's timeout
    finally:
        for connection in idle:
            connection.close()
        stop_server(process)


def test_sigterm_lets_every_request_already_sent_finish(tmp_path):
    import socket as sockets

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    body = "Banjir merendam ratusan rumah warga di bantaran sungai setelah hujan deras semalaman. " * 12
    with open(corpus / "banjir.jsonl", "w", encoding="utf-8") as handle:
        for n in range(300):
            text = f"{body} Warga kampung {n} mengungsi ke balai desa nomor {n * 7}."  # 300 stories, not one
            handle.write(json.dumps({"id": f"banjir-{n}", "title": f"Banjir {n}", "body": text}) + "\n")
    from searchapp.index.writer import build_index
    from tests.conftest import make_settings

    build_index(make_settings(corpus, tmp_path / "index"))
    port = free_port()
    process = start_server(tmp_path, port)  # its corpus folder exists: the index above is served
    connections = []
    for _ in range(40):  # more than the workers' 16 threads can take at once: most wait in a queue
        connection = sockets.create_connection(("127.0.0.1", port), timeout=30)
        connection.sendall(b"GET /cari?q=banjir+hujan&per_page=100&collapse=false HTTP/1.1\r\n"
                           b"Host: x\r\nConnection: close\r\n\r\n")
        connections.append(connection)
    process.send_signal(signal.SIGTERM)
    answers = []
    for connection in connections:
        data = b""
        while chunk := connection.recv(65536):
            data += chunk
        connection.close()
        answers.append(data)
    process.wait(timeout=40)
    assert process.returncode == 0
    finished = sum(a.startswith(b"HTTP/1.1 200") and a.rstrip().endswith(b"</html>") for a in answers)
    assert finished == 40, f"{finished} of 40 requests sent before SIGTERM were answered in full"


def test_a_worker_that_makes_no_progress_is_killed_and_replaced(tmp_path):
    import os

    port = free_port()
    process = start_server(tmp_path, port, timeout=2)
    try:
        workers = children_of(process.pid)
        os.kill(workers[0], signal.SIGSTOP)  # as a worker stuck for good: alive, answering nothing
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and (workers[0] in children_of(process.pid)
                                               or len(children_of(process.pid)) != 2):
            time.sleep(0.2)
        assert workers[0] not in children_of(process.pid) and len(children_of(process.pid)) == 2
        with ThreadPoolExecutor(8) as pool:
            assert set(pool.map(lambda _: get(f"http://127.0.0.1:{port}/api/search?q=nato")["total"], range(40))) == {5}
    finally:
        err = stop_server(process)
    assert f"worker {workers[0]} made no progress for" in err and f"worker {workers[0]} ended (signal 9)" in err


def test_a_request_making_nothing_is_stalled_but_one_whose_reader_is_slow_is_not():
    import threading

    from searchapp.web.worker import Progress

    release = threading.Event()

    def streaming(environ, start_response):
        start_response("200 OK", [])

        def body():
            yield b"first"
            release.wait(10)  # making the next piece takes long
            yield b"second"

        return body()

    progress = Progress(streaming)
    response = progress({}, lambda *a: None)
    pieces = iter(response)
    next(pieces)
    time.sleep(0.8)
    assert not progress.stalled(0.4)  # the piece is with the server (a slow reader): not the app's time
    taker = threading.Thread(target=lambda: next(pieces))
    taker.start()
    time.sleep(0.8)
    assert progress.stalled(0.4)  # the app has been making the next piece for 0.8 s
    release.set()
    taker.join(10)
    response.close()
    assert not progress.stalled(0.4) and not progress.last  # a finished request is forgotten



def test_the_servers_own_error_answers_are_json_with_the_security_headers(tmp_path):
    import contextlib
    import socket as sockets

    port = free_port()
    process = start_server(tmp_path, port, workers=1)
    try:
        answers = {}
        huge = b"GET /api/search?q=" + b"a" * 300_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n"
        for name, raw in (("bad request line", b"GARBAGE\r\n\r\n"), ("URL over 256 KB", huge)):
            with sockets.create_connection(("127.0.0.1", port), timeout=10) as connection:
                connection.sendall(raw)
                data = b""
                with contextlib.suppress(ConnectionResetError):  # it closes on what it did not read
                    while chunk := connection.recv(65536):
                        data += chunk
            head, _, body = data.partition(b"\r\n\r\n")
            answers[name] = (head.decode(), json.loads(body))
    finally:
        stop_server(process)
    for head, body in answers.values():
        assert "Content-Type: application/json" in head and "X-Content-Type-Options: nosniff" in head
        assert "frame-ancestors 'none'" in head and body["error"]["message"]
    assert " 400 " in answers["bad request line"][0].splitlines()[0]
    assert " 431 " in answers["URL over 256 KB"][0].splitlines()[0]
    assert answers["URL over 256 KB"][1]["error"]["code"] == "request_header_fields_too_large"
