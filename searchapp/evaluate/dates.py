"""How well the publication date is inferred from text and URL alone (issue 5).

For every corpus article with a stated ``date``, `extract_date(body, url, today)` is run as if the date
were unknown, and the result put in one of four buckets: the same day, one day off (a time-zone or
late-evening shift), wrong (more than a day off), missing (no date inferred).

A stated date may itself be off (IndoSum's, taken from the Unix time its ids start with, is the day of
collection: one to a few days after the date in the article's URL). So the text alone is also measured
against the date a URL carries, on the articles whose URL has one.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

BUCKETS = ("same day", "one day off", "wrong", "missing")
EXAMPLES = 15
SNIPPET_CHARS = 45


def bucket(given: dt.date, inferred: dt.date | None) -> str:
    """Which of `BUCKETS` an inferred date falls in, against the given one."""
    if inferred is None:
        return "missing"
    off = abs((inferred - given).days)
    return "same day" if off == 0 else "one day off" if off == 1 else "wrong"


@dataclass(frozen=True)
class DateCase:
    id: str
    outlet: str | None
    given: dt.date
    inferred: dt.date | None
    bucket: str
    source: str | None  # "url" or "text" (None when nothing was inferred)
    snippet: str | None  # the URL, or the text around the date that was read


@dataclass
class DateReport:
    today: dt.date
    without_date: int = 0
    cases: list[DateCase] = field(default_factory=list)
    text_vs_url: list[DateCase] = field(default_factory=list)  # text alone against the URL's date

    @property
    def counts(self) -> Counter:
        return Counter(case.bucket for case in self.cases)

    def by(self, key: str, cases: list[DateCase] | None = None) -> dict[str, Counter]:
        table: dict[str, Counter] = {}
        for case in self.cases if cases is None else cases:
            table.setdefault(str(getattr(case, key) or "-"), Counter())[case.bucket] += 1
        return table


def _snippet_of(text: str, date: dt.date) -> str | None:
    """The text around the first place that writes *date* (``24/2``, ``24 Februari``, ``2022-02-24``)."""
    from ..extract.dates import MONTHS

    names = "|".join(sorted((re.escape(n) for n, m in MONTHS.items() if m == date.month), key=len, reverse=True))
    d, m = date.day, date.month
    patterns = (
        rf"(?<!\d)0?{d}\s*/\s*0?{m}(?!\d)",
        rf"(?<!\d)0?{d}\s+(?:{names})\b",
        rf"{date.year}-{m:02d}-{d:02d}",
    )
    best: re.Match | None = None
    for pattern in patterns:
        match = re.search(pattern, text, re.IGNORECASE)
        if match and (best is None or match.start() < best.start()):
            best = match
    if best is None:
        return None
    start, end = max(0, best.start() - SNIPPET_CHARS), min(len(text), best.end() + SNIPPET_CHARS)
    piece = " ".join(text[start:end].split())
    return ("…" if start else "") + piece + ("…" if end < len(text) else "")


def infer(body: str, url: str | None, today: dt.date) -> tuple[dt.date | None, str | None, str | None]:
    """(date, where from, snippet) as searchapp infers it from the text and URL alone."""
    from ..extract.dates import date_from_url, extract_date

    date = extract_date(body, url, today)
    if date is None:
        return None, None, None
    if url and date_from_url(url, today) == date:
        return date, "url", url
    return date, "text", _snippet_of(body, date)


def evaluate_dates(articles: Iterable[Any], today: dt.date) -> DateReport:
    """Buckets of inferred against stated dates, for *articles* (with ``id, body, url, date, outlet``)."""
    from ..extract.dates import date_from_url

    report = DateReport(today)
    for article in articles:
        url_date = date_from_url(article.url, today)
        if url_date is not None:
            inferred, source, snippet = infer(article.body, None, today)
            report.text_vs_url.append(DateCase(article.id, article.outlet, url_date, inferred,
                                               bucket(url_date, inferred), source, snippet))
        if article.date is None:
            report.without_date += 1
            continue
        inferred, source, snippet = infer(article.body, article.url, today)
        report.cases.append(DateCase(article.id, article.outlet, article.date, inferred,
                                     bucket(article.date, inferred), source, snippet))
    return report


def _share_row(label: str, counts: Counter, width: int = 16) -> str:
    n = sum(counts.values())
    cells = " ".join(f"{counts[b]:>6} {counts[b] / n if n else 0:>6.1%}" for b in BUCKETS)
    return f"{label:<{width}} {n:>6} {cells}"


def format_report(report: DateReport, examples: int = EXAMPLES, seed: int = 13) -> str:
    header = f"{'':<16} {'n':>6} " + " ".join(f"{b:>13}" for b in BUCKETS)
    lines = [
        f"Publication dates inferred from text and URL (today = {report.today}), against the stated date",
        f"{len(report.cases)} articles with a stated date ({report.without_date} without one, not counted)",
        "",
        header,
        _share_row("all", report.counts),
        "",
        "by where the inferred date came from:",
    ]
    lines += [_share_row(key, counts) for key, counts in sorted(report.by("source").items())]
    lines += ["", "by outlet:"]
    lines += [_share_row(key, counts) for key, counts in sorted(report.by("outlet").items(),
                                                                key=lambda item: -sum(item[1].values()))]
    if report.text_vs_url:
        lines += ["", f"the text alone (URL ignored) against the date in the URL, for the {len(report.text_vs_url)} "
                      "articles whose URL has one:", header,
                  _share_row("all", Counter(case.bucket for case in report.text_vs_url))]
        lines += [_share_row(key, counts) for key, counts in sorted(report.by("outlet", report.text_vs_url).items(),
                                                                    key=lambda item: -sum(item[1].values()))]
    lines += _examples(report.cases, "wrong dates", "given", examples, seed)
    lines += _examples(report.text_vs_url, "wrong dates from the text alone (against the URL's date)", "URL date",
                       examples, seed)
    return "\n".join(lines)


def _examples(cases: list[DateCase], what: str, reference: str, count: int, seed: int) -> list[str]:
    wrong = [case for case in cases if case.bucket == "wrong"]
    if not wrong or count <= 0:
        return []
    picked = sorted(random.Random(seed).sample(wrong, min(count, len(wrong))), key=lambda c: c.id)
    lines = ["", f"{len(picked)} of the {len(wrong)} {what} (seed {seed}):"]
    for case in picked:
        assert case.inferred is not None
        lines.append(f"  {case.id} [{case.outlet or '-'}]: {reference} {case.given}, inferred {case.inferred} "
                     f"(off by {(case.inferred - case.given).days:+d} days) from {case.source}: "
                     f"{case.snippet or '(snippet not found)'}")
    return lines
