"""Reading the corpus folder into `Article` records.

Formats, found recursively:
- ``.txt`` / ``.md``: one article; optionally a YAML front-matter block (``---`` … ``---``) with
  ``title``, ``outlet``, ``date``, ``url``, ``people``, ``reporter``, ``editor``, ``id``, ``collected``
  (the day the article was collected — crawled, exported — which its publication cannot be after: a
  date inferred from the text of an archive is placed no later than that, not no later than today);
- ``.jsonl``: one article per line; ``.json``: one article object or a list of them. Records hold
  ``body`` (or ``text``/``content``/``isi``) and optionally the keys above.

Nothing here stops a run: a file or record that cannot be read becomes a `Skipped` with a one-line
reason, and the rest is read on.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from searchapp.ingest.cleaning import repair
from searchapp.ingest.datetimes import parse_explicit_date, stated_moment
from searchapp.ingest.files import ARTICLE_SUFFIXES, Skipped, corpus_entries, printable

BODY_KEYS = ("body", "text", "content", "isi", "isi_berita")
MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Article:
    """One article as read: its text and whatever metadata the file states explicitly."""

    id: str
    source: str  # path relative to the corpus folder (with ``#N`` for the Nth record of a file)
    # id: stated in the file, else the path without suffix (with ``/N`` for the Nth record of a file)
    body: str
    title: str | None = None
    outlet: str | None = None
    date: dt.date | None = None
    url: str | None = None
    people: tuple[str, ...] | None = None
    reporter: str | None = None
    editor: str | None = None
    collected: dt.date | None = None  # the latest the article can have been published
    published: dt.datetime | None = None  # the moment of publication, when the time is stated (aware)
    updated: bool = False  # the stated moment is the site's last update, not the first publication
    summary: str | None = None
    category: str | None = None  # the outlet's rubric (rubrik, kanal)
    warnings: tuple[str, ...] = field(default=(), compare=False)

    @property
    def content_hash(self) -> str:
        """Changes whenever the text or any explicit metadata changes."""
        state = [self.body, self.title, self.outlet, self.date and self.date.isoformat(), self.url,
                 self.people, self.reporter, self.editor]
        # later keys only when stated, so the hashes of earlier indexes stay valid
        later = {"collected": self.collected and self.collected.isoformat(),
                 "published": self.published and self.published.isoformat(), "updated": self.updated,
                 "summary": self.summary, "category": self.category}
        state += [f"{key}={value}" for key, value in later.items() if value]
        return hashlib.sha1(json.dumps(state, ensure_ascii=False).encode("utf-8")).hexdigest()


def read_corpus(root: str | Path) -> Iterator[Article | Skipped]:
    """Every article below *root*, or the reason it was skipped."""
    root = Path(root)
    if not root.is_dir():
        yield Skipped(str(root), "corpus folder not found")
        return
    for entry in corpus_entries(root):
        if isinstance(entry, Skipped):
            yield entry
        else:
            yield from read_file(entry, printable(entry.relative_to(root).as_posix()))


def read_file(path: Path, source: str) -> Iterator[Article | Skipped]:
    if path.suffix.lower() == ".jsonl":
        yield from read_jsonl(path, source)
        return
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            yield Skipped(source, f"larger than {MAX_FILE_BYTES // 2**20} MiB (split it, or use .jsonl)")
            return
        raw = path.read_bytes()
    except OSError as error:
        yield Skipped(source, f"cannot be read ({error.strerror or error})")
        return
    text = decode(raw)
    if isinstance(text, DecodeProblem):
        yield Skipped(source, str(text))
        return
    if path.suffix.lower() in ARTICLE_SUFFIXES:
        yield parse_text_article(text, source)
    else:
        yield from parse_json(text, source)


def read_jsonl(path: Path, source: str) -> Iterator[Article | Skipped]:
    """A JSON Lines file, streamed a line at a time (any size); each bad line is reported alone."""
    try:
        yield from _read_jsonl_lines(path, source)
    except OSError as error:
        yield Skipped(source, f"cannot be read ({error.strerror or error})")


def _read_jsonl_lines(path: Path, source: str) -> Iterator[Article | Skipped]:
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, 1):
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            if not raw.strip():
                continue
            where = f"{source}#{number}"
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                yield Skipped(where, f"line {number} is not valid UTF-8 (byte 0x{raw[error.start]:02x})")
                continue
            yield parse_jsonl_line(line, number, source)


class DecodeProblem(str):
    """Why bytes could not be decoded (a str so it can be reported as it is)."""


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(raw: bytes) -> str | DecodeProblem:
    """Text of a file: UTF-8, or UTF-8/16/32 with a byte-order mark; else the reason it is not text."""
    if not raw.strip():
        return DecodeProblem("empty file")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError as error:
                return DecodeProblem(f"invalid {encoding.upper()} at byte {error.start}")
            break
    else:
        if b"\x00" in raw[:8192]:
            encoding = _utf16_without_bom(raw[:8192])
            if encoding is None:
                return DecodeProblem("binary file (NUL bytes), not text")
            return decode((codecs.BOM_UTF16_LE if encoding == "utf-16-le" else codecs.BOM_UTF16_BE) + raw)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            return DecodeProblem(
                f"not valid UTF-8 (byte 0x{raw[error.start]:02x} at offset {error.start}); "
                "convert it to UTF-8"
            )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return DecodeProblem("empty file")
    return text


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 written without a byte-order mark: in text of Latin letters every other byte is NUL (the
    odd ones little-endian, the even ones big-endian), which no binary file keeps up for long."""
    odd, even = sample[1::2], sample[0::2]
    if len(sample) >= 8 and odd.count(0) >= 0.9 * len(odd) and even.count(0) <= 0.1 * len(even):
        return "utf-16-le"
    if len(sample) >= 8 and even.count(0) >= 0.9 * len(even) and odd.count(0) <= 0.1 * len(odd):
        return "utf-16-be"
    return None


def parse_text_article(text: str, source: str) -> Article | Skipped:
    """A ``.txt``/``.md`` article, with an optional YAML front-matter block."""
    metadata: Mapping[str, Any] = {}
    body = text
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end == -1:
            return Skipped(source, "front matter opened with '---' is never closed")
        try:
            loaded = yaml.safe_load(text[4:end])
        except yaml.YAMLError as error:
            return Skipped(source, f"front matter is not valid YAML ({_first_line(error)})")
        except (ValueError, RecursionError) as error:  # PyYAML reads `2017-02-30` as a date, and fails
            return Skipped(source, f"front matter holds a value that cannot be read ({_first_line(error)})")
        if loaded is not None and not isinstance(loaded, Mapping):
            return Skipped(source, "front matter is not a mapping of keys to values")
        metadata = loaded or {}
        body = text[end + 4:].split("\n", 1)[1] if "\n" in text[end + 4:] else ""
    return build_article({**metadata, "body": body}, source, default_id=source.rsplit(".", 1)[0])


def parse_jsonl_line(line: str, number: int, source: str) -> Article | Skipped:
    where = f"{source}#{number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return Skipped(where, f"line {number} is not valid JSON ({error.msg})")
    except (ValueError, RecursionError) as error:  # a 5,000-digit number, 100,000 nested brackets
        return Skipped(where, f"line {number} cannot be read ({_first_line(error)[:200]})")
    return build_article(record, where, default_id=f"{source.rsplit('.', 1)[0]}/{number}")


def parse_json(text: str, source: str) -> Iterator[Article | Skipped]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        yield Skipped(source, f"not valid JSON ({error.msg} at line {error.lineno})")
        return
    except (ValueError, RecursionError) as error:  # a 5,000-digit number, 100,000 nested brackets
        yield Skipped(source, f"cannot be read ({_first_line(error)[:200]})")
        return
    if isinstance(data, list):
        for number, record in enumerate(data, 1):
            where = f"{source}#{number}"
            yield build_article(record, where, default_id=f"{source.rsplit('.', 1)[0]}/{number}")
    else:
        yield build_article(data, source, default_id=source.rsplit(".", 1)[0])


def build_article(record: Any, source: str, default_id: str) -> Article | Skipped:
    """An `Article` from a mapping of explicit fields; explicit metadata is kept as stated; a record
    none of whose text can be read is skipped with the reason, never an error for the whole run."""
    try:
        return _build_article(record, source, default_id)
    except (ValueError, TypeError, RecursionError) as error:
        return Skipped(source, f"record cannot be read ({type(error).__name__}: {_first_line(error)[:200]})")


def _build_article(record: Any, source: str, default_id: str) -> Article | Skipped:
    if isinstance(record, Mapping):
        record = {key: printable(value) if isinstance(value, str) else value for key, value in record.items()}
    if not isinstance(record, Mapping):
        return Skipped(source, "record is not an object of keys to values")
    body = next((record[key] for key in BODY_KEYS if record.get(key) is not None), None)
    if not isinstance(body, str) or not body.strip():
        return Skipped(source, "no article text (expected a non-empty 'body')")
    warnings: list[str] = []

    def text_field(key: str) -> str | None:
        value = record.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            return str(value).strip()
        warnings.append(f"'{key}' ignored: expected text, got {type(value).__name__}")
        return None

    people = record.get("people")
    if people is not None:
        if isinstance(people, str):
            people = [p.strip() for p in people.split(",")]
        if isinstance(people, list) and all(isinstance(p, str) for p in people):
            people = tuple(printable(p.strip()) for p in people if p.strip())
        else:
            warnings.append("'people' ignored: expected a list of names")
            people = None

    date = parse_explicit_date(record.get("date"))
    if isinstance(date, str):
        warnings.append(date)
        date = None
    published = stated_moment(record.get("date")) if date else None
    collected = parse_explicit_date(record.get("collected"), "collected")
    if isinstance(collected, str):
        warnings.append(collected)
        collected = None

    title = text_field("title")
    return Article(
        id=text_field("id") or default_id,
        source=source,
        body=repair(body.strip()),
        title=repair(title) if title else None,
        outlet=text_field("outlet"),
        date=date,
        url=text_field("url"),
        people=people,
        reporter=text_field("reporter"),
        editor=text_field("editor"),
        collected=collected,
        published=published,
        updated=record.get("updated") is True,
        summary=text_field("summary"),
        category=text_field("category"),
        warnings=tuple(warnings),
    )


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
