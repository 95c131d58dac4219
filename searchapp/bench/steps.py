"""Where indexing time goes: each step an indexing worker takes for an article, timed apart in one
process over a sample of the bench's own articles, beside the steps of the whole run that the indexer's
summary prints (`searchapp.index.report`)."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import whoosh.index

from searchapp.config import Settings
from searchapp.documents import DocumentContext
from searchapp.extract.fingerprint import fingerprint
from searchapp.index.schema import build_schema
from searchapp.index.whoosh27_writing import finish_segment, segment_writer
from searchapp.ingest.corpus import Article, read_corpus

SAMPLE = 2_000  # articles timed …
WARM = 1_000  # … after this many, so the stemmer's and the analyzer's caches hold a run's common words
_STEP = re.compile(r"(\w[\w -]*?) ([\d.]+) s")


@dataclass(frozen=True)
class StepCosts:
    articles: int  # timed …
    warmed: int  # … after this many
    ms: dict[str, float]  # step → milliseconds an article

    def line(self) -> str:
        total = sum(self.ms.values())
        if not self.articles or not total:
            return "per article: no articles to time"
        steps = ", ".join(f"{name} {ms:.3f}" for name, ms in self.ms.items())
        return (f"per article, one process, {self.articles:,} articles after {self.warmed:,} to warm up (ms): "
                f"{steps}; {total:.2f} in all, {1000 / total:.0f} articles/s a worker")


def run_steps(summary: str) -> dict[str, float]:
    """The seconds of each step of a whole run, read from the indexer's summary (its `steps:` line)."""
    for line in summary.splitlines():
        if line.strip().startswith("steps:"):
            return {name.strip(): float(seconds) for name, seconds in _STEP.findall(line.split(":", 1)[1])}
    return {}


def step_costs(settings: Settings, corpus: Path, sample: int = SAMPLE, warm: int = WARM) -> StepCosts:
    """Milliseconds an article for each step a worker takes: reading (JSON, repair of mojibake and
    markup), boilerplate, extraction (outlet, date, people, title), the fingerprint, the rest of the
    document, analysis into the segment's postings, and the segment's final flush (over every article
    the segment holds). A corpus smaller than *warm* + *sample* warms up on a third of its articles."""
    started = time.perf_counter()
    articles = [item for item in islice(read_corpus(corpus), warm + sample) if isinstance(item, Article)]
    reading = time.perf_counter() - started
    warm = min(warm, len(articles) // 3)
    builder = DocumentContext(settings, dt.date.today()).load()
    with tempfile.TemporaryDirectory(prefix="searchapp-steps-") as folder:
        writer = segment_writer(whoosh.index.create_in(folder, build_schema(settings)), settings.writer_mb)
        for article in articles[:warm]:
            writer.add_document(**builder.document(article))
        timed = articles[warm:]
        bodies = [builder.body(article, builder.stated_outlet(article)[0]) for article in timed]
        pairs = list(zip(timed, bodies, strict=True))
        seconds = {
            "boilerplate": _each(timed, lambda a: builder.body(a, builder.stated_outlet(a)[0])),
            "extraction": _each(pairs, lambda pair: builder.metadata(*pair)),  # new words met, as a worker does
            "fingerprint": _each(bodies, fingerprint),
        }
        documents = [builder.document(article) for article in timed]
        # what the document adds to its parts, all of them timed again with their words known
        rest = _each(timed, builder.document) - _each(pairs, lambda pair: builder.metadata(*pair))
        seconds["rest of the document"] = max(0.0, rest - seconds["boilerplate"] - seconds["fingerprint"])
        seconds["analysis and postings"] = _each(documents, lambda document: writer.add_document(**document))
        flushing = time.perf_counter()
        finish_segment(writer)
        flush = (time.perf_counter() - flushing) / max(len(articles), 1)
    if not timed:
        return StepCosts(0, warm, {})
    ms = {"reading": reading / len(articles) * 1000, **{name: s / len(timed) * 1000 for name, s in seconds.items()},
          "final flush": flush * 1000}
    return StepCosts(len(timed), warm, ms)


def _each(items: list, step: Callable) -> float:
    started = time.perf_counter()
    for item in items:
        step(item)
    return time.perf_counter() - started
