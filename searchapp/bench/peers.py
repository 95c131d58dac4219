"""The peers of `searchapp bench`: SQLite FTS5 and tantivy-py, fed the same Sastrawi roots as searchapp.

Both index and are asked the roots searchapp's analyzer makes, so the comparison is of the engines,
not of their Indonesian analysis.
"""

from __future__ import annotations

import sqlite3
import statistics
import time
from collections.abc import Iterable
from pathlib import Path

from searchapp.bench.timing import EngineFigures, folder_mb, percentile, rss_mb, time_queries
from searchapp.bench.workload import BenchQuery
from searchapp.index.analysis import QueryAnalysis


def stemmed(text: str, analysis: QueryAnalysis) -> str:
    """*text* as the roots searchapp's analyzer makes of it (what the peers index and are asked)."""
    return " ".join(term.root for term in analysis.words(text))


def peer_query_words(query: BenchQuery, analysis: QueryAnalysis) -> tuple[list[str], bool]:
    return stemmed(query.text, analysis).split(), query.text.startswith('"')


def bench_fts5(records: Iterable[dict], folder: Path, queries: list[BenchQuery], size: int,
               analysis: QueryAnalysis) -> EngineFigures:
    path = folder / "fts5.db"
    db = sqlite3.connect(path, check_same_thread=False)
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, raw UNINDEXED, outlet UNINDEXED)")
    started = time.perf_counter()
    with db:
        db.executemany("INSERT INTO docs VALUES (?, ?, ?, ?)",
                       ((stemmed(r.get("title") or "", analysis), stemmed(r["body"], analysis),
                         r["body"], r.get("outlet") or "") for r in records))
    seconds = time.perf_counter() - started

    def run(query: BenchQuery) -> int:
        words, phrase = peer_query_words(query, analysis)
        if not words:
            return 0
        match = '"' + " ".join(words) + '"' if phrase else " AND ".join(f'"{w}"' for w in words)
        where, params = "docs MATCH ?", [match]
        facet = db.execute(f"SELECT outlet, count(*) FROM docs WHERE {where} GROUP BY outlet", params).fetchall()
        if query.outlet:
            where += " AND outlet = ?"
            params.append(query.outlet)
        total = db.execute(f"SELECT count(*) FROM docs WHERE {where}", params).fetchone()[0]
        db.execute(f"SELECT rowid, snippet(docs, 1, '<mark>', '</mark>', '…', 30) FROM docs WHERE {where} "
                   "ORDER BY bm25(docs, 2.0, 1.0) LIMIT 10", params).fetchall()
        return total if facet is not None else 0

    timings, broad, _ = time_queries(run, queries, size)
    return EngineFigures("SQLite FTS5 (Sastrawi roots)", size / seconds, path.stat().st_size / 2**20, rss_mb(),
                         statistics.median(timings), percentile(timings, 0.95),
                         statistics.median(broad) if broad else None, percentile(broad, 0.95) if broad else None,
                         note="snippets are of the stemmed text")


def bench_tantivy(records: Iterable[dict], folder: Path, queries: list[BenchQuery], size: int,
                  analysis: QueryAnalysis) -> EngineFigures | None:
    try:
        import tantivy
    except ImportError:
        return None
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("title", stored=False, tokenizer_name="whitespace")
    builder.add_text_field("body", stored=True, tokenizer_name="whitespace")
    builder.add_text_field("outlet", stored=True, tokenizer_name="raw", fast=True)
    schema = builder.build()
    index = tantivy.Index(schema, path=str(folder))
    writer = index.writer(heap_size=256 * 2**20, num_threads=2)
    started = time.perf_counter()
    for r in records:
        writer.add_document(tantivy.Document(title=stemmed(r.get("title") or "", analysis),
                                             body=stemmed(r["body"], analysis), outlet=r.get("outlet") or ""))
    writer.commit()
    writer.wait_merging_threads()
    seconds = time.perf_counter() - started
    index.reload()
    searcher = index.searcher()
    snippets = {}

    def run(query: BenchQuery) -> int:
        words, phrase = peer_query_words(query, analysis)
        if not words:
            return 0
        text = '"' + " ".join(words) + '"' if phrase else " AND ".join(words)
        parsed = index.parse_query(text, ["title", "body"])
        facet = searcher.aggregate(parsed, {"outlets": {"terms": {"field": "outlet", "size": 50}}})
        if query.outlet:
            parsed = tantivy.Query.boolean_query([
                (tantivy.Occur.Must, parsed),
                (tantivy.Occur.Must, tantivy.Query.term_query(schema, "outlet", query.outlet)),
            ])
        result = searcher.search(parsed, 10, count=True)
        generator = snippets.get(text)
        if generator is None:
            generator = snippets[text] = tantivy.SnippetGenerator.create(searcher, parsed, schema, "body")
        for _score, address in result.hits:
            generator.snippet_from_doc(searcher.doc(address)).to_html()
        return result.count if facet is not None else 0

    timings, broad, _ = time_queries(run, queries, size)
    return EngineFigures("tantivy-py (Sastrawi roots)", size / seconds, folder_mb(folder), rss_mb(),
                         statistics.median(timings), percentile(timings, 0.95),
                         statistics.median(broad) if broad else None, percentile(broad, 0.95) if broad else None)
