"""Publication dates from Indonesian datelines and URLs."""

import datetime as dt

import pytest

from searchapp.extract import extract_date
from searchapp.extract.dates import date_from_url, has_written_date, infer_year

TODAY = dt.date(2026, 11, 25)
D = dt.date
# a body paragraph long enough not to count as a dateline line of its own
BODY = "Pemerintah menyatakan bahwa program itu akan terus berjalan sesuai dengan rencana yang telah disusun."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NATO pada Kamis (24/2/2022) mengeluarkan pernyataan.", D(2022, 2, 24)),
        ("Stoltenberg pada Jumat (28/1/2022) mengatakan.", D(2022, 1, 28)),
        ("Tokenised: Senin (31 / 10 / 2016), disinggung Jokowi.", D(2016, 10, 31)),
        ("Jakarta, Selasa (21/10/2025) - Presiden melantik menteri.", D(2025, 10, 21)),
        ("Dua digit tahun: Kamis (24/2/22) pagi.", D(2022, 2, 24)),
        ("Pertemuan pada Kamis, 24 Maret 2022, dihadiri para pemimpin.", D(2022, 3, 24)),
        ("Acara pada Sabtu, 5 Agt 2023 berlangsung meriah.", D(2023, 8, 5)),
        ("Acara pada Rabu, 5 Okt 2022 berlangsung meriah.", D(2022, 10, 5)),
        ("Acara pada Selasa, 1 Des. 2020 berlangsung meriah.", D(2020, 12, 1)),
        ("Jum'at (4/2/2022) ada rapat.", D(2022, 2, 4)),
        ("Pada Selasa, 10.30 WIB (21/10/2025), sidang dimulai.", D(2025, 10, 21)),
        # a date in the dateline, without weekday
        ("JAKARTA, 24 Februari 2022 - Pemerintah menetapkan.", D(2022, 2, 24)),
        ("2022-02-24\n" + BODY, D(2022, 2, 24)),
        ("Kamis, 24 Februari 2022 | 10:30 WIB\n" + BODY, D(2022, 2, 24)),
    ],
)
def test_date_forms(text, expected):
    assert extract_date(text, None, TODAY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Perubahan meningkat $350bn sejak 2014 dan pada 2020.",  # a year is not a date
        "Perang Rusia-Ukraina, yang dimulai pada 24 Februari, menimbulkan kemarahan.",  # no year, no weekday
        BODY + " Undang-undang itu disahkan pada 17 Agustus 1945 oleh panitia.",  # a date merely mentioned
        BODY + " Data per 2022-02-24 menunjukkan kenaikan harga yang signifikan di pasar.",
        "NATO pada Rabu menolak tuntutan Rusia.",  # a weekday without a date
        "Kamis (31/2/2022) tidak ada.",  # invalid day
        "Kamis (24/13/2022) tidak ada.",  # invalid month
        "Rapat digelar Rabu (24/2/2027).",  # in the future
        "Jakarta, Senin (21/10/2025) - Presiden melantik.",  # 21/10/2025 was a Tuesday: a typo somewhere
        "Skor akhir 3/4/2022 bukan tanggal." * 3,  # long body line: not a dateline
        "",
    ],
)
def test_no_publication_date(text):
    assert extract_date(text, None, TODAY) is None


def test_latest_dateline_date_not_in_future_wins():
    text = "Rapat Senin (21/2/2022) dilanjutkan Kamis (24/2/2022). Sidang berikut Jumat (4/12/2026)."
    assert extract_date(text, None, TODAY) == D(2022, 2, 24)
    assert extract_date(text, None, D(2026, 12, 31)) == D(2026, 12, 4)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # before or after publication, by the words around the date: not the publication day
        ("Album itu dirilis Jumat (24/3/2017) lalu.", None),
        ("Insiden terjadi Minggu (19/3/2017) malam lalu.", None),
        ("Perang dimulai Kamis (24/2/2022) silam.", None),
        ("Tiket dijual Senin (12/6/2017) mendatang.", None),
        ("Jenazah disemayamkan pada Kamis (21/12/2017) pagi mendatang.", None),
        ("Sidang pembelaan dijadwalkan Selasa (25/4/2017).", None),
        ("Laga itu akan digelar di Camp Nou, Sabtu (3/12/2016).", None),
        ("Ia akan diperiksa pekan depan, Kamis (31/8/2017) pekan depan.", None),
        ("Simak liputan khususnya mulai besok, Senin (20/3/2017), di sini.", None),
        ("Konser digelar pekan depan, Jumat (13/10/2017), di Jakarta.", None),
        ("Pekan lalu, Jumat (2/6/2017), kami menghadiri acara itu.", None),
        ("Arsenal absen melawan United, Minggu (3/12/2017) dini hari WIB lusa.", None),
        # an evening's or yesterday's event: published the next day
        ("Kemarin, Senin (19/9/2016), ia mengatakan hal itu.", D(2016, 9, 20)),
        ("Kecelakaan terjadi Sabtu (9/12/2017) malam di Los Angeles.", D(2017, 12, 10)),
        ("Ia mengatakan hal itu Senin (19/9/2016) kemarin.", D(2016, 9, 20)),
        # other words after the date leave it alone
        ("Ia menyampaikan Senin (19/9/2016) pagi di Jakarta.", D(2016, 9, 19)),
        ("Stoltenberg berbicara, Kamis (24/2/2022). Lalu ia pergi.", D(2022, 2, 24)),
        ("Ia berdiri di depan gedung, Kamis (24/2/2022) depan wartawan.", D(2022, 2, 24)),
        # "lalu" as "then", "lalu lintas", a comma before "nanti", a quoted "akan", a headline above: no marker
        ("Presiden tiba di Halim, Senin (19/9/2016), lalu menuju Istana.", D(2016, 9, 19)),
        ("Jakarta, Senin (19/9/2016) lalu lintas di Sudirman macet.", D(2016, 9, 19)),
        ("Ia berbicara, Senin (19/9/2016), nanti sore ke Bogor.", D(2016, 9, 19)),
        ('"Kami akan lawan," kata Jokowi di Istana, Senin (19/9/2016).', D(2016, 9, 19)),
        ("Jokowi Akan Resmikan Tol\nJAKARTA, Senin (19/9/2016) - Presiden meresmikan tol.", D(2016, 9, 19)),
        ("Ia tiba Senin (19/9/2016)\nmalam itu juga ia pergi.", D(2016, 9, 19)),
        # the latest date that is the publication day wins over a later future one
        ("Rapat digelar Senin (12/6/2017). Tiket dijual Kamis (15/6/2017) mendatang.", D(2017, 6, 12)),
    ],
)
def test_words_around_a_dateline(text, expected):
    assert extract_date(text, None, TODAY) == expected


def test_dateline_date_beats_mentioned_date():
    text = "Presiden pada Jumat (28/1/2022) mengatakan. " + BODY + " Hal itu terjadi pada 5 Maret 2023 lalu."
    assert extract_date(text, None, TODAY) == D(2022, 1, 28)


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("Stoltenberg pada hari Kamis, (04/08) berbicara.", TODAY, D(2022, 8, 4)),
        ("Pertandingan Minggu (20/3) berakhir imbang.", TODAY, D(2022, 3, 20)),
        ("Pertandingan Minggu (20/3) berakhir imbang.", D(2022, 3, 19), D(2016, 3, 20)),
        ("Acara Kamis, 4 Agustus berlangsung.", TODAY, D(2022, 8, 4)),
        ("Senin (31 / 10) rapat digelar.", TODAY, D(2022, 10, 31)),
        # the text speaks of 2024: a weekday that only fits an earlier year is a typo
        ("Liga 1 2024 dimulai. Laga Kamis (8/7) berakhir imbang.", TODAY, None),
        # a dateline with its year beside one without: the year near it, not the last that fits the weekday
        ("Massa tertahan di masjid, Senin (20/2) malam. Ia diperiksa di Polda, Senin (20/2/2017).",
         D(2026, 12, 2), D(2017, 2, 21)),
        ("Massa tertahan di masjid, Senin (20/2) malam.", D(2026, 12, 2), D(2023, 2, 21)),  # nothing to go by
        # a year without a weekday (background, "pada 12 Maret 2015") does not say the weekday's year
        ("Sejak 12 Maret 2015 warga menunggu. Rapat Selasa (14/3) digelar.", D(2017, 12, 31), None),
        # ...but a header line with its year is the article's own dateline
        ("Satgas: 41 Daerah Zona Merah\n16 Oktober 2020 18:20 WIB\nSatgas mencatat penurunan.\n"
         "\"Ini kabar baik,\" ujar Wiku di Istana, Jumat (16/10).", D(2026, 12, 2), D(2020, 10, 16)),
    ],
)
def test_weekday_inference(text, today, expected):
    assert extract_date(text, None, today) == expected


@pytest.mark.parametrize(
    ("text", "today", "collected", "expected"),
    [
        # read years later (an archive, no collection day): the year near the years the text mentions,
        # not the last one before today that the weekday fits (2026 for Monday 26 October)
        ("APBD 2015 disahkan. Rapat lanjutan digelar Senin (26/10) di gedung dewan.", D(2026, 12, 2), False,
         D(2015, 10, 26)),
        ("Target 2014 tercapai. Rapat lanjutan digelar Senin (26/10) di gedung dewan.", D(2026, 12, 2), False,
         D(2015, 10, 26)),  # the year after the latest one mentioned
        ("APBD 2015 disahkan. Rapat lanjutan digelar Senin (26/10) di gedung dewan.", D(2026, 12, 2), True,
         D(2026, 10, 26)),  # collected that day: the latest year that fits before it
        ("Sejak 12 Maret 2015 warga menunggu. Rapat Selasa (14/3) digelar.", D(2017, 12, 31), True, D(2017, 3, 14)),
        # no Tuesday 14 March in 2015 or 2016: rather no date than one the text does not support
        ("Sejak 12 Maret 2015 warga menunggu. Rapat Selasa (14/3) digelar.", D(2026, 12, 2), False, None),
        # no year mentioned: nothing to go by but today
        ("Rapat lanjutan digelar Senin (26/10) di gedung dewan.", D(2026, 12, 2), False, D(2026, 10, 26)),
    ],
)
def test_weekday_year_near_the_years_mentioned(text, today, collected, expected):
    assert extract_date(text, None, today, collected=collected) == expected


def test_infer_year():
    assert infer_year(4, 8, 3, TODAY) == D(2022, 8, 4)  # Thursday 4 August
    assert infer_year(29, 2, 3, TODAY) == D(2024, 2, 29)  # Thursday 29 February
    assert infer_year(31, 2, 0, TODAY) is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.kompas.com/read/2022/02/24/123456/nato", D(2022, 2, 24)),
        ("kompas.com/read/2022/02/24/nato", D(2022, 2, 24)),
        ("http://www.cnnindonesia.com/olahraga/20161112230644-142-172253/ronaldo/", D(2016, 11, 12)),
        ("http://rimanews.com/ekonomi/bisnis/read/20170319/320419/KJRI", D(2017, 3, 19)),
        ("http://www.suara.com/news/2016/11/24/113135/jokowi", D(2016, 11, 24)),
        ("https://example.com/berita/nato-2021-03-05-siaga", D(2021, 3, 5)),
        ("https://example.com/2030/01/01/future", None),
        ("https://example.com/2022/02/31/invalid", None),
        ("https://www.merdeka.com/sepakbola/menang-6-0.html", None),
        ("https://example.com/item?id=20220224", None),
        (None, None),
    ],
)
def test_date_from_url(url, expected):
    assert date_from_url(url, TODAY) == expected


def test_url_date_wins():
    text = "Stoltenberg pada Jumat (28/1/2022) mengatakan."
    assert extract_date(text, "https://www.kompas.com/read/2022/01/29/x", TODAY) == D(2022, 1, 29)
    assert extract_date(text, "https://www.merdeka.com/dunia/x.html", TODAY) == D(2022, 1, 28)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tim menang pada Jumat (17/3) lalu.", True),  # a weekday date, though not a publication day
        ("Disahkan pada 17 Agustus 1945.", True),
        ("Data per 2022-02-24.", True),
        ("Perang dimulai pada 24 Februari.", False),  # neither weekday nor year
        ("Skor 3/4 di babak pertama.", False),
        ("Sejak 2014.", False),
    ],
)
def test_has_written_date(text, expected):
    assert has_written_date(text) is expected
