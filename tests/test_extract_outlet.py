"""Outlet table loading and outlet detection from URL hosts and text markers."""

from pathlib import Path

import pytest

from searchapp.errors import ConfigError
from searchapp.extract import OutletTable, detect_outlet
from searchapp.extract.outlet import host_of

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
    assert detect_outlet(text, None, table) == slug


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


def test_url_host_wins_over_text(table):
    text = "Jakarta, CNN Indonesia -- Presiden Joko Widodo meresmikan jalan tol."
    assert detect_outlet(text, "https://www.kompas.tv/article/1", table) == "kompas-tv"
    assert detect_outlet(text, "https://example.org/1", table) == "cnn-indonesia"


def test_earliest_marker_wins(table):
    text = "Jakarta, CNN Indonesia -- Isi.\nHal itu dikatakan kepada kumparan (kumparan.com)."
    assert detect_outlet(text, None, table) == "cnn-indonesia"


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
