"""The collection statistics BM25F scores with, summed over the shards of a sharded index.

A shard alone knows its own document count, term frequencies and field lengths; scored with those, the
same article gets another score in each shard than in one index. A search of a sharded index first sums
them over every shard (`Statistics.add`), then each shard scores through `GlobalSearcher`, a Whoosh
searcher whose idf and average field lengths come from the sums. They are read when Whoosh builds a
scorer, so they are set before any scoring starts (set later, Whoosh's block skipping would prune with
the shard's own figures and drop documents).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from whoosh import query as wq
from whoosh.reading import IndexReader
from whoosh.searching import Searcher

Term = tuple[str, str]  # field, text


@dataclass
class Statistics:
    """Documents (deleted ones included, as Whoosh counts them), the total length of each field and the
    documents holding each term."""

    documents: int = 0
    lengths: Counter = field(default_factory=Counter)
    frequencies: Counter = field(default_factory=Counter)
    weights: Counter = field(default_factory=Counter)  # a term's occurrences in all (related articles' Bo1)

    @classmethod
    def of(cls, reader: IndexReader, terms: set[Term], fields: tuple[str, ...], weights: bool = False) -> Statistics:
        """One shard's figures for *terms* and *fields* (with *weights*, the terms' occurrences too)."""
        known = [term for term in terms if term[0] in reader.schema]
        return cls(reader.doc_count_all(),
                   Counter({name: reader.field_length(name) for name in fields}),
                   Counter({term: reader.doc_frequency(*term) for term in known}),
                   Counter({term: reader.frequency(*term) for term in known}) if weights else Counter())

    def add(self, other: Statistics) -> Statistics:
        return Statistics(self.documents + other.documents, self.lengths + other.lengths,
                          self.frequencies + other.frequencies, self.weights + other.weights)


class CollectionReader:
    """What Whoosh's query expansion (`whoosh.classify.Expander`, which picks an article's key terms for
    its related articles) reads of an index, from the statistics of every shard."""

    def __init__(self, statistics: Statistics, schema) -> None:
        self.statistics = statistics
        self.schema = schema

    def doc_count_all(self) -> int:
        return self.statistics.documents

    def field_length(self, fieldname: str) -> int:
        return self.statistics.lengths[fieldname]

    def frequency(self, fieldname: str, text) -> float:
        return self.statistics.weights[(fieldname, text.decode("utf-8") if isinstance(text, bytes) else text)]

    def __contains__(self, term: tuple) -> bool:
        return self.frequency(*term) > 0


def query_terms(*queries: wq.Query | None) -> set[Term]:
    """Every term that scores in *queries* (a phrase's words included)."""
    terms: set[Term] = set()
    for query in queries:
        if query is not None:
            terms.update((name, text if isinstance(text, str) else text.decode("utf-8"))
                         for name, text in query.iter_all_terms())
    return terms


class GlobalSearcher(Searcher):
    """A searcher of one shard that scores with the statistics of every shard."""

    def __init__(self, reader: IndexReader, statistics: Statistics, weighting) -> None:
        super().__init__(reader, weighting=weighting, closereader=False)
        self.statistics = statistics
        self._doccount = statistics.documents
        self.doc_frequency = self._doc_frequency  # Whoosh copies the reader's method onto each searcher

    def _subsearcher(self, reader: IndexReader) -> Searcher:
        """A segment's searcher (it asks this one, its parent, for the statistics)."""
        return Searcher(reader, fromindex=self._ix, weighting=self.weighting, parent=self)

    def doc_count_all(self) -> int:
        return self.statistics.documents

    def _doc_frequency(self, fieldname: str, text) -> int:
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        return self.statistics.frequencies[(fieldname, text)]

    def field_length(self, fieldname: str) -> int:
        return self.statistics.lengths[fieldname]
