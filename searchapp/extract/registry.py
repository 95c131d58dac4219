"""The people searchapp knows by name (config/people.yaml): canonical names, aliases, typo tolerance."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from searchapp.errors import ConfigError
from searchapp.extract import lexicon as lx
from searchapp.yaml_files import load_entries

# a word: letters, with inner apostrophes or hyphens ("Ma'ruf", "al-Assad", "Ki-moon")
WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_SCHEMA = {"name": "str", "aliases": "list"}


@dataclass(frozen=True)
class Person:
    """One entry of config/people.yaml."""

    name: str
    aliases: tuple[str, ...] = ()


@lru_cache(maxsize=100_000)
def _plain(word: str) -> str:
    """*word* without case or accents (as initials are compared: not in the old spelling, as `fold` reads names)."""
    word = word.casefold()
    return word if word.isascii() else "".join(
        c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def fold(word: str) -> str:
    """Case-, accent- and spelling-insensitive form of a word: "Erdoğan" -> "erdogan", "António" ->
    "antonio", and Indonesian names in the old spelling as in the new: "Soeharto" -> "suharto",
    "Djoko Tjandra" -> "joko candra" (oe → u, dj → j, tj → c)."""
    return _plain(word).replace("oe", "u").replace("dj", "j").replace("tj", "c")


def name_key(name: str) -> tuple[str, ...]:
    """How the registry compares names: their words folded (`fold`), a word's inner apostrophe or hyphen
    kept (``al-Assad`` is one word, as the text's token is)."""
    return tuple(fold(t) for t in WORD.findall(name))


_LETTERS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=200_000)
def spelling_key(name: str) -> tuple[str, ...]:
    """What two spellings of one person's name share: the letters of its words, folded (`fold`), whatever
    the case, accents, full stops, apostrophes and hyphens (``Seo Seung-jae`` is ``Seo Seung Jae``,
    ``Ma’ruf`` ``Maruf``, ``B.J. Habibie`` ``BJ Habibie``), and with or without middle initials (``Laode M.
    Syarif``, ``Laode M Syarif`` and ``Laode Syarif``; ``Bambang P.S. Brodjonegoro``, ``Bambang PS
    Brodjonegoro``); the name itself when it holds no letter. Initials are letters written apart (``P.S.``)
    or up to three without a vowel (``PS``, ``Lp``), in any case: ``MOON JAE IN`` is ``Moon Jae-in``; they
    are not read in the old spelling (``T.J. McConnell`` is no ``C. McConnell``)."""
    words: list[tuple[str, bool]] = []  # (letters, whether initials)
    apart = False  # whether the last word is letters written apart
    for word in _LETTERS.findall(name.replace("'", "").replace("’", "")):
        if len(word) == 1 and apart and len(words[-1][0]) < 3:
            words[-1] = (words[-1][0] + word, True)  # "B.J.": one word of initials, as "BJ"
        else:
            words.append((word, len(word) == 1 or (len(word) <= 3 and not _VOWELS.search(word)
                                                   and word.casefold() not in _ABBREVIATED_NAMES)))
            apart = len(word) == 1
    if len(words) >= 3:
        words = [words[0], *(word for word in words[1:-1] if not word[1]), words[-1]]
    return tuple(_plain(word) if initials else fold(word) for word, initials in words) or (name,)


_VOWELS = re.compile("[aeiouyAEIOUY]")
# name words written short, not initials: "Mhd" (Muhammad), Bali's "Gst" (Gusti), "Ngr" (Ngurah), "Nym"
_ABBREVIATED_NAMES = lx.NAME_ABBREVIATIONS | lx.BALINESE_NAME_WORDS | frozenset({"ngr"})


def spelled_alike(counts: Mapping[str, int]) -> dict[str, str]:
    """Each name of *counts* (names → their articles) → the spelling of that person most articles use (names
    with one `spelling_key` are one person's: "Kevin De Bruyne" and "Kevin de Bruyne"); of spellings as
    common, the one with the fewest capitals ("Mike Pompeo", not "MIke Pompeo"), then the first in order."""
    best: dict[tuple[str, ...], str] = {}
    for name, _count in sorted(counts.items(), key=lambda item: (-item[1], sum(map(str.isupper, item[0])), item[0])):
        best.setdefault(spelling_key(name), name)
    return {name: best[spelling_key(name)] for name in counts}


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def one_typo_apart(a: str, b: str) -> bool:
    """Two different words one wrong, missing or extra letter apart (``Immanel``, ``Immanuel``)."""
    a, b = a.casefold(), b.casefold()
    return a != b and bool(({a} | _deletions(a)) & ({b} | _deletions(b)))


class PeopleRegistry:
    """Known people, looked up by canonical name or alias (case-insensitive, whole words)."""

    TYPO_MIN_LEN = 6  # words at least this long may carry one wrong, missing or extra letter

    def __init__(self, people: list[Person] | tuple[Person, ...] = ()) -> None:
        self._people = tuple(people)
        self._index: dict[tuple[str, ...], str] = {}
        for person in self._people:
            for alias in (person.name, *person.aliases):
                key = name_key(alias)
                if key:
                    self._index.setdefault(key, person.name)
        self.max_len = max((len(k) for k in self._index), default=0)
        self._spellings: dict[str, list[tuple[str, ...]]] = {}
        for key, name in self._index.items():
            self._spellings.setdefault(name, []).append(key)
        # the first two or more words of a longer name or alias → whom they open ("Bacharuddin Jusuf")
        self._openings: dict[tuple[str, ...], set[str]] = {}
        for key, name in self._index.items():
            for length in range(2, len(key)):
                self._openings.setdefault(key[:length], set()).add(name)
        self._vocab = frozenset(t for k in self._index for t in k)
        typo: dict[str, str | None] = {}
        for word in self._vocab:
            if len(word) >= self.TYPO_MIN_LEN - 1:
                for variant in {word} | _deletions(word):
                    if typo.get(variant, word) != word:
                        typo[variant] = None  # two registry words are one edit apart: no correction
                    else:
                        typo[variant] = word
        self._typo = typo
        self._typo_cache: dict[str, tuple[str | None, bool]] = {}

    @classmethod
    def load(cls, path: str | Path) -> PeopleRegistry:
        """Read and validate config/people.yaml; any problem raises ConfigError."""
        entries = load_entries(path, "people", _SCHEMA, required=("name",))
        people: list[Person] = []
        owner: dict[tuple[str, ...], str] = {}
        for i, e in enumerate(entries):
            for j, alias in enumerate((e["name"], *e["aliases"])):
                where = f"people[{i}].name" if j == 0 else f"people[{i}].aliases[{j - 1}]"
                key = name_key(alias)
                if not key:
                    raise ConfigError(str(path), f"no word in '{alias}'", where)
                if owner.get(key, e["name"]) != e["name"]:
                    raise ConfigError(str(path), f"'{alias}' already names '{owner[key]}'", where)
                owner[key] = e["name"]
            people.append(Person(e["name"], tuple(e["aliases"])))
        return cls(people)

    def all(self) -> tuple[Person, ...]:
        """Every person, in file order."""
        return self._people

    def canonical(self, name: str) -> str | None:
        """The canonical name for ``name`` (a name or alias), or None."""
        return self._index.get(name_key(name))

    def normalise(self, word: str, typo: bool = True) -> tuple[str | None, bool]:
        """(registry word that ``word`` is, or is one typo away from; whether it was a typo)."""
        key = fold(word)
        if key in self._vocab:
            return key, False
        if not typo or len(key) < self.TYPO_MIN_LEN:
            return None, False
        cached = self._typo_cache.get(key)
        if cached is None:
            found = {self._typo.get(key)} | {self._typo.get(d) for d in _deletions(key)}
            found.discard(None)
            cached = (found.pop(), True) if len(found) == 1 else (None, False)
            if len(self._typo_cache) < 100_000:
                self._typo_cache[key] = cached
        return cached

    def opened_by(self, name: str) -> frozenset[str]:
        """The people whose name or alias *name* opens with two words or more and does not end
        ("Bacharuddin Jusuf" opens "Bacharuddin Jusuf Habibie")."""
        return frozenset(self._openings.get(name_key(name), ()))

    def spellings(self, canonical: str) -> list[tuple[str, ...]]:
        """The registry words of each name and alias of the person *canonical* names."""
        return self._spellings.get(canonical, [])

    def lookup(self, words: tuple[str, ...]) -> str | None:
        """Canonical name for a tuple of registry words."""
        return self._index.get(words)
