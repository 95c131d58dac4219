"""Significant words of a search: the words and two-word phrases over-represented in its best-matching
articles compared with the whole index, scored as Elasticsearch's `significant_text` scores by default
(JLH: how much more common a term is in the sample, times how many times more common), shown as the
articles write them."""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from searchapp.index.analysis import iter_words

SAMPLE = 200  # the best-ranked matches read (a broad query costs no more than this)
MIN_ARTICLES = 3  # in fewer of the sample, a word is chance
PHRASES_LOOKED_UP = 25  # the phrases most often in the sample, the only ones scored
CARRIED = 0.8  # a word this often inside one significant phrase is shown as that phrase only


@dataclass(frozen=True)
class SignificantWord:
    word: str  # as the sample writes it most often; two words for a phrase
    score: float
    in_sample: int  # sampled articles holding it
    in_index: int  # articles of the index holding it (a phrase: holding both its words)

    @property
    def is_phrase(self) -> bool:
        return " " in self.word

    @property
    def query_text(self) -> str:
        """What adding it to a query types: a phrase in quotes, so that its words stay together."""
        return f'"{self.word}"' if self.is_phrase else self.word


class _Sample:
    """The words and adjacent word pairs of the sampled articles: in how many articles each is, and
    the written form each is most often given."""

    def __init__(self, texts: Iterable[str], excluded: frozenset[str]) -> None:
        self.size = 0
        self.words: Counter = Counter()
        self.pairs: Counter = Counter()
        self.forms: Counter = Counter()  # (word or pair, as written): articles writing it so
        for text in texts:
            self.size += 1
            self._read(text, excluded)

    def _read(self, text: str, excluded: frozenset[str]) -> None:
        words, pairs = set(), set()
        before = None  # the previous word, when it can open a phrase with the next
        for written, start, end in iter_words(text):
            key = written.lower()
            if not (written.isalpha() and len(written) > 2) or key in excluded:
                before = None
                continue
            words.add(written)
            if before is not None and text[before[2]:start].isspace():  # not across a sentence or a hyphen
                pairs.add((before[0], written))
            before = (written, start, end)
        self.forms.update((written.lower(), written) for written in words)
        self.forms.update(((first.lower(), second.lower()), f"{first} {second}") for first, second in pairs)
        self.words.update({w.lower() for w in words})
        self.pairs.update({(a.lower(), b.lower()) for a, b in pairs})

    def written_forms(self, keys: set) -> dict:
        """The form each of *keys* is most often written in (ties: the first in sort order)."""
        best: dict = {}
        for (key, written), count in self.forms.items():
            if key in keys and (count, written) > best.get(key, (0, "")):
                best[key] = (count, written)
        return {key: written for key, (_count, written) in best.items()}


def significant_words(texts: Iterable[str], background: Callable[[str], int],
                      together: Callable[[str, str], int], index_size: int,
                      excluded: frozenset[str], limit: int = 20) -> tuple[int, list[SignificantWord]]:
    """How many texts were read, and their *limit* most significant words and phrases; *background*:
    articles of the index holding a (lower-case) word; *together*: holding both words of a phrase, which
    stands for those holding the phrase (at least as many: a phrase is never scored above its due, and
    counting it costs a set intersection, not reading positions); *excluded*: function words and the
    query's own words (a phrase holding one is not counted either)."""
    sample = _Sample(texts, excluded)
    if not index_size or not sample.size:
        return sample.size, []

    def jlh(count: int, in_index: int) -> tuple[float, int, int] | None:
        in_index = max(in_index, count)  # the sample is in the index
        share, base = count / sample.size, in_index / index_size
        return ((share - base) * share / base, count, in_index) if share > base else None

    words = {key: found for key, count in sample.words.items()
             if count >= MIN_ARTICLES and (found := jlh(count, background(key))) is not None}
    common_pairs = heapq.nsmallest(PHRASES_LOOKED_UP, ((-count, pair) for pair, count in sample.pairs.items()
                                                       if count >= MIN_ARTICLES))
    phrases = {pair: found for _c, pair in common_pairs
               if (found := jlh(sample.pairs[pair], together(*pair))) is not None}
    carried = {word for pair, (_s, count, _i) in phrases.items() for word in pair
               if count >= CARRIED * sample.words[word]}
    candidates = [(key, found) for key, found in words.items() if key not in carried] + list(phrases.items())
    ranked = heapq.nlargest(limit, candidates, key=lambda c: (c[1][0], " ".join(c[0]) if isinstance(c[0], tuple)
                                                             else c[0]))
    forms = sample.written_forms({key for key, _found in ranked})
    return sample.size, [SignificantWord(forms[key], score, count, in_index)
                         for key, (score, count, in_index) in ranked]
