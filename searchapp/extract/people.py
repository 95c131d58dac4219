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

import re

from searchapp.extract import lexicon as lx
from searchapp.extract.glue import unglue
from searchapp.extract.mentions import STRONG_EVIDENCE, Mention, find_mentions, find_person_spans
from searchapp.extract.registry import WORD, PeopleRegistry, Person, fold

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
    """
    text = unglue(text)
    mentions = find_mentions(text, registry)
    full_names: dict[tuple[str, ...], str] = {}
    strong: set[tuple[str, ...]] = set()
    sure: set[tuple[str, ...]] = set()
    for m in mentions:
        words = _name_words(m.surface)
        full_names.setdefault(words, m.canonical or " ".join(m.surface.split()))
        if m.evidence in STRONG_EVIDENCE:
            strong.add(words)
        if m.evidence in _SURE_EVIDENCE:
            sure.add(words)
    out: list[str] = []
    placed: set[tuple[str, ...]] | None = None  # read when a mention needs it
    for m in mentions:
        if m.canonical is not None:
            name: str | None = m.canonical
        else:
            words = _name_words(m.surface)
            if words not in sure:
                placed = _written_as_places(text) if placed is None else placed
                if words in placed:
                    continue
            longer = {full_names[o] for o in full_names if len(o) > len(words) and _short_form(words, o)}
            if longer:
                name = longer.pop() if len(longer) == 1 else None
            else:
                name = full_names[words] if len(words) > 1 or words in strong else None
        if name is not None and name not in out:
            out.append(name)
    return tuple(out)


# evidence that a place cue elsewhere in the article does not outweigh
_SURE_EVIDENCE = frozenset({"registry", "title", "speech", "role"})
# "di" and the lower-case nouns that put a place's or a building's name after them, then capitalised words
# (not "ke": "umpan ke Witsel", "dari Solehuddin ke Didi Sukyadi")
_AFTER_PLACE_CUE = re.compile(r"\b(?:" + "|".join(sorted(lx.PLACE_NOUNS | {"di"})) + r")\s+([A-Z][^\s,.;:()\"“”]*"
                              r"(?:[ \t\xa0]+[A-Z][^\s,.;:()\"“”]*)*)")


def _name_words(surface: str) -> tuple[str, ...]:
    """The words of a mention as names are compared: ``Ma’ruf`` and ``Ma'ruf`` are one word."""
    return tuple(word.replace("’", "'") for word in WORD.findall(surface))


def _written_as_places(text: str) -> set[tuple[str, ...]]:
    """Every name the article writes as a place ("di Disneyland", "pangkalan udara Al Udeid"), as the words
    of the capitalised run after the cue and each of its beginnings. One name keeps one sense in one
    article: a mention of it without a title or a speech verb ("Disneyland, yang dikenal …") is no person."""
    found: set[tuple[str, ...]] = set()
    for match in _AFTER_PLACE_CUE.finditer(text):
        words = _name_words(match[1])
        found.update(words[:end] for end in range(1, len(words) + 1))
    return found


def _short_form(words: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """*words* name the person *full* names: a part of it ("Sanchez"), or its first and last words with
    some of those between left out ("Alyssa Daguise" for "Alyssa Paramitha Daguise")."""
    if _contains(full, words):
        return True
    if len(words) < 2 or words[0] != full[0] or words[-1] != full[-1]:
        return False
    rest = iter(full[1:-1])
    return all(word in rest for word in words[1:-1])


def _contains(seq: tuple[str, ...], sub: tuple[str, ...]) -> bool:
    n = len(sub)
    return any(seq[i : i + n] == sub for i in range(len(seq) - n + 1))


def stated_person(name: str, registry: PeopleRegistry) -> str | None:
    """A person as an export's entity list states them, with titles and offices removed: ``Menteri Dalam
    Negeri Tito Karnavian`` → ``Tito Karnavian``; the registry's canonical name where it knows them; None
    when nothing of it is a name (an organisation's lower-case description, say)."""
    found = extract_people(name, registry)
    if len(found) == 1:
        return found[0]
    words = WORD.findall(name)
    office = lx.TITLES | lx.TITLE_PARTS | lx.PORTFOLIOS | {"dalam", "luar", "agung", "ri", "dki"}
    titled = False
    while words and (words[0].casefold() in office or (titled and words[0].casefold() in lx.PLACES)):
        titled = True  # a place right after an office is its jurisdiction: "Gubernur DKI Jakarta …"
        words = words[1:]
    if not words or not all(word[:1].isupper() for word in words) or all(w.casefold() in lx.PLACES for w in words):
        return None
    return registry.canonical(" ".join(words)) or " ".join(words)
