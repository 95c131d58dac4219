"""Significant words of a search: the words over-represented in its best-matching articles compared with
the whole index, scored as Elasticsearch's `significant_text` scores by default (JLH: how much more common
a word is in the sample, times how many times more common), shown as the articles write them."""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from searchapp.index.analysis import iter_words

SAMPLE = 200  # the best-ranked matches read (a broad query costs no more than this)
MIN_ARTICLES = 3  # in fewer of the sample, a word is chance


@dataclass(frozen=True)
class SignificantWord:
    word: str  # as the sample writes it most often
    score: float
    in_sample: int  # sampled articles holding it
    in_index: int  # articles of the index holding it


def significant_words(texts: Iterable[str], background: Callable[[str], int], index_size: int,
                      excluded: frozenset[str], limit: int = 20) -> tuple[int, list[SignificantWord]]:
    """How many texts were read, and their *limit* most significant words; *background*: articles of the
    index holding a (lower-case) word; *excluded*: function words and the query's own words."""
    held: Counter = Counter()
    forms: dict[str, Counter] = {}
    read = 0
    for text in texts:
        read += 1
        words = {w for w, _s, _e in iter_words(text) if w.isalpha() and len(w) > 2}
        for written in words:
            forms.setdefault(written.lower(), Counter())[written] += 1
        held.update({w.lower() for w in words})
    scored = []
    for word, count in held.items():
        if count < MIN_ARTICLES or word in excluded or not index_size:
            continue
        in_index = max(background(word), count)  # the sample is in the index
        share, base = count / read, in_index / index_size
        if share > base:
            scored.append(SignificantWord(forms[word].most_common(1)[0][0], (share - base) * share / base,
                                          count, in_index))
    return read, heapq.nlargest(limit, scored, key=lambda w: (w.score, w.word))
