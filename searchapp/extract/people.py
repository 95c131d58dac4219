"""People an Indonesian news article is about.

Two sources of evidence, precision first:

* the registry (config/people.yaml): canonical names and aliases ("Putin", "rezim Assad"), with a
  one-letter typo tolerated in long name words ("Stoltenbergv");
* Indonesian cues around capitalised words: titles ("Presiden", "Sekjen", "Komjen", "Pak"), speech
  verbs ("kata X", "X mengatakan", "menurut X"), and multi-word names made of words that are not
  Indonesian vocabulary, organisations or places.

A single-word mention is merged with the full name that contains it in the same article.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from searchapp.extract import gazetteer as gz
from searchapp.extract import lexicon as lx
from searchapp.extract.aliases import aliases, misspellings, name_words
from searchapp.extract.glue import unglue
from searchapp.extract.mentions import STRONG_EVIDENCE, Mention, find_mentions, find_person_spans
from searchapp.extract.registry import WORD, PeopleRegistry, Person, fold
from searchapp.extract.tokens import ORGANISATION_MARKERS
from searchapp.extract.two_people import two_people_parts
from searchapp.extract.works import only_quoted, written_as_epithets

__all__ = [
    "Mention",
    "PeopleRegistry",
    "Person",
    "extract_people",
    "find_mentions",
    "find_person_spans",
    "stated_person",
    "fold",
]


def extract_people(text: str, registry: PeopleRegistry) -> tuple[str, ...]:
    """Canonical names of the people ``text`` mentions, in order of first mention.

    Registry people get their canonical name; others their longest full name in the article
    (a lone "Sanchez" joins "Alejandro Sanchez"; a single name shared by two full names is dropped).
    A one-word name that no full name contains needs strong evidence somewhere in the article
    (a title, a speech verb, a role or an apposition): "Lakers memimpin" alone is not enough.
    A nickname the article gives ("Ronald A. Sinaga atau akrab disapa Bro Ron") and a misspelling of a
    name it writes more often ("Immanel Sinaga") stand for that person.
    """
    text = unglue(text)
    mentions = [_known_person(m, registry) for m in two_people_parts(find_mentions(text, registry), registry)]
    full_names: dict[tuple[str, ...], str] = {}
    strong: set[tuple[str, ...]] = set()
    sure: set[tuple[str, ...]] = set()
    vouched: Counter[tuple[str, ...]] = Counter()  # mentions with sure evidence (a title, a speech verb, a role)
    for m in mentions:
        words = name_words(m.surface)
        full_names.setdefault(words, m.canonical or " ".join(m.surface.split()))
        if m.evidence in STRONG_EVIDENCE:
            strong.add(words)
        if m.evidence in _SURE_EVIDENCE:
            sure.add(words)
            vouched[words] += 1
    stands_for = aliases(text, mentions) | misspellings(mentions)
    for words, named in stands_for.items():  # a short form of a nickname is the person's too ("Dul")
        full_names[words] = full_names[name_words(named.surface)]
    registered = {m.canonical for m in mentions if m.canonical is not None}
    others = [m for m in mentions if m.canonical is None and len(name_words(m.surface)) >= 2
              and m.evidence in STRONG_EVIDENCE]
    out: list[str] = []
    placed: set[tuple[str, ...]] | None = None  # read when a mention needs it
    epithets: set[tuple[str, ...]] | None = None
    headed: list[tuple[str, ...]] | None = None
    named: dict[tuple[str, ...], str | None] = {}  # a name's words → whom they name here (decided once)
    for m in mentions:
        if m.canonical is None:
            m = stands_for.get(name_words(m.surface), m)
        opened = registry.opened_by(m.surface) & registered if m.canonical is None and registered else ()
        if len(opened) == 1:  # "Bacharuddin Jusuf (BJ) Habibie": the start of a known person's full name
            name: str | None = next(iter(opened))
        elif m.canonical is not None:
            name = _opened_here(m, others) or m.canonical
        else:
            words = name_words(m.surface)
            if words not in named:
                if only_quoted(text, m.surface):
                    named[words] = None  # a song's, a show's or a film's title, an epithet: "Running Man"
                    continue
                epithets = written_as_epithets(text) if epithets is None else epithets
                if words in epithets:
                    named[words] = None  # "dijuluki Mr Crack", "tim berjulukan Juku Eja"
                    continue
                if words not in sure:
                    placed = _written_as_places(text) if placed is None else placed
                    if words in placed:
                        named[words] = None
                        continue
                else:
                    headed = _runs_after_heads(text) if headed is None else headed
                    if sum(_contains(run, words) for run in headed) > vouched[words]:
                        named[words] = None  # "Satgas Saber Pungli" nine times, "Ketua Pelaksana Satgas …" once
                        continue
                named[words] = _whom(words, full_names, strong)
            name = named[words]
        if name is not None and name not in out:
            out.append(name)
    return tuple(out)


def _opened_here(mention: Mention, others: list[Mention]) -> str | None:
    """The one full name of someone else in the article, vouched for by a title, a speech verb, a role or an
    apposition, that a known one-word name opens: the article's own person ("Gandjar Laksamana Bonaprapta",
    then "kata Gandjar": not Ganjar Pranowo; not "Pasangan Prabowo Hatta", a ticket, then "kata Prabowo")."""
    words = name_words(mention.surface)
    if len(words) != 1:
        return None
    found = {" ".join(o.surface.split()) for o in others if name_words(o.surface)[0] == words[0]}
    return found.pop() if len(found) == 1 else None


def _known_person(mention: Mention, registry: PeopleRegistry) -> Mention:
    """*mention*, the registry's person when its name is one of theirs written with middle initials
    ("Retno L.P. Marsudi" is Retno Marsudi)."""
    if mention.canonical is not None:
        return mention
    words = WORD.findall(mention.surface)
    if len(words) < 3:
        return mention
    inner = [word for word in words[1:-1] if len(word) > 1]
    if len(inner) == len(words) - 2:
        return mention
    known = registry.canonical(" ".join([words[0], *inner, words[-1]]))
    return mention if known is None else dataclasses.replace(mention, canonical=known, evidence="registry")


def _whom(words: tuple[str, ...], full_names: dict[tuple[str, ...], str],
          strong: set[tuple[str, ...]]) -> str | None:
    """The person a mention's *words* name: the one full name they are a short form of, none when they are
    a short form of several; else the mention itself, when it is a full name or has strong evidence."""
    longer = {full_names[o] for o in full_names if len(o) >= len(words) and o != words and _short_form(words, o)}
    if not longer and len(words) == 1:  # "Andi" for "Moch. Andy Adchaminoerdin"
        longer = {full_names[o] for o in full_names if len(o) > 1 and _short_form(_final_y(words), _final_y(o))}
    if not longer and len(words) == 1 and len(words[0]) >= 4 and words[0].casefold() not in lx.GIVEN_NAMES:
        # a nickname, the start of a name ("Risma" for "Tri Rismaharini"), not a given name ("Abdul", "Andi")
        longer = {full_names[o] for o in full_names
                  if len(o) > 1 and any(len(w) >= len(words[0]) + 3 and w.startswith(words[0]) for w in o)}
    if longer:
        return longer.pop() if len(longer) == 1 else None
    return full_names[words] if len(words) > 1 or words in strong else None


# evidence that a place cue elsewhere in the article does not outweigh
_SURE_EVIDENCE = frozenset({"registry", "title", "speech", "role"})
# "di" and the lower-case nouns that put a place's or a building's name after them, then capitalised words
# (not "ke": "umpan ke Witsel", "dari Solehuddin ke Didi Sukyadi")
_AFTER_PLACE_CUE = re.compile(r"\b(?:" + "|".join(sorted(gz.PLACE_NOUNS | {"di"})) + r")\s+([A-Z][^\s,.;:()\"“”]*"
                              r"(?:[ \t\xa0]+[A-Z][^\s,.;:()\"“”]*)*)")


def _written_as_places(text: str) -> set[tuple[str, ...]]:
    """Every name the article writes as a place ("di Disneyland", "pangkalan udara Al Udeid"), as the words
    of the capitalised run after the cue and each of its beginnings. One name keeps one sense in one
    article: a mention of it without a title or a speech verb ("Disneyland, yang dikenal …") is no person."""
    found: set[tuple[str, ...]] = set()
    for match in _AFTER_PLACE_CUE.finditer(text):
        words = name_words(match[1])
        found.update(words[:end] for end in range(1, len(words) + 1))
    return found


# capitalised head words of organisations, facilities and places ("Satgas", "Universitas", "Gunung"), not
# those a person's name follows as the head of their government ("Pemerintahan Prabowo")
_HEADS = frozenset(word.capitalize() for word in (gz.ORG_WORDS | gz.FACILITIES | gz.PLACE_NOUNS) - lx.REGIME_WORDS) | {
    word.upper() for word in ORGANISATION_MARKERS}  # "PT", "PB Djarum"
# runs of two or more capitalised words, each run found once
_CAPITALISED_RUN = re.compile(r"(?<![\w-])[A-Z][^\s,.;:()\"“”]*(?:[ \t\xa0]+[A-Z][^\s,.;:()\"“”]*)+")
_RUN_WORD = re.compile(r"[^ \t\xa0]+")
_TITLE_BEFORE = re.compile(r"(\w+)[ \t\xa0]+(?:\w+[ \t\xa0]+)?$")


def _runs_after_heads(text: str) -> list[tuple[str, ...]]:
    """The capitalised runs the article writes after the head word of an organisation or a place, each time
    ("Satgas Saber Pungli", "Gunung Anak Krakatau"): in each run of capitalised words, what follows its
    first head word. Not inside an office ("Ketua Umum Partai Gerindra Prabowo Subianto": the title makes
    it a person's). A name written so more often than with a title, a speech verb or a role names that
    organisation or place."""
    runs = []
    for run in _CAPITALISED_RUN.finditer(text):
        words = list(_RUN_WORD.finditer(text, run.start(), run.end()))
        head = next((k for k, word in enumerate(words[:-1]) if word[0] in _HEADS), None)
        if head is None:
            continue
        start = words[head].start()
        before = _TITLE_BEFORE.search(text, max(0, start - 40), start)
        if before is None or not any(w.casefold() in lx.TITLES or w.casefold() in lx.TITLE_PARTS
                                     for w in before.group().split()):
            runs.append(name_words(text[words[head + 1].start() : run.end()]))
    return runs


def _final_y(words: tuple[str, ...]) -> tuple[str, ...]:
    """Words with a final -y spelled -i, as Indonesian given names are written either way (Andy, Andi)."""
    return tuple(word[:-1] + "i" if len(word) >= 4 and word.endswith("y") else word for word in words)


def _short_form(words: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """*words* name the person *full* names: a part of it ("Sanchez"), or its first word, then some of the
    others in order, ending with its last ("Alyssa Daguise" for "Alyssa Paramitha Daguise"), where an
    initial stands for the word it begins ("Ronald A. Sinaga", "Fariz RM" for "Fariz Roestam Moenaf")."""
    words, full = _particles_folded(words), _particles_folded(full)  # "Ten Hag" for "Erik ten Hag"
    if _contains(full, words) or words == (full[-1].rpartition("-")[2],):
        return True  # "Arnold" for "Trent Alexander-Arnold" too
    return len(words) >= 2 and words[0] == full[0] and _ends_alike(words[1:], full[1:])


def _particles_folded(words: tuple[str, ...]) -> tuple[str, ...]:
    """Name particles in lower case: a surname opens a sentence with its particle capitalised ("Van Dijk")."""
    return tuple(word.casefold() if word.casefold() in lx.PARTICLES else word for word in words)


def _ends_alike(words: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Each of *words*, in order, is a word of *full* or the initials of consecutive words of it, and the
    last of them ends *full*."""
    for start in range(len(full)):
        covered = _covers(words[0], full[start:])
        if not covered:
            continue
        rest = full[start + covered :]
        if len(words) == 1:
            if not rest:
                return True
        elif rest and _ends_alike(words[1:], rest):
            return True
    return False


def _covers(word: str, full: tuple[str, ...]) -> int:
    """How many words at the start of *full* the one *word* stands for: itself (1), or as their initials
    (``A`` for ``Aristone``, ``RM`` for ``Roestam Moenaf``); 0 when it stands for none."""
    if word == full[0]:
        return 1
    n = len(word)
    if word.isupper() and n <= min(3, len(full)) and all(full[k][0] == word[k] and len(full[k]) > 1 for k in range(n)):
        return n
    return 0


def _contains(seq: tuple[str, ...], sub: tuple[str, ...]) -> bool:
    n = len(sub)
    return any(seq[i : i + n] == sub for i in range(len(seq) - n + 1))


_JURISDICTIONS = gz.PLACES | {"kota", "kabupaten", "kab", "provinsi", "prov", "metro"}


def stated_person(name: str, registry: PeopleRegistry) -> str | None:
    """A person as an export's entity list states them, with titles and offices removed: ``Menteri Dalam
    Negeri Tito Karnavian`` → ``Tito Karnavian``; the registry's canonical name where it knows them; None
    when nothing of it is a name (an organisation's lower-case description, say)."""
    found = extract_people(name, registry)
    if len(found) == 1:
        return found[0]
    words = WORD.findall(name)
    office = lx.TITLES | lx.TITLE_PARTS | gz.PORTFOLIOS | {"dalam", "luar", "agung", "ri", "dki"}
    last = max((n for n, word in enumerate(words) if word.casefold() in office), default=-1)
    words = words[last + 1:]  # the name follows the last word of the office: "Kapolda Metro Jaya Irjen Karyoto"
    while last >= 0 and words and words[0].casefold() in _JURISDICTIONS:
        words = words[1:]  # a place right after an office is its jurisdiction: "Wali Kota Surabaya …"
    if not words or not all(word[:1].isupper() for word in words) or all(w.casefold() in gz.PLACES for w in words):
        return None
    return registry.canonical(" ".join(words)) or " ".join(words)
