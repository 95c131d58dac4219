"""Attention over time: a search's articles per day, week or month, as counts and as a share of every
article the index holds for that period (pure: dates in, buckets out)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

INTERVALS = ("day", "week", "month", "year")
MAX_BUCKETS = 1000  # a finer interval over a longer span is a 400 naming a coarser one


class IntervalError(ValueError):
    """The interval asked for would make more than MAX_BUCKETS buckets."""

    def __init__(self, interval: str, first: dt.date, last: dt.date) -> None:
        self.interval = interval
        self.limit = MAX_BUCKETS
        self.coarser = INTERVALS[INTERVALS.index(interval) + 1] if interval != INTERVALS[-1] else None
        super().__init__(f"{interval} buckets from {first} to {last} are more than {self.limit}; choose "
                         f"{f'interval={self.coarser} or ' if self.coarser else ''}a shorter span")


@dataclass(frozen=True)
class Bucket:
    start: dt.date
    end: dt.date  # the last day in it
    count: int  # the search's articles dated within it
    total: int  # every article of the index dated within it

    @property
    def share(self) -> float:
        return self.count / self.total if self.total else 0.0


@dataclass(frozen=True)
class Timeline:
    interval: str
    buckets: list[Bucket]
    undated: int  # the search's articles without a date (in no bucket)
    cut: bool = False  # left to choose, the span was cut short to what it can draw (a stray date centuries away)

    @property
    def dated(self) -> int:
        return sum(bucket.count for bucket in self.buckets)


def choose_interval(first: dt.date, last: dt.date) -> str:
    """Days over two months at most, weeks over two years at most, months over fifty years at most, else
    years."""
    span = (last - first).days
    return "day" if span <= 62 else "week" if span <= 731 else "month" if span <= 50 * 366 else "year"


def bucket_start(day: dt.date, interval: str) -> dt.date:
    if interval == "week":
        return day - dt.timedelta(days=day.weekday())  # weeks begin on Monday
    if interval == "month":
        return day.replace(day=1)
    if interval == "year":
        return day.replace(month=1, day=1)
    return day


def next_start(start: dt.date, interval: str) -> dt.date | None:
    """The first day of the next period; None past the end of the calendar (9999)."""
    try:
        if interval == "week":
            return start + dt.timedelta(days=7)
        if interval == "month":
            return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        if interval == "year":
            return start.replace(year=start.year + 1, month=1, day=1)
        return start + dt.timedelta(days=1)
    except (OverflowError, ValueError):
        return None


def last_day(start: dt.date, interval: str) -> dt.date:
    following = next_start(start, interval)
    return following - dt.timedelta(days=1) if following else dt.date.max


def bucket_count(first: dt.date, last: dt.date, interval: str) -> int:
    """How many buckets of *interval* the days [first, last] fall in."""
    if interval == "day":
        return (last - first).days + 1
    if interval == "week":
        return (bucket_start(last, "week") - bucket_start(first, "week")).days // 7 + 1
    if interval == "month":
        return (last.year - first.year) * 12 + last.month - first.month + 1
    return last.year - first.year + 1


def fits(first: dt.date, last: dt.date, interval: str) -> bool:
    """Whether a timeline of *interval* over [first, last] can be drawn (no more than MAX_BUCKETS)."""
    return bucket_count(first, last, interval) <= MAX_BUCKETS


def build_timeline(dates: Iterable[int], totals: Counter, interval: str | None = None,
                   date_from: dt.date | None = None, date_to: dt.date | None = None, asked: bool = True) -> Timeline:
    """Buckets from the first to the last dated article of *dates* (proleptic ordinals, 0 for undated),
    or over [date_from, date_to] where the search names them, as far as the index holds articles, empty
    buckets included; *totals*: articles of the whole index per ordinal. An *interval* not *asked* for (an
    earlier timeline's own choice) is used as one chosen here: the span may be cut to what it can draw."""
    days = Counter(dates)
    undated = days.pop(0, 0)
    if not days and not (date_from and date_to and totals):
        return Timeline(interval or "month", [], undated)
    held = [ordinal for ordinal in totals if ordinal] or list(days)
    first = max(date_from, dt.date.fromordinal(min(held))) if date_from else dt.date.fromordinal(min(days))
    last = min(date_to, dt.date.fromordinal(max(held))) if date_to else dt.date.fromordinal(max(days))
    if days:  # never cut off an article of the search
        first, last = min(first, dt.date.fromordinal(min(days))), max(last, dt.date.fromordinal(max(days)))
    if first > last:
        return Timeline(interval or "month", [], undated)
    chosen = interval if asked else None
    interval = interval or choose_interval(first, last)
    while chosen is None and not fits(first, last, interval) and interval != INTERVALS[-1]:
        interval = INTERVALS[INTERVALS.index(interval) + 1]  # left to choose, it never draws too many bars
    outside = 0
    cut = chosen is None and not fits(first, last, interval)
    if cut:  # a stray date centuries away
        first = bucket_start(last, interval).replace(year=max(1, last.year - MAX_BUCKETS + 1))
        outside = sum(n for ordinal, n in days.items() if ordinal < first.toordinal())
    starts: list[dt.date] = []
    start: dt.date | None = bucket_start(first, interval)
    while start is not None and start <= last:
        starts.append(start)
        if len(starts) > MAX_BUCKETS:
            raise IntervalError(interval, first, last)
        start = next_start(start, interval)
    # where the search's dates cut a period (from the 15th: its month from the 15th), its bucket ends there
    start_at = first if date_from else starts[0]
    end_at = last if date_to else last_day(starts[-1], interval)
    low, high = start_at.toordinal(), end_at.toordinal()
    per_bucket: Counter = Counter()
    all_per_bucket: Counter = Counter()
    for ordinal, n in days.items():
        if low <= ordinal <= high:
            per_bucket[bucket_start(dt.date.fromordinal(ordinal), interval)] += n
    for ordinal, n in totals.items():
        if low <= ordinal <= high:
            all_per_bucket[bucket_start(dt.date.fromordinal(ordinal), interval)] += n
    buckets = [Bucket(max(s, start_at), min(last_day(s, interval), end_at), per_bucket[s], all_per_bucket[s])
               for s in starts]
    undated += outside
    return Timeline(interval, buckets, undated, cut)


def aligned_timelines(series: list[tuple[dt.date | None, dt.date | None, list[int]]], totals: Counter,
                      interval: str | None = None) -> list[Timeline]:
    """Timelines of several searches (each its date filters and its articles' ordinals) over one span —
    from the earliest of their first dates (or dated articles) to the latest of their last — and one
    interval, so that their buckets line up."""
    ends: list[dt.date] = []
    for date_from, date_to, dates in series:
        dated = [o for o in dates if o]
        ends += [end for end in (date_from or (dt.date.fromordinal(min(dated)) if dated else None),
                                 date_to or (dt.date.fromordinal(max(dated)) if dated else None)) if end]
    first, last = (min(ends), max(ends)) if ends else (None, None)
    timelines, asked = [], interval is not None
    for _from, _to, dates in series:
        timeline = build_timeline(dates, totals, interval, first, last, asked)
        interval = interval or (timeline.interval if timeline.buckets else None)
        timelines.append(timeline)
    return timelines
