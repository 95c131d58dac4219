"""How well the publication date is inferred from text and URL alone.

For every corpus article with a stated ``date``, the date is inferred as if it were unknown, twice:
from the text and the URL, as the indexer does (no later than the article's ``collected`` day, by the
indexer's own rule, `searchapp.documents.latest_date`), and from the text alone, the URL withheld and
no later than ``today`` — how the dateline rules fare on their own, as they must for every article
whose URL carries no date. Each result falls in one of four buckets: the same day, one day off (a
late-evening or time-zone shift), wrong (more than a day off), missing (no date inferred). The issue's
figure, the same-day share where the text or URL writes a date, counts every article that writes one,
whether or not a date was taken from it.

The stated date must be the publication date. IndoSum's ids start with the time an article was
collected, 19 hours to weeks after publication, so ``searchapp import indosum`` states the URL's date and
keeps the id's day as ``collected``. For articles with a ``collected`` day but no stated date, the report
counts the inferred dates falling on the collection day or in the days before it, and those after it
(certainly wrong), with how far collection runs behind publication where both are known.

The text alone, and the articles without a stated date, are bounded by ``today``, one day for the whole
corpus (the day an archive ends), not each article's ``collected`` day: the collection day is what the
unstated ones are measured against, and it would give part of the answer away to the dateline rules.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from searchapp.documents import latest_date, read_when_collected
from searchapp.extract.dates import MONTHS, date_from_url, dates_in_text, extract_date, has_written_date

BUCKETS = ("same day", "one day off", "wrong", "missing")
COLLECTION_WINDOW = 3  # days from publication to collection that count as consistent (IndoSum: 0–3 mostly)
# the inferred date against the collected day: on it or up to the window before, after it, earlier, none
COLLECTION_BUCKETS = (f"0–{COLLECTION_WINDOW} d before", "after", "earlier", "missing")
EXAMPLES = 15
SNIPPET_CHARS = 45


def bucket(given: dt.date, inferred: dt.date | None) -> str:
    """Which of `BUCKETS` an inferred date falls in, against the given one."""
    if inferred is None:
        return "missing"
    off = abs((inferred - given).days)
    return "same day" if off == 0 else "one day off" if off == 1 else "wrong"


def collection_bucket(collected: dt.date, inferred: dt.date | None) -> str:
    """Which of `COLLECTION_BUCKETS` a date inferred for an article collected on *collected* falls in."""
    if inferred is None:
        return "missing"
    before = (collected - inferred).days
    return COLLECTION_BUCKETS[0] if 0 <= before <= COLLECTION_WINDOW else COLLECTION_BUCKETS[1 if before < 0 else 2]


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
    cases: list[DateCase] = field(default_factory=list)  # from text and URL
    text_alone: list[DateCase] = field(default_factory=list)  # the same articles, URL withheld
    writes_date: int = 0  # stated-date articles whose text or URL writes a date
    text_writes_date: int = 0  # ... whose text does
    same_day_where_written: int = 0
    text_same_day_where_written: int = 0
    dateline_offsets: Counter = field(default_factory=Counter)  # each dateline date − stated date, in days
    collection_lag: Counter = field(default_factory=Counter)  # collected − stated date, in days
    unstated: Counter = field(default_factory=Counter)  # `COLLECTION_BUCKETS` of articles without a stated date
    unstated_without_collected: int = 0

    @property
    def counts(self) -> Counter:
        return Counter(case.bucket for case in self.cases)

    @property
    def text_counts(self) -> Counter:
        return Counter(case.bucket for case in self.text_alone)

    def by(self, key: str, cases: list[DateCase] | None = None) -> dict[str, Counter]:
        table: dict[str, Counter] = {}
        for case in self.cases if cases is None else cases:
            table.setdefault(str(getattr(case, key) or "-"), Counter())[case.bucket] += 1
        return table


def _snippet_of(text: str, date: dt.date) -> str | None:
    """The text around the first place that writes *date* (``24/2``, ``24 Februari``, ``2022-02-24``),
    or the day before it (an evening's or yesterday's event dates the next day's article)."""
    for day in (date, date - dt.timedelta(days=1)):
        found = _find_written(text, day)
        if found is not None:
            start, end = max(0, found[0] - SNIPPET_CHARS), min(len(text), found[1] + SNIPPET_CHARS)
            piece = " ".join(text[start:end].split())
            return ("…" if start else "") + piece + ("…" if end < len(text) else "")
    return None


def _find_written(text: str, date: dt.date) -> tuple[int, int] | None:
    names = "|".join(sorted((re.escape(n) for n, m in MONTHS.items() if m == date.month), key=len, reverse=True))
    d, m = date.day, date.month
    patterns = (
        rf"(?<!\d)0?{d}\s*/\s*0?{m}(?!\d)",
        rf"(?<!\d)0?{d}\s+(?:{names})\b",
        rf"{date.year}-{m:02d}-{d:02d}",
    )
    found = [match.span() for p in patterns if (match := re.search(p, text, re.IGNORECASE))]
    return min(found) if found else None


def infer(body: str, url: str | None, today: dt.date,
          collected: bool = False) -> tuple[dt.date | None, str | None, str | None]:
    """(date, where from, snippet) as searchapp infers it from the text and URL alone."""
    date = extract_date(body, url, today, collected=collected)
    if date is None:
        return None, None, None
    if url and date_from_url(url, today) == date:
        return date, "url", url
    return date, "text", _snippet_of(body, date)


def evaluate_dates(articles: Iterable[Any], today: dt.date) -> DateReport:
    """Buckets of inferred against stated dates, for *articles* (with ``id, body, url, date, outlet``
    and optionally ``collected``)."""
    report = DateReport(today)
    for article in articles:
        collected = getattr(article, "collected", None)
        if article.date is None:
            if collected is None:
                report.unstated_without_collected += 1
            else:
                report.unstated[collection_bucket(collected, extract_date(article.body, article.url, today))] += 1
            continue
        if collected is not None:
            report.collection_lag[(collected - article.date).days] += 1
        case = _case(article, article.url, latest_date(collected, today), read_when_collected(collected, today))
        alone = _case(article, None, today)
        report.cases.append(case)
        report.text_alone.append(alone)
        report.dateline_offsets.update((day - article.date).days for day in dates_in_text(article.body, today)[0])
        text_writes = has_written_date(article.body)
        if text_writes or date_from_url(article.url, today) is not None:
            report.writes_date += 1
            report.same_day_where_written += case.bucket == "same day"
        if text_writes:
            report.text_writes_date += 1
            report.text_same_day_where_written += alone.bucket == "same day"
    return report


def _case(article: Any, url: str | None, today: dt.date, collected: bool = False) -> DateCase:
    inferred, source, snippet = infer(article.body, url, today, collected)
    return DateCase(article.id, article.outlet, article.date, inferred, bucket(article.date, inferred), source,
                    snippet)


def _share(count: int, total: int) -> str:
    return f"{count / total if total else 0:.1%}"


def _share_row(label: str, counts: Counter, width: int = 16, buckets: tuple[str, ...] = BUCKETS) -> str:
    n = sum(counts.values())
    cells = " ".join(f"{counts[b]:>6} {_share(counts[b], n):>6}" for b in buckets)
    return f"{label:<{width}} {n:>6} {cells}"


def _by_outlet(report: DateReport, cases: list[DateCase]) -> list[str]:
    return [_share_row(key, counts) for key, counts in sorted(report.by("outlet", cases).items(),
                                                              key=lambda item: (-sum(item[1].values()), item[0]))]


def format_report(report: DateReport, examples: int = EXAMPLES, seed: int = 13) -> str:
    header = f"{'':<16} {'n':>6} " + " ".join(f"{b:>13}" for b in BUCKETS)
    lines = [
        f"Publication dates inferred from text and URL (no later than {report.today}), against the stated date",
        f"{len(report.cases)} articles with a stated date",
        "",
        header,
        _share_row("text and URL", report.counts),
        _share_row("text alone", report.text_counts),
        "",
        f"same day where the text or URL writes a date: {report.same_day_where_written} of {report.writes_date} "
        f"({_share(report.same_day_where_written, report.writes_date)}); from the text alone, where the text "
        f"writes one: {report.text_same_day_where_written} of {report.text_writes_date} "
        f"({_share(report.text_same_day_where_written, report.text_writes_date)})",
        "",
        *_dateline_lines(report),
        "text and URL, by where the inferred date came from:",
    ]
    lines += [_share_row(key, counts) for key, counts in sorted(report.by("source").items())]
    lines += ["", "text and URL, by outlet:", *_by_outlet(report, report.cases)]
    lines += ["", "text alone, by outlet:", *_by_outlet(report, report.text_alone)]
    lines += _collection_lines(report)
    lines += _examples(report.cases, "wrong dates from text and URL", examples, seed)
    lines += _examples(report.text_alone, "wrong dates from the text alone", examples, seed)
    return "\n".join(lines)


def _dateline_lines(report: DateReport) -> list[str]:
    """How far each dateline date of the texts (taken as the publication day it points to) lies from it."""
    n = sum(report.dateline_offsets.values())
    if not n:
        return []
    offsets = report.dateline_offsets
    shares = {"the same day": offsets[0], "the day before": offsets[-1],
              "earlier": sum(c for days, c in offsets.items() if days < -1),
              "the day after": offsets[1], "later": sum(c for days, c in offsets.items() if days > 1)}
    return [f"each dateline date in the texts ({n}), against the stated date: "
            + ", ".join(f"{label} {_share(count, n)}" for label, count in shares.items()), ""]


def _collection_lines(report: DateReport) -> list[str]:
    lines: list[str] = []
    if report.collection_lag:
        n = sum(report.collection_lag.values())
        spread = Counter(min(max(days, -1), COLLECTION_WINDOW + 1) for days in report.collection_lag.elements())
        label = {-1: "before publication", COLLECTION_WINDOW + 1: f"{COLLECTION_WINDOW + 1}+ days"}
        lines += ["", f"collected day minus stated date ({n} articles with both): " + ", ".join(
            f"{label.get(days, f'{days} d')} {_share(spread[days], n)}" for days in sorted(spread))]
    unstated = sum(report.unstated.values()) + report.unstated_without_collected
    if unstated:
        lines += ["", f"{unstated} articles without a stated date ({report.unstated_without_collected} of them "
                      "without a collected day either, not counted); the date inferred for them against the day "
                      f"they were collected: on it or up to {COLLECTION_WINDOW} days before (consistent), after it "
                      "(wrong), earlier (likely wrong), none:"]
        if report.unstated:
            header = f"{'':<16} {'n':>6} " + " ".join(f"{b:>13}" for b in COLLECTION_BUCKETS)
            lines += [header, _share_row("text and URL", report.unstated, buckets=COLLECTION_BUCKETS)]
    return lines


def _examples(cases: list[DateCase], what: str, count: int, seed: int) -> list[str]:
    wrong = [case for case in cases if case.bucket == "wrong"]
    if not wrong or count <= 0:
        return []
    picked = sorted(random.Random(seed).sample(wrong, min(count, len(wrong))), key=lambda c: c.id)
    lines = ["", f"{len(picked)} of the {len(wrong)} {what} (seed {seed}):"]
    for case in picked:
        assert case.inferred is not None
        lines.append(f"  {case.id} [{case.outlet or '-'}]: given {case.given}, inferred {case.inferred} "
                     f"(off by {(case.inferred - case.given).days:+d} days) from {case.source}: "
                     f"{case.snippet or '(snippet not found)'}")
    return lines
