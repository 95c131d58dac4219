"""A newsroom's export (CSV, XLSX, JSON Lines) as corpus records, with no flags for the forms real exports
come in: columns recognised by their Indonesian or English names, dates as sites print them, the outlet
from a name or the URL's host, entity lists given as JSON. Before any record is written the mapping it
chose is said: column → field, the date forms with the evidence for the day/month order, and the columns
left unused.

Identity: an article with a URL is named by its canonical URL (`searchapp.ingest.identity`), so the same
URL exported twice under different ids is one article; without a URL, by the export's own id, prefixed
with the file's name so that two exports numbering rows 1, 2, … cannot collide; else by its text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Any

from searchapp.extract.outlet import OutletTable, slugify
from searchapp.ingest.cleaning import repair
from searchapp.ingest.columns import decided_by_cells, find_columns, header_score
from searchapp.ingest.datetimes import DateError, Stamp, numeric_order, parse_stamp, serial_day, time_on
from searchapp.ingest.identity import url_id
from searchapp.ingest.records import Problem, make_record, outlet_slug
from searchapp.ingest.tables import Table, TableError, open_table

DATE_ORDERS = ("dmy", "mdy")
SAMPLE = 200  # rows read ahead to choose the date order
ORDER_NAMES = {"dmy": "D/M/YYYY", "mdy": "M/D/YYYY"}


# A column a spreadsheet read month first: at least this many date cells, all on days 1-12, beside at least
# this many bare texts that read only as D/M (a share of the column's dates: 19 days of 31 fail to read so)
MIN_SWAPPED = 5
MIN_UNREAD = 3
MIN_UNREAD_SHARE = 0.1
# A date as typed, which a spreadsheet would have read as a date had it read day first ("16/09/2019",
# "16/09/2019 21:48"): not a text with more to it ("16/09/2019 08:00 WIB"), which no spreadsheet reads
_TYPED_DATE = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?:\s+\d{1,2}[:.]\d{2}(?::\d{2})?)?")


@dataclass
class DateEvidence:
    """How the sampled cells of a date column read: by form, and which day/month order they decide."""

    forms: Counter = field(default_factory=Counter)
    orders: Counter = field(default_factory=Counter)  # dmy / mdy / either, of NN/NN/YYYY dates
    unreadable: int = 0
    late_cells: int = 0  # spreadsheet dates on day 13 or later
    unread_dmy: int = 0  # typed dates that read only as D/M, left as text

    def add(self, cell: Any) -> None:
        if isinstance(cell, dt.date):
            self.forms["spreadsheet date"] += 1
            self.late_cells += int(cell.day > 12)
            return
        try:
            form = _stamp(cell, None, "dmy").form  # type: ignore[union-attr] - a cell is never empty here
        except DateError:
            self.unreadable += 1
            return
        self.forms["numeric" if form in DATE_ORDERS else form] += 1  # its order is the column's, decided below
        text = str(cell)
        if order := numeric_order(text):
            self.orders[order] += 1
            self.unread_dmy += int(order == "dmy" and _TYPED_DATE.fullmatch(text.strip()) is not None)

    def order(self, given: str | None) -> str:
        """The day/month order of the column's numeric dates: as given, else the one its dates decide."""
        if given:
            return given
        return "mdy" if self.orders["mdy"] > self.orders["dmy"] else "dmy"

    def swapped(self, given: str | None) -> bool:
        """Whether the column's spreadsheet dates were D/M texts a spreadsheet read month first: a spreadsheet
        set to M/D turns `10/09/2019` into 9 October and leaves `16/09/2019`, which it cannot read, as text.
        A column of such dates, none past day 12, beside typed dates that read only as D/M (and none only as
        M/D) is one; a few such texts among many date cells are not enough."""
        cells = self.forms["spreadsheet date"]
        return (self.order(given) == "dmy" and cells >= MIN_SWAPPED and not self.late_cells
                and self.unread_dmy >= max(MIN_UNREAD, MIN_UNREAD_SHARE * (cells + self.forms["numeric"]))
                and not self.orders["mdy"])

    def describe(self, given: str | None) -> str:
        sampled = sum(self.forms.values()) + self.unreadable
        forms = ", ".join(f"{n} {form}" for form, n in self.forms.most_common())
        order = self.order(given)
        numeric = self.orders["dmy"] + self.orders["mdy"] + self.orders["either"]
        why = ("as given (--date-order)" if given else
               f"{self.orders['dmy']} of {numeric} numeric dates parse only as D/M/YYYY, {self.orders['mdy']} only "
               f"as M/D/YYYY" if numeric else "")
        swapped = (f"; all {self.forms['spreadsheet date']} spreadsheet dates fall on days 1-12 beside texts that "
                   f"read only as D/M/YYYY: a spreadsheet read D/M dates month first, so their day and month are "
                   f"swapped back" if self.swapped(given) else "")
        # with no date written NN/NN/YYYY (names, spreadsheet date cells, ISO) there is no order to choose
        ordered = f"; order {ORDER_NAMES[order]}: {why}" if why else "; no date written NN/NN/YYYY, no order to choose"
        return (f"{sampled - self.unreadable} of {sampled} sampled dates read ({forms or 'none'}"
                f"{f', {self.unreadable} unreadable' if self.unreadable else ''}){ordered}{swapped}")


@dataclass
class Mapping:
    columns: dict[str, int]
    header: list[str]
    date_order: str
    evidence: str | None
    swapped: bool = False  # spreadsheet dates read month first (`DateEvidence.swapped`)
    kind: str = "csv"  # csv rows must be as wide as the header (a shorter one is broken quoting)
    notes: list[str] = field(default_factory=list)  # what the sampled cells decided

    def describe(self, table: Table) -> list[str]:
        lines = [f"{table.path}: {table.kind}, {'; '.join(table.notes)}"]
        lines += [f"  {self.header[index]!r} → {role}" for role, index in self.columns.items()]
        lines += [f"  {note}" for note in self.notes]
        if self.evidence:
            lines.append(f"  dates: {self.evidence}")
        unused = [name for i, name in enumerate(self.header) if i not in self.columns.values() and name]
        lines.append(f"  unused: {', '.join(repr(name) for name in unused) or 'none'}")
        return lines


def _stamp(date_cell: Any, time_cell: Any, order: str, swapped: bool = False) -> Stamp | None:
    """The publication stamp of a row's date (and separate time) cells; a spreadsheet date of a *swapped*
    column with its day and month swapped back."""
    if date_cell in (None, ""):
        return None
    if swapped and isinstance(date_cell, dt.date) and date_cell.day <= 12:
        date_cell = date_cell.replace(month=date_cell.day, day=date_cell.month)
    if isinstance(date_cell, dt.datetime):
        moment = date_cell if date_cell.tzinfo else date_cell.replace(tzinfo=serial_day(0).tzinfo)
        stamp = Stamp(moment.date(), moment if moment.time() != dt.time() else None, form="spreadsheet")
    elif isinstance(date_cell, dt.date):
        stamp = Stamp(date_cell, form="spreadsheet")
    elif isinstance(date_cell, (int, float)) and not isinstance(date_cell, bool):
        stamp = parse_stamp(repr(float(date_cell)) if date_cell % 1 else str(int(date_cell)), order)
    else:
        stamp = parse_stamp(str(date_cell), order)
    if time_cell not in (None, "") and stamp.moment is None:
        text = time_cell.strftime("%H:%M") if isinstance(time_cell, dt.time) else str(time_cell)
        stamp = Stamp(stamp.day, time_on(stamp.day, text), stamp.updated, stamp.form)
    return stamp


def entity_names(cell: Any) -> list[str]:
    """Names of an entity cell: a JSON list, a JSON object of lists (``{"government": […]}``), or
    names separated by commas or semicolons."""
    if cell in (None, ""):
        return []
    if isinstance(cell, (list, dict)):  # a JSON file's own list or object
        cell = json.dumps(cell, ensure_ascii=False)
    text = str(cell).strip()
    if text[:1] in "[{":
        try:
            value = json.loads(text)
        except (json.JSONDecodeError, RecursionError):
            raise ValueError(f"entity list is not valid JSON: {text[:60]!r}") from None
        values = value.values() if isinstance(value, dict) else [value]
        names = [item for items in values for item in (items if isinstance(items, list) else [items])]
        return [name.strip() for name in names if isinstance(name, str) and name.strip()]
    return [name.strip() for name in re.split(r"[;,]", text) if name.strip()]


def import_table(paths: Iterable[str | Path], table: OutletTable, columns_given: dict[str, str | None] | None = None,
                 date_order: str | None = None, delimiter: str | None = None,
                 say: Callable[[str], None] = lambda line: None,
                 clean_person: Callable[[str], str | None] = lambda name: name) -> Iterator[dict[str, Any] | Problem]:
    """Corpus records of export files; *say* receives the mapping of each file before its rows;
    *clean_person* turns a stated entity into a person's name (titles removed), or None."""
    for path in map(Path, paths):
        try:
            source = open_table(path, delimiter, header_score)
        except (TableError, OSError) as error:
            yield Problem(str(path), f"file skipped: {getattr(error, 'strerror', None) or error}", row=False)
            continue
        try:
            columns = find_columns(source.header, columns_given or {})
        except ValueError as error:
            source.close()
            yield Problem(str(path), f"file skipped: {error}", row=False)
            continue
        try:
            yield from _table_records(source, columns, table, date_order, say, clean_person)
        finally:
            source.close()


def _table_records(source: Table, columns: dict[str, int], table: OutletTable, date_order: str | None,
                   say: Callable[[str], None],
                   clean_person: Callable[[str], str | None]) -> Iterator[dict[str, Any] | Problem]:
    """The records of one table, once its mapping (said first) is chosen from a sample of its rows."""
    sample = list(islice(source.rows, SAMPLE))
    columns, notes = decided_by_cells(columns, source.header, [row for _line, row in sample])
    evidence = DateEvidence()
    if "date" in columns:
        for _line, row in sample:
            if columns["date"] < len(row) and row[columns["date"]] not in (None, ""):
                evidence.add(row[columns["date"]])
    mapping = Mapping(columns, source.header, evidence.order(date_order),
                      evidence.describe(date_order) if "date" in columns else None, evidence.swapped(date_order),
                      source.kind, notes)
    for line in mapping.describe(source):
        say(line)
    namespace = slugify(source.path.stem) or "export"
    for line, row in chain(sample, source.rows):
        where = f"{source.path}:{line}"
        item, warnings = _row_record(where, row, mapping, table, namespace, clean_person)
        yield from (Problem(where, warning, "warning") for warning in warnings)
        yield item


def _as_text(value: Any, role: str) -> str | None:
    """A cell as text: a JSON list of paragraphs (a scraper's body) one paragraph a line apart, a list of
    names (``"authors": ["A", "B"]``) joined by commas; a title, body or summary as read (`repair`: its
    HTML read, mojibake undone), as the indexer would read it."""
    if value in (None, ""):
        return None
    if isinstance(value, list):
        parts = [str(item).strip() for item in value if item not in (None, "") and not isinstance(item, (list, dict))]
        value = ("\n\n" if role in ("body", "summary") else ", ").join(part for part in parts if part)
    elif isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False)
    text = str(value).strip()
    if role in ("title", "body", "summary"):
        text = repair(text.replace("\r\n", "\n")).strip()
    return text or None


def _row_record(where: str, row: list[Any], mapping: Mapping, table: OutletTable, namespace: str,
                clean_person: Callable[[str], str | None]) -> tuple[dict[str, Any] | Problem, list[str]]:
    """The record of one row, or the Problem that skips it; and the warnings of what it lost."""
    if len(row) == 1 and isinstance(row[0], str) and row[0].startswith("\0"):
        return Problem(where, row[0][1:]), []
    if not any(cell not in (None, "") for cell in row):
        return Problem(where, "empty row"), []
    if len(row) != len(mapping.header) and (mapping.kind == "csv" or mapping.columns["body"] >= len(row)):
        return Problem(where, f"wrong number of columns ({len(row)}, the header has {len(mapping.header)})"), []

    def cell(role: str) -> Any:
        index = mapping.columns.get(role)
        value = row[index] if index is not None and index < len(row) else None
        return value.strip() if isinstance(value, str) else value

    def text(role: str) -> str | None:
        return _as_text(cell(role), role)

    body = text("body")
    if body is None:
        return Problem(where, "empty body"), []
    warnings: list[str] = []
    try:
        stamp = _stamp(cell("date"), cell("time"), mapping.date_order, mapping.swapped)
    except DateError as error:
        stamp = None
        warnings.append(f"bad date, kept without it: {error}")
    if mapping.swapped and isinstance(cell("date"), dt.date) and cell("date").day > 12:
        warnings.append(f"date cell {cell('date'):%Y-%m-%d} is past day 12 in a column read as swapped "
                        "(D/M dates read month first): kept as it is")
    people = None
    if text("people"):
        try:
            people = [name for name in map(clean_person, entity_names(cell("people"))) if name]
        except ValueError as error:
            warnings.append(f"people ignored: {error}")
    url, title = text("url"), text("title")
    article_id = url_id(url) if url else None
    if article_id is None and text("id"):
        article_id = f"{namespace}/{text('id')}"
    if article_id is None:
        article_id = "t-" + hashlib.sha1(f"{title or ''}\n{body}".encode()).hexdigest()[:16]
    record = make_record(article_id, title, body, outlet_slug(table, text("outlet"), url),
                         stamp, url, people, summary=text("summary"), category=text("category"),
                         reporter=text("reporter"), editor=text("editor"), source_id=text("id"))
    return record, warnings
