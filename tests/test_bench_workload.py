"""The bench's query mix: the kinds of query it times, made from the corpus it is given."""

import re
from itertools import product

from searchapp.bench.workload import query_mix

# 2,600 distinct made-up words, so that every frequency band of the mix has words
VOCABULARY = ["".join(letters) + "an" for letters in product("bcdfghjklmnprstwyz", "aiueo", "bcdgklmnprst")]


def article(n: int) -> dict:
    body = " ".join(VOCABULARY[(n * 37 + k * k) % len(VOCABULARY)] for k in range(300))
    return {"id": f"a{n}", "title": f"Harga cabai di pasar naik untuk pekan ke-{n} kata pedagang",
            "body": body, "outlet": "kompas" if n % 2 else "detik"}


ARTICLES = [article(n) for n in range(60)]


def test_query_mix_has_every_kind_and_typed_queries_keep_function_words():
    queries = query_mix(ARTICLES, frozenset({"untuk", "kata"}), count=120, seed=3)
    assert {q.kind for q in queries} == {"common", "mid", "rare", "pair", "phrase", "typed"}
    typed = [q.text.split() for q in queries if q.kind == "typed"]
    assert all(len(words) == 3 and len(set(words)) == 3 for words in typed)
    title_words = {"harga", "cabai", "pasar", "naik", "untuk", "pekan", "kata", "pedagang"}
    assert all(set(words) <= title_words for words in typed)
    assert any("untuk" in words or "kata" in words for words in typed)  # stopwords are typed too
    assert not any(w in ("untuk", "kata") for q in queries if q.kind != "typed" for w in q.text.strip('"').split())


def test_http_load_while_indexing_counts_errors_and_sees_new_articles(tmp_path):
    import subprocess
    import sys

    from conftest import REPO

    command = [sys.executable, "-m", "searchapp.cli", "bench", "--corpus", str(REPO / "corpus"), "--no-peers",
               "--http", "--seconds", "3", "--clients", "2", "--queries", "20", "--while-indexing", "add",
               "--rounds", "2", "--attackers", "1", "--exporters", "1"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=240, cwd=REPO)
    assert result.returncode == 0, result.stderr[-2000:]
    out = result.stdout
    failed = [line for line in out.splitlines() if re.search(r"[1-9]\d* errors", line)]
    assert not failed, out[-4000:]  # each line names what failed ("3 errors (2× HTTP 500 /cari)"), then the traceback
    assert out.count(" 0 errors") == 4 and "round 2:" in out and "added 200 articles" in out  # + attacked, exporting
    assert "searchable" in out and "nan" not in out
    assert re.search(r"the run's steps: versions [\d.]+ s, write [\d.]+ s, vocabulary [\d.]+ s, stories [\d.]+ s", out)
    assert re.search(r"per article, one process, 4 articles after 1 to warm up \(ms\): reading [\d.]+, ", out), out
    costly = [row for row in out.splitlines() if row.startswith("| ") and ("(page)" in row or "(API)" in row)]
    assert len(costly) >= 20 and all(" | 200 | " in row for row in costly), costly  # within the caps: answered
    assert "With 1 clients looping over them" in out
    exported = re.search(r"An export of every article alone: (\d+) rows.*\((\d+) exports ended\)", out)
    assert exported and int(exported.group(1)) == 205 and int(exported.group(2)) >= 1, out[-600:]  # 5 + 200 added


def test_an_exports_outlet_host_becomes_the_slug_searchapp_filters_by(tmp_path):
    from conftest import make_settings

    from searchapp.bench.workload import load_articles
    from searchapp.extract.outlet import OutletTable

    export = tmp_path / "ekspor" / "kapanlagi.csv"
    export.parent.mkdir()
    export.write_text("judul,isi,sumber,tanggal\nPemain baru,Isi berita tentang pemain baru hari ini.,"
                      "kapanlagi.com,2019-09-10\nDebut,Isi berita debut.,kompas.com,2019-09-11\n", encoding="utf-8")
    settings = make_settings(tmp_path / "corpus", tmp_path / "index")
    records = load_articles(export.parent, settings)
    table = OutletTable.load(settings.outlets_file)
    assert [r["outlet"] for r in records] == [table.resolve("kapanlagi.com")[0], table.resolve("kompas.com")[0]]
    assert all(r["outlet"] and "." not in r["outlet"] for r in records)  # slugs, not the hosts as stated


def test_bench_times_the_monitoring_requests_over_the_query_mix():
    import subprocess
    import sys

    from conftest import REPO

    command = [sys.executable, "-m", "searchapp.cli", "bench", "--corpus", str(REPO / "corpus"), "--no-peers",
               "--monitoring", "--queries", "20"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=240, cwd=REPO)
    assert result.returncode == 0, result.stderr[-2000:]
    rows = [line for line in result.stdout.splitlines() if line.startswith("| ") and " ms" not in line]
    kinds = [row.split(" | ")[0].strip("| ") for row in rows]
    assert kinds[:4] == ["search", "search + chart", "timeline", "significant words"], kinds
    assert all(row.endswith("× |") for row in rows[:4])


def test_a_killed_bench_leaves_no_server_behind():
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    from conftest import REPO

    def children(pid: int) -> list[int]:
        found = Path(f"/proc/{pid}/task/{pid}/children")
        return [int(p) for p in found.read_text().split()] if found.exists() else []

    def running(pid: int) -> bool:
        stat = Path(f"/proc/{pid}/stat")
        try:
            return stat.read_text().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has ended
        except (FileNotFoundError, ProcessLookupError):
            return False

    command = [sys.executable, "-m", "searchapp.cli", "bench", "--corpus", str(REPO / "corpus"), "--no-peers",
               "--http", "--seconds", "120", "--clients", "1", "--queries", "20"]
    bench = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO)
    try:
        deadline = time.monotonic() + 120
        server = []
        while not server and time.monotonic() < deadline and bench.poll() is None:
            server = [p for p in children(bench.pid) if b"serve" in Path(f"/proc/{p}/cmdline").read_bytes()]
            time.sleep(0.2)
        assert server, "the bench never started its server"
        while len(children(server[0])) < 1 and time.monotonic() < deadline:
            time.sleep(0.2)  # its workers
        processes = server + children(server[0])
        bench.send_signal(signal.SIGKILL)
        bench.wait(timeout=10)
        deadline = time.monotonic() + 40
        while any(map(running, processes)) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [p for p in processes if running(p)]
    finally:
        if bench.poll() is None:
            bench.kill()
