"""Reporter and editor named in a byline line (``Reporter: X | Editor: Y``, ``Penulis: X``)."""

from __future__ import annotations

import re

_NAME = r"([A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|bin|binti|van|de|al|el))*)"
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


def extract_byline(text: str) -> tuple[str | None, str | None]:
    """(reporter, editor) named in the byline, each None when absent."""
    reporter = _REPORTER.search(text)
    editor = _EDITOR.search(text)
    return (reporter.group(1).strip() if reporter else None, editor.group(1).strip() if editor else None)


# a credit on a line of its own: "(Wikanto Arungbudoyo)" closing an article, "Oleh Emerson Yuntho" opening one
CREDIT_LINE = re.compile(r"^[ \t]*(?:\([ \t]*" + _NAME + r"[ \t]*\)|Oleh[ \t]+" + _NAME + r")[ \t]*$", re.MULTILINE)


def byline_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of byline and credit lines, whose names are not people the article is about."""
    return [m.span() for pattern in (BYLINE_LINE, CREDIT_LINE, _REPORTER, _EDITOR) for m in pattern.finditer(text)]
