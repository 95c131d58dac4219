"""IndoSum (Kurniawan & Louvan 2018) as corpus records.

IndoSum is JSONL, one article a line, its text tokenised as ``paragraphs`` → sentences → tokens; no
title, no date field (the ``id`` starts with the Unix time it was collected), an outlet name in
``source`` and the article's ``source_url``. The text is detokenised, the outlet taken from ``source``,
the date from the article's URL where it has one (else it is inferred from the text when indexed),
``collected`` from the id's time, and the title — IndoSum has none — from the words of the URL's slug.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from searchapp.extract.outlet import OutletTable
from searchapp.ingest.detokenize import indosum_text
from searchapp.ingest.records import ImportSummary, Problem, ShardWriter, make_record, outlet_slug, write_records


def unix_date(article_id: str) -> dt.date | None:
    """The UTC date of the Unix time an IndoSum id starts with (``1501893029-…`` → 2017-08-05)."""
    match = re.match(r"^(\d{9,11})(?:-|$)", article_id)
    if not match:
        return None
    try:
        return dt.datetime.fromtimestamp(int(match.group(1)), dt.timezone.utc).date()
    except (OverflowError, OSError, ValueError):
        return None


@dataclass(frozen=True)
class Line:
    """One line of a JSONL file: where it is, and the parsed record or the reason it is not one."""

    path: str
    number: int
    record: dict[str, Any] | None
    problem: str | None = None

    @property
    def where(self) -> str:
        return f"{self.path}:{self.number}"


def read_jsonl(paths: Iterable[str | Path]) -> Iterator[Line]:
    """Every non-blank line of the JSONL files, parsed, one at a time."""
    for path in paths:
        try:
            handle = open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115 (closed by the with below)
        except OSError as error:
            yield Line(str(path), 0, None, f"cannot be read ({error.strerror or error})")
            continue
        with handle:
            number = 0
            try:
                for number, text in enumerate(handle, 1):  # noqa: B007 (number is used after the loop)
                    if not text.strip():
                        continue
                    try:
                        record = json.loads(text)
                    except json.JSONDecodeError as error:
                        yield Line(str(path), number, None, f"not valid JSON ({error.msg})")
                        continue
                    if not isinstance(record, dict):
                        yield Line(str(path), number, None, "not a JSON object")
                        continue
                    yield Line(str(path), number, record)
            except UnicodeDecodeError as error:
                yield Line(str(path), number + 1, None, f"not valid UTF-8 ({error.reason}); rest of file skipped")


# ---------------------------------------------------------------------------------------------------
# Titles from URL slugs

_EXTENSION = re.compile(r"\.(?:s?html?|php|aspx?|jsp)$", re.IGNORECASE)
_SLUG_SPLIT = re.compile(r"[-_.+\s]+")
_LONG_NUMBER = re.compile(r"^\d{5,}$")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_KIND_CHANGE = re.compile(r"(?<=\d)(?=[^\W\d_])|(?<=[^\W\d_])(?=\d)")


def _slug_words(segment: str) -> list[str]:
    segment = _EXTENSION.sub("", unquote(segment))
    words = [w for w in _SLUG_SPLIT.split(segment) if w]
    while words and _LONG_NUMBER.match(words[0]):  # juara: 178337-sung.ji-hyun…, an article number
        words.pop(0)
    return words


def _looks_random(word: str) -> bool:
    """An opaque identifier (``1ebtb1x1e6ygk1uoi64ik4cx6j``), not a word of a title (``insta360``)."""
    return len(word) >= 10 and len(_KIND_CHANGE.findall(word)) >= 3


def slug_title(url: str | None) -> str | None:
    """The words of the URL's title slug, lower case, joined by spaces; None when it has none.

    The slug is the path segment with the most parts holding a letter, at least two (category folders
    such as ``berita`` or ``olahraga``, numeric and opaque ids lose against it); a leading article
    number is dropped.
    """
    if not url:
        return None
    try:
        path = urlsplit(url.strip()).path
    except ValueError:
        return None
    best: list[str] = []
    best_score = 1  # a slug has at least two word-like parts
    for segment in path.split("/"):
        words = _slug_words(segment)
        if any(_looks_random(w) for w in words):
            continue
        score = sum(1 for w in words if _HAS_LETTER.search(w))
        if score > best_score or (score == best_score and best and score > 1):
            best, best_score = words, score
    return " ".join(w.lower() for w in best) or None


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
        yield make_record(article_id.strip(), title or None, body, outlet_slug(table, source, url), date, url,
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
