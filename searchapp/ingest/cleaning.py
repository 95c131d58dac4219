"""Text as it should be read: mojibake repaired (ftfy), publisher boilerplate lines removed.

Repair runs when an article is read; boilerplate removal when it becomes an index document, once its
outlet is known (some patterns are an outlet's own). The article as read stays stored beside the
cleaned text (API ``raw``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import ftfy

from searchapp.errors import ConfigError
from searchapp.yaml_files import load_entries

# Characters that start (almost) every mojibake of Indonesian and English text — UTF-8 read as cp1252 or
# Latin-1 (Ã Â â Å ð ï), as Mac Roman (¬ ‚), or replaced (�): ftfy only looks at a text holding one, which
# keeps its cost off clean text (a substring test a character is far faster than a character class).
_SUSPECTS = ("Ã", "Â", "â", "Å", "ð", "ï", "\ufffd")
_MAC_SUSPECTS = ("¬", "‚")
# UTF-8 read as Mac Roman, which ftfy does not undo: "¬†" a no-break space, "‚Äì" an en dash, "‚Äú" a
# quotation mark (click-id's Tempo and Okezone bodies); each such run is decoded back.
_MAC_ROMAN = re.compile("[\u201a\u00ac][\u00c4\u2020][^\\s]?")
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_latin_ligatures=False, fix_character_width=False,
                             normalization="NFC")
_SCHEMA = {"name": "str", "pattern": "str", "outlets": "list"}


def repair(text: str) -> str:
    """*text* with mojibake undone (``â€”`` → ``—``); a text without a suspect character is returned as it is."""
    if text.isascii():
        return text
    if any(suspect in text for suspect in _MAC_SUSPECTS):
        text = _MAC_ROMAN.sub(_from_mac_roman, text).replace("\xa0", " ")
    if any(suspect in text for suspect in _SUSPECTS):
        text = ftfy.fix_text(text, _FTFY).replace("\xa0", " ")
    return text


def _from_mac_roman(match: re.Match) -> str:
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


REPEATED = "repeated paragraphs"
MIN_REPEATED = 40  # characters: a shorter line (a name, a heading) may well open the next line by chance


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
            patterns.append(Pattern(entry["name"], regex, frozenset(entry["outlets"])))
        return cls(patterns)

    def match(self, line: str, outlet: str | None) -> Pattern | None:
        """The pattern *line* is boilerplate by, for an article of *outlet*; None for a line of the story."""
        stripped = line.strip()
        if not stripped or len(stripped) > 400:
            return None
        for pattern in self.patterns:
            if (not pattern.outlets or outlet in pattern.outlets) and pattern.regex.match(stripped):
                return pattern
        return None

    def clean(self, text: str, outlet: str | None) -> tuple[str, list[tuple[str, str]]]:
        """*text* without its boilerplate lines, and the lines removed with the name of their pattern."""
        kept, removed = [], []
        lines = text.split("\n")
        following = [line.strip() for line in lines[1:]] + [""]
        for line, after in zip(lines, following, strict=True):
            pattern = self.match(line, outlet)
            if pattern is None and _repeats(line.strip(), after):
                removed.append((REPEATED, line.strip()))
            elif pattern is None:
                kept.append(line)
            else:
                removed.append((pattern.name, line.strip()))
        if not removed:
            return text, removed
        return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip(), removed
