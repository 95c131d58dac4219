"""The search function over a real index of the seeds and the test articles."""

import datetime as dt
import re

import pytest

from searchapp.search.request import SearchRequest


def ids(result):
    return [hit.id for hit in result.results]


def search(engine, q="", **kwargs):
    return engine.search(SearchRequest(q=q, **kwargs))


SEEDS = {"000_66b54ca74a6c5a55", "001_22bccfffe0d59620", "002_dc1f0f6fe5e579c4",
         "003_59201e24028e0ecf", "004_54ce74dbc7c0aa92"}


def test_nato_finds_every_seed(engine):
    result = search(engine, "nato")
    assert set(ids(result)) == SEEDS
    assert result.total == 5


def test_articles_with_every_word_come_first(engine):
    result = search(engine, "nato bucha")
    assert ids(result)[0] == "000_66b54ca74a6c5a55" and result.total == 1 and not result.relaxed
    # fewer than PARTIAL_BELOW hold both words: the others holding one of them follow, marked partial and
    # counted apart, never in the total or the facets
    assert set(ids(result)) == SEEDS and result.partial == 4
    assert [hit.partial for hit in result.results] == [False, True, True, True, True]
    partial_scores = [hit.score for hit in result.results[1:]]
    assert partial_scores == sorted(partial_scores, reverse=True)
    as_json = result.to_dict()
    assert as_json["total"] == 1 and as_json["partial"] == 4 and as_json["results"][1]["partial"] is True
    assert sum(v.count for v in result.facets.outlet) == 1
    assert sum(v.count for v in result.facets.month) + result.facets.unknown_date == 1


def engine_with(settings, **changes):
    from dataclasses import replace

    from searchapp.search.engine import WhooshEngine

    return WhooshEngine(replace(settings, **changes))


def test_partial_matches_follow_only_few_complete_ones(built):
    result = search(engine_with(built, partial_below=1), "nato bucha")
    assert ids(result) == ["000_66b54ca74a6c5a55"] and result.partial == 0
    assert result.to_dict()["partial"] == 0 and result.total == 1


def test_partial_matches_only_for_plain_words(engine):
    for q in ("nato -bucha", "bucha OR himars", '"sekutu NATO"'):
        assert not any(hit.partial for hit in search(engine, q).results), q


def test_partial_matches_sorted_by_date_after_complete_ones(engine):
    result = search(engine, "nato bucha", sort="newest")
    assert ids(result)[0] == "000_66b54ca74a6c5a55"  # undated, yet it holds both words
    dates = [hit.date for hit in result.results[1:] if hit.date]
    assert dates == sorted(dates, reverse=True)


def test_or_not_and_minus(engine):
    either = set(ids(search(engine, "bucha OR himars")))
    assert either == {"000_66b54ca74a6c5a55", "003_59201e24028e0ecf"}
    assert set(ids(search(engine, "nato -bucha"))) == SEEDS - {"000_66b54ca74a6c5a55"}
    assert set(ids(search(engine, "nato NOT bucha"))) == SEEDS - {"000_66b54ca74a6c5a55"}
    assert set(ids(search(engine, "(bucha OR himars) reuters"))) == {"003_59201e24028e0ecf"}


def test_phrase_matches_words_as_written_in_order(engine):
    assert set(ids(search(engine, '"pertahanan NATO"'))) == set()  # never in that order
    assert set(ids(search(engine, '"sekutu NATO"'))) >= {"000_66b54ca74a6c5a55", "001_22bccfffe0d59620"}
    # "serangan" as written: the article that only says "menyerang" is not a phrase match
    assert "uji-menyerang" not in ids(search(engine, '"serangan terhadap gudang"'))
    assert ids(search(engine, '"serangan terhadap gudang"')) == ["uji-serangan"]


def test_phrase_spans_a_dropped_stopword(engine):
    assert ids(search(engine, '"menyerang gudang pelabuhan pada malam"')) == ["uji-menyerang"]


def test_stemming_finds_other_forms(engine):
    found = set(ids(search(engine, "serang")))
    assert {"uji-serangan", "uji-menyerang", "004_54ce74dbc7c0aa92"} <= found


def test_exact_form_ranks_above_root_only_match(engine):
    assert ids(search(engine, "serangan gudang"))[:2] == ["uji-serangan", "uji-menyerang"]
    assert ids(search(engine, "menyerang gudang"))[:2] == ["uji-menyerang", "uji-serangan"]


@pytest.mark.parametrize("q", ["16216", "16.216", "16 216"])
def test_numbers_with_thousands_separators(engine, q):
    assert ids(search(engine, q)) == ["uji-ekonomi"]


def test_field_filters_in_the_query(engine):
    assert set(ids(search(engine, "outlet:kontan nato"))) == {"000_66b54ca74a6c5a55"}
    assert set(ids(search(engine, "orang:stoltenberg"))) == SEEDS
    assert set(ids(search(engine, "person:biden"))) == {"004_54ce74dbc7c0aa92"}
    assert set(ids(search(engine, "tanggal:2022-02 nato"))) == {"004_54ce74dbc7c0aa92"}
    assert set(ids(search(engine, "date:2022-01-28"))) == {"001_22bccfffe0d59620"}
    ranged = set(ids(search(engine, "tanggal:2022-01..2022-02 nato")))
    assert ranged == {"001_22bccfffe0d59620", "004_54ce74dbc7c0aa92"}
    assert set(ids(search(engine, "tanggal:>=2022-03 nato"))) == {"002_dc1f0f6fe5e579c4", "003_59201e24028e0ecf"}
    assert set(ids(search(engine, "tanggal:>2022-03 nato"))) == {"003_59201e24028e0ecf"}
    assert set(ids(search(engine, "tanggal:<2022-02 nato"))) == {"001_22bccfffe0d59620"}


@pytest.mark.parametrize("q", ['"nato', "OR", "nato OR", ":::", "((nato", "nato)", "AND NOT", "-", '"', "*"])
def test_malformed_queries_degrade_to_words(engine, q):
    """Read as their plain words, operators without operands dropped: the same as the words alone, and
    with no word left the same as an empty query (every article)."""
    result = search(engine, q)
    same_as = search(engine, "nato" if "nato" in q else "", per_page=100)
    assert result.total == same_as.total > 0
    assert set(ids(search(engine, q, per_page=100))) == set(ids(same_as))
    if "nato" in q:
        assert set(ids(result)) == SEEDS


def test_empty_query_with_filter_lists_newest_first(engine):
    result = search(engine, "", outlets=("kompas-tv",))
    assert ids(result) == ["004_54ce74dbc7c0aa92", "uji-menyerang", "uji-serangan"]
    dates = [hit.date for hit in result.results]
    assert dates == sorted(dates, reverse=True)


def test_sort_by_date(engine):
    newest = search(engine, "nato", sort="newest")
    oldest = search(engine, "nato", sort="oldest")
    assert ids(newest)[:4] == ["003_59201e24028e0ecf", "002_dc1f0f6fe5e579c4", "004_54ce74dbc7c0aa92",
                               "001_22bccfffe0d59620"]
    assert ids(newest)[-1] == "000_66b54ca74a6c5a55"  # unknown date last
    assert ids(oldest)[:4] == list(reversed(ids(newest)[:4]))
    assert ids(oldest)[-1] == "000_66b54ca74a6c5a55"
    assert all(hit.score is None for hit in newest.results)


@pytest.mark.parametrize(
    ("q", "first"),
    [
        ("stoltenberg", None),
        ("bucha", "000_66b54ca74a6c5a55"),
        ("finlandia swedia", None),
        ("senjata nuklir", "002_dc1f0f6fe5e579c4"),
        ("serangan rusia", "004_54ce74dbc7c0aa92"),
        ("himars", "003_59201e24028e0ecf"),
    ],
)
def test_seed_ranking(engine, q, first):
    result = search(engine, q)
    assert result.total > 0
    for partial in (False, True):  # complete matches first, each group by score
        scores = [hit.score for hit in result.results if hit.partial is partial]
        assert scores == sorted(scores, reverse=True)
    assert [hit.partial for hit in result.results] == sorted(hit.partial for hit in result.results)
    if first:
        assert ids(result)[0] == first


def test_finlandia_swedia_finds_the_articles_naming_both(engine):
    assert set(ids(search(engine, "finlandia swedia"))) == {"000_66b54ca74a6c5a55", "003_59201e24028e0ecf"}


def test_highlights_mark_the_written_word_for_a_root_query(engine):
    hit = next(h for h in search(engine, "serang").results if h.id == "uji-menyerang")
    assert "<mark>menyerang</mark>" in hit.snippet
    hit = next(h for h in search(engine, "ekonomi").results if h.id == "uji-ekonomi")
    assert "<mark>Perekonomian</mark>" in hit.snippet
    assert "<mark>Perekonomian</mark>" in hit.title_html


def test_article_markup_is_escaped_in_snippets_and_titles(engine):
    hit = search(engine, "siber").results[0]
    assert hit.id == "xss"
    assert "<script>" not in hit.snippet and "<script>" not in hit.title_html
    assert "&lt;script&gt;" in hit.snippet
    assert "&lt;blink&gt;kode&lt;/blink&gt;" in search(engine, "peretas").results[0].snippet
    assert "<mark>" in hit.snippet


def test_query_markup_is_never_echoed_as_html(engine):
    result = search(engine, '<script>alert(1)</script> siber')
    for hit in result.results:
        assert "<script>" not in hit.snippet
        assert hit.snippet.replace("<mark>", "").replace("</mark>", "").count("<") == 0


def test_snippet_without_body_match_falls_back_to_the_lead(engine):
    hit = search(engine, "orang:biden").results[0]
    assert hit.snippet.startswith("BRUSSELS, KOMPAS.TV")
    assert "<mark>" not in hit.snippet


def test_snippet_has_at_most_three_fragments(engine):
    hit = search(engine, "nato").results[0]
    assert hit.snippet.count("<mark>") >= 1
    assert len(str(hit.snippet)) < 3 * 320


def test_outlet_facet_ignores_the_outlet_filter(engine):
    plain = search(engine, "nato")
    filtered = search(engine, "nato", outlets=("kontan",))
    counts = {v.value: v.count for v in plain.facets.outlet}
    assert counts == {"kontan": 1, "cakapcakap": 1, "kompas-tv": 1, "unknown": 2}
    assert {v.value: v.count for v in filtered.facets.outlet} == counts
    assert [v.value for v in filtered.facets.outlet if v.selected] == ["kontan"]
    assert plain.facets.unknown_outlet == 2
    assert ids(filtered) == ["000_66b54ca74a6c5a55"]
    assert filtered.facets.unknown_date == 1
    assert [v.value for v in filtered.facets.month] == []


def test_several_outlets_are_ored_and_people_anded(engine):
    result = search(engine, "nato", outlets=("kontan", "kompas-tv"))
    assert set(ids(result)) == {"000_66b54ca74a6c5a55", "004_54ce74dbc7c0aa92"}
    both = search(engine, "", people=("Jens Stoltenberg", "Joe Biden"))
    assert ids(both) == ["004_54ce74dbc7c0aa92"]
    assert search(engine, "", outlets=("unknown",)).total == 2


def test_person_and_month_facets_count_the_filtered_set(engine):
    result = search(engine, "nato")
    people = {v.value: v.count for v in result.facets.person}
    assert people["Jens Stoltenberg"] == 5
    assert people["Vladimir Putin"] >= 2
    months = {v.value: v.count for v in result.facets.month}
    # every month from the first to the last, those without results at 0 (the page and the API alike)
    assert months == {"2022-01": 1, "2022-02": 1, "2022-03": 1, "2022-04": 0, "2022-05": 0, "2022-06": 0,
                      "2022-07": 0, "2022-08": 1}
    assert [v.label for v in result.facets.month][0] == "Januari 2022"
    assert result.facets.unknown_date == 1


def test_date_filter_is_inclusive_and_open_ended(engine):
    feb = search(engine, "nato", date_from=dt.date(2022, 2, 24), date_to=dt.date(2022, 2, 24))
    assert ids(feb) == ["004_54ce74dbc7c0aa92"]
    since = search(engine, "nato", date_from=dt.date(2022, 3, 24))
    assert set(ids(since)) == {"002_dc1f0f6fe5e579c4", "003_59201e24028e0ecf"}
    until = search(engine, "nato", date_to=dt.date(2022, 1, 28))
    assert ids(until) == ["001_22bccfffe0d59620"]


def test_pagination(engine):
    first = search(engine, "nato", per_page=2)
    second = search(engine, "nato", per_page=2, page=2)
    third = search(engine, "nato", per_page=2, page=3)
    beyond = search(engine, "nato", per_page=2, page=4)
    assert first.pages == 3 and first.total == 5
    pages = ids(first) + ids(second) + ids(third)
    assert len(pages) == 5 and set(pages) == SEEDS
    assert ids(search(engine, "nato", per_page=10))[:5] == pages
    assert beyond.results == [] and beyond.total == 5


@pytest.mark.parametrize(("typo", "fixed"), [("stoltenbreg", "stoltenberg"), ("finladia", "finlandia"),
                                              ("nato stoltenbreg", "nato stoltenberg")])
def test_did_you_mean(engine, typo, fixed):
    assert search(engine, typo).suggestion == fixed


def test_no_suggestion_for_known_words(engine):
    assert search(engine, "stoltenberg").suggestion is None


def test_document_with_related_articles(engine):
    article = engine.document("004_54ce74dbc7c0aa92", q="serangan")
    assert article["outlet"] == "kompas-tv"
    assert article["date"] == "2022-02-24"
    assert any("<mark>serangan</mark>" in p for p in article["paragraphs_html"])
    related = [r["id"] for r in article["related"]]
    assert 1 <= len(related) <= 5
    assert "004_54ce74dbc7c0aa92" not in related
    assert set(related) & SEEDS
    assert engine.document("no-such-id") is None


def test_people_listing_and_prefix(engine):
    names = [p["name"] for p in engine.people("stol")]
    assert names == ["Jens Stoltenberg"]
    assert engine.people()[0] == {"name": "Jens Stoltenberg", "count": 5}


def test_no_article_with_every_word_relaxes_to_some_words(engine):
    result = search(engine, "bucha himars")  # each in one article, never together
    assert result.relaxed
    assert set(ids(result)) == {"000_66b54ca74a6c5a55", "003_59201e24028e0ecf"}
    assert not search(engine, "nato bucha").relaxed
    strict = search(engine, "bucha -nato")  # operators: the user's logic is kept as written
    assert strict.total == 0 and not strict.relaxed
    assert search(engine, '"bucha himars"').total == 0


@pytest.mark.parametrize("q", ["tanggal:>9999", "tanggal:>9999-12-31", "tanggal:<0001", "date:<=0001-01-01 nato"])
def test_dates_past_the_calendar_ends_are_not_errors(engine, q):
    result = search(engine, q)
    assert result.total == 0 and result.results == []


def test_whole_month_to_the_last_representable_day(engine):
    result = search(engine, "nato", date_from=dt.date(9999, 12, 1), date_to=dt.date(9999, 12, 31))
    assert result.total == 0


@pytest.mark.parametrize("q", ["nato bucha", "nato serangan", "nato siber", "bucha himars", "nato"])
def test_ticking_a_facet_value_gives_the_count_it_showed(built, q):
    # a small threshold, so that filters take some queries below it (whether to add partial matches
    # must not depend on the filters, or a ticked value would count differently from its facet)
    engine = engine_with(built, partial_below=2)
    result = search(engine, q)
    for value in result.facets.outlet:
        assert search(engine, q, outlets=(value.value,)).total == value.count, (q, value.value)
    for value in result.facets.person:
        assert search(engine, q, people=(value.value,)).total == value.count, (q, value.value)


def test_relaxed_results_are_all_partial(engine):
    result = search(engine, "bucha himars")
    assert result.relaxed and result.total == 0 and result.partial == 2 and len(result.results) == 2
    assert all(hit.partial for hit in result.results) and result.to_dict()["partial"] == 2
    assert not any(v.count for v in result.facets.outlet)  # partial matches are never in the facets


def test_snippets_are_two_or_three_lines_of_the_best_passages():
    from searchapp.search.highlight import SNIPPET_CHARS, snippet

    text = " ".join(["Warga desa berkumpul di balai untuk membahas rencana pembangunan jalan."] * 30)
    text = text.replace("rencana", "rencana NATO", 3).replace("jalan.", "jalan Ukraina.", 25)
    spans = [(m.start(), m.end()) for word in ("NATO", "Ukraina") for m in re.finditer(word, text)]
    shown = str(snippet(text, sorted(spans)))
    plain = shown.replace("<mark>", "").replace("</mark>", "")
    assert len(plain) <= SNIPPET_CHARS + 40 and "<mark>NATO</mark>" in shown and "<mark>Ukraina</mark>" in shown
    far_apart = [(m.start(), m.end()) for m in re.finditer("Ukraina", text)]  # 25 times, all over the text
    one_word = str(snippet(text, far_apart))
    assert one_word.count("…") <= 2 and len(one_word.replace("<mark>", "").replace("</mark>", "")) <= SNIPPET_CHARS + 40
    lead = str(snippet(text, []))
    assert len(lead) <= SNIPPET_CHARS + 20 and lead.endswith("…")


SIDE_BY_SIDE = [  # (id, title, body): every word of the query in each, side by side in two
    ("panah", "Operasi Panah Kapuas digelar, operasi terbesar",
     "Polisi menggelar operasi. Petugas sibuk menangani kebakaran lahan. Polisi menangkap pelaku dan menyita "
     "senjata dari tangan para pelaku operasi itu."),
    ("ott-1", "KPK menahan bupati", "KPK menggelar operasi tangkap tangan terhadap seorang bupati di Jawa Timur."),
    ("ott-2", "Pejabat diperiksa", "Pejabat itu terjaring operasi tangkap tangan KPK bersama dua orang lain."),
    ("lain", "Operasi pasar", "Pemerintah menggelar operasi pasar beras di sejumlah kota."),
]


def test_words_typed_side_by_side_rank_the_articles_holding_them_so_first(tmp_path):
    """`operasi tangkap tangan`: the sting's reports before an operation whose officers `menangani` a fire
    and took weapons from the `tangan` of those they `menangkap` (the roots of every word, far apart)."""
    from conftest import client_over

    client = client_over(tmp_path, [{"id": i, "title": t, "body": b, "outlet": "kompas"} for i, t, b in SIDE_BY_SIDE])
    data = client.get("/api/search", query_string={"q": "operasi tangkap tangan"}).get_json()
    complete = [hit["id"] for hit in data["results"] if not hit["partial"]]  # `lain` holds one word: after them
    assert complete == ["ott-1", "ott-2", "panah"] and data["total"] == 3
    # side by side only scores: the words' matches are the same, in any order of typing
    assert client.get("/api/search", query_string={"q": "tangan operasi tangkap"}).get_json()["total"] == 3


@pytest.mark.parametrize("q", ["sekretaris jenderal nato", "jens stoltenberg mengatakan", "pasukan rusia ukraina",
                               "serangan terhadap gudang"])
def test_a_short_page_is_the_head_of_a_long_one_though_fewer_articles_are_read_side_by_side(engine, q):
    """Only articles that could reach the page are read for words side by side: the first three are
    the first three, with their scores, however many are asked for."""
    short = search(engine, q, per_page=3, collapse=False).results
    long = search(engine, q, per_page=50, collapse=False).results
    assert len(short) == 3 and [(h.id, h.score) for h in short] == [(h.id, h.score) for h in long[:3]]


def test_pages_of_many_matches_are_the_heads_of_longer_ones(tmp_path):
    """200 articles holding the words, side by side in some: only those that could reach a short page are
    read for it, and the page is the head of a long one, scores and all."""
    import random

    from conftest import client_over

    rng = random.Random(7)
    fillers = ["warga", "kota", "pasar", "jalan", "sekolah", "rapat", "desa", "harga", "beras", "cabai"]
    records = []
    for n in range(200):
        words = [rng.choice(fillers) for _ in range(rng.randint(8, 60))] + ["banjir", "besar", "melanda"]
        rng.shuffle(words)
        if n % 3 == 0:
            words.insert(rng.randrange(len(words)), "banjir besar")
        records.append({"id": f"b{n:03d}", "title": " ".join(words[:4]), "body": " ".join(words) + ".",
                        "outlet": "kompas"})
    client = client_over(tmp_path, records)
    for q in ("banjir besar", "banjir besar melanda", "besar banjir"):
        long = client.get("/api/search", query_string={"q": q, "per_page": 100, "collapse": "false"}).get_json()
        assert long["total"] == 200
        for size in (1, 3, 10):
            short = client.get("/api/search", query_string={"q": q, "per_page": size, "collapse": "false"}).get_json()
            assert [(h["id"], h["score"]) for h in short["results"]] == \
                [(h["id"], h["score"]) for h in long["results"][:size]]
