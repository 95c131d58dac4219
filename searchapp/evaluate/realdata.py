"""Readers of the real-data formats used by the importers and the evaluations (issue 5).

* IndoSum (Kurniawan & Louvan 2018): JSONL, one article a line, its text tokenised as
  ``paragraphs`` → sentences → tokens; no title, no date field (the ``id`` starts with a Unix time, said
  to be of publication, though it runs a day or more behind the date in the URL), an outlet name in
  ``source`` and the article's ``source_url``.
* FacQA (IndoNLU): CSV of ``question`` and ``passage`` token lists (Python list literals); the unique
  passages become a corpus, each question's one right answer its own passage.
* URL slugs: the words of a URL's title slug (``…/lula-kamal-pilih-…`` → ``lula kamal pilih …``), the
  stand-in headline of an article whose title is not given.

Everything here streams: files are read a line at a time, never whole.
"""

from __future__ import annotations

import ast
import csv
import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

# ---------------------------------------------------------------------------------------------------
# Tokenised text back to printed text

NO_SPACE_BEFORE = frozenset({",", ".", ":", ";", ")", "?", "!", "]", "%", "”", "’", "...", "…", ".."})
NO_SPACE_AFTER = frozenset({"(", "[", "“", "‘"})
CURRENCY = frozenset({"$", "€", "£", "¥"})
TOGGLE_QUOTES = frozenset({'"', "'", "`"})  # the same mark opens and closes
_ALNUM = re.compile(r"^[^\W_]+$")


def _is_alnum(token: str | None) -> bool:
    return bool(token) and bool(_ALNUM.match(token))  # type: ignore[arg-type]


def _digit_start(token: str | None) -> bool:
    return bool(token) and token[:1].isdigit()  # type: ignore[index]


def _digit_end(token: str | None) -> bool:
    return bool(token) and token[-1:].isdigit()  # type: ignore[index]


def _joins_hyphen(before: str | None, after: str | None, before_is_lead: bool) -> bool:
    """Whether a lone ``-`` token was an in-word hyphen (``negara - negara``, ``ke - 25``, ``U - 22``).

    A dash after the first word of a paragraph is a dateline dash (``JAKARTA - …``, ``Rimanews - …``)
    and keeps its spaces, as does a dash next to punctuation (``CNN Indonesia - - …``).
    """
    return _is_alnum(before) and _is_alnum(after) and not before_is_lead


def detokenize(sentences: Iterable[Sequence[str]]) -> str:
    """One paragraph's tokenised sentences as printed text.

    Tokens are joined with spaces, then: no space before ``, . : ; ) ] ? ! %`` and closing quotes, none
    after ``(``, ``[`` and opening quotes; straight quotes (``"``, ``'``) alternate between opening and
    closing within the paragraph (a quote first in the paragraph opens, last closes); an in-word hyphen
    is joined again (``bentrokan-bentrokan``); a slash between numbers too (``27/3``); whitespace tokens
    vanish (a token holding a line break keeps the break).
    """
    tokens: list[str] = []
    for sentence in sentences:
        tokens.extend(sentence)
    out: list[str] = []
    open_quotes: dict[str, bool] = {}
    glue_next = True  # no space before the next token (start of text, or after an opening mark)
    first_word_index = next((i for i, t in enumerate(tokens) if t.strip()), 0)
    following_of: list[str | None] = [None] * len(tokens)  # the next non-blank token after each
    upcoming: str | None = None
    for i in range(len(tokens) - 1, -1, -1):
        following_of[i] = upcoming
        if tokens[i].strip():
            upcoming = tokens[i].strip()
    previous: str | None = None
    for i, token in enumerate(tokens):
        if not token.strip():
            if "\n" in token and out:
                out.append("\n")
                glue_next = True
            continue
        token = token.strip()
        following = following_of[i]
        space = not glue_next
        glue_after = False
        if token in TOGGLE_QUOTES:
            opening = not open_quotes.get(token, False)
            if following is None:
                opening = False
            elif previous is None:
                opening = True
            open_quotes[token] = opening
            if opening:
                glue_after = True
            else:
                space = False
        elif (token == "-" and _joins_hyphen(previous, following, i - 1 == first_word_index)) or \
                (token == "/" and _digit_end(previous) and _digit_start(following)):
            space = False
            glue_after = True
        elif token in NO_SPACE_BEFORE or (previous is not None and previous.endswith("/")
                                          and _digit_start(previous) and _digit_start(token)):
            space = False
        elif token in NO_SPACE_AFTER or (token in CURRENCY and _digit_start(following)):
            glue_after = True
        if space and out and out[-1] != "\n":
            out.append(" ")
        out.append(token)
        glue_next = glue_after
        previous = token
    return "".join(out).strip()


def indosum_text(paragraphs: Sequence[Sequence[Sequence[str]]]) -> str:
    """The article text of IndoSum ``paragraphs``: paragraphs separated by blank lines."""
    texts = (detokenize(paragraph) for paragraph in paragraphs)
    return "\n\n".join(text for text in texts if text)


# ---------------------------------------------------------------------------------------------------
# IndoSum records

OUTLET_OF_SOURCE = {  # IndoSum `source` → outlet slug, for names the outlet table may not know
    "cnn indonesia": "cnn-indonesia",
    "dailysocial.id": "dailysocial",
    "juara.net": "juara",
    "goal indonesia": "goal-indonesia",
}


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
# searchapp corpora


def corpus_articles(corpus: str | Path) -> tuple[list[Any], list[str]]:
    """The articles of a searchapp corpus folder, the first of each id (as the indexer keeps them), and
    the reasons files or records were skipped."""
    from searchapp.ingest.corpus import Skipped, read_corpus

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
