"""Sastrawi, the Indonesian stemmer, behind one seam: a cached per-word root with exclusions.

Both the index's analysis chain and metadata extraction (which asks whether a capitalised word is an
affixed Indonesian word, not a name) use it; neither reaches into Sastrawi itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache


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
        self._stop_roots = frozenset(stop_roots)
        self._cache: dict[str, str] = {word.lower(): word.lower() for word in exclusions}

    def __call__(self, word: str) -> str:
        """Root of a lower-case word; the word itself when Sastrawi has no root for it."""
        try:
            return self._cache[word]
        except KeyError:
            pass
        root = sastrawi_root(word)
        if root in self._stop_roots:
            root = word
        if len(self._cache) < CACHED_WORDS:
            self._cache[word] = root
        return root


CACHED_WORDS = 500_000
_ROOTS: dict[str, str] = {}  # Sastrawi's root of each word met, shared by every stemmer of the process


def sastrawi_root(word: str) -> str:
    """Sastrawi's root of a lower-case word, each word stemmed once a process (the indexer's analysis and
    its extraction use two stemmers of different exclusions: both read this)."""
    try:
        return _ROOTS[word]
    except KeyError:
        pass
    if not word.isalpha() and not ("-" in word and word.replace("-", "").isalpha()):
        root = word  # numbers, codes (g20, covid19): never stemmed
    else:
        root = _sastrawi().stem_word(word) or word
    if len(_ROOTS) < CACHED_WORDS:
        _ROOTS[word] = root
    return root


_STEMMERS: dict[tuple[frozenset[str], frozenset[str]], Stemmer] = {}


def shared_stemmer(exclusions: Iterable[str] = (), stop_roots: Iterable[str] = ()) -> Stemmer:
    """One stemmer (and cache) per exclusion list and stopword list in this process."""
    key = (frozenset(word.lower() for word in exclusions), frozenset(stop_roots))
    if key not in _STEMMERS:
        _STEMMERS[key] = Stemmer(*key)
    return _STEMMERS[key]


def no_stemming(word: str) -> str:
    """The stemmer of an index built without stemming."""
    return word


@lru_cache(maxsize=1)
def sastrawi_roots() -> frozenset[str]:
    """Sastrawi's dictionary of Indonesian root words (case-folded)."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return frozenset(w.casefold() for w in StemmerFactory().get_words())


@lru_cache(maxsize=1)
def sastrawi_stopwords() -> frozenset[str]:
    """Sastrawi's list of Indonesian function words."""
    from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

    return frozenset(StopWordRemoverFactory().get_stop_words())
