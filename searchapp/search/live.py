"""The live index generation a process searches, shared by its threads.

Threads search at once: a long search (a broad query, a costly attacker's) then slows a short one by
sharing the GIL with it instead of making it wait for the whole of it. Whoosh's readers seek and read
shared file objects, so each thread searches through its own searcher; all of them read the table of
contents read when the generation was opened, so that they and the derived tables (facets, lengths,
stories, vocabulary: read-only once built) always describe the same documents. A request uses one
generation from start to end; a generation replaced by a newer one is closed once its last request ends.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
from whoosh.index import EmptyIndexError, Index
from whoosh.scoring import BM25F
from whoosh.searching import Searcher

from searchapp.config import Settings
from searchapp.errors import CorruptIndexError, SearchappError
from searchapp.extract.outlet import slugify
from searchapp.index.analysis import QueryAnalysis
from searchapp.index.generations import UNREADABLE, generation_key, open_index
from searchapp.index.stories import read_stories
from searchapp.index.vocabulary import Vocabulary
from searchapp.index.whoosh27 import read_toc, reader_at
from searchapp.search.compiler import TEXT_FIELDS
from searchapp.search.facets import FacetTables
from searchapp.search.matching import PostingCache
from searchapp.search.scoring import LengthTable
from searchapp.search.stories import StoryTable


class NoIndexError(SearchappError):
    """There is no index yet."""


def unreadable(error: BaseException) -> bool:
    """Whether *error* says an index file cannot be read: a broken struct, pickle or zlib stream, or an
    error of a common type raised inside Whoosh (not by a bug of ours that raises the same type)."""
    if not isinstance(error, (ValueError, KeyError, TypeError, IndexError, AttributeError)):
        return True  # struct.error, UnpicklingError, EOFError, zlib.error
    trace = error.__traceback__
    while trace is not None and trace.tb_next is not None:
        trace = trace.tb_next
    return trace is not None and "/whoosh/" in trace.tb_frame.f_code.co_filename


class Generation:
    """One index generation: a searcher per thread and the tables derived from it."""

    def __init__(self, key: tuple, index: Index, posting_cache_mb: int, stopwords: frozenset[str],
                 spares: int = 0, published: dict | None = None, toc: Any = None) -> None:
        self.key = key
        self.published = published or {}  # a shard's: the set it was published in, and the set's catalog
        self.name = hashlib.sha1(repr(key).encode()).hexdigest()[:12]  # for cursors: which state answered
        self.index = index
        self.toc = toc or read_toc(index)  # a shard's: the commit its set names
        self._local = threading.local()
        self._searchers: list[Searcher] = []
        self._lock = threading.Lock()
        self.users = 0  # requests using it now
        self.retired = False  # a newer generation is live: close this one when its last request ends
        self._spare: list[Searcher] = []
        try:  # the tables read every segment: a damaged one shows here
            reader = self.searcher().reader()
            self._spare = [self._open_searcher() for _ in range(spares)]
            folder = Path(index.storage.folder)
            self.analysis = QueryAnalysis(self.toc.schema["body"].analyzer, stopwords)
            self.tables = FacetTables(reader)
            self.stories = StoryTable(reader, self.published["stories"] if published else read_stories(folder))
            self.vocabulary = Vocabulary.open(folder)
            self.lengths = LengthTable(reader, TEXT_FIELDS)
            self.tie = np.array(self.tables.tie, dtype=np.int64)
            self.posting_cache = PostingCache(posting_cache_mb * 2**20 // 8)
            # articles holding each written word, as significant words look them up (fixed for a
            # generation; at most one entry per word of the index)
            self.word_frequencies: dict[str, int] = {}
        except BaseException:
            self.close()
            raise

    def searcher(self) -> Searcher:
        """This thread's searcher of this generation: one of those opened with it (a later commit may
        remove files its table of contents lists), else a new one."""
        searcher = getattr(self._local, "searcher", None)
        if searcher is None:
            with self._lock:
                searcher = self._spare.pop() if self._spare else None
            if searcher is None:
                searcher = self._open_searcher()
            self._local.searcher = searcher
        return searcher

    def _open_searcher(self) -> Searcher:
        searcher = Searcher(reader_at(self.index, self.toc), weighting=BM25F(), fromindex=self.index)
        with self._lock:
            self._searchers.append(searcher)
        return searcher

    @functools.cached_property
    def person_slugs(self) -> dict[str, str]:
        """Every indexed person by the slug of each spelling of the name (the person pages' addresses; the
        page of a spelling the facet does not show moves to the shown one's)."""
        return {slug: self.tables.alike(name) for name in self.tables.names if (slug := slugify(name))}

    @functools.cached_property
    def day_totals(self) -> Counter:
        """Live articles per day (proleptic ordinal): what a timeline's shares are shares of."""
        date_of = self.tables.date_of
        return Counter(date_of[d] for d in self.searcher().reader().all_doc_ids() if date_of[d])

    def close(self) -> None:
        with self._lock:
            for searcher in self._searchers:
                searcher.close()
            self._searchers.clear()


class LiveIndex:
    """The live generation of the index in *settings*, reopened when another process has changed it."""

    def __init__(self, settings: Settings, stopwords: frozenset[str]) -> None:
        self.root = Path(settings.index)
        self.posting_cache_mb = settings.posting_cache_mb
        self.spares = settings.threads  # searchers opened with each generation: one a serving thread
        self.stopwords = stopwords
        self._lock = threading.Lock()
        self._live: Generation | None = None
        self._local = threading.local()  # the generation this thread's request uses

    @contextlib.contextmanager
    def readable(self) -> Iterator[None]:
        """A damaged index file met in the block is a CorruptIndexError naming the command that mends it."""
        try:
            yield
        except UNREADABLE as error:
            if unreadable(error):
                raise CorruptIndexError(self.root, error) from None
            raise

    @contextlib.contextmanager
    def request(self) -> Iterator[None]:
        """Around one request: every `current()` in it gives the same generation, released at the end."""
        depth = getattr(self._local, "depth", 0)
        self._local.depth = depth + 1
        try:
            with self.readable():
                yield
        finally:
            self._local.depth = depth
            if depth == 0:
                generation, self._local.generation = getattr(self._local, "generation", None), None
                if generation is not None:
                    self._let_go(generation)

    @contextlib.contextmanager
    def hold(self) -> Iterator[Generation]:
        """The live generation, held open for as long as the block runs, whichever thread runs it (a
        streamed export: a generator the server may resume anywhere)."""
        generation = self._take()
        try:
            with self.readable():
                yield generation
        finally:
            self._let_go(generation)

    def current(self) -> Generation:
        """The generation of this request: the live one when the request first asks."""
        generation = getattr(self._local, "generation", None)
        if generation is None:
            generation = self._local.generation = self._take()
        return generation

    def _take(self) -> Generation:
        with self._lock, self.readable():
            generation = self._refresh()
            generation.users += 1
        return generation

    def _let_go(self, generation: Generation) -> None:
        with self._lock:
            generation.users -= 1
            done = generation.retired and generation.users == 0
        if done:
            generation.close()

    def _key(self) -> tuple | None:
        """What changes when there is another generation to open (None: no index)."""
        return generation_key(self.root)

    def _refresh(self) -> Generation:
        key = self._key()
        if key is None:
            open_index(self.root)  # a published generation that cannot be read says so
            raise NoIndexError(f"no index in {self.root}; run 'searchapp index' first")
        if self._live is not None and self._live.key == key:
            return self._live
        try:
            fresh = self._open(key)
        except (FileNotFoundError, EmptyIndexError):  # a rebuild was published, or a commit deleted files: once more
            key = self._key()
            if key is None:
                raise NoIndexError(f"no index in {self.root}; run 'searchapp index' first") from None
            fresh = self._open(key)
        old, self._live = self._live, fresh
        if old is not None:
            old.retired = True
            if old.users == 0:
                old.close()
        return fresh

    def _open(self, key: tuple) -> Generation:
        index = open_index(self.root)
        if index is None:
            raise NoIndexError(f"no index in {self.root}; run 'searchapp index' first")
        return Generation(key, index, self.posting_cache_mb, self.stopwords, self.spares)
