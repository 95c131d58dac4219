"""The queries of the known-item retrieval evaluation, made from an article's title or from a question.

Queries are reduced to plain words for each engine, so that quotes, colons, parentheses, a leading ``-``
or an ``OR`` in a title never act as query syntax, and the random words are seeded per article so that
a run is repeatable and an article's queries do not depend on which other articles are queried.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from searchapp.ingest.indosum import slug_title

WORDS_PER_QUERY = 3
MIN_LETTERS = 4  # "longer than 3 letters"

_QUERY_WORD = re.compile(r"[^\W_]+(?:[-.,][^\W_]+)*")  # a word as searchapp's query parser reads it
_OPERATORS = frozenset({"OR", "AND", "NOT", "TO"})
_ALNUM_RUN = re.compile(r"[^\W_]+")  # a token of tantivy's default (simple) tokenizer


@dataclass(frozen=True)
class Query:
    article_id: str
    text: str


def searchapp_query(text: str) -> str:
    """*text* as plain words for searchapp: no quotes, fields, groups, negation or operators."""
    words = _QUERY_WORD.findall(text)
    return " ".join(w.lower() if w in _OPERATORS else w for w in words)


def tantivy_query(text: str) -> str:
    """*text* as plain lower-case terms for tantivy's query parser (its tokenizer's own split)."""
    return " ".join(w.lower() for w in _ALNUM_RUN.findall(text))


def title_words(title: str) -> list[str]:
    """Distinct lower-case words of *title* with at least 4 letters and no digit, function words included
    (a reader types `untuk`, `telah`, `kalau` as readily as any other word)."""
    from searchapp.index.words import iter_words

    found: dict[str, None] = {}
    for word, _start, _end in iter_words(title):
        word = word.lower()
        letters = word.replace("-", "")
        if len(letters) >= MIN_LETTERS and letters.isalpha():
            found.setdefault(word, None)
    return list(found)


def article_title(article) -> str | None:
    """The title a user would know: stated, else the words of the URL slug."""
    return article.title or slug_title(article.url)


def build_queries(articles: Iterable[Any], stem: Callable[[str], str], seed: int) -> dict[str, list[Query]]:
    """The three query sets for *articles* (objects with ``id``, ``title``, ``url``).

    The random words of an article depend only on *seed* and its id, never on which other articles
    are queried.
    """
    return _query_sets("title", ((a.id, a.id, article_title(a)) for a in articles), stem, seed)


def build_question_queries(questions: Sequence[tuple[str, str]], stem: Callable[[str], str],
                           seed: int) -> dict[str, list[Query]]:
    """The query sets of *questions* (passage id, question): the whole question, 3 of its words, their roots."""
    return _query_sets("question", ((f"{pid}#{n}", pid, text) for n, (pid, text) in enumerate(questions)),
                       stem, seed)


def _query_sets(whole: str, sources: Iterable[tuple[str, str, str | None]], stem: Callable[[str], str],
                seed: int) -> dict[str, list[Query]]:
    """Query sets named *whole*, ``words`` and ``roots`` of (random key, right answer, text) triples."""
    sets: dict[str, list[Query]] = {whole: [], "words": [], "roots": []}
    for key, answer, text in sources:
        if not text or not searchapp_query(text):
            continue
        sets[whole].append(Query(answer, text))
        candidates = title_words(text)
        if not candidates:
            continue
        rng = random.Random(f"{seed}:{key}")
        words = rng.sample(candidates, min(WORDS_PER_QUERY, len(candidates)))
        sets["words"].append(Query(answer, " ".join(words)))
        roots = [stem(word) for word in words]
        if roots != words:
            sets["roots"].append(Query(answer, " ".join(roots)))
    return sets
