"""The rubric facet: where a corpus states its articles' categories (an export's `category`/`rubrik`
column), results can be counted and narrowed by them."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from conftest import client_over

    return client_over(tmp_path_factory.mktemp("rubrik"), [
        {"id": "a", "body": "Harga cabai naik di pasar induk Jakarta.", "outlet": "kompas", "category": "Ekonomi"},
        {"id": "b", "body": "Harga beras naik menjelang hari raya.", "outlet": "kompas", "category": "ekonomi"},
        {"id": "c", "body": "Harga tiket konser naik tajam.", "outlet": "detik", "category": "Hiburan"},
        {"id": "d", "body": "Harga emas naik lagi pekan ini.", "outlet": "detik"},
    ])


def facet(data, name):
    return {v["value"]: (v["count"], v["selected"]) for v in data["facets"][name]}


def test_rubrics_are_counted_and_filter(client):
    data = client.get("/api/search?q=harga").get_json()
    # one rubric written in two cases is one value, under the spelling most of its articles use
    assert facet(data, "rubrik") == {"Ekonomi": (2, False), "Hiburan": (1, False)}
    narrowed = client.get("/api/search?q=harga&rubrik=ekonomi").get_json()
    assert sorted(r["id"] for r in narrowed["results"]) == ["a", "b"]  # the rubric's name without regard to case
    assert narrowed["filters"]["rubrik"] == ["ekonomi"]
    # counted as if no rubric were ticked, so every rubric stays visible; outlet counts follow the rubric
    assert facet(narrowed, "rubrik") == {"Ekonomi": (2, True), "Hiburan": (1, False)}
    assert {v["value"]: v["count"] for v in narrowed["facets"]["outlet"] if v["count"]} == {"kompas": 2}
    both = client.get("/api/search?q=harga&rubrik=Hiburan&outlet=kompas").get_json()
    assert both["total"] == 0 and facet(both, "rubrik")["Ekonomi"] == (2, False)
    toggle = [v["toggle_url"] for v in data["facets"]["rubrik"] if v["value"] == "Hiburan"][0]
    assert [r["id"] for r in client.get(toggle).get_json()["results"]] == ["c"]
    # ticked as "hiburan", shown as "Hiburan": its toggle unticks it
    ticked = client.get("/api/search?q=harga&rubrik=hiburan").get_json()
    untick = [v["toggle_url"] for v in ticked["facets"]["rubrik"] if v["value"] == "Hiburan"][0]
    assert client.get(untick).get_json()["filters"]["rubrik"] == []


def test_a_bad_rubric_is_a_400_and_the_page_shows_the_facet(client):
    response = client.get("/api/search?q=harga&rubrik=" + "x" * 101)
    assert response.status_code == 400 and response.get_json()["error"]["param"] == "rubrik"
    page = client.get("/cari?q=harga&rubrik=Hiburan").get_data(as_text=True)
    assert "<legend>Rubrik</legend>" in page and 'value="Hiburan"' in page and "Rubrik:</span> Hiburan" in page
