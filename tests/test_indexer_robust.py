"""The indexer under bad input, interruption and kill: one bad file costs that file, a run always ends,
and nothing it started outlives it (workers, lock)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO, make_settings

from searchapp.errors import IndexLockedError
from searchapp.index.writer import build_index
from searchapp.search.engine import WhooshEngine
from searchapp.search.request import SearchRequest

BODY = "Harga beras di pasar induk naik lagi pekan ini menurut pedagang setempat. " * 8


def good_articles(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "good.jsonl", "w", encoding="utf-8") as handle:
        for n in range(count):
            record = {"id": f"good-{n}", "title": f"Berita baik {n}", "body": f"{BODY} nomor{n}"}
            handle.write(json.dumps(record) + "\n")


BAD_FILES = {
    "tanggal-mustahil.md": "---\ntitle: Satu\ndate: 2017-02-30\n---\n" + BODY,
    "bulan-13.md": "---\ntitle: Dua\ndate: 2017-13-45\n---\n" + BODY,
    "dikumpulkan.md": "---\ntitle: Tiga\ncollected: 2017-02-29\n---\n" + BODY,
    "bersarang.json": "[" * 100_000 + "]" * 100_000,
    "angka-raksasa.json": '{"id": "angka", "body": "' + BODY + '", "title": ' + "9" * 5000 + "}",
}


@pytest.fixture()
def messy(tmp_path):
    corpus = tmp_path / "corpus"
    good_articles(corpus, 120)  # enough for the parallel writers
    for name, text in BAD_FILES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    (corpus / "surrogat.jsonl").write_text(json.dumps({"id": "surrogat", "title": "Judul \ud800 rusak",
                                                       "body": BODY + " \udfff"}) + "\n", encoding="utf-8")
    (corpus / os.fsdecode(b"nama-\xff\xfe.txt")).write_text("Nama berkas bukan UTF-8. " + BODY, encoding="utf-8")
    return make_settings(corpus, tmp_path / "index", **{"indexing.workers": 2})


def test_each_bad_file_is_reported_and_every_good_article_indexed(messy):
    report = build_index(messy)
    reasons = {item.source.split("#")[0]: item.reason for item in report.skipped}
    assert set(reasons) == set(BAD_FILES)
    assert "cannot be read" in reasons["tanggal-mustahil.md"] and "bulan-13.md" in reasons
    assert "cannot be read" in reasons["bersarang.json"] and "cannot be read" in reasons["angka-raksasa.json"]
    assert report.added == 122  # 120 good articles, the lone surrogates replaced, the odd file name kept
    engine = WhooshEngine(messy)
    assert engine.search(SearchRequest(q="beras")).total == 122
    hit = engine.search(SearchRequest(q="rusak")).results[0]
    assert hit.id == "surrogat" and "\ufffd" in hit.title_html
    assert engine.search(SearchRequest(q="berkas")).total == 1


def big_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    good_articles(corpus, 4000)
    return corpus


def start_indexer(tmp_path: Path, corpus: Path) -> subprocess.Popen:
    environment = {**os.environ, "SEARCHAPP_CORPUS": str(corpus), "SEARCHAPP_INDEX": str(tmp_path / "index"),
                   "SEARCHAPP_INDEXING_WORKERS": "2", "PYTHONPATH": str(REPO)}
    process = subprocess.Popen([sys.executable, "-m", "searchapp.cli", "index", "--rebuild"], env=environment,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               # as from a terminal: a shell's background job (CI, nohup … &) ignores Ctrl+C
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(children(process.pid)) < 2:
        time.sleep(0.1)  # until both workers are running
    assert len(children(process.pid)) == 2, process.stderr.read() if process.poll() is not None else ""
    return process


def children(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    return [int(child) for child in found]


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as handle:  # a zombie (exited, not yet reaped) is not alive
        return handle.read().split(")")[-1].split()[0] != "Z"


def wait_until(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def test_ctrl_c_ends_a_parallel_run_and_its_workers(tmp_path):
    process = start_indexer(tmp_path, big_corpus(tmp_path))
    workers = children(process.pid)
    with open(f"/proc/{process.pid}/status") as handle:  # what the indexer does with signals, should it fail
        signals = [line.strip() for line in handle if line.startswith(("SigBlk", "SigIgn"))]
    process.send_signal(signal.SIGINT)
    try:
        code = process.wait(timeout=20)  # it ends (it used to wait forever on its queues) …
        assert code != 0, (signals, process.stderr.read()[-2000:])  # … saying it was interrupted
    finally:
        process.kill()
    assert wait_until(lambda: not any(alive(w) for w in workers), 10)
    assert "interrupted" in process.stderr.read().lower()


def test_kill_9_leaves_no_worker_and_no_lock(tmp_path):
    corpus = big_corpus(tmp_path)
    process = start_indexer(tmp_path, corpus)
    workers = children(process.pid)
    process.kill()
    process.wait(timeout=10)
    assert wait_until(lambda: not any(alive(w) for w in workers), 10)  # orphans notice and exit
    settings = make_settings(corpus, tmp_path / "index", **{"indexing.workers": 2})
    assert build_index(settings).added == 4000  # the lock died with its indexer: the next run completes


def test_a_held_lock_names_its_process(tmp_path):
    root = tmp_path / "index"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from pathlib import Path; from searchapp.index.generations import indexer_lock\n"
        f"with indexer_lock(Path({str(root)!r})):\n    print('held', flush=True); time.sleep(60)")],
        env={**os.environ, "PYTHONPATH": str(REPO)}, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        settings = make_settings(tmp_path / "corpus", root)
        good_articles(tmp_path / "corpus", 3)
        with pytest.raises(IndexLockedError, match=f"process {holder.pid}"):
            build_index(settings)
    finally:
        holder.kill()
        holder.wait()
    assert build_index(settings).added == 3  # its holder killed, the lock is free at once


def test_a_closed_pipe_ends_the_cli_quietly(built, monkeypatch, capsys):
    """`searchapp search … | head`: the reader closed the pipe; the command ends without a traceback."""
    from searchapp.cli import main

    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone
    monkeypatch.setattr(sys, "stdout", os.fdopen(write_end, "w", buffering=1))
    status = main(["search", "nato", "--json", "--corpus", str(built.corpus), "--index", str(built.index)])
    assert status == 0


def foreign_index(generation) -> None:
    """The generation's files replaced by a Whoosh index of another schema (another program's, or a
    version of searchapp that stored other fields)."""
    import shutil

    import whoosh.index
    from whoosh.fields import ID, Schema

    for path in generation.iterdir():
        path.unlink() if path.is_file() else shutil.rmtree(path)
    index = whoosh.index.create_in(str(generation), Schema(key=ID(stored=True)))
    with index.writer() as writer:
        writer.add_document(key="x")


@pytest.mark.parametrize("damage", ["truncated segment", "truncated table of contents", "missing table of contents",
                                    "another schema"])
def test_a_damaged_index_is_one_clear_message_everywhere(tmp_path, damage, capsys):
    from searchapp.cli import main
    from searchapp.index.generations import current_generation
    from searchapp.web.app import create_app

    corpus = tmp_path / "corpus"
    good_articles(corpus, 5)
    settings = make_settings(corpus, tmp_path / "index")
    build_index(settings)
    generation = current_generation(tmp_path / "index")
    targets = list(generation.glob("*.pst")) + list(generation.glob("*.trm")) if damage == "truncated segment" \
        else list(generation.glob("*.toc"))
    for path in targets:
        if damage == "missing table of contents":
            path.unlink()
        elif damage != "another schema":
            os.truncate(path, 10)
    if damage == "another schema":
        foreign_index(generation)
    client = create_app(settings).test_client()
    api = client.get("/api/search?q=beras")
    assert api.status_code == 503 and api.get_json()["error"]["code"] == "index_unreadable"
    assert "searchapp index --rebuild" in api.get_json()["error"]["message"]
    assert client.get("/api/health").get_json()["status"] == "index unreadable"
    page = client.get("/cari?q=beras")
    assert page.status_code == 503 and "searchapp index --rebuild" in page.data.decode()
    flags = ["--corpus", str(corpus), "--index", str(tmp_path / "index")]
    commands = [["search", "beras"]] + ([["index"]] if damage != "another schema" else [])
    for command in commands:  # an incremental run cannot mend damaged files either
        assert main([*command, *flags]) == 2
        error = capsys.readouterr().err
        assert error.count("\n") == 1 and "searchapp index --rebuild" in error and "Traceback" not in error
    if damage == "another schema":  # another schema's index is rebuilt by the next run, saying so
        assert main(["index", *flags]) == 0 and "lacks fields searchapp writes" in capsys.readouterr().out
    assert main(["index", "--rebuild", *flags]) == 0 and main(["search", "beras", *flags]) == 0


def test_a_half_written_generation_of_a_killed_rebuild_is_removed_by_the_next_run(tmp_path):
    from searchapp.index.generations import current_generation

    corpus = tmp_path / "corpus"
    good_articles(corpus, 5)
    settings = make_settings(corpus, tmp_path / "index")
    build_index(settings)
    live = current_generation(tmp_path / "index")
    half = tmp_path / "index" / "gen-20260101000000-abcd1234"
    half.mkdir()
    (half / "MAIN_x.pst").write_bytes(b"\0" * 1000)  # as a rebuild killed before it was published
    report = build_index(settings)
    assert not half.exists() and current_generation(tmp_path / "index") == live
    assert any("half-written" in warning for warning in report.warnings)
    build_index(settings, rebuild=True)
    assert live.exists() and sorted(p.name for p in (tmp_path / "index").glob("gen-*")) == sorted(
        [live.name, current_generation(tmp_path / "index").name])  # the previous generation stays for readers


def test_a_rebuild_killed_between_its_commit_and_publishing_is_removed_but_an_older_legacy_one_is_kept(tmp_path):
    from searchapp.index.generations import current_generation

    corpus, root = tmp_path / "corpus", tmp_path / "index"
    good_articles(corpus, 5)
    settings = make_settings(corpus, root)
    build_index(settings)
    live = current_generation(root)
    committed = root / "gen-29991231235959-killed00"  # begun after the live one, committed, never published
    legacy = root / "gen-20000101000000-legacy00"  # published before generations were marked
    for generation in (committed, legacy):
        generation.mkdir()
        (generation / "_MAIN_1.toc").write_bytes(b"\0" * 100)
    build_index(settings)
    assert not committed.exists() and legacy.exists() and current_generation(root) == live


def test_an_updated_article_that_cannot_be_analysed_keeps_its_old_version(tmp_path, monkeypatch):
    from searchapp.documents import DocumentBuilder

    corpus = tmp_path / "corpus"
    good_articles(corpus, 120)
    settings = make_settings(corpus, tmp_path / "index", **{"indexing.workers": 2})
    build_index(settings)
    lines = (corpus / "good.jsonl").read_text(encoding="utf-8").splitlines()
    changed = json.loads(lines[5])
    changed["body"] += " versi baru yang rusak"  # an update that cannot be analysed …
    lines[5] = json.dumps(changed)
    lines += [json.dumps({"id": f"baru-{n}", "title": f"Baru {n}", "body": f"{BODY} baru{n}"})
              for n in range(70)]  # … among enough new articles for the parallel writers
    (corpus / "good.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    original = DocumentBuilder.document

    def broken(self, article):
        if "rusak" in article.body:
            raise ValueError("cannot be analysed")
        return original(self, article)

    monkeypatch.setattr(DocumentBuilder, "document", broken)  # the forked workers inherit it
    report = build_index(settings)
    assert (report.added, report.updated) == (70, 0)
    assert [item.reason.split(" (")[0] for item in report.skipped] == ["could not be analysed"]
    engine = WhooshEngine(settings)
    assert engine.search(SearchRequest(q="nomor5")).total == 1 and engine.search(SearchRequest(q="beras")).total == 190


def test_a_pipe_broken_while_an_interrupted_run_lets_go_is_still_an_interruption(monkeypatch, capsys):
    """Ctrl+C during a parallel run, then a worker's pipe breaks on the way out: exit 130, never 0."""
    import argparse

    from searchapp import cli

    def run(_args):
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt:
            raise BrokenPipeError(32, "Broken pipe") from None

    parser = argparse.ArgumentParser()
    parser.set_defaults(run=run)
    monkeypatch.setattr(cli, "build_parser", lambda: parser)
    assert cli.main([]) == 130 and "interrupted" in capsys.readouterr().err
