"""Every word the reader types counts: function words are indexed and matched like any other word."""

import pytest

from tests.conftest import client_over, complete_hits

BODY = "Harga beras di pasar induk Cipinang dipantau petugas setiap pagi oleh dinas terkait."
RECORDS = [
    {"id": "bawah", "title": "Harga beras di bawah HET", "body": "Harga beras di bawah HET. " + BODY},
    {"id": "atas", "title": "Harga beras di atas HET", "body": "Harga beras naik di atas HET. " + BODY},
    {"id": "tidak", "title": "Pedagang tidak menaikkan harga beras", "body": "Pedagang tidak menaikkan. " + BODY},
    {"id": "naik", "title": "Pedagang menaikkan harga beras", "body": "Pedagang beras menaikkan harga lagi. " + BODY},
]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    return client_over(tmp_path_factory.mktemp("every-word"), RECORDS)


def search(client, q):
    data, complete = complete_hits(client, q)
    return data, [hit["id"] for hit in complete]


@pytest.mark.parametrize(("q", "expected"), [
    ('"di bawah"', ["bawah"]),  # a phrase of function words matches as written
    ('"di atas" harga', ["atas"]),
    ("beras tidak", ["tidak"]),  # `tidak` is not dropped: the article without it does not hold every word
    ("bawah", ["bawah"]),
])
def test_function_words_take_part_in_matching(client, q, expected):
    data, complete = search(client, q)
    assert complete == expected and data["total"] == len(expected)


def test_a_function_word_alone_finds_the_articles_holding_it(client):
    data, complete = search(client, "tidak")
    assert data["total"] == 1 and complete == ["tidak"]


def test_a_function_word_weighs_what_its_idf_says(client):
    # `di` is in every article (IDF near zero), `tidak` in one: with both, the article holding `tidak` leads
    data, complete = search(client, "di tidak")
    assert complete == ["tidak"]
    data, _complete = search(client, "di")
    assert data["total"] == 4
