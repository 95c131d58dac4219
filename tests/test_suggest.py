"""Did you mean: the index's vocabulary (a deletion index written at index time) and the choice of word."""

import json
from itertools import combinations

import pytest

from searchapp.index.vocabulary import VOCABULARY, deletions
from searchapp.search.suggest import distance
from tests.conftest import client_over, make_settings

FILLER = "Warga berkumpul di balai desa untuk membahas rencana pembangunan jalan baru pekan depan."


def records() -> list[dict]:
    made = []
    for n in range(6):  # a name in 6 articles
        made.append({"id": f"purbaya-{n}", "title": f"Menkeu Purbaya bicara soal pajak {n}",
                     "body": f"Menteri Keuangan Purbaya Yudhi Sadewa menjelaskan kebijakan pajak. {FILLER}"})
    for n in range(30):  # a common word two edits from the typo
        made.append({"id": f"punya-{n}", "title": f"Warga punya cerita {n}",
                     "body": f"Setiap warga punya cerita tentang desa dan berat beban hidup. {FILLER}"})
    for n in range(12):
        made.append({"id": f"beras-{n}", "title": f"Harga beras {n}", "body": f"Harga beras naik lagi. {FILLER}"})
    return made


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    return client_over(tmp_path_factory.mktemp("suggest"), records())


def suggestion(client, q):
    return client.get("/api/search", query_string={"q": q}).get_json()["suggestion"]


@pytest.mark.parametrize(("typed", "meant"), [
    ("purbya", "purbaya"),  # one edit from the name, two from the commoner `punya`: the nearer wins
    ("Purbaya Yudhi Sadwa", "Purbaya Yudhi sadewa"),  # a name's word, within a query
    ("puyna", "punya"),  # a transposition is one edit
    ("pembanguan", "pembangunan"),  # a word as written (affixed), not its root
])
def test_the_nearest_more_common_word_is_suggested(client, typed, meant):
    assert suggestion(client, typed) == meant


@pytest.mark.parametrize("q", [
    "punya",  # a common word is left alone even beside a rarer neighbour
    "beras",  # 12 articles hold it: plenty of complete results, nothing to second-guess (`berat` is commoner)
    "xyzzyq",  # nothing near it
    "a" * 100,  # far too long to be a word (the longest a query may hold): no work at all
])
def test_no_suggestion(client, q):
    assert suggestion(client, q) is None


@pytest.fixture(scope="module")
def held_words(tmp_path_factory):
    """An index of 282 articles holding rare real words and a writer's typo beside commoner neighbours."""
    made = [{"id": f"desa-{n}", "title": f"Rapat desa {n}", "body": FILLER} for n in range(200)]
    made.append({"id": "typo", "title": "Rapat", "body": f"Rencana pembanguan jalan dibahas. {FILLER}"})
    made.append({"id": "hujan", "title": "Ponsel", "body": f"Ponsel yang kehujanan perlu dikeringkan. {FILLER}"})
    made.append({"id": "laptop", "title": "Sekolah", "body": f"Sekolah membeli laptop baru. {FILLER}"})
    made += [{"id": f"hutan-{n}", "title": f"Dinas {n}", "body": f"Dinas kehutanan menanam pohon. {FILLER}"}
             for n in range(30)]
    made += [{"id": f"lapor-{n}", "title": f"Warga {n}", "body": f"Warga lapor ke polisi. {FILLER}"}
             for n in range(50)]
    return client_over(tmp_path_factory.mktemp("held_words"), made)


@pytest.mark.parametrize(("typed", "meant"), [
    ("pembanguan", "pembangunan"),  # one article's typo of a word in every other: a typo still
    ("kehujanan", None),  # a real word the index holds, one edit from a word 30 times as common: left alone
    ("laptop", None),  # two edits from a commoner word: left alone
])
def test_a_word_the_index_holds_is_second_guessed_only_as_a_typo_of_a_far_commoner_word(held_words, typed, meant):
    assert suggestion(held_words, typed) == meant


def test_an_index_without_a_vocabulary_suggests_nothing_until_the_next_run(tmp_path):
    from searchapp.index.generations import current_generation
    from searchapp.index.writer import build_index
    from searchapp.web.app import create_app

    client_over(tmp_path, records()[:8])
    settings = make_settings(tmp_path / "corpus", tmp_path / "index", **{"indexing.workers": 1})
    generation = current_generation(tmp_path / "index")
    (generation / VOCABULARY).unlink()  # as an index written before there was a vocabulary
    assert suggestion(create_app(settings).test_client(), "purbya") is None
    report = build_index(settings)  # nothing changed, yet the missing vocabulary is written again
    assert report.written == 0 and (generation / VOCABULARY).exists()
    assert suggestion(create_app(settings).test_client(), "purbya") == "purbaya"


def test_deletions_and_distance():
    assert deletions("kpk", 1) == {"kpk", "pk", "kk", "kp"}
    two = deletions("purbaya", 2)
    assert two == {"".join(kept) for n in (5, 6, 7) for kept in combinations("purbaya", n)}
    assert distance("stoltenbreg", "stoltenberg") == 1 and distance("purbya", "punya") == 2
    assert distance("", "abc") == 3 and distance("kasus", "kasus") == 0


def test_the_vocabulary_is_one_file_replaced_whole_and_a_foreign_file_is_ignored(tmp_path):
    from searchapp.index.generations import current_generation
    from searchapp.index.vocabulary import Vocabulary

    client_over(tmp_path, records()[:8] + [{"id": "aksen", "title": "Kafe", "body": "José dan Zoë minum kopi. " * 20}])
    generation = current_generation(tmp_path / "index")
    vocabulary = Vocabulary.open(generation)
    assert {"purbaya", "josé", "zoë"} <= set(vocabulary.near("purbaya")) | set(vocabulary.near("jose")) | \
        set(vocabulary.near("zoe"))
    assert [p.name for p in generation.iterdir() if p.name.startswith(("vocabulary", ".vocabulary"))] == [VOCABULARY]
    (generation / VOCABULARY).write_bytes(b"not a vocabulary at all")
    assert Vocabulary.open(generation) is None


@pytest.mark.parametrize("shards", [None, 3])
def test_when_no_article_holds_every_word_a_word_gives_way_to_one_that_does(tmp_path, shards):
    """`erik` is a name too (3 articles), `erick` commoner (8), but only `erick` is ever beside `thohir`."""
    from searchapp.index.shards import build_sharded
    from searchapp.index.writer import build_index
    from searchapp.search.interface import open_engine
    from searchapp.search.request import SearchRequest

    made = [{"id": f"erick-{n}", "body": f"Ketua PSSI Erick Thohir meninjau stadion nomor {n}. {FILLER}"}
            for n in range(8)]
    made += [{"id": f"erik-{n}", "body": f"Pelatih Erik ten Hag memimpin latihan nomor {n}. {FILLER}"}
             for n in range(3)]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in made), encoding="utf-8")
    settings = make_settings(corpus, tmp_path / "index", **{"indexing.workers": 1})
    build_sharded(settings, shards) if shards else build_index(settings)
    engine = open_engine(settings)
    assert engine.search(SearchRequest(q="erik thohir")).suggestion == "erick thohir"
    assert engine.search(SearchRequest(q="erik")).suggestion is None  # a word held, and no failed query
    assert engine.search(SearchRequest(q="erik latihan")).suggestion is None  # every word held together
