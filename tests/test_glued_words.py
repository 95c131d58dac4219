"""Words a crawl glued together where it dropped the space around a link (`keBandara`, `PrabowoSubianto`)
are found by their parts, marked where they match, and the word as written stays searchable."""

import pytest

from tests.conftest import client_over, complete_hits

BODY = "Penerbangan dari Surabaya dijadwalkan ulang oleh maskapai setelah cuaca buruk melanda pagi tadi."
RECORDS = [
    {"id": "glued", "title": "Rombongan tiba di Jakarta",
     "body": "Presiden PrabowoSubianto tiba keBandara Halim, mengabarkan lewat WhatsApp resmi dan akun "
             "WhatsApp-nya. " + BODY},
    {"id": "apart", "title": "Rombongan menteri tiba",
     "body": "Rombongan menteri tiba di Bandara Juanda, mengabarkan lewat Whatsapp resmi dan akun "
             "Whatsapp-nya. " + BODY},
    {"id": "other", "title": "Cuaca buruk di Surabaya", "body": "Hujan deras mengguyur kota sejak pagi. " + BODY},
]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    return client_over(tmp_path_factory.mktemp("glued"), RECORDS)


def found(client, q):
    return {hit["id"]: hit for hit in complete_hits(client, q)[1]}


@pytest.mark.parametrize(("q", "expected"), [
    ("bandara", {"glued", "apart"}),  # "keBandara": the part is indexed
    ('"Prabowo Subianto"', {"glued"}),  # a phrase of the parts: one position after the other
    ('"presiden prabowo"', {"glued"}),  # the first part where the word stands
    ('"Subianto tiba"', {"glued"}),  # the words after keep their distance
    ("PrabowoSubianto", {"glued"}),  # the word as written
    ("WhatsApp", {"glued", "apart"}),  # a brand as written, in either spelling
    ("whatsapp", {"glued", "apart"}),
    ('"tiba di bandara"', {"apart"}),
    ('"PrabowoSubianto tiba"', {"glued"}),  # a phrase goes on from the glued word's end
    ('"presiden PrabowoSubianto"', {"glued"}),  # and from its start
    ('"WhatsApp resmi"', {"glued", "apart"}),
    ('"whatsapp resmi"', {"glued", "apart"}),
    ('"lewat WhatsApp"', {"glued", "apart"}),
    ("WhatsApp-nya", {"glued", "apart"}),  # a hyphenated word is a phrase of its words
])
def test_glued_words_are_found_by_their_parts_and_as_written(client, q, expected):
    assert set(found(client, q)) == expected


def test_the_matching_part_of_a_glued_word_is_marked(client):
    assert "<mark>Prabowo</mark>Subianto" in found(client, "prabowo")["glued"]["snippet"]
    assert "Prabowo<mark>Subianto</mark>" in found(client, "subianto")["glued"]["snippet"]
    assert "<mark>PrabowoSubianto</mark>" in found(client, "PrabowoSubianto")["glued"]["snippet"]
    # the whole word where it matches itself: Sastrawi reads "keBandara" as "ke-" and "bandara"
    assert "<mark>keBandara</mark>" in found(client, "bandara")["glued"]["snippet"]
