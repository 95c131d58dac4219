"""The engines the retrieval evaluation compares over the same articles: searchapp with configuration
overrides (as configured, without stemming, without the exact-form boost) and tantivy-py's default
tokenizer (AND and OR), each answering a query with its top ids and its number of hits."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from searchapp.evaluate.queries import searchapp_query, tantivy_query

CUTOFF = 10


class Variant:
    """An engine over the corpus: ``search(text)`` gives the top ids and the number of hits."""

    name = ""
    available = True
    why_not = ""

    def prepare(self) -> None:  # build the index
        pass

    def search(self, text: str) -> tuple[list[str], int]:
        raise NotImplementedError


class SearchappVariant(Variant):
    """searchapp with configuration overrides, its index built in *index* (shared by equal schemas)."""

    def __init__(self, name: str, config: str | None, corpus: Path, index: Path, overrides: dict[str, Any],
                 workers: int, today: dt.date | None = None) -> None:
        from searchapp.config import load_settings

        self.name = name
        self.settings = load_settings(config, {"corpus": str(corpus), "index": str(index),
                                               "indexing.workers": workers, **overrides})
        self.today = today
        self.engine = None

    @property
    def index_key(self) -> tuple:
        """What the index depends on (exact_boost, a query-time weight, does not count)."""
        s = self.settings
        return (s.corpus, s.stemming, s.stem_exclusions, s.title_boost, s.stopwords_file, s.outlets_file)

    def prepare(self) -> None:
        from searchapp.index.progress import Progress
        from searchapp.index.writer import build_index
        from searchapp.search.interface import open_engine

        report = build_index(self.settings, rebuild=True, today=self.today,
                             progress=lambda total: Progress(total, label=f"indexing {self.name}"))
        print(f"  {self.name}: {report.summary().splitlines()[0]}", file=sys.stderr)
        self.engine = open_engine(self.settings)

    def use_index_of(self, other: SearchappVariant) -> None:
        from searchapp.search.interface import open_engine

        self.settings = _replace_settings(self.settings, index=other.settings.index)
        self.engine = open_engine(self.settings)

    def search(self, text: str) -> tuple[list[str], int]:
        from searchapp.errors import SearchappError
        from searchapp.search.request import SearchRequest

        query = searchapp_query(text)
        if not query:
            return [], 0
        try:
            result = self.engine.search(SearchRequest(q=query, per_page=CUTOFF))
        except SearchappError:
            return [], 0
        return [hit.id for hit in result.results], result.total + result.partial


def _replace_settings(settings, **changes):
    from dataclasses import replace

    return replace(settings, **changes)


class TantivyVariant(Variant):
    """tantivy-py with its default tokenizer over title and body (title weighted like searchapp's)."""

    def __init__(self, name: str, articles: Sequence[Any], folder: Path, conjunction: bool,
                 title_boost: float, shared: TantivyVariant | None = None) -> None:
        self.name = name
        self.articles = articles
        self.folder = folder
        self.conjunction = conjunction
        self.title_boost = title_boost
        self.shared = shared
        self.index = None
        try:
            import tantivy  # noqa: F401  (an optional extra: searchapp[bench])
        except ImportError:
            self.available = False
            self.why_not = "not installed (pip install 'searchapp[bench]')"

    def prepare(self) -> None:
        if self.shared is not None and self.shared.index is not None:
            self.index = self.shared.index
            return
        import tantivy

        builder = tantivy.SchemaBuilder()
        builder.add_text_field("id", stored=True, tokenizer_name="raw")
        builder.add_text_field("title", stored=False)
        builder.add_text_field("body", stored=False)
        schema = builder.build()
        self.folder.mkdir(parents=True, exist_ok=True)
        index = tantivy.Index(schema, path=str(self.folder))
        writer = index.writer(heap_size=128 * 1024 * 1024, num_threads=1)
        for article in self.articles:
            writer.add_document(tantivy.Document(id=article.id, title=article.title or "", body=article.body))
        writer.commit()
        writer.wait_merging_threads()
        index.reload()
        self.index = index
        print(f"  {self.name}: indexed {len(self.articles)} articles", file=sys.stderr)

    def search(self, text: str) -> tuple[list[str], int]:
        query_text = tantivy_query(text)
        if not query_text:
            return [], 0
        index = self.index
        try:
            query = index.parse_query(query_text, ["title", "body"], field_boosts={"title": self.title_boost},
                                      conjunction_by_default=self.conjunction)
        except ValueError:
            return [], 0
        searcher = index.searcher()
        result = searcher.search(query, CUTOFF, count=True)
        ids = [searcher.doc(address)["id"][0] for _score, address in result.hits]
        return ids, result.count or 0


VARIANTS = (  # name, searchapp overrides (None: tantivy), tantivy conjunction
    ("(a) searchapp", {}, None),
    ("(b) no stemming", {"analysis.stemming": False}, None),
    ("(c) no exact boost", {"ranking.exact_boost": 0.0}, None),
    ("(d) tantivy AND", None, True),
    ("(d') tantivy OR", None, False),
)
