"""Other names an article gives a person: a nickname it introduces ("Ronald A. Sinaga atau akrab disapa
Bro Ron", "Emil, sapaan akrab Ridwan Kamil") and a misspelling of a name it writes more often
("Immanel Sinaga" beside "Immanuel Sinaga"). Each stands for the person's name (`searchapp.extract.people`)."""

from __future__ import annotations

import re
from collections import Counter

from searchapp.extract.mentions import Mention
from searchapp.extract.registry import WORD, PeopleRegistry, one_typo_apart


def name_words(surface: str) -> tuple[str, ...]:
    """The words of a mention as names are compared: ``Ma’ruf`` and ``Ma'ruf`` are one word."""
    return tuple(word.replace("’", "'") for word in WORD.findall(surface))


# "Ronald A. Sinaga atau akrab disapa Bro Ron", "Rosembergne da Silva alias Berguinho": the words between a
# name and the nickname the article gives it
# (not a bare "dipanggil" or "disapa": "Rizky Ridho dipanggil Patrick Kluivert" is called up by him)
_ALIAS_BETWEEN = re.compile(
    r"[\s,(]*(?:alias|(?:atau\s+)?(?:yang\s+)?(?:(?:akrab|biasa|lebih|kerap|sering|populer)\s+"
    r"(?:disapa|dipanggil|dikenal)(?:\s+dengan(?:\s+nama)?|\s+sebagai)?|dikenal\s+(?:dengan\s+nama|sebagai)))\s*"
    r"[\"'“‘]?",  # the nickname maybe quoted: akrab disapa "Bro Ron"
    re.IGNORECASE,
)
# "Emil, sapaan akrab Ridwan Kamil", "Risma (panggilan Tri Rismaharini)", "Kang Emil -- sapaan karib Ridwan
# Kamil": the words between a nickname and the name it is given to, which comes after it
_NICKNAME_OF_BETWEEN = re.compile(
    r"[\"'”’]?[\s,(–—-]*(?:(?:nama\s+)?(?:sapaan|panggilan)(?:\s+(?:akrab|karib|akrabnya|karibnya|populer))?|"
    r"(?:yang\s+)?(?:nama\s+)?(?:sapaan|panggilan)\s+(?:akrab|karib)\s+(?:untuk|bagi|dari))\s+",
    re.IGNORECASE,
)
# "Om Rudi, panggilan akrab Sandiaga kepada Habibie": the name after it is of who calls the other so
_SPEAKER_OF = re.compile(r"\s+(?:kepada|untuk|bagi|pada|terhadap)\b", re.IGNORECASE)


def aliases(text: str, mentions: list[Mention]) -> dict[tuple[str, ...], Mention]:
    """The nicknames the article gives: the words of each, and the mention of the name it is given to — a
    full name of two words or more, or one the registry knows, when the nickname comes first."""
    found = {
        name_words(nick.surface): named
        for named, nick in zip(mentions, mentions[1:], strict=False)
        if nick.canonical is None and _ALIAS_BETWEEN.fullmatch(text, named.end, nick.start)
    }
    for nick, named in zip(mentions, mentions[1:], strict=False):
        if (nick.canonical is None and (named.canonical is not None or len(name_words(named.surface)) >= 2)
                and _NICKNAME_OF_BETWEEN.fullmatch(text, nick.end, named.start)
                and not _SPEAKER_OF.match(text, named.end)):
            found.setdefault(name_words(nick.surface), named)
    return found


def misspellings(mentions: list[Mention]) -> dict[tuple[str, ...], Mention]:
    """Names written one letter off in one long word ("Immanel Sinaga" beside "Immanuel Sinaga"): the
    words of each misspelt name, and a mention of the spelling the article uses more often (counted over
    every name, so "Diego Simeone" votes for "Giuliano Simeone"; the first one on a tie)."""
    first: dict[tuple[str, ...], Mention] = {}
    for m in mentions:
        if m.canonical is None:
            first.setdefault(name_words(m.surface), m)
    uses = Counter(word for m in mentions for word in name_words(m.surface))
    names = list(first)  # in order of first mention
    found: dict[tuple[str, ...], Mention] = {}
    for i, one in enumerate(names):
        for other in names[i + 1 :]:
            differ = _misspelt_word(one, other)
            if differ is not None:
                loser, winner = (one, other) if uses[differ[1]] > uses[differ[0]] else (other, one)
                found.setdefault(loser, first[winner])
    return found


def _misspelt_word(one: tuple[str, ...], other: tuple[str, ...]) -> tuple[str, str] | None:
    """The two spellings of the one long word two names differ in by one letter, if that is all; not a
    letter changed near the end, where Indonesian names of men and women differ (Yulianto, Yulianti;
    Wahyudi, Wahyuni), unless it is -i for -y."""
    if len(one) != len(other):
        return None
    differ = [(a, b) for a, b in zip(one, other, strict=True) if a != b]
    if len(differ) != 1 or min(map(len, differ[0])) < PeopleRegistry.TYPO_MIN_LEN or not one_typo_apart(*differ[0]):
        return None
    a, b = differ[0]
    changed = [(x, y) for x, y in zip(a, b, strict=False) if x != y] if len(a) == len(b) else []
    if len(changed) == 1 and a[:-2] == b[:-2] and changed[0] not in (("i", "y"), ("y", "i")):
        return None  # but Estianty is Estianti: -i and -y are one sound
    return a, b
