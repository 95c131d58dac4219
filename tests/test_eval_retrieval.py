"""Known-item retrieval metrics on hand-made data (the real runs are commands, not tests)."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from searchapp.evaluate.queries import Query, build_queries, searchapp_query, tantivy_query, title_words
from searchapp.evaluate.retrieval import RetrievalReport, evaluate_retrieval, format_examples, format_report
from searchapp.evaluate.scoring import Metrics, Outcome, check_numbers, rank_of, run_variant
from searchapp.evaluate.variants import Variant
from searchapp.search.query import And, Word, parse_query

REPO = Path(__file__).resolve().parent.parent
CONFIG = str(REPO / "config" / "searchapp.yaml")


def test_metrics_from_known_ranks():
    outcomes = [Outcome(1, 3), Outcome(2, 4), Outcome(None, 0), Outcome(5, 9), Outcome(None, 12)]
    m = Metrics.of(outcomes)
    assert m.queries == 5
    assert m.mrr == pytest.approx((1 + 1 / 2 + 1 / 5) / 5)
    assert m.success_1 == pytest.approx(1 / 5)
    assert m.success_10 == pytest.approx(3 / 5)
    assert m.zero_hits == 1
    assert Metrics.of([]) == Metrics(0, 0.0, 0.0, 0.0, 0)


def test_rank_beyond_the_cutoff_counts_nothing():
    assert Metrics.of([Outcome(11, 20)]).mrr == 0.0
    assert rank_of("b", ["a", "b", "c"]) == 2
    assert rank_of("z", ["a", "b"]) is None


@pytest.mark.parametrize("title", [
    'Jokowi: "Saya tidak takut" (kata presiden) -Rusia OR NATO',
    "outlet:kontan tanggal:2022 orang:putin",
    "Harga (naik)) \"setengah AND NOT turun ||",
])
def test_sanitised_queries_are_plain_words(title):
    node = parse_query(searchapp_query(title))
    words = node.nodes if isinstance(node, And) else (node,)
    assert all(isinstance(word, Word) for word in words)


def test_sanitised_query_text():
    assert searchapp_query('Jokowi: "Saya" (tidak) -takut OR menyerah') == "Jokowi Saya tidak takut or menyerah"
    assert searchapp_query("Harga 16.216 dan U-22") == "Harga 16.216 dan U-22"
    assert tantivy_query('Jokowi: "Saya" -takut OR U-22') == "jokowi saya takut or u 22"


def test_title_words_keep_long_letter_words_function_words_included():
    words = title_words("Polisi bekuk 2 WNA di Bekasi karena surat hoax negara-negara")
    assert words == ["polisi", "bekuk", "bekasi", "karena", "surat", "hoax", "negara-negara"]


def fake_stem(word: str) -> str:
    return {"penyerangan": "serang", "ditangkap": "tangkap"}.get(word, word)


def test_build_queries_is_seeded_per_article_and_roots_only_when_changed():
    articles = [
        SimpleNamespace(id="a", title="Penyerangan: polisi ditangkap", url=None),
        SimpleNamespace(id="b", title=None, url="https://kumparan.com/x/pemuda-papua-bawa-granat-ke-bandara"),
        SimpleNamespace(id="c", title="Bola mati", url=None),  # fewer than 3 words; none changes
        SimpleNamespace(id="d", title=None, url=None),  # no title at all: in no set
    ]
    sets = build_queries(articles, fake_stem, seed=13)
    assert [q.article_id for q in sets["title"]] == ["a", "b", "c"]
    assert sets["title"][1].text == "pemuda papua bawa granat ke bandara"
    words = {q.article_id: q.text.split() for q in sets["words"]}
    assert sorted(words["a"]) == ["ditangkap", "penyerangan", "polisi"]
    assert len(words["b"]) == 3 and set(words["b"]) <= {"pemuda", "papua", "bawa", "granat", "bandara"}
    assert sorted(words["c"]) == ["bola", "mati"]
    roots = {q.article_id: q.text.split() for q in sets["roots"]}
    assert list(roots) == ["a"]
    assert roots["a"] == [fake_stem(w) for w in words["a"]]
    # an article's words do not depend on which other articles are queried, but on the seed
    assert build_queries(articles[1:2], fake_stem, seed=13)["words"][0] == sets["words"][1]
    seeds = {build_queries(articles[1:2], fake_stem, seed=s)["words"][0].text for s in range(20)}
    assert len(seeds) > 1


class FakeVariant(Variant):
    """Answers from a table: query text → ranked ids."""

    name = "fake"

    def __init__(self, answers: dict[str, list[str]]) -> None:
        self.answers = answers
        self.asked: list[str] = []

    def search(self, text: str) -> tuple[list[str], int]:
        self.asked.append(text)
        ids = self.answers.get(text, [])
        return ids[:10], len(ids)


def test_run_variant_computes_mrr_from_the_ranks_it_gets():
    sets = {
        "title": [Query("a", "alpha"), Query("b", "beta"), Query("c", "gamma")],
        "words": [Query("a", "al"), Query("b", "be")],
        "roots": [],
    }
    variant = FakeVariant({"alpha": ["a", "b"], "beta": ["c", "a", "b"], "gamma": [], "al": ["b"] * 10 + ["a"],
                           "be": ["b"]})
    result = run_variant(variant, sets, progress=False)
    title = result.metrics("title")
    assert (title.queries, title.zero_hits) == (3, 1)
    assert title.mrr == pytest.approx((1 + 1 / 3 + 0) / 3)
    assert title.success_1 == pytest.approx(1 / 3)
    words = result.metrics("words")
    assert words.mrr == pytest.approx(0.5) and words.success_10 == pytest.approx(0.5)
    assert result.metrics("roots").queries == 0


def test_losses_list_queries_another_variant_ranks_higher():
    sets = {"title": [Query("a", "alpha"), Query("b", "beta"), Query("c", "gamma")], "words": [], "roots": []}
    mine = run_variant(FakeVariant({"alpha": ["a"], "beta": ["x", "x", "b"], "gamma": ["x"]}), sets, progress=False)
    other = run_variant(FakeVariant({"alpha": ["x", "a"], "beta": ["b"], "gamma": []}), sets, progress=False)
    mine.name, other.name = "(a) mine", "(b) other"
    text = format_examples(RetrievalReport("c", 3, 3, 13, sets, [mine, other]), 5)
    assert "set title: 2 losses" in text
    assert "b: 'beta' → 3 [3]; (b) 1 [1]" in text
    assert "c: 'gamma' → - [1]; (b) - [0]" in text
    assert "alpha" not in text


def test_numbers_check_counts_queries_failing_only_because_of_a_number():
    queries = [Query("a", "korban 16.216 jiwa"), Query("b", "harga 1.000 naik"), Query("c", "gempa 5 tewas"),
               Query("d", "tanpa angka")]
    variant = FakeVariant({"korban 16.216 jiwa": [], "korban jiwa": ["a"],  # fixed by removing the number
                           "harga 1.000 naik": ["x"], "harga naik": ["x"],  # fails anyway
                           "gempa 5 tewas": [], "gempa tewas": ["c"],
                           "tanpa angka": ["d"]})
    outcomes = [Outcome(rank_of(q.article_id, variant.search(q.text)[0]), 0) for q in queries]
    counts = check_numbers(variant, queries, outcomes)
    assert counts["with_thousands"] == 2 and counts["failing_thousands"] == 2 and counts["fixed_thousands"] == 1
    assert counts["with_digits"] == 3 and counts["fixed_digits"] == 2


def write_corpus(folder: Path) -> Path:
    folder.mkdir()
    records = [
        {"id": "serang", "title": "Penyerangan pos polisi di Papua",
         "body": "Penyerangan terhadap pos polisi terjadi di Papua. Polisi menyerang balik kelompok bersenjata."},
        {"id": "ekonomi", "title": "Perekonomian Indonesia tumbuh lima persen",
         "body": "Perekonomian Indonesia tumbuh lima persen pada kuartal ketiga, kata menteri keuangan."},
        {"id": "bola", "url": "https://www.merdeka.com/sepakbola/persipura-menang-telak-atas-arema.html",
         "body": "Persipura menang telak atas Arema dalam laga debut pelatih baru di Jayapura."},
    ]
    (folder / "a.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return folder


def test_evaluate_retrieval_on_a_three_article_corpus(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    report = evaluate_retrieval(corpus, CONFIG, seed=13, workers=1, work=tmp_path / "work", variants="abd")
    names = [r.name for r in report.results]
    assert names == ["(a) searchapp", "(b) no stemming", "(d) tantivy AND", "(d') tantivy OR"]
    assert [q.article_id for q in report.sets["title"]] == ["serang", "ekonomi", "bola"]
    assert report.sets["title"][2].text == "persipura menang telak atas arema"  # from the URL slug
    searchapp = report.results[0]
    for name in ("title", "words", "roots"):
        assert searchapp.metrics(name).mrr == 1.0, name  # three distinct articles: each finds itself first
    if report.sets["roots"]:  # root queries ("serang", "ekonomi") need stemming: written forms miss them
        # without stemming no article holds every root; searchapp then relaxes to some of the words
        assert report.results[1].metrics("roots").mrr <= searchapp.metrics("roots").mrr
        assert report.results[2].metrics("roots").success_10 == 0.0  # tantivy AND
        assert report.results[3].metrics("roots").success_10 == 1.0  # tantivy OR: the other words suffice
    text = format_report(report)
    assert "MRR@10" in text and "(a) searchapp" in text and "thousands separators" in text


def write_facqa(folder: Path) -> Path:
    """A FacQA-shaped CSV: token lists as Python literals, two questions about one passage."""
    import csv

    folder.mkdir()
    passages = [["Pelatih", "ganda", "putra", ",", "Christian", "Hadinata", ",", "tak", "meragukan", "tekad", "."],
                ["Harimau", "sumatera", "(", "Panthera", "tigris", ")", "terlihat", "di", "Leuser", "."]]
    rows = [(["Siapakah", "pelatih", "ganda", "putra", "?"], passages[0]),
            (["Apa", "nama", "latin", "harimau", "sumatera", "?"], passages[1]),
            (["Di", "mana", "harimau", "sumatera", "terlihat", "?"], passages[1])]
    with open(folder / "valid_preprocess.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["question", "passage", "seq_label"])
        writer.writerows([str(q), str(p), str(["O"] * len(p))] for q, p in rows)
        writer.writerow(["not a list", str(passages[0]), "[]"])
    return folder


def test_facqa_questions_are_asked_of_their_passages(tmp_path, capsys):
    from searchapp.cli import main
    from searchapp.evaluate.realdata import facqa_corpus, facqa_files

    folder = write_facqa(tmp_path / "facqa")
    assert facqa_files(folder) == [folder / "valid_preprocess.csv"]
    assert facqa_files(write_corpus(tmp_path / "news")) == []
    rows = facqa_corpus(facqa_files(folder), tmp_path / "out")
    assert (rows.passages, rows.unreadable) == (2, 1)
    assert [text for _pid, text in rows.questions][0] == "Siapakah pelatih ganda putra?"
    assert rows.questions[1][0] == rows.questions[2][0] != rows.questions[0][0]  # one passage, two questions
    bodies = [json.loads(line)["body"] for line in (tmp_path / "out" / "facqa.jsonl").read_text().splitlines()]
    assert bodies[1] == "Harimau sumatera (Panthera tigris) terlihat di Leuser."

    assert main(["eval", "retrieval", "--corpus", str(folder), "--config", CONFIG, "--variants", "a",
                 "--workers", "1"]) == 0
    captured = capsys.readouterr()
    assert "2 distinct passages indexed as articles, 3 questions (1 unreadable rows skipped)" in captured.err
    assert "3 questions queried" in captured.out
    assert f"Known-item retrieval on {folder}" in captured.out  # the folder named, not the converted copy
    question_row = next(cells for cells in map(str.split, captured.out.splitlines())
                        if cells[:3] == ["(a)", "searchapp", "question"])
    assert question_row[3:5] == ["3", "1.000"]  # every question finds its passage first


def test_facqa_with_a_bom_and_a_broken_file(tmp_path):
    from searchapp.evaluate.realdata import facqa_corpus, facqa_files

    folder = write_facqa(tmp_path / "facqa")
    good = (folder / "valid_preprocess.csv").read_text(encoding="utf-8")
    (folder / "valid_preprocess.csv").write_text("\ufeff" + good, encoding="utf-8")  # a BOM before the header
    (folder / "zz_latin1.csv").write_bytes(good.encode("utf-8") + "['Caf\xe9']".encode("latin-1"))
    files = facqa_files(folder)
    assert [f.name for f in files] == ["valid_preprocess.csv", "zz_latin1.csv"]
    rows = facqa_corpus(files, tmp_path / "out")
    assert rows.passages == 2 and len(rows.questions) == 3  # the first file's; the broken one is reported
    assert len(rows.problems) == 1 and "zz_latin1.csv: not valid UTF-8 (byte 0xe9" in rows.problems[0]
