"""A CMS's CSV export as corpus records: columns recognised by their Indonesian or English names (or
given), dates in the forms such exports use, the outlet from a name or the URL's host."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from searchapp.extract.outlet import OutletTable
from searchapp.ingest.records import Problem, _record, outlet_slug

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
