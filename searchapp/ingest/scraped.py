"""What a scraper did to a text, undone: paragraphs it joined with commas put back on lines of their own,
links and widgets it glued to a sentence put apart, quotations whose words it dropped marked as cut.
`searchapp.ingest.cleaning` runs this before it reads the lines for boilerplate."""

from __future__ import annotations

import re

# A scraper that kept each paragraph's plain text and joined them with commas (click-id) leaves a comma
# right after a sentence's end, where no writer puts one: "pagi tadi.,Polsek Sumur Bandung". Not after an
# abbreviation — a capital ("S.H.,M.H."), a dotted one ("S.Sos.,M.Si.", "e.g.,"), a short form
# (`ABBREVIATIONS`: "Co.,Ltd.", "Jl.,", "dll.,") — nor before a speech tag ("Apa?," katanya; "Siap.",kata
# dia). A colon or semicolon before a comma ended a line: a dangling "Baca Juga:" whose link was dropped,
# or the line that introduced a quoted verse.
_JOINED = re.compile(r"((?<=[a-z0-9)])[.!?][\"”’]?|(?<=\w)[ \xa0]?[:;])(?:[ \xa0]?,+(?=[^\s,.\"”’]|[\"“][^\s,])"
                     r"|(?:[ \xa0]?,)+[ \xa0](?=[A-Z\"“]))")  # spaced, before a capital: "korupsi., , Ada dua"
_JOINT = re.compile(r"[.!?:;][\"”’]?[ \xa0]?,")  # in every text _JOINED may cut, and found faster
# So did a dangling "Baca juga" whose link was dropped, on a line of its own: "Baca juga,,Meski begitu, …".
_DANGLING = re.compile(r"(?<![^\n,.])((?:Baca|BACA|Lihat|LIHAT) (?:[Jj]uga|JUGA))[ \xa0]?,+(?=[^\s,.\"”’]|[\"“][^\s,])")
# A link to another article kept inline, its headline (or nothing) in brackets, and an embedded widget's
# words glued to the sentence before: each goes on a line of its own, where config/boilerplate.yaml reads it
# ("mengungsi. (Baca Juga: 17 KK Diungsikan),Seperti …", "kata Thareq. (Baca juga:\n)Sementara …",
# "jelasnya.View this post on InstagramA post shared by …(@x)Loading...Ikuti Whatsapp Channel Republika").
_INLINE_LINK = re.compile(r"[ \xa0]*\(((?:Baca|BACA|Lihat|LIHAT) (?:[Jj]uga|JUGA))\s*:([^()]{0,200})\)"
                          r"[ \xa0]*,*[ \xa0]*")
_GLUED_WIDGET = re.compile(r"(?<=[.!?\"”)])[ \xa0]*(?=[Ll]oading\.\.\.)|(?:(?<=[.!?\"”)])[ \xa0]*|(?<=[a-z]))"
                           r"(?=View this post on Instagram|A post shared by |Loading\.\.\.)")  # not "downloading..."
_TOKEN_BEFORE = re.compile(r"\S*\Z")
ABBREVIATIONS = frozenset({
    "dll", "dsb", "dst", "dkk", "tsb", "etc", "vs", "no", "nos", "hlm", "jl", "jln", "kec", "kab", "co",
    "ltd", "inc", "corp", "tbk", "dr", "drs", "dra", "ir", "prof", "yth", "bpk", "sdr", "mr", "mrs", "ms",
    "st", "jr", "sr", "kol", "hj", "al", "pte", "ny", "tn"})
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


def _own_line(match: re.Match) -> str:
    """An inline link on a line of its own, its headline on one line."""
    return f"\n({match.group(1)}: {' '.join(match.group(2).split())})\n"


def joints(text: str) -> int:
    """How many paragraphs a scraper joined to the one before in *text* (`joined_paragraphs` puts back)."""
    return sum(_joint(match) != match.group() for match in _JOINED.finditer(text)) if _JOINT.search(text) else 0


def joined_paragraphs(text: str) -> str:
    """*text* with the paragraphs a scraper joined with commas on lines of their own, without the commas it
    left at either end (where a link's words or empty paragraphs were: ",,,Setelah dihebohkan …") nor the
    dash a dateline's dropped link left before the first word."""
    if _JOINT.search(text):
        text = _JOINED.sub(_joint, text)
    # each rule below only in a text that holds its words (found far faster than by its pattern)
    if "uga," in text or "UGA," in text:
        text = _DANGLING.sub("\\1\n", text)
    if "(Baca" in text or "(Lihat" in text or "(BACA" in text or "(LIHAT" in text:
        text = _INLINE_LINK.sub(_own_line, text)
    if "oading..." in text or "post shared" in text or "this post on" in text:
        text = _GLUED_WIDGET.sub("\n", text)
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
