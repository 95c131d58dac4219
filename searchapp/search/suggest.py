"""Did you mean: a query's words replaced by a close word of the index that is more common.

Candidates come from the index's vocabulary (titles, bodies and people's names; `searchapp.index.vocabulary`)
within one edit of a word of up to 5 letters, two of a longer one; the nearest wins, then the most common
(`purbya` → `purbaya`, one edit, before `punya`, two). A word the index does not hold is replaced by one
in at least 2 articles; a word it holds only by one a single edit away and `RARE_TYPO` times as frequent (a
typo of a common word: `pembanguan`), so that a rare real word is left alone (`wamena` is no `wamen`,
`kehujanan` no `kehutanan`, `laptop` no `lapor`); never by a function word. When no article holds every
word of the query, a word it holds gives way to a commoner word one edit away with which some article does
hold them all (`erik thohir` → `erick thohir`: Erik is a name too, but never beside Thohir here).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from whoosh.reading import IndexReader

from searchapp.index.analysis import QueryAnalysis
from searchapp.index.vocabulary import MAX_LETTERS, Vocabulary
from searchapp.search.compiler import TEXT_FIELDS
from searchapp.search.query import Node, positive_words

MIN_LETTERS = 4
RARE_TYPO = 100
TRIED_TOGETHER = 6  # corrected queries counted at most when no article holds every word
MAX_CANDIDATES = 300  # words checked per typed word: a bound on the cost of one search
COMMON_SHARE = 200  # a word in 0.5% of the articles or more is not second-guessed


def suggest(reader: IndexReader, analysis: QueryAnalysis, vocabulary: Vocabulary | None, q: str,
            node: Node | None, matches: Callable[[str], bool] | None = None) -> str | None:
    """*q* with each word that has a close, more common word in the index replaced by it; None when
    nothing changes (or the index has no vocabulary yet). *matches*, when no article holds every word:
    whether some article holds every word of a corrected query (`together`)."""
    if vocabulary is None:
        return None

    def count(word: str) -> int:
        return frequency(reader, analysis, word)

    def best(form: str) -> str | None:
        return closest(form, near_words(vocabulary, form), count, reader.doc_count(), analysis.stopwords)

    found = corrected(q, node, analysis, best)
    if found is None and matches is not None:
        near = {form: [c for _e, c in close(form, near_words(vocabulary, form), analysis.stopwords, 1)]
                for word in positive_words(node) if (form := suggestable(analysis, word))}
        found = together(q, node, analysis, near, count, matches)
    return found


def together(q: str, node: Node | None, analysis: QueryAnalysis, near: dict[str, list[str]],
             count: Callable[[str], int], matches: Callable[[str], bool]) -> str | None:
    """*q* with one word replaced by a commoner word one edit away (*near*: each word's) that *matches* (some
    article holds every word of the corrected query), trying the commonest first, `TRIED_TOGETHER` at most."""
    tried = 0
    for word in dict.fromkeys(positive_words(node)):
        form = suggestable(analysis, word)
        own = count(form) if form else 0
        for _minus, candidate in sorted((-count(c), c) for c in near.get(form, []) if count(c) > own):
            if tried == TRIED_TOGETHER:
                return None
            tried += 1
            fixed = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", candidate, q, flags=re.IGNORECASE)
            if matches(fixed):
                return fixed
    return None


def corrected(q: str, node: Node | None, analysis: QueryAnalysis, best: Callable[[str], str | None]) -> str | None:
    """*q* with each word the query searches for replaced by its *best* correction; None when none is."""
    fixed = q
    for word in dict.fromkeys(positive_words(node)):
        form = suggestable(analysis, word)
        replacement = best(form) if form else None
        if replacement:
            fixed = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", replacement, fixed, flags=re.IGNORECASE)
    return fixed if fixed != q else None


def suggestable(analysis: QueryAnalysis, word: str) -> str | None:
    """The written form of a typed word that did-you-mean may correct (one plain word of 4 to 30 letters)."""
    terms = analysis.words(word)
    if len(terms) != 1 or not terms[0].form.isalpha() or not MIN_LETTERS <= len(terms[0].form) <= MAX_LETTERS:
        return None
    return terms[0].form


def near_words(vocabulary: Vocabulary | None, form: str) -> list[str]:
    """The first `MAX_CANDIDATES` words of the vocabulary that may be close to the written *form* of a
    `suggestable` word (alphabetical: the first of several shards' lists are the first of their union)."""
    if vocabulary is None:
        return []
    return list(islice(vocabulary.near(form), MAX_CANDIDATES))


def closest(word: str, candidates: Iterable[str], frequency: Callable[[str], int], documents: int,
            stopwords: frozenset[str]) -> str | None:
    """The nearest of *candidates* frequent enough to correct *word* (see above; then the most frequent,
    then the first in alphabetical order), or None. A word in at least 1 of `COMMON_SHARE`
    of the *documents* is a word of the language, not a typo: it is left alone (and costs nothing)."""
    own = frequency(word)
    if own * COMMON_SHARE >= documents:
        return None
    floor, most_edits = (RARE_TYPO * own, 1) if own else (2, 2)
    best: tuple[int, int, str] | None = None
    for edits, candidate in close(word, candidates, stopwords):
        if edits > most_edits or (best is not None and edits > best[0]):
            continue
        count = frequency(candidate)
        if count >= floor and (best is None or (edits, -count, candidate) < best):
            best = (edits, -count, candidate)
    return best[2] if best else None


def close(word: str, candidates: Iterable[str], stopwords: frozenset[str],
          most: int = 2) -> Iterator[tuple[int, str]]:
    """The edits and the candidate, for each of *candidates* within one edit of a word of up to 5 letters,
    two of a longer one (*most* at most; function words left out): those whose frequency matters."""
    limit = min(most, 1 if len(word) <= 5 else 2)
    for candidate in candidates:
        if candidate == word or abs(len(candidate) - len(word)) > limit or candidate in stopwords:
            continue
        edits = distance(word, candidate)
        if edits <= limit:
            yield edits, candidate


def frequency(reader: IndexReader, analysis: QueryAnalysis, word: str) -> int:
    """Articles holding *word* as written (in the title or the body)."""
    terms = analysis.words(word)
    if len(terms) != 1:
        return 0
    return max(reader.doc_frequency(name, terms[0].exact) for name in TEXT_FIELDS)


def distance(a: str, b: str) -> int:
    """Edit distance with adjacent transpositions (`stoltenbreg` is one edit from `stoltenberg`)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]
