"""Fixtures over real storage: a corpus folder of the seeds plus test articles, a real Whoosh index on
disk built by the real indexer, the Flask app over it, and a real waitress server on 127.0.0.1."""

from __future__ import annotations

import shutil
import socket
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

warnings.filterwarnings("ignore", category=SyntaxWarning)

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "corpus"
EXTRA = Path(__file__).resolve().parent / "data" / "extra"
TODAY = "2026-11-25"


def make_corpus(folder: Path) -> Path:
    """The five seeds and the test articles, copied to *folder*."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    for path in EXTRA.iterdir():
        shutil.copy(path, folder / path.name)
    return folder


def make_settings(corpus: Path, index: Path, **overrides):
    from searchapp.config import load_settings

    return load_settings(REPO / "config" / "searchapp.yaml",
                         {"corpus": str(corpus), "index": str(index), **overrides}, environ={})


def client_over(root: Path, records: list[dict]):
    """A test client of the app over a real index of *records* (a corpus of one JSON Lines file)."""
    import json

    from searchapp.index.writer import build_index
    from searchapp.web.app import create_app

    corpus = root / "corpus"
    corpus.mkdir(parents=True)
    (corpus / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    settings = make_settings(corpus, root / "index", **{"indexing.workers": 1})
    report = build_index(settings)
    client = create_app(settings).test_client()
    client.report = report
    return client


def complete_hits(client, q: str) -> tuple[dict, list[dict]]:
    """The API's answer to *q*, every article listed (stories not collapsed), and its complete hits (the
    articles holding every word), best first."""
    data = client.get("/api/search", query_string={"q": q, "collapse": "false"}).get_json()
    return data, [hit for hit in data["results"] if not hit["partial"]]


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """Settings of a session-wide index of the seeds and test articles (do not modify it)."""
    from searchapp.index.writer import build_index

    root = tmp_path_factory.mktemp("built")
    settings = make_settings(make_corpus(root / "corpus"), root / "index")
    build_index(settings)
    return settings


@pytest.fixture()
def fresh(tmp_path):
    """Settings of a corpus and an (unbuilt) index of this test's own, to modify freely."""
    return make_settings(make_corpus(tmp_path / "corpus"), tmp_path / "index", **{"indexing.workers": 1})


@pytest.fixture(scope="session")
def engine(built):
    from searchapp.search.engine import WhooshEngine as SearchEngine

    return SearchEngine(built)


@pytest.fixture(scope="session")
def app(built):
    from searchapp.web.app import create_app

    application = create_app(built)
    application.config["TESTING"] = True
    return application


@pytest.fixture()
def client(app):
    return app.test_client()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def served(app, threads: int = 4) -> Iterator[str]:
    """*app* served by a real waitress server on 127.0.0.1 in a thread; yields its base URL. The loop
    stops before the sockets close: closing them under a running ``select`` fails in the thread (EBADF)."""
    from waitress import create_server

    server = create_server(app, host="127.0.0.1", port=free_port(), threads=threads)
    stop = threading.Event()

    def loop() -> None:
        while not stop.is_set():
            server.asyncore.loop(timeout=0.05, map=server._map, count=1)

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        stop.set()
        thread.join(timeout=5)
        server.close()
        server.task_dispatcher.shutdown()


@pytest.fixture(scope="session")
def live_server(app):
    """The app served by a real waitress server on 127.0.0.1, for the session; yields its base URL."""
    with served(app) as base:
        yield base
