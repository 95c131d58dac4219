"""Building and updating the index: incremental by content hash, atomic on rebuild (the folder layout
and publishing are in `searchapp.index.generations`).

The costly part of indexing a document — metadata extraction and Sastrawi analysis — runs in worker
processes, which write a segment each; the main process reads the corpus, deletes old versions and
publishes every segment in one table of contents. Small runs are written in-process.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import whoosh.index
from whoosh.index import Index

from searchapp.config import Settings
from searchapp.documents import DocumentContext, document_hash
from searchapp.errors import CorruptIndexError
from searchapp.index.generations import STORIES, UNREADABLE, drop_abandoned, indexer_lock, open_index, publish
from searchapp.index.parallel import write_parallel
from searchapp.index.progress import Progress
from searchapp.index.report import IndexReport
from searchapp.index.routing import shard_of
from searchapp.index.schema import build_schema
from searchapp.index.stories import read_stories, write_stories
from searchapp.index.vocabulary import VOCABULARY, write_vocabulary
from searchapp.index.whoosh27 import column_values
from searchapp.index.whoosh27_writing import fast_flush
from searchapp.ingest.corpus import Article, read_corpus
from searchapp.ingest.files import Skipped, corpus_files
from searchapp.ingest.identity import identity_key, newest_versions

PARALLEL_THRESHOLD = 64  # fewer changed articles than this are written in-process
# Segments are written as separate files, not one compound file: Whoosh 2.7 on Python 3 opens a compound
# file's parts through BytesIO(memoryview), which copies the whole posting file into every reader.


@dataclass
class _Run:
    """One indexing run: what it writes, into which index, and what it counts."""

    index: Index
    changed: Iterable[Article]
    removed: Callable[[], list[str]]  # known only once the corpus has been read through
    context: DocumentContext
    settings: Settings
    report: IndexReport
    known: dict[str, str]
    bar: Progress | None


def build_index(settings: Settings, *, rebuild: bool = False, today: dt.date | None = None,
                progress: Callable[[int], Progress] | None = None, shard: tuple[int, int] | None = None) -> IndexReport:
    """Bring the index in line with the corpus: write new and changed articles, delete removed ones.

    With *rebuild*, or when there is no index yet, a complete new generation is built and published
    atomically. Raises IndexLockedError when another indexer is running. With *shard* ``(number, of)``
    only the articles of that shard are indexed (`searchapp.index.shards`, which groups the stories of
    every shard together: they are not grouped here).
    """
    root = settings.index
    report = IndexReport()
    started = time.monotonic()
    context = DocumentContext(settings, today or dt.date.today())
    context.load()  # fail early, before any writing, on a bad outlets or people file …
    state = context.state()
    settings.load_stopwords()  # … or stopwords file
    with indexer_lock(root):
        abandoned = drop_abandoned(root)
        if abandoned:
            report.warnings.append(f"removed {len(abandoned)} half-written generation(s) of an interrupted rebuild")
        existing = None if rebuild else open_index(root)
        schema = build_schema(settings)
        if existing is not None and set(schema.names()) - set(existing.schema.names()):
            # built by an earlier searchapp: its documents lack fields every document now has
            report.warnings.append("the index lacks fields searchapp writes (an earlier version, or another "
                                   "program, built it): rebuilt")
            existing = None
        elif existing is not None and existing.schema["body"].analyzer != schema["body"].analyzer:
            # its words were analysed otherwise (stemming, exclusions, function words): one rule for all
            report.warnings.append("the text analysis changed since the index was built: rebuilt")
            existing = None
        report.rebuilt = existing is None
        try:
            known = known_documents(existing) if existing is not None else {}
        except UNREADABLE as error:  # a damaged segment: only a rebuild mends it
            raise CorruptIndexError(root, error) from None
        seen: set[str] = set()
        step = time.monotonic()
        newest = newest_versions(read_corpus(settings.corpus))  # a first, light pass: no extraction
        report.phases["versions"] = time.monotonic() - step
        step = time.monotonic()

        again = 0  # unchanged articles indexed under another state (`DocumentContext.state`)

        def changed_articles() -> Iterator[Article]:
            nonlocal again
            for item in read_corpus(settings.corpus):
                if isinstance(item, Skipped):
                    report.skipped.append(item)
                    continue
                if shard is not None and shard_of(item.id, shard[1]) != shard[0]:
                    continue
                if newest.get(identity_key(item), item.source) != item.source:
                    report.replaced += 1
                    continue
                if item.id in seen:
                    report.skipped.append(Skipped(item.source, f"duplicate id {item.id!r}"))
                    continue
                seen.add(item.id)
                report.warnings += [f"{item.source}: {warning}" for warning in item.warnings]
                previous = known.get(item.id)
                if previous == document_hash(item, state):
                    report.unchanged += 1
                else:
                    again += previous is not None and previous.partition("/")[0] == item.content_hash
                    yield item

        def removed() -> list[str]:
            return [doc_id for doc_id in known if doc_id not in seen]

        expected = max(estimate_articles(settings.corpus) - len(known), 0)
        bar = progress(expected) if progress else None

        def run(index: Index) -> _Run:
            return _Run(index, changed_articles(), removed, context, settings, report, known, bar)

        parallel = settings.workers > 1 and expected >= PARALLEL_THRESHOLD
        write = write_parallel if parallel else _write
        if existing is None:
            generation = Path(tempfile.mkdtemp(prefix=f"gen-{time.strftime('%Y%m%d%H%M%S')}-", dir=root))
            try:
                index = whoosh.index.create_in(str(generation), schema)
                write(run(index))
                report.phases["write"] = time.monotonic() - step
                report.in_stories = _group(index, generation, report.phases, stories=shard is None)
            except BaseException:
                shutil.rmtree(generation, ignore_errors=True)
                raise
            publish(root, generation)
        else:
            write(run(existing))
            report.phases["write"] = time.monotonic() - step
            folder = Path(existing.storage.folder)
            beside = (VOCABULARY,) if shard else (STORIES, VOCABULARY)  # a shard's stories are its set's
            if report.written or report.deleted or not all((folder / name).exists() for name in beside):
                report.in_stories = _group(existing, folder, report.phases, stories=shard is None)
            else:
                report.in_stories = len(read_stories(folder))
        if again:
            report.warnings.append(f"{again} articles were indexed under other extraction rules or outlet, "
                                   "people or boilerplate files: extracted again")
    report.seconds = time.monotonic() - started
    return report


def _group(index: Index, folder: Path, phases: dict[str, float], stories: bool = True) -> int:
    """Write the index's vocabulary for did-you-mean, then group its articles into stories (after every
    change, over all of them; the stories last, as the engine notices a new generation by them)."""
    with index.reader() as reader:
        step = time.monotonic()
        write_vocabulary(folder, reader)
        phases["vocabulary"] = time.monotonic() - step
        if not stories:
            return 0
        step = time.monotonic()
        grouped = write_stories(folder, reader)
        phases["stories"] = time.monotonic() - step
        return grouped


def known_documents(index: Index) -> dict[str, str]:
    """Content hash of every live document in the index, by id (read from columns, not stored text)."""
    with index.reader() as reader:
        ids = column_values(reader, "id", translate=True)
        hashes = column_values(reader, "content_hash")
        return {ids[docnum]: hashes[docnum].decode("ascii") for docnum in reader.all_doc_ids()}


def estimate_articles(root: Path) -> int:
    """Articles below *root*, counted cheaply (lines of JSONL files, one per other file)."""
    total = 0
    for path in corpus_files(root):
        if path.suffix.lower() == ".jsonl":
            try:
                with open(path, "rb") as handle:
                    total += sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
            except OSError:  # unreadable: the run itself reports it
                total += 1
        else:
            total += 1
    return total


def _write(run: _Run) -> None:
    """Write in this process, through Whoosh's own writer and commit."""
    builder = run.context.load()
    writer = fast_flush(run.index.writer(limitmb=run.settings.writer_mb, compound=False))
    try:
        for article in run.changed:
            document = builder.document_or_skipped(article)
            if isinstance(document, Skipped):
                run.report.skipped.append(document)
                continue
            if run.report.count(article, run.known):
                writer.update_document(**document)
            else:
                writer.add_document(**document)
            if run.bar:
                run.bar.advance()
        for doc_id in run.removed():
            writer.delete_by_term("id", doc_id)
            run.report.deleted += 1
        if run.report.written or run.report.deleted:
            writer.commit()
        else:
            writer.cancel()
    except BaseException:
        writer.cancel()
        raise
