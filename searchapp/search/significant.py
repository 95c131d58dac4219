"""Significant words of a search: the words and two-word phrases over-represented in its best-matching
articles compared with the whole index, scored as Elasticsearch's `significant_text` scores by default
(JLH: how much more common a term is in the sample, times how many times more common), shown as the
articles write them."""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from searchapp.index.analysis import QueryAnalysis

# a word: 3 letters or more, standing alone (not a part of `tanggul-laut` or `Ma'ruf`); a phrase: two of them
# with only spaces between, on one line (not across a sentence's end, a comma, a hyphen or a line break).
# Read by the regex engine, not word by word in Python: the sample's text is most of a request's cost.
_ALONE_BEFORE, _ALONE_AFTER = r"(?<![\w'’\-])", r"(?![\w'’\-])"
_WORD = re.compile(_ALONE_BEFORE + r"[^\W\d_]{3,}" + _ALONE_AFTER)
_PAIR = re.compile(_ALONE_BEFORE + r"([^\W\d_]{3,})[^\S\n]+(?=([^\W\d_]{3,})" + _ALONE_AFTER + ")")
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
        words = {w for w in _WORD.findall(text) if w.lower() not in excluded}
        pairs = {(a, b) for a, b in _PAIR.findall(text) if a in words and b in words}
        self.forms.update((written.lower(), written) for written in words)
        self.forms.update(((first.lower(), second.lower()), f"{first} {second}") for first, second in pairs)
        self.words.update({w.lower() for w in words})
        self.pairs.update({(a.lower(), b.lower()) for a, b in pairs})

    def written_forms(self, keys: set) -> dict:
        """The form each of *keys* is most often written in (ties: the first in sort order)."""
        best: dict = {}
        for (key, written), count in self.forms.items():
            if key in keys and (-count, written) < best.get(key, (0, "")):
                best[key] = (-count, written)
        return {key: written for key, (_count, written) in best.items()}


def asked_form(analysis: QueryAnalysis, query: str) -> Callable[[str], bool]:
    """Whether a word is a form of one of *query*'s words: the same root in the index."""
    roots = {term.root for term in analysis.words(query)}
    return lambda word: any(term.root in roots for term in analysis.words(word))


def looked_up(texts: Iterable[str], excluded: frozenset[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """The words and phrases `significant_words` may ask the index about for *texts* (a sharded index
    asks every shard about them at once)."""
    sample = _Sample(texts, excluded)
    pairs = heapq.nsmallest(PHRASES_LOOKED_UP, ((-count, pair) for pair, count in sample.pairs.items()
                                                if count >= MIN_ARTICLES))
    return [word for word, count in sample.words.items() if count >= MIN_ARTICLES], [pair for _c, pair in pairs]


def significant_words(texts: Iterable[str], background: Callable[[str], int],
                      together: Callable[[str, str], int], index_size: int,
                      excluded: frozenset[str], limit: int = 20,
                      asked: Callable[[str], bool] = lambda _word: False) -> tuple[int, list[SignificantWord]]:
    """How many texts were read, and their *limit* most significant words and phrases; *background*:
    articles of the index holding a (lower-case) word; *together*: holding both words of a phrase, which
    stands for those holding the phrase (at least as many: a phrase is never scored above its due, and
    counting it costs a set intersection, not reading positions); *excluded*: function words and the
    query's own words (a phrase holding one is not counted either); *asked*: whether a word is another
    form of one of the query's (`membanjiri`, `kebanjiran` for `banjir`), not shown, nor a phrase holding
    one: the search already finds them."""
    sample = _Sample(texts, excluded)
    if not index_size or not sample.size:
        return sample.size, []

    def jlh(count: int, in_index: int) -> tuple[float, int, int] | None:
        in_index = max(in_index, count)  # the sample is in the index
        share, base = count / sample.size, in_index / index_size
        return ((share - base) * share / base, count, in_index) if share > base else None

    common_pairs = heapq.nsmallest(PHRASES_LOOKED_UP, ((-count, pair) for pair, count in sample.pairs.items()
                                                       if count >= MIN_ARTICLES))
    phrases = {pair: found for _c, pair in common_pairs
               if (found := jlh(sample.pairs[pair], together(*pair))) is not None}
    # a word nearly always inside a phrase is shown as that phrase, when the phrase is shown
    carriers: dict[str, set] = {}
    for pair, (_s, count, _i) in phrases.items():
        for word in pair:
            if count >= CARRIED * sample.words[word]:
                carriers.setdefault(word, set()).add(pair)
    keep = limit + len(carriers)  # the candidates the list may need, should each carried word give way
    best = [found[0] for found in phrases.values()]  # the scores to beat (a min-heap of at most *keep*)
    heapq.heapify(best)
    words = {}
    for key, count in sorted(sample.words.items(), key=lambda item: -item[1]):
        if count < MIN_ARTICLES or len(best) >= keep and (jlh(count, count) or (0.0,))[0] < best[0]:
            break  # a word no more common in the sample scores at most as if the sample held all of it
        if (found := jlh(count, background(key))) is None:
            continue
        words[key] = found
        heapq.heappush(best, found[0])
        if len(best) > keep:
            heapq.heappop(best)
    ranked = sorted([*words.items(), *phrases.items()], reverse=True,
                    key=lambda c: (c[1][0], " ".join(c[0]) if isinstance(c[0], tuple) else c[0]))
    shown: list = []
    for key, found in ranked:
        if len(shown) == limit:
            break
        if any(asked(word) for word in (key if isinstance(key, tuple) else (key,))):
            continue
        if isinstance(key, tuple):
            shown = [(k, f) for k, f in shown if key not in carriers.get(k, ())]  # its words give way to it
        elif carriers.get(key, set()) & {k for k, _f in shown}:
            continue
        shown.append((key, found))
    forms = sample.written_forms({key for key, _found in shown})
    return sample.size, [SignificantWord(forms[key], score, count, in_index)
                         for key, (score, count, in_index) in shown]
