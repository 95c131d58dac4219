"""Names that are no one's though written like a person's: a work's title between quote marks (a song, a
show, a film: `lagu "Good Luck"`, `"A Fish in Water"`) and an epithet (`dijuluki Mr. Crack`)."""

from __future__ import annotations

import re

from searchapp.extract.aliases import name_words

_QUOTES = frozenset("\"'“”‘’")


def only_quoted(text: str, surface: str) -> bool:
    """Whether the article writes *surface* only between quote marks, as it names a work, a programme or an
    epithet (lagu "Good Luck", drama "Arthdal Chronicles", dijuluki 'Worldwide Handsome'), never a person."""
    found = False
    start = text.find(surface)
    while start >= 0:
        end = start + len(surface)
        quoted = start > 0 and end < len(text) and text[start - 1] in _QUOTES and text[end] in _QUOTES
        if not quoted and not _in_quoted_title(text, start, end):
            return False
        found = True
        start = text.find(surface, end)
    return found


_TITLE_SMALL_WORDS = frozenset({"of", "in", "on", "and", "the", "a", "an", "to", "for", "with", "from", "at", "by",
                                "di", "ke", "dan", "yang", "dari", "untuk"})


def _in_quoted_title(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands inside a quoted title of a few words, each capitalised but the small ones
    ("A Fish in Water", "Harry Potter and the Cursed Child"), not inside a quoted sentence ("Budi itu baik," …)."""
    opening = _OPENS_QUOTE.search(text, max(0, start - 60), start)
    closing = _CLOSES_QUOTE.match(text, end) if opening else None
    if closing is None:
        return False
    words = text[opening.start() + 1:closing.end() - 1].split()
    return len(words) <= 10 and all(
        w[0].isupper() or w[0].isdigit() or w.casefold() in _TITLE_SMALL_WORDS for w in words)


# An opening mark after a space or a bracket (not an apostrophe: "Ma'ruf", "Sailor's") and a closing one not
# followed by a letter, with no sentence's punctuation between them and the name.
_OPENS_QUOTE = re.compile(r"""(?:(?<=[\s(\[])|^)["'“‘][^"'“”‘’.!?,;\n]*\Z""")
_CLOSES_QUOTE = re.compile(r"""[^"'“”‘’.!?,;\n]{0,60}?["'”’](?!\w)""")


def written_as_epithets(text: str) -> set[tuple[str, ...]]:
    """Every name the article gives as an epithet ("dijuluki Mr. Crack", "tim berjulukan Juku Eja", "dikenal
    dengan panggilan Mr Crack"; not a summons, "sehubungan dengan panggilan"): a nickname, a team's or a
    city's, never a person's name, whatever title it carries."""
    if "juluk" not in text and "panggilan" not in text and "sebutan" not in text:  # every cue holds one, and
        return set()  # a substring test is far faster than the expression
    return {name_words(match[1]) for match in _AFTER_EPITHET_CUE.finditer(text)}


_AFTER_EPITHET_CUE = re.compile(r"\b(?:dijuluki|berjulukan|berjuluk|dengan julukan|julukannya|(?:dikenal|akrab) dengan "
                                r"(?:panggilan|sebutan))(?:\s+(?:sebagai|sang))?"
                                r"\s+[\"'“‘]?(?:(?:Mr|Mrs|Ms|Miss|Sang|Si|The)\.?\s+)?([A-Z][^\s,.;:()\"“”’]*"
                                r"(?:[ \t\xa0]+[A-Z][^\s,.;:()\"“”’]*)*)")
