"""A sharded index (`searchapp index --shards N`) searched in this process gives exactly what one index of
the same articles gives: totals, facet counts, order, scores, highlights, stories whose copies are in
other shards, partial and relaxed matches, did-you-mean, pages, documents, timelines, significant words,
exports and related articles. (`tests/test_cluster.py` runs the same shards as actors of a real Ray cluster.)"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from test_stories import OTHER, STORY_RECORDS

from searchapp.cli import main
from searchapp.errors import UnavailableError
from searchapp.index.routing import shard_of
from searchapp.index.shards import ShardLayoutError, build_sharded, read_manifest, shard_ids
from searchapp.index.writer import build_index
from searchapp.search.engine import WhooshEngine
from searchapp.search.interface import open_engine
from searchapp.search.request import SearchRequest
from searchapp.search.sharding.engine import ShardedEngine

SHARDS = 3
STORY = STORY_RECORDS
QUERIES = ["nato", "rusia ukraina", '"sekutu nato" rusia', '"perang dunia" OR stoltenberg', "nato -rusia",
           "orang:stoltenberg rusia", "outlet:kompas-tv nato", "tanggal:2022 nato", "zzzq nato", "", "bunga",
           '"suku bunga acuan"', "bank OR cabai", "stoltenbreg", "nato bucha", "suku bunga", "bunga bank",
           "orang:zelensky",  # an alias no indexed name holds (config/people.yaml: Volodymyr Zelenskyy)
           "orang:stoltenberg", "-nato"]  # operators alone: newest first
FILTERS = [{}, {"outlets": ("kontan", "kompas-tv")}, {"outlets": ("unknown",)}, {"people": ("Jens Stoltenberg",)},
           {"date_from": dt.date(2022, 3, 1), "date_to": dt.date(2022, 6, 30)}]


def sharded_corpus(folder):
    from conftest import make_corpus

    corpus = make_corpus(folder)
    (corpus / "story.jsonl").write_text("".join(json.dumps(r) + "\n" for r in STORY), encoding="utf-8")
    return corpus


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    """One index and a set of three shards of the same articles."""
    from conftest import make_settings

    root = tmp_path_factory.mktemp("sharded")
    corpus = sharded_corpus(root / "corpus")
    single = make_settings(corpus, root / "single", **{"indexing.workers": 1})
    sharded = make_settings(corpus, root / "sharded", **{"indexing.workers": 1})
    build_index(single)
    report = build_sharded(sharded, SHARDS)
    assert report.added == build_index(single).unchanged
    return WhooshEngine(single), open_engine(sharded), sharded


def comparable(result) -> dict:
    data = result.to_dict()
    del data["took_ms"]
    return data


def test_the_story_is_split_across_shards(pair):
    _one, _many, settings = pair
    homes = {shard_of(r["id"], SHARDS) for r in STORY[:3]}
    assert len(homes) > 1  # its copies live in different shards: grouping them is the set's work
    assert sum(len(shard_ids(settings.index, n)) for n in range(SHARDS)) == 14
    assert read_manifest(settings.index)["shards"] == SHARDS


@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest"])
@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: "+".join(f) or "none")
@pytest.mark.parametrize("q", QUERIES)
def test_sharded_equals_one_index(pair, q, filters, sort):
    one, many, _settings = pair
    assert isinstance(many, ShardedEngine)
    for collapse in (True, False):
        for page, per_page in ((1, 10), (2, 2)):
            request = SearchRequest(q=q, sort=sort, collapse=collapse, page=page, per_page=per_page, **filters)
            expected, got = one.search(request), many.search(request)
            assert comparable(got) == comparable(expected)
            for ours, theirs in zip(got.results, expected.results, strict=True):  # the scores, unrounded
                assert (ours.score is None) == (theirs.score is None)
                assert ours.score is None or abs(ours.score - theirs.score) <= 1e-9


def test_a_story_across_shards_is_one_result_with_its_copies(pair):
    _one, many, _settings = pair
    result = many.search(SearchRequest(q='"suku bunga acuan"'))
    assert result.total == 3 and result.stories == 1 and len(result.results) == 1
    hit = result.results[0]
    assert sorted(c["id"] for c in hit.copies) == sorted({"antara-1", "kontan-9", "tempo-4"} - {hit.id})


def test_partial_relaxed_and_did_you_mean_as_one_index(pair):
    one, many, _settings = pair
    relaxed = many.search(SearchRequest(q="stoltenberg zzzq"))
    assert relaxed.relaxed and relaxed.total == 0 and relaxed.partial > 0
    assert many.search(SearchRequest(q="stoltenbreg")).suggestion == "stoltenberg"
    assert comparable(relaxed) == comparable(one.search(SearchRequest(q="stoltenberg zzzq")))


def test_documents_timelines_significant_words_and_exports_as_one_index(pair):
    one, many, _settings = pair
    for doc_id in ("antara-1", "kontan-9", "detik-3"):
        expected, got = one.document(doc_id, "bunga"), many.document(doc_id, "bunga")
        assert got == expected and got["related"]
    assert many.document("no-such-article") is None
    requests = [SearchRequest(q="nato"), SearchRequest(q="rusia", outlets=("kompas-tv",))]
    assert many.timelines(requests, "month") == one.timelines(requests, "month")
    assert many.significant(SearchRequest(q="nato")) == one.significant(SearchRequest(q="nato"))
    total, rows = many.export(SearchRequest(q="nato OR bunga"), 100)
    expected_total, expected_rows = one.export(SearchRequest(q="nato OR bunga"), 100)
    assert total == expected_total and list(rows) == list(expected_rows)
    assert many.people("jens") == one.people("jens")
    assert sorted(many.outlets(), key=str) == sorted(one.outlets(), key=str)


PAGES = ["/", "/cari?q=nato", "/cari?q=nato&sort=newest&outlet=kompas-tv", "/cari.atom?q=nato",
         "/cari?q=bunga&timeline=month", "/artikel/antara-1?q=bunga", "/tokoh/jens-stoltenberg", "/media/kontan",
         "/bandingkan?q=nato&q=rusia", "/api/search?q=nato&per_page=3", "/api/timeline?q=nato",
         "/api/compare?q=nato&q=rusia", "/api/significant?q=nato", "/api/export?q=nato", "/api/people?prefix=jen",
         "/api/people/jens-stoltenberg", "/api/outlets", "/api/outlets/kontan", "/api/documents/kontan-9",
         "/api/health", "/api/search?person=assad"]  # an alias no name opens: Bashar al-Assad


def test_every_page_and_endpoint_over_shards_as_over_one_index(pair, tmp_path):
    """The app over the shards and over one index: every page and API answer alike (times and the cursors,
    which name the index, apart)."""
    from searchapp.web.app import create_app

    one, _many, settings = pair
    sharded = create_app(settings).test_client()
    single = create_app(one.settings).test_client()
    for path in PAGES:
        got, expected = sharded.get(path), single.get(path)
        assert got.status_code == expected.status_code == 200, path
        if got.is_json and "health" not in path:
            assert drop_times(got.get_json()) == drop_times(expected.get_json()), path
    data = sharded.get("/api/search?q=nato&per_page=3").get_json()
    assert data["total"] > 3 and len(data["results"]) == 3 and "shards" not in data
    assert sharded.get("/api/health").get_json()["shards"] == SHARDS
    assert sharded.get("/api/search?q=nato&person=nobody").status_code == 400


def drop_times(data):
    if isinstance(data, dict):
        # cursors name the index that made them (`after`)
        return {k: drop_times(v) for k, v in data.items() if k not in ("took_ms", "after", "next_after")}
    if isinstance(data, list):
        return [drop_times(v) for v in data]
    return data


def test_an_incremental_run_publishes_the_set_again(tmp_path, capsys):
    from conftest import make_settings

    corpus = sharded_corpus(tmp_path / "corpus")
    settings = make_settings(corpus, tmp_path / "index", **{"indexing.workers": 1})
    assert main(["index", "--shards", "2", "--corpus", str(corpus), "--index", str(settings.index)]) == 0
    engine = open_engine(settings)
    first = read_manifest(settings.index)["set"]
    assert engine.search(SearchRequest(q="cabai")).total == 1
    (corpus / "more.jsonl").write_text(json.dumps({"id": "x-1", "body": OTHER.replace("cabai", "bawang"),
                                                   "outlet": "detik"}) + "\n", encoding="utf-8")
    (corpus / "story.jsonl").write_text("".join(json.dumps(r) + "\n" for r in STORY[:4]), encoding="utf-8")
    assert main(["index", "--corpus", str(corpus), "--index", str(settings.index)]) == 0  # stays sharded
    assert "1 added" in capsys.readouterr().out
    assert read_manifest(settings.index)["set"] != first
    assert engine.search(SearchRequest(q="bawang")).total == 1
    assert engine.search(SearchRequest(q="cabai")).total == 0  # detik-3 is gone from the corpus
    with pytest.raises(ShardLayoutError, match="holds 2 shards, not 3"):
        build_sharded(settings, 3)
    def found() -> tuple[int, list[str]]:  # (scores move: Whoosh's statistics count deleted articles until merged)
        result = engine.search(SearchRequest(q="bawang OR nato", sort="newest"))
        return result.total, [hit.id for hit in result.results]

    kept = found()
    assert main(["index", "--rebuild", "--corpus", str(corpus), "--index", str(settings.index)]) == 0
    assert read_manifest(settings.index)["shards"] == 2 and "Rebuilt" in capsys.readouterr().out
    assert found() == kept  # a new set, the same articles


def test_a_story_across_shards_keeps_its_name_from_run_to_run_and_a_rebuild_names_it_afresh(tmp_path):
    from conftest import make_settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    later, *first = STORY[:3]  # antara-1, then kontan-9 and tempo-4: the wire story's three versions
    (corpus / "first.jsonl").write_text("".join(json.dumps(r) + "\n" for r in first), encoding="utf-8")
    settings = make_settings(corpus, tmp_path / "index", **{"indexing.workers": 1})

    def stories() -> dict[str, str | None]:
        hits = open_engine(settings).search(SearchRequest(q='"suku bunga acuan"', collapse=False)).results
        return {hit.id: hit.story for hit in hits}

    build_sharded(settings, 2)
    assert stories() == {"kontan-9": "kontan-9", "tempo-4": "kontan-9"}
    (corpus / "later.jsonl").write_text(json.dumps(later) + "\n", encoding="utf-8")
    build_sharded(settings, 2)
    assert stories() == dict.fromkeys(["antara-1", "kontan-9", "tempo-4"], "kontan-9")  # under its name
    build_sharded(settings, 2, rebuild=True)
    # named afresh: its leader, the first by id of three alike
    assert stories() == dict.fromkeys(["antara-1", "kontan-9", "tempo-4"], "antara-1")


def test_a_shard_written_but_not_yet_published_is_never_read(tmp_path):
    """Between an indexing run's write of one shard and the publishing of the set, a searcher that opens
    the shard then refuses it (named missing, never mixed in); one opened before keeps the published set."""
    from conftest import make_settings

    from searchapp.index.routing import shard_settings

    corpus = sharded_corpus(tmp_path / "corpus")
    settings = make_settings(corpus, tmp_path / "index", **{"indexing.workers": 1})
    build_sharded(settings, 2)
    before = open_engine(settings)
    expected = comparable(before.search(SearchRequest(q="bunga")))
    home = shard_of("x-2", 2)
    (corpus / "more.jsonl").write_text(json.dumps({"id": "x-2", "body": "Bunga deposito bank naik.",
                                                   "outlet": "detik"}) + "\n", encoding="utf-8")
    build_index(shard_settings(settings, home), shard=(home, 2))  # the shard written, the set not published
    assert comparable(before.search(SearchRequest(q="bunga"))) == expected
    late = open_engine(settings).search(SearchRequest(q="bunga"))
    assert late.missing_shards == [home] and late.to_dict()["shards"] == {"partial": True, "missing": [home]}
    with pytest.raises(UnavailableError):
        open_engine(settings).export(SearchRequest(q="bunga"), 100)
    build_sharded(settings, 2)  # published: everyone reads the new set
    assert before.search(SearchRequest(q="bunga")).total == open_engine(settings).search(SearchRequest(q="bunga")).total
    assert before.search(SearchRequest(q="deposito")).total == 1
    assert main(["index", "--shards", "0", "--corpus", str(corpus), "--index", str(settings.index)]) == 2


def test_an_unchanged_corpus_publishes_nothing(tmp_path):
    from conftest import make_settings

    corpus = sharded_corpus(tmp_path / "corpus")
    settings = make_settings(corpus, tmp_path / "index", **{"indexing.workers": 1})
    build_sharded(settings, 2)
    first = read_manifest(settings.index)
    vocabularies = {path: path.stat().st_mtime_ns for path in settings.index.glob("shard-*/gen-*/vocabulary.bin")}
    report = build_sharded(settings, 2)
    assert report.written == 0 and report.unchanged == 14 and report.in_stories == 3
    assert read_manifest(settings.index) == first
    assert len(vocabularies) == 2  # nor is anything beside the shards written again
    assert {path: path.stat().st_mtime_ns for path in vocabularies} == vocabularies


def test_spellings_of_one_person_in_several_shards_are_one_person_as_in_one_index(tmp_path):
    """A shard spells a person as most of its articles do; the set as most of all its articles do."""
    from conftest import make_settings

    spelled = ["Kevin De Bruyne"] * 2 + ["Kevin de Bruyne"] * 4
    records = [{"id": f"kdb-{n}", "title": f"Gelandang City cetak gol ke-{n}", "outlet": "kompas",
                "body": f"Gelandang itu mencetak gol ke-{n} dalam laga liga yang ramai. " * 4, "people": [name]}
               for n, name in enumerate(spelled)]
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    single = make_settings(tmp_path / "corpus", tmp_path / "single", **{"indexing.workers": 1})
    sharded = make_settings(tmp_path / "corpus", tmp_path / "sharded", **{"indexing.workers": 1})
    build_index(single)
    build_sharded(sharded, SHARDS)
    homes = {shard_of(f"kdb-{n}", SHARDS) for n in range(len(spelled))}
    assert len(homes) > 1
    one, many = WhooshEngine(single), open_engine(sharded)
    for engine in (one, many):
        facet = engine.search(SearchRequest()).facets.person
        assert [(value.value, value.count) for value in facet] == [("Kevin de Bruyne", 6)]
        for typed in ("Kevin De Bruyne", "kevin de bruyne"):
            assert engine.search(SearchRequest(people=(typed,))).total == 6
        assert engine.person_named("kevin-de-bruyne") == "Kevin de Bruyne"
