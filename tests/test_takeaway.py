"""Taking results away: every search as an Atom feed (read by a real feed parser), as a complete CSV or
JSON Lines export (exactly the search's articles, in its order), and walked to the end by cursor."""

import csv
import datetime as dt
import io
import json

import feedparser
import pytest
from conftest import client_over, make_settings

from searchapp.index.writer import build_index


def article(n: int) -> dict:
    words = "banjir bandang" if n % 3 else "harga cabai"
    record = {"id": f"a{n}", "title": f"Berita {words} <{n}> & lainnya", "body": f"Laporan {words} nomor {n}. " * 6,
              "outlet": "kontan" if n % 2 else "kompas-tv", "url": f"https://contoh.id/{n}",
              "people": ["Joko Widodo"] if n % 4 == 0 else []}
    if n % 7:
        record["date"] = (dt.date(2025, 1, 1) + dt.timedelta(days=n)).isoformat()
        if n % 5 == 0:
            record["date"] += f"T{n % 24:02d}:05:00+07:00"  # a stated time of day
    return record


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    return client_over(tmp_path_factory.mktemp("takeaway"), [article(n) for n in range(150)])


def test_every_search_is_a_valid_atom_feed_of_its_newest_articles(client):
    response = client.get("/cari.atom?q=banjir&outlet=kontan")
    assert response.status_code == 200 and response.mimetype == "application/atom+xml"
    feed = feedparser.parse(response.data)
    assert not feed.bozo, feed.bozo_exception
    search = client.get("/api/search?q=banjir&outlet=kontan&sort=newest&per_page=50").get_json()
    assert [e.link.rsplit("/", 1)[1] for e in feed.entries] == [h["id"] for h in search["results"]]
    first = feed.entries[0]
    assert first.title == search["results"][0]["title"] and "<" in first.title  # escaped, read back as written
    assert any(link.rel == "related" and link.href.startswith("https://contoh.id/") for link in first.links)
    assert first.published.startswith(search["results"][0]["date"]) and first.author == "Kontan"
    timed = [(entry, hit) for entry, hit in zip(feed.entries, search["results"], strict=True) if hit["published_at"]]
    assert timed and all(entry.published == hit["published_at"] for entry, hit in timed)  # the moment, not midnight
    assert {entry.published[11:16] for entry, _hit in timed} != {"00:00"}
    assert "banjir" in first.summary.lower()
    assert "&lt;mark&gt;banjir&lt;/mark&gt;" in response.get_data(as_text=True)  # the match marked in the HTML summary
    page = client.get("/cari?q=banjir&outlet=kontan").get_data(as_text=True)
    assert 'type="application/atom+xml"' in page and ">Langganan (Atom)</a>" in page
    assert 'href="/api/export?q=banjir&amp;outlet=kontan" download>Unduh CSV' in page
    assert client.get("/cari.atom?page=x").status_code == 400


def test_an_export_holds_exactly_the_searchs_articles_in_its_order(client):
    for query in ("q=banjir", "q=cabai&sort=newest", "q=&outlet=kompas-tv&sort=oldest", "q=banjir&person=joko"):
        total = client.get(f"/api/search?{query}").get_json()["total"]
        ids = []
        page = 1
        while True:
            data = client.get(f"/api/search?{query}&collapse=false&per_page=100&page={page}").get_json()
            ids += [h["id"] for h in data["results"] if not h["partial"]]
            if page >= data["pages"]:
                break
            page += 1
        exported = client.get(f"/api/export?{query}")
        assert exported.status_code == 200 and exported.headers["X-Total-Count"] == str(total)
        assert exported.get_data().startswith("\ufeffid,title".encode())  # marked UTF-8, for a spreadsheet
        rows = list(csv.DictReader(io.StringIO(exported.get_data().decode("utf-8-sig"))))
        assert [r["id"] for r in rows] == ids and len(rows) == total
        lines = client.get(f"/api/export?format=jsonl&{query}").get_data(as_text=True).splitlines()
        assert [json.loads(line)["id"] for line in lines] == ids
    row = json.loads(client.get("/api/export?format=jsonl&q=banjir&person=joko").get_data(as_text=True).split("\n")[0])
    assert row["people"] == ["Joko Widodo"] and row["url"].startswith("https://") and "banjir" in row["snippet"].lower()
    every = [json.loads(line) for line in client.get("/api/export?format=jsonl&q=").get_data(as_text=True).splitlines()]
    timed = [row for row in every if row["published"]]  # the moment in WIB, on the row's day (not UTC's)
    assert timed and all(row["published"].startswith(row["date"]) and row["published"].endswith("+07:00")
                         for row in timed)


def test_an_export_over_the_ceiling_is_a_400_saying_how_to_narrow_it(client, monkeypatch):
    from searchapp.web import api

    monkeypatch.setattr(api, "EXPORT_LIMIT", 10)
    response = client.get("/api/export?q=banjir")
    error = response.get_json()["error"]
    assert response.status_code == 400 and error["code"] == "too_many_rows" and error["total"] == 100
    assert "from, to" in error["message"]
    assert client.get("/api/export?format=xml").status_code == 400


def test_a_cursor_walks_every_result_past_the_page_wall_and_expires_when_the_index_changes(tmp_path):
    client = client_over(tmp_path, [article(n) for n in range(150)])
    data = client.get("/api/search?q=&per_page=7&collapse=false").get_json()
    seen = []
    while True:
        seen += [h["id"] for h in data["results"]]
        if data["urls"]["next_after"] is None:
            break
        data = client.get(data["urls"]["next_after"]).get_json()
    assert len(seen) == len(set(seen)) == 150
    cursor = client.get("/api/search?q=banjir").get_json()["after"]
    assert client.get(f"/api/search?q=banjir&after={cursor}").status_code == 200
    with open(tmp_path / "corpus" / "more.jsonl", "w", encoding="utf-8") as handle:
        handle.write(json.dumps(article(500)) + "\n")
    build_index(make_settings(tmp_path / "corpus", tmp_path / "index", **{"indexing.workers": 1}))
    expired = client.get(f"/api/search?q=banjir&after={cursor}")
    assert expired.status_code == 400 and expired.get_json()["error"]["code"] == "cursor_expired"
    for bad in ("after=zzz", f"after={cursor}&page=2"):
        assert client.get(f"/api/search?q=banjir&{bad}").get_json()["error"]["param"] == "after"


def test_exports_are_safe_to_open_and_to_name(tmp_path):
    client = client_over(tmp_path, [
        {"id": "f1", "title": "=HYPERLINK(\"http://x\")", "body": "Erdoğan di Ankara. " * 5},
        {"id": "f2", "title": "-2+3", "body": "Erdoğan lagi di Ankara. " * 5}])
    response = client.get("/api/export?q=erdoğan")
    response.headers["Content-Disposition"].encode("latin-1")  # a header the server can send (it was a 500)
    assert "filename*=UTF-8''searchapp-erdo%C4%9Fan.csv" in response.headers["Content-Disposition"]
    titles = {row["id"]: row["title"] for row in csv.DictReader(io.StringIO(response.get_data().decode("utf-8-sig")))}
    assert titles == {"f1": "'=HYPERLINK(\"http://x\")", "f2": "'-2+3"}  # text, never a formula


def test_a_forged_cursor_and_a_compare_page_without_an_index_are_answered_properly(tmp_path):
    import base64

    from searchapp.web.app import create_app

    client = client_over(tmp_path / "a", [article(n) for n in range(5)])
    forged = base64.urlsafe_b64encode(b'{"p":Infinity,"n":10,"g":"x"}').decode().rstrip("=")
    assert client.get(f"/api/search?after={forged}").status_code == 400
    empty = create_app(make_settings(tmp_path / "none", tmp_path / "no-index")).test_client()
    assert empty.get("/bandingkan?q=banjir&q=cabai").status_code == 503
    assert empty.get("/api/compare?q=banjir").get_json()["error"]["code"] == "no_index"


def test_a_feed_is_updated_at_its_latest_moment_whatever_the_zones(tmp_path):
    body = "Kebakaran lahan gambut meluas di Riau pekan ini. " * 5
    feed_client = client_over(tmp_path, [
        {"id": "utc", "body": body, "date": "2022-02-24T23:30:00+00:00"},  # 06:30 WIB on the 25th: the later
        {"id": "wib", "body": body, "date": "2022-02-25T01:00:00+07:00"},
    ])
    feed = feedparser.parse(feed_client.get("/cari.atom?q=lahan").data)
    assert feed.feed.updated == "2022-02-24T23:30:00+00:00"


def test_a_moment_the_site_states_as_its_last_update_is_said_to_be_one_everywhere(tmp_path):
    body = "Harga cabai rawit naik tajam di pasar induk pekan ini. " * 5
    both = client_over(tmp_path, [
        {"id": "upd", "body": body, "date": "2025-06-15T17:00:00+07:00", "updated": True, "outlet": "kompas"},
        {"id": "pub", "body": body.replace("cabai", "bawang"), "date": "2025-06-14T09:30:00+08:00",
         "outlet": "kompas"},
    ])
    hits = {hit["id"]: hit for hit in both.get("/api/search?q=harga&collapse=false").get_json()["results"]}
    assert hits["upd"]["updated"] is True and hits["pub"]["updated"] is False
    assert hits["upd"]["published_at"] == "2025-06-15T17:00:00+07:00"
    exported = both.get("/api/export?q=harga&format=csv").get_data(as_text=True).lstrip("\ufeff")
    assert exported.splitlines()[0].endswith(",snippet,updated")  # a new column last: scripts read by position
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(exported))}
    assert rows["upd"]["updated"] == "True" and rows["pub"]["updated"] == "False"
    entries = {entry.id.rsplit("/", 1)[-1]: entry for entry in feedparser.parse(both.get("/cari.atom?q=harga").data)
               .entries}
    assert "published" not in entries["upd"] and entries["upd"].updated == "2025-06-15T17:00:00+07:00"
    assert entries["pub"].published == "2025-06-14T09:30:00+08:00"
    page = both.get("/cari?q=harga&collapse=false").get_data(as_text=True)
    assert '<span class="stamp"><span class="updated">Diperbarui</span> <time' in page  # one line on a phone
    assert '<span class="updated">Diperbarui</span> <time datetime="2025-06-15T17:00:00+07:00">15 Juni 2025, ' \
           '17.00 WIB</time>' in page
    assert '<time datetime="2025-06-14T09:30:00+08:00">14 Juni 2025, 09.30 WITA</time>' in page
    article = both.get("/artikel/upd").get_data(as_text=True)
    assert "Diperbarui</span> <time" in article and "15 Juni 2025, 17.00 WIB" in article
