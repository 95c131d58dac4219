"""Ingestion at scale: 1,000 article files with 5% deliberately broken ones. Every good article is indexed,
every bad file reported with its reason, in bounded memory (the indexer's peak RSS is reported)."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys

from conftest import REPO

BODY = "Petani di Karawang memanen padi lebih awal karena khawatir banjir datang lagi pekan depan. " * 6

BROKEN = {  # file name → its bytes (or a kind that is made below), 50 in all
    **{f"latin1-{n}.txt": ("Harga cabai naik " * 20 + "\xe9\xe8").encode("latin-1") for n in range(8)},
    **{f"biner-{n}.txt": bytes(range(256)) * 8 for n in range(8)},
    **{f"terpotong-{n}.json": b'{"id": "x", "body": "terpotong di tengah' for n in range(8)},
    **{f"kosong-{n}.md": b"" for n in range(8)},
    **{f"tanggal-{n}.md": f"---\ndate: 2017-02-{30 + n % 2}\n---\n{BODY}".encode() for n in range(8)},
    **{f"bersarang-{n}.json": b"[" * 50_000 + b"]" * 50_000 for n in range(6)},
    "raksasa.txt": "huge",  # over the 50 MiB limit
    "putar.txt": "loop",  # a link to itself
    "pipa.txt": "fifo",
    "keluar.txt": "outside",  # a link out of the corpus
}


def test_1000_files_with_5_percent_broken(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(950):
        folder = corpus / f"bagian-{n // 100}"
        folder.mkdir(exist_ok=True)
        (folder / f"berita-{n}.json").write_text(
            json.dumps({"id": f"berita-{n}", "title": f"Panen {n}", "body": f"{BODY} Catatan {n}."}), encoding="utf-8")
    for name, content in BROKEN.items():
        path = corpus / name
        if content == "huge":
            with open(path, "wb") as handle:
                handle.truncate(51 * 2**20)  # sparse: 51 MiB without writing them
        elif content == "loop":
            path.symlink_to(path)
        elif content == "fifo":
            os.mkfifo(path)
        elif content == "outside":
            (tmp_path / "rahasia.txt").write_text(BODY, encoding="utf-8")
            path.symlink_to(tmp_path / "rahasia.txt")
        else:
            path.write_bytes(content)
    assert len(BROKEN) == 50
    environment = {**os.environ, "PYTHONPATH": str(REPO), "SEARCHAPP_CORPUS": str(corpus),
                   "SEARCHAPP_INDEX": str(tmp_path / "index"), "SEARCHAPP_INDEXING_WORKERS": "2"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = subprocess.run([sys.executable, "-m", "searchapp.cli", "index"], env=environment,
                            capture_output=True, text=True, timeout=600)
    peak_mb = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    assert result.returncode == 0, result.stderr[-3000:]
    report = result.stderr + result.stdout
    assert "950 added" in report and "50 skipped" in report, report[-3000:]
    for name in BROKEN:
        assert name in report, name  # each bad file named, with its reason
    for reason in ("not valid UTF-8", "binary", "not valid JSON", "empty file", "cannot be read",
                   "larger than", "loop", "not a regular file", "out of the corpus"):
        assert reason in report, reason
    print(f"indexer peak RSS {peak_mb:.0f} MB for 1,000 files")
    assert peak_mb < 1000
