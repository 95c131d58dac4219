"""Indexing into real Whoosh indexes on disk: incremental, atomic, locked, and honest about skips."""

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from searchapp.errors import IndexLockedError
from searchapp.index.generations import current_generation, indexer_lock, open_index
from searchapp.index.writer import build_index
from searchapp.search.engine import WhooshEngine as SearchEngine
from searchapp.search.request import SearchRequest


def doc_ids(settings):
    index = open_index(settings.index)
    with index.searcher() as searcher:
        return sorted(fields["id"] for fields in searcher.all_stored_fields())


def test_first_run_indexes_everything_and_reports_skips(fresh):
    (fresh.corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (fresh.corpus / "bad.jsonl").write_text('{"body": "Baik sekali."}\n{oops\n', encoding="utf-8")
    report = build_index(fresh)
    assert report.rebuilt and report.added == 10 and report.updated == report.deleted == 0
    assert {s.source for s in report.skipped} == {"bad.jsonl#2", "image.txt"}
    assert "bad.jsonl#2" in report.summary()
    assert len(doc_ids(fresh)) == 10


def test_invalid_utf8_is_skipped_with_reason(fresh):
    (fresh.corpus / "broken.txt").write_bytes(b"Berita \xe9\xe9 rusak")
    report = build_index(fresh)
    assert [(s.source, "not valid UTF-8" in s.reason) for s in report.skipped] == [("broken.txt", True)]
    assert report.added == 9


def test_incremental_run_writes_only_changes(fresh):
    build_index(fresh)
    generation = current_generation(fresh.index)
    again = build_index(fresh)
    assert (again.added, again.updated, again.deleted, again.unchanged) == (0, 0, 0, 9)

    (fresh.corpus / "001_22bccfffe0d59620.txt").write_text("NATO berubah. Artikel baru sekali.", encoding="utf-8")
    (fresh.corpus / "000_66b54ca74a6c5a55.txt").unlink()
    (fresh.corpus / "baru.md").write_text("---\ntitle: Kabar baru\n---\nIsi kabar baru.\n", encoding="utf-8")
    report = build_index(fresh)
    assert (report.added, report.updated, report.deleted, report.unchanged) == (1, 1, 1, 7)
    assert current_generation(fresh.index) == generation  # written in place, not rebuilt
    ids = doc_ids(fresh)
    assert "000_66b54ca74a6c5a55" not in ids and "baru" in ids and len(ids) == 9
    engine = SearchEngine(fresh)
    assert [h.id for h in engine.search(SearchRequest(q="berubah")).results] == ["001_22bccfffe0d59620"]


def test_rebuild_publishes_a_new_generation(fresh):
    build_index(fresh)
    old = current_generation(fresh.index)
    report = build_index(fresh, rebuild=True)
    new = current_generation(fresh.index)
    assert report.rebuilt and report.added == 9
    assert new != old and old.exists()  # kept for readers opening it right now, until the next publish
    assert len(doc_ids(fresh)) == 9
    build_index(fresh, rebuild=True)
    assert not old.exists() and new.exists()
    assert len(list(fresh.index.glob("gen-*"))) == 2


def test_parallel_run_over_many_small_segments_loses_nothing(fresh, tmp_path):
    """Serial and parallel runs over an index of large and small segments lose no article (a review found
    that small segments Whoosh's merge policy copies into the main writer of a parallel run were dropped;
    they are now written out as Whoosh's own commit does)."""
    from conftest import make_settings

    parallel = make_settings(fresh.corpus, fresh.index, **{"indexing.workers": 2})
    with open(fresh.corpus / "base.jsonl", "w", encoding="utf-8") as out:
        for n in range(600):
            out.write(json.dumps({"id": f"b{n}", "body": f"Arsip {n} tentang pasar."}) + "\n")
    build_index(parallel)
    for n in range(9):  # one-article runs: small segments beside the large ones
        (fresh.corpus / f"small{n}.txt").write_text(f"Kabar kecil nomor {n} tentang banjir.", encoding="utf-8")
        build_index(fresh)
    with open(fresh.corpus / "many.jsonl", "w", encoding="utf-8") as out:
        for n in range(80):
            out.write(json.dumps({"id": f"m{n}", "body": f"Berita {n} tentang gempa."}) + "\n")
    report = build_index(parallel)
    assert report.added == 80
    assert len(doc_ids(fresh)) == 9 + 600 + 9 + 80
    engine = SearchEngine(fresh)
    assert engine.search(SearchRequest(q="banjir kecil")).total == 9
    assert engine.search(SearchRequest(q="gempa")).total == 80


def test_a_second_indexer_is_refused(fresh):
    build_index(fresh)
    with indexer_lock(fresh.index), pytest.raises(IndexLockedError, match="locked by another indexer"):
        build_index(fresh)


def test_running_engine_sees_new_articles_without_restart(fresh):
    build_index(fresh)
    engine = SearchEngine(fresh)
    assert engine.search(SearchRequest(q="kalimantan")).total == 0
    (fresh.corpus / "kalimantan.txt").write_text("Banjir melanda Kalimantan Selatan.", encoding="utf-8")
    build_index(fresh)
    assert [h.id for h in engine.search(SearchRequest(q="kalimantan")).results] == ["kalimantan"]
    (fresh.corpus / "kalimantan.txt").unlink()
    build_index(fresh, rebuild=True)
    assert engine.search(SearchRequest(q="kalimantan")).total == 0
    assert engine.search(SearchRequest(q="nato")).total == 5


def test_killed_rebuild_leaves_the_previous_index_searchable(fresh, tmp_path):
    build_index(fresh)
    before = current_generation(fresh.index)
    words = ["pasukan", "serangan", "ekonomi", "pemerintah", "pelabuhan", "banjir", "kebijakan", "warga"]
    with open(fresh.corpus / "many.jsonl", "w", encoding="utf-8") as out:
        for n in range(4000):
            body = " ".join(words[(n + k) % len(words)] + str(k % 50) for k in range(400))
            out.write(json.dumps({"id": f"m{n}", "body": body}) + "\n")
    command = [sys.executable, "-m", "searchapp.cli", "index", "--rebuild", "--config",
               str(fresh.config_path), "--corpus", str(fresh.corpus), "--index", str(fresh.index)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(fresh.index.glob("gen-*/*.seg")) \
            and len(list(fresh.index.glob("gen-*"))) < 2:
        time.sleep(0.05)
    time.sleep(0.5)
    assert process.poll() is None, "the rebuild finished before it could be interrupted"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert current_generation(fresh.index) == before
    engine = SearchEngine(fresh)
    assert engine.search(SearchRequest(q="nato")).total == 5
    # and the next run recovers: the lock died with the process
    (fresh.corpus / "many.jsonl").unlink()
    assert build_index(fresh).unchanged == 9


def test_cli_index_and_search(fresh, capsys):
    from searchapp.cli import main

    args = ["--config", str(fresh.config_path), "--corpus", str(fresh.corpus), "--index", str(fresh.index)]
    assert main(["index", *args]) == 0
    out = capsys.readouterr().out
    assert "9 added" in out and "docs/s" in out
    assert main(["search", "nato", "--outlet", "kontan", *args]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 articles") and "[000_66b54ca74a6c5a55] Kontan" in out and "*NATO*" in out
    assert main(["search", "nato", "--json", *args]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 5
    assert main(["search", "nato", "--page", "0", *args]) == 2
    assert "'page' must be between 1 and 1000" in capsys.readouterr().err


def test_cli_config_error_is_one_clear_line(tmp_path, capsys):
    from searchapp.cli import main

    bad = tmp_path / "bad.yaml"
    bad.write_text("server:\n  port: [\n", encoding="utf-8")
    assert main(["index", "--config", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"searchapp: error: {bad}: invalid YAML") and "Traceback" not in err


def test_parallel_segment_writers_match_the_serial_build(fresh, tmp_path):
    """Two worker processes, each writing a segment from a posting pool of 1 MB (postings past it go to
    sorted runs, merged when the segment is written): same documents and search results as one process,
    and incremental runs (updates, deletions) work across their segments."""
    from conftest import make_settings

    with open(fresh.corpus / "many.jsonl", "w", encoding="utf-8") as out:
        for n in range(300):
            filler = " ".join(f"kata{n}x{k}" for k in range(60))  # postings enough to overflow a 1 MB pool
            out.write(json.dumps({"id": f"p{n}", "body": f"Berita nomor {n}: pasukan NATO dan warga {n % 7}. "
                                                         f"{filler}"}) + "\n")
    serial = build_index(fresh)
    parallel_settings = make_settings(fresh.corpus, tmp_path / "parallel-index",
                                      **{"indexing.workers": 2, "indexing.writer_mb": 1})
    parallel = build_index(parallel_settings)
    assert (parallel.added, serial.added) == (309, 309)
    index = open_index(parallel_settings.index)
    assert len(index._segments()) >= 2  # one per worker
    assert doc_ids(parallel_settings) == doc_ids(fresh)
    def everything(settings, q):
        engine = SearchEngine(settings)
        hits = [h for page in range(1, 5) for h in engine.search(SearchRequest(q=q, per_page=100, page=page)).results]
        return sorted((h.id, round(h.score, 6)) for h in hits)

    for q in ("nato", "warga", "serangan", "pasukan -nato"):
        assert everything(parallel_settings, q) == everything(fresh, q)

    lines = (fresh.corpus / "many.jsonl").read_text(encoding="utf-8").splitlines()
    lines[0] = json.dumps({"id": "p0", "body": "Berita yang diperbarui tentang gempa."})
    (fresh.corpus / "many.jsonl").write_text("\n".join(lines[:-100]) + "\n", encoding="utf-8")
    extra = [json.dumps({"id": f"q{n}", "body": f"Kabar tambahan {n} tentang banjir."}) for n in range(80)]
    (fresh.corpus / "more.jsonl").write_text("\n".join(extra) + "\n", encoding="utf-8")
    report = build_index(parallel_settings)
    assert (report.added, report.updated, report.deleted) == (80, 1, 100)
    engine = SearchEngine(parallel_settings)
    assert [h.id for h in engine.search(SearchRequest(q="gempa")).results] == ["p0"]
    assert engine.search(SearchRequest(q="banjir")).total == 80
    assert engine.search(SearchRequest(q="berita nomor")).total == 199
    assert len(doc_ids(parallel_settings)) == 309 - 100 + 80


def test_an_outlet_named_like_nothing_is_no_outlet(fresh):
    (fresh.corpus / "odd.jsonl").write_text(
        json.dumps({"id": "odd", "body": "Berita NATO tanpa media.", "outlet": "???"}) + "\n"
        + json.dumps({"id": "odd2", "body": "Berita NATO lain.", "outlet": "unknown"}) + "\n", encoding="utf-8")
    build_index(fresh)
    engine = SearchEngine(fresh)
    result = engine.search(SearchRequest(q="nato"))
    unknown = [v for v in result.facets.outlet if v.value == "unknown"]  # no outlet: not an outlet slugged "unknown"
    assert [(v.label, v.count) for v in unknown] == [("Outlet tidak diketahui", result.facets.unknown_outlet)]
    assert result.facets.unknown_outlet >= 2
    assert {"odd", "odd2"} <= {h.id for h in engine.search(SearchRequest(outlets=("unknown",), per_page=50)).results}


def test_people_counts_are_of_live_articles(fresh):
    build_index(fresh)
    (fresh.corpus / "004_54ce74dbc7c0aa92.txt").unlink()  # the one article naming Joe Biden
    build_index(fresh)
    engine = SearchEngine(fresh)
    assert [p["name"] for p in engine.people("biden")] == []
    assert engine.people("stol") == [{"name": "Jens Stoltenberg", "count": 4}]


def test_collected_day_bounds_the_date_read_from_the_text(fresh):
    """An archived article's weekday date is placed no later than the day it was collected, not today."""
    body = "Presiden Joko Widodo meresmikan jalan tol baru di Jawa Tengah, Rabu (6/9). Jalan itu panjang."
    records = [{"id": "arsip", "body": body, "collected": "2017-09-08"}, {"id": "kini", "body": body}]
    (fresh.corpus / "arsip.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    build_index(fresh, today=dt.date(2026, 11, 25))
    engine = SearchEngine(fresh)
    dates = {hit.id: hit.date for hit in engine.search(SearchRequest(q="tol", collapse=False)).results}
    assert {k: str(v) for k, v in dates.items()} == {"arsip": "2017-09-06", "kini": "2023-09-06"}


def _ids(settings, q):
    engine = SearchEngine(settings)
    return sorted(hit.id for hit in engine.search(SearchRequest(q=q, per_page=50)).results)


def test_one_article_per_url_the_newest_version_wins(fresh):
    first = {"id": "crawl1/7", "body": "Harga cabai rawit naik di Pasar Induk.", "date": "2025-06-18T10:00:00+07:00",
             "url": "https://www.detik.com/finance/d-7/harga-cabai?utm_source=rss"}
    edited = {**first, "id": "crawl2/3", "body": "Harga cabai rawit naik lagi di Pasar Induk, kata pedagang.",
              "date": "2025-06-18T12:30:00+07:00", "url": "http://m.detik.com/finance/d-7/harga-cabai/"}
    (fresh.corpus / "crawl2.jsonl").write_text(json.dumps(edited) + "\n", encoding="utf-8")
    (fresh.corpus / "crawl1.jsonl").write_text(json.dumps(first) + "\n", encoding="utf-8")  # read first, older
    report = build_index(fresh)
    assert report.replaced == 1 and "1 older versions left out" in report.summary()
    assert _ids(fresh, "cabai") == ["crawl2/3"]
    # a newer re-crawl arrives later: it replaces the indexed version, which is deleted
    newest = {**first, "id": "crawl3/1", "body": "Harga cabai rawit turun di Pasar Induk.",
              "date": "2025-06-19T08:00:00+07:00"}
    (fresh.corpus / "crawl3.jsonl").write_text(json.dumps(newest) + "\n", encoding="utf-8")
    report = build_index(fresh)
    assert report.replaced == 2 and report.added == 1 and report.deleted == 1
    assert _ids(fresh, "cabai") == ["crawl3/1"]
    assert build_index(fresh).written == 0  # stable: nothing to do on the next run


def test_the_same_id_twice_keeps_the_later_version(fresh):
    (fresh.corpus / "a.jsonl").write_text(json.dumps({"id": "x1", "body": "Versi pertama tentang gempa."}) + "\n",
                                          encoding="utf-8")
    (fresh.corpus / "b.jsonl").write_text(json.dumps({"id": "x1", "body": "Versi kedua tentang gempa."}) + "\n",
                                          encoding="utf-8")
    report = build_index(fresh)
    assert report.replaced == 1 and not [s for s in report.skipped if "x1" in str(s)]
    engine = SearchEngine(fresh)
    assert "kedua" in engine.document("x1")["body"]


def test_an_index_of_an_earlier_version_is_rebuilt(fresh):
    """An index written before fields were added (here without the fingerprint) is rebuilt, not updated
    with documents its schema cannot hold."""
    import whoosh.index

    from searchapp.index.generations import publish
    from searchapp.index.schema import build_schema

    schema = build_schema(fresh)
    schema.remove("fingerprint")
    generation = fresh.index / "gen-earlier"
    generation.mkdir(parents=True)
    whoosh.index.create_in(str(generation), schema)
    publish(fresh.index, generation)
    report = build_index(fresh)
    assert report.rebuilt and any("lacks fields searchapp writes" in w for w in report.warnings)
    assert SearchEngine(fresh).search(SearchRequest(q="nato")).total == 5


def test_an_index_analysed_otherwise_is_rebuilt_not_mixed(fresh):
    """An index whose words were analysed by another chain (here: function words dropped, as before every
    word was indexed; or stemming switched off) is rebuilt, so that old and new articles match alike."""
    from dataclasses import replace

    from whoosh.analysis import StopFilter

    from searchapp.index.generations import open_index

    build_index(fresh)
    assert not build_index(fresh).rebuilt  # the same analysis: an incremental run
    unstemmed = build_index(replace(fresh, stemming=False))
    assert unstemmed.rebuilt and any("text analysis changed" in w for w in unstemmed.warnings)
    assert not any(isinstance(item, StopFilter) for item in open_index(fresh.index).schema["body"].analyzer.items)
    assert build_index(fresh).rebuilt  # and back


def test_a_segment_worker_collects_cycles_every_so_many_articles(fresh, tmp_path, monkeypatch):
    """The collector is off in a worker (it walked the growing pool of postings again and again) and is
    run once every `COLLECT_EVERY` articles, so the few cycles a worker makes cannot pile up."""
    import queue

    import whoosh.index

    from searchapp.documents import DocumentContext
    from searchapp.index import parallel
    from searchapp.index.schema import build_schema
    from searchapp.ingest.corpus import Article, read_corpus

    class Collector:
        def __init__(self):
            self.disabled, self.collections = False, 0

        def disable(self):
            self.disabled = True

        def collect(self):
            self.collections += 1

    collector = Collector()
    monkeypatch.setattr(parallel, "gc", collector)
    monkeypatch.setattr(parallel, "COLLECT_EVERY", 3)
    monkeypatch.setattr(parallel, "_exit_when_orphaned", lambda parent: None)  # no watcher in pytest's process
    (tmp_path / "segment").mkdir()
    whoosh.index.create_in(str(tmp_path / "segment"), build_schema(fresh))
    articles = [item for item in read_corpus(fresh.corpus) if isinstance(item, Article)]
    assert len(articles) >= 8
    jobs, results = queue.Queue(), queue.Queue()
    for start in range(0, 8, 2):  # batches of 2: 2, 4, 6, 8 articles done, a multiple of 3 passed at 4 and 6
        jobs.put(articles[start:start + 2])
    jobs.put(None)
    parallel._segment_worker(DocumentContext(fresh, dt.date(2024, 1, 1)), str(tmp_path / "segment"), "MAIN",
                             1, jobs, results, os.getppid())
    messages = [results.get_nowait() for _ in range(results.qsize())]
    assert [m[0] for m in messages] == ["progress"] * 4 + ["segment"]
    assert collector.disabled and collector.collections == 2
