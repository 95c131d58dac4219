"""Indonesian text analysis, composed the way Whoosh composes analyzers.

    IndonesianTokenizer() | LowercaseFilter() | SastrawiStemFilter(...) | ExactFormFilter() | OncePerPosition()

(the parts in `searchapp.index.chain`).

Every word is indexed, function words included: a word the reader typed always takes part in matching
and weighs what its IDF says (`di bawah` matches as written; `tidak`, `belum`, `harus` carry meaning in
news). The stop list serves only where a common word is noise: did-you-mean and related articles.

The tokenizer keeps character offsets, so highlighting marks the word as written (`perekonomian` for a
search of `ekonomi`). The stem filter replaces each token by its Sastrawi root; the exact-form filter then
adds the surface form, marked with a leading ``=``, at the *same position* whenever it differs from the
root. One field therefore answers both stem queries (``serang``) and exact-form queries (``=serangan``,
phrases of surface forms) without a second copy of the text. The composed chain remembers what it made
of each distinct word (`WordMemoAnalyzer`): a word is analysed once a process, not once an occurrence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from whoosh.analysis import Analyzer, Composable, CompositeAnalyzer, LowercaseFilter, Token

from searchapp.index.chain import (  # and where indexes written before the chain had a module find them
    EXACT_MARK,
    ExactFormFilter,
    IndonesianTokenizer,
    OncePerPosition,
    SastrawiStemFilter,
)
from searchapp.index.words import RAW_TOKEN_RE
from searchapp.stemmer import no_stemming

_LONG_NUMBER = re.compile(r"\d.*\d.*\d.*\d.*\d").search  # 5+ digits: amounts, codes, rarely met again


class WordMemoAnalyzer(CompositeAnalyzer):
    """The composed chain, each distinct word's terms remembered. The filters after searchapp's tokenizer
    act on one token at a time, so a word analysed once is analysed for good: indexing a text is one regex
    pass and a look-up a word. The chain itself runs where character offsets are asked for (highlighting)
    or stop words kept, and for any other tokenizer. At most `MEMO_WORDS` words (not those of 5+ digits,
    rarely met twice), about 90 MB a process, and for the indexer as many again, each word's terms with
    their offsets (`positions`)."""

    MEMO_WORDS = 200_000

    def __init__(self, *composables: Composable) -> None:
        super().__init__(*composables)
        self._memo: dict[tuple[str, str], tuple[tuple[tuple[str, str | None], ...], ...]] = {}
        self._placed: dict[str, tuple[int, tuple[tuple[int, str], ...]]] = {}  # for `positions`

    @property
    def remembers(self) -> bool:
        """Whether the chain opens with the tokenizer whose words the memory is keyed by."""
        return isinstance(self.items[0], IndonesianTokenizer)

    def __getstate__(self) -> dict:
        return {key: value for key, value in self.__dict__.items() if key not in ("_memo", "_placed")}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._memo = {}
        self._placed = {}

    def __eq__(self, other: object) -> bool:
        """The same filters analyse the same way, remembered or not: an index written with the plain chain
        (before words were remembered) needs no rebuild."""
        return isinstance(other, CompositeAnalyzer) and self.items == other.items

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        if chars or keeporiginal or not tokenize or not removestops or kwargs.get("no_morph") or not self.remembers:
            yield from super().__call__(value, positions=positions, chars=chars, keeporiginal=keeporiginal,
                                        removestops=removestops, start_pos=start_pos, start_char=start_char,
                                        tokenize=tokenize, mode=mode, **kwargs)
            return
        memo = self._memo
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        pos = start_pos
        for raw in RAW_TOKEN_RE.findall(value):
            for terms in memo.get((raw, mode)) or self._analyse(raw, mode):
                for text, surface in terms:
                    token.text = text
                    if surface is not None:
                        token.surface = surface  # the written form, as the stem filter keeps it
                    token.boost = 1.0
                    token.stopped = False
                    if positions:
                        token.pos = pos
                    yield token
                pos += 1

    def positions(self, value: str) -> dict[str, list[int]]:
        """Each term *value* is indexed under, with its positions (what Whoosh's `Positions` format
        gathers from the tokens), terms in the order first met."""
        memo = self._placed
        found: dict[str, list[int]] = {}
        pos = 0
        for raw in RAW_TOKEN_RE.findall(value):
            placed = memo.get(raw) or self._place(raw)
            for offset, text in placed[1]:
                at = found.get(text)
                if at is None:
                    found[text] = [pos + offset]
                else:
                    at.append(pos + offset)
            pos += placed[0]
        return found

    def _place(self, raw: str) -> tuple[int, tuple[tuple[int, str], ...]]:
        """How many positions one match of the tokenizer takes, and its index terms, each with its position
        among them (a word and its exact form at 0, a hyphenated or glued word's parts at 0, 1 …)."""
        words = self._memo.get((raw, "index")) or self._analyse(raw, "index", remember=False)
        placed = (len(words), tuple((offset, text) for offset, terms in enumerate(words) for text, _ in terms))
        if len(self._placed) < self.MEMO_WORDS and not _LONG_NUMBER(raw):
            self._placed[raw] = placed
        return placed

    def _analyse(self, raw: str, mode: str, remember: bool = True) -> tuple[tuple[tuple[str, str | None], ...], ...]:
        """The terms (and written forms) at each position of one match of the tokenizer (a word, a number, a
        hyphenated word's parts, a glued word's), through the whole chain."""
        width = sum(step for *_word, step in self.items[0].words(raw, mode))
        words: list[list[tuple[str, str | None]]] = [[] for _ in range(width)]  # a dropped word keeps its place
        for token in super().__call__(raw, positions=True, mode=mode):
            words[token.pos].append((token.text, getattr(token, "surface", None)))
        found = tuple(tuple(terms) for terms in words)
        if remember and len(self._memo) < self.MEMO_WORDS and not _LONG_NUMBER(raw):
            self._memo[raw, mode] = found
        return found


def build_analyzer(stopwords: Iterable[str] = (), stem_exclusions: Iterable[str] = (),
                   stemming: bool = True) -> CompositeAnalyzer:
    """The indexing analyzer of searchapp's text fields (*stemming* off: written forms only); a word whose
    root would be one of *stopwords* keeps its written form as its root (`setelah` is not `telah`)."""
    chain: Composable = IndonesianTokenizer() | LowercaseFilter()
    if stemming:
        chain = chain | SastrawiStemFilter(stem_exclusions, stopwords) | ExactFormFilter() | OncePerPosition()
    return WordMemoAnalyzer(*chain.items)



@dataclass(frozen=True)
class QueryTerm:
    """A word of a query as the index holds it."""

    form: str  # lower case, as written
    root: str  # matches every form of the word

    @property
    def exact(self) -> str:
        """The index term that matches the word only in the form it is written."""
        return self.form if self.root == self.form else EXACT_MARK + self.form


class QueryAnalysis:
    """The query side of an index's own analyzer: the only place query text becomes index terms.

    Queries run through the analyzer the index was built with (in query mode, where the exact-form
    filter adds nothing), so a change to the analysis chain changes index and queries alike.
    """

    def __init__(self, analyzer: Analyzer, stopwords: frozenset[str] = frozenset()) -> None:
        self.analyzer = analyzer
        items = getattr(analyzer, "items", [analyzer])
        self.stem: Callable[[str], str] = next(
            (item.stemmer for item in items if isinstance(item, SastrawiStemFilter)), no_stemming)
        self.stopwords = stopwords  # not dropped from queries: for did-you-mean and related articles
        self._terms: dict[str, list[QueryTerm | None]] = {}  # queries repeat their words: analysed once

    def terms(self, text: str) -> list[QueryTerm | None]:
        """The words of *text* in order; None where the analyzer dropped a word (an index built before
        every word was indexed dropped function words: phrases keep their place)."""
        found = self._terms.get(text)
        if found is None:
            found = self._analyse(text)
            if len(self._terms) < 100_000:
                self._terms[text] = found
        return list(found)

    def _analyse(self, text: str) -> list[QueryTerm | None]:
        found: list[QueryTerm | None] = []
        expected = 0
        for token in self.analyzer(text, positions=True, mode="query"):
            found += [None] * (token.pos - expected)
            found.append(QueryTerm(getattr(token, "surface", token.text), token.text))
            expected = token.pos + 1
        return found

    def words(self, text: str) -> list[QueryTerm]:
        """The words of *text* the index holds."""
        return [term for term in self.terms(text) if term is not None]
