"""Indonesian text analysis, composed the way Whoosh composes analyzers.

    IndonesianTokenizer() | LowercaseFilter() | StopFilter(...) | SastrawiStemFilter(...) | ExactFormFilter()

The tokenizer keeps character offsets, so highlighting marks the word as written (`perekonomian` for a
search of `ekonomi`). The stem filter replaces each token by its Sastrawi root; the exact-form filter then
adds the surface form, marked with a leading ``=``, at the *same position* whenever it differs from the
root. One field therefore answers both stem queries (``serang``) and exact-form queries (``=serangan``,
phrases of surface forms) without a second copy of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from whoosh.analysis import (
    Composable,
    CompositeAnalyzer,
    Filter,
    LowercaseFilter,
    StopFilter,
    Token,
    Tokenizer,
)

EXACT_MARK = "="

# A word: letters/digits, with inner hyphens (negara-negara, pasca-perang). A number written with
# thousands separators (16.216, 1.000.000, 16 216) is one token, normalised to its digits.
_NUMBER = r"(?<![\d.,])\d{1,3}(?:[. ]\d{3})+(?!\d|[.,]\d)"
_WORD = r"[^\W_]+(?:-[^\W_]+)*"
_TOKEN_RE = re.compile(rf"(?P<number>{_NUMBER})|{_WORD}")
_SEPARATORS_RE = re.compile(r"[. ]")


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


class IndonesianTokenizer(Tokenizer):
    """Splits text into words, keeping positions and character offsets."""

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            token.original = token.text = value
            token.boost = 1.0
            if positions:
                token.pos = start_pos
            if chars:
                token.startchar = start_char
                token.endchar = start_char + len(value)
            yield token
            return
        for pos, (word, start, end) in enumerate(iter_words(value), start_pos):
            token.text = word
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = word
            if positions:
                token.pos = pos
            if chars:
                token.startchar = start_char + start
                token.endchar = start_char + end
            yield token


@lru_cache(maxsize=1)
def _sastrawi():  # noqa: ANN202 - Sastrawi has no public types
    """Sastrawi's stemmer with its dictionary, loaded once per process."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer().delegatedStemmer


class Stemmer:
    """Sastrawi with a per-word cache and an exclusion list (names it would mangle: Bali -> bal).

    A word whose root would be a stopword keeps its written form: Sastrawi strips ``setelah`` to
    ``telah`` and ``peserta`` to ``serta``, which would match every article.

    Sastrawi's own ``stem()`` normalises and splits the text with two regex passes per call and caches
    in an unbounded dict; we call its per-word routine once per distinct word and cache the result.
    """

    def __init__(self, exclusions: Iterable[str] = (), stop_roots: Iterable[str] = ()) -> None:
        self._sastrawi = _sastrawi()
        self._stop_roots = frozenset(stop_roots)
        self._cache: dict[str, str] = {word.lower(): word.lower() for word in exclusions}

    def __call__(self, word: str) -> str:
        """Root of a lower-case word; the word itself when Sastrawi has no root for it."""
        try:
            return self._cache[word]
        except KeyError:
            pass
        if not word.isalpha() and not ("-" in word and word.replace("-", "").isalpha()):
            root = word  # numbers, codes (g20, covid19): never stemmed
        else:
            root = self._sastrawi.stem_word(word) or word
            if root in self._stop_roots:
                root = word
        if len(self._cache) < 500_000:
            self._cache[word] = root
        return root


_STEMMERS: dict[tuple[frozenset[str], frozenset[str]], Stemmer] = {}


def shared_stemmer(exclusions: Iterable[str] = (), stop_roots: Iterable[str] = ()) -> Stemmer:
    """One stemmer (and cache) per exclusion list and stopword list in this process."""
    key = (frozenset(word.lower() for word in exclusions), frozenset(stop_roots))
    if key not in _STEMMERS:
        _STEMMERS[key] = Stemmer(*key)
    return _STEMMERS[key]


class SastrawiStemFilter(Filter):
    """Replaces each token's text by its Sastrawi root.

    Whoosh pickles the schema with its analyzers, so the stemmer (dictionary and cache) is not part of
    the pickled state: it is looked up again, shared per process, on first use.
    """

    def __init__(self, exclusions: Iterable[str] = (), stop_roots: Iterable[str] = ()) -> None:
        self.exclusions = tuple(sorted(word.lower() for word in exclusions))
        self.stop_roots = tuple(sorted(stop_roots))
        self._stemmer: Stemmer | None = None

    def __getstate__(self) -> dict:
        return {"exclusions": self.exclusions, "stop_roots": self.stop_roots}

    def __setstate__(self, state: dict) -> None:
        self.exclusions = tuple(state["exclusions"])
        self.stop_roots = tuple(state.get("stop_roots", ()))
        self._stemmer = None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SastrawiStemFilter) and (other.exclusions, other.stop_roots) == (
            self.exclusions, self.stop_roots)

    def __hash__(self) -> int:
        return hash((self.exclusions, self.stop_roots))

    @property
    def stemmer(self) -> Stemmer:
        if self._stemmer is None:
            self._stemmer = shared_stemmer(self.exclusions, self.stop_roots)
        return self._stemmer

    def __call__(self, tokens):
        stem = self.stemmer
        for token in tokens:
            if not token.stopped:
                token.surface = token.text
                token.text = stem(token.text)
            yield token


class ExactFormFilter(Filter):
    """After stemming, also emits ``=surface`` at the same position when the surface form differs."""

    def __call__(self, tokens):
        for token in tokens:
            surface = getattr(token, "surface", token.text)
            yield token
            if surface != token.text and not token.stopped and token.mode != "query":
                token.text = EXACT_MARK + surface
                token.surface = token.text
                yield token


def exact_term(word: str, stemmer: Stemmer) -> str:
    """The index term that matches *word* (lower case) only in the form it is written."""
    return word if stemmer(word) == word else EXACT_MARK + word


def build_analyzer(stopwords: Iterable[str] = (), stem_exclusions: Iterable[str] = (),
                   stemming: bool = True) -> CompositeAnalyzer:
    """The indexing analyzer of searchapp's text fields (*stemming* off: written forms only)."""
    chain: Composable = (
        IndonesianTokenizer()
        | LowercaseFilter()
        | StopFilter(stoplist=frozenset(stopwords), minsize=1, renumber=False)
    )
    if stemming:
        chain = chain | SastrawiStemFilter(stem_exclusions, stopwords) | ExactFormFilter()
    return CompositeAnalyzer(*chain.items)


def no_stemming(word: str) -> str:
    """The stemmer of an index built without stemming."""
    return word
