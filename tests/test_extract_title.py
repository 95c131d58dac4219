"""Titles from lead sentences, and bylines."""

import pytest

from searchapp.extract import extract_byline, extract_title
from searchapp.extract.byline import byline_spans
from searchapp.extract.title import shorten


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "BRUSSELS, KOMPAS.TV — Sekretaris Jenderal NATO berbicara. Kedua.",
            "Sekretaris Jenderal NATO berbicara.",
        ),
        ("BRUSSELS -- NATO menolak tuntutan Rusia. Kalimat kedua.", "NATO menolak tuntutan Rusia."),
        ("CakapCakap – NATO memperkuat aliansi.", "NATO memperkuat aliansi."),
        ("Jakarta, CNN Indonesia -- Presiden meresmikan jalan tol. Kedua.", "Presiden meresmikan jalan tol."),
        ("Jakarta, CNN Indonesia - - Bali kedatangan tamu.", "Bali kedatangan tamu."),
        ("Jakarta (ANTARA News) - Pemerintah mendatangkan tim.", "Pemerintah mendatangkan tim."),
        ("JAKARTA (Pos Kota) – Kepolisian belum memeriksa artis.", "Kepolisian belum memeriksa artis."),
        # a no-break space after the comma, as Republika's pages write it
        ("REPUBLIKA.CO.ID,\xa0JAKARTA -- Gelombang PHK kembali terjadi. Kedua.", "Gelombang PHK kembali terjadi."),
        ("REPUBLIKA.CO.ID,\xa0CIREBON--Kepolisian memastikan galian ditutup. Kedua.",
         "Kepolisian memastikan galian ditutup."),
        ("Merdeka.com - Wanderley Junior sukses.", "Wanderley Junior sukses."),
        (
            "Reporter: Noverius Laoli | Editor: Noverius Laoli\nNamun, peristiwa di Ukraina berubah.",
            "Namun, peristiwa di Ukraina berubah.",
        ),
        ("\n\n  Kalimat pertama tanpa dateline. Kedua.", "Kalimat pertama tanpa dateline."),
        # capitalised words before a dash are not a dateline when they read as a sentence
        (
            "Sekretaris Jenderal NATO Jens Stoltenberg - kepala aliansi - berbicara.",
            "Sekretaris Jenderal NATO Jens Stoltenberg - kepala aliansi - berbicara.",
        ),
        ("Harga naik 2.5 persen. Kedua.", "Harga naik 2.5 persen."),
        ("", ""),
    ],
)
def test_title_from_lead(text, title):
    assert extract_title(text) == title


@pytest.mark.parametrize(("text", "title"), [
    # a hyphen inside a word opens no dateline: reduplicated words, names, codes
    ("Baru-baru ini warga resah. Mereka melapor.", "Baru-baru ini warga resah."),
    ("Undang-Undang Nomor 30 Tahun 2002 disetujui.", "Undang-Undang Nomor 30 Tahun 2002 disetujui."),
    ("KRI Nanggala-402: Kapal selam itu tenggelam", "KRI Nanggala-402: Kapal selam itu tenggelam"),
    ("Jelang Nyepi, Desa Adat Larang Ogoh-ogoh", "Jelang Nyepi, Desa Adat Larang Ogoh-ogoh"),
    ("PRESIDEN Ke-3 RI dilaporkan wafat.", "PRESIDEN Ke-3 RI dilaporkan wafat."),
    # a dateline a crawl glued to the lead still is one
    ("Liputan6.com, Jakarta-Indonesia adalah negara kepulauan.", "Indonesia adalah negara kepulauan."),
    ("TEMPO.CO,Jakarta-Ginjal adalah organ dalam tubuh.", "Ginjal adalah organ dalam tubuh."),
    ("LOS ANGELES-Katy Perry membatalkan konser.", "Katy Perry membatalkan konser."),
    ("Jakarta- Pemerintah menetapkan harga.", "Pemerintah menetapkan harga."),
    ("JAKARTA -Pemerintah menetapkan harga.", "Pemerintah menetapkan harga."),
])
def test_a_hyphen_inside_a_word_is_no_datelines_dash(text, title):
    assert extract_title(text) == title


LEAD = "REPUBLIKA.CO.ID, JAKARTA -- Hari ini, Ketua Umum PSSI Erick Thohir menyebut FIFA memilih Jakarta."


@pytest.mark.parametrize(("url", "title"), [
    # the headline a URL spells, each word as the text writes it (a dateline's capitals give way to `Jakarta`)
    ("https://news.republika.co.id/berita/sy23of475/erick-thohir-fifa-tetapkan-jakarta-jadi-pusat-asia",
     "Erick Thohir FIFA tetapkan Jakarta jadi pusat asia"),  # a word the text does not hold: as the URL has it
    ("https://news.detik.com/berita/d-7969384/polisi-tangkap-pelaku.html", "Polisi tangkap pelaku"),
    ("https://x.id/a/polisi-tangkap-pelaku-123456.html", "Polisi tangkap pelaku"),  # an id after it
    ("https://news.detik.com/berita-jawa-timur/d-7969384", LEAD[28:]),  # a section's words, not the article's
    ("http://[::1", LEAD[28:]),  # no URL at all
    # no headline in the URL (an id, a date, two words, none): the lead sentence
    ("https://example.com/2019/09/12/1234", LEAD[28:]),
    ("https://x.id/read/sy23of475/erick-thohir", LEAD[28:]),
    (None, LEAD[28:]),
])
def test_an_article_without_a_title_takes_the_headline_its_url_spells(url, title):
    import datetime as dt

    from searchapp.extract import extract_metadata
    from searchapp.extract.outlet import OutletTable
    from searchapp.extract.registry import PeopleRegistry

    meta = extract_metadata(LEAD, url=url, outlets=OutletTable([]), people=PeopleRegistry([]),
                            today=dt.date(2025, 6, 20))
    assert meta.title == title


def test_long_lead_is_cut_at_a_word_boundary():
    text = "BRUSSELS, KOMPAS.TV — " + " ".join(
        ["Sekretaris Jenderal NATO mengeluarkan pernyataan terkuat"] * 4
    )
    title = extract_title(text)
    assert title.endswith("…")
    assert len(title) <= 101
    assert title[:-1] == title[:-1].rstrip()
    assert ("Sekretaris Jenderal NATO mengeluarkan pernyataan terkuat " * 4).startswith(title[:-1])


def test_shorten():
    assert shorten("a b c", 100) == "a b c"
    assert shorten("kata " * 30, 20) == "kata kata kata kata…"
    assert shorten("x" * 150, 100) == "x" * 100 + "…"


@pytest.mark.parametrize(
    ("text", "byline"),
    [
        ("Reporter: Noverius Laoli | Editor: Noverius Laoli\nIsi.", ("Noverius Laoli", "Noverius Laoli")),
        (
            "Isi berita.\nPenulis : Ahmad Naufal Dzulfaroh\nEditor : Inggried Dwi Wedhaswary",
            ("Ahmad Naufal Dzulfaroh", "Inggried Dwi Wedhaswary"),
        ),
        ("Pewarta: Bayu Prasetyo\nIsi.", ("Bayu Prasetyo", None)),
        ("Isi.\nEditor: Sri Mulyani", (None, "Sri Mulyani")),
        ("Tidak ada byline. Reporter: kata orang itu.", (None, None)),
        # an export that joined the paragraphs with commas: the byline follows the last sentence
        ("Afifah pun terharu mendengarnya.,Penulis: Annesa K. Ramadhany,,,", ("Annesa K. Ramadhany", None)),
        ("", (None, None)),
        # every word that opens a field (the texts without one are not searched)
        ("Isi.\nWartawan: Dewi Lestari", ("Dewi Lestari", None)),
        ("Laporan Wartawan: Dewi Lestari\nIsi.", ("Dewi Lestari", None)),
        ("Laporan: Dewi Lestari\nIsi.", ("Dewi Lestari", None)),
        ("Isi.\nPenyunting: Dewi Lestari", (None, "Dewi Lestari")),
        ("Isi.\nRedaktur: Dewi Lestari", (None, "Dewi Lestari")),
    ],
)
def test_byline(text, byline):
    assert extract_byline(text) == byline


@pytest.mark.parametrize("field", ["Reporter", "Penulis", "Pewarta", "Editor", "Penyunting", "Redaktur"])
def test_byline_lines_are_masked_for_every_field(field):
    text = f"Isi berita.\n{field}: Dewi Lestari\n"
    assert byline_spans(text) and all(text[a:b].strip().startswith(field) for a, b in byline_spans(text))


@pytest.mark.parametrize(("credit", "person"), [
    ("Retno Ayuningrum -detikFinance", "Retno Ayuningrum"),  # a desk's name after the reporter's
    ("Herdi Alif Al Hikam – detikFinance", "Herdi Alif Al Hikam"),
    ("  Siti  Al-Hikam ", "Siti Al-Hikam"),
    ("Agustinus Rangga Respati, Erlangga Djumena", "Agustinus Rangga Respati, Erlangga Djumena"),
    ("Timothy Ronald", "Timothy Ronald"),
    ("Tempo.co", None),  # the outlet's own credit
    ("Antara -detikTravel", None),
    ("Tim News", None),  # a team's
    ("Tim detikcom -detikTravel", None),
    ("Redaksi", None),
    ("tim detikEvent -Sport", None),
    ("Tim Kompas.com, Firzie A. Idris", "Firzie A. Idris"),  # a team, then the reporter
    ("", None),
    (None, None),
])
def test_a_stated_credit_names_a_person_or_no_one(credit, person):
    from searchapp.extract.byline import credited

    assert credited(credit, lambda name: name.casefold() in {"tempo.co", "antara", "kompas.com"}) == person


def test_an_export_credit_reaches_the_document_as_the_person_alone():
    import datetime as dt

    from conftest import REPO

    from searchapp.config import load_settings
    from searchapp.documents import DocumentContext
    from searchapp.ingest.corpus import Article

    builder = DocumentContext(load_settings(REPO / "config" / "searchapp.yaml"), dt.date(2025, 6, 20)).load()
    body = "Harga mobil listrik turun pekan ini. Penjualan naik tajam di Jakarta."
    detik = builder.document(Article("a", "a.csv", body, reporter="Dina Rayanti -detikOto", editor="Tim Otomotif"))
    assert (detik.get("reporter"), detik.get("editor")) == ("Dina Rayanti", None)
    assert builder.document(Article("b", "b.csv", body, reporter="Liputan6.com")).get("reporter") is None
