"""``searchapp import FORMAT PATH... --out DIR``: other formats turned into searchapp corpus files.

Each imported article becomes one line of a ``.jsonl`` file in ``DIR`` with the keys searchapp reads
(``id, title, body, outlet, date, url`` and, when known, ``people``, ``collected``). Formats:

* ``indosum``: the IndoSum summarisation corpus (JSONL of tokenised paragraphs). The text is
  detokenised, the outlet taken from ``source``, the date from the article's URL where it has one (else
  it is inferred from the text when indexed), ``collected`` from the Unix time the id starts with (UTC:
  when the article was collected, 19 hours to weeks after the URL's publication time, so not stated as
  its date unless ``--indosum-date id``), and the title — IndoSum has none — from the
  words of the URL's slug (marked ``"title_from": "url-slug"``: lower case, but the headline's words, so
  it is stated as the title).
* ``csv``: a CSV export with a header row. The columns holding title, body, URL, date, outlet (and id,
  people) are recognised by their Indonesian or English names or given by flags.

Input is streamed (one line or row at a time) and output is written in shards of ``--shard-size``
articles (``<prefix>-0001.jsonl``, …), first under hidden names, then renamed into place, replacing the
shards of an earlier import with the same prefix. Articles are deduplicated on their id across all input
files. A record that cannot be imported is reported with its file and line number and skipped; one with
an unreadable date is kept without it, with a warning. A summary says what was read, written and skipped.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from searchapp.evaluate.realdata import OUTLET_OF_SOURCE, indosum_text, read_jsonl, slug_title, unix_date
from searchapp.extract.outlet import OutletTable

FORMATS = ("indosum", "csv")
DEFAULT_SHARD_SIZE = 5000
SHARD_BYTES = 32 * 2**20  # well below what the corpus reader accepts in one file (corpus.MAX_FILE_BYTES)
MAX_LISTED = 50

# ---------------------------------------------------------------------------------------------------
# Records, problems and the summary


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
    duplicates: int = 0
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
            f"Imported {self.format}: {self.read} read, {self.written} written, {self.duplicates} duplicate ids "
            f"dropped, {len(skipped)} skipped, {len(warnings)} warnings",
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
    """Write the records of *items* (deduplicated on ``id``), collecting problems in *summary*."""
    seen: set[str] = set()
    try:
        for item in items:
            if isinstance(item, Problem):
                summary.problems.append(item)
                if item.kind == "skip" and item.row:
                    summary.read += 1
                continue
            summary.read += 1
            if item["id"] in seen:
                summary.duplicates += 1
                continue
            seen.add(item["id"])
            writer.write(item)
            summary.written += 1
    except BaseException:
        writer.abort()
        raise
    summary.files = writer.close()


def _record(article_id: str, title: str | None, body: str, outlet: str | None, date: dt.date | None,
            url: str | None, people: list[str] | None = None, **extra: Any) -> dict[str, Any]:
    record: dict[str, Any] = {"id": article_id, "title": title, "body": body, "outlet": outlet,
                              "date": date.isoformat() if date else None, "url": url}
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


# ---------------------------------------------------------------------------------------------------
# IndoSum


def import_indosum(paths: Iterable[str | Path], table: OutletTable,
                   date_from: str = "url") -> Iterator[dict[str, Any] | Problem]:
    """Corpus records of IndoSum JSONL files (duplicates are left to the writer).

    *date_from*: ``url``, the date in the source URL when it has one (cnnindonesia, suara, poskotanews,
    rimanews, goal), else none; ``id``, the UTC day of the Unix time the id starts with. That time is when
    the article was collected (on the 1,238 CNN Indonesia articles, whose URLs hold the publication time,
    it runs 19 hours to 34 days behind), so every record states it as ``collected``.
    """
    from searchapp.extract.dates import date_from_url

    latest = dt.date.today()
    for line in read_jsonl(paths):
        if line.record is None:
            yield Problem(line.where, str(line.problem))
            continue
        record = line.record
        article_id = record.get("id")
        if not isinstance(article_id, str) or not article_id.strip():
            yield Problem(line.where, "no 'id'")
            continue
        paragraphs = record.get("paragraphs")
        if not _is_paragraphs(paragraphs):
            yield Problem(line.where, "no 'paragraphs' (a list of sentences of tokens)")
            continue
        body = indosum_text(paragraphs)
        if not body:
            yield Problem(line.where, "empty text")
            continue
        url = record.get("source_url") if isinstance(record.get("source_url"), str) else None
        title = slug_title(url)
        title_from = "url-slug"
        if title is None:  # the id holds a cut-short slug of the title after its timestamp
            title = " ".join(re.split(r"[-_]+", article_id.split("-", 1)[1].lower())).strip() \
                if "-" in article_id else None
            title_from = "id-slug"
        collected = unix_date(article_id)
        if collected is None:
            yield Problem(line.where, f"id {article_id!r} does not start with a Unix time: kept without "
                          "a collection date", "warning")
        date = date_from_url(url, latest) if date_from == "url" else collected
        source = record.get("source") if isinstance(record.get("source"), str) else None
        yield _record(article_id.strip(), title or None, body, outlet_slug(table, source, url), date, url,
                      title_from=title_from if title else None,
                      collected=collected.isoformat() if collected else None)


def indosum_files(folder: Path) -> list[Path]:
    """The ``*.jsonl`` files of *folder* when it holds raw IndoSum (records with ``paragraphs``), else []."""
    files = sorted(folder.glob("*.jsonl"))
    if not files:
        return []
    with open(files[0], encoding="utf-8", errors="replace") as handle:
        try:
            first = json.loads(handle.readline())
        except json.JSONDecodeError:
            return []
    return files if isinstance(first, dict) and "paragraphs" in first else []


def import_indosum_folder(folder: Path, out: Path, table: OutletTable) -> ImportSummary:
    """Import the raw IndoSum JSONL of *folder* into the searchapp corpus folder *out*."""
    summary = ImportSummary("indosum", out)
    write_records(import_indosum(indosum_files(folder), table), summary, ShardWriter(out, "indosum"))
    return summary


def _is_paragraphs(value: Any) -> bool:
    return isinstance(value, list) and all(
        isinstance(p, list) and all(isinstance(s, list) and all(isinstance(t, str) for t in s) for s in p)
        for p in value
    )


# ---------------------------------------------------------------------------------------------------
# CSV

COLUMN_NAMES = {  # recognised header names (lower case, spaces and hyphens as "_"), in preference order
    "id": ("id", "article_id", "doc_id"),
    "title": ("judul", "title", "headline", "judul_berita"),
    "body": ("isi", "isi_berita", "konten", "body", "content", "text", "teks", "artikel"),
    "url": ("tautan", "url", "link"),
    "date": ("tanggal", "date", "published", "waktu", "published_at", "tanggal_terbit", "datetime"),
    "outlet": ("media", "outlet", "sumber", "source", "portal"),
    "people": ("people", "tokoh", "orang"),
}
DATE_ORDERS = ("dmy", "mdy")


def _header_key(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.strip().lower())


def find_columns(header: list[str], given: dict[str, str | None]) -> dict[str, int]:
    """Column index of each role: from *given* (a header name or a 1-based number), else by name.

    Raises ValueError when a given column is not in the header, or no body column is found.
    """
    keys = [_header_key(name) for name in header]
    columns: dict[str, int] = {}
    for role, names in COLUMN_NAMES.items():
        wanted = given.get(role)
        if wanted:
            if wanted.isdigit() and 1 <= int(wanted) <= len(header):
                columns[role] = int(wanted) - 1
            elif _header_key(wanted) in keys:
                columns[role] = keys.index(_header_key(wanted))
            else:
                raise ValueError(f"--{role}-col {wanted!r} is not a column (columns: {', '.join(header)})")
            continue
        for name in names:
            if name in keys:
                columns[role] = keys.index(name)
                break
    if "body" not in columns:
        raise ValueError(f"no body column (looked for {', '.join(COLUMN_NAMES['body'])}; "
                         f"columns: {', '.join(header)}); name it with --body-col")
    return columns


_ISO_DATE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})(?!\d)")
_NAMED_DATE = re.compile(r"^(?:[^\W\d_]+[,\s]+)?(\d{1,2})\s+([^\W\d_]+)\.?,?\s+(\d{4})\b")
_TIME_REST = re.compile(
    r"^(?:[\s,T]*(?:pukul\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?\s*"
    r"(?:Z|[+-]\d{2}:?\d{2}|WIB|WITA|WIT|UTC|GMT)?)?\s*$"
)
_ENGLISH_MONTHS = {
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8, "october": 10,
    "december": 12,
}


def _month_number(name: str) -> int | None:
    from searchapp.extract.dates import MONTHS

    name = name.casefold()
    return MONTHS.get(name) or _ENGLISH_MONTHS.get(name)


@dataclass
class DateReader:
    """Reads dates of one CSV column, learning its day/month order from unambiguous values.

    ``D/M/YYYY`` and ``M/D/YYYY`` look alike: a first number above 12 means D/M, a second above 12 means
    M/D. An ambiguous value is read in the *order* given (``--date-order``), else in the order the
    column has shown so far, else D/M (the Indonesian order). When the column later shows the other
    order than the one used for earlier ambiguous values, a note says so.
    """

    order: str | None = None  # as given by the user, or None
    learned: str | None = None
    guessed: Counter = field(default_factory=Counter)  # ambiguous values read in each order, before learning
    conflict: str | None = None

    def parse(self, text: str) -> dt.date:
        """The date of *text*; ValueError saying why when it is not a date."""
        text = text.strip()
        match = _ISO_DATE.match(text)
        if match and _TIME_REST.match(text[match.end():]):
            return self._make(int(match[1]), int(match[2]), int(match[3]), text)
        match = _NUMERIC_DATE.match(text)
        if match and _TIME_REST.match(text[match.end():]):
            first, second, year = int(match[1]), int(match[2]), int(match[3])
            if len(match[3]) == 2:
                year += 2000
            return self._numeric(first, second, year, text)
        match = _NAMED_DATE.match(text)
        if match and _TIME_REST.match(text[match.end():]):
            month = _month_number(match[2])
            if month is None:
                raise ValueError(f"unknown month {match[2]!r} in {text!r}")
            return self._make(int(match[3]), month, int(match[1]), text)
        raise ValueError(f"not a date: {text!r} (expected D/M/YYYY, M/D/YYYY [HH:MM], YYYY-MM-DD or "
                         "'24 Februari 2022')")

    def _numeric(self, first: int, second: int, year: int, text: str) -> dt.date:
        if first > 12 and second > 12:
            raise ValueError(f"not a date: {text!r} (neither {first} nor {second} is a month)")
        if first > 12 or second > 12:
            shown = "dmy" if first > 12 else "mdy"
            if self.order is None and self.learned is None:
                self.learned = shown
                other = sum(n for order, n in self.guessed.items() if order != shown)
                if other:
                    self.conflict = (f"{other} ambiguous dates before {text!r} were read as "
                                     f"{'D/M' if shown == 'mdy' else 'M/D'}, but the column writes "
                                     f"{'M/D' if shown == 'mdy' else 'D/M'}; rerun with --date-order {shown}")
            order = shown
        else:
            order = self.order or self.learned or "dmy"
            if self.order is None and self.learned is None:
                self.guessed[order] += 1
        day, month = (first, second) if order == "dmy" else (second, first)
        return self._make(year, month, day, text)

    @staticmethod
    def _make(year: int, month: int, day: int, text: str) -> dt.date:
        if not 1800 <= year <= 2200:
            raise ValueError(f"not a date: {text!r} (year {year})")
        try:
            return dt.date(year, month, day)
        except ValueError as error:
            raise ValueError(f"not a date: {text!r} ({error})") from None


def _row_id(columns: dict[str, int], row: list[str], url: str | None, title: str | None, body: str) -> str:
    if "id" in columns and row[columns["id"]].strip():
        return row[columns["id"]].strip()
    basis = url or f"{title or ''}\n{body}"
    return "csv-" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


def _open_csv(path: Path) -> TextIO:
    return open(path, encoding="utf-8-sig", newline="")


def _delimiter(handle: TextIO, given: str | None) -> str:
    if given:
        return "\t" if given in ("tab", "\\t") else given
    first = handle.readline()
    handle.seek(0)
    try:
        return csv.Sniffer().sniff(first, delimiters=",;\t|").delimiter
    except csv.Error:
        return ","


def import_csv(paths: Iterable[str | Path], table: OutletTable, columns_given: dict[str, str | None] | None = None,
               date_order: str | None = None, delimiter: str | None = None,
               notes: list[str] | None = None) -> Iterator[dict[str, Any] | Problem]:
    """Corpus records of CSV files with a header row (see `find_columns`, `DateReader`)."""
    csv.field_size_limit(64 * 1024 * 1024)
    for path in paths:
        path = Path(path)
        try:
            handle = _open_csv(path)
        except OSError as error:
            yield Problem(f"{path}", f"cannot be read ({error.strerror or error})", row=False)
            continue
        with handle:
            try:
                yield from _csv_rows(path, handle, table, columns_given or {}, date_order, delimiter, notes)
            except UnicodeDecodeError as error:
                yield Problem(f"{path}", f"not valid UTF-8 ({error.reason}); rest of file skipped", row=False)


def _csv_rows(path: Path, handle: TextIO, table: OutletTable, columns_given: dict[str, str | None],
              date_order: str | None, delimiter: str | None,
              notes: list[str] | None) -> Iterator[dict[str, Any] | Problem]:
    reader = csv.reader(handle, delimiter=_delimiter(handle, delimiter))
    try:
        header = next(reader)
    except StopIteration:
        yield Problem(f"{path}:1", "empty file (no header row)", row=False)
        return
    except csv.Error as error:
        yield Problem(f"{path}:1", f"header row is not valid CSV ({error})", row=False)
        return
    try:
        columns = find_columns(header, columns_given)
    except ValueError as error:
        yield Problem(f"{path}:1", f"file skipped: {error}", row=False)
        return
    dates = DateReader(order=date_order)
    width = len(header)
    while True:
        start = reader.line_num + 1  # a quoted field may span lines: the row's first line
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            yield Problem(f"{path}:{start}", f"not valid CSV ({error})")
            continue
        where = f"{path}:{start}"
        if not row or not any(cell.strip() for cell in row):
            continue
        if len(row) != width:
            yield Problem(where, f"wrong number of columns ({len(row)}, the header has {width})")
            continue

        def cell(role: str, row: list[str] = row) -> str | None:
            value = row[columns[role]].strip() if role in columns else ""
            return value or None

        body = cell("body")
        if body is None:
            yield Problem(where, "empty body")
            continue
        url, title = cell("url"), cell("title")
        date = None
        if cell("date"):
            try:
                date = dates.parse(cell("date") or "")
            except ValueError as error:
                yield Problem(where, f"bad date, kept without it: {error}", "warning")
        people = [p.strip() for p in (cell("people") or "").split(",") if p.strip()] or None
        yield _record(_row_id(columns, row, url, title, body), title, body.replace("\r\n", "\n"),
                      outlet_slug(table, cell("outlet"), url), date, url, people)
    if dates.conflict and notes is not None:
        notes.append(f"{path}: {dates.conflict}")


# ---------------------------------------------------------------------------------------------------
# The command


def register(commands, common) -> None:
    parser = commands.add_parser(
        "import", help="turn IndoSum JSONL or a CSV export into searchapp corpus files (.jsonl)",
        description=__doc__.split("\n\n", 1)[1] if __doc__ else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("format", choices=FORMATS, metavar="FORMAT", help="indosum or csv")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="input files")
    parser.add_argument("--out", required=True, help="folder to write the .jsonl corpus files into")
    parser.add_argument("--config", help="configuration file (for the outlet table)")
    parser.add_argument("--prefix", help="name of the output files (default: the format)")
    parser.add_argument("--shard-size", type=int, default=DEFAULT_SHARD_SIZE, help="articles per output file")
    parser.add_argument("--list", type=int, default=MAX_LISTED, metavar="N",
                        help=f"list at most N skipped rows and N warnings (default {MAX_LISTED})")
    group = parser.add_argument_group("csv columns (a header name or a 1-based number; default: by name)")
    for role in COLUMN_NAMES:
        group.add_argument(f"--{role}-col", dest=f"{role}_col", metavar="COLUMN",
                           help=f"column of the {role} (recognised: {', '.join(COLUMN_NAMES[role])})")
    parser.add_argument("--date-order", choices=DATE_ORDERS,
                        help="how to read an ambiguous D/M/YYYY or M/D/YYYY date (default: as the column shows, "
                             "else dmy); a number above 12 always decides")
    parser.add_argument("--delimiter", help="CSV field delimiter (default: detected from the header: , ; tab |)")
    parser.add_argument("--indosum-date", choices=("url", "id"), default="url",
                        help="indosum: state the URL's date where it has one, else none, leaving it to the text "
                             "(url, default), or the day the id's Unix time says it was collected (id)")
    parser.set_defaults(run=run_import)


def run_import(args: argparse.Namespace) -> int:
    from searchapp.config import load_settings

    settings = load_settings(args.config)
    table = OutletTable.load(settings.outlets_file)
    out = Path(args.out).expanduser()
    missing = [p for p in args.paths if not Path(p).is_file()]
    if missing:
        print(f"searchapp import: not a file: {', '.join(missing)}", file=sys.stderr)
        return 2
    summary = ImportSummary(args.format, out.resolve())
    if args.format == "indosum":
        items: Iterable[dict[str, Any] | Problem] = import_indosum(args.paths, table, args.indosum_date)
    else:
        columns = {role: getattr(args, f"{role}_col") for role in COLUMN_NAMES}
        items = import_csv(args.paths, table, columns, args.date_order, args.delimiter, summary.notes)
    writer = ShardWriter(out, args.prefix or args.format, args.shard_size)
    write_records(items, summary, writer)
    print(summary.format_text(max(0, args.list)))
    return 0 if summary.written or not summary.read else 1
