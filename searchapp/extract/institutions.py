"""Universities whose names are made of name-like words: named after people, kingdoms, heroes or ideals
("Universitas Airlangga", "Universitas Gadjah Mada", "UIN Syarif Hidayatullah", "Universitas Trisakti").

Right after the institution's head word such a name is the institution's, so a person named after it is
read from where it ends ("Pakar hukum Universitas Trisakti Abdul Fickar Hadjar", "Rektor Universitas
Airlangga Mohammad Nasih"). Elsewhere the words keep their sense ("Airlangga Hartarto"). Universities
named by a place or a common word need no entry: the place or the word already ends the institution's name.
A name-like word after the head word that no entry knows is taken as a one-word name ("Universitas
Pamulang"): no person is named right after "Universitas", and most of the names are one word.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

HEADS = frozenset({"Universitas", "Univ", "Institut", "Politeknik", "UIN", "IAIN", "Akademi"})


def _names(text: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Names by their first word, longest first: one name a line, written as an article writes it."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for line in text.strip().splitlines():
        words = tuple(line.casefold().split())
        by_first.setdefault(words[0], []).append(words)
    return {first: tuple(sorted(names, key=len, reverse=True)) for first, names in by_first.items()}


NAMES = _names("""
airlangga
gadjah mada
gajah mada
padjadjaran
padjajaran
pajajaran
diponegoro
brawijaya
hasanuddin
sebelas maret
andalas
sriwijaya
udayana
warmadewa
sam ratulangi
lambung mangkurat
mulawarman
syiah kuala
cenderawasih
cendrawasih
pattimura
tadulako
halu oleo
nusa cendana
tanjungpura
khairun
trunojoyo
siliwangi
sultan ageng tirtayasa
slamet riyadi
muhadi setiabudhi
jenderal soedirman
jenderal achmad yani
trisakti
tarumanagara
tarumanegara
pelita harapan
bina nusantara
atma jaya
parahyangan
katolik parahyangan
satya wacana
kristen satya wacana
kristen petra
sanata dharma
paramadina
mercu buana
gunadarma
esa unggul
pancasila
jayabaya
krisnadwipayana
borobudur
pakuan
ibn khaldun
prasetiya mulya
ciputra
bakrie
syarif hidayatullah
sunan kalijaga
sunan ampel
sunan gunung djati
walisongo
alauddin
ar-raniry
raden intan
raden fatah
maulana malik ibrahim
sepuluh nopember
teknologi sepuluh nopember
oxford
cambridge
harvard
stanford
yale
princeton
columbia
griffith
monash
johns hopkins
leiden
tsinghua
""")


class _Token(Protocol):
    text: str
    kind: str
    joined: bool


def institution_names(toks: Sequence[_Token]) -> list[int]:
    """Positions of the tokens that name a university right after its head word: a known name, else
    one name-like word."""
    found: list[int] = []
    for k in range(len(toks) - 1):
        if toks[k].text not in HEADS or not toks[k + 1].joined:  # not "kepala sekolah Shin Rae Bum"
            continue
        start = k + 1
        for name in NAMES.get(toks[start].text.casefold(), ()):
            end = start + len(name)
            if end <= len(toks) and all(
                toks[j].text.casefold() == word and (j == start or toks[j].joined)
                for j, word in zip(range(start, end), name, strict=True)
            ):
                found.extend(range(start, end))
                break
        else:
            if toks[start].kind == "unk":
                found.append(start)
    return found
