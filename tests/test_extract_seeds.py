"""Table test of metadata extraction on the five seed articles in corpus/."""

import datetime as dt
from pathlib import Path

import pytest

from searchapp.extract import Metadata, Outlet, OutletTable, PeopleRegistry, extract_metadata

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 25)

SEEDS = [
    (
        "000_66b54ca74a6c5a55.txt",
        "kontan",
        None,
        ("Jens Stoltenberg", "Vladimir Putin", "Recep Tayyip Erdogan"),
        ("Noverius Laoli", "Noverius Laoli"),
    ),
    ("001_22bccfffe0d59620.txt", None, dt.date(2022, 1, 28), ("Jens Stoltenberg",), (None, None)),
    (
        "002_dc1f0f6fe5e579c4.txt",
        "cakapcakap",
        dt.date(2022, 3, 24),
        ("Jens Stoltenberg", "Volodymyr Zelenskyy", "Vladimir Putin", "Bashar al-Assad"),
        (None, None),
    ),
    (
        "003_59201e24028e0ecf.txt",
        None,
        dt.date(2022, 8, 4),
        ("Jens Stoltenberg", "Vladimir Putin"),
        (None, None),
    ),
    (
        "004_54ce74dbc7c0aa92.txt",
        "kompas-tv",
        dt.date(2022, 2, 24),
        ("Jens Stoltenberg", "Joe Biden"),
        (None, None),
    ),
]


@pytest.fixture(scope="module")
def outlets() -> OutletTable:
    return OutletTable.load(ROOT / "config" / "outlets.yaml")


@pytest.fixture(scope="module")
def people() -> PeopleRegistry:
    return PeopleRegistry.load(ROOT / "config" / "people.yaml")


@pytest.mark.parametrize(("name", "outlet", "date", "names", "byline"), SEEDS)
def test_seed_article(outlets, people, name, outlet, date, names, byline):
    text = (ROOT / "corpus" / name).read_text(encoding="utf-8")
    meta = extract_metadata(text, outlets=outlets, people=people, today=TODAY)
    assert isinstance(meta, Metadata)
    assert meta.outlet == outlet
    assert meta.date == date
    assert meta.people == names
    assert (meta.reporter, meta.editor) == byline
    assert meta.title and len(meta.title) <= 101


def test_seed_titles(outlets, people):
    def title(name):
        text = (ROOT / "corpus" / name).read_text(encoding="utf-8")
        return extract_metadata(text, outlets=outlets, people=people, today=TODAY).title

    assert title("000_66b54ca74a6c5a55.txt").startswith("Namun, peristiwa di Ukraina")
    assert title("001_22bccfffe0d59620.txt").startswith(
        "Sekretaris Jenderal NATO Jens Stoltenberg pada Jumat"
    )
    assert title("002_dc1f0f6fe5e579c4.txt").startswith("Sekretaris Jenderal NATO")
    assert title("004_54ce74dbc7c0aa92.txt").startswith("Sekretaris Jenderal Sekjen NATO")
    assert title("004_54ce74dbc7c0aa92.txt").endswith("…")


def test_explicit_title_and_url_win(outlets, people):
    text = (ROOT / "corpus" / "001_22bccfffe0d59620.txt").read_text(encoding="utf-8")
    meta = extract_metadata(
        text,
        url="https://www.kompas.com/global/read/2022/01/29/101500870/nato-tak-kirim-pasukan",
        outlets=outlets,
        people=people,
        today=TODAY,
        title="  NATO Tak Kirim Pasukan ke Ukraina  ",
    )
    assert meta.title == "NATO Tak Kirim Pasukan ke Ukraina"
    assert meta.outlet == "kompas"
    assert meta.date == dt.date(2022, 1, 29)


def test_empty_text(outlets, people):
    meta = extract_metadata("", outlets=outlets, people=people, today=TODAY)
    assert meta == Metadata(title="")


def test_outlet_names_and_byline_are_not_people():
    outlets = OutletTable([Outlet("zorba", "Zorbatama Kelvani", aliases=("Zorbanews",))])
    text = (
        'Penulis: Aditya Pramudya\n"Banjir surut," kata Zorbatama Kelvani. Hal itu dibenarkan Sutopo Nugroho.'
    )
    meta = extract_metadata(text, outlets=outlets, people=PeopleRegistry(), today=TODAY)
    assert meta.people == ("Sutopo Nugroho",)
    assert meta.reporter == "Aditya Pramudya"


def test_a_name_opening_or_ending_with_an_outlets_name_is_no_person():
    outlets = OutletTable([Outlet("zorba", "Zorbanews")])
    text = ('Halo Sahabat Zorbanews, kata Sutopo Nugroho kepada wartawan. "Kami siap," kata Jaka Zorbanews. '
            'Acara Zorbanews Fest digelar, kata Rina Purnama.')
    meta = extract_metadata(text, outlets=outlets, people=PeopleRegistry(), today=TODAY)
    assert meta.people == ("Sutopo Nugroho", "Rina Purnama")
