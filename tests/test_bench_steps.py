"""Where indexing time goes, as `searchapp bench` reports it: the whole run's steps read from the
indexer's own summary, and each step of an article timed apart over a real index segment."""

import json

import pytest

from searchapp.bench.steps import run_steps, step_costs
from searchapp.index.report import IndexReport
from searchapp.ingest.files import Skipped

STEPS = ["reading", "boilerplate", "extraction", "fingerprint", "rest of the document", "analysis and postings",
         "final flush"]


@pytest.mark.parametrize("phases, read", [
    ({"versions": 1.234, "write": 56.78, "vocabulary": 0.9, "stories": 4.05},
     {"versions": 1.2, "write": 56.8, "vocabulary": 0.9, "stories": 4.0}),
    ({"write": 3.0, "stories across shards": 12.5}, {"write": 3.0, "stories across shards": 12.5}),
    ({"did-you-mean words": 0.25}, {"did-you-mean words": 0.2}),
    ({}, {}),
])
def test_the_runs_steps_are_read_from_the_indexers_summary(phases, read):
    report = IndexReport(added=3, phases=phases, skipped=[Skipped("a.csv:4", "no body: 2 s late")],
                         warnings=["12 articles were indexed under other extraction rules"])
    assert run_steps(report.summary()) == pytest.approx(read)


def test_each_step_of_an_article_is_timed_over_a_real_segment(tmp_path):
    from conftest import make_settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    records = [{"id": f"a{n}", "title": f"Gubernur Jawa Barat meresmikan jembatan ke-{n}",
                "body": f"BANDUNG, KOMPAS.com - Gubernur Jawa Barat Dedi Mulyadi meresmikan jembatan ke-{n} di "
                        "Kabupaten Bandung, Senin (2/6/2025). Baca juga: Harga cabai naik\n\n"
                        "Jembatan itu menghubungkan dua desa yang selama ini terpisah sungai. " * 3,
                "url": f"https://regional.kompas.com/read/2025/06/02/{n}"} for n in range(12)]
    (corpus / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    costs = step_costs(make_settings(corpus, tmp_path / "index"), corpus)
    assert (costs.articles, costs.warmed) == (8, 4)  # a third of a small corpus warms up
    assert list(costs.ms) == STEPS
    assert all(ms > 0 for name, ms in costs.ms.items() if name != "rest of the document")
    assert "8 articles after 4 to warm up" in costs.line() and "articles/s a worker" in costs.line()


def test_an_empty_corpus_has_nothing_to_time(tmp_path):
    from conftest import make_settings

    (tmp_path / "corpus").mkdir()
    costs = step_costs(make_settings(tmp_path / "corpus", tmp_path / "index"), tmp_path / "corpus")
    assert costs.articles == 0 and costs.line() == "per article: no articles to time"
