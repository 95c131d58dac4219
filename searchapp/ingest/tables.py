"""Exports as rows: a CSV (any delimiter, UTF-8 with or without BOM, UTF-16, or cp1252 as spreadsheets
on Windows write it), the first sheet of an XLSX workbook (through openpyxl, read-only), or JSON Lines
(each object's keys the columns). Rows stream with the line (or sheet row) they start on."""

from __future__ import annotations

import codecs
import csv
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CSV_DELIMITERS = ",;\t|"
JSONL_HEADER_SAMPLE = 200  # objects read to learn a JSON Lines file's keys


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


def open_table(path: Path, delimiter: str | None = None) -> Table:
    """The table of an export file, by its suffix (``.xlsx``, ``.jsonl``, anything else CSV)."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx(path)
    if suffix in (".jsonl", ".ndjson"):
        return _jsonl(path)
    return _csv(path, delimiter)


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


def _csv(path: Path, delimiter: str | None) -> Table:
    csv.field_size_limit(64 * 1024 * 1024)
    encoding = detect_encoding(path)
    handle = open(path, encoding=encoding, errors="replace", newline="")  # noqa: SIM115 - closed by rows()
    first = handle.readline()
    handle.seek(0)
    if not first.strip():
        handle.close()
        raise TableError("empty file (no header row)")
    if delimiter:
        chosen = "\t" if delimiter in ("tab", "\\t") else delimiter
    else:  # the delimiter the header line holds most of (a header names plain columns)
        chosen = max(CSV_DELIMITERS, key=first.count) if any(d in first for d in CSV_DELIMITERS) else ","
    reader = csv.reader(handle, delimiter=chosen)
    header = [cell.strip() for cell in next(reader)]

    def rows() -> Iterator[tuple[int, list[Any]]]:
        with handle:
            while True:
                start = reader.line_num + 1  # a quoted cell may span lines: the row's first line
                try:
                    row = next(reader)
                except StopIteration:
                    return
                except csv.Error as error:
                    yield start, [f"\0not valid CSV ({error})"]
                    continue
                yield start, row

    name = {"\t": "tab"}.get(chosen, repr(chosen))
    return Table(path, "csv", header, rows(), [f"encoding {encoding}, delimiter {name}"], handle.close)


def _xlsx(path: Path) -> Table:
    import openpyxl  # only for spreadsheets

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds for a file that is no workbook
        raise TableError(f"not a readable XLSX workbook ({type(error).__name__}: {error})") from None
    sheet = book.worksheets[0]
    values = sheet.iter_rows(values_only=True)
    header: list[str] = []
    first = 0
    for row in values:
        first += 1
        if any(cell not in (None, "") for cell in row):
            header = ["" if cell is None else str(cell).strip() for cell in row]
            break
    if not header:
        book.close()
        raise TableError("empty workbook (no header row)")

    def rows() -> Iterator[tuple[int, list[Any]]]:
        try:
            for line, row in enumerate(values, first + 1):
                yield line, [_xlsx_text(cell) if isinstance(cell, str) else cell for cell in row]
        finally:
            book.close()

    return Table(path, "xlsx", header, rows(), [f"sheet {sheet.title!r} (the first of {len(book.sheetnames)})"],
                 book.close)


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
                keys.update(dict.fromkeys(str(k) for k in record))
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
                if not isinstance(record, dict):
                    yield number, ["\0not a JSON object"]
                    continue
                yield number, [_cell(record.get(key)) for key in header]

    return Table(path, "jsonl", header, rows(), ["JSON Lines"])


def _cell(value: Any) -> Any:
    """A JSON value as a table cell: lists and objects stay JSON text (an entity list, say)."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value
