"""The threads of a process search at once: each through its own searcher of one generation, the same
answers as one at a time, a replaced generation closed once its last request ends."""

import json
import threading
from concurrent.futures import ThreadPoolExecutor

from conftest import make_settings

from searchapp.index.writer import build_index
from searchapp.search.engine import WhooshEngine
from searchapp.search.request import SearchRequest

WORDS = ["banjir", "hujan", "warga", "sungai", "pengungsi", "jembatan", "desa", "bantuan"]


def write_corpus(folder, count: int, start: int = 0) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / f"berita-{start}.jsonl", "w", encoding="utf-8") as handle:
        for n in range(start, start + count):
            words = " ".join(WORDS[(n * k) % len(WORDS)] for k in range(1, 6))
            body = f"Laporan {n}: {words} di kabupaten nomor {n % 7}. " * 4
            handle.write(json.dumps({"id": f"b-{n}", "title": f"Berita {words}", "body": body,
                                     "people": ["Joko Widodo"] if n % 3 else []}) + "\n")


def answer(engine: WhooshEngine, request: SearchRequest) -> tuple:
    result = engine.search(request).to_dict("/api/search")
    return (result["total"], [(h["id"], h["snippet"]) for h in result["results"]],
            json.dumps(result["facets"], sort_keys=True))


def test_threads_searching_at_once_get_the_answers_of_one_at_a_time(tmp_path):
    write_corpus(tmp_path / "corpus", 400)
    engine = WhooshEngine(build_settings(tmp_path))
    requests = [SearchRequest(q=f"{a} {b}", page=page) for a in WORDS for b in WORDS[:4] for page in (1, 2)]
    one_at_a_time = [answer(engine, r) for r in requests]
    with ThreadPoolExecutor(8) as pool:
        at_once = list(pool.map(lambda r: answer(engine, r), requests * 3))
    assert at_once == one_at_a_time * 3
    assert len(engine.live._live._searchers) > 1  # several threads, several searchers


def test_a_replaced_generation_serves_its_requests_to_the_end_then_closes(tmp_path):
    write_corpus(tmp_path / "corpus", 100)
    settings = build_settings(tmp_path)
    engine = WhooshEngine(settings)
    holding, go_on = threading.Event(), threading.Event()
    seen: dict = {}

    def slow_request() -> None:  # one request, begun before the index changes, ended after
        with engine.live.request():
            seen["before"] = engine.search(SearchRequest(q="banjir")).total
            holding.set()
            go_on.wait(30)
            seen["same"] = engine.search(SearchRequest(q="banjir")).total
            seen["searcher"] = engine._current().searcher().doc_count()

    thread = threading.Thread(target=slow_request)
    thread.start()
    assert holding.wait(30)
    old = engine.live._live
    write_corpus(tmp_path / "corpus", 100, start=100)
    build_index(settings)
    assert engine.search(SearchRequest(q="banjir")).total > seen["before"]  # a new request: the new generation
    assert old.retired and old.users == 1 and old._searchers  # still in use: still open
    go_on.set()
    thread.join(30)
    assert seen["same"] == seen["before"] and seen["searcher"] == 100  # one generation from start to end
    assert old.users == 0 and not old._searchers  # closed with its last request


def build_settings(tmp_path):
    settings = make_settings(tmp_path / "corpus", tmp_path / "index", **{"indexing.workers": 1})
    build_index(settings)
    return settings
