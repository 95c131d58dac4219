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
from searchapp.ingest.datetimes import DateError, Stamp, numeric_order, parse_stamp, serial_day, time_on
from searchapp.ingest.identity import url_id
from searchapp.ingest.records import Problem, make_record, outlet_slug
from searchapp.ingest.tables import Table, TableError, open_table

COLUMN_NAMES = {  # recognised header names (lower case, any run of other characters as "_"), in preference order
    "id": ("id", "article_id", "doc_id", "news_id", "post_id", "id_berita", "id_artikel"),
    "title": ("judul", "title", "headline", "judul_berita", "post_title"),
    "body": ("isi", "isi_berita", "konten", "body", "content", "text", "teks", "artikel", "berita", "article",
             "post_content", "full_text", "isi_artikel"),
    "url": ("url", "tautan", "link", "source_url", "permalink"),
    "date": ("tanggal", "tanggal_publikasi", "date", "published", "published_at", "tanggal_terbit",
             "datetime", "waktu_terbit", "pubdate", "post_date", "publish_date", "published_date",
             "publication_date", "date_published", "tgl", "tgl_terbit", "created_at", "created"),
    "time": ("time", "jam", "waktu", "pukul"),
    "outlet": ("media", "outlet", "sumber", "source", "portal", "situs", "publisher", "nama_media", "media_name"),
    "people": ("people", "tokoh", "orang", "persons", "person", "entities", "entitas"),
    "reporter": ("author", "penulis", "reporter", "wartawan", "jurnalis", "byline", "authors", "writer",
                 "creator", "post_author"),
    "editor": ("editor", "penyunting"),
    "summary": ("summary", "ringkasan", "description", "deskripsi", "lead", "excerpt", "post_excerpt"),
    "category": ("category", "kategori", "rubrik", "kanal", "section", "channel"),
}
# A header no name above fits is read by its words ("article_text", "news_title", "publish_date",
# "site"): a column holding a role's word and no other role's, the only such column left (of several,
# the one of fewest words: "post_date" before "post_date_gmt").
COLUMN_WORDS = {
    "title": {"judul", "title", "headline"},
    "body": {"isi", "konten", "body", "content", "text", "teks"},
    "url": {"url", "tautan", "link", "permalink"},
    "date": {"tanggal", "tgl", "date", "published", "terbit", "pubdate", "datetime"},
    "outlet": {"media", "outlet", "portal", "situs", "site", "publisher"},
    "people": {"tokoh", "people", "persons", "entitas", "entities"},
    "reporter": {"author", "authors", "penulis", "reporter", "wartawan", "jurnalis", "byline"},
    "editor": {"editor", "penyunting"},
    "summary": {"summary", "ringkasan", "description", "deskripsi", "excerpt"},
    "category": {"category", "kategori", "rubrik", "kanal", "section"},
}
# Words of a column that is no part of the article ("image_url", "article_id", "content_length").
_NOT_THE_ARTICLE = {"image", "img", "foto", "photo", "gambar", "thumbnail", "video", "audio", "id", "uuid", "guid",
                    "count", "length", "jumlah", "views", "type", "status"}
# Roles whose cells are names or words: a column of them holding only numbers (a user id for the author,
# a category's number) names no one and nothing.
NAMED_ROLES = ("title", "outlet", "reporter", "editor", "category")
MAX_HEADER_NAME = 40
DATE_ORDERS = ("dmy", "mdy")
SAMPLE = 200  # rows read ahead to choose the date order
ORDER_NAMES = {"dmy": "D/M/YYYY", "mdy": "M/D/YYYY"}


def header_key(name: str) -> str:
    """A header name as it is looked up: lower case, any run of characters other than letters and digits
    as one ``_`` (``Isi.Berita``, ``Tgl. Terbit``, ``meta.title``)."""
    return re.sub(r"[^0-9a-z]+", "_", str(name).strip().lower()).strip("_")


def header_score(row: list[str]) -> int:
    """How many columns of *row*, read as a header, name a role (`open_table` picks the header by it):
    a title row above the header names none, a merged row grouping the columns one or two."""
    names = [cell if len(cell) <= MAX_HEADER_NAME else "" for cell in row]  # a long cell is data, not a name
    try:
        return len(find_columns(names, {}))
    except ValueError:
        return len(_named_roles([header_key(cell) for cell in names]))


def find_columns(header: list[str], given: dict[str, str | None]) -> dict[str, int]:
    """Column index of each role: from *given* (a header name or a 1-based number), else by name.

    Raises ValueError when a given column is not in the header, or no body column is found.
    """
    keys = [header_key(name) for name in header]
    columns: dict[str, int] = {}
    for role in COLUMN_NAMES:
        wanted = given.get(role)
        if wanted:
            if wanted.isdigit() and 1 <= int(wanted) <= len(header):
                columns[role] = int(wanted) - 1
            elif header_key(wanted) in keys:
                columns[role] = keys.index(header_key(wanted))
            else:
                raise ValueError(f"--{role}-col {wanted!r} is not a column (columns: {', '.join(header)})")
    columns.update({role: index for role, index in _named_roles(keys, columns).items() if role not in columns})
    if "body" not in columns:
        raise ValueError(f"no body column (looked for {', '.join(COLUMN_NAMES['body'])}, or one word of "
                         f"{', '.join(sorted(COLUMN_WORDS['body']))} in a name; columns: {', '.join(header)}); "
                         "name it with --body-col")
    return columns


def _named_roles(keys: list[str], taken: dict[str, int] | None = None) -> dict[str, int]:
    """Column index of each role the header *keys* name, by a name of `COLUMN_NAMES`, else by its words;
    none for the roles and columns already *taken*."""
    columns = dict(taken or {})
    for role, names in COLUMN_NAMES.items():
        if role in columns:
            continue
        for name in names:
            if name in keys and keys.index(name) not in columns.values():
                columns[role] = keys.index(name)
                break
    for role in (role for role in COLUMN_WORDS if role not in columns):
        fits = [index for index, key in enumerate(keys) if index not in columns.values() and _fits(role, key)]
        fewest = min((len(keys[index].split("_")) for index in fits), default=0)
        shortest = [index for index in fits if len(keys[index].split("_")) == fewest]
        if len(shortest) == 1:
            columns[role] = shortest[0]
    return {role: index for role, index in columns.items() if not taken or role not in taken}


def _fits(role: str, key: str) -> bool:
    """Whether a header's words name *role* and no other role (nor an image's or a video's address)."""
    words = set(key.split("_"))
    others = set().union(*(names for other, names in COLUMN_WORDS.items() if other != role))
    return bool(words & COLUMN_WORDS[role]) and not words & others and not words & _NOT_THE_ARTICLE


@dataclass
class DateEvidence:
    """How the sampled cells of a date column read: by form, and which day/month order they decide."""

    forms: Counter = field(default_factory=Counter)
    orders: Counter = field(default_factory=Counter)  # dmy / mdy / either, of NN/NN/YYYY dates
    unreadable: int = 0

    def add(self, cell: Any) -> None:
        if isinstance(cell, dt.date):
            self.forms["spreadsheet date"] += 1
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

    def order(self, given: str | None) -> str:
        if given:
            return given
        return "mdy" if self.orders["mdy"] > self.orders["dmy"] else "dmy"

    def describe(self, given: str | None) -> str:
        sampled = sum(self.forms.values()) + self.unreadable
        forms = ", ".join(f"{n} {form}" for form, n in self.forms.most_common())
        order = self.order(given)
        numeric = self.orders["dmy"] + self.orders["mdy"] + self.orders["either"]
        why = ("as given (--date-order)" if given else
               f"{self.orders['dmy']} of {numeric} numeric dates parse only as D/M/YYYY, {self.orders['mdy']} only "
               f"as M/D/YYYY" if numeric else "no numeric date to decide it; D/M/YYYY, the Indonesian order")
        return (f"{sampled - self.unreadable} of {sampled} sampled dates read ({forms or 'none'}"
                f"{f', {self.unreadable} unreadable' if self.unreadable else ''}); order {ORDER_NAMES[order]}: {why}")


@dataclass
class Mapping:
    columns: dict[str, int]
    header: list[str]
    date_order: str
    evidence: str | None
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


def _stamp(date_cell: Any, time_cell: Any, order: str) -> Stamp | None:
    """The publication stamp of a row's date (and separate time) cells."""
    if date_cell in (None, ""):
        return None
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
    columns, notes = _decided_by_cells(columns, source.header, [row for _line, row in sample])
    evidence = DateEvidence()
    if "date" in columns:
        for _line, row in sample:
            if columns["date"] < len(row) and row[columns["date"]] not in (None, ""):
                evidence.add(row[columns["date"]])
    mapping = Mapping(columns, source.header, evidence.order(date_order),
                      evidence.describe(date_order) if "date" in columns else None, source.kind, notes)
    for line in mapping.describe(source):
        say(line)
    namespace = slugify(source.path.stem) or "export"
    for line, row in chain(sample, source.rows):
        where = f"{source.path}:{line}"
        item, warnings = _row_record(where, row, mapping, table, namespace, clean_person)
        yield from (Problem(where, warning, "warning") for warning in warnings)
        yield item


def _decided_by_cells(columns: dict[str, int], header: list[str], rows: list[list[Any]]
                      ) -> tuple[dict[str, int], list[str]]:
    """The mapping as the sampled cells correct it, and what they decided: a time column holding whole
    dates (``waktu``: ``4 Mei 2016, 10.00 WIB``) is the date when there is no other; a column of names
    holding only numbers (WordPress's ``post_author``: a user's number) is left unused."""
    columns, notes = dict(columns), []

    def filled(role: str) -> list[Any]:
        index = columns[role]
        return [row[index] for row in rows if index < len(row) and row[index] not in (None, "")]

    if "time" in columns and "date" not in columns:
        cells = filled("time")
        dated = sum(1 for value in cells if _holds_day(value))
        if cells and dated >= 0.8 * len(cells):
            columns["date"] = columns.pop("time")
            notes.append(f"{header[columns['date']]!r} holds whole dates ({dated} of {len(cells)} sampled): "
                         "read as the date")
    for role in [role for role in NAMED_ROLES if role in columns]:
        cells = filled(role)
        if cells and all(_is_number(value) for value in cells):
            notes.append(f"{header[columns.pop(role)]!r} holds only numbers, not the {role}'s name: left unused")
    return columns, notes


def _holds_day(value: Any) -> bool:
    if isinstance(value, (dt.date, dt.datetime)):
        return True
    try:
        parse_stamp(str(value))
    except DateError:
        return False
    return True


def _is_number(value: Any) -> bool:
    return (isinstance(value, (int, float)) and not isinstance(value, bool)) or (
        isinstance(value, str) and value.strip().replace(".", "", 1).isdigit())


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
        stamp = _stamp(cell("date"), cell("time"), mapping.date_order)
    except DateError as error:
        stamp = None
        warnings.append(f"bad date, kept without it: {error}")
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
