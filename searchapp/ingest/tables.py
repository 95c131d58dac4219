"""Exports as rows: a CSV (any delimiter, UTF-8 with or without BOM, UTF-16, or cp1252 as spreadsheets
on Windows write it), the sheet of an XLSX workbook whose header names most columns (through openpyxl,
read-only; a CMS may put a summary sheet first), JSON Lines or a
JSON array of objects (each object's keys the columns, a nested object's as ``meta.title``). Rows stream
with the line (or sheet row, or the object's number) they start on.

The header of a CSV or a sheet is the row among its first ones that names the most columns a caller
recognises (`HeaderScore`): a dashboard's export opens with a title, the day it was made, an empty row,
or a merged row grouping the columns, above the real header."""

from __future__ import annotations

import codecs
import csv
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CSV_DELIMITERS = ",;\t|"
JSONL_HEADER_SAMPLE = 200  # objects read to learn a JSON Lines file's keys
HEADER_ROWS = 10  # rows looked at for the header
_EXCEL_SEPARATOR = re.compile(r"^\ufeff?sep=(.)\s*$")  # Excel's first line naming the delimiter: "sep=;"
HeaderScore = Callable[[list[str]], int]  # how many columns a row names (0: no header)


class TableError(ValueError):
    """A file that cannot be read as a table at all (the message says why)."""


@dataclass
class Table:
    path: Path
    kind: str  # csv, xlsx or jsonl
    header: list[str]
    rows: Iterator[tuple[int, list[Any]]]  # (line or sheet row, cells in header order)
    notes: list[str] = field(default_factory=list)  # how it was read: encoding, delimiter, sheet
    closer: Callable[[], None] = lambda: None

    def close(self) -> None:
        """Release the file (also when its rows were not read to the end)."""
        self.closer()


def open_table(path: Path, delimiter: str | None = None, header_score: HeaderScore | None = None) -> Table:
    """The table of an export file, by its suffix (``.xlsx``, ``.jsonl``, ``.json``, anything else CSV);
    *header_score* picks the header row of a CSV or a sheet (default: its first non-empty row)."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx(path, header_score)
    if suffix in (".jsonl", ".ndjson"):
        return _jsonl(path)
    if suffix == ".json":
        return _json(path)
    return _csv(path, delimiter, header_score)


def _find_header(rows: Iterator[tuple[int, list[Any]]], score: HeaderScore | None
                 ) -> tuple[list[str], list[tuple[int, list[Any]]], list[str]]:
    """The header among the first `HEADER_ROWS` non-empty rows (the first that scores highest), the rows
    read after it (to be read again as data), and a note on the rows above it, when there are any."""
    head: list[tuple[int, list[Any]]] = []
    for line, row in rows:
        if any(cell not in (None, "") and str(cell).strip() for cell in row):
            head.append((line, row))
            if score is None or len(head) >= HEADER_ROWS:
                break
    if not head:
        return [], [], []
    scores = [score([str(cell or "").strip() for cell in row]) if score else 0 for _line, row in head]
    best = max(range(len(head)), key=lambda n: (scores[n], -n))
    header = ["" if cell is None else str(cell).strip() for cell in head[best][1]]
    above = [" ".join(str(cell).strip() for cell in row if cell not in (None, ""))[:60] for _line, row in head[:best]]
    notes = [f"header on line {head[best][0]}; above it: " + " | ".join(repr(text) for text in above)] if best else []
    return header, head[best + 1:], notes


def detect_encoding(path: Path) -> str:
    """``utf-8-sig`` or ``utf-16`` by their byte-order mark, else ``utf-8`` when every byte decodes as
    UTF-8, else ``cp1252`` (what Excel on Windows writes)."""
    with open(path, "rb") as handle:
        start = handle.read(4)
        if start.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        handle.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "cp1252"
    return "utf-8"


def _csv(path: Path, delimiter: str | None, header_score: HeaderScore | None) -> Table:
    csv.field_size_limit(64 * 1024 * 1024)
    encoding = detect_encoding(path)
    handle = open(path, encoding=encoding, errors="replace", newline="")  # noqa: SIM115 - closed by rows()
    first = handle.readline()
    if not first.strip():
        handle.close()
        raise TableError("empty file (no header row)")
    hint = _EXCEL_SEPARATOR.match(first)
    skipped = 1 if hint else 0
    if hint:
        after_hint = handle.tell()
        first = handle.readline()
        handle.seek(after_hint)
    else:
        handle.seek(0)
    if delimiter:
        chosen = "\t" if delimiter in ("tab", "\\t") else delimiter
    elif hint:
        chosen = hint[1]
    else:  # the delimiter the header line holds most of (a header names plain columns)
        chosen = max(CSV_DELIMITERS, key=first.count) if any(d in first for d in CSV_DELIMITERS) else ","
    reader = csv.reader(handle, delimiter=chosen)

    def all_rows() -> Iterator[tuple[int, list[Any]]]:
        while True:
            start = reader.line_num + 1 + skipped  # a quoted cell may span lines: the row's first line
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                yield start, [f"\0not valid CSV ({error})"]
                continue
            yield start, row

    stream = all_rows()
    header, after, notes = _find_header(stream, header_score)
    if not header:
        handle.close()
        raise TableError("empty file (no header row)")

    def rows() -> Iterator[tuple[int, list[Any]]]:
        with handle:
            yield from after
            yield from stream

    name = {"\t": "tab"}.get(chosen, repr(chosen))
    how = f"encoding {encoding}, delimiter {name}" + (" (its first line says so)" if hint and not delimiter else "")
    return Table(path, "csv", header, rows(), [how, *notes], handle.close)


def _xlsx(path: Path, header_score: HeaderScore | None) -> Table:
    import openpyxl  # only for spreadsheets

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds for a file that is no workbook
        raise TableError(f"not a readable XLSX workbook ({type(error).__name__}: {error})") from None
    best = None
    for number, sheet in enumerate(book.worksheets if header_score else book.worksheets[:1], 1):
        stream = ((line, [_xlsx_text(cell) if isinstance(cell, str) else cell for cell in row])
                  for line, row in enumerate(sheet.iter_rows(values_only=True), 1))
        header, after, notes = _find_header(stream, header_score)
        points = header_score(header) if header_score and header else 0
        if header and (best is None or points > best[0]):
            best = points, number, sheet, stream, header, after, notes
    if best is None:
        book.close()
        raise TableError("empty workbook (no header row)")
    _points, number, sheet, stream, header, after, notes = best

    def rows() -> Iterator[tuple[int, list[Any]]]:
        try:
            yield from after
            yield from stream
        finally:
            book.close()

    which = "the first" if number == 1 else "the one whose header names most columns"
    return Table(path, "xlsx", header, rows(),
                 [f"sheet {sheet.title!r} ({number} of {len(book.worksheets)}: {which})", *notes], book.close)


def _xlsx_text(cell: str) -> str:
    """A text cell as written: OOXML escapes a control character as ``_x000D_``, which openpyxl's
    read-only reader leaves in; line breaks as ``\\n``."""
    from openpyxl.utils.escape import unescape

    if "_x" in cell:
        cell = unescape(cell)
    return cell.replace("\r\n", "\n").replace("\r", "\n") if "\r" in cell else cell


def _jsonl(path: Path) -> Table:
    keys: dict[str, None] = {}
    with open(path, encoding=detect_encoding(path), errors="replace") as handle:
        for number, line in enumerate(handle, 1):
            if number > JSONL_HEADER_SAMPLE:
                break
            try:
                record = json.loads(line)
            except (json.JSONDecodeError, RecursionError):
                continue
            if isinstance(record, dict):
                keys.update(dict.fromkeys(flatten(record)))
    if not keys:
        raise TableError("no JSON object in its first lines")
    header = list(keys)

    def rows() -> Iterator[tuple[int, list[Any]]]:
        with open(path, encoding=detect_encoding(path), errors="replace") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except (json.JSONDecodeError, RecursionError) as error:
                    yield number, [f"\0not valid JSON ({getattr(error, 'msg', error)})"]
                    continue
                yield number, _object_row(record, header)

    return Table(path, "jsonl", header, rows(), ["JSON Lines"])


def _json(path: Path) -> Table:
    """A JSON file holding an array of objects, or an object with one such array (``{"data": […]}``)."""
    try:
        with open(path, encoding=detect_encoding(path), errors="replace") as handle:
            value = json.load(handle)
    except (json.JSONDecodeError, RecursionError) as error:
        raise TableError(f"not valid JSON ({getattr(error, 'msg', error)})") from None
    if isinstance(value, dict):
        arrays = [(key, item) for key, item in value.items()
                  if isinstance(item, list) and any(isinstance(entry, dict) for entry in item)]
        if len(arrays) != 1:
            raise TableError("no array of JSON objects (a list of articles, or an object holding one)")
        where, value = f"the array {arrays[0][0]!r}", arrays[0][1]
    elif isinstance(value, list):
        where = "an array"
    else:
        raise TableError("no array of JSON objects (a list of articles, or an object holding one)")
    keys: dict[str, None] = {}
    for record in value[:JSONL_HEADER_SAMPLE]:
        if isinstance(record, dict):
            keys.update(dict.fromkeys(flatten(record)))
    if not keys:
        raise TableError("no JSON object in its array")
    header = list(keys)
    rows = ((number, _object_row(record, header)) for number, record in enumerate(value, 1))
    return Table(path, "json", header, rows, [f"JSON, {where} of {len(value)} (rows are its objects, from 1)"])


def flatten(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """An object's values by key, a nested object's under ``outer.inner`` — but an object of lists (an
    entity list by kind, ``{"government": […]}``) stays one value."""
    flat: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and value and not all(isinstance(item, list) for item in value.values()):
            flat.update(flatten(value, f"{name}."))
        else:
            flat[name] = value
    return flat


def _object_row(record: Any, header: list[str]) -> list[Any]:
    if not isinstance(record, dict):
        return ["\0not a JSON object"]
    flat = flatten(record)
    return [flat.get(key) for key in header]
