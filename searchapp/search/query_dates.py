"""Dates as typed in queries and parameters: a year, a month or a day (``2022-02``, ``24/02/2022``,
``17 September 2019``), and the ranges of a ``tanggal:`` value (``2022-01..2022-03``, ``>2022-01-15``)."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from searchapp.ingest.datetimes import DateError, parse_stamp

_DATE_RE = re.compile(r"^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?$")  # 2022, 2022-02, 2022-02-24, 2022/02/24
_DMY_RE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")  # 24/02/2022, 24-02-2022, 24.02.2022
_MY_RE = re.compile(r"^(\d{1,2})[-/](\d{4})$")  # 02/2022
# what a date operator's value looks like when it is meant as a date: digits and separators, an operator,
# a range
DATE_SHAPED = re.compile(r"(?:[<>]=?)?[\d./-]*\d[\d./-]*|[\d./-]*\.\.[\d./-]*")


def date_span(text: str) -> tuple[dt.date, dt.date] | None:
    """First and last day of a year (``2022``), month (``2022-02``) or day (``2022-02-24``, or as
    Indonesians write it, ``24/02/2022``)."""
    text = text.strip()
    match = _DATE_RE.match(text)
    written = _DMY_RE.match(text) if not match else None
    month_of = _MY_RE.match(text) if not match and not written else None
    if not match and not written and not month_of:
        return _named_day(text)
    if written:
        day, month, year = (int(g) for g in written.groups())
    elif month_of:
        month, year, day = int(month_of[1]), int(month_of[2]), None
    else:
        year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if month is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if day is None:
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        return (dt.date(year, month, day),) * 2  # type: ignore[return-value]
    except ValueError:
        return None


def _named_day(text: str) -> tuple[dt.date, dt.date] | None:
    """A day written with its month's name, as imports read them ("17 September 2019", "17-Sep-2019")."""
    if not any(c.isalpha() for c in text) or not any(c.isdigit() for c in text):
        return None
    try:
        day = parse_stamp(text).day
    except DateError:
        return None
    return day, day


def date_range(text: str) -> tuple[dt.date | None, dt.date | None] | None:
    """The inclusive range of a ``tanggal:`` value; either end may be open. None when malformed."""
    text = text.strip()
    for operator in (">=", "<=", ">", "<"):
        if text.startswith(operator):
            span = date_span(text[len(operator):])
            if span is None:
                return None
            try:
                return _open_range(operator, span)
            except OverflowError:  # past the calendar's ends (>9999-12-31, <0001-01-01): not a date
                return None
    if ".." in text:
        start_text, end_text = text.split("..", 1)
        start = date_span(start_text) if start_text.strip() else (None, None)
        end = date_span(end_text) if end_text.strip() else (None, None)
        if start is None or end is None:
            return None
        return start[0], end[1]
    span = date_span(text)
    return span


def _open_range(operator: str, span: tuple[dt.date, dt.date]) -> tuple[dt.date | None, dt.date | None]:
    if operator == ">=":
        return span[0], None
    if operator == ">":
        return span[1] + dt.timedelta(days=1), None
    if operator == "<=":
        return None, span[1]
    return None, span[0] - dt.timedelta(days=1)


def is_whole_month(start: dt.date | None, end: dt.date | None) -> bool:
    """Whether [start, end] is exactly one calendar month."""
    return bool(start and end and start.day == 1 and (start.year, start.month) == (end.year, end.month)
                and end.day == calendar.monthrange(end.year, end.month)[1])
