"""Publication date of an Indonesian news article, from its URL or its dateline.

A date the article merely mentions (``sejak 2014``, ``pada 24 Februari``) is not taken for the
publication date: a missing date is better than a wrong one. Nor is a dateline date that the words
around it place before or after publication (``Senin (19/9) lalu``, ``Kamis (24/2) mendatang``,
``akan digelar Sabtu (3/12)``); an evening or yesterday's event (``Minggu (18/9) malam``,
``Senin (19/9) kemarin``) was published the day after. Counted while writing these rules, on the
weekday dates of IndoSum's URL-dated articles: 97% of ``lalu`` dates lie more than a day before
publication, 80% of ``mendatang``/``besok`` dates after it, 54% of ``malam`` and 78% of ``kemarin`` dates
the day before (``searchapp eval dates`` measures the result).
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "pebruari": 2,
    "feb": 2,
    "peb": 2,
    "maret": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "agustus": 8,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "agst": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "nop": 11,
    "desember": 12,
    "des": 12,
    "dec": 12,
}
WEEKDAYS = {  # Python weekday(): Monday is 0
    "senin": 0,
    "selasa": 1,
    "rabu": 2,
    "kamis": 3,
    "jumat": 4,
    "jum'at": 4,
    "jum’at": 4,
    "sabtu": 5,
    "minggu": 6,
    "ahad": 6,
}
LEAD_CHARS = 100  # a full date this close to the start and followed by a dash is the dateline
_DATELINE_DASH = re.compile(r"\s*\)?\s*,?\s*(?:--|[-–—|])")

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
# Every pattern starts with a digit, so scanning is fast; a weekday is looked for just before the match.
# 24/2/2022, (28 / 1 / 2022), (04/08)
_NUMERIC = re.compile(r"\b(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?:\s*/\s*(?P<y>\d{4}|\d{2})\b)?")
# 24 Maret 2022 ; 24 Feb. 2022 ; 4 Agu
_NAMED = re.compile(r"\b(?P<d>\d{1,2})\s+(?P<mon>" + _MONTH + r")\b\.?(?:\s+(?P<y>\d{4})\b)?", re.IGNORECASE)
_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# "Kamis (", "Jumat, ", "pada hari Kamis, (", "Senin, 10.30 WIB (" right before a date
_WEEKDAY_BEFORE = re.compile(
    r"\b(Senin|Selasa|Rabu|Kamis|Jum[’']?at|Sabtu|Minggu|Ahad)\s*,?\s*"
    r"(?:\d{1,2}[:.]\d{2}\s*(?:WIB|WITA|WIT)?\s*)?(\(\s*)?$",
    re.IGNORECASE,
)
_CLOSE_PAREN = re.compile(r"\s*\)")
# Words right after a dateline date (on its line, no comma between) that say when it was, against publication
_TIME_OF_DAY = r"(?:pagi|siang|sore|malam|dini[ \t]+hari|pukul[ \t]+[\d.:]+)[ \t]+(?:(?:WIB|WITA|WIT)[ \t]+)?"
_AFTER = rf"[ \t]*\)?[ \t]*(?:{_TIME_OF_DAY})?"
_NOT_PUBLICATION_AFTER = re.compile(
    _AFTER + r"(?:lalu(?![ \t]+lintas)|silam|mendatang|besok|lusa|nanti|(?:pekan|minggu|bulan)[ \t]+depan)\b",
    re.IGNORECASE,
)
_DAY_BEFORE_PUBLICATION_AFTER = re.compile(r"[ \t]*\)?[ \t]*(?:malam|kemarin)\b", re.IGNORECASE)
# ... and before it (the weekday included), in the same sentence and line and outside a quotation: what
# "will" happen, or tomorrow, is after publication; last week's is well before it; yesterday's the day before
_CLAUSE = r"[^.!?\n\"“”]"
_NOT_PUBLICATION_BEFORE = re.compile(
    r"(?:\b(?:akan|dijadwalkan|direncanakan|rencananya|bakal|besok|lusa|(?:pekan|minggu|bulan)\s+depan)\b"
    rf"{_CLAUSE}{{0,40}}|\b(?:pekan|minggu|bulan)\s+lalu\b{_CLAUSE}{{0,20}})$",
    re.IGNORECASE,
)
_DAY_BEFORE_PUBLICATION_BEFORE = re.compile(rf"\bkemarin\b{_CLAUSE}{{0,20}}$", re.IGNORECASE)

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


def _weekday_before(text: str, start: int) -> tuple[int | None, bool]:
    """(weekday written just before ``start``, whether an opening parenthesis stands between)."""
    m = _WEEKDAY_BEFORE.search(text, max(0, start - 30), start)
    if m is None:
        return None, False
    return WEEKDAYS[m.group(1).casefold().replace("’", "'")], m.group(2) is not None


def _resolve(day: int, month: int, year: str | None, weekday: int | None, today: dt.date, latest_year: int,
             inferred_until: dt.date | None = None):
    """The date, or None when invalid, in the future or underdetermined.

    A year inferred from the weekday must not be earlier than the latest year the text mentions:
    an article that speaks of 2017 was not published in 2010 (the weekday was likely a typo); nor later
    than *inferred_until*, the year after the latest dateline with a year the text writes ("Senin
    (20/2/2017)" beside "Senin (20/2)": 2017, not 2023, the last year 20 February was a Monday), or
    else, for a text not known to be collected on ``today``, the year after the latest year it mentions
    (a 2015 text's "Senin (26/10)" is not 2026's, the last Monday 26 October before the archive is read).
    A stated year must agree with the weekday written beside it.
    """
    if year:
        date = _make(_year(year), month, day)
        if date is not None and weekday is not None and date.weekday() != weekday:
            date = None  # "Selasa (2/2/2018)" was a Friday: day, month or year is a typo
    elif weekday is not None:
        date = infer_year(day, month, weekday, inferred_until or today)
        if date is not None and date.year < latest_year:
            date = None
    else:
        date = None  # "24 Februari": no year and no weekday
    return None if date is None or date > today else date


def _in_dateline(text: str, m: re.Match[str]) -> bool:
    """A date without weekday is a dateline when it opens the article before a dash or has a short line."""
    if m.start() < LEAD_CHARS and _DATELINE_DASH.match(text, m.end()):
        return True
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    line_end = len(text) if line_end < 0 else line_end
    return line_end - line_start <= 60


def publication_day(text: str, start: int, end: int, date: dt.date) -> dt.date | None:
    """The publication day a dateline date written at ``text[start:end]`` points to, by the words around it.

    ``None`` when they place it well before or after publication (``lalu``, ``mendatang``, ``akan …``);
    the next day for an evening's or yesterday's event (``malam``, ``kemarin``); else the date itself.
    """
    if _NOT_PUBLICATION_AFTER.match(text, end) or _NOT_PUBLICATION_BEFORE.search(text, max(0, start - 50), start):
        return None
    if _DAY_BEFORE_PUBLICATION_AFTER.match(text, end) or _DAY_BEFORE_PUBLICATION_BEFORE.search(
        text, max(0, start - 30), start
    ):
        return date + dt.timedelta(days=1)
    return date


def dates_in_text(text: str, today: dt.date, *, collected: bool = False) -> tuple[list[dt.date], list[dt.date]]:
    """(dateline dates, other full dates) found in ``text``, each valid and not after ``today``.

    *collected*: ``today`` is the day the text was collected, so a weekday's year is the latest that fits
    before it; otherwise the text may be read years after it was written (an archive), and that year is
    looked for near the years the text mentions.

    Dateline dates carry a weekday (``Kamis (24/2/2022)``, ``Kamis, 24 Maret 2022``, ``Kamis, (04/08)``)
    or open the article, and are given as the publication day they point to (`publication_day`);
    other full dates are day, month and year mentioned anywhere else.
    """
    dateline: list[dt.date] = []
    other: list[dt.date] = []
    if not any(c.isdigit() for c in text):
        return dateline, other
    latest_year = max((y for y in map(int, _YEAR.findall(text)) if y <= today.year), default=0)
    numeric, named, iso = list(_NUMERIC.finditer(text)), list(_NAMED.finditer(text)), list(_ISO.finditer(text))
    # the years of the datelines that state one ("Senin (20/2/2017)", a header "16 Oktober 2020 18:20 WIB"):
    # the others' are inferred near them; without one, near the latest year the text mentions
    stated = [int(m["y"]) for m in numeric + named if m["y"] and len(m["y"]) == 4 and int(m["y"]) <= today.year
              and (_weekday_before(text, m.start())[0] is not None or _in_dateline(text, m))]
    near = max(stated) if stated else (None if collected else latest_year)
    until = min(today, dt.date(near + 1, 12, 31)) if near else today
    for m in numeric:
        if text[m.end() : m.end() + 1] == "/" or text[max(0, m.start() - 1) : m.start()] in ("/", "."):
            continue  # part of a longer number: 1/2/3/4, 12.5/6
        weekday, paren = _weekday_before(text, m.start())
        if weekday is not None and paren and _CLOSE_PAREN.match(text, m.end()):
            date = _resolve(int(m["d"]), int(m["m"]), m["y"], weekday, today, latest_year, until)
            if date is not None:
                _add_dateline(dateline, text, m.start(), m.end(), date, today)
        elif m["y"] and len(m["y"]) == 4:
            date = _resolve(int(m["d"]), int(m["m"]), m["y"], None, today, latest_year)
            if date is not None and _in_dateline(text, m):
                _add_dateline(dateline, text, m.start(), m.end(), date, today)
            elif date is not None:
                other.append(date)
    for m in named:
        weekday, _paren = _weekday_before(text, m.start())
        date = _resolve(int(m["d"]), MONTHS[m["mon"].casefold()], m["y"], weekday, today, latest_year, until)
        if date is not None and (weekday is not None or _in_dateline(text, m)):
            _add_dateline(dateline, text, m.start(), m.end(), date, today)
        elif date is not None:
            other.append(date)
    for m in iso:
        date = _make(int(m["y"]), int(m["m"]), int(m["d"]))
        if date is not None and date <= today and _in_dateline(text, m):
            _add_dateline(dateline, text, m.start(), m.end(), date, today)
        elif date is not None and date <= today:
            other.append(date)
    return dateline, other


def _add_dateline(dateline: list[dt.date], text: str, start: int, end: int, date: dt.date, today: dt.date) -> None:
    day = publication_day(text, start, end, date)
    if day is not None and day <= today:
        dateline.append(day)


def has_written_date(text: str) -> bool:
    """Whether ``text`` writes a day and month with a weekday or a year anywhere, publication day or not."""
    for pattern in (_NUMERIC, _NAMED):
        for m in pattern.finditer(text):
            if (m["y"] and len(m["y"]) == 4) or _weekday_before(text, m.start())[0] is not None:
                return True
    return _ISO.search(text) is not None


def stated_day(stated: dt.date, url: str | None, today: dt.date, updated: bool = False) -> dt.date:
    """The day an article states, unless it is its URL's with day and month swapped: a spreadsheet read a
    D/M date as M/D (click-id's Kompas workbook: 659 of 3,253 cells, each a day of 12 or less); the URL's
    day then. A stated day that is the site's last update (*updated*: `Diperbarui 19/06/2025`) gives way
    to an earlier day in the URL, the day the article was first published (`/read/2024/02/27/`)."""
    in_url = date_from_url(url, today)
    if in_url is not None and (stated.year, stated.month, stated.day) == (in_url.year, in_url.day, in_url.month):
        return in_url
    if updated and in_url is not None and in_url < stated:
        return in_url
    return stated


def extract_date(text: str, url: str | None, today: dt.date, *, collected: bool = False) -> dt.date | None:
    """Publication date: the URL's date when it has one, else the latest dateline date not after ``today``
    (*collected*: ``today`` is the day the text was collected, `dates_in_text`)."""
    date = date_from_url(url, today)
    if date is not None:
        return date
    dateline, _other = dates_in_text(text, today, collected=collected)
    return max(dateline) if dateline else None
