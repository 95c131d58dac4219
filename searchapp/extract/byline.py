"""Reporter and editor named in a byline line (``Reporter: X | Editor: Y``, ``Penulis: X``)."""

from __future__ import annotations

import re
from collections.abc import Callable

_NAME = r"([A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|bin|binti|van|de|al|el))*)"
# the words that open a byline field (as the patterns below spell them): a text without any is not searched
# (most texts; a search of a text is slow)
_REPORTER_WORDS = ("Reporter", "Penulis", "Pewarta", "Wartawan", "Laporan")
_EDITOR_WORDS = ("Editor", "Penyunting", "Redaktur")
# a byline field opens a line, or follows the end of a sentence or a separator where an export joined the
# paragraphs into one line ("… mendengarnya.,Penulis: Annesa K. Ramadhany,,")
_FIELD = r"(?:^|(?<=[.,;|]))[ \t]*"
_REPORTER = re.compile(
    _FIELD + r"(?:Reporter|Penulis|Pewarta|Wartawan|Laporan(?: [Ww]artawan)?)[ \t]*:[ \t]*" + _NAME, re.MULTILINE)
_EDITOR = re.compile(_FIELD + r"(?:Editor|Penyunting|Redaktur)[ \t]*:[ \t]*" + _NAME, re.MULTILINE)
# a line made only of byline fields, e.g. "Reporter: Noverius Laoli | Editor: Noverius Laoli"
BYLINE_LINE = re.compile(
    r"^[ \t]*(?:Reporter|Penulis|Pewarta|Editor|Penyunting|Redaktur)[ \t]*:[^\n]*$", re.MULTILINE
)


def _holds(text: str, words: tuple[str, ...]) -> bool:
    return any(word in text for word in words)


def extract_byline(text: str) -> tuple[str | None, str | None]:
    """(reporter, editor) named in the byline, each None when absent."""
    reporter = _REPORTER.search(text) if _holds(text, _REPORTER_WORDS) else None
    editor = _EDITOR.search(text) if _holds(text, _EDITOR_WORDS) else None
    return (reporter.group(1).strip() if reporter else None, editor.group(1).strip() if editor else None)


# a desk's or a site's name after the reporter's, as detik's pages credit them ("Retno Ayuningrum -detikFinance")
_DESK = re.compile(r"[ \t]+[-–—][ \t]*\S+\Z")
_TEAM = re.compile(r"(?i)(?:tim|redaksi|admin|editorial)\b")


def credited(credit: str | None, names_outlet: Callable[[str], bool]) -> str | None:
    """The people an export's author or editor column credits: each without a desk's name after theirs,
    a team's ("Tim News", "Redaksi") and the outlet's own credit ("Tempo.co", "Antara") left out
    ("Tim Kompas.com, Firzie A. Idris" credits Firzie A. Idris); None when no one is left."""
    names = [_DESK.sub("", part) for part in " ".join((credit or "").split()).split(",")]
    people = [name.strip() for name in names if name.strip() and not _TEAM.match(name.strip())
              and not names_outlet(name.strip())]
    return ", ".join(people) or None


# a credit on a line of its own: "(Wikanto Arungbudoyo)" closing an article, "Oleh Emerson Yuntho" opening one
CREDIT_LINE = re.compile(r"^[ \t]*(?:\([ \t]*" + _NAME + r"[ \t]*\)|Oleh[ \t]+" + _NAME + r")[ \t]*$", re.MULTILINE)


def byline_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of byline and credit lines, whose names are not people the article is about."""
    searched = ((BYLINE_LINE, _REPORTER_WORDS + _EDITOR_WORDS), (CREDIT_LINE, ("(", "Oleh")),
                (_REPORTER, _REPORTER_WORDS), (_EDITOR, _EDITOR_WORDS))
    return [m.span() for pattern, words in searched if _holds(text, words) for m in pattern.finditer(text)]
