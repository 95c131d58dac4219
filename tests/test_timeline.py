"""Attention over time: buckets that add up to the search's total, shares of the whole index, a chart
in the page whose bars narrow the search to their period."""

import datetime as dt
import json
import re
from collections import Counter

import pytest
from conftest import client_over

from searchapp.search.significant import significant_words
from searchapp.search.timeline import IntervalError, build_timeline, choose_interval

D = dt.date


def ordinals(*dates: str) -> list[int]:
    return [D.fromisoformat(d).toordinal() if d else 0 for d in dates]


def test_buckets_cover_the_span_with_empty_ones_and_count_shares_of_the_whole_index():
    dates = ordinals("2025-06-02", "2025-06-04", "2025-06-20", "")
    totals = Counter(ordinals("2025-06-02", "2025-06-03", "2025-06-04", "2025-06-20", "2025-06-21", "2025-05-30"))
    timeline = build_timeline(dates, totals, "week")
    assert [b.start for b in timeline.buckets] == [D(2025, 6, 2), D(2025, 6, 9), D(2025, 6, 16)]  # Mondays
    assert [(b.count, b.total) for b in timeline.buckets] == [(2, 3), (0, 0), (1, 2)]
    assert timeline.buckets[0].end == D(2025, 6, 8) and timeline.buckets[2].share == 0.5
    assert timeline.dated + timeline.undated == len(dates)
    months = build_timeline(dates, totals, "month")
    assert [(b.start, b.end, b.count) for b in months.buckets] == [(D(2025, 6, 1), D(2025, 6, 30), 3)]


def test_the_interval_follows_the_span_and_too_many_buckets_name_a_coarser_one():
    assert choose_interval(D(2025, 6, 1), D(2025, 7, 15)) == "day"
    assert choose_interval(D(2025, 1, 1), D(2025, 12, 31)) == "week"
    assert choose_interval(D(2019, 1, 1), D(2025, 12, 31)) == "month"
    with pytest.raises(IntervalError, match="interval=week"):
        build_timeline(ordinals("2020-01-01", "2025-01-01"), Counter(), "day")


def article(n: int) -> dict:
    day = D(2025, 3, 1) + dt.timedelta(days=n * 3)
    words = "banjir bandang" if n % 2 else "harga cabai"
    river = " Sungai Ciliwung meluap." if n % 2 else ""
    body = f"Laporan {words} di {('Bekasi', 'Bogor', 'Depok')[n % 3]} hari ini nomor {n}.{river} " * 5
    return {"id": f"a{n}", "title": f"Berita {words} {n}", "body": body,
            "date": day.isoformat() if n % 10 else None, "outlet": "kontan"}


@pytest.fixture(scope="module")
def timeline_client(tmp_path_factory):
    return client_over(tmp_path_factory.mktemp("timeline"), [article(n) for n in range(120)])


def test_the_api_timeline_adds_up_to_the_searchs_total_and_its_links_narrow_to_a_bucket(timeline_client):
    for query in ("q=banjir", "q=banjir&interval=month", "q=cabai&outlet=kontan&interval=day", "q="):
        data = timeline_client.get(f"/api/timeline?{query}").get_json()
        total = timeline_client.get(f"/api/search?{query.replace('&interval=month', '').replace('&interval=day', '')}"
                                    ).get_json()["total"]
        assert data["total"] == total and data["dated"] + data["undated"] == total
        assert sum(b["count"] for b in data["buckets"]) == data["dated"]
        assert all(0 <= b["count"] <= b["total"] for b in data["buckets"])
        busiest = max(data["buckets"], key=lambda b: b["count"])
        narrowed = timeline_client.get(busiest["url"]).get_json()  # the bucket's link: its articles
        assert narrowed["total"] == busiest["count"]


def test_the_api_timeline_rejects_a_bad_interval_with_a_400(timeline_client, monkeypatch):
    monkeypatch.setattr("searchapp.search.timeline.MAX_BUCKETS", 50)
    for query, param in (("interval=hour", "interval"), ("interval=day", "interval"), ("zzz=1", "zzz")):
        response = timeline_client.get(f"/api/timeline?{query}")
        assert response.status_code == 400 and response.get_json()["error"]["param"] == param


def test_the_page_draws_the_chart_with_a_title_a_table_and_bars_that_narrow_the_search(timeline_client):
    html = timeline_client.get("/cari?q=banjir&interval=week").get_data(as_text=True)
    svg = re.search(r"<svg class=\"attention\".*?</svg>", html, re.S).group(0)
    assert '<title id="grafik-judul">Berita per minggu' in svg and "Waktu (per minggu)" in svg
    bars = re.findall(r'<a href="([^"]+)"><rect class="bar-rect[ a-z]*"', svg)
    api = timeline_client.get("/api/timeline?q=banjir&interval=week").get_json()
    assert len(bars) == len(api["buckets"])
    first = bars[0].replace("&amp;", "&")
    assert first.startswith("/cari?q=banjir&from=") and "&to=" in first
    assert "<table>" in html and html.count('<th scope="row">') == len(api["buckets"])
    counted = timeline_client.get("/cari?q=banjir&skala=count").get_data(as_text=True)
    assert "jumlah berita</title>" in counted
    bad = timeline_client.get("/cari?q=banjir&interval=tahun")
    assert bad.status_code == 400 and "<svg class=\"attention\"" in bad.get_data(as_text=True)  # said, and drawn
    assert json.loads(timeline_client.get("/api/timeline?q=banjir").get_data())["interval"] in ("day", "week")


def test_a_span_the_index_does_not_fill_is_drawn_over_the_articles_it_holds_and_years_end_the_calendar():
    dates = ordinals("2022-03-01", "2022-05-01")
    totals = Counter(dates + ordinals("2021-12-30"))
    far = build_timeline(dates, totals, None, D(2022, 1, 1), D(9999, 12, 31))  # to=9999: as far as there are articles
    assert far.interval == "day" or far.buckets[-1].end >= D(2022, 5, 1)
    assert far.buckets[0].start <= D(2022, 3, 1) and far.buckets[-1].start <= D(2022, 5, 1)
    assert far.dated == 2
    years = build_timeline(ordinals("9990-06-01", "9999-12-31"), Counter(), "year")
    assert years.buckets[0].start == D(9990, 1, 1) and years.buckets[-1].end == D(9999, 12, 31)
    assert len(years.buckets) == 10 and years.dated == 2
    assert build_timeline(ordinals("9999-12-31"), Counter(), "month").buckets[-1].end == D(9999, 12, 31)


def test_compared_queries_line_up_over_one_span_each_with_its_total(timeline_client):
    data = timeline_client.get("/api/compare?q=banjir&q=cabai&outlet=kontan&interval=week").get_json()
    assert [one["query"] for one in data["series"]] == ["banjir", "cabai"] and data["interval"] == "week"
    spans = {(one["buckets"][0]["start"], one["buckets"][-1]["end"], len(one["buckets"])) for one in data["series"]}
    assert len(spans) == 1  # bucket by bucket the same periods
    for one in data["series"]:
        alone = timeline_client.get(f"/api/search?q={one['query']}&outlet=kontan").get_json()["total"]
        assert one["total"] == alone == one["dated"] + one["undated"] == sum(b["count"] for b in one["buckets"]) + one[
            "undated"]
    assert timeline_client.get("/api/compare?" + "&".join(["q=a"] * 5)).status_code == 400


def test_the_compare_page_draws_a_line_per_query_with_a_legend_and_a_table(timeline_client):
    html = timeline_client.get("/bandingkan?q=banjir&q=cabai&q=%3Cb%3Ex").get_data(as_text=True)
    assert html.count('<polyline class="line s') == 3 and '<title id="grafik-judul">Perbandingan 3 pencarian' in html
    assert "&lt;b&gt;x" in html and "<b>x" not in html  # typed text escaped everywhere
    api = timeline_client.get("/api/compare?q=banjir&q=cabai&q=%3Cb%3Ex").get_json()
    legend = html[html.index('<ul class="legend">'):html.index("</ul>", html.index('<ul class="legend">'))]
    for one in api["series"]:
        assert f"<strong>{one['total']}</strong>" in legend
    assert html.count('<th scope="row">') == len(api["series"][0]["buckets"])
    assert timeline_client.get("/bandingkan").status_code == 200  # the empty form


def test_a_date_filter_cuts_the_edge_buckets_and_a_stray_date_does_not_break_the_chart(timeline_client):
    data = timeline_client.get("/api/timeline?q=&from=2025-03-15&to=2025-05-10&interval=month").get_json()
    assert data["buckets"][0]["start"] == "2025-03-15" and data["buckets"][-1]["end"] == "2025-05-10"
    assert all(b["share"] == 1.0 for b in data["buckets"] if b["total"])  # every article: all of each period
    narrowed = timeline_client.get(data["buckets"][0]["url"]).get_json()
    assert narrowed["filters"]["from"] == "2025-03-15" and narrowed["total"] == data["buckets"][0]["count"]
    stray = build_timeline(ordinals("1001-01-01", "2024-05-01", "2025-01-01"), Counter())
    assert stray.interval == "year" and len(stray.buckets) <= 1000 and stray.dated + stray.undated == 3


def test_significant_words_are_those_of_the_matches_not_of_the_whole_index(timeline_client):
    data = timeline_client.get("/api/significant?q=banjir").get_json()
    words = [w["word"].lower() for w in data["words"]]
    assert data["sampled"] == min(200, data["total"]) and "bandang" in words  # written with banjir, and only there
    assert "banjir" not in words and "laporan" not in words  # the query's own word; a word of every article
    assert "sungai ciliwung" in words and "sungai" not in words  # a phrase, shown instead of words always in it
    assert not any(w.startswith("banjir ") or w.endswith(" di") for w in words)  # no query word, no function word
    assert all(w["in_sample"] <= w["in_index"] for w in data["words"])
    assert all(w["phrase"] == (" " in w["word"]) for w in data["words"])
    for word in data["words"]:
        narrowed = timeline_client.get(word["url"]).get_json()
        typed = f'"{word["word"]}"' if word["phrase"] else word["word"]
        assert narrowed["query"] == f"banjir {typed}" and narrowed["total"] == word["in_sample"]
    page = timeline_client.get("/cari?q=banjir&kata=1").get_data(as_text=True)
    assert 'class="significant"' in page and 'href="/cari?q=banjir+bandang"' in page
    assert 'class="significant"' not in timeline_client.get("/cari?q=banjir").get_data(as_text=True)
    assert '<a href="/cari?q=banjir">Tutup</a>' in page  # the panel closes
    unasked = timeline_client.get("/cari?kata=1").get_data(as_text=True)  # no words: nothing to compare
    assert 'class="significant"' not in unasked and "Kata menonjol" not in unasked


def test_person_and_outlet_pages_are_the_search_filtered_to_them(timeline_client):
    people = {p["name"] for p in timeline_client.get("/api/people?limit=5").get_json()["people"]}
    assert not people  # this fixture names nobody: a person page is a 404
    assert timeline_client.get("/api/people/joko-widodo").status_code == 404
    assert timeline_client.get("/tokoh/joko-widodo").status_code == 404
    data = timeline_client.get("/api/outlets/kontan").get_json()
    search = timeline_client.get("/api/search?outlet=kontan&sort=newest&per_page=5").get_json()
    assert data["total"] == search["total"] == data["count"]
    assert [h["id"] for h in data["latest"]] == [h["id"] for h in search["results"]]
    assert sum(b["count"] for b in data["timeline"]["buckets"]) == data["timeline"]["dated"]
    page = timeline_client.get("/media/kontan").get_data(as_text=True)
    assert "<h1 id=\"judul-profil\">Kontan</h1>" in page and '<svg class="attention"' in page
    # an outlet's page lists no outlets: its facet would count every other outlet's whole index
    assert data["outlets"] == [] and "Media yang paling sering" not in page
    assert timeline_client.get("/media/tidak-ada").status_code == 404


def test_a_person_page_lists_aliases_co_mentions_and_latest_articles(tmp_path):
    records = [{"id": f"p{n}", "title": f"Presiden bertemu menteri {n}",
                "body": f"Presiden Joko Widodo bertemu Sri Mulyani di Jakarta hari ke-{n}. " * 3,
                "people": ["Joko Widodo", "Sri Mulyani"] if n % 2 else ["Joko Widodo"],
                "date": f"2024-0{1 + n % 9}-10", "outlet": "kontan"} for n in range(12)]
    client = client_over(tmp_path, records)
    data = client.get("/api/people/joko-widodo").get_json()
    assert data["name"] == "Joko Widodo" and "Jokowi" in data["aliases"]  # config/people.yaml
    assert data["total"] == 12 and data["people"][0]["count"] == 6
    assert data["people"][0]["value"] == "Sri Mulyani Indrawati"  # as config/people.yaml names her
    assert data["outlets"][0]["value"] == "kontan" and len(data["latest"]) == 5
    page = client.get("/tokoh/joko-widodo").get_data(as_text=True)
    assert 'href="/tokoh/sri-mulyani-indrawati"' in page and "Juga disebut: " in page
    assert '<svg class="attention"' in page
    assert client.get(data["people"][0]["profile_url"]).get_json()["name"] == "Sri Mulyani Indrawati"  # API to API
    assert data["outlets"][0]["profile_url"] == "/api/outlets/kontan"


def test_every_person_and_outlet_of_a_search_links_to_its_page(tmp_path):
    records = [{"id": f"p{n}", "title": f"Rapat kabinet {n}", "body": "Presiden Joko Widodo memimpin rapat. " * 3,
                "people": ["Joko Widodo"], "date": "2024-01-10", "outlet": "kontan"} for n in range(3)]
    client = client_over(tmp_path, records)
    facets = client.get("/api/search?q=rapat").get_json()["facets"]
    assert [(p["value"], p["profile_url"]) for p in facets["person"]] == [("Joko Widodo", "/api/people/joko-widodo")]
    assert {o["value"]: o["profile_url"] for o in facets["outlet"]}["kontan"] == "/api/outlets/kontan"
    page = client.get("/cari?q=rapat").get_data(as_text=True)
    assert page.count('<a class="person" href="/tokoh/joko-widodo"') == 3  # each hit's name: the person's page
    assert page.count('aria-label="Saring: berita tentang Joko Widodo">+</a>') == 3  # and beside it, the filter
    assert 'class="facet-profile" href="/tokoh/joko-widodo"' in page and 'class="badge" href="/media/kontan"' in page
    assert client.get("/tokoh/joko-widodo").status_code == client.get("/media/kontan").status_code == 200


def test_a_phrase_is_two_words_in_a_row_in_one_sentence_and_carries_the_words_always_in_it():
    texts = [f"Proyek Giant Sea Wall dibangun di pantai utara. Warga desa {n} menolak tanggul-laut." for n in range(10)]
    rare = {"giant", "sea", "wall", "pantai", "utara", "warga", "desa", "tanggul", "laut"}
    pairs = {("giant", "sea"), ("sea", "wall"), ("wall", "dibangun"), ("pantai", "utara")}
    asked = []

    def together(first, second):
        asked.append((first, second))
        return 10 if (first, second) in pairs else 400

    read, found = significant_words(texts, lambda w: 10 if w in rare else 400, together, 1000,
                                    frozenset({"proyek", "di"}))
    shown = {w.word: w for w in found}
    assert read == 10 and shown["Giant Sea"].is_phrase and shown["Giant Sea"].query_text == '"Giant Sea"'
    assert {"Sea Wall", "pantai utara", "Warga desa"} <= set(shown)  # as written
    assert not {"Giant", "Sea", "Wall", "pantai", "Warga"} & set(shown)  # each always inside a shown phrase
    assert ("utara", "warga") not in asked and ("tanggul", "laut") not in asked  # not across "." or "-"
    assert ("proyek", "giant") not in asked and ("dibangun", "pantai") not in asked  # not with an excluded word


def test_an_outlet_the_table_does_not_know_is_named_as_its_articles_name_it_everywhere(tmp_path):
    records = [{"id": f"k{n}", "title": f"Gosip artis {n}", "body": "Kabar artis hari ini. " * 3,
                "outlet": "Kabarseleb.com", "date": "2019-09-10"} for n in range(2)]
    client = client_over(tmp_path, records)
    data = client.get("/api/search?q=artis").get_json()
    facet = [o for o in data["facets"]["outlet"] if o["count"]]
    assert [(o["value"], o["label"]) for o in facet] == [("kabarseleb-com", "Kabarseleb.com")]
    assert {hit["outlet_name"] for hit in data["results"]} == {"Kabarseleb.com"}  # the same name as the facet
    assert client.get("/api/outlets/kabarseleb-com").get_json()["name"] == "Kabarseleb.com"


def test_outlets_the_table_does_not_know_are_named_by_their_sites_through_facet_filter_and_page(tmp_path):
    records = [
        {"id": "u1", "title": "Pajak naik", "body": "Penerimaan pajak naik tahun ini. " * 3,
         "url": "https://katadata.co.id/berita/1/pajak-naik"},
        {"id": "u2", "title": "Pajak turun", "body": "Penerimaan pajak turun di daerah. " * 3,
         "url": "https://news.katadata.co.id/berita/2/pajak-turun"},
        {"id": "d1", "title": "Pajak baru",
         "body": "JAKARTA, GATRA.COM - Pemerintah menetapkan pajak baru. " + "Pajak itu berlaku tahun depan. " * 3},
        {"id": "n1", "title": "Pajak lama", "body": "Jakarta - Pajak lama tetap berlaku. " * 3},
    ]
    client = client_over(tmp_path, records)
    data = client.get("/api/search?q=pajak").get_json()
    assert {(o["value"], o["label"], o["count"]) for o in data["facets"]["outlet"] if o["count"]} == {
        ("katadata-co-id", "katadata.co.id", 2), ("gatra-com", "gatra.com", 1),
        ("unknown", "Outlet tidak diketahui", 1)}
    for typed in ("katadata-co-id", "katadata.co.id", "Katadata.co.id"):  # the slug, or the site as written
        narrowed = client.get(f"/api/search?q=pajak&outlet={typed}").get_json()
        assert sorted(hit["id"] for hit in narrowed["results"]) == ["u1", "u2"], typed
    assert [hit["id"] for hit in client.get("/api/search?q=pajak outlet:gatra.com").get_json()["results"]] == ["d1"]
    assert client.get("/api/outlets/gatra-com").get_json()["name"] == "gatra.com"


def test_significant_words_stop_looking_up_only_where_no_word_left_could_enter_the_list():
    import random

    rng = random.Random(5)
    vocabulary = [f"kata{chr(97 + n % 26)}{chr(97 + n // 26)}x" for n in range(300)]
    frequency = {word: rng.randint(1, 900) for word in vocabulary}
    texts = [" ".join(rng.choices(vocabulary, weights=range(300, 0, -1), k=40)) for _ in range(60)]
    asked = []

    def background(word):
        asked.append(word)
        return frequency[word]

    read, found = significant_words(texts, background, lambda a, b: 1000, 1000, frozenset(), limit=5)
    held = Counter(w for text in texts for w in set(text.split()))
    scores = {w: (c / 60 - max(frequency[w], c) / 1000) * (c / 60) / (max(frequency[w], c) / 1000)
              for w, c in held.items() if c >= 3 and c / 60 > max(frequency[w], c) / 1000}
    expected = sorted(scores, key=lambda w: (scores[w], w), reverse=True)[:5]
    assert [w.word for w in found] == expected  # the same as scoring every word
    assert len(asked) < len([w for w, c in held.items() if c >= 3])  # without looking every word up


def test_a_word_gives_way_only_to_a_phrase_that_is_shown_and_phrases_stay_on_one_line():
    texts = ["xray yankee. zulu. whisky."] * 8 + ["xray. zulu. whisky."] * 2
    frequency = {"xray": 10, "yankee": 1000, "zulu": 12, "whisky": 15}
    _read, found = significant_words(texts, frequency.get, lambda a, b: 10, 1000, frozenset(), limit=2)
    assert [w.word for w in found] == ["xray", "zulu"]  # "xray yankee" scores below both: xray stays
    _read, found = significant_words(texts, frequency.get, lambda a, b: 1, 1000, frozenset(), limit=3)
    assert [w.word for w in found] == ["zulu", "xray yankee", "whisky"]  # shown: xray gives way, the list refills
    lines = ["Banjir Bandang\nWarga Bekasi mengungsi. Wakil Presiden Ma'ruf Amin datang."] * 4
    _read, found = significant_words(lines, lambda w: 1, lambda a, b: 1, 1000, frozenset())
    shown = {w.word for w in found}
    assert "Banjir Bandang" in shown and "Warga Bekasi" in shown and "Bandang Warga" not in shown  # not across lines
    assert not any("ruf" in w.split() for w in shown)  # no fragment of Ma'ruf
    _read, found = significant_words(["Jakarta kota"] * 2 + ["jakarta kota"] * 2, lambda w: 1, lambda a, b: 1, 1000,
                                     frozenset())
    assert [w.word for w in found] == ["Jakarta kota"]  # as often written each way: the first in sort order


def test_the_pages_offer_only_the_intervals_they_can_draw_and_say_why_in_indonesian(timeline_client, monkeypatch):
    monkeypatch.setattr("searchapp.search.timeline.MAX_BUCKETS", 50)  # 360 days: 12 months fit, 52 weeks do not
    for page in ("/cari?q=banjir&interval=month", "/bandingkan?q=banjir&q=cabai&interval=month"):
        html = timeline_client.get(page).get_data(as_text=True)
        switch = re.search(r'<p class="attention-switch">(.*?)<span class="sep"', html, re.S).group(1)
        offered = re.findall(r'<a href="([^"]*interval=(\w+)[^"]*)"', switch)
        assert [interval for _url, interval in offered] == ["month", "year"]
        assert re.findall(r'<span class="unavailable"[^>]*>(\w+)</span>', switch) == ["Hari", "Minggu"]
        assert all(timeline_client.get(url.replace("&amp;", "&")).status_code == 200 for url, _interval in offered)
    for page in ("/cari?q=banjir&interval=day", "/bandingkan?q=banjir&q=cabai&interval=day"):
        response = timeline_client.get(page)
        html = response.get_data(as_text=True)
        assert response.status_code == 400
        assert "Grafik per hari tidak dapat digambar untuk rentang ini (lebih dari 50 batang)" in html
        assert "buckets from" not in html and '<svg class="attention' in html  # said in Indonesian, drawn coarser


def test_left_to_choose_the_interval_never_draws_more_bars_than_a_chart_holds(monkeypatch):
    monkeypatch.setattr("searchapp.search.timeline.MAX_BUCKETS", 50)
    timeline = build_timeline(ordinals("2025-03-01", "2026-02-24"), Counter(), None)  # 52 weeks: months instead
    assert timeline.interval == "month" and len(timeline.buckets) == 12 and timeline.dated == 2


def test_a_stray_date_centuries_away_cuts_the_span_for_every_compared_query_and_every_link_answers(tmp_path):
    records = [article(n) for n in range(12)] + [{**article(1), "id": "stray", "date": "1005-06-01"}]
    client = client_over(tmp_path, records)  # "banjir" holds the stray article, "cabai" does not
    for page in ("/bandingkan?q=banjir&q=cabai", "/bandingkan?q=cabai&q=banjir", "/cari?q=banjir"):
        response = client.get(page)
        html = response.get_data(as_text=True)
        assert response.status_code == 200 and '<svg class="attention' in html
        switch = re.search(r'<p class="attention-switch">(.*?)</p>', html, re.S).group(1)
        links = [url.replace("&amp;", "&") for url in re.findall(r'<a href="([^"]+)"', switch)]
        assert links and all(client.get(url).status_code == 200 for url in links)  # the chart's own links too
    data = client.get("/api/compare?q=banjir&q=cabai").get_json()
    assert data["interval"] == "year" and len({len(one["buckets"]) for one in data["series"]}) == 1


def test_after_an_interval_too_fine_the_compare_pages_links_keep_the_chart_as_drawn(timeline_client, monkeypatch):
    monkeypatch.setattr("searchapp.search.timeline.MAX_BUCKETS", 50)
    html = timeline_client.get("/bandingkan?q=banjir&interval=day").get_data(as_text=True)
    switch = re.search(r'<p class="attention-switch">(.*?)</p>', html, re.S).group(1)
    assert "interval=day" not in switch
    assert all(timeline_client.get(url.replace("&amp;", "&")).status_code == 200
               for url in re.findall(r'<a href="([^"]+)"', switch))


def test_with_no_coarser_interval_the_message_asks_for_a_shorter_span():
    from searchapp.web.attention import interval_problem

    error = IntervalError("year", D(1, 1, 1), D(2025, 1, 1))
    assert interval_problem(error).endswith("batang): pilih rentang tanggal yang lebih pendek.")
    assert "pilih grafik per minggu atau rentang" in interval_problem(IntervalError("day", D(2000, 1, 1),
                                                                                    D(2025, 1, 1)))


@pytest.mark.parametrize(("url", "params", "expected"), [
    ("/cari?q=banjir", {"interval": "month", "skala": "count"}, "/cari?q=banjir&interval=month&skala=count"),
    ("/bandingkan?q=a&interval=week&q=b", {"interval": "day"}, "/bandingkan?q=a&q=b&interval=day"),  # replaced
    ("/cari?skala=count&q=banjir", {"skala": "share", "interval": "auto"}, "/cari?q=banjir"),  # defaults: left out
    ("/cari?interval=year", {"interval": "auto"}, "/cari"),
    ("/api/export?q=banjir", {"format": "jsonl"}, "/api/export?q=banjir&format=jsonl"),
])
def test_a_chart_link_sets_its_parameters_and_leaves_defaults_out(url, params, expected):
    from searchapp.web.attention import with_params

    assert with_params(url, **params) == expected

def _bucket(start: str, count: int, total: int) -> dict:
    return {"start": start, "end": start, "count": count, "total": total, "share": count / total,
            "url": f"/cari?from={start}"}


def test_a_share_of_a_period_with_few_articles_neither_sets_the_chart_nor_hides_the_others():
    from searchapp.web.chart import MIN_SHARE_BASE, PLOT_H, attention_svg, compare_svg

    buckets = [_bucket("2024-12-01", 1, 1), _bucket("2025-01-01", 30, 300), _bucket("2025-02-01", 10, 200)]
    svg = str(attention_svg({"buckets": buckets, "interval": "month", "dated": 41}, "share"))
    assert ">10,0%</text>" in svg  # the busiest period a share can be read in: 30 of 300
    heights = [float(h) for h in re.findall(r'class="bar-rect[^"]*"[^>]*height="([\d.]+)"', svg)]
    assert heights == [PLOT_H, PLOT_H, PLOT_H / 2]  # 1 of 1 drawn no taller than the chart
    assert re.findall(r'class="bar-rect( few)?"', svg) == [" few", "", ""]
    assert "terlalu sedikit berita" in svg.split("</a>")[0] and "terlalu sedikit" not in svg.split("</a>")[1]
    by_count = str(attention_svg({"buckets": buckets, "interval": "month", "dated": 41}, "count"))
    assert ">30</text>" in by_count and " few" not in by_count  # counts are read as they are
    lines = str(compare_svg([{"query": "banjir", "total": 41, "buckets": buckets}], "month", "share"))
    assert ">10,0%</text>" in lines and lines.count('class="dot s0 few"') == 1
    small = [_bucket("2024-12-01", 1, 2), _bucket("2025-01-01", 1, MIN_SHARE_BASE - 1)]  # none can be read
    assert ">50,0%</text>" in str(attention_svg({"buckets": small, "interval": "month", "dated": 2}, "share"))
    years = [_bucket("2018-01-01", 500, 5000), _bucket("2019-01-01", 6000, 60000), _bucket("2020-01-01", 5000, 60000)]
    assert " few" not in str(attention_svg({"buckets": years, "interval": "year", "dated": 11500}, "share"))
    # beside months of thousands, 3 of 22 is chance too: a tenth of the typical month's articles at least
    busy = [_bucket("2018-03-01", 3, 22), _bucket("2019-09-01", 807, 8674), _bucket("2019-10-01", 300, 5000)]
    svg = str(attention_svg({"buckets": busy, "interval": "month", "dated": 1110}, "share"))
    assert ">9,3%</text>" in svg and re.findall(r'class="bar-rect( few)?"', svg) == [" few", "", ""]
    empty = str(attention_svg({"buckets": [_bucket("2016-02-01", 0, 1), {**_bucket("2016-03-01", 0, 1), "total": 0,
                                                                         "share": 0.0}],
                               "interval": "month", "dated": 0}, "count"))
    assert "Maret 2016: tidak ada berita" in empty and "0 dari 0" not in empty


def test_the_compare_page_says_in_indonesian_what_it_leaves_out_and_draws_the_rest(timeline_client):
    response = timeline_client.get("/bandingkan?q=banjir&q=cabai&from=bukan-tanggal&person=nobody")
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and "must be" not in html and "Tanggal awal" in html
    assert "Tidak ada orang bernama" in html and '<svg class="attention compare"' in html  # drawn without them
    five = timeline_client.get("/bandingkan?q=banjir&q=cabai&q=bekasi&q=bogor&q=depok")
    html = five.get_data(as_text=True)
    assert five.status_code == 400 and "Paling banyak 4 pencarian" in html
    assert html.count('<polyline class="line') == 4


def test_significant_words_leave_out_other_forms_of_the_querys_words(tmp_path):
    flood = "Warga Bekasi kebanjiran lagi. Air membanjiri rumah warga. Banjir bandang dibanjiri lumpur Ciliwung. "
    records = [{"id": f"s{n}", "date": "2024-01-02",
                "body": (flood if n % 2 else "Harga cabai rawit naik di pasar induk, pedagang mengeluh. ") * 3}
               for n in range(40)]
    words = [w["word"].lower() for w in client_over(tmp_path, records).get("/api/significant?q=banjir")
             .get_json()["words"]]
    assert "bandang" in words and "ciliwung" in " ".join(words)
    assert not any(form in " ".join(words) for form in ("kebanjiran", "membanjiri", "dibanjiri", "banjir"))


def test_with_no_query_nor_filter_the_chart_counts(timeline_client):
    """Every article of a period is 100% of it: a share says nothing, and is not offered."""
    html = timeline_client.get("/cari?interval=month").get_data(as_text=True)
    assert '<title id="grafik-judul">Berita per bulan: jumlah berita</title>' in html
    switch = re.search(r'<p class="attention-switch">(.*?)</p>', html, re.S).group(1)
    assert "Persentase" not in switch and 'class="sep"' not in switch
    narrowed = timeline_client.get("/cari?q=banjir&interval=month").get_data(as_text=True)
    assert "persentase dari semua berita periode itu" in narrowed
    excluded = timeline_client.get("/cari?q=-banjir&interval=month").get_data(as_text=True)  # words left out
    assert "persentase dari semua berita periode itu" in excluded
