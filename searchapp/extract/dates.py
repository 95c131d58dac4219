"""Publication date of an Indonesian news article, from its URL or its dateline.

A date the article merely mentions (``sejak 2014``, ``pada 24 Februari``) is not taken for the
publication date: a missing date is better than a wrong one.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "maret": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8, "agu": 8,
    "agt": 8, "ags": 8, "agst": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10,
    "oct": 10, "november": 11, "nov": 11, "nop": 11, "desember": 12, "des": 12, "dec": 12,
}
WEEKDAYS = {  # Python weekday(): Monday is 0
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "jum’at": 4,
    "sabtu": 5, "minggu": 6, "ahad": 6,
}
LEAD_CHARS = 100  # a full date this close to the start and followed by a dash is the dateline
_DATELINE_DASH = re.compile(r"\s*\)?\s*,?\s*(?:--|[-–—|])")

_DAY = r"(?P<wd>Senin|Selasa|Rabu|Kamis|Jum[’']?at|Sabtu|Minggu|Ahad)"
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
# Kamis (24/2/2022), Jumat (28 / 1 / 2022), pada hari Kamis, (04/08), Senin (20/3)
_WEEKDAY_NUMERIC = re.compile(
    _DAY + r"\s*,?\s*(?:\d{1,2}[:.]\d{2}\s*(?:WIB|WITA|WIT)?\s*)?\(\s*(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})"
    r"(?:\s*/\s*(?P<y>\d{4}|\d{2}))?\s*\)",
    re.IGNORECASE,
)
# Kamis, 24 Maret 2022 ; 24 Februari 2022 ; Kamis, 4 Agu ; 24 Feb. 2022
_NAMED = re.compile(
    r"(?:" + _DAY + r"\s*,?\s*(?:\(\s*)?)?\b(?P<d>\d{1,2})\s+(?P<mon>" + _MONTH + r")\b\.?(?:\s+(?P<y>\d{4})\b)?",
    re.IGNORECASE,
)
# (28/1/2022) or 28/1/2022 without a weekday; 2022-02-24
_NUMERIC = re.compile(r"(?<![\d/])(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})(?![\d/])")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_ISO = re.compile(r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\d-])")

# URL forms: /2022/02/24/ ; cnnindonesia /20160915134654-12-3 ; rimanews /read/20170406/ ; -2022-02-24-
_URL_FORMS = (
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/|$|[-_])"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)(?P<m>\d\d)(?P<d>\d\d)(?:\d{6})?(?:[-/_.]|$)"),
    re.compile(r"[/_-](?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?:[/_.-]|$)"),
)


def _make(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _year(text: str) -> int:
    y = int(text)
    return 2000 + y if y < 100 else y


def date_from_url(url: str | None, today: dt.date) -> dt.date | None:
    """The date a URL carries in its path, if any and not after ``today``."""
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0]
    for form in _URL_FORMS:
        for m in form.finditer(path):
            date = _make(int(m["y"]), int(m["m"]), int(m["d"]))
            if date is not None and dt.date(1990, 1, 1) <= date <= today:
                return date
    return None


def infer_year(day: int, month: int, weekday: int, today: dt.date) -> dt.date | None:
    """The latest date not after ``today`` that is ``day``/``month`` and falls on ``weekday``."""
    for year in range(today.year, today.year - 29, -1):  # the calendar repeats every 28 years
        date = _make(year, month, day)
        if date is not None and date <= today and date.weekday() == weekday:
            return date
    return None


def _candidate(m: re.Match[str], month: int, today: dt.date, latest_year: int) -> tuple[dt.date | None, bool]:
    """(date, has_weekday) of a match; date is None when invalid, in the future or underdetermined.

    A year inferred from the weekday must not be earlier than the latest year the text mentions:
    an article that speaks of 2017 was not published in 2010 (the weekday was likely a typo).
    """
    weekday = WEEKDAYS.get(m["wd"].casefold().replace("’", "'")) if m["wd"] else None
    day = int(m["d"])
    if m["y"]:
        date = _make(_year(m["y"]), month, day)
    elif weekday is not None:
        date = infer_year(day, month, weekday, today)
        if date is not None and date.year < latest_year:
            date = None
    else:
        date = None  # "24 Februari": no year and no weekday
    if date is None or date > today:
        return None, False
    return date, weekday is not None


def _in_dateline(text: str, m: re.Match[str]) -> bool:
    """A date without weekday is a dateline when it opens the article before a dash, or stands on a short line."""
    if m.start() < LEAD_CHARS and _DATELINE_DASH.match(text, m.end()):
        return True
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    line_end = len(text) if line_end < 0 else line_end
    return line_end - line_start <= 60


def dates_in_text(text: str, today: dt.date) -> tuple[list[dt.date], list[dt.date]]:
    """(dateline dates, other full dates) found in ``text``, each valid and not after ``today``.

    Dateline dates carry a weekday (``Kamis (24/2/2022)``, ``Kamis, 24 Maret 2022``, ``Kamis, (04/08)``)
    or stand in the lead; other full dates are day, month and year mentioned anywhere else.
    """
    dateline: list[dt.date] = []
    other: list[dt.date] = []
    years = [int(y) for y in _YEAR.findall(text)]
    latest_year = max((y for y in years if y <= today.year), default=0)
    for m in _WEEKDAY_NUMERIC.finditer(text):
        date, has_weekday = _candidate(m, int(m["m"]), today, latest_year)
        if date is not None:
            dateline.append(date)
    for m in _NAMED.finditer(text):
        date, has_weekday = _candidate(m, MONTHS[m["mon"].casefold()], today, latest_year)
        if date is not None:
            (dateline if has_weekday or _in_dateline(text, m) else other).append(date)
    for pattern in (_NUMERIC, _ISO):
        for m in pattern.finditer(text):
            date = _make(int(m["y"]), int(m["m"]), int(m["d"]))
            if date is not None and date <= today:
                (dateline if _in_dateline(text, m) else other).append(date)
    return dateline, other


def extract_date(text: str, url: str | None, today: dt.date) -> dt.date | None:
    """Publication date: the URL's date when it has one, else the latest dateline date not after ``today``."""
    date = date_from_url(url, today)
    if date is not None:
        return date
    dateline, _other = dates_in_text(text, today)
    return max(dateline) if dateline else None
