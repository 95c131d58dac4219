"""Highlighting: the best passages of an article with the query's words marked, HTML-escaped.

A word of the text matches when it is written as a query word or shares its Sastrawi root, so a search
for ``serang`` marks ``menyerang`` and ``serangan``. All article text is escaped; the only markup in the
output is ``<mark>``, which this module writes itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property

from markupsafe import Markup, escape

from searchapp.index.analysis import QueryAnalysis
from searchapp.index.words import glued_parts, iter_words

SNIPPET_CHARS = 240  # two or three lines of a result: the best passages, not a paragraph
MAX_FRAGMENTS = 2
ELLIPSIS = "…"


@dataclass(frozen=True)
class MatchTerms:
    """What counts as a match: lower-case written forms and roots of the query's positive words."""

    forms: frozenset[str]
    roots: frozenset[str]

    @classmethod
    def of(cls, words: Iterable[str], analysis: QueryAnalysis) -> MatchTerms:
        terms = [term for word in words for term in analysis.words(word)]
        return cls(frozenset(t.form for t in terms), frozenset(t.root for t in terms))

    def __bool__(self) -> bool:
        return bool(self.forms)

    @cached_property
    def candidates(self) -> re.Pattern | None:
        """A pattern every matching word contains (a root without its first letter: affixes change
        it, as ``serang`` in ``menyerang``); None when a numeric term needs the full scan."""
        if any(any(c.isdigit() for c in term) for term in self.forms | self.roots):
            return None
        fragments = {root[1:] if len(root) > 3 else root for root in self.roots}
        fragments |= {form[1:] if len(form) > 3 else form for form in self.forms}
        alternatives = "|".join(re.escape(f) for f in sorted(fragments, key=len, reverse=True))
        return re.compile(alternatives, re.IGNORECASE)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "-"


def find_matches(text: str, terms: MatchTerms, stem: Callable[[str], str]) -> list[tuple[int, int]]:
    """Character spans of the words of *text* that match *terms*.

    Only the words around a candidate fragment are analysed, which is all a match can be.
    """
    if not terms:
        return []
    def matches(word: str) -> bool:
        lower = word.lower()
        return lower in forms or stem(lower) in roots

    def matched(words: Iterable[tuple[str, int, int]], left: int = 0) -> Iterable[tuple[int, int]]:
        """Each matching word's span; else its matching parts' when it is glued (``ke<mark>Bandara``)."""
        for word, start, end in words:
            if matches(word):
                yield left + start, left + end
            else:
                yield from ((left + start + a, left + start + b) for part, a, b in glued_parts(word) if matches(part))

    forms, roots = terms.forms, terms.roots
    pattern = terms.candidates
    if pattern is None:
        return list(matched(iter_words(text)))
    spans = []
    covered = 0
    for found in pattern.finditer(text):
        if found.start() < covered:
            continue
        left, right = found.start(), found.end()
        while left > 0 and _is_word_char(text[left - 1]):
            left -= 1
        while right < len(text) and _is_word_char(text[right]):
            right += 1
        covered = right
        spans.extend(matched(iter_words(text[left:right]), left))
    return spans


def mark(text: str, spans: Iterable[tuple[int, int]], start: int = 0, end: int | None = None) -> Markup:
    """``text[start:end]`` escaped, with the given spans wrapped in ``<mark>``."""
    end = len(text) if end is None else end
    out: list[str] = []
    cursor = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        out.append(str(escape(text[cursor:span_start])))
        out.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    out.append(str(escape(text[cursor:end])))
    return Markup("".join(out))


def _word_boundary_left(text: str, position: int) -> int:
    if position <= 0:
        return 0
    space = text.rfind(" ", 0, position)
    newline = text.rfind("\n", 0, position)
    return max(space, newline) + 1


def _word_boundary_right(text: str, position: int) -> int:
    if position >= len(text):
        return len(text)
    candidates = [i for i in (text.find(" ", position), text.find("\n", position)) if i != -1]
    return min(candidates) if candidates else len(text)


def snippet(text: str, spans: list[tuple[int, int]], budget: int = SNIPPET_CHARS,
            max_fragments: int = MAX_FRAGMENTS) -> Markup:
    """About *budget* characters of the passages around the densest matches: one passage for a query of
    one word, up to *max_fragments* shorter ones when several words are matched.

    Without matches, the lead of the text. Passages are joined by an ellipsis, in text order.
    """
    if not spans:
        end = _word_boundary_right(text, budget) if len(text) > budget else len(text)
        return mark(text, [], 0, end) + (ELLIPSIS if end < len(text) else "")

    # Score a window starting at each match by the distinct words it covers, then its match count.
    lowered = [text[s:e].lower() for s, e in spans]
    fragments = min(max_fragments, len(set(lowered)))
    fragment_chars = budget // fragments
    windows = []
    for i, (start, _end) in enumerate(spans):
        covered = set()
        count = 0
        for j in range(i, len(spans)):
            if spans[j][1] - start > fragment_chars:
                break
            covered.add(lowered[j])
            count += 1
        windows.append((len(covered), count, -start, i))
    windows.sort(reverse=True)

    chosen: list[tuple[int, int]] = []
    for _distinct, _count, _neg_start, i in windows:
        first = spans[i][0]
        # Centre the window: some context before the first match.
        left = _word_boundary_left(text, max(0, first - fragment_chars // 4))
        right = _word_boundary_right(text, min(len(text), left + fragment_chars))
        if any(left < c_right and right > c_left for c_left, c_right in chosen):
            continue
        chosen.append((left, right))
        if len(chosen) >= fragments:
            break
    chosen.sort()
    parts: list[str] = []
    for left, right in chosen:
        fragment = mark(text, spans, left, right).strip()
        prefix = ELLIPSIS + " " if left > 0 else ""
        suffix = " " + ELLIPSIS if right < len(text) else ""
        parts.append(f"{prefix}{fragment}{suffix}")
    joined = " ".join(parts).replace(f"{ELLIPSIS} {ELLIPSIS}", ELLIPSIS)
    return Markup(" ".join(joined.split()))


def highlight_paragraphs(text: str, spans: list[tuple[int, int]]) -> list[Markup]:
    """The whole text as escaped paragraphs (split at blank lines or line breaks), matches marked."""
    paragraphs = []
    position = 0
    for line in text.split("\n"):
        start, end = position, position + len(line)
        position = end + 1
        if line.strip():
            paragraphs.append(mark(text, spans, start, end))
    return paragraphs
