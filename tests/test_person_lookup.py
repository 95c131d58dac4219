"""A typed person is looked up as config/people.yaml names them first: an alias or another spelling of a
known person names that person, not every indexed name that happens to hold the word."""

from __future__ import annotations

import json
import re

import pytest
from conftest import make_settings

from searchapp.index.writer import build_index
from searchapp.search.request import SearchRequest
from searchapp.web.app import create_app

PEOPLE = """people:
  - name: Joko Widodo
    aliases: [Jokowi]
  - name: Vladimir Putin
    aliases: [Putin]
  - name: Soeharto
"""

ARTICLES = [  # (id, people stated by the corpus)
    ("a1", ["Joko Widodo"]), ("a2", ["Joko Widodo"]), ("a3", ["Joko Widodo", "Vladimir Putin"]),
    ("b1", ["Iriana Jokowi"]), ("b2", ["Jokowi-Ma'ruf Amin"]),
    ("c1", ["Vladimir Putin"]), ("c2", ["Khamenei Putin"]), ("c3", ["Vladimir Putindi"]), ("c4", ["Vladimir V. Putin"]),
    ("d1", ["Soeharto"]),
    ("e1", ["Gibran"]), ("e2", ["Gibran Rakabuming Raka"]), ("e3", ["Gibran Rakabuming Raka"]),
    ("g1", ["ANIES"]), ("g2", ["Anies"]), ("g3", ["Anies"]),
    ("h1", ["Kevin De Bruyne"]), ("h2", ["Kevin de Bruyne"]), ("h3", ["Kevin De Bruyne"]),
    ("h4", ["Laode M Syarif"]), ("h5", ["Laode M. Syarif"]), ("h6", ["Brahim Díaz"]), ("h7", ["Brahim Diaz"]),
    ("h8", ["Brahim Diaz"]), ("k1", ["Seo Seung-jae"]), ("k2", ["Seo Seung Jae"]),
    ("m1", ["MIke Pompeo"]), ("m2", ["Mike Pompeo"]),
    ("h9", ["Laode Syarif"]), ("h10", ["Laode M Syarif"]), ("y1", ["Yasonna H. Laoly"]), ("y2", ["Yasonna Laoly"]),
    ("y3", ["Yasonna Laoly"]), ("y4", ["Yasonna Hamonangan Laoly"]),
    ("j1", ["B.J. Habibie"]), ("j2", ["BJ Habibie"]), ("j3", ["B.J. Habibie"]), ("j4", ["Bambang P.S. Brodjonegoro"]),
    ("j5", ["Bambang PS Brodjonegoro"]), ("j6", ["Bambang Brodjonegoro"]), ("j7", ["Bambang Brodjonegoro"]),
    ("n1", ["Moon Jae-in"]), ("n2", ["Moon Jae-in"]), ("n3", ["MOON JAE IN"]),
]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    root = tmp_path_factory.mktemp("person_lookup")
    (root / "corpus").mkdir()
    records = [{"id": doc_id, "title": f"Berita {doc_id}", "body": f"Laporan rapat kabinet nomor {doc_id}. " * 5,
                "people": people, "outlet": "kompas"} for doc_id, people in ARTICLES]
    (root / "corpus" / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    (root / "people.yaml").write_text(PEOPLE)
    settings = make_settings(root / "corpus", root / "index", people_file=str(root / "people.yaml"),
                             **{"indexing.workers": 1})
    build_index(settings)
    return create_app(settings).test_client()


def ids(data: dict) -> list[str]:
    return sorted(hit["id"] for hit in data["results"])


@pytest.mark.parametrize(("typed", "person", "found"), [
    ("jokowi", "Joko Widodo", ["a1", "a2", "a3"]),  # an alias, though two other names hold the word
    ("JOKOWI", "Joko Widodo", ["a1", "a2", "a3"]),
    ("putin", "Vladimir Putin", ["a3", "c1", "c4"]),  # not "Khamenei Putin" nor "Vladimir Putindi"
    ("Suharto", "Soeharto", ["d1"]),  # the new spelling of a name written in the old
    ("iriana", "Iriana Jokowi", ["b1"]),  # no alias: the name it opens, as before
])
def test_a_person_filter_reads_the_configured_names_first(client, typed, person, found):
    data = client.get("/api/search", query_string={"person": typed}).get_json()
    assert data["filters"]["person"] == [person] and ids(data) == found


@pytest.mark.parametrize(("query", "found"), [
    ("orang:jokowi", ["a1", "a2", "a3"]),
    ('orang:"joko widodo"', ["a1", "a2", "a3"]),
    ("orang:putin", ["a3", "c1", "c4"]),
    ("orang:iriana", ["b1"]),
])
def test_the_person_operator_reads_them_too(client, query, found):
    assert ids(client.get("/api/search", query_string={"q": query}).get_json()) == found


def test_a_name_no_alias_settles_still_offers_the_choice(client):
    response = client.get("/api/search", query_string={"person": "vladimir"})
    assert response.status_code == 400
    assert response.get_json()["error"]["choices"] == ["Vladimir Putin", "Vladimir Putindi"]


def test_a_stub_written_in_another_case_gives_way_to_a_fuller_name_with_more_articles(client):
    response = client.get("/api/search", query_string={"person": "gibran"})
    assert response.status_code == 400
    assert response.get_json()["error"]["choices"] == ["Gibran Rakabuming Raka", "Gibran"]


@pytest.mark.parametrize(("typed", "person", "found"), [
    ("Gibran", "Gibran", ["e1"]),  # written as indexed: a facet's value selects itself
    ("ANIES", "Anies", ["g1", "g2", "g3"]),  # one person in any case: spelled as most articles spell them
    ("iriana jokowi", "Iriana Jokowi", ["b1"]),  # another case, and no fuller name has more articles
])
def test_a_name_written_as_indexed_selects_itself(client, typed, person, found):
    data = client.get("/api/search", query_string={"person": typed}).get_json()
    assert data["filters"]["person"] == [person] and ids(data) == found


@pytest.mark.parametrize(("typed", "person", "found"), [
    ("kevin de bruyne", "Kevin De Bruyne", ["h1", "h2", "h3"]),
    ("Kevin de Bruyne", "Kevin De Bruyne", ["h1", "h2", "h3"]),  # the fewer articles' spelling: the person
    ("Laode M. Syarif", "Laode M Syarif", ["h10", "h4", "h5", "h9"]),  # with or without the middle initial
    ("laode syarif", "Laode M Syarif", ["h10", "h4", "h5", "h9"]),
    ("Yasonna H Laoly", "Yasonna Laoly", ["y1", "y2", "y3"]),  # a middle name written out is another spelling
    ("bj habibie", "B.J. Habibie", ["j1", "j2", "j3"]),  # initials with full stops or without
    ("Bambang PS Brodjonegoro", "Bambang Brodjonegoro", ["j4", "j5", "j6", "j7"]),
    ("MOON JAE IN", "Moon Jae-in", ["n1", "n2", "n3"]),  # a short word with a vowel is a name's, in any case
    ("laode m", "Laode M Syarif", ["h10", "h4", "h5", "h9"]),  # typed words may open any spelling's words
    ("Brahim Díaz", "Brahim Diaz", ["h6", "h7", "h8"]),  # accents, either way
    ("díaz", "Brahim Diaz", ["h6", "h7", "h8"]),
    ("seo seung jae", "Seo Seung-jae", ["k1", "k2"]),  # a hyphen
    ("mike pompeo", "Mike Pompeo", ["m1", "m2"]),  # as many articles: the spelling with fewer capitals
])
def test_spellings_of_one_name_are_one_person(client, typed, person, found):
    data = client.get("/api/search", query_string={"person": typed}).get_json()
    assert data["filters"]["person"] == [person] and ids(data) == found


def test_the_facet_and_the_profiles_count_every_spelling_once(client):
    facet = {p["value"]: p["count"] for p in client.get("/api/search?per_page=1").get_json()["facets"]["person"]}
    assert facet["Kevin De Bruyne"] == 3 and "Kevin de Bruyne" not in facet
    assert facet["Anies"] == 3 and "ANIES" not in facet
    assert facet["Laode M Syarif"] == 4 and "Laode Syarif" not in facet and "Laode M. Syarif" not in facet
    assert facet["Moon Jae-in"] == 3 and "MOON JAE IN" not in facet
    listed = [p["name"] for p in client.get("/api/people?prefix=yasonna h").get_json()["people"]]
    assert listed == ["Yasonna Laoly", "Yasonna Hamonangan Laoly"]  # "h" opens a word of a spelling of each
    assert ids(client.get("/api/search", query_string={"q": 'orang:"yasonna h laoly"'}).get_json()) == [
        "y1", "y2", "y3"]  # the operator reads every spelling of the person too
    assert client.get("/api/people/kevin-de-bruyne").get_json()["total"] == 3
    names = [p["name"] for p in client.get("/api/people?prefix=kevin").get_json()["people"]]
    assert names == ["Kevin De Bruyne"]
    assert [p["name"] for p in client.get("/api/people?prefix=díaz").get_json()["people"]] == ["Brahim Diaz"]
    for query in ('orang:"kevin de bruyne"', "orang:bruyne"):  # the operator reads every spelling too
        assert ids(client.get("/api/search", query_string={"q": query}).get_json()) == ["h1", "h2", "h3"]
    for path in ("/api/people/brahim-díaz", "/tokoh/brahim-díaz"):  # a spelling the facet does not show
        moved = client.get(path)
        assert moved.status_code == 301 and moved.headers["Location"].endswith("/brahim-diaz")
    page = client.get("/cari?person=Kevin+de+Bruyne&collapse=false").get_data(as_text=True)
    chips = re.findall(r'<a class="person( selected)?" href="[^"]*" title="Halaman (Kevin [Dd]e Bruyne)"', page)
    assert len(chips) == 3 and all(selected for selected, _name in chips)  # either spelling: the filter's
    assert 'title="Hapus filter Kevin De Bruyne" aria-label="Hapus filter Kevin De Bruyne"' in page
    toggled = SearchRequest(people=("Kevin de Bruyne",)).toggled("person", "Kevin De Bruyne")
    assert toggled.people == ()  # taking the filter away, not adding a second spelling of it


def test_a_profile_address_naming_a_person_another_way_moves_to_theirs(client):
    moved = client.get("/api/people/jokowi")
    assert moved.status_code == 301 and moved.headers["Location"].endswith("/api/people/joko-widodo")
    assert moved.get_json()["moved_to"].endswith("/api/people/joko-widodo")  # the API answers JSON, even so
    assert client.get("/api/people/joko-widodo").get_json()["total"] == 3
    page = client.get("/tokoh/putin")
    assert page.status_code == 301 and page.headers["Location"].endswith("/tokoh/vladimir-putin")
    for ambiguous_or_unknown in ("/api/people/vladimir", "/tokoh/vladimir", "/api/people/nobody"):
        assert client.get(ambiguous_or_unknown).status_code == 404


def test_autocomplete_offers_the_person_an_alias_names_first(client):
    people = client.get("/api/people?prefix=jokowi").get_json()["people"]
    assert people[0] == {"name": "Joko Widodo", "count": 3}
    assert {p["name"] for p in people[1:]} == {"Iriana Jokowi", "Jokowi-Ma'ruf Amin"}  # the names it opens, after


def test_an_alias_an_export_states_as_a_person_is_indexed_as_the_person(tmp_path):
    """An export may state an alias as a person ("Jokowi"): config/people.yaml says whom it names."""
    from conftest import client_over

    body = "Laporan rapat kabinet di istana negara. " * 5
    client = client_over(tmp_path, [{"id": "a1", "body": body, "people": ["Joko Widodo"]},
                                    {"id": "a2", "body": body, "people": ["Jokowi"]}])
    for typed in ("Jokowi", "jokowi", "Joko Widodo"):
        data = client.get("/api/search", query_string={"person": typed}).get_json()
        assert data["filters"]["person"] == ["Joko Widodo"] and ids(data) == ["a1", "a2"]
    facet = client.get("/api/search").get_json()["facets"]["person"]
    assert [(p["value"], p["count"]) for p in facet] == [("Joko Widodo", 2)]
    moved = client.get("/api/people/jokowi")
    assert moved.status_code == 301 and moved.headers["Location"].endswith("/api/people/joko-widodo")


def test_names_differing_in_the_apostrophe_alone_are_one_person(tmp_path):
    from conftest import client_over

    body = "Laporan rapat kabinet di istana negara. " * 5
    client = client_over(tmp_path, [{"id": "a1", "body": body, "people": ["Jokowi-Ma'ruf Amin"]},
                                    {"id": "a2", "body": body, "people": ["Jokowi-Ma’ruf Amin"]}])
    facet = client.get("/api/search").get_json()["facets"]["person"]
    assert [(v["value"], v["count"]) for v in facet] == [("Jokowi-Ma'ruf Amin", 2)]
    profile = client.get(facet[0]["profile_url"].replace("/tokoh/", "/api/people/")).get_json()
    assert profile["total"] == 2


def test_initials_are_read_as_written_not_in_the_old_spelling():
    from searchapp.extract.registry import spelling_key

    assert spelling_key("T.J. McConnell") == spelling_key("TJ McConnell") != spelling_key("C. McConnell")
    assert spelling_key("Retno LP Marsudi") == spelling_key("Retno Lp Marsudi") == spelling_key("Retno Marsudi")
    assert spelling_key("Soeharto") == spelling_key("Suharto")  # a name's words still are


def test_typed_words_may_open_any_spelling_of_the_people_offered(client):
    response = client.get("/api/search", query_string={"person": "yasonna h"})
    assert response.status_code == 400  # Yasonna H. Laoly is Yasonna Laoly's spelling; Hamonangan another's
    assert response.get_json()["error"]["choices"] == ["Yasonna Laoly", "Yasonna Hamonangan Laoly"]


def test_abbreviated_name_words_are_not_initials():
    from searchapp.extract.registry import spelling_key

    assert spelling_key("I Gst Ngr Agung Putra") != spelling_key("I Agung Putra")
    assert spelling_key("Abdul Mhd Yusuf") != spelling_key("Abdul Yusuf")
