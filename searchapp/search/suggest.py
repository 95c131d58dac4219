"""Did you mean: a query's words replaced by a close word of the index that is more common.

Candidates come from the index's vocabulary (titles, bodies and people's names; `searchapp.index.vocabulary`)
within one edit of a word of up to 5 letters, two of a longer one; the nearest wins, then the most common
(`purbya` → `purbaya`, one edit, before `punya`, two). A word is replaced only by one at least
`MORE_COMMON` times as frequent (so a real word is left alone), never by a function word.
"""

from __future__ import annotations

import re
from itertools import islice

from whoosh.reading import IndexReader

from searchapp.index.analysis import QueryAnalysis
from searchapp.index.vocabulary import MAX_LETTERS, Vocabulary
from searchapp.search.compiler import TEXT_FIELDS
from searchapp.search.query import Node, positive_words

MIN_LETTERS = 4
MORE_COMMON = 3
MAX_CANDIDATES = 300  # words checked per typed word: a bound on the cost of one search
COMMON_SHARE = 200  # a word in 0.5% of the articles or more is not second-guessed


def suggest(reader: IndexReader, analysis: QueryAnalysis, vocabulary: Vocabulary | None, q: str,
            node: Node | None) -> str | None:
    """*q* with each word that has a close, more common word in the index replaced by it; None when
    nothing changes (or the index has no vocabulary yet)."""
    if vocabulary is None:
        return None
    corrected = q
    for word in dict.fromkeys(positive_words(node)):
        terms = analysis.words(word)
        if len(terms) != 1 or not terms[0].form.isalpha() or not MIN_LETTERS <= len(terms[0].form) <= MAX_LETTERS:
            continue
        best = closest(reader, analysis, vocabulary, terms[0].form)
        if best:
            corrected = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", best, corrected, flags=re.IGNORECASE)
    return corrected if corrected != q else None


def closest(reader: IndexReader, analysis: QueryAnalysis, vocabulary: Vocabulary, word: str) -> str | None:
    """The nearest word of the index at least `MORE_COMMON` times as frequent as *word* (then the most
    frequent, then the first in alphabetical order), or None. A word in at least 1 of `COMMON_SHARE`
    articles is a word of the language, not a typo: it is left alone (and costs nothing)."""
    limit = 1 if len(word) <= 5 else 2
    own = frequency(reader, analysis, word)
    if own * COMMON_SHARE >= reader.doc_count():
        return None
    floor = max(2, MORE_COMMON * own)
    best: tuple[int, int, str] | None = None
    for candidate in islice(vocabulary.near(word), MAX_CANDIDATES):
        if candidate == word or abs(len(candidate) - len(word)) > limit or candidate in analysis.stopwords:
            continue
        edits = distance(word, candidate)
        if edits > limit or (best is not None and edits > best[0]):
            continue
        count = frequency(reader, analysis, candidate)
        if count >= floor and (best is None or (edits, -count, candidate) < best):
            best = (edits, -count, candidate)
    return best[2] if best else None


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
