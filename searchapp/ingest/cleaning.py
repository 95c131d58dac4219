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
from searchapp.yaml_files import load_entries

# Characters that start (almost) every mojibake of Indonesian and English text — UTF-8 read as cp1252 or
# Latin-1 (Ã Â â Å ð ï), as Mac Roman (¬ ‚; Ÿ ÿ in a verse in Arabic), or replaced (�): a text holding
# none is left alone, which keeps the cost off clean text (a substring test a character is far faster
# than a character class).
_SUSPECTS = ("Ã", "Â", "â", "Å", "ð", "ï", "\ufffd")
_MAC_SUSPECTS = ("¬", "‚", "Ÿ", "ÿ")
# UTF-8 read as Mac Roman, which ftfy does not undo (click-id's Tempo and Okezone bodies): "¬†" a
# no-break space, "‚Äì" an en dash, "ŸäŸéÿß" Arabic. A run of Mac Roman's upper characters is decoded
# back whole; where it does not decode (a real "é" beside the mojibake), each of its sequences that
# stands for punctuation is.
_MAC_ROMAN_RUN = re.compile("[" + re.escape(bytes(range(128, 256)).decode("mac_roman")) + "]{2,}")
_MAC_ROMAN_PUNCTUATION = re.compile("[\u201a\u00ac][\u00c4\u2020][^\\s]?")
# What a decoded run may hold: Latin letters, punctuation, currency, symbols and emoji, Arabic. A run
# that decodes to anything else was real text beside the mojibake ("’é" decodes, as Mac Roman, to Armenian).
_PLAUSIBLE = re.compile("[\u00a0-\u024f\u2000-\u27bf\u0600-\u06ff\ufb50-\ufdff\ufe00-\ufe0f\ufe70-\ufeff"
                        "\U0001f000-\U0001faff]+")
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_latin_ligatures=False, fix_character_width=False,
                             normalization="NFC")
_SCHEMA = {"name": "str", "pattern": "str", "outlets": "list", "where": "str"}
# A dateline whose dash a scraper dropped with its markup, the place glued to the first word:
# `Liputan6.com, JakartaKita semua …` (a site's address, a comma, a place in capitalised words).
_GLUED_DATELINE = re.compile(r"(?P<site>[A-Za-z0-9][\w-]*(?:\.[\w-]+)*\.(?i:co\.id|com|id|net|tv))"
                             r",[ \xa0]*(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)*?)(?=[A-Z])")


def repair(text: str) -> str:
    """*text* with its HTML read (``<p>…</p>``, ``&nbsp;``), its escaped line breaks (a text of one line
    holding ``\\n``) put back, a dateline's dropped dash put back (`_GLUED_DATELINE`) and mojibake undone
    (``â€”`` → ``—``); a text with none is returned as it is."""
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
    return text


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


# A scraper that kept each paragraph's plain text and joined them with commas (click-id) leaves a comma
# right after a sentence's end, where no writer puts one: "pagi tadi.,Polsek Sumur Bandung". Not after an
# abbreviation — a capital ("S.H.,M.H."), a dotted one ("S.Sos.,M.Si.", "e.g.,"), a short form
# (`ABBREVIATIONS`: "Co.,Ltd.", "Jl.,", "dll.,") — nor before a speech tag ("Apa?," katanya; "Siap.",kata
# dia). A colon or semicolon before a comma ended a line: a dangling "Baca Juga:" whose link was dropped,
# or the line that introduced a quoted verse.
_JOINED = re.compile(r"((?<=[a-z0-9)])[.!?][\"”’]?|(?<=\w)[ \xa0]?[:;])[ \xa0]?,+(?=[^\s,.\"”’]|[\"“][^\s,])")
_JOINT = re.compile(r"[.!?:;][\"”’]?[ \xa0]?,(?=\S)")  # in every text _JOINED may cut, and found faster
_TOKEN_BEFORE = re.compile(r"\S*\Z")
ABBREVIATIONS = frozenset({
    "dll", "dsb", "dst", "dkk", "tsb", "etc", "vs", "no", "nos", "hlm", "jl", "jln", "kec", "kab", "co",
    "ltd", "inc", "corp", "tbk", "dr", "drs", "dra", "ir", "prof", "yth", "bpk", "sdr", "mr", "mrs", "ms",
    "st", "jr", "sr", "kol", "hj"})
_ENDS = frozenset(", \t\n-–—")
# What a scraper leaves before the first word where the dateline's place was a link ("-,selama ini …"):
# not a list's first dash, nor a figure's sign.
_LEFT_AT_START = re.compile(r"[\s,]*")
_DASH_AT_START = re.compile(r"[-–—](?=[\s,])(?![\s,]*\d)[\s,]*")
_LIST_ITEM = re.compile(r"\n[ \t]*[-–—•] ")


def _joint(match: re.Match) -> str:
    """A line break for a comma that joined two paragraphs; the text as it is where it follows an
    abbreviation or opens a speech tag."""
    mark = match.group(1)
    if mark.startswith("."):
        token = _TOKEN_BEFORE.search(match.string, max(0, match.start() - 30), match.start()).group()
        if "." in token or token.casefold().strip("(") in ABBREVIATIONS:
            return match.group()
    if mark[-1] in "\"”’" and match.string[match.end():match.end() + 1].islower():
        return match.group()
    return f"{mark}\n"


def joints(text: str) -> int:
    """How many paragraphs a scraper joined to the one before in *text* (`joined_paragraphs` puts back)."""
    return sum(_joint(match) != match.group() for match in _JOINED.finditer(text)) if _JOINT.search(text) else 0


def joined_paragraphs(text: str) -> str:
    """*text* with the paragraphs a scraper joined with commas on lines of their own, without the commas it
    left at either end (where a link's words or empty paragraphs were: ",,,Setelah dihebohkan …") nor the
    dash a dateline's dropped link left before the first word."""
    if _JOINT.search(text):
        text = _JOINED.sub(_joint, text)
    if text[:1] in _ENDS or text[-1:] in _ENDS:
        text = text[_LEFT_AT_START.match(text).end():].rstrip(", \t\n")
        dash = _DASH_AT_START.match(text)
        if dash and not _LIST_ITEM.search(text):
            text = text[dash.end():]
    return text


# A quotation whose words a scraper dropped (an embedded post, a linked title) leaves its quote marks
# around commas: `,"," tulis Angela Gilsha`, `ajang survival '','' oleh Mnet`. Its opening mark follows a
# space, a comma, a bracket or the start, and it closes with a mark of its kind (a double one for a double
# one, whichever the writer typed: `“,,''`), followed by neither a word nor a bracket. The words stay
# unknown: the quotation is marked as cut (`"…"`). Not a comma named (`tanda koma ","`, `(",")`) nor one
# in a list of quoted marks (`".", ",", dan "?"`).
_EMPTIED_QUOTE = re.compile(r"""(?<![^\s,(])(?:(?:"|“|'')[ \xa0]*(?:,[ \xa0]*)+(?:"|”|'')"""
                            r"""|'[ \xa0]*(?:,[ \xa0]*)+')(?![\w)])""")
_QUOTE_THEN_COMMA = re.compile(r"""["'“][ \xa0]*,""")  # found four times faster, in every text
_MARK_NAMED_BEFORE = re.compile(r"""(?:\b(?:koma|tanda|simbol)|["'”][^"'”\s,\w][^"'”\w]{0,2}["'”][ \xa0]*,)"""
                                r"""[ \xa0]*\Z""", re.IGNORECASE)
_MARK_LISTED_AFTER = re.compile(r"""[ \xa0]*(?:,|dan|atau)[ \xa0]*["'“][^"'”\s,\w][^"'”\w]{0,2}["'”]""")


def _cut(match: re.Match) -> str:
    quoted = match.group()
    if (_MARK_NAMED_BEFORE.search(match.string, max(0, match.start() - 12), match.start())
            or _MARK_LISTED_AFTER.match(match.string, match.end())):
        return quoted
    opening = 2 if quoted.startswith("''") else 1
    closing = 2 if quoted.endswith("''") and len(quoted) > opening + 1 else 1
    return f"{quoted[:opening]}…{quoted[-closing:]}"


def mark_emptied_quotes(text: str) -> str:
    """*text* with each quotation a scraper left empty marked as cut: `"…"` for `","`."""
    if not _QUOTE_THEN_COMMA.search(text):
        return text
    return _EMPTIED_QUOTE.sub(_cut, text)


def count_emptied_quotes(text: str) -> int:
    """How many quotations a scraper left empty in *text* (`mark_emptied_quotes` marks them)."""
    return sum(1 for match in _EMPTIED_QUOTE.finditer(text) if _cut(match) != match.group())


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
        following = [line.strip() for line in lines[1:]] + [""]
        for line, after in zip(lines, following, strict=True):
            pattern = self.match(line, outlet)
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
