"""The parts of the analysis chain (`searchapp.index.analysis` composes them): the tokenizer and the
filters after it, each acting on one token at a time.

A glued word's parts (`searchapp.index.words`) are indexed beside it; a term is kept once at a position.
Indexes pickle these classes with their schema: an index written when they lived in `analysis` still
opens, since that module imports them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from whoosh.analysis import Filter, Token, Tokenizer

from searchapp.index.words import positioned_words
from searchapp.stemmer import Stemmer, shared_stemmer

EXACT_MARK = "="


class IndonesianTokenizer(Tokenizer):
    """Splits text into words (`searchapp.index.words`), keeping positions and character offsets; with
    *glued* (what an index built before glued words were read lacks, so it is rebuilt), a glued word's
    parts are indexed beside it, never asked for by a query: `WhatsApp` typed finds `Whatsapp` too."""

    def __init__(self, glued: bool = True) -> None:
        self.glued = glued

    def __eq__(self, other: object) -> bool:
        return isinstance(other, IndonesianTokenizer) and getattr(self, "glued", False) == getattr(
            other, "glued", False)

    def __hash__(self) -> int:
        return hash(getattr(self, "glued", False))

    def words(self, text: str, mode: str) -> Iterator[tuple[str, int, int, int]]:
        """The words of *text* with their position steps (`positioned_words`)."""
        return positioned_words(text, parts=getattr(self, "glued", False) and mode != "query")

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
        pos = start_pos - 1
        for word, start, end, step in self.words(value, mode):
            pos += step
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


class OncePerPosition(Filter):
    """A term once at a position: a glued word's terms beside its last part's can be the same
    (`keBandara` is `ke-` + `bandara` to Sastrawi)."""

    def __call__(self, tokens):
        position, seen = None, set()
        for token in tokens:
            if token.positions:
                if token.pos != position:
                    position, seen = token.pos, set()
                if token.text in seen:
                    continue
                seen.add(token.text)
            yield token
