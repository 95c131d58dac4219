"""One outlet's text another carried, cut short or carried on, lightly edited: word for word in long runs in the
other's opening. Short samples written for these tests."""

from __future__ import annotations

import json

import pytest
from test_rewrites import BACKGROUND, GOLD, GOLD_NEXT_DAY, REPEATING_REACTION, REWRITE, WARNING

from searchapp.extract.fingerprint import fingerprint, similarity
from searchapp.extract.rewrites import Text, is_carried, is_rewrite
from searchapp.index.stories import FLOOR, THRESHOLD, Texts, find_stories

WIRE = WARNING + BACKGROUND
# another outlet's copy: an opening line of its own, the statement with a word changed here and there, the
# background left out: too short and too edited to read as a rewrite or as the wire story cut short
CARRIED = ("Warga yang tinggal di pesisir selatan Jawa diminta bersiap menghadapi cuaca buruk sepanjang akhir pekan "
           "ini. "
           + WARNING.replace("tetap waspada", "waspada").replace("diperkirakan mencapai", "bisa mencapai")
           .replace("Nelayan diimbau", "Para nelayan diimbau").replace("memasang tanda", "memasang papan")
           .replace("penyebab utama", "pemicu utama"))
# a reaction that opens with a line of its own, then the statement
OWN_LINE = ("Ratusan nelayan di Cilacap memilih menambatkan perahu mereka sejak kemarin sore setelah mendengar kabar "
            "cuaca buruk dari pengeras suara di tempat pelelangan ikan. " + WARNING)


def figures(text: str, waves: int, boats: int, stalls: int, earlier: int) -> str:
    return (text.replace("empat meter", f"{waves} meter").replace("belasan perahu", f"{boats} perahu")
            .replace("dua warung", f"{stalls} warung").replace("tiga meter", f"{earlier} meter"))


# the wire story with figures, and the copy carried with the background's first sentence, or another report
# from the same text with other figures
WIRE_FIGURES = figures(WIRE, 4, 15, 2, 3)
CARRIED_ON = CARRIED + BACKGROUND[:BACKGROUND.index(" Badan Penanggulangan")]
# the statement quoted in two parts, a long stretch of the roundup's own between them
HALF = WARNING.index(" Dwikorita juga")
SPREAD = WARNING[:HALF] + BACKGROUND + WARNING[HALF:]


@pytest.mark.parametrize(("shorter", "longer", "carried"), [
    (CARRIED, WIRE, True),  # cut short and lightly edited, an opening line of its own
    (WARNING, WIRE, True),  # cut short, word for word
    (REWRITE, WIRE, False),  # paraphrased: runs this long only here and there
    (WARNING, REPEATING_REACTION, False),  # the reaction opens with paragraphs of its own
    (BACKGROUND.strip(), WIRE, False),  # the wire story's end, not its opening
    (WARNING, SPREAD, False),  # quoted in parts far apart
    (WARNING, WIRE + BACKGROUND, False),  # under 0.4 of a much longer piece: an item of a roundup, an update
    (figures(CARRIED_ON, 4, 15, 2, 3), WIRE_FIGURES, True),  # carried on with a sentence of the background
    (figures(CARRIED_ON, 4, 20, 4, 5), WIRE_FIGURES, False),  # the same words, three other figures
    (WARNING, OWN_LINE, False),  # the longer opens with more than a fifth of its own
    (OWN_LINE, WIRE, False),  # the shorter opens with more than a fifth of its own
    (GOLD, GOLD_NEXT_DAY, False),  # one template, another day's figures (its words too run short)
    ("", "", False),  # nothing to carry
])
def test_is_carried(shorter, longer, carried):
    assert is_carried(Text.of(shorter), Text.of(longer)) is carried
    assert is_carried(Text.of(longer), Text.of(shorter)) is carried  # either way round


def test_a_text_another_outlet_carried_is_its_story_an_outlets_own_carried_on_is_not():
    """The rule reaches what the rewrite and the cut-short reading do not, and only across outlets: an outlet that
    repeats its own text and goes on is writing its next piece (a full-time report after the half-time one)."""
    assert FLOOR <= similarity(fingerprint(CARRIED), fingerprint(WIRE)) < THRESHOLD
    assert not is_rewrite(Text.of(CARRIED), Text.of(WIRE)) and not is_rewrite(Text.of(WIRE), Text.of(CARRIED))
    ids, prints = ["antara-1", "solopos-2"], [fingerprint(WIRE), fingerprint(CARRIED)]
    for outlets, stories in ((["antara", "solopos"], {"antara-1": "antara-1", "solopos-2": "antara-1"}),
                             ([None, None], {"antara-1": "antara-1", "solopos-2": "antara-1"}),  # not stated
                             (["antara", None], {"antara-1": "antara-1", "solopos-2": "antara-1"}),  # one unknown
                             (["antara", "antara"], {})):
        texts = Texts([WIRE, CARRIED].__getitem__, outlet=outlets.__getitem__)
        assert find_stories(ids, prints, texts=texts) == stories


@pytest.mark.parametrize("shards", [None, 2])
def test_an_index_reads_the_outlets_of_a_carried_text(tmp_path, shards):
    """At index time the outlets come from the stored articles, in one index and across shards: the copy is the
    wire story's when another outlet carried it, not when the wire's own outlet did."""
    from conftest import make_settings

    from searchapp.index.shards import build_sharded
    from searchapp.index.writer import build_index
    from searchapp.search.interface import open_engine
    from searchapp.search.request import SearchRequest

    for carrier, stories in (("solopos", 1), ("antara", 2)):
        records = [{"id": "antara-1", "body": WIRE, "outlet": "antara", "date": "2025-06-18T09:00:00+07:00"},
                   {"id": "copy-2", "body": CARRIED, "outlet": carrier, "date": "2025-06-18T11:00:00+07:00"}]
        corpus = tmp_path / carrier / "corpus"
        corpus.mkdir(parents=True)
        (corpus / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        settings = make_settings(corpus, tmp_path / carrier / "index", **{"indexing.workers": 1})
        build_sharded(settings, shards) if shards else build_index(settings)
        result = open_engine(settings).search(SearchRequest(q="gelombang tinggi"))
        assert (result.total, result.stories) == (2, stories)
