"""The JSON API, through Flask's test client and a real waitress server; every response is checked
against the OpenAPI description."""

import json
import re
import urllib.error
import urllib.request

import jsonschema
import pytest

from searchapp.web.openapi import openapi_document

SPEC = openapi_document()


def schema_for(path: str, status: int) -> dict:
    operation = SPEC["paths"][path]["get"]
    content = operation["responses"][str(status)]["content"]["application/json"]["schema"]
    return {**content, "components": SPEC["components"]}


def conforms(response, path: str) -> dict:
    assert response.content_type.startswith("application/json")
    data = response.get_json()
    jsonschema.validate(data, schema_for(path, response.status_code),
                        cls=jsonschema.Draft202012Validator)
    return data


def test_search_nato_kontan_has_facets_and_highlights(client):
    response = client.get("/api/search?q=nato&outlet=kontan")
    assert response.status_code == 200
    data = conforms(response, "/api/search")
    assert data["total"] == 1
    assert [r["id"] for r in data["results"]] == ["000_66b54ca74a6c5a55"]
    hit = data["results"][0]
    assert hit["outlet"] == "kontan" and hit["outlet_name"] == "Kontan"
    assert "<mark>NATO</mark>" in hit["snippet"]
    outlets = {f["value"]: f for f in data["facets"]["outlet"]}
    assert outlets["kontan"]["selected"] and outlets["kontan"]["count"] == 1
    assert outlets["kompas-tv"]["count"] == 1 and not outlets["kompas-tv"]["selected"]
    assert outlets["kontan"]["toggle_url"] == "/api/search?q=nato"
    assert outlets["kompas-tv"]["toggle_url"] == "/api/search?q=nato&outlet=kontan&outlet=kompas-tv"
    assert data["facets"]["unknown"] == {"outlet": 2, "date": 1}  # outlet: counted before the outlet filter


@pytest.mark.parametrize("named", ["kompas-tv", "Kompas TV", "kompastv", "kompas.tv", "https://www.kompas.tv/a/1"])
def test_an_outlet_is_named_by_its_slug_name_alias_or_host(client, named):
    data = conforms(client.get("/api/search", query_string={"q": "nato", "outlet": named}), "/api/search")
    assert data["total"] == 1 and data["filters"]["outlet"] == ["kompas-tv"]
    assert [v["value"] for v in data["facets"]["outlet"] if v["selected"]] == ["kompas-tv"]


def test_a_slug_an_earlier_outlet_table_gave_still_names_the_outlet(client):
    """Before KapanLagi was configured its articles got the slug of their host's name, `kapanlagi-com`:
    links with it still name the outlet (its alias `kapanlagi.com`, punctuation ignored)."""
    data = conforms(client.get("/api/search?q=nato&outlet=kapanlagi-com"), "/api/search")
    assert data["filters"]["outlet"] == ["kapanlagi"] and data["total"] == 0
    assert client.get("/api/search?q=nato&outlet=kapanlagi-co").status_code == 400
    moved = client.get("/api/outlets/kapanlagi-com")
    assert moved.status_code == 301 and moved.headers["Location"].endswith("/api/outlets/kapanlagi")
    assert moved.get_json() == {"moved_to": moved.headers["Location"]}
    assert client.get("/api/outlets/kapanlagi").get_json()["name"] == "KapanLagi"
    moved = client.get("/media/kapanlagi-com?x=1")
    assert moved.status_code == 301 and moved.headers["Location"].endswith("/media/kapanlagi?x=1")
    assert client.get("/media/kapanlagi-co").status_code == 404


def test_repeated_parameters_mean_several_values(client):
    data = conforms(client.get("/api/search?q=nato&outlet=kontan&outlet=kompas-tv"), "/api/search")
    assert data["total"] == 2
    data = conforms(client.get("/api/search?person=Jens+Stoltenberg&person=Joe+Biden"), "/api/search")
    assert [r["id"] for r in data["results"]] == ["004_54ce74dbc7c0aa92"]


@pytest.mark.parametrize(("typed", "person"), [("putin", "Vladimir Putin"), ("Jens", "Jens Stoltenberg")])
def test_a_person_filter_resolves_as_autocomplete_does(client, typed, person):
    data = conforms(client.get(f"/api/search?person={typed}"), "/api/search")
    assert data["filters"]["person"] == [person]
    assert data["total"] == {"Vladimir Putin": 3, "Jens Stoltenberg": 5}[person]
    selected = [v for v in data["facets"]["person"] if v["selected"]]
    assert [v["value"] for v in selected] == [person] and selected[0]["toggle_url"] == "/api/search"


@pytest.mark.parametrize(("typed", "code", "choices"), [
    ("b", "ambiguous_person", ["Bashar al-Assad", "Budi Santoso", "Joe Biden"]),
    ("Tak Dikenal", "unknown_person", []),
])
def test_a_person_filter_naming_several_or_nobody_is_400_naming_them(client, typed, code, choices):
    response = client.get("/api/search", query_string={"q": "nato", "person": typed})
    error = response.get_json()["error"]
    assert response.status_code == 400 and error["code"] == code and error["param"] == "person"
    assert error["choices"] == choices and all(name in error["message"] for name in choices)


def test_dates_are_iso_and_filters_echoed(client):
    data = conforms(client.get("/api/search?q=nato&from=2022-02-01&to=2022-03-31&sort=oldest"), "/api/search")
    assert [r["date"] for r in data["results"]] == ["2022-02-24", "2022-03-24"]
    assert data["filters"] == {"outlet": [], "rubrik": [], "person": [], "from": "2022-02-01", "to": "2022-03-31"}


def test_pagination_links(client):
    data = conforms(client.get("/api/search?q=nato&per_page=2&page=2"), "/api/search")
    assert data["pages"] == 3 and len(data["results"]) == 2
    assert data["urls"]["next"] == "/api/search?q=nato&page=3&per_page=2"
    assert data["urls"]["previous"] == "/api/search?q=nato&per_page=2"


def test_suggestion(client):
    data = conforms(client.get("/api/search?q=stoltenbreg"), "/api/search")
    assert data["suggestion"] == "stoltenberg"
    assert data["urls"]["suggestion"] == "/api/search?q=stoltenberg"


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("page=0", "page"), ("page=abc", "page"), ("per_page=1000", "per_page"), ("per_page=0", "per_page"),
        ("from=2022-13-45", "from"), ("to=kemarin", "to"), ("from=2022-03-01&to=2022-02-01", "from"),
        ("sort=foo", "sort"), ("q=" + "a" * 5000, "q"), ("outlet=no-such-outlet", "outlet"),
        ("page=1&page=2", "page"), ("colour=red", "colour"), ("page=99999", "page"),
    ],
)
def test_bad_parameters_are_400_with_a_json_error(client, query, param):
    response = client.get(f"/api/search?{query}")
    assert response.status_code == 400
    data = conforms(response, "/api/search")
    assert data["error"]["param"] == param
    assert data["error"]["code"] == "invalid_parameter"
    assert len(data["error"]["message"]) > 10
    assert "Traceback" not in response.get_data(as_text=True)


def test_a_date_parameter_takes_the_forms_its_error_names(client):
    message = client.get("/api/search?from=2022-13-45").get_json()["error"]["message"]
    assert message.startswith("'from' must be a date written YYYY-MM-DD (or YYYY-MM, YYYY, DD/MM/YYYY)")
    for written in ("2022-02-24", "2022-02", "2022", "24/02/2022"):
        assert client.get(f"/api/search?from={written}").status_code == 200


@pytest.mark.parametrize("query", ["tanggal:2019-13", "nato tanggal:2022-02-30", "tanggal:31/02/2022..2022",
                                   "(tanggal:2019-13)", 'tanggal:"2019-13"', "nato -tanggal:>2022-00"])
def test_a_date_operator_naming_no_date_of_the_calendar_is_400(client, query):
    response = client.get("/api/search", query_string={"q": query})
    error = conforms(response, "/api/search")["error"]
    assert response.status_code == 400 and error["param"] == "q" and error["code"] == "invalid_date"
    assert query.split("tanggal:")[1].strip('()"') in error["message"]
    page = client.get("/cari", query_string={"q": query})
    assert page.status_code == 400 and "tidak ada di kalender" in page.get_data(as_text=True)


@pytest.mark.parametrize("typed", ["ｎａｔｏ", "na\u200bto", "\ufeffnato", "NATO"])
def test_a_query_is_read_as_its_words_are_meant(client, typed):
    """Full-width letters (an Asian keyboard) and invisible characters (text pasted from a page) are the
    plain word; a date operator that names a real date stays a date."""
    plain = client.get("/api/search?q=nato&per_page=50").get_json()
    data = client.get("/api/search", query_string={"q": typed, "per_page": 50}).get_json()
    assert data["total"] == plain["total"] > 0 and data["results"] == plain["results"]
    assert client.get("/api/search?q=nato+tanggal:>=2022-02-28").status_code == 200
    highlighted = client.get("/api/documents/004_54ce74dbc7c0aa92", query_string={"q": typed}).get_json()
    assert highlighted["matches"] == client.get("/api/documents/004_54ce74dbc7c0aa92?q=nato").get_json()["matches"] > 0


def test_document_endpoint(client):
    data = conforms(client.get("/api/documents/004_54ce74dbc7c0aa92?q=serangan"), "/api/documents/{id}")
    assert data["id"] == "004_54ce74dbc7c0aa92" and data["outlet"] == "kompas-tv"
    assert data["body"].startswith("BRUSSELS, KOMPAS.TV")
    assert data["matches"] >= 3
    assert 1 <= len(data["related"]) <= 5


def test_unknown_document_is_json_404(client):
    response = client.get("/api/documents/nope")
    assert response.status_code == 404
    assert conforms(response, "/api/documents/{id}")["error"]["code"] == "not_found"


def test_outlets_people_health(client):
    outlets = conforms(client.get("/api/outlets"), "/api/outlets")["outlets"]
    by_slug = {o["slug"]: o for o in outlets}
    assert by_slug["kontan"]["count"] == 2 and by_slug["kontan"]["name"] == "Kontan"
    assert by_slug["kompas-tv"]["count"] == 3 and by_slug["cakapcakap"]["count"] == 2
    counts = [o["count"] for o in outlets]  # most articles first, outlets without one last
    assert counts == sorted(counts, reverse=True) and outlets[0]["slug"] == "kompas-tv" and counts[-1] == 0
    empty = [o["name"].casefold() for o in outlets if not o["count"]]
    assert empty == sorted(empty)  # then by name, not in the configuration's order
    people = conforms(client.get("/api/people?prefix=stol"), "/api/people")["people"]
    assert people == [{"name": "Jens Stoltenberg", "count": 5}]
    assert client.get("/api/people?limit=0").status_code == 400
    health = conforms(client.get("/api/health"), "/api/health")
    assert health["status"] == "ok" and health["documents"] == 9


def test_unknown_route_and_wrong_method_are_json(client):
    response = client.get("/api/nothing-here")
    assert response.status_code == 404 and response.get_json()["error"]["code"] == "not_found"
    response = client.post("/api/search")
    assert response.status_code == 405 and response.get_json()["error"]["code"] == "method_not_allowed"
    assert "GET" in response.headers["Allow"]


def test_openapi_document_is_valid_openapi_31(client):
    data = client.get("/api/openapi.json").get_json()
    assert data["openapi"] == "3.1.0"
    routes = {re.sub(r"<(?:path:)?(\w+)>", lambda m: "{id}" if m[1] == "doc_id" else f"{{{m[1]}}}", rule.rule)
              for rule in client.application.url_map.iter_rules() if rule.rule.startswith("/api/")}
    assert set(data["paths"]) == routes and "/api/timeline" in routes  # every endpoint described
    for schema in data["components"]["schemas"].values():
        jsonschema.Draft202012Validator.check_schema(schema)


def test_security_headers(client):
    response = client.get("/api/search?q=nato")
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def fetch(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_real_server_answers_search_and_errors(live_server):
    status, data = fetch(f"{live_server}/api/search?q=nato&outlet=kontan")
    assert status == 200 and data["total"] == 1
    status, data = fetch(f"{live_server}/api/search?page=0")
    assert status == 400 and data["error"]["param"] == "page"
    status, data = fetch(f"{live_server}/api/search?q=%22%3Cscript%3E")
    assert status == 200


def test_real_server_serves_new_articles_after_reindexing(fresh):
    """Another process's `searchapp index` while the server runs: new articles appear, no restart."""
    import subprocess
    import sys

    from conftest import served

    from searchapp.index.writer import build_index
    from searchapp.web.app import create_app

    build_index(fresh)
    with served(create_app(fresh), threads=2) as base:
        assert fetch(f"{base}/api/search?q=kalimantan")[1]["total"] == 0
        (fresh.corpus / "banjir.txt").write_text("Banjir melanda Kalimantan Selatan.", encoding="utf-8")
        command = [sys.executable, "-m", "searchapp.cli", "index", "--config", str(fresh.config_path),
                   "--corpus", str(fresh.corpus), "--index", str(fresh.index)]
        subprocess.run(command, check=True, capture_output=True, timeout=120)
        status, data = fetch(f"{base}/api/search?q=kalimantan")
        assert status == 200 and [r["id"] for r in data["results"]] == ["banjir"]
        subprocess.run([*command, "--rebuild"], check=True, capture_output=True, timeout=120)
        assert fetch(f"{base}/api/search?q=kalimantan")[1]["total"] == 1
        assert fetch(f"{base}/api/health")[1]["documents"] == 10


def test_an_index_whose_first_segment_has_no_date_serves_every_endpoint(tmp_path):
    """Regression: Whoosh's multi-segment column reader skipped the undated first segment and read
    past the end of the next one, and every endpoint answered 500 until a --rebuild."""
    from conftest import make_settings

    from searchapp.index.writer import build_index
    from searchapp.web.app import create_app

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Berita tanpa tanggal tentang NATO dan Rusia di Jakarta.\n", encoding="utf-8")
    settings = make_settings(corpus, tmp_path / "index", **{"indexing.workers": 1})
    build_index(settings)
    (corpus / "b.md").write_text("---\ndate: 2022-02-24\ntitle: Perang\n---\nRusia menyerang Ukraina.\n",
                                 encoding="utf-8")
    build_index(settings)
    client = create_app(settings).test_client()
    for path in ("/api/search?q=rusia", "/cari?q=rusia", "/api/health", "/api/outlets", "/api/search?sort=newest"):
        assert client.get(path).status_code == 200, path
    data = client.get("/api/search?q=rusia&sort=newest").get_json()
    assert [r["date"] for r in data["results"]] == ["2022-02-24", None]
    assert {m["value"]: m["count"] for m in data["facets"]["month"]} == {"2022-02": 1}
    assert data["facets"]["unknown"]["date"] == 1


def test_a_query_over_the_limit_is_refused_as_sent_not_as_trimmed(client):
    """The limit is on the parameter as sent (as the OpenAPI description says), control characters
    that trimming would drop included."""
    response = client.get("/api/search", query_string={"q": "nato" + "\x1f" * 1000})
    assert response.status_code == 400 and response.get_json()["error"]["param"] == "q"
    assert client.get("/api/search", query_string={"q": "nato" + " " * 990}).status_code == 200


def test_a_date_pick_keeps_the_histogram_and_every_outlet(client):
    everything = client.get("/api/search").get_json()
    february = client.get("/api/search?from=2022-02-01&to=2022-02-28").get_json()
    months = {v["value"]: v["count"] for v in everything["facets"]["month"]}
    assert {v["value"]: v["count"] for v in february["facets"]["month"]} == months  # counted as if no date picked
    assert [v["value"] for v in february["facets"]["month"] if v["selected"]] == ["2022-02"]
    assert february["total"] == 3 < sum(months.values())
    outlets = {v["value"]: v["count"] for v in february["facets"]["outlet"]}
    assert set(outlets) == {v["value"] for v in everything["facets"]["outlet"]}  # none disappears …
    assert 0 in outlets.values() and sum(outlets.values()) == february["total"]  # … some at 0
    assert "unknown" in outlets and february["facets"]["unknown"]["date"] == everything["facets"]["unknown"]["date"]


@pytest.mark.parametrize(("query", "param", "words"), [
    ("q=" + "+".join(["kata"] * 51), "q", "51 words"),
    ("q=" + "a" * 101, "q", "longer than 100"),
    ("&".join(f"person=orang{n}" for n in range(21)), "person", "21 'person' values"),
    ("&".join(f"outlet=x{n}" for n in range(21)), "outlet", "21 'outlet' values"),
    ("&".join(f"rubrik=r{n}" for n in range(1000)), "rubrik", "1000 'rubrik' values"),
])
def test_a_request_beyond_the_caps_is_400_naming_the_cap(client, query, param, words):
    response = client.get(f"/api/search?{query}")
    error = response.get_json()["error"]
    assert response.status_code == 400 and error["param"] == param and words in error["message"]


def test_the_page_leaves_out_what_is_beyond_the_caps(client):
    response = client.get("/cari?q=nato&" + "&".join(f"person=orang{n}" for n in range(21)))
    assert response.status_code == 400 and "Terlalu banyak nilai “person” (maksimal 20)" in response.data.decode()
    assert "5</strong> hasil" in response.data.decode()  # the search itself runs, without that filter


@pytest.mark.parametrize(("value", "status"), [("%1F", 400), ("0765-00", 400), ("2022-13", 400), ("%20", 200),
                                               ("24%2F02%2F2022", 200), ("2022-02", 200)])
def test_date_parameters_agree_with_the_openapi_pattern(client, value, status):
    import re
    from urllib.parse import unquote

    from searchapp.web.openapi import DATE_PARAMETER

    response = client.get(f"/api/search?to={value}")
    assert response.status_code == status
    assert bool(re.match(DATE_PARAMETER["pattern"], unquote(value))) == (status == 200)


def test_an_outlet_the_table_learns_moves_its_articles_and_its_old_slug_follows(tmp_path):
    """Articles indexed while the table did not know KapanLagi carry `kapanlagi-com`; once it does, the next
    run extracts them again under `kapanlagi`, and the old slug names the outlet (the index's terms of
    the deleted documents notwithstanding): a filter finds them, the profile moves, never to itself."""
    import json

    from conftest import REPO, make_settings

    from searchapp.index.writer import build_index
    from searchapp.web.app import create_app

    table = (REPO / "config" / "outlets.yaml").read_text(encoding="utf-8")
    block = table[table.index("  - slug: kapanlagi"):table.index("  - slug: wowkeren")]
    outlets = tmp_path / "outlets.yaml"
    outlets.write_text(table.replace(block, ""), encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "k.jsonl").write_text("".join(json.dumps({"id": f"k{n}", "body": f"Kabar artis ke-{n} hari ini.",
                                                        "outlet": "kapanlagi.com"}) + "\n" for n in range(3)),
                                    encoding="utf-8")
    settings = make_settings(corpus, tmp_path / "index", outlets_file=str(outlets), **{"indexing.workers": 1})
    build_index(settings)
    assert create_app(settings).test_client().get("/api/search?q=artis").get_json()["results"][0]["outlet"] \
        == "kapanlagi-com"
    outlets.write_text(table, encoding="utf-8")
    assert build_index(settings).updated == 3
    client = create_app(settings).test_client()
    data = client.get("/api/search?q=artis&outlet=kapanlagi-com&collapse=false").get_json()
    assert data["filters"]["outlet"] == ["kapanlagi"] and data["total"] == 3
    moved = client.get("/api/outlets/kapanlagi-com")
    assert moved.status_code == 301 and moved.headers["Location"].endswith("/api/outlets/kapanlagi")
    moved = client.get("/media/kapanlagi-com?slug=x&_external=1")
    assert moved.status_code == 301 and moved.headers["Location"] == "/media/kapanlagi?slug=x&_external=1"


@pytest.mark.parametrize("written", ["2022-02-24", "24/02/2022", "24-02-2022", "2022/02/24", "24.02.2022",
                                     '"24 Februari 2022"', "24-Feb-2022"])
def test_a_day_is_read_however_indonesians_write_it(client, written):
    data = client.get("/api/search", query_string={"q": f"nato tanggal:{written}"}).get_json()
    assert [r["date"] for r in data["results"]] == ["2022-02-24"]
    month = client.get("/api/search", query_string={"q": "nato tanggal:02/2022"}).get_json()
    assert month["total"] >= 1 and all(r["date"].startswith("2022-02") for r in month["results"])


def test_other_compatibility_characters_stay_as_articles_write_them(tmp_path):
    from conftest import client_over

    client = client_over(tmp_path, [{"id": "a", "body": "Lahan seluas 500 m² di Kafé Erdoğan melepas CO₂. " * 4}])
    for query in ("m²", "CO₂"):
        data = client.get("/api/search", query_string={"q": query}).get_json()
        assert data["query"] == query and data["total"] == 1
    # an accent typed apart from its letter is the letter with it, as the articles are read (NFC)
    assert client.get("/api/search", query_string={"q": "Erdog\u0306an"}).get_json()["total"] == 1


@pytest.mark.parametrize(("query", "filtered"), [
    ("orang:stoltenberg", "person=Jens+Stoltenberg"), ("outlet:kontan", "outlet=kontan"), ("-bunga", None),
])
def test_a_query_of_operators_alone_lists_the_newest_first(client, query, filtered):
    """Nothing to rank by: the articles in the order an empty query lists them, not by article id."""
    data = client.get("/api/search", query_string={"q": query, "per_page": 50}).get_json()
    dates = [r["date"] for r in data["results"]]
    assert len(dates) > 1 and [d for d in dates if d] == sorted((d for d in dates if d), reverse=True)
    if filtered:
        same = client.get(f"/api/search?{filtered}&per_page=50").get_json()
        assert [r["id"] for r in data["results"]] == [r["id"] for r in same["results"]]


def test_a_date_range_ending_before_it_starts_is_400(client):
    response = client.get("/api/search", query_string={"q": "nato tanggal:2022-03..2022-01"})
    error = conforms(response, "/api/search")["error"]
    assert response.status_code == 400 and error["code"] == "reversed_range" and "2022-03..2022-01" in error["message"]
    page = client.get("/cari", query_string={"q": "nato tanggal:2022-03..2022-01"}).get_data(as_text=True)
    assert "berakhir sebelum dimulai" in page


@pytest.mark.parametrize(("query", "order"), [
    ("q=", "newest"), ("q=tanggal:2022", "newest"), ("q=-nato", "newest"), ("q=nato", "relevance"),
    ("q=&sort=oldest", "oldest"), ("q=nato&sort=newest", "newest"),
])
def test_sort_says_the_order_the_results_come_in(client, query, order):
    data = client.get(f"/api/search?{query}").get_json()
    assert data["sort"] == order
    dates = [hit["date"] for hit in data["results"] if hit["date"]]  # the undated come last either way
    if order in ("newest", "oldest"):
        assert len(dates) > 1 and dates == sorted(dates, reverse=order == "newest")


@pytest.mark.parametrize(("query_string", "param", "kind"), [
    ("q=%ff", "q", "UTF-8"),  # a byte that is no UTF-8: Werkzeug would search the text "%FF"
    ("q=%ED%A0%80", "q", "UTF-8"),  # a lone surrogate
    ("q=nato&person=%C3", "person", "UTF-8"),
    ("q=%01banjir%1b", "q", "control"),  # would break the feed's XML
])
def test_a_parameter_that_is_not_text_is_a_400_everywhere(client, query_string, param, kind):
    for path in ("/api/search", "/api/timeline", "/api/export"):
        response = client.get(f"{path}?{query_string}")
        assert response.status_code == 400
        error = response.get_json()["error"]
        assert error["code"] == "invalid_text" and error["param"] == param and kind in error["message"]
    assert client.get(f"/cari.atom?{query_string}").get_json()["error"]["code"] == "invalid_text"  # the feed's
    for path in ("/cari", "/bandingkan"):
        response = client.get(f"{path}?{query_string}")
        assert response.status_code == 400 and "text/html" in response.content_type
        assert ("bukan teks UTF-8" if kind == "UTF-8" else "karakter kendali") in response.get_data(as_text=True)


def test_text_that_only_looks_odd_is_searched(client):
    for query_string in ("q=%25FF", "q=nato%0Arusia", "q=%E2%80%9Cnato%E2%80%9D", "q=nato%09rusia",
                         "q=nato%0Brusia", "q=nato%0Crusia", "q=nato%C2%85rusia"):  # a word processor's breaks
        assert client.get(f"/api/search?{query_string}").status_code == 200
        assert client.get(f"/cari?{query_string}").status_code == 200
    assert client.get("/api/search?q=nato%0Brusia").get_json()["query"] == "nato rusia"
    feed = client.get("/cari.atom?q=nato%0Crusia")
    assert feed.status_code == 200 and b"\x0c" not in feed.data


def test_a_parameter_given_twice_with_two_values_or_unknown_is_a_400_on_every_endpoint(client):
    outlet = client.get("/api/outlets").get_json()["outlets"][0]["slug"]
    person = client.get("/api/people?limit=1").get_json()["people"][0]["name"]
    doc = client.get("/api/search?q=nato").get_json()["results"][0]["id"]
    twice = {"/api/timeline?q=nato&interval=week&interval=month": "interval",
             "/api/compare?q=nato&q=rusia&interval=week&interval=month": "interval",
             "/api/export?q=nato&format=csv&format=jsonl": "format",
             "/api/people?prefix=a&prefix=b": "prefix",
             f"/api/documents/{doc}?q=a&q=b": "q"}
    for url, param in twice.items():
        response = client.get(url)
        assert response.status_code == 400 and response.get_json()["error"]["param"] == param, url
        assert "given 2 times" in response.get_json()["error"]["message"]
        assert client.get(url.replace("=week", "=month").replace("=jsonl", "=csv").replace("=b", "=a")
                          .replace("q=a&q=a", "q=a")).status_code == 200, url  # the same value again is no clash
    slug = client.get(f"/api/search?person={person}").get_json()["facets"]["person"][0]["profile_url"]
    for url in (f"{slug}?from=bad", f"{slug}?bogus=1", f"/api/outlets/{outlet}?interval=hour", "/api/outlets?x=1",
                "/api/health?x=1", "/api/openapi.json?x=1"):
        response = client.get(url)
        assert response.status_code == 400 and response.get_json()["error"]["code"] == "invalid_parameter", url
    assert client.get(slug).status_code == 200


def test_no_page_past_the_last_one_a_reader_may_ask_for_is_offered(client, monkeypatch):
    monkeypatch.setattr("searchapp.search.results.MAX_PAGE", 2)
    data = client.get("/api/search?per_page=1&page=2").get_json()
    assert data["total"] > 2 and data["pages"] == 2 and data["urls"]["next"] is None and data["after"] is None
    page = client.get("/cari?per_page=1").get_data(as_text=True)
    assert "page=2" in page and "page=3" not in page
