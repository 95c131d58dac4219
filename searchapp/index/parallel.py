"""Parallel writing: each worker process extracts, analyses and writes a segment of its own; the main
process reads the corpus, deletes old versions and publishes all segments in one table of contents (the
way Whoosh's own multi-segment writer works, with our analysis inside the workers).

A run never hangs and never leaves a process behind: a failed or interrupted run kills its workers and
lets go of its queues (whose feeder threads would otherwise wait forever on pipes nobody reads), and a
worker whose indexer was killed notices within a second and exits, whatever it was doing.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import queue
import threading
import time
from collections.abc import Iterable, Iterator
from typing import Any

import whoosh.index

from searchapp.documents import DocumentContext
from searchapp.errors import SearchappError
from searchapp.index.whoosh27_writing import commit_segments, fast_flush, finish_segment, segment_writer
from searchapp.ingest.corpus import Article
from searchapp.ingest.files import Skipped

ORPHAN_CHECK_SECONDS = 0.5
# A worker makes next to no reference cycles (about one an article: 976 objects over 5,000 real ones), but
# Python's collector, run as objects are allocated, walks the whole growing pool of postings again and
# again (4-5% of a worker's time): it runs once every this many articles instead.
COLLECT_EVERY = 10_000


def _segment_worker(context: DocumentContext, folder: str, indexname: str, writer_mb: int, jobs, results,
                    parent: int) -> None:
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()
    gc.disable()
    try:
        builder = context.load()
        writer = segment_writer(whoosh.index.open_dir(folder, indexname=indexname), writer_mb)
        done = 0
        while (batch := jobs.get()) is not None:
            for article in batch:
                document = builder.document_or_skipped(article)
                if isinstance(document, Skipped):
                    results.put(("skipped", document, article.id))
                else:
                    writer.add_document(**document)
            results.put(("progress", len(batch)))
            done += len(batch)
            if done // COLLECT_EVERY != (done - len(batch)) // COLLECT_EVERY:
                gc.collect()
        results.put(("segment", finish_segment(writer)))  # the main writer removes the shared temporary folder
    except BaseException as error:  # reported to the main process, which cancels the run
        results.put(("error", f"{type(error).__name__}: {error}"))


def _exit_when_orphaned(parent: int) -> None:
    """End this worker when the indexer that started it is gone (killed): whatever the worker is doing,
    reading a job half-written by the dead indexer included, nothing is left to finish or report."""
    while os.getppid() == parent:
        time.sleep(ORPHAN_CHECK_SECONDS)
    os._exit(1)


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def write_parallel(run: Any) -> None:
    """Write the changes of *run* (a `searchapp.index.writer` run) through `settings.workers` processes."""
    settings, report = run.settings, run.report
    processes = multiprocessing.get_context("fork")
    jobs = processes.Queue(maxsize=settings.workers * 2)
    results = processes.Queue()
    workers = [processes.Process(target=_segment_worker, daemon=True,
                                 args=(run.context, run.index.storage.folder, run.index.indexname,
                                       settings.writer_mb, jobs, results, os.getpid()))
               for _ in range(settings.workers)]
    for worker in workers:
        worker.start()
    # holds the index lock: deletions, the segments Whoosh's merge policy merges, the final table of contents
    writer = fast_flush(run.index.writer(compound=False))
    segments = []
    replaced: set[str] = set()  # ids whose version in the index a worker's segment replaces

    def handle(message: tuple) -> None:
        if message[0] == "progress":
            if run.bar:
                run.bar.advance(message[1])
        elif message[0] == "segment":
            segments.append(message[1])
        elif message[0] == "skipped":  # counted as added or updated when it was sent: it is neither
            report.skipped.append(message[1])
            if message[2] in run.known:
                report.updated -= 1
                replaced.discard(message[2])  # its version in the index stays
            else:
                report.added -= 1
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
        for batch in _batches(run.changed, settings.batch_size):
            for article in batch:
                if report.count(article, run.known):
                    replaced.add(article.id)  # the new version comes in a worker's segment
            put(batch)
            drain()
        for doc_id in run.removed():
            writer.delete_by_term("id", doc_id)
            report.deleted += 1
        for _ in workers:
            put(None)  # end of work
        while len(segments) < len(workers):
            drain(wait=True)
        for worker in workers:
            worker.join()
        for doc_id in replaced:  # only now: an old version stays when its new one could not be analysed
            writer.delete_by_term("id", doc_id)
        if not report.written and not report.deleted:
            writer.cancel()
            return
        commit_segments(writer, segments)
    except BaseException:
        for worker in workers:
            worker.kill()
        for worker in workers:
            worker.join(timeout=5)
        for channel in (jobs, results):  # their feeder threads would wait forever on pipes nobody reads
            channel.cancel_join_thread()
            channel.close()
        writer.cancel()
        raise
