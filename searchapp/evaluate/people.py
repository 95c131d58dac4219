"""Span-level quality of person extraction against gold CoNLL files.

Gold files hold one token a line (``token [POS ...] tag``), IOB tags ``B-PER``/``I-PER`` (or
``B-PERSON``/``I-PERSON``), and a blank line between sentences. Each sentence's text is rebuilt as a
news article would print it (no space before ``, . : ; ) ? !``, none after ``(``), the extractor runs on
it, and its spans are compared with the gold ones: exactly, and leniently (one span contains the other).
Both sides are trimmed of punctuation at their edges, so a gold ``(Jokowi)`` token is the span ``Jokowi``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from searchapp.errors import SearchappError
from searchapp.extract.people import PeopleRegistry, find_person_spans

NO_SPACE_BEFORE = frozenset({",", ".", ":", ";", ")", "?", "!"})
NO_SPACE_AFTER = frozenset({"("})
PERSON_TAGS = frozenset({"PER", "PERSON"})
TOP = 20

Span = tuple[int, int]
Extractor = Callable[[str], list[Span]]


@dataclass(frozen=True)
class Sentence:
    """One gold sentence: its tokens and the token ranges [a, b) of its person entities."""

    tokens: tuple[str, ...]
    persons: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Scores:
    """Precision, recall and F1 from matched predictions and matched gold spans."""

    matched_pred: int
    n_pred: int
    matched_gold: int
    n_gold: int

    @property
    def precision(self) -> float:
        return self.matched_pred / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class PeopleReport:
    """Result of :func:`evaluate_people`."""

    files: tuple[str, ...]
    sentences: int
    exact: Scores
    lenient: Scores
    false_positives: list[tuple[str, int]] = field(default_factory=list)  # most frequent, exact level
    misses: list[tuple[str, int]] = field(default_factory=list)


def read_conll(path: str) -> list[Sentence]:
    """Sentences of a CoNLL-style file; person entities from IOB tags (a stray I- starts an entity)."""
    try:
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except OSError as exc:
        raise SearchappError(f"{path}: cannot read: {exc.strerror or exc}") from None
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for number, line in enumerate(lines + [""], start=1):
        parts = line.split()
        if not parts or parts[0] == "-DOCSTART-":
            if tokens:
                sentences.append(Sentence(tuple(tokens), _entities(tags)))
                tokens, tags = [], []
            continue
        if len(parts) < 2:
            raise SearchappError(f"{path}:{number}: expected 'token [POS] tag', got {line!r}")
        tokens.append(parts[0])
        tags.append(parts[-1])
    return sentences


def _entities(tags: list[str]) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    start = None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        inside = kind in PERSON_TAGS and prefix in ("B", "I")
        if start is not None and (not inside or prefix == "B"):
            out.append((start, i))
            start = None
        if inside and start is None:
            start = i
    return tuple(out)


def rebuild(tokens: tuple[str, ...] | list[str]) -> tuple[str, list[Span]]:
    """Text of the tokens as printed in an article, and each token's character span in it."""
    parts: list[str] = []
    offsets: list[Span] = []
    pos = 0
    for i, token in enumerate(tokens):
        if i and token not in NO_SPACE_BEFORE and tokens[i - 1] not in NO_SPACE_AFTER:
            parts.append(" ")
            pos += 1
        parts.append(token)
        offsets.append((pos, pos + len(token)))
        pos += len(token)
    return "".join(parts), offsets


def trim(text: str, span: Span) -> Span:
    """``span`` without punctuation or spaces at its edges (an empty span stays empty)."""
    a, b = span
    while a < b and not text[a].isalnum():
        a += 1
    while b > a and not text[b - 1].isalnum():
        b -= 1
    return a, b


def _contains(x: Span, y: Span) -> bool:
    return x[0] <= y[0] and y[1] <= x[1]


def evaluate_sentences(
    sentences: list[Sentence], extract: Extractor, files: tuple[str, ...] = ()
) -> PeopleReport:
    """Compare ``extract``'s spans with the gold person spans of ``sentences``."""
    exact_tp = n_pred = n_gold = len_pred = len_gold = 0
    fps: Counter[str] = Counter()
    misses: Counter[str] = Counter()
    for sentence in sentences:
        text, offsets = rebuild(sentence.tokens)
        gold = {trim(text, (offsets[a][0], offsets[b - 1][1])) for a, b in sentence.persons}
        gold.discard((0, 0))
        gold = {g for g in gold if g[0] < g[1]}
        pred = {trim(text, s) for s in extract(text)}
        pred = {p for p in pred if p[0] < p[1]}
        n_gold += len(gold)
        n_pred += len(pred)
        exact_tp += len(gold & pred)
        len_pred += sum(any(_contains(p, g) or _contains(g, p) for g in gold) for p in pred)
        len_gold += sum(any(_contains(p, g) or _contains(g, p) for p in pred) for g in gold)
        fps.update(text[a:b] for a, b in pred - gold)
        misses.update(text[a:b] for a, b in gold - pred)
    return PeopleReport(
        files=files,
        sentences=len(sentences),
        exact=Scores(exact_tp, n_pred, exact_tp, n_gold),
        lenient=Scores(len_pred, n_pred, len_gold, n_gold),
        false_positives=_most_common(fps),
        misses=_most_common(misses),
    )


def _most_common(counter: Counter[str]) -> list[tuple[str, int]]:
    """The TOP most frequent surfaces, ties in alphabetical order (stable reports)."""
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))[:TOP]


def evaluate_people(paths: list[str], registry: PeopleRegistry) -> PeopleReport:
    """Entity-level precision, recall and F1 of :func:`find_person_spans` on gold CoNLL files."""
    sentences: list[Sentence] = []
    for path in paths:
        sentences.extend(read_conll(path))
    return evaluate_sentences(sentences, lambda text: find_person_spans(text, registry), tuple(paths))


def format_report(report: PeopleReport) -> str:
    """A plain-text summary: figures, then the most frequent false positives and misses."""
    lines = [
        f"Person spans: {', '.join(report.files) or '(no files)'}",
        f"{report.sentences} sentences, {report.exact.n_gold} gold spans, {report.exact.n_pred} predicted",
        "",
        f"{'match':<8} {'precision':>9} {'recall':>7} {'F1':>6}",
    ]
    for label, s in (("exact", report.exact), ("lenient", report.lenient)):
        lines.append(f"{label:<8} {s.precision:>9.3f} {s.recall:>7.3f} {s.f1:>6.3f}")
    for title, items in (("false positives", report.false_positives), ("misses", report.misses)):
        lines += ["", f"Most frequent {title}:"]
        lines += [f"  {count:>4}  {surface}" for surface, count in items] or ["  (none)"]
    return "\n".join(lines)
