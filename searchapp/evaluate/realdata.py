"""Readers of the real data sets the evaluations use beside the importers' formats.

* FacQA (IndoNLU): CSV of ``question`` and ``passage`` token lists (Python list literals); the unique
  passages become a corpus, each question's one right answer its own passage.
* searchapp corpus folders, read as the indexer keeps them.

Everything here streams: files are read a line at a time, never whole.
"""

from __future__ import annotations

import ast
import csv
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from searchapp.ingest.detokenize import detokenize

# ---------------------------------------------------------------------------------------------------
# searchapp corpora


def corpus_articles(corpus: str | Path) -> tuple[list[Any], list[str]]:
    """The articles of a searchapp corpus folder, the first of each id (as the indexer keeps them), and
    the reasons files or records were skipped."""
    from searchapp.ingest.corpus import read_corpus
    from searchapp.ingest.files import Skipped

    articles, skipped, seen = [], [], set()
    for item in read_corpus(corpus):
        if isinstance(item, Skipped):
            skipped.append(str(item))
        elif item.id not in seen:
            seen.add(item.id)
            articles.append(item)
    return articles, skipped


# ---------------------------------------------------------------------------------------------------
# FacQA


@dataclass(frozen=True)
class FacqaRows:
    """The questions of FacQA files, each with the id of its passage, and how many rows were unreadable."""

    questions: list[tuple[str, str]]  # (passage id, question text)
    passages: int
    unreadable: int
    problems: list[str]  # files that could not be read to the end, and why


def facqa_files(folder: Path) -> list[Path]:
    """The ``*.csv`` files of *folder* when their header names ``question`` and ``passage``, else []."""
    files = sorted(folder.glob("*.csv"))
    for path in files:
        with open(path, encoding="utf-8-sig", errors="replace", newline="") as handle:
            try:
                header = next(csv.reader(handle), [])
            except csv.Error:
                return []
        if not {"question", "passage"} <= {name.strip() for name in header}:
            return []
    return files


def _tokens(cell: str) -> list[str] | None:
    try:
        value = ast.literal_eval(cell)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return None
    return value if isinstance(value, list) and value and all(isinstance(t, str) for t in value) else None


def facqa_corpus(paths: Iterable[Path], out: Path) -> FacqaRows:
    """Write the unique passages of FacQA CSV files to ``out/facqa.jsonl`` (one article each, id
    ``facqa-`` and a hash of the text) and return every question with its passage's id."""
    out.mkdir(parents=True, exist_ok=True)
    questions: list[tuple[str, str]] = []
    seen: set[str] = set()
    unreadable = 0
    problems: list[str] = []
    with open(out / "facqa.jsonl", "w", encoding="utf-8") as corpus:
        for path in paths:
            with open(path, encoding="utf-8-sig", newline="") as handle:
                reader = csv.DictReader(handle)
                try:
                    for row in reader:
                        question = _tokens(row.get("question") or "")
                        passage = _tokens(row.get("passage") or "")
                        if question is None or passage is None:
                            unreadable += 1
                            continue
                        body = detokenize([passage])
                        passage_id = "facqa-" + hashlib.sha1(body.encode("utf-8")).hexdigest()[:12]
                        if passage_id not in seen:
                            seen.add(passage_id)
                            corpus.write(json.dumps({"id": passage_id, "body": body}, ensure_ascii=False) + "\n")
                        questions.append((passage_id, detokenize([question])))
                except UnicodeDecodeError as error:
                    problems.append(f"{path}: not valid UTF-8 (byte {error.object[error.start]:#04x} at "
                                    f"{error.start}); the rest of the file was skipped")
                except csv.Error as error:
                    problems.append(f"{path}:{reader.line_num}: not valid CSV ({error}); the rest was skipped")
    return FacqaRows(questions, len(seen), unreadable, problems)
