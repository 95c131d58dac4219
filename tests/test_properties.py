"""Hostile input through every entry point, generated (hypothesis): any Unicode string is read without
an exception, in bounded time (a regular expression that backtracks on a long line is a bug), and the
web answers it with a page or a 400, never a 500."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh.analysis import CompositeAnalyzer
from whoosh.formats import Positions

from searchapp.config import load_settings
from searchapp.errors import QueryError
from searchapp.extract import extract_metadata
from searchapp.extract.glue import unglue
from searchapp.extract.outlet import OutletTable
from searchapp.extract.people import PeopleRegistry
from searchapp.index.analysis import build_analyzer
from searchapp.index.schema import TermPositions
from searchapp.ingest.cleaning import Boilerplate, repair
from searchapp.ingest.datetimes import DateError, parse_stamp
from searchapp.search.query import parse_query
from searchapp.search.query_dates import date_range, date_span
from searchapp.search.request import SearchRequest, parse_search_params

CONFIG = load_settings(None, environ={})
OUTLETS = OutletTable.load(CONFIG.outlets_file)
PEOPLE = PeopleRegistry.load(CONFIG.people_file)
BOILERPLATE = Boilerplate.load(CONFIG.boilerplate_file)
ANALYZER = build_analyzer(CONFIG.load_stopwords(), CONFIG.stem_exclusions)

# Generous: catastrophic backtracking takes minutes, an ordinary slow example a fraction of a second.
BOUNDED = settings(max_examples=150, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
TEXT = st.text(max_size=400)
NEWS_TEXT = st.lists(st.sampled_from(["Presiden", "Joko", "Widodo", "kata", "Jakarta,", "KOMPAS.com", "-", "(24/2)",
                                      "\n", "Baca juga:", "Senin", "2022", "“", "”", ".", "dan", "Rp", "1.000",
                                      "NATO", "di", "Ketua", "DPR", "Advertisement"]) | TEXT,
                     max_size=40).map(" ".join)


@BOUNDED
@given(TEXT)
def test_the_query_parser_reads_anything(text):
    parse_query(text)
    date_span(text)
    date_range(text)


@BOUNDED
@given(st.dictionaries(st.sampled_from(["q", "outlet", "rubrik", "person", "from", "to", "sort", "page",
                                        "per_page", "collapse", "x"]), st.lists(TEXT, max_size=3)))
def test_request_parameters_are_a_request_or_a_query_error(params):
    try:
        request = parse_search_params(params, lambda name: "kontan" if name in ("kontan", "Kontan") else None)
    except QueryError as error:
        assert error.param in params
    else:
        assert isinstance(request, SearchRequest) and request.page >= 1 and 1 <= request.per_page <= 100


@BOUNDED
@given(NEWS_TEXT, st.one_of(st.none(), TEXT))
def test_the_extractors_read_any_article(text, title):
    metadata = extract_metadata(text, url=None, outlets=OUTLETS, people=PEOPLE, today=dt.date(2026, 11, 30),
                                title=title)
    assert all(isinstance(name, str) and name for name in metadata.people)
    unglue(text)


@BOUNDED
@given(NEWS_TEXT)
def test_analysis_cleaning_and_dates_read_any_text(text):
    tokens = [(token.text, token.pos, token.surface) for token in ANALYZER(text, positions=True, mode="index")]
    assert all(token for token, _pos, _surface in tokens)
    chain = CompositeAnalyzer(*ANALYZER.items)  # every word through the filters, none remembered
    assert tokens == [(token.text, token.pos, token.surface) for token in chain(text, positions=True, mode="index")]
    assert list(TermPositions().word_values(text, ANALYZER, mode="index")) == list(
        Positions().word_values(text, chain, mode="index"))
    cleaned, removed = BOILERPLATE.clean(text, None)
    assert len(cleaned) <= len(text) or not removed
    repair(text)
    with contextlib.suppress(DateError):  # the one error it promises
        parse_stamp(text)


@pytest.mark.parametrize("line", ["A" * 100_000, "Presiden " * 12_000, "a-" * 50_000, "(" * 100_000,
                                  "Senin (24/2/2022) " * 5_000, "Baca juga: " * 10_000])
def test_a_100_kb_line_is_read_in_linear_time(line):
    extract_metadata(line, url=None, outlets=OUTLETS, people=PEOPLE, today=dt.date(2026, 11, 30))
    BOILERPLATE.clean(line, None)
    parse_query(line[:1000])
    list(ANALYZER(line))


@pytest.fixture(scope="module")
def web(app):
    return app.test_client()


@settings(max_examples=100, deadline=5000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.sampled_from(["q", "outlet", "person", "from", "to", "sort", "page", "per_page"]),
                       TEXT, max_size=4))
def test_pages_and_api_answer_any_parameters_without_a_500(web, params):
    for path in ("/cari", "/api/search"):
        response = web.get(path, query_string=params)
        assert response.status_code in (200, 400), (path, params, response.status_code)


@pytest.mark.parametrize("path", [
    "/artikel/..%2F..%2Fetc%2Fpasswd", "/artikel/../../etc/passwd", "/api/documents/..%2F..%2Fconfig",
    "/artikel/%00", "/api/documents/%C0%AE%C0%AE%2F", "/artikel/" + "x" * 5000,
    "/cari?" + "&".join(["outlet=kontan"] * 10_000), "/api/search?" + "&".join(["person=a"] * 10_000),
    "/cari?q=" + "nato+" * 400,
])
def test_traversal_and_oversized_requests_are_answered_without_a_500(web, path):
    response = web.get(path)
    assert response.status_code in (200, 400, 404), (path[:80], response.status_code)
    assert b"root:" not in response.data and b"Traceback" not in response.data
