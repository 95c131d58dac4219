"""Date (and outlet) evaluation on tiny hand-made sets; the `eval` commands on a tiny corpus."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from searchapp.cli import main
from searchapp.evaluate.dates import bucket, collection_bucket, evaluate_dates, format_report
from searchapp.evaluate.outlets import evaluate_outlets
from searchapp.evaluate.outlets import format_report as format_outlets
from searchapp.extract.outlet import OutletTable

REPO = Path(__file__).resolve().parent.parent
CONFIG = str(REPO / "config" / "searchapp.yaml")
TODAY = dt.date(2018, 3, 1)
D = dt.date


@pytest.mark.parametrize(("given", "inferred", "expected"), [
    (D(2017, 3, 27), D(2017, 3, 27), "same day"),
    (D(2017, 3, 27), D(2017, 3, 26), "one day off"),
    (D(2017, 3, 27), D(2017, 3, 28), "one day off"),
    (D(2017, 3, 27), D(2017, 3, 25), "wrong"),
    (D(2017, 3, 27), D(2023, 3, 27), "wrong"),
    (D(2017, 3, 27), None, "missing"),
])
def test_bucket(given, inferred, expected):
    assert bucket(given, inferred) == expected


def row(text: str, label: str) -> list[str]:
    """The cells of the first table row of *text* labelled *label*."""
    return next(line.split() for line in text.splitlines() if line.split()[:1] == [label])


def article(article_id, body, date=None, url=None, outlet=None, collected=None):
    return SimpleNamespace(id=article_id, body=body, date=date, url=url, outlet=outlet, collected=collected)


ARTICLES = [
    # the URL's date, the same day as stated; the text writes none
    article("url-same", "Teks tanpa tanggal.", D(2017, 9, 6),
            "http://www.suara.com/entertainment/2017/09/06/181222/bocor-james-bond", "suara", D(2017, 9, 8)),
    # a dateline a day before the stated date
    article("text-one", "Zulkifli berbicara di Gedung DPR, Senin (27/3/2017).", D(2017, 3, 28), None, "kumparan"),
    # an event date, four days before
    article("text-wrong", "Pertandingan digelar Kamis (23/3/2017) sore.", D(2017, 3, 27), None, "juara"),
    # a date the text writes, but of a past week: none taken
    article("none", "Tim menang pada Jumat (17/3/2017) lalu.", D(2017, 3, 27), None, "merdeka"),
    # no stated date: measured against the day it was collected
    article("unstated-ok", "Senin (27/3/2017).", None, None, None, D(2017, 3, 28)),
    article("unstated-after", "Laga digelar Rabu (29/3/2017).", None, None, None, D(2017, 3, 28)),
    article("unstated-none", "Tanpa tanggal.", None, None, None, D(2017, 3, 28)),
    article("unstated-unknown", "Senin (27/3/2017).", None, None, None, None),
]


def test_date_buckets_of_a_hand_made_set():
    report = evaluate_dates(ARTICLES, TODAY)
    assert dict(report.counts) == {"same day": 1, "one day off": 1, "wrong": 1, "missing": 1}
    assert dict(report.text_counts) == {"one day off": 1, "wrong": 1, "missing": 2}
    cases = {case.id: case for case in report.cases}
    assert cases["url-same"].source == "url"
    assert cases["text-one"].source == "text" and "Senin (27/3/2017)" in cases["text-one"].snippet
    assert cases["text-wrong"].inferred == D(2017, 3, 23)
    assert cases["none"].bucket == "missing" and cases["none"].source is None
    assert {case.id: case.bucket for case in report.text_alone}["url-same"] == "missing"
    # three texts write a date, and the URL of a fourth: the same day for one of four, none of three alone
    assert (report.writes_date, report.same_day_where_written) == (4, 1)
    assert (report.text_writes_date, report.text_same_day_where_written) == (3, 0)
    assert report.dateline_offsets == {-1: 1, -4: 1}  # the past week's date is no dateline
    assert report.collection_lag == {2: 1}
    assert dict(report.unstated) == {"0–3 d before": 1, "after": 1, "missing": 1}
    assert report.unstated_without_collected == 1

    text = format_report(report)
    assert row(text, "text") == ["text", "and", "URL", "4", "1", "25.0%", "1", "25.0%", "1", "25.0%", "1", "25.0%"]
    assert "same day where the text or URL writes a date: 1 of 4 (25.0%)" in text
    assert "dateline date in the texts (2), against the stated date: the same day 0.0%, the day before 50.0%, " \
           "earlier 50.0%, the day after 0.0%, later 0.0%" in text
    assert "text-wrong [juara]: given 2017-03-27, inferred 2017-03-23 (off by -4 days) from text:" in text
    assert "Kamis (23/3/2017) sore" in text
    assert "collected day minus stated date (1 articles with both): 2 d 100.0%" in text
    assert "4 articles without a stated date (1 of them without a collected day" in text


@pytest.mark.parametrize(("collected", "inferred", "expected"), [
    (D(2017, 3, 28), D(2017, 3, 28), "0–3 d before"),
    (D(2017, 3, 28), D(2017, 3, 25), "0–3 d before"),
    (D(2017, 3, 28), D(2017, 3, 24), "earlier"),
    (D(2017, 3, 28), D(2017, 3, 29), "after"),
    (D(2017, 3, 28), None, "missing"),
])
def test_collection_bucket(collected, inferred, expected):
    assert collection_bucket(collected, inferred) == expected


def test_weekday_without_year_depends_on_today():
    dateline = [article("x", "Ia berbicara di Jakarta, Senin (27/3).", D(2017, 3, 27))]
    assert evaluate_dates(dateline, D(2017, 4, 1)).counts["same day"] == 1
    assert evaluate_dates(dateline, D(2026, 1, 1)).counts["wrong"] == 1  # 27/3 fell on a Monday in 2023 too


@pytest.fixture(scope="module")
def table():
    return OutletTable.load(REPO / "config" / "outlets.yaml")


def test_outlet_agreement(table):
    articles = [
        article("cnn", "Jakarta, CNN Indonesia -- Harga naik.", outlet="cnn indonesia",
                url="https://www.cnnindonesia.com/ekonomi/2017/harga-naik"),
        article("detik-url", "Trump bertemu Jack Ma.", outlet="cnn indonesia",
                url="https://finance.detik.com/berita/trump-jack-ma"),
        article("plain", "Gempa melanda Lampung.", outlet="kumparan", url="https://kumparan.com/x/gempa-lampung"),
        article("unstated", "Teks.", outlet=None),
    ]
    report = evaluate_outlets(articles, table)
    assert report.without_outlet == 1
    assert dict(report.counts("url+text")) == {"agree": 2, "wrong": 1}
    assert dict(report.counts("text only")) == {"agree": 1, "no marker": 2}
    text = format_outlets(report)
    assert "cnn-indonesia detected as detik: 1" in text
    assert "detik-url: cnn-indonesia → detik (host finance.detik.com)" in text
    assert "kumparan plain: Gempa melanda Lampung." in text


# ---------------------------------------------------------------------------------------------------
# The commands


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    records = [
        {"id": "a", "body": "Jakarta, CNN Indonesia -- Presiden berbicara, Senin (27/3/2017).", "date": "2017-03-28",
         "outlet": "cnn-indonesia", "url": "https://www.cnnindonesia.com/nasional/20170327-1-2/presiden-berbicara"},
        {"id": "b", "body": "Merdeka.com - Banjir melanda, Kamis (23/3/2017).", "date": "2017-03-27",
         "outlet": "merdeka"},
    ]
    (folder / "x.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return folder


def test_eval_dates_command(corpus, capsys):
    assert main(["eval", "dates", "--corpus", str(corpus), "--config", CONFIG, "--today", "2018-03-01"]) == 0
    out = capsys.readouterr().out
    assert "2 articles with a stated date" in out
    assert "one day off" in out and "b [merdeka]: given 2017-03-27, inferred 2017-03-23" in out


def test_eval_commands_read_a_raw_indosum_folder(tmp_path, capsys):
    folder = tmp_path / "indosum"
    folder.mkdir()
    tokens = [[["Jakarta", ",", "CNN", "Indonesia", "-", "-", "Presiden", "berbicara", ",", "Senin", "(", "27/3",
                ")", "."]]]
    lines = [{"id": "1490743831-presiden-berbicara", "source": "cnn indonesia", "paragraphs": tokens,
              "source_url": "http://www.cnnindonesia.com/nasional/20170327110023-1-2/presiden-berbicara/"},
             {"id": "1490743900-tanpa-url", "source": "kumparan", "paragraphs": tokens,
              "source_url": "https://kumparan.com/@kumparannews/presiden"}]
    (folder / "dev.01.jsonl").write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    assert main(["eval", "dates", "--corpus", str(folder), "--config", CONFIG, "--today", "2018-03-01"]) == 0
    captured = capsys.readouterr()
    assert "holds IndoSum JSONL: 2 articles imported" in captured.err
    assert row(captured.out, "text") == ["text", "and", "URL", "1", "1", "100.0%", "0", "0.0%", "0", "0.0%", "0",
                                         "0.0%"]
    assert "1 articles without a stated date" in captured.out
    # without --today, no date is inferred later than the day the archive's last article was collected
    assert main(["eval", "dates", "--corpus", str(folder), "--config", CONFIG]) == 0
    assert "(no later than 2017-03-28)" in capsys.readouterr().out
    assert main(["eval", "outlets", "--corpus", str(folder), "--config", CONFIG]) == 0
    assert row(capsys.readouterr().out, "all")[:3] == ["all", "2", "2"]


def test_eval_outlets_command(corpus, capsys):
    assert main(["eval", "outlets", "--corpus", str(corpus), "--config", CONFIG]) == 0
    out = capsys.readouterr().out
    assert row(out, "all") == ["all", "2", "2", "0", "0", "100.0%", "100.0%"]


def test_eval_people_command(tmp_path, capsys):
    gold = tmp_path / "gold.txt"
    gold.write_text("Presiden NNP O\nJoko NNP B-PER\nWidodo NNP I-PER\nberbicara VB O\n. Z O\n", encoding="utf-8")
    code = main(["eval", "people", "--conll", str(gold), "--config", CONFIG])
    out = capsys.readouterr().out
    assert code == 0
    # one gold span, found exactly: every figure of the exact row is 1.000
    assert row(out, "exact")[-3:] == ["1.000", "1.000", "1.000"], out


def test_eval_needs_an_existing_corpus(tmp_path, capsys):
    assert main(["eval", "dates", "--corpus", str(tmp_path / "missing"), "--config", CONFIG]) == 2
    assert "corpus folder not found" in capsys.readouterr().err
