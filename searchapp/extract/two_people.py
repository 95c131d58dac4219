"""One mention that names two people: a person and their father (``bin``, ``binti``), a ticket or a pair
joined by a hyphen."""

from __future__ import annotations

import re

from searchapp.extract import lexicon as lx
from searchapp.extract.mentions import Mention
from searchapp.extract.registry import WORD, PeopleRegistry

# a hyphen between two names' words, each capitalised and of 4+ letters, not one word doubled: not
# "al-Nashiri", "Go-Jek", "Min-Liang", "Undang-Undang"
_PAIR = re.compile(r"\b(?P<left>[A-Z][a-z'’]{3,})-(?P<right>(?!(?P=left)\b)[A-Z][a-z'’]{3,})\b")
_PATRONYMIC = re.compile(r"\s+bin(?:ti)?\s+")


def two_people_parts(mentions: list[Mention], registry: PeopleRegistry) -> list[Mention]:
    """``Hengki Candra Kusuma Kawilarang bin Yohan Ahmad Fauzi Kawilarang``: a full name, "son (daughter) of",
    and the father's full name are two people; a name with one word on a side, titles aside, is one
    (``Mohammed bin Salman``, ``Sheikh Abdullah bin Zayed``). So are two full names joined by a hyphen, a
    ticket or a pair (``pasangan Edy Rahmayadi-Musa Rajekshah``; not ``Franz Magnis-Suseno``), the first
    one perhaps a mention of its own (``Anies Baswedan-Muhaimin Iskandar``, Anies Baswedan being known) or
    one word config/people.yaml knows before a name it knows (``Jokowi-Ma'ruf Amin``: Joko Widodo and Ma'ruf
    Amin)."""
    parts: list[Mention] = []
    for m in mentions:
        split = None
        if m.canonical is None:
            split = _PATRONYMIC.search(m.surface) or _PAIR.search(m.surface)
        if split is None:
            parts.append(m)
            continue
        if split.re is _PAIR:  # cut at the hyphen
            hyphen = split.end("left")
            child, parent, cut_start, cut_end = m.surface[:hyphen], m.surface[hyphen + 1:], hyphen, hyphen + 1
        else:
            child, parent, cut_start, cut_end = m.surface[: split.start()], m.surface[split.end():], *split.span()
        named_before = split.re is _PAIR and any(  # "Anies" known, "Baswedan-…"
            other.canonical and 0 <= m.start - other.end <= 1
            and other.canonical.casefold().split()[-1:] == child.casefold().split() for other in mentions)
        known = registry.canonical(child) if split.re is _PAIR and " " not in child.strip() else None
        if known is not None and registry.canonical(parent) is None:
            known = None  # a pair of known people only: "Soekarno-Hatta Erwin Situmorang" is an office's
        if len(WORD.findall(parent)) < 2 or (not named_before and known is None and len(
                [w for w in WORD.findall(child) if w.casefold() not in lx.TITLES]) < 2):
            parts.append(m)  # "Sheikh Abdullah bin Zayed Al-Nahyan": one name
            continue
        if not named_before:
            parts.append(Mention(m.start, m.start + cut_start, child, known, "registry" if known else m.evidence))
        parts.append(Mention(m.start + cut_end, m.end, parent, None, m.evidence))
    return parts
