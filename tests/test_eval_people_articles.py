"""Article-level people evaluation: name comparison, labels and scores."""

import pytest

from searchapp.evaluate.article_people import LABELS, name_key, read_labels, score


@pytest.mark.parametrize(("a", "b"), [
    ("Soeharto", "Suharto"),  # old spelling
    ("Djoko Tjandra", "Joko Candra"),
    ("Akhmad Ma’ruf Maulana", "Akhmad Ma'ruf Maulana"),  # curly and straight apostrophes
    ("JOSÉ Mourinho", "Jose Mourinho"),
])
def test_names_compared_aside_from_case_accents_punctuation_and_old_spelling(a, b):
    assert name_key(a) == name_key(b)


def test_short_forms_and_other_people_stay_apart():
    assert name_key("Bobby") != name_key("Bobby Nasution")
    assert name_key("Gus Ipul") != name_key("Saifullah Yusuf")


def test_score_counts_each_name_once_per_article_and_lists_errors():
    labels = {"a.com/1": ["Bobby Nasution", "Prabowo Subianto"], "a.com/2": [], "a.com/3": ["X Y"]}
    found = {"a.com/1": ["Bobby Nasution", "Bobby", "prabowo subianto"], "a.com/2": ["Giant Sea Wall"]}
    scores = score(labels, found)
    assert (scores.articles, scores.gold, scores.predicted, scores.correct) == (2, 2, 4, 2)
    assert scores.scores.precision == 0.5 and scores.scores.recall == 1.0
    assert sorted(scores.false_positives) == [("a.com/1", "Bobby"), ("a.com/2", "Giant Sea Wall")]
    assert scores.misses == [] and scores.not_found == ["a.com/3"]


def test_the_shipped_labels_cover_150_articles_by_url(tmp_path):
    labels = read_labels(LABELS)
    assert len(labels) >= 150 and all("/" in url and "\t" not in url for url in labels)
    assert sum(len(names) for names in labels.values()) >= 250
    custom = tmp_path / "labels.tsv"
    custom.write_text("# comment\nhttps://www.detik.com/a/1?utm_source=x\tA B | C D\nhttps://x.id/2\t\n",
                      encoding="utf-8")
    assert read_labels(custom) == {"detik.com/a/1": ["A B", "C D"], "x.id/2": []}


def test_eval_people_articles_reads_an_export_as_the_importer_does(tmp_path, capsys):
    from searchapp.cli import main

    export = tmp_path / "crawl"
    export.mkdir()
    body = ("Presiden Joko Widodo meresmikan jembatan baru di Medan, Senin. Jokowi didampingi Gubernur Sumatera "
            "Utara Bobby Nasution. \"Jembatan ini penting,\" kata Bobby.")
    (export / "crawl.csv").write_text(
        "sumber,url,judul,isi_berita\n"
        f'detik.com,https://news.detik.com/berita/d-1/jembatan,Jembatan baru,"{body.replace(chr(34), chr(34) * 2)}"\n',
        encoding="utf-8")
    labels = tmp_path / "labels.tsv"
    labels.write_text("https://news.detik.com/berita/d-1/jembatan\tJoko Widodo | Bobby Nasution | Edy Rahmayadi\n",
                      encoding="utf-8")
    assert main(["eval", "people", "--articles", str(labels), "--data", str(export)]) == 0
    out = capsys.readouterr().out
    assert "1 labelled articles, 3 people labelled, 2 found" in out
    assert "precision 1.000 (2/2)" in out and "recall 0.667 (2/3)" in out
    assert "Edy Rahmayadi" in out.split("misses")[1]
