"""A rewrite of a story tells its facts in its order; a follow-up, a reaction or another day's templated
report shares words with it but not that. Short samples written for these tests."""

from __future__ import annotations

import pytest

from searchapp.extract.fingerprint import fingerprint, similarity
from searchapp.extract.rewrites import Text, align, could_be_rewrite, is_rewrite, words
from searchapp.index.stories import FLOOR, LEADS_READ_BELOW, THRESHOLD, Texts, find_stories

WARNING = ("Kepala Badan Meteorologi, Klimatologi, dan Geofisika Dwikorita Karnawati meminta warga di pesisir "
           "selatan Jawa tetap waspada terhadap gelombang tinggi hingga akhir pekan. Menurut dia, tinggi gelombang "
           "di Samudra Hindia diperkirakan mencapai empat meter pada Sabtu dan Minggu. Nelayan diimbau tidak "
           "melaut sampai kondisi kembali normal. Dwikorita juga meminta pengelola wisata pantai memasang tanda "
           "larangan berenang dan menyiagakan petugas penyelamat. Ia menambahkan bahwa angin kencang dari arah "
           "tenggara menjadi penyebab utama naiknya gelombang, dan warga diminta memantau informasi resmi melalui "
           "aplikasi BMKG.")
# another outlet's rewrite of the same statement: most sentences paraphrased, in the same order
REWRITE = ("Kepala Badan Meteorologi, Klimatologi, dan Geofisika Dwikorita Karnawati mengimbau warga di pesisir "
           "selatan Jawa agar waspada terhadap gelombang tinggi sampai akhir pekan. Menurut dia, tinggi gelombang "
           "di Samudra Hindia diperkirakan mencapai empat meter pada Sabtu dan Minggu. Para nelayan diimbau untuk "
           "tidak melaut hingga kondisi kembali normal. Dwikorita juga meminta pengelola wisata pantai memasang "
           "tanda larangan berenang dan menyiagakan petugas penyelamat. Menurutnya, angin kencang dari arah "
           "tenggara menjadi penyebab utama gelombang naik, dan warga diminta terus memantau informasi resmi lewat "
           "aplikasi BMKG.")
# a later, fuller version: the same text and a paragraph at its end
FULLER = (WARNING + " Sebelumnya, gelombang setinggi tiga meter merusak belasan perahu nelayan di Pantai "
          "Pangandaran pada awal bulan ini dan menyebabkan dua warung di tepi pantai ambruk.")
# a reaction with a lead of its own, then the statement as background
REACTION = ("Kelompok nelayan di Cilacap mengeluhkan larangan melaut yang sudah berlangsung tiga hari. Ketua "
            "kelompok nelayan setempat mengatakan sebagian besar anggotanya tidak punya penghasilan lain dan "
            "meminta pemerintah daerah menyalurkan bantuan beras selama cuaca buruk. Ia juga meminta tempat "
            "pelelangan ikan tetap dibuka bagi nelayan yang sudah berada di laut, karena hasil tangkapan harus "
            "segera dijual sebelum rusak. Dinas kelautan setempat berjanji mendata nelayan yang terdampak dan "
            "mengusulkan bantuan kepada pemerintah provinsi pekan depan. "
            + WARNING[:WARNING.index(" Dwikorita juga")])
# a reaction that repeats the whole statement after a lead of its own
REPEATING_REACTION = REACTION[:REACTION.index(" Kepala Badan")] + " " + WARNING
# a later version: the statement, then two paragraphs of its own at the end
LONGER = (FULLER + " Badan Penanggulangan Bencana Daerah menyiapkan tempat pengungsian sementara di balai desa "
          "bagi warga yang tinggal dekat garis pantai.")
GOLD = ("Harga emas batangan Antam naik Rp 4.000 menjadi Rp 1.912.000 per gram pada perdagangan Senin "
        "(16/6/2025). Harga pembelian kembali juga naik menjadi Rp 1.760.000 per gram. Emas ukuran 5 gram dijual "
        "Rp 9.335.000, ukuran 10 gram Rp 18.615.000, dan ukuran 100 gram Rp 185.312.000. Harga tersebut sudah "
        "termasuk pajak penghasilan.")
# the next day's report from the same template: other figures
GOLD_NEXT_DAY = ("Harga emas batangan Antam turun Rp 7.000 menjadi Rp 1.905.000 per gram pada perdagangan Selasa "
                 "(17/6/2025). Harga pembelian kembali juga turun menjadi Rp 1.753.000 per gram. Emas ukuran 5 gram "
                 "dijual Rp 9.300.000, ukuran 10 gram Rp 18.545.000, dan ukuran 100 gram Rp 184.612.000. Harga "
                 "tersebut sudah termasuk pajak penghasilan.")
SHOW = ("Saksikan drama penuh kejutan dalam FTV Kisah Nyata, hanya di Indosiar! Tonton setiap hari mulai pukul "
        "13.30 WIB dan rasakan ketegangan dari Kisah Nyata secara eksklusif di Indosiar.")
OTHER_SHOW = ("Saksikan drama penuh kejutan dalam FTV Kisah Nyata Sore, hanya di Indosiar! Tonton setiap hari mulai "
              "pukul 15.00 WIB dan rasakan ketegangan dari Kisah Nyata Sore secara eksklusif di Indosiar.")
SALARY = ("Menteri Keuangan menegaskan kabar kenaikan gaji presiden menjadi Rp 553.422.694 per bulan tidak benar, "
          "Senin (12/3/2018). Menurut dia, usulan itu tidak pernah dibahas oleh pemerintah dan dokumen yang beredar "
          "di media sosial dibuat seolah-olah berasal dari institusi resmi.")
# the same report as another site printed it: figures written another way
SALARY_REPRINT = ("Menteri Keuangan menegaskan kabar kenaikan gaji presiden menjadi Rp 553422694 per bulan tidak "
                  "benar, Senin (12/3/18). Menurutnya, usulan itu tidak pernah dibahas pemerintah dan dokumen yang "
                  "beredar di media sosial dibuat seolah-olah berasal dari institusi resmi.")


@pytest.mark.parametrize(("first", "second", "rewrite"), [
    (WARNING, REWRITE, True),  # paraphrased sentence by sentence
    (WARNING, FULLER, True),  # a paragraph added at the end
    (FULLER, WARNING, True),  # either way round
    (WARNING, REACTION, False),  # a lead of its own: another story
    (GOLD, GOLD_NEXT_DAY, False),  # a template with other figures
    (SHOW, OTHER_SHOW, False),  # its one figure changed, none kept
    (SALARY, SALARY_REPRINT, True),  # `553.422.694` is `553422694`, `2018` is `18`
    (WARNING, "", False),
])
def test_is_rewrite(first, second, rewrite):
    assert is_rewrite(Text.of(first), Text.of(second)) is rewrite


def test_the_shared_words_bound_never_turns_away_a_rewrite():
    """`could_be_rewrite` spares the alignment of pairs that share too few words; it is only a bound."""
    texts = [Text.of(text) for text in (WARNING, REWRITE, FULLER, REACTION, GOLD, GOLD_NEXT_DAY, SHOW, OTHER_SHOW,
                                        SALARY, SALARY_REPRINT)]
    for first in texts:
        for second in texts:
            assert could_be_rewrite(first, second) or not align(first.words, second.words).rewrite
    assert not could_be_rewrite(Text.of(WARNING), Text.of(GOLD))
    assert could_be_rewrite(Text.of(WARNING), Text.of(REWRITE))


def test_what_the_alignment_measures():
    reaction = align(words(WARNING), words(REACTION))
    assert reaction.quarter == 0.0  # its whole lead is its own
    template = align(words(GOLD), words(GOLD_NEXT_DAY))
    assert template.aligned > 0.6 and template.contradicted >= 3
    reprint = align(words(SALARY), words(SALARY_REPRINT))
    assert reprint.contradicted == 0 and reprint.agreed >= 3
    assert words("Rp 553.422.694, USD85,1 juta") == ["rp", "553422694", "usd", "85100000", "juta"]
    # a figure scaled by a word is the figure written out in full
    assert words("945 ribu ASN, 945.000 ASN, Rp1,5 triliun, 2.500 ribu, 1.5 juta, 3 jt") == [
        "945000", "ribu", "asn", "945000", "asn", "rp", "1500000000000", "triliun", "2500000", "ribu", "1500000",
        "juta", "3000000", "jt"]
    assert words("pukul 21:30 ribu") == ["pukul", "2130", "ribu"]  # a time is no number: left as it is
    assert words("Rp 8.444,87 triliun") == ["rp", "8444870000000000", "triliun"]  # exactly, no float's error
    # an amount that ends as another does is another amount (only a year or a time is written shortened)
    other = align(words("Harga naik menjadi Rp 500 ribu per gram pada hari ini, kata pedagang di pasar."),
                  words("Harga naik menjadi Rp 1,5 juta per gram pada hari ini, kata pedagang di pasar."))
    assert other.contradicted == 1
    scaled = align(words("Pemerintah membangun 699.000 unit rumah pada 2015 dan 805.000 unit pada 2016, kata dia."),
                   words("Pemerintah membangun 699 ribu unit rumah pada 2015 dan 805 ribu unit pada 2016, kata dia."))
    assert scaled.contradicted == 0 and scaled.agreed == 4
    # a time written with a full stop or a colon is one figure: no contradiction between two copies
    assert words("pukul 21.30 WIB") == ["pukul", "2130", "wib"] and words("jam 21:30") == ["jam", "2130"]
    times = align(words("Massa berkumpul pukul 21.30 dan bubar pukul 03.45 di depan masjid itu."),
                  words("Massa berkumpul jam 21:30 dan bubar jam 3:45 di depan masjid itu."))
    assert times.contradicted == 0 and times.aligned > 0.7


class CountedTexts(Texts):
    """The texts, with a note of each pair read."""

    def __init__(self, bodies: list[str]) -> None:
        super().__init__(bodies.__getitem__)
        self.read: list[tuple[int, int]] = []

    def rewrite(self, a: int, b: int) -> bool:
        self.read.append((a, b))
        return super().rewrite(a, b)

    def copy(self, a: int, b: int, another_day: bool) -> bool:
        self.read.append((a, b))
        return super().copy(a, b, another_day)


def test_a_paraphrase_is_a_story_only_when_its_text_is_read():
    """The rewrite's fingerprint agrees in fewer than half its positions, so the fingerprint alone
    leaves it apart; read word by word it joins the statement's story, while the reaction does not."""
    bodies = [WARNING, REWRITE, REACTION, GOLD]
    ids = ["a-warning", "b-rewrite", "c-reaction", "d-gold"]
    prints = [fingerprint(body) for body in bodies]
    assert FLOOR <= similarity(prints[0], prints[1]) < THRESHOLD
    assert find_stories(ids, prints) == {}
    texts = CountedTexts(bodies)
    assert find_stories(ids, prints, texts=texts) == {"a-warning": "a-warning", "b-rewrite": "a-warning"}
    assert (1, 0) in texts.read
    assert all(3 not in pair for pair in texts.read)  # dissimilar fingerprints: no text is read


def test_a_copy_by_its_fingerprint_with_a_lead_of_its_own_is_another_story():
    """A reaction that repeats the whole statement after its own opening agrees with it in half the
    positions: read, it is another story; a later version with paragraphs added at its end is one story
    with it; a near-exact copy is not read at all."""
    bodies = [WARNING, REPEATING_REACTION, LONGER, FULLER]
    ids = ["a-warning", "b-reaction", "c-longer", "d-fuller"]
    prints = [fingerprint(body) for body in bodies]
    for copy in (1, 2):
        assert THRESHOLD <= similarity(prints[0], prints[copy]) < LEADS_READ_BELOW
    assert similarity(prints[0], prints[3]) >= LEADS_READ_BELOW
    everything = {"a-warning": "a-warning", "b-reaction": "a-warning", "c-longer": "a-warning",
                  "d-fuller": "a-warning"}
    assert find_stories(ids, prints) == everything  # by the fingerprints alone
    texts = CountedTexts(bodies)
    assert find_stories(ids, prints, texts=texts) == {"a-warning": "a-warning", "c-longer": "a-warning",
                                                      "d-fuller": "a-warning"}
    assert (3, 0) not in texts.read


def test_texts_are_read_once():
    read = []
    bodies = [WARNING, REWRITE, GOLD]

    def body(position: int) -> str:
        read.append(position)
        return bodies[position]

    texts = Texts(body)
    assert texts.rewrite(0, 1) and texts.rewrite(1, 0) and not texts.rewrite(0, 2)
    assert texts.copy(0, 1, another_day=False)
    assert sorted(read) == [0, 1, 2]


REWRITE_RECORDS = [
    {"id": "bmkg-1", "body": WARNING, "outlet": "antara", "date": "2025-06-18T15:00:00+07:00"},
    {"id": "kompas-2", "body": REWRITE, "outlet": "kompas-tv", "date": "2025-06-18T16:00:00+07:00"},
    {"id": "detik-3", "body": REACTION, "outlet": "detik", "date": "2025-06-19T09:00:00+07:00"},
    {"id": "tribun-6", "body": REPEATING_REACTION, "outlet": "tribun", "date": "2025-06-19T10:00:00+07:00"},
    {"id": "kontan-4", "body": GOLD, "outlet": "kontan", "date": "2025-06-16T10:00:00+07:00"},
    {"id": "kontan-5", "body": GOLD_NEXT_DAY, "outlet": "kontan", "date": "2025-06-17T10:00:00+07:00"},
]


@pytest.mark.parametrize("shards", [None, 3])
def test_an_index_groups_a_rewrite_read_from_its_stored_text(tmp_path, shards):
    """At index time, in one index and across shards (whose texts are read from each shard; shard 0 gets
    no article, and is read as empty, not as a broken index)."""
    import json

    from conftest import make_settings

    from searchapp.index.routing import shard_of
    from searchapp.index.shards import build_sharded, shard_ids
    from searchapp.index.writer import build_index
    from searchapp.search.interface import open_engine
    from searchapp.search.request import SearchRequest

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in REWRITE_RECORDS), encoding="utf-8")
    settings = make_settings(corpus, tmp_path / "index", **{"indexing.workers": 1})
    if shards:
        assert shard_of("bmkg-1", shards) != shard_of("kompas-2", shards)  # the rewrite lives in another shard
        report = build_sharded(settings, shards)
        assert [len(shard_ids(settings.index, number)) for number in range(shards)] == [0, 3, 3]
    else:
        report = build_index(settings)
    assert report.in_stories == 4
    result = open_engine(settings).search(SearchRequest(q="gelombang tinggi"))
    assert result.total == 4 and result.stories == 2
    stories = sorted(sorted([hit.id, *(copy["id"] for copy in hit.copies)]) for hit in result.results)
    # the statement and its rewrite; the reaction and its longer version, which repeats the statement
    assert stories == [["bmkg-1", "kompas-2"], ["detik-3", "tribun-6"]]
    gold = open_engine(settings).search(SearchRequest(q="emas antam"))
    assert gold.total == 2 and gold.stories == 2  # another day's prices: another story


# the statement, then paragraphs of background: an outlet that keeps only the statement cut the story short
BACKGROUND = (" Sebelumnya, gelombang setinggi tiga meter merusak belasan perahu nelayan di Pantai Pangandaran pada "
              "awal bulan ini dan menyebabkan dua warung di tepi pantai ambruk. Badan Penanggulangan Bencana Daerah "
              "menyiapkan tempat pengungsian sementara di balai desa bagi warga yang tinggal dekat garis pantai. "
              "Petugas gabungan dari Basarnas, TNI, dan Polri disiagakan di sejumlah titik pantai selama libur panjang "
              "untuk membantu wisatawan. Pemerintah kabupaten juga menyiapkan dapur umum dan bantuan beras bagi "
              "keluarga nelayan yang tidak dapat melaut selama sepekan, sementara dinas kesehatan membuka posko di "
              "tiga kecamatan.")
WIRE = WARNING + BACKGROUND
# a daily price report from one template: a paragraph that stays, figures that change
SHOP = (" Di Butik Emas Logam Mulia Pulogadung, Jakarta Timur, antrean pembeli sudah terlihat sejak pagi. Petugas "
        "membatasi pembelian paling banyak dua keping per orang dan mewajibkan pembeli membawa kartu identitas.")


def test_a_copy_cut_short_is_the_same_story_an_excerpt_from_its_middle_is_not():
    cut, middle = Text.of(WARNING), Text.of(BACKGROUND.strip())
    assert FLOOR <= similarity(fingerprint(WARNING), fingerprint(WIRE)) < THRESHOLD
    alignment = align(cut.words, Text.of(WIRE).words)
    assert alignment.covered == 1.0 and not alignment.rewrite and alignment.cut  # the wire story's opening
    assert is_rewrite(cut, Text.of(WIRE)) and is_rewrite(Text.of(WIRE), cut)
    assert not is_rewrite(middle, Text.of(WIRE))  # the background alone opens with no lead of the story
    ids, prints = ["antara-1", "solopos-2"], [fingerprint(WIRE), fingerprint(WARNING)]
    assert find_stories(ids, prints, texts=Texts([WIRE, WARNING].__getitem__)) == {
        "antara-1": "antara-1", "solopos-2": "antara-1"}


def test_articles_days_apart_are_another_days_report_unless_their_texts_are_the_same():
    day = 739_000
    ids, bodies = ["a-warning", "b-fuller", "c-again"], [WARNING, FULLER, WARNING]
    prints = [fingerprint(body) for body in bodies]
    assert LEADS_READ_BELOW <= similarity(prints[0], prints[1]) < 0.9
    same_week = find_stories(ids, prints, days=[day, day + 3, day + 3])
    assert set(same_week) == set(ids)
    # a week later: the fuller text is another day's report; the same text republished is still the story
    assert find_stories(ids, prints, days=[day, day + 7, day + 7]) == {"a-warning": "a-warning",
                                                                       "c-again": "a-warning"}
    assert set(find_stories(ids, prints, days=[day, None, day + 30])) == set(ids)  # undated: as before


def test_another_days_report_with_other_figures_is_another_story():
    today, tomorrow = GOLD + SHOP, GOLD_NEXT_DAY + SHOP
    prints = [fingerprint(today), fingerprint(tomorrow)]
    assert THRESHOLD <= similarity(*prints) < LEADS_READ_BELOW
    assert align(Text.of(today).words, Text.of(tomorrow).words).figures_differ
    texts = Texts([today, tomorrow].__getitem__)
    assert texts.copy(0, 1, another_day=False) and not texts.copy(0, 1, another_day=True)
    ids = ["kontan-16", "kontan-17"]
    assert find_stories(ids, prints, texts=texts, days=[739_000, 739_001]) == {}
    assert len(find_stories(ids, prints, texts=texts, days=[739_000, 739_000])) == 2  # one day: figures may be fixed


@pytest.mark.parametrize("shards", [None, 2])
def test_an_index_reads_the_days_of_its_articles_for_stories(tmp_path, shards):
    """The moments of publication come from the index's own column, in one index and across shards: the
    statement and a fuller version a week later are two stories, the statement's copy cut short the same
    week one."""
    import json

    from conftest import make_settings

    from searchapp.index.shards import build_sharded
    from searchapp.index.writer import build_index
    from searchapp.search.interface import open_engine
    from searchapp.search.request import SearchRequest

    records = [
        {"id": "antara-1", "body": WIRE, "outlet": "antara", "date": "2025-06-18T09:00:00+07:00"},
        {"id": "solopos-2", "body": WARNING, "outlet": "solopos", "date": "2025-06-19T10:00:00+07:00"},
        {"id": "tribun-3", "body": FULLER, "outlet": "tribun", "date": "2025-06-26T08:00:00+07:00"},
        # a stated day without a time is read as a date may be read from a text: no reason to part copies
        {"id": "daily-4", "body": WARNING, "outlet": "suara", "date": "2025-07-30"},
    ]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    settings = make_settings(corpus, tmp_path / "index", **{"indexing.workers": 1})
    report = build_sharded(settings, shards) if shards else build_index(settings)
    assert report.in_stories == 3
    result = open_engine(settings).search(SearchRequest(q="gelombang"))
    stories = sorted(sorted([hit.id, *(copy["id"] for copy in hit.copies)]) for hit in result.results)
    assert stories == [["antara-1", "daily-4", "solopos-2"], ["tribun-3"]]


@pytest.mark.parametrize(("title", "dates", "weekdays"), [
    ("Jadwal Piala Dunia Antarklub 2025 Hari Ini, Rabu 18 Juni 2025", {"18-6"}, {"2"}),
    ("Gempa Guncang Maluku Senin (17/6)", {"17-6"}, {"0"}),
    ("Peringatan Dini BMKG Besok, Jum'at 20 Jun", {"20-6"}, {"4"}),
    ("Sidang Rabu Ini Ditunda", set(), {"2"}),
    ("Laga Minggu Malam", set(), {"6"}),
    # a week, not Sunday; a round of a cup, a number after "ke-", no day or month of the calendar
    ("Harga Cabai Naik Minggu Ini", set(), set()),
    ("Dua Minggu Berturut-turut Harga Naik", set(), set()),
    ("Minggu ke-3 Juni Harga Turun", set(), set()),
    ("Minggu Ketiga Juni", set(), set()),
    ("Berminggu-minggu Warga Menunggu", set(), set()),
    ("Timnas Lolos ke Babak 1/8 Final", set(), set()),
    ("Skor 13/20 untuk Timnas", set(), set()),
    ("Diskon 50 Des Berakhir", set(), set()),
])
def test_the_days_a_headline_names(title, dates, weekdays):
    from searchapp.extract.title import days_named

    assert days_named(title) == (dates, weekdays)


def test_a_daily_report_of_another_day_is_another_story_however_alike():
    """An outlet's schedule or forecast from one template: the texts all but the same, the headline's day not."""
    ids = ["indosiar-18", "indosiar-20", "other-18"]
    titles = ["Saksikan FTV di Indosiar, Rabu 18 Juni", "Saksikan FTV di Indosiar, Jumat 20 Juni",
              "FTV Indosiar Hari Ini, Rabu (18/6)"]
    prints = [fingerprint(WARNING)] * 3
    bodies = ([WARNING] * 3).__getitem__
    texts = Texts(bodies, titles.__getitem__)
    assert find_stories(ids, prints, texts=texts) == {"indosiar-18": "indosiar-18", "other-18": "indosiar-18"}
    untitled = Texts(bodies, ["", "Saksikan FTV di Indosiar", ""].__getitem__)  # a day on one side only
    assert len(find_stories(ids, prints, texts=untitled)) == 3
    # one outlet names the weekday, the other the date: not compared, kind with kind only
    either = Texts(bodies, ["Gempa Guncang Maluku Senin Pagi", "Gempa Guncang Maluku (17/6)"].__getitem__)
    assert len(find_stories(ids[:2], prints[:2], texts=either)) == 2


@pytest.mark.parametrize("shards", [None, 3])
def test_an_index_reads_the_headlines_days_from_the_stored_titles(tmp_path, shards):
    import json

    from conftest import make_settings

    from searchapp.index.shards import build_sharded
    from searchapp.index.writer import build_index
    from searchapp.search.interface import open_engine
    from searchapp.search.request import SearchRequest

    records = [{"id": f"sholat-{n}", "title": f"Jadwal Sholat Hari Ini, {day}", "body": WARNING, "outlet": "kompas",
                "date": f"2025-06-{17 + n}T05:00:00+07:00"} for n, day in enumerate(["Selasa 17 Juni", "Rabu 18 Juni"])]
    records.append({**records[1], "id": "sholat-copy", "outlet": "detik", "title": "Jadwal Sholat Rabu (18/6)"})
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    settings = make_settings(corpus, tmp_path / "index", **{"indexing.workers": 1})
    build_sharded(settings, shards) if shards else build_index(settings)
    result = open_engine(settings).search(SearchRequest(q="gelombang", collapse=True))
    assert result.total == 3 and result.stories == 2
    assert sorted(sorted([hit.id, *(c["id"] for c in hit.copies)]) for hit in result.results) == [
        ["sholat-0"], ["sholat-1", "sholat-copy"]]


def test_one_figure_written_apart_or_together_agrees():
    first = words("Masjid ditutup pukul 21.30 WIB dan dibuka pukul 03.45 WIB setiap hari kecuali Ramadhan.")
    second = words("Masjid ditutup jam 21 30 WIB dan dibuka jam 3 45 WIB setiap hari kecuali Ramadhan.")
    alignment = align(first, second)
    assert alignment.contradicted == 0 and alignment.agreed >= 2
    assert align(words("harga naik Rp 1.500 per kilo"), words("harga naik Rp 2.500 per kilo")).contradicted == 1
    assert align(words("Pasal 2 ayat 1 berlaku"), words("Pasal 21 berlaku")).contradicted > 0  # not one figure
    assert align(words("digelar 2-3 Juni"), words("digelar 23 Juni")).contradicted > 0


def test_a_title_inferred_from_the_lead_is_no_headline_to_read_days_from(tmp_path):
    """An untitled article's title is its lead, which names the day it reports (`Kamis (19/6)`)."""
    from conftest import client_over

    from searchapp.index.generations import open_index
    from searchapp.index.stories import stated_title

    body = "JAKARTA, Kamis (19/6) - " + WARNING
    client_over(tmp_path, [{"id": "untitled", "body": body}, {"id": "titled", "title": "Gelombang Rabu (18/6)",
                                                              "body": body}])
    with open_index(tmp_path / "index").reader() as reader:
        found = {reader.stored_fields(d)["id"]: (reader.stored_fields(d).get("title"), stated_title(reader, d))
                 for d in reader.all_doc_ids()}
    assert found["untitled"][0] and found["untitled"][1] == ""  # shown, not read for days
    assert found["titled"] == ("Gelombang Rabu (18/6)", "Gelombang Rabu (18/6)")
