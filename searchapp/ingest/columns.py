"""Which column of an export holds what: recognised by its header's Indonesian or English name (any
punctuation ignored), else by a word of it, else given; the header row itself picked as the row that names
most columns; and the mapping corrected by what the sampled cells hold (a time column of whole dates is
the date, a column of names holding only numbers names no one)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from searchapp.ingest.datetimes import DateError, parse_stamp

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
    "outlet": ("media", "outlet", "sumber", "source", "portal", "situs", "publisher", "nama_media", "media_name",
               "source_name", "publisher_name", "nama_sumber", "nama_portal"),
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


def decided_by_cells(columns: dict[str, int], header: list[str], rows: list[list[Any]]
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
