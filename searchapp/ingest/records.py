"""What an import writes: corpus records in ``.jsonl`` shards, the problems it met, and its summary.

Output is written in shards of ``--shard-size`` articles (``<prefix>-0001.jsonl``, …), first under hidden
names, then renamed into place, replacing the shards of an earlier import with the same prefix (and only
those: another export imported into the same folder stays). One record per id across all input files, the
newest version winning; a record that cannot be imported is reported with its file and line and skipped.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from searchapp.extract.outlet import OutletTable
from searchapp.ingest.datetimes import WIB, Stamp

DEFAULT_SHARD_SIZE = 5000
SHARD_BYTES = 32 * 2**20  # well below what the corpus reader accepts in one file (corpus.MAX_FILE_BYTES)
MAX_LISTED = 50

OUTLET_OF_SOURCE = {  # IndoSum `source` → outlet slug, for names the outlet table may not know
    "cnn indonesia": "cnn-indonesia",
    "dailysocial.id": "dailysocial",
    "juara.net": "juara",
    "goal indonesia": "goal-indonesia",
}



@dataclass(frozen=True)
class Problem:
    """A record that was skipped (``skip``) or kept with something dropped (``warning``)."""

    where: str  # path:line
    reason: str
    kind: str = "skip"  # or "warning"
    row: bool = True  # False: about a whole file (not counted as a record read)

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass
class ImportSummary:
    format: str
    out: Path
    read: int = 0
    written: int = 0
    replaced: int = 0  # records of an id (URL) seen before: the newest version kept
    files: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def skipped(self) -> list[Problem]:
        return [p for p in self.problems if p.kind == "skip"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.kind == "warning"]

    def format_text(self, listed: int = MAX_LISTED) -> str:
        skipped, warnings = self.skipped, self.warnings
        lines = [
            f"Imported {self.format}: {self.read} read, {self.written} written, {self.replaced} replaced "
            f"(the same URL or id again: the newest version kept), {len(skipped)} skipped, {len(warnings)} warnings",
            f"  into {self.out}: {', '.join(self.files) or '(no file written)'}",
        ]
        for title, items in (("skipped", skipped), ("warning", warnings)):
            if not items:
                continue
            reasons = Counter(_reason_kind(p.reason) for p in items)
            lines.append(f"  {title}: " + "; ".join(f"{n} {reason}" for reason, n in reasons.most_common()))
            lines += [f"    {title} {p}" for p in items[:listed]]
            if len(items) > listed:
                lines.append(f"    … and {len(items) - listed} more (--list N shows more)")
        lines += [f"  note: {note}" for note in self.notes]
        return "\n".join(lines)


def _reason_kind(reason: str) -> str:
    """The reason without its particulars (for counting): up to a colon or an opening parenthesis."""
    return re.split(r"[:(]", reason, maxsplit=1)[0].strip()


# ---------------------------------------------------------------------------------------------------
# Writing shards


class ShardWriter:
    """Writes records as ``<prefix>-NNNN.jsonl`` files of at most *size* records and about *max_bytes*
    bytes, published on close."""

    def __init__(self, out: Path, prefix: str, size: int = DEFAULT_SHARD_SIZE, max_bytes: int = SHARD_BYTES) -> None:
        self.out, self.prefix, self.size, self.max_bytes = out, prefix, max(1, size), max_bytes
        self.out.mkdir(parents=True, exist_ok=True)
        self._handle: TextIO | None = None
        self._count = 0
        self._bytes = 0
        self._temporary: list[tuple[Path, Path]] = []

    def write(self, record: dict[str, Any]) -> None:
        line = json.dumps(record, ensure_ascii=False) + "\n"
        size = len(line.encode("utf-8"))
        if self._handle is None or self._count >= self.size or (self._count and self._bytes + size > self.max_bytes):
            self._open_next()
        assert self._handle is not None
        self._handle.write(line)
        self._count += 1
        self._bytes += size

    def ids_held(self) -> set[str]:
        """The ids of the articles the folder already holds (earlier imports' files, under any name): a
        record with one of them is a newer version of an article already there."""
        found: set[str] = set()
        for path in self.out.glob("*.jsonl"):
            with open(path, encoding="utf-8", errors="replace") as handle:
                for line in handle:
                    with contextlib.suppress(ValueError):
                        record = json.loads(line)
                        if isinstance(record, dict) and isinstance(record.get("id"), str):
                            found.add(record["id"])
        return found

    def _open_next(self) -> None:
        if self._handle is not None:
            self._handle.close()
        final = self.out / f"{self.prefix}-{len(self._temporary) + 1:04d}.jsonl"
        temporary = self.out / f".{final.name}.{os.getpid()}.tmp"  # hidden: never read as corpus
        self._temporary.append((temporary, final))
        self._handle = open(temporary, "w", encoding="utf-8")  # noqa: SIM115 (closed by _open_next/close)
        self._count = 0
        self._bytes = 0

    def close(self) -> list[str]:
        """Publish the shards, replacing older shards of the same prefix; the names written."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None
        finals = {final for _temporary, final in self._temporary}
        for old in self.out.glob(f"{glob_escape(self.prefix)}-[0-9][0-9][0-9][0-9].jsonl"):
            if old not in finals:
                old.unlink()
        for temporary, final in self._temporary:
            os.replace(temporary, final)
        return [final.name for _temporary, final in self._temporary]

    def abort(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None
        for temporary, _final in self._temporary:
            temporary.unlink(missing_ok=True)


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def write_records(items: Iterable[dict[str, Any] | Problem], summary: ImportSummary, writer: ShardWriter) -> None:
    """Write the records of *items*, one per ``id``: of two with the same id (the same URL), the newer by
    its stated date wins, else the later one; problems are collected in *summary*. Records are held until
    the end so that a later, newer version replaces an earlier one in place."""
    kept: dict[str, dict[str, Any]] = {}
    try:
        for item in items:
            if isinstance(item, Problem):
                summary.problems.append(item)
                if item.kind == "skip" and item.row:
                    summary.read += 1
                continue
            summary.read += 1
            previous = kept.get(item["id"])
            if previous is not None:
                summary.replaced += 1
                if _moment(previous) > _moment(item):
                    continue
            kept[item["id"]] = item
        earlier = writer.ids_held()
        for record in kept.values():
            writer.write(record)
            summary.written += 1
            summary.replaced += record["id"] in earlier
    except BaseException:
        writer.abort()
        raise
    if not summary.written:  # nothing to write: an earlier import's files stay as they are
        writer.abort()
        return
    summary.files = writer.close()


def _moment(record: dict[str, Any]) -> dt.datetime:
    """A record's stated date as a comparable moment (no date: the earliest)."""
    try:
        moment = dt.datetime.fromisoformat(record.get("date") or "0001-01-01")
    except ValueError:
        moment = dt.datetime.min
    return moment if moment.tzinfo else moment.replace(tzinfo=WIB)  # a day alone: its start in WIB, as the indexer


def make_record(article_id: str, title: str | None, body: str, outlet: str | None, date: dt.date | Stamp | None,
                url: str | None, people: list[str] | None = None, **extra: Any) -> dict[str, Any]:
    """A corpus record; a `Stamp` with a time is written as an ISO moment with its zone."""
    record: dict[str, Any] = {"id": article_id, "title": title, "body": body, "outlet": outlet,
                              "date": date.isoformat() if date else None, "url": url}
    if isinstance(date, Stamp) and date.updated:
        record["updated"] = True  # the site printed when it last updated the article
    if people:
        record["people"] = people
    record.update(extra)
    return {key: value for key, value in record.items() if value not in (None, "")}


def outlet_slug(table: OutletTable, name: str | None, url: str | None = None) -> str | None:
    """The outlet slug of an outlet's name (slug, display name or alias), else of the URL's host.

    A name the table does not know is kept as it is written (the indexer turns it into a slug).
    """
    if name and name.strip():
        known = table.from_alias(name) or table.get(OUTLET_OF_SOURCE.get(name.strip().lower(), ""))
        if known is not None:
            return known.slug
    by_host = table.from_host(url) if url else None
    if by_host is not None:
        return by_host.slug
    return name.strip() if name and name.strip() else None
