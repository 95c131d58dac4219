"""Tokenised text (IndoSum, FacQA: lists of tokens) back to text as it would have been printed."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

NO_SPACE_BEFORE = frozenset({",", ".", ":", ";", ")", "?", "!", "]", "%", "”", "’", "...", "…", ".."})
NO_SPACE_AFTER = frozenset({"(", "[", "“", "‘"})
CURRENCY = frozenset({"$", "€", "£", "¥"})
TOGGLE_QUOTES = frozenset({'"', "'", "`"})  # the same mark opens and closes
_ALNUM = re.compile(r"^[^\W_]+$")


def _is_alnum(token: str | None) -> bool:
    return bool(token) and bool(_ALNUM.match(token))  # type: ignore[arg-type]


def _digit_start(token: str | None) -> bool:
    return bool(token) and token[:1].isdigit()  # type: ignore[index]


def _digit_end(token: str | None) -> bool:
    return bool(token) and token[-1:].isdigit()  # type: ignore[index]


def _joins_hyphen(before: str | None, after: str | None, before_is_lead: bool) -> bool:
    """Whether a lone ``-`` token was an in-word hyphen (``negara - negara``, ``ke - 25``, ``U - 22``).

    A dash after the first word of a paragraph is a dateline dash (``JAKARTA - …``, ``Rimanews - …``)
    and keeps its spaces, as does a dash next to punctuation (``CNN Indonesia - - …``).
    """
    return _is_alnum(before) and _is_alnum(after) and not before_is_lead


def detokenize(sentences: Iterable[Sequence[str]]) -> str:
    """One paragraph's tokenised sentences as printed text.

    Tokens are joined with spaces, then: no space before ``, . : ; ) ] ? ! %`` and closing quotes, none
    after ``(``, ``[`` and opening quotes; straight quotes (``"``, ``'``) alternate between opening and
    closing within the paragraph (a quote first in the paragraph opens, last closes); an in-word hyphen
    is joined again (``bentrokan-bentrokan``); a slash between numbers too (``27/3``); whitespace tokens
    vanish (a token holding a line break keeps the break).
    """
    tokens: list[str] = []
    for sentence in sentences:
        tokens.extend(sentence)
    out: list[str] = []
    open_quotes: dict[str, bool] = {}
    glue_next = True  # no space before the next token (start of text, or after an opening mark)
    first_word_index = next((i for i, t in enumerate(tokens) if t.strip()), 0)
    following_of: list[str | None] = [None] * len(tokens)  # the next non-blank token after each
    upcoming: str | None = None
    for i in range(len(tokens) - 1, -1, -1):
        following_of[i] = upcoming
        if tokens[i].strip():
            upcoming = tokens[i].strip()
    previous: str | None = None
    for i, token in enumerate(tokens):
        if not token.strip():
            if "\n" in token and out:
                out.append("\n")
                glue_next = True
            continue
        token = token.strip()
        following = following_of[i]
        space = not glue_next
        glue_after = False
        if token in TOGGLE_QUOTES:
            opening = not open_quotes.get(token, False)
            if following is None:
                opening = False
            elif previous is None:
                opening = True
            open_quotes[token] = opening
            if opening:
                glue_after = True
            else:
                space = False
        elif (token == "-" and _joins_hyphen(previous, following, i - 1 == first_word_index)) or \
                (token == "/" and _digit_end(previous) and _digit_start(following)):
            space = False
            glue_after = True
        elif token in NO_SPACE_BEFORE or (previous is not None and previous.endswith("/")
                                          and _digit_start(previous) and _digit_start(token)):
            space = False
        elif token in NO_SPACE_AFTER or (token in CURRENCY and _digit_start(following)):
            glue_after = True
        if space and out and out[-1] != "\n":
            out.append(" ")
        out.append(token)
        glue_next = glue_after
        previous = token
    return "".join(out).strip()


def indosum_text(paragraphs: Sequence[Sequence[Sequence[str]]]) -> str:
    """The article text of IndoSum ``paragraphs``: paragraphs separated by blank lines."""
    texts = (detokenize(paragraph) for paragraph in paragraphs)
    return "\n\n".join(text for text in texts if text)
