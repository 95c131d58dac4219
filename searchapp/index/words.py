"""The words of a text as the index reads them: one rule for tokenizer, memory and highlighting.

A word is letters and digits with inner hyphens; a number written with thousands separators is one word
(its digits); a hyphenated word is its parts unless it repeats itself (`negara-negara`). A word a crawl
glued to its neighbour where it dropped the space around a link (`keBandara`, `PrabowoSubianto`,
`JakartaKetika`) is indexed as its parts, one after the other, and as written at the first part's position
and again at the last's: a search for `bandara`, the phrases `Prabowo Subianto`, `presiden PrabowoSubianto`
and `PrabowoSubianto tiba` all find it, and `WhatsApp` stays searchable as written, in phrases too.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

# A word: letters/digits, with inner hyphens (negara-negara, pasca-perang). A number written with
# thousands separators (16.216, 1.000.000, 16 216) is one token, normalised to its digits.
_NUMBER = r"(?<![\d.,])\d{1,3}(?:[. ]\d{3})+(?!\d|[.,]\d)"
_WORD = r"[^\W_]+(?:-[^\W_]+)*"
_TOKEN_RE = re.compile(rf"(?P<number>{_NUMBER})|{_WORD}")
RAW_TOKEN_RE = re.compile(rf"{_NUMBER}|{_WORD}")  # the same matches, as plain strings
_SEPARATORS_RE = re.compile(r"[. ]")
MIN_PART = 2  # letters of each part ("iPhone", "MoU", "kWh" are no glued words)
# "McDonald", "MacBook": a name's or a brand's prefix, not "Donald" or "Book" (people extraction keeps more
# prefixes whole, "DiMaria", "LaLiga": a name must stay one; a search may find "Maria" there)
_NAME_PREFIXES = frozenset({"Mc", "Mac"})


def _is_reduplication(first: str, second: str) -> bool:
    """`negara-negara`, `bermain-main`: one word for the stemmer; `Rusia-Ukraina`: two words."""
    a, b = first.lower(), second.lower()
    return a == b or a in b or b in a


def iter_words(text: str) -> Iterator[tuple[str, int, int]]:
    """Yield ``(word, startchar, endchar)`` for each word of *text*, as written (case kept)."""
    for match in _TOKEN_RE.finditer(text):
        word = match.group()
        start = match.start()
        if match.lastgroup == "number":
            yield _SEPARATORS_RE.sub("", word), start, match.end()
            continue
        if "-" in word:
            parts = word.split("-")
            if len(parts) == 2 and _is_reduplication(*parts):
                yield word, start, match.end()
                continue
            offset = start
            for part in parts:
                yield part, offset, offset + len(part)
                offset += len(part) + 1
            continue
        yield word, start, match.end()


def glued_parts(word: str) -> tuple[tuple[str, int, int], ...]:
    """The words *word* runs together, cut where a lower-case letter meets a capital, each with its offsets
    in it; none when it is one word: no such meeting (digits never cut), a part shorter than `MIN_PART`, or
    a name's prefix (`McDonald`). A reduplication stays one part (`anak-anakMereka`)."""
    if word.islower() or word.isupper() or word.istitle():  # most words, at once
        return ()
    cuts = [i for i in range(1, len(word)) if word[i].isupper() and word[i - 1].islower()]
    if not cuts:
        return ()
    parts = tuple((word[a:b], a, b) for a, b in itertools.pairwise([0, *cuts, len(word)]))
    if any(len(part) < MIN_PART for part, _a, _b in parts) or parts[0][0] in _NAME_PREFIXES:
        return ()
    return parts


def positioned_words(text: str, parts: bool = True) -> Iterator[tuple[str, int, int, int]]:
    """Yield ``(word, startchar, endchar, step)``: the words of *text* (`iter_words`), each one position
    after the last (step 1); with *parts*, after a glued word its parts, the first at the word's position
    (step 0), the others one after another, then the word again beside its last part (step 0), so a phrase
    goes on from either end of it."""
    for word, start, end in iter_words(text):
        yield word, start, end, 1
        found = glued_parts(word) if parts else ()
        for number, (part, a, b) in enumerate(found):
            yield part, start + a, start + b, 1 if number else 0
        if found:
            yield word, start, end, 0
