"""Span-level evaluation of person extraction against hand-written CoNLL gold files."""

import pytest

from searchapp.errors import SearchappError
from searchapp.evaluate.people import (
    Scores,
    Sentence,
    evaluate_people,
    evaluate_sentences,
    format_report,
    read_conll,
    rebuild,
    trim,
)
from searchapp.extract import PeopleRegistry, Person

GOLD = """\
-DOCSTART- -X- O

Presiden PROPN O
Joko PROPN B-PER
Widodo PROPN I-PER
hadir VERB O
. PUNCT O

Hal NOUN O
itu DET O
, PUNCT O
kata VERB O
Sutrisno PROPN O
. PUNCT O

Wartawan NOUN O
bertemu VERB O
Pak PROPN B-PER
Harjono PROPN I-PER
dan CCONJ O
rudi NOUN B-PER
. PUNCT O
"""

GOLD_PERSON = """\
Presiden B-O
Joko B-PERSON
Widodo I-PERSON
(Jokowi) I-PERSON
datang O

Sudah O
lama O
Jokowi I-PER
hadir O
"""


@pytest.fixture()
def registry() -> PeopleRegistry:
    return PeopleRegistry([Person("Joko Widodo", ("Jokowi",))])


def write(tmp_path, name, body):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return str(path)


def test_read_conll(tmp_path):
    sentences = read_conll(write(tmp_path, "gold.txt", GOLD))
    assert len(sentences) == 3
    assert sentences[0] == Sentence(("Presiden", "Joko", "Widodo", "hadir", "."), ((1, 3),))
    assert sentences[1].persons == ()
    assert sentences[2].persons == ((2, 4), (5, 6))


def test_read_conll_person_tags_and_stray_inside(tmp_path):
    sentences = read_conll(write(tmp_path, "gold.txt", GOLD_PERSON))
    assert [s.persons for s in sentences] == [((1, 4),), ((2, 3),)]


def test_read_conll_errors(tmp_path):
    with pytest.raises(SearchappError, match="cannot read"):
        read_conll(str(tmp_path / "missing.txt"))
    with pytest.raises(SearchappError, match=r"bad\.txt:2: expected"):
        read_conll(write(tmp_path, "bad.txt", "Joko B-PER\nWidodo\n"))


def test_rebuild_spacing_and_offsets():
    tokens = ("kata", "Anis", "di", "Samarinda", ",", "Selasa", "(", "29/10", ")", ".")
    text, offsets = rebuild(tokens)
    assert text == "kata Anis di Samarinda, Selasa (29/10)."
    assert [text[a:b] for a, b in offsets] == list(tokens)


def test_trim():
    text = "x (Jokowi) y"
    assert trim(text, (2, 10)) == (3, 9)
    assert trim(text, (1, 3)) == (3, 3)


def test_scores():
    s = Scores(matched_pred=1, n_pred=4, matched_gold=1, n_gold=2)
    assert (s.precision, s.recall) == (0.25, 0.5)
    assert s.f1 == pytest.approx(1 / 3)
    empty = Scores(0, 0, 0, 0)
    assert (empty.precision, empty.recall, empty.f1) == (0.0, 0.0, 0.0)


def test_evaluate_sentences_with_known_predictions():
    sentences = [
        Sentence(("Presiden", "Joko", "Widodo", "hadir"), ((1, 3),)),  # exact hit
        Sentence(("Pak", "Harjono", "dan", "Rudi", "datang"), ((0, 2), (3, 4))),  # lenient hit, miss
        Sentence(("Kata", "Sutrisno"), ()),  # false positive
    ]
    predictions = {
        "Presiden Joko Widodo hadir": [(9, 20)],
        "Pak Harjono dan Rudi datang": [(4, 11)],
        "Kata Sutrisno": [(5, 13)],
    }
    report = evaluate_sentences(sentences, lambda text: predictions[text])
    assert report.sentences == 3
    assert report.exact == Scores(1, 3, 1, 3)
    assert report.lenient == Scores(2, 3, 2, 3)
    assert report.false_positives == [("Harjono", 1), ("Sutrisno", 1)]
    assert report.misses == [("Pak Harjono", 1), ("Rudi", 1)]


def test_evaluate_people_end_to_end(tmp_path, registry):
    gold = write(tmp_path, "gold.txt", GOLD)
    report = evaluate_people([gold], registry)
    # predicted: "Joko Widodo" (hit), "Sutrisno" (not gold), "Harjono" (inside gold "Pak Harjono");
    # gold "rudi" (lower case) is never predicted
    assert report.exact == Scores(1, 3, 1, 3)
    assert report.exact.f1 == pytest.approx(1 / 3)
    assert report.lenient == Scores(2, 3, 2, 3)
    assert report.lenient.f1 == pytest.approx(2 / 3)
    assert dict(report.false_positives) == {"Sutrisno": 1, "Harjono": 1}
    assert dict(report.misses) == {"Pak Harjono": 1, "rudi": 1}
    assert report.files == (gold,)


def test_evaluate_people_trims_punctuation_and_reads_several_files(tmp_path, registry):
    gold = write(tmp_path, "gold.txt", GOLD)
    gold_person = write(tmp_path, "person.txt", GOLD_PERSON)
    report = evaluate_people([gold_person], registry)
    # gold "Joko Widodo (Jokowi)" vs predicted "Joko Widodo" and "Jokowi": lenient only; "Jokowi" exact
    assert report.exact == Scores(1, 3, 1, 2)
    assert report.lenient == Scores(3, 3, 2, 2)
    both = evaluate_people([gold, gold_person], registry)
    assert both.sentences == 5
    assert both.exact == Scores(2, 6, 2, 5)


def test_format_report(tmp_path, registry):
    report = evaluate_people([write(tmp_path, "gold.txt", GOLD)], registry)
    text = format_report(report)
    assert "3 sentences, 3 gold spans, 3 predicted" in text
    assert "exact        0.333   0.333  0.333" in text
    assert "lenient      0.667   0.667  0.667" in text
    assert "Sutrisno" in text and "Pak Harjono" in text
    empty = format_report(evaluate_sentences([], lambda text: []))
    assert "(none)" in empty
