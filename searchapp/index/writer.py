"""Building and updating the index: incremental by content hash, atomic on rebuild.

Layout of the index folder::

    index/
      CURRENT            name of the live generation folder (replaced atomically)
      gen-<time>/        a complete Whoosh index
      .indexer.lock      held (flock) by the one indexer allowed at a time

An incremental run writes into the live generation through Whoosh's own commit, which readers only see
once its table of contents is written. A rebuild writes a new generation beside it and switches
``CURRENT`` with one rename, so a reader never sees a half-built index and a crash leaves the old one.

The costly part of indexing a document — metadata extraction and Sastrawi analysis — runs in worker
processes; the main process feeds the pre-analysed tokens to Whoosh's writer.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import multiprocessing
import os
import queue
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import whoosh.index
from whoosh.index import Index
from whoosh.writing import SegmentWriter

from searchapp.config import Settings
from searchapp.errors import IndexLockedError, SearchappError
from searchapp.extract import extract_metadata
from searchapp.extract.outlet import OutletTable
from searchapp.extract.people import PeopleRegistry
from searchapp.index.schema import build_schema
from searchapp.ingest.corpus import Article, Skipped, corpus_files, read_corpus
from searchapp.search.request import UNKNOWN_OUTLET

POINTER = "CURRENT"
LOCK = ".indexer.lock"
PARALLEL_THRESHOLD = 64  # fewer changed articles than this are written in-process
WRITER_MB = 256  # memory of each Whoosh writer's posting pool
# Segments are written as separate files, not one compound file: Whoosh 2.7 on Python 3 opens a compound
# file's parts through BytesIO(memoryview), which copies the whole posting file into every reader.


@dataclass
class IndexReport:
    added: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    rebuilt: bool = False

    @property
    def written(self) -> int:
        return self.added + self.updated

    @property
    def docs_per_second(self) -> float:
        return self.written / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        lines = [
            f"{'Rebuilt' if self.rebuilt else 'Updated'} index: {self.added} added, {self.updated} updated, "
            f"{self.deleted} deleted, {self.unchanged} unchanged, {len(self.skipped)} skipped "
            f"in {self.seconds:.1f} s ({self.docs_per_second:.0f} docs/s)"
        ]
        lines += [f"  skipped {item}" for item in self.skipped]
        lines += [f"  warning {item}" for item in self.warnings]
        return "\n".join(lines)


# ---------------------------------------------------------------------------------------------------
# The index folder


def current_generation(root: Path) -> Path | None:
    """The live generation folder, or None when no index has been published."""
    try:
        name = (root / POINTER).read_text(encoding="utf-8").strip()
    except (FileNotFoundError, NotADirectoryError):
        return None
    path = root / name
    return path if name and path.is_dir() else None


def open_index(root: Path) -> Index | None:
    """The live index, or None when there is none yet."""
    generation = current_generation(root)
    if generation is None or not whoosh.index.exists_in(str(generation)):
        return None
    return whoosh.index.open_dir(str(generation))


def index_exists(root: Path) -> bool:
    generation = current_generation(root)
    return generation is not None and whoosh.index.exists_in(str(generation))


def _publish(root: Path, generation: Path) -> None:
    """Make *generation* the live index with one atomic rename, then drop older generations but the one
    it replaces (a server may be opening that one right now; it goes at the next publish)."""
    previous = current_generation(root)
    temporary = root / f".{POINTER}.{os.getpid()}"
    temporary.write_text(generation.name + "\n", encoding="utf-8")
    with open(temporary, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(temporary, root / POINTER)
    for old in root.glob("gen-*"):
        if old not in (generation, previous) and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)  # open readers keep their files (POSIX)


@contextmanager
def indexer_lock(root: Path) -> Iterator[None]:
    """Exclusive right to write the index folder; IndexLockedError when another indexer has it."""
    root.mkdir(parents=True, exist_ok=True)
    with open(root / LOCK, "a+") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise IndexLockedError(
                f"index is locked by another indexer ({root}); wait for it to finish"
            ) from None
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


# ---------------------------------------------------------------------------------------------------
# Turning articles into index documents (runs in worker processes)


@dataclass(frozen=True)
class AnalysisContext:
    """Everything a worker needs to turn an article into an index document."""

    settings: Settings
    today: dt.date

    def load(self) -> _Analyser:
        return _Analyser(self)


class _Analyser:
    def __init__(self, context: AnalysisContext) -> None:
        settings = context.settings
        self.today = context.today
        self.outlets = OutletTable.load(settings.outlets_file)
        self.people = PeopleRegistry.load(settings.people_file)

    def document(self, article: Article) -> dict:
        latest = min(self.today, article.collected) if article.collected else self.today
        meta = extract_metadata(article.body, url=article.url, outlets=self.outlets, people=self.people,
                                today=latest, title=article.title)
        outlet_slug, outlet_name = meta.outlet, None
        if article.outlet:
            outlet_slug, outlet_name = resolve_outlet(self.outlets, article.outlet)
            outlet_slug = outlet_slug or meta.outlet
        if outlet_slug and not outlet_name:
            known = self.outlets.get(outlet_slug)
            outlet_name = known.name if known else outlet_slug
        date = article.date or meta.date
        people = article.people if article.people is not None else meta.people
        doc = {
            "id": article.id,
            # A title inferred from the lead repeats the body: stored to be shown, not indexed as a headline.
            "title": meta.title if article.title else "",
            "_stored_title": meta.title,
            "body": article.body,
            "people": ",".join(p.replace(",", " ") for p in people),
            "_stored_people": list(people),
            "source": article.source,
            "content_hash": article.content_hash.encode("ascii"),
        }
        optional = {
            "outlet": outlet_slug, "outlet_name": outlet_name,
            "date": dt.datetime.combine(date, dt.time()) if date else None,
            "reporter": article.reporter or meta.reporter, "editor": article.editor or meta.editor,
            "url": article.url,
        }
        doc.update({key: value for key, value in optional.items() if value})
        return doc


def resolve_outlet(table: OutletTable, stated: str) -> tuple[str | None, str | None]:
    """Slug and display name of an outlet stated explicitly (slug, name, alias or host); an outlet the
    configuration does not know keeps its name and gets a slug made of it."""
    known = table.from_alias(stated) or table.from_host(f"http://{stated.strip()}")
    if known is not None:
        return known.slug, known.name
    slug = "-".join("".join(c if c.isalnum() else " " for c in stated.strip().lower()).split())
    if not slug or slug == UNKNOWN_OUTLET:  # "unknown" is the filter for articles without an outlet
        return None, None
    return slug, stated.strip()


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# ---------------------------------------------------------------------------------------------------
# The indexing run


class Progress:
    """A one-line progress bar on a terminal; a line every 10% otherwise (logs)."""

    def __init__(self, total: int, stream=sys.stderr, label: str = "indexing") -> None:
        self.total, self.stream, self.label = total, stream, label
        self.done = 0
        self.started = time.monotonic()
        self.tty = hasattr(stream, "isatty") and stream.isatty()
        self._last_tenth = 0

    def advance(self, count: int = 1) -> None:
        self.done += count
        if not self.total:
            return
        elapsed = time.monotonic() - self.started
        rate = self.done / elapsed if elapsed else 0.0
        if self.tty:
            width = 30
            filled = int(width * self.done / self.total)
            bar = "#" * filled + "-" * (width - filled)
            self.stream.write(f"\r{self.label} [{bar}] {self.done}/{self.total} {rate:.0f} docs/s")
            if self.done >= self.total:
                self.stream.write("\n")
            self.stream.flush()
        elif self.total >= 1000 and self.done * 10 // self.total > self._last_tenth:
            self._last_tenth = self.done * 10 // self.total
            self.stream.write(f"{self.label}: {self.done}/{self.total} ({rate:.0f} docs/s)\n")
            self.stream.flush()


def build_index(settings: Settings, *, rebuild: bool = False, today: dt.date | None = None,
                progress: Callable[[int], Progress] | None = None) -> IndexReport:
    """Bring the index in line with the corpus: write new and changed articles, delete removed ones.

    With *rebuild*, or when there is no index yet, a complete new generation is built and published
    atomically. Raises IndexLockedError when another indexer is running.
    """
    root = settings.index
    report = IndexReport()
    started = time.monotonic()
    context = AnalysisContext(settings, today or dt.date.today())
    context.load()  # fail early, before any writing, on a bad outlets or people file …
    settings.load_stopwords()  # … or stopwords file
    with indexer_lock(root):
        existing = None if rebuild else open_index(root)
        report.rebuilt = existing is None
        known = known_documents(existing) if existing is not None else {}

        seen: set[str] = set()

        def changed_articles() -> Iterator[Article]:
            for item in read_corpus(settings.corpus):
                if isinstance(item, Skipped):
                    report.skipped.append(item)
                    continue
                if item.id in seen:
                    report.skipped.append(Skipped(item.source, f"duplicate id {item.id!r}"))
                    continue
                seen.add(item.id)
                report.warnings += [f"{item.source}: {warning}" for warning in item.warnings]
                if known.get(item.id) == item.content_hash:
                    report.unchanged += 1
                else:
                    yield item

        def removed() -> list[str]:  # known only once the corpus has been read through
            return [doc_id for doc_id in known if doc_id not in seen]

        expected = estimate_articles(settings.corpus) - len(known)
        if existing is None:
            generation = Path(tempfile.mkdtemp(prefix=f"gen-{time.strftime('%Y%m%d%H%M%S')}-", dir=root))
            try:
                index = whoosh.index.create_in(str(generation), build_schema(settings))
                _write(index, changed_articles(), removed, context, settings, report, known, expected, progress)
            except BaseException:
                shutil.rmtree(generation, ignore_errors=True)
                raise
            _publish(root, generation)
        else:
            _write(existing, changed_articles(), removed, context, settings, report, known, expected, progress)
    report.seconds = time.monotonic() - started
    return report


def known_documents(index: Index) -> dict[str, str]:
    """Content hash of every document in the index, by id (read from columns, not stored text)."""
    with index.reader() as reader:
        ids = reader.column_reader("id")
        hashes = reader.column_reader("content_hash")
        return {ids[docnum]: hashes[docnum].decode("ascii") for docnum in reader.all_doc_ids()}


def estimate_articles(root: Path) -> int:
    """Articles below *root*, counted cheaply (lines of JSONL files, one per other file)."""
    total = 0
    for path in corpus_files(root):
        if path.suffix.lower() == ".jsonl":
            with open(path, "rb") as handle:
                total += sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
        else:
            total += 1
    return total


def _write(index: Index, changed: Iterable[Article], removed: Callable[[], list[str]], context: AnalysisContext,
           settings: Settings, report: IndexReport, known: dict[str, str], expected: int,
           progress: Callable[[int], Progress] | None) -> None:
    bar = progress(max(expected, 0)) if progress else None
    if settings.workers > 1 and expected >= PARALLEL_THRESHOLD:
        _write_parallel(index, changed, removed, context, settings, report, known, bar)
        return
    analyser = context.load()
    writer = index.writer(limitmb=WRITER_MB, compound=False)
    try:
        for article in changed:
            document = analyser.document(article)
            if document["id"] in known:
                writer.update_document(**document)
                report.updated += 1
            else:
                writer.add_document(**document)
                report.added += 1
            if bar:
                bar.advance()
        for doc_id in removed():
            writer.delete_by_term("id", doc_id)
            report.deleted += 1
        if report.written or report.deleted:
            writer.commit()
        else:
            writer.cancel()
    except BaseException:
        writer.cancel()
        raise


# ---------------------------------------------------------------------------------------------------
# Parallel writing: each worker process extracts, analyses and writes a segment of its own; the main
# process reads the corpus, deletes old versions and publishes all segments in one table of contents
# (the way Whoosh's own multi-segment writer works, with our analysis inside the workers).


def _segment_worker(context: AnalysisContext, folder: str, indexname: str, jobs, results) -> None:
    try:
        analyser = context.load()
        index = whoosh.index.open_dir(folder, indexname=indexname)
        writer = SegmentWriter(index, _lk=False, limitmb=WRITER_MB, compound=False)
        while (batch := jobs.get()) is not None:
            for article in batch:
                writer.add_document(**analyser.document(article))
            results.put(("progress", len(batch)))
        if writer._added:
            segment = writer._finalize_segment()
        else:
            writer._close_segment()
            segment = None
        results.put(("segment", segment))  # the temporary folder is shared: the main writer removes it
    except BaseException as error:  # reported to the main process, which cancels the run
        results.put(("error", f"{type(error).__name__}: {error}"))


def _write_parallel(index: Index, changed: Iterable[Article], removed: Callable[[], list[str]],
                    context: AnalysisContext, settings: Settings, report: IndexReport, known: dict[str, str],
                    bar: Progress | None) -> None:
    processes = multiprocessing.get_context("fork")
    jobs = processes.Queue(maxsize=settings.workers * 2)
    results = processes.Queue()
    workers = [processes.Process(target=_segment_worker, daemon=True,
                                 args=(context, index.storage.folder, index.indexname, jobs, results))
               for _ in range(settings.workers)]
    for worker in workers:
        worker.start()
    writer = index.writer(compound=False)  # holds the index lock: deletions and the final table of contents
    segments = []

    def handle(message: tuple) -> None:
        if message[0] == "progress":
            if bar:
                bar.advance(message[1])
        elif message[0] == "segment":
            segments.append(message[1])
        else:
            raise SearchappError(f"an indexing worker failed: {message[1]}")

    def drain(wait: bool = False) -> None:
        """Handle the workers' waiting messages; with *wait*, wait up to a second for one."""
        try:
            handle(results.get(timeout=1.0) if wait else results.get_nowait())
        except queue.Empty:
            if any(worker.exitcode not in (None, 0) for worker in workers):
                raise SearchappError("an indexing worker died") from None
            return
        while True:
            try:
                handle(results.get_nowait())
            except queue.Empty:
                return

    def put(job: list[Article] | None) -> None:
        """Queue a job, handling the workers' messages while the queue is full (so a dead worker is
        noticed instead of waited for)."""
        while True:
            try:
                jobs.put(job, timeout=0.5)
                return
            except queue.Full:
                drain()

    try:
        for batch in _batches(changed, settings.batch_size):
            for article in batch:
                if article.id in known:
                    writer.delete_by_term("id", article.id)  # the new version comes in a worker's segment
                    report.updated += 1
                else:
                    report.added += 1
            put(batch)
            drain()
        for doc_id in removed():
            writer.delete_by_term("id", doc_id)
            report.deleted += 1
        for _ in workers:
            put(None)  # end of work
        while len(segments) < len(workers):
            drain(wait=True)
        for worker in workers:
            worker.join()
        if not report.written and not report.deleted:
            writer.cancel()
            return
        # Whoosh's merge policy may copy small existing segments into this writer: flush them as a segment.
        final = writer._merge_segments(None, None, None)
        if writer._added:
            final.append(writer._finalize_segment())
        else:
            writer._close_segment()
        final += [s for s in segments if s is not None]
        writer._commit_toc(final)
        writer._finish()
    except BaseException:
        for worker in workers:
            worker.kill()
        writer.cancel()
        raise
