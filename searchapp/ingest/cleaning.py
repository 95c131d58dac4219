"""Text as it should be read: HTML an export left in read as text (`searchapp.ingest.markup`), line breaks
an export escaped (``\\n``) put back, mojibake repaired (ftfy), paragraphs a scraper joined put back on
lines of their own, publisher boilerplate lines removed.

Repair runs when an article is read; the rest when it becomes an index document, once its outlet is
known (some patterns are an outlet's own). The article as read stays stored beside the cleaned text
(API ``raw``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import ftfy

from searchapp.errors import ConfigError
from searchapp.ingest.markup import markup_to_text
from searchapp.ingest.scraped import joined_paragraphs, mark_emptied_quotes
from searchapp.yaml_files import load_entries

# Characters that start (almost) every mojibake of Indonesian and English text — UTF-8 read as cp1252 or
# Latin-1 (Ã Â â Å ð ï), as Mac Roman (¬ ‚; Ÿ ÿ in a verse in Arabic), or replaced (�): a text holding
# none is left alone, which keeps the cost off clean text (a substring test a character is far faster
# than a character class).
_SUSPECTS = ("Ã", "Â", "â", "Å", "ð", "ï", "\ufffd")
_MAC_SUSPECTS = ("¬", "‚", "Ÿ", "ÿ", "√")
# UTF-8 read as Mac Roman, which ftfy does not undo (click-id's Tempo and Okezone bodies): "¬†" a
# no-break space, "‚Äì" an en dash, "ŸäŸéÿß" Arabic, "√°" "√±" "√º" an accented Latin letter ("Tom√°s").
# A run of Mac Roman's upper characters is decoded back whole; where it does not decode (a real "é" beside
# the mojibake), each of its sequences that stands for punctuation is.
_MAC_ROMAN_RUN = re.compile("[" + re.escape(bytes(range(128, 256)).decode("mac_roman")) + "]{2,}")
_MAC_ROMAN_PUNCTUATION = re.compile("[\u201a\u00ac][\u00c4\u2020][^\\s]?")
# What a decoded run may hold: Latin letters, punctuation, currency, symbols and emoji, Arabic. A run
# that decodes to anything else was real text beside the mojibake ("’é" decodes, as Mac Roman, to Armenian).
_PLAUSIBLE = re.compile("[\u00a0-\u024f\u2000-\u27bf\u0600-\u06ff\ufb50-\ufdff\ufe00-\ufe0f\ufe70-\ufeff"
                        "\U0001f000-\U0001faff]+")
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_latin_ligatures=False, fix_character_width=False,
                             normalization="NFC")
_SCHEMA = {"name": "str", "pattern": "str", "outlets": "list", "where": "str"}
# Characters a page left at the edges of a headline or a text that show as nothing (zero widths, direction
# marks, a byte-order mark): taken off there, where they only make a title compare or sort wrong.
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"
# A dateline whose dash a scraper dropped with its markup, the place glued to the first word:
# `Liputan6.com, JakartaKita semua …` (a site's address, a comma, a place in capitalised words).
_GLUED_DATELINE = re.compile(r"(?P<site>[A-Za-z0-9][\w-]*(?:\.[\w-]+)*\.(?i:co\.id|com|id|net|tv))"
                             r",[ \xa0]*(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)*?)(?=[A-Z])")


def repair(text: str) -> str:
    """*text* with its HTML read (``<p>…</p>``, ``&nbsp;``), its escaped line breaks (a text of one line
    holding ``\\n``) put back, a dateline's dropped dash put back (`_GLUED_DATELINE`) and mojibake undone
    (``â€”`` → ``—``), invisible characters at its edges taken off; a text with none is returned as it is."""
    if "\\n" in text and "\n" not in text:
        text = text.replace("\\r\\n", "\n").replace("\\n", "\n")
    text = markup_to_text(text)
    glued = _GLUED_DATELINE.match(text)
    if glued:
        text = f"{glued['site']}, {glued['place']} - {text[glued.end():]}"
    if text.isascii():
        return text
    if any(suspect in text for suspect in _MAC_SUSPECTS):
        text = _MAC_ROMAN_RUN.sub(_from_mac_roman, text).replace("\xa0", " ")
    if any(suspect in text for suspect in _SUSPECTS):
        text = ftfy.fix_text(text, _FTFY).replace("\xa0", " ")
    return text.strip(_INVISIBLE) if text[:1] in _INVISIBLE or text[-1:] in _INVISIBLE else text


def _from_mac_roman(match: re.Match) -> str:
    try:
        decoded = unicodedata.normalize("NFC", match.group().encode("mac_roman").decode("utf-8"))
    except UnicodeDecodeError:
        decoded = ""
    if decoded and _PLAUSIBLE.fullmatch(decoded):
        return decoded
    return _MAC_ROMAN_PUNCTUATION.sub(_punctuation_from_mac_roman, match.group())


def _punctuation_from_mac_roman(match: re.Match) -> str:
    run = match.group()
    for end in (len(run), len(run) - 1):  # the third character may belong to the next word
        try:
            return run[:end].encode("mac_roman").decode("utf-8") + run[end:]
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return run


@dataclass(frozen=True)
class Pattern:
    name: str
    regex: re.Pattern[str]
    outlets: frozenset[str]  # empty: every outlet
    closing: bool = False  # only among the last lines of the story (`where: closing`)


REPEATED = "repeated paragraphs"
MIN_REPEATED = 40  # characters: a shorter line (a name, a heading) may well open the next line by chance


def _joined_tail(line: str) -> tuple[int, str]:
    """Where the last commas of *line* start and the short text after them, when nothing but commas joins
    the two — no space after them, as a scraper joins paragraphs ("… (bbs),,,loading..."), and a letter
    after them; (len(line), "") otherwise."""
    comma = line.rfind(",")
    tail = line[comma + 1:]
    if comma <= 0 or not tail or tail[0].isspace() or len(tail) > 80 or not any(c.isalpha() for c in tail):
        return len(line), ""
    cut = len(line[:comma].rstrip(","))
    if cut == 0 or line[cut - 1].isspace():
        return len(line), ""
    return cut, tail


def _repeats(line: str, after: str) -> bool:
    """A crawl that flattened nested paragraphs writes each paragraph twice, first run on into the rest
    of the article (`p1 p2 p3`, `p1`, `p2 p3`, `p2`, …): a line that the next line opens repeats it."""
    return len(after) >= MIN_REPEATED and line.startswith(after)


class Boilerplate:
    """The boilerplate lines of config/boilerplate.yaml."""

    def __init__(self, patterns: list[Pattern]) -> None:
        self.patterns = patterns

    @classmethod
    def load(cls, path: str | Path) -> Boilerplate:
        patterns = []
        for number, entry in enumerate(load_entries(path, "boilerplate", _SCHEMA, required=("name", "pattern"))):
            try:
                regex = re.compile(rf"(?:{entry['pattern']})\Z")
            except re.error as error:
                raise ConfigError(path, f"not a regular expression ({error})", f"boilerplate[{number}].pattern") \
                    from None
            where = entry["where"] or "anywhere"
            if where not in ("anywhere", "closing"):
                raise ConfigError(path, f"'where' is 'anywhere' or 'closing', not '{where}'",
                                  f"boilerplate[{number}].where")
            patterns.append(Pattern(entry["name"], regex, frozenset(entry["outlets"]), where == "closing"))
        return cls(patterns)

    def match(self, line: str, outlet: str | None, closing: bool = False) -> Pattern | None:
        """The pattern *line* is boilerplate by, for an article of *outlet*; None for a line of the story.
        With *closing*, only the patterns of a story's last lines (a credit that would be a heading inside)."""
        stripped = line.strip()
        if not stripped or len(stripped) > 400:
            return None
        for pattern in self.patterns:
            if pattern.closing == closing and (not pattern.outlets or outlet in pattern.outlets) \
                    and pattern.regex.match(stripped):
                return pattern
        return None

    def _remove_closing(self, kept: list[str], outlet: str | None, removed: list[tuple[str, str]]) -> None:
        """Take the closing patterns' lines off the end of *kept*, alone on a line or run on after the last
        paragraph's comma ("… kata dia.,ANWAR SISWADI")."""
        while kept:
            line = kept[-1]
            found = self.match(line, outlet, closing=True) if line.strip() else None
            if found is None and line.strip():
                cut, tail = _joined_tail(line)
                found = self.match(tail, outlet, closing=True) if tail else None
                if found is None:
                    return
                kept[-1] = line[:cut]
                removed.append((found.name, tail.strip()))
                continue
            kept.pop()
            if found is not None:
                removed.append((found.name, line.strip()))

    def clean(self, text: str, outlet: str | None) -> tuple[str, list[tuple[str, str]]]:
        """*text* without its boilerplate lines, and the lines removed with the name of their pattern;
        paragraphs a scraper joined are lines of their own first (`joined_paragraphs`), and quotations it
        left empty are marked as cut (`mark_emptied_quotes`)."""
        text = joined_paragraphs(mark_emptied_quotes(text))
        kept, removed = [], []
        lines = text.split("\n")
        patterns = [self.match(line, outlet) for line in lines]
        following, after = [], ""  # the next line that is not boilerplate (a widget between repeats)
        for line, pattern in zip(reversed(lines), reversed(patterns), strict=True):
            following.append(after)
            after = line.strip() if pattern is None else after
        for line, pattern, after in zip(lines, patterns, reversed(following), strict=True):
            if pattern is None and _repeats(line.strip(), after):
                removed.append((REPEATED, line.strip()))
            elif pattern is None:
                cut, tail = _joined_tail(line)
                pattern = self.match(tail, outlet) if tail else None
                if pattern is None:
                    kept.append(line)
                else:  # a boilerplate line a scraper ran on after the paragraph's last comma …
                    head = self.match(line[:cut], outlet)  # … maybe after another: "(bbs),,,loading..."
                    if head is None:
                        kept.append(line[:cut])
                    else:
                        removed.append((head.name, line[:cut].strip()))
                    removed.append((pattern.name, tail.strip()))
            else:
                removed.append((pattern.name, line.strip()))
        self._remove_closing(kept, outlet, removed)
        if not removed:
            return text, removed
        return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip(), removed
