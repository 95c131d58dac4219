"""What the rest of an article says about a capitalised run: whether it calls someone by a word of the run
on its own, as it does a person it has introduced ("anggota Komisi III DPR Arsul Sani", then "kata Arsul"),
where an organisation's or a place's name is written whole or after a place's word ("di Plakat Tingguf")."""

from __future__ import annotations

from collections.abc import Sequence

from searchapp.extract import gazetteer as gz
from searchapp.extract import lexicon as lx
from searchapp.extract.tokens import Tok, capish


def called_apart(toks: Sequence[Tok], start: int, end: int) -> int | None:
    """Where the name at tokens [start, end) starts when the article also writes one of its words on its own,
    as an article calls someone it has introduced ("anggota Partai Gelora Fahri Hamzah", then "Fahri Hamzah
    menambahkan": at "Fahri"; "pelatih Juventus Massimiliano Allegri", then "kata Allegri": a surname, and
    the name word before it, at "Massimiliano"), with the given names and initials before that word. None
    when every word is only ever written after another name word or a place's or a thing's word, as an
    organisation's or a place's name is ("anggota Polsek Plakat Tingguf", then "di Plakat Tingguf")."""
    positions = _positions(toks)
    for k in range(start, end):
        word = toks[k].text
        if len(word) < 3 or toks[k].kind not in ("unk", "root"):
            continue
        if any(not start <= n < end and _on_its_own(toks, n) for n in positions.get(word, ())):
            if k == end - 1 and k > start and (toks[k - 1].kind == "unk"
                                               or toks[k - 1].text.casefold() in lx.GIVEN_NAMES):
                k -= 1
            while k > start and (toks[k - 1].kind in ("init", "init2") or toks[k - 1].text.casefold()
                                 in lx.GIVEN_NAMES):
                k -= 1  # "Abdul Fickar Hadjar", then "Fickar": given names and initials before it
            return k
    return None


def _on_its_own(toks: Sequence[Tok], n: int) -> bool:
    """Token *n* is written as someone is called: not after another capitalised word (a title or a cue word
    aside), nor after a place's, a building's or a thing's word ("di Tingguf", "bandara Kualanamu", "film
    Benyamin", "partai Gelora")."""
    if n == 0 or not toks[n].joined:
        return True
    before = toks[n - 1]
    key = before.text.casefold()
    if key in lx.PLACE_CUES or key in gz.ORG_WORDS or key in gz.FACILITIES or key in lx.THING_CUES:
        return False
    return not (capish(before) and before.kind not in ("title", "cue", "stop"))


_LAST_POSITIONS: tuple[Sequence[Tok] | None, dict[str, list[int]]] = (None, {})


def _positions(toks: Sequence[Tok]) -> dict[str, list[int]]:
    """Where each word stands in *toks*, kept for the article in hand (its runs ask in turn)."""
    global _LAST_POSITIONS
    seen, positions = _LAST_POSITIONS
    if seen is not toks:
        positions = {}
        for n, tok in enumerate(toks):
            positions.setdefault(tok.text, []).append(n)
        _LAST_POSITIONS = (toks, positions)
    return positions
