"""Outlet table loading and outlet detection from URL hosts and text markers."""

from pathlib import Path

import pytest

from searchapp.errors import ConfigError
from searchapp.extract import OutletTable, detect_outlet
from searchapp.extract.outlet import host_of, site_of

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def table() -> OutletTable:
    return OutletTable.load(ROOT / "config" / "outlets.yaml")


def test_table_has_required_outlets(table):
    slugs = {o.slug for o in table.all()}
    assert {
        "kompas-tv",
        "cakapcakap",
        "kontan",
        "cnn-indonesia",
        "kumparan",
        "dailysocial",
        "antaranews",
        "merdeka",
        "juara",
        "suara",
        "rimanews",
        "goal-indonesia",
        "poskotanews",
        "kompas",
        "detik",
        "tempo",
        "republika",
        "liputan6",
        "tribunnews",
        "okezone",
        "cnbc-indonesia",
        "sindonews",
        "bisnis",
        "viva",
        "jpnn",
        "beritasatu",
        "tirto",
        "idntimes",
    } <= slugs
    assert table.get("kompas-tv").name == "Kompas TV"
    assert table.get("nope") is None


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("kompastv", "kompas-tv"),
        ("Kompas TV", "kompas-tv"),
        ("KOMPAS.TV", "kompas-tv"),
        ("cnn indonesia", "cnn-indonesia"),
        ("kompas-tv", "kompas-tv"),
        ("Merdeka.com", "merdeka"),
    ],
)
def test_aliases(table, name, slug):
    assert table.from_alias(name).slug == slug


@pytest.mark.parametrize(
    ("url", "slug"),
    [
        ("https://www.kompas.tv/article/12345/nato", "kompas-tv"),
        ("https://m.kompas.tv/x", "kompas-tv"),
        ("kompas.com/read/2022/02/24/x", "kompas"),
        ("https://nasional.kompas.com/read/2022/02/24/x", "kompas"),
        ("http://www.cnnindonesia.com/olahraga/20161112230644-142-172253/x/", "cnn-indonesia"),
        ("https://juara.bolasport.com/read/raket/1821380-x", "juara"),
        ("http://beta.goal.com/id/berita/x", "goal-indonesia"),
        ("https://nasional.kontan.co.id/news/x", "kontan"),
        ("https://example.org/news", None),
        ("not a url", None),
        ("", None),
    ],
)
def test_from_host(table, url, slug):
    outlet = table.from_host(url)
    assert (outlet.slug if outlet else None) == slug


def test_host_of():
    assert host_of("https://WWW.Kompas.TV:443/a?b=c") == "kompas.tv"
    assert host_of("kompas.com/read") == "kompas.com"
    assert host_of("") is None


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("BRUSSELS, KOMPAS.TV — Sekretaris Jenderal NATO berbicara.", "kompas-tv"),
        ("Isi berita.\nGabung ke Channel WhatsApp KompasTV untuk update berita terbaru.", "kompas-tv"),
        ("CakapCakap – Sekretaris Jenderal NATO Jens Stoltenberg mengatakan.", "cakapcakap"),
        ("Reporter: Noverius Laoli | Editor: Noverius Laoli\nNamun, peristiwa di Ukraina.", "kontan"),
        ("Jakarta, CNN Indonesia -- Presiden Joko Widodo meresmikan jalan tol.", "cnn-indonesia"),
        ("Jakarta, CNN Indonesia - - Bali lagi-lagi kedatangan tamu.", "cnn-indonesia"),
        ("Wamena (ANTARA News) - Pemerintah Kabupaten Jayawijaya mendatangkan tim.", "antaranews"),
        ("Serang, Banten (ANTARA) - Presiden Joko Widodo mengatakan.", "antaranews"),
        ("Makassar (Antara Sulsel) - Gubernur Sulawesi Selatan meninjau banjir.", "antaranews"),
        ("Ambon, 12/3 (Antara Maluku) - Gubernur Maluku meninjau lokasi longsor.", "antaranews"),
        ("Wamena (ANTARA Papua) - Bupati meninjau pasar.", "antaranews"),
        ("Merdeka.com - Wanderley Junior sukses melakoni debut.", "merdeka"),
        ("Suara.com - Cerita sekuel terbaru James Bond bocor.", "suara"),
        ("JAKARTA (Pos Kota) – Kepolisian belum memeriksa artis.", "poskotanews"),
        ("Rimanews - Komite Olimpiade Indonesia menyatakan.", "rimanews"),
        ("LE MANS, JUARA.net - Pebalap Marc VDS tampil cemerlang.", "juara"),
        ("Hal itu dikatakan Hendri kepada kumparan (kumparan.com), Sabtu.", "kumparan"),
        (
            "Isi.\nIkuti berita terkini di DailySocial.id, mengunduh laporan riset dan statistik.",
            "dailysocial",
        ),
        (" ujar Vizcarra kepada Goal Indonesia.", "goal-indonesia"),
        ("JAKARTA, KOMPAS.com - Pemerintah menetapkan.", "kompas"),
        ("TEMPO.CO, Jakarta - Pemerintah menetapkan.", "tempo"),
        ("Jakarta, CNBC Indonesia - Harga minyak naik.", "cnbc-indonesia"),
        ("Bisnis.com, JAKARTA - Harga minyak naik.", "bisnis"),
        ("Jakarta, IDN Times - Harga minyak naik.", "idntimes"),
    ],
)
def test_detect_outlet_from_text(table, text, slug):
    assert slug_of(text, None, table) == slug


@pytest.mark.parametrize(
    "text",
    [
        "BRUSSELS -- Sekretaris Jenderal NATO Jens Stoltenberg pada Jumat mengatakan.",
        "Sekretaris Jenderal NATO Jens Stoltenberg mengatakan bahwa anggota NATO bekerja sama.",
        "Seperti dilansir Sky News dan Reuters, kepala NATO menguraikan dukungan baru.",
        "Hal itu dilaporkan Kompas.com dan CNN Indonesia kemarin.",  # citations, not datelines
        "",
    ],
)
def test_no_marker_is_unknown(table, text):
    assert detect_outlet(text, None, table) is None


def slug_of(text: str, url: str | None, table) -> str | None:
    outlet = detect_outlet(text, url, table)
    return outlet.slug if outlet is not None else None


def test_the_url_names_the_publisher_even_of_another_outlets_text(table):
    text = "Jakarta, CNN Indonesia -- Presiden Joko Widodo meresmikan jalan tol."
    assert slug_of(text, "https://www.kompas.tv/article/1", table) == "kompas-tv"
    # a site the table does not know, carrying another outlet's text with its markers (a real pattern:
    # regional sites copying "kepada detikcom"), is still the publisher
    assert slug_of(text, "https://example.org/1", table) == "example-org"
    copied = "Medan - Hal itu dikatakan kepada detikcom, Senin (23/9/2019)."
    assert slug_of(copied, "https://posmetro-medan.example.com/x", table) == "example-com"
    assert slug_of(copied, None, table) == "detik"


def test_earliest_marker_wins(table):
    text = "Jakarta, CNN Indonesia -- Isi.\nHal itu dikatakan kepada kumparan (kumparan.com)."
    assert slug_of(text, None, table) == "cnn-indonesia"


@pytest.mark.parametrize(
    ("host", "site"),
    [
        ("katadata.co.id", "katadata.co.id"),
        ("news.katadata.co.id", "katadata.co.id"),
        ("m.jpnn.com", "jpnn.com"),
        ("regional.inews.id", "inews.id"),
        ("Bali.Tribunnews.com.", "tribunnews.com"),
        ("www.bbc.co.uk", "bbc.co.uk"),
        ("abc.net.au", "abc.net.au"),
        ("kompas.tv", "kompas.tv"),
        ("pemkot.surabaya.go.id", "surabaya.go.id"),
        ("127.0.0.1", None),
        ("localhost", None),
        ("", None),
    ],
)
def test_a_hosts_site_is_its_registrable_domain(host, site):
    assert site_of(host) == site


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://katadata.co.id/berita/nasional/1/judul", ("katadata-co-id", "katadata.co.id")),
        ("https://www.jawapos.com/nasional/01/judul", ("jawapos-com", "jawapos.com")),
        ("https://www.tribunjatim.com/2024/01/01/x", ("tribunjatim-com", "tribunjatim.com")),
        ("https://jatim.tribunnews.com/2024/01/01/x", ("tribunnews", "Tribunnews.com")),  # the table's
        ("http://politik.vivanews.com/news/read/1/judul", ("viva", "VIVA")),  # an outlet's old address
        ("http://127.0.0.1:8000/x", None),
    ],
)
def test_an_outlet_the_table_does_not_know_is_named_by_its_site(table, url, outlet):
    found = detect_outlet("Presiden Joko Widodo meresmikan jalan tol.", url, table)
    assert ((found.slug, found.name) if found else None) == outlet


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("JAKARTA, KATADATA.CO.ID - Menteri Keuangan Sri Mulyani mengatakan.", "katadata.co.id"),
        ("Jakarta, Gatra.com - Kepala BPS menyebut inflasi turun.", "gatra.com"),
        ("JawaPos.com – Ketua Umum PSSI Erick Thohir mengumumkan pelatih baru.", "jawapos.com"),
        ("MEDIAINDONESIA.COM - Gubernur meresmikan jembatan baru.", "mediaindonesia.com"),
        ("INILAH.COM, Jakarta - Wakil Presiden meminta masyarakat tenang.", "inilah.com"),
        ("Metrotvnews.com, Jakarta: Presiden meninjau banjir.", "metrotvnews.com"),
        ("Judul berita\nTRIBUNJATIM.COM, SURABAYA - Wali Kota menutup jalan.", "tribunjatim.com"),
        ("SURYA.co.id, SURABAYA - Wali Kota menutup jalan.", "surya.co.id"),
        # no dateline: a site cited in the text, an address in a sentence, a dateline past the opening
        ("Menurut Katadata.co.id, harga beras naik - lagi.", None),
        ("Jakarta - Data dari bps.go.id menunjukkan inflasi turun.", None),
        ("Pemerintah menetapkan harga baru. " * 16 + "\nGATRA.COM - Isi.", None),
        # under a headline, a date, a photo and its caption and credit: still the opening
        ("Wali Kota Surabaya Tutup Jalan Tunjungan Selama Pawai Budaya\nSenin, 14 Maret 2022 09:15 WIB\n"
         "Foto: TRIBUNJATIM.COM/Luhur Pambudi\nSuasana Jalan Tunjungan yang ditutup untuk pawai budaya pada "
         "Minggu pagi, disaksikan ribuan warga dari berbagai penjuru kota.\nPenulis: Luhur Pambudi | Editor: "
         "Dwi Prastika\nTRIBUNJATIM.COM, SURABAYA - Wali Kota menutup jalan.", "tribunjatim.com"),
        ("Jakarta - Presiden meninjau banjir.", None),
    ],
)
def test_a_site_written_as_the_dateline_names_an_unknown_outlet(table, text, site):
    found = detect_outlet(text, None, table)
    assert (found.name if found else None) == site


@pytest.mark.parametrize(
    ("stated", "resolved"),
    [
        ("kompas.com", ("kompas", "Kompas.com")),
        ("www.Katadata.co.id", ("katadata-co-id", "katadata.co.id")),  # a host: named by its site
        ("news.katadata.co.id", ("katadata-co-id", "katadata.co.id")),
        ("Katadata", ("katadata", "Katadata")),  # a name: kept as written
        ("Harian Rakyat Merdeka", ("harian-rakyat-merdeka", "Harian Rakyat Merdeka")),
    ],
)
def test_a_stated_outlet_resolves_as_the_url_would(table, stated, resolved):
    assert table.resolve(stated) == resolved


def write(tmp_path, body: str) -> Path:
    path = tmp_path / "outlets.yaml"
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "key", "message"),
    [
        ("outlets: [\n", None, "invalid YAML"),
        ("- slug: a\n", None, "mapping"),
        ("outlet: []\n", "outlet", "unknown key"),
        ("outlets: {}\n", "outlets", "expected a list"),
        ("outlets:\n  - slug: a\n", "outlets[0].name", "missing"),
        ("outlets:\n  - slug: a\n    name: A\n    color: red\n", "outlets[0].color", "unknown key"),
        ("outlets:\n  - slug: a\n    name: 5\n", "outlets[0].name", "string"),
        ("outlets:\n  - slug: a\n    name: A\n    hosts: a.com\n", "outlets[0].hosts", "list"),
        ("outlets:\n  - slug: a\n    name: A\n    hosts: [3]\n", "outlets[0].hosts[0]", "string"),
        ("outlets:\n  - slug: A B\n    name: A\n", "outlets[0].slug", "slug"),
        ("outlets:\n  - {slug: a, name: A}\n  - {slug: a, name: B}\n", "outlets[1].slug", "duplicate"),
        (
            "outlets:\n  - slug: a\n    name: A\n    patterns: ['(']\n",
            "outlets[0].patterns[0]",
            "regular expression",
        ),
        (
            "outlets:\n  - {slug: a, name: A, hosts: [a.com]}\n  - {slug: b, name: B, hosts: [a.com]}\n",
            "outlets[1].hosts[0]",
            "already used",
        ),
        ("outlets:\n  - slug: a\n    name: A\n    hosts: ['http://a.com']\n", "outlets[0].hosts[0]", "host"),
    ],
)
def test_load_rejects_bad_config(tmp_path, body, key, message):
    path = write(tmp_path, body)
    with pytest.raises(ConfigError) as info:
        OutletTable.load(path)
    assert info.value.path == str(path)
    assert info.value.key == key
    assert message in str(info.value)


def test_load_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        OutletTable.load(tmp_path / "missing.yaml")


def test_load_minimal(tmp_path):
    table = OutletTable.load(write(tmp_path, "outlets:\n  - slug: a\n    name: A\n"))
    assert [(o.slug, o.name, o.hosts, o.patterns, o.aliases) for o in table.all()] == [("a", "A", (), (), ())]
    assert detect_outlet("anything", None, table) is None


def test_a_dateline_whose_dash_was_dropped_names_its_outlet_once_read(table):
    from searchapp.ingest.cleaning import repair

    glued = "Liputan6.com, JakartaKita semua mengalami pasang surut."
    assert detect_outlet(glued, None, table) is None
    assert detect_outlet(repair(glued), None, table).slug == "liputan6"
