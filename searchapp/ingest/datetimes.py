"""Dates and times as exports and news sites print them, read into a calendar day and, where the time is
given, a timezone-aware moment.

Forms read (Indonesian and English month names, full or short; any text around them is ignored):
``Rabu, 18 Jun 2025 07:30 WIB``, ``Diperbarui 18 Jun 2025, 14:05 WIB`` (an update time), ``18 Juni 2025 |
20.04 WIB``, ``Kompas.com- 18/06/2025, 21:35 WIB``, ``10-Sep-19``, ``June 18, 2025 2:05 PM``, ISO
(``2025-06-18``, ``2025-06-18T14:05:00+07:00``), ``D/M/YYYY`` or ``M/D/YYYY`` (the order learned from the
column), ``2023/05/04``, ``20230504``, spreadsheet serial numbers (``43718`` is 2019-09-10) and Unix
times in seconds or milliseconds (``1683169200``). A time without a zone is in WIB, the zone of Jakarta,
where most Indonesian newsrooms are; ``WITA`` and ``WIT`` are +8 and +9. A moment stated in another zone
(``Z``, ``GMT``, a feed's or a database's clock) is the same moment in WIB, on the day a reader in
Jakarta saw it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

MONTHS = {
    "januari": 1, "jan": 1, "january": 1, "februari": 2, "pebruari": 2, "feb": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3, "april": 4, "apr": 4, "mei": 5, "may": 5, "juni": 6, "jun": 6,
    "june": 6, "juli": 7, "jul": 7, "july": 7, "agustus": 8, "agu": 8, "agt": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11, "nopember": 11, "nop": 11, "desember": 12, "des": 12, "dec": 12, "december": 12,
    "agst": 8, "ags": 8, "peb": 2, "okto": 10,
}
ZONES = {"wib": 7, "wita": 8, "wit": 9, "utc": 0, "gmt": 0, "z": 0}
WIB = dt.timezone(dt.timedelta(hours=7), "WIB")
SPREADSHEET_EPOCH = dt.date(1899, 12, 30)  # day 0 of Excel's and LibreOffice's serial dates
SERIAL_RANGE = (20_000, 80_000)  # 1954 … 2119: a bare number outside it is not a date
UNIX_RANGE = (946_684_800, 4_102_444_800)  # 2000 … 2100 in Unix seconds: a longer bare number that is a time
INDONESIAN_OFFSETS = {dt.timedelta(hours=hours) for hours in (7, 8, 9)}  # WIB, WITA, WIT

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_ISO = re.compile(r"(?<![\d/.])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d/.]\d)"
                  r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?", re.IGNORECASE)
_COMPACT = re.compile(r"^\s*((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\s*$")  # 20230504
_UNIX = re.compile(r"^\s*(\d{9,10}|\d{12,13})(?:\.\d+)?\s*$")
_DAY_MONTH_YEAR = re.compile(rf"(?<!\d)(\d{{1,2}})[\s.\-/]*({_MONTH_NAMES})\.?[\s.,\-/]*(\d{{4}}|\d{{2}})(?!\d)",
                             re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH_NAMES})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})(?!\d)", re.IGNORECASE)
_NUMERIC = re.compile(r"(?<![\d/.\-])(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})(?![\d/.\-]\d)")
_TIME = re.compile(r"(?<![\d:.])(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?![\d:])\s*(am|pm|a\.m\.|p\.m\.)?"
                   r"\s*(wib|wita|wit|utc|gmt|[+-]\d{2}:?\d{2})?\b", re.IGNORECASE)
_SERIAL = re.compile(r"^\s*(\d{5})(?:\.(\d+))?\s*$")
_UPDATED = re.compile(r"\b(diperbarui|update[d]?|diupdate|pembaruan)\b", re.IGNORECASE)


class DateError(ValueError):
    """A cell that holds no date this module can read (the message says why)."""


@dataclass(frozen=True)
class Stamp:
    """A printed date: the calendar day as printed, the moment when a time is given, and whether the
    site called it an update (``Diperbarui``) rather than the first publication."""

    day: dt.date
    moment: dt.datetime | None = None  # timezone-aware
    updated: bool = False
    form: str = ""  # which form it was read as: iso, named, dmy, mdy, serial

    def isoformat(self) -> str:
        return self.moment.isoformat() if self.moment else self.day.isoformat()


def _year(text: str) -> int:
    year = int(text)
    return year + (2000 if year < 70 else 1900) if len(text) == 2 else year


def _zone(text: str | None) -> dt.timezone:
    if not text:
        return WIB
    key = text.lower()
    if key in ZONES:
        return dt.timezone(dt.timedelta(hours=ZONES[key]), text.upper())
    sign = 1 if key[0] == "+" else -1
    digits = key[1:].replace(":", "")
    return dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def _day(year: int, month: int, day: int, text: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError(f"{text.strip()[:40]!r} is not a calendar date") from None


def time_on(day: dt.date, rest: str) -> dt.datetime | None:
    """The first time of day in *rest* (``14:05``, ``20.04``, ``2:05 PM``, ``10:00 WITA``), on *day*, in
    its zone (WIB when none is written); None when there is none."""
    found = _TIME.search(rest)
    if not found:
        return None
    hour, minute, second = int(found[1]), int(found[2]), int(found[3] or 0)
    meridiem = (found[4] or "").lower().replace(".", "")
    if meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return None
    return dt.datetime.combine(day, dt.time(hour, minute, second), _zone(found[5]))


def serial_day(value: float) -> dt.datetime:
    """A spreadsheet serial number (days since 1899-12-30, the fraction the time of day) as a moment in WIB."""
    moment = dt.datetime.combine(SPREADSHEET_EPOCH, dt.time()) + dt.timedelta(days=value)
    return moment.replace(second=round(moment.second + moment.microsecond / 1e6) % 60, microsecond=0, tzinfo=WIB)


def parse_stamp(text: str, order: str = "dmy") -> Stamp:
    """The date (and time) printed in *text*; ``order`` reads an ambiguous ``NN/NN/YYYY`` (``dmy`` or
    ``mdy``). Raises DateError when there is none."""
    text = text.replace("\xa0", " ")
    marker = _UPDATED.search(text)

    def updated_before(position: int) -> bool:
        """The date read at *position* is the one the site calls an update ("Diperbarui 18 Jun …"), not
        a publication date followed by an update."""
        return marker is not None and marker.start() < position

    if unix := _UNIX.match(text):
        seconds = int(unix[1]) / (1000 if len(unix[1]) > 10 else 1)
        if not UNIX_RANGE[0] <= seconds <= UNIX_RANGE[1]:
            raise DateError(f"{text.strip()!r} is a number, not a date")
        moment = dt.datetime.fromtimestamp(seconds, WIB).replace(microsecond=0)
        return Stamp(moment.date(), moment, False, "unix")
    if compact := _COMPACT.match(text):
        return Stamp(_day(int(compact[1]), int(compact[2]), int(compact[3]), text), form="iso")
    if serial := _SERIAL.match(text):
        value = float(f"{serial[1]}.{serial[2] or 0}")
        if not SERIAL_RANGE[0] <= value <= SERIAL_RANGE[1]:
            raise DateError(f"{text.strip()!r} is a number, not a date")
        moment = serial_day(value)
        return Stamp(moment.date(), moment if serial[2] else None, False, "serial")
    if iso := _ISO.search(text):
        day = _day(int(iso[1]), int(iso[3]), int(iso[4]), text)
        moment = None
        if iso[5]:
            moment = dt.datetime.combine(day, dt.time(int(iso[5]), int(iso[6]), int(iso[7] or 0)),
                                         _zone(iso[8]) if iso[8] else WIB)
        return _stamp_on(day, moment, updated_before(iso.start()), "iso")
    for pattern, groups in ((_DAY_MONTH_YEAR, (1, 2, 3)), (_MONTH_DAY_YEAR, (2, 1, 3))):
        if named := pattern.search(text):
            day_text, month_text, year_text = (named[g] for g in groups)
            day = _day(_year(year_text), MONTHS[month_text.lower()], int(day_text), text)
            return _stamp_on(day, time_on(day, text[named.end():]), updated_before(named.start()), "named")
    if numeric := _NUMERIC.search(text):
        first, second, year = int(numeric[1]), int(numeric[2]), _year(numeric[3])
        form = "mdy" if (second > 12 or (order == "mdy" and first <= 12)) and first <= 12 else "dmy"
        month, day_number = (first, second) if form == "mdy" else (second, first)
        day = _day(year, month, day_number, text)
        return _stamp_on(day, time_on(day, text[numeric.end():]), updated_before(numeric.start()), form)
    raise DateError(f"{text.strip()[:40]!r} holds no date")


def _stamp_on(day: dt.date, moment: dt.datetime | None, updated: bool, form: str) -> Stamp:
    """A stamp; a moment stated in a zone outside Indonesia's three is the same moment in WIB, and its day
    the day in WIB (``2023-05-04T20:00:00Z`` was 5 May in Jakarta)."""
    if moment is not None and moment.utcoffset() not in INDONESIAN_OFFSETS:
        moment = moment.astimezone(WIB)
        day = moment.date()
    return Stamp(day, moment, updated, form)


def numeric_order(text: str) -> str | None:
    """``dmy`` or ``mdy`` when *text* is an ``NN/NN/YYYY`` date whose numbers decide it (one above 12);
    ``either`` when both numbers are 12 or less; None for any other form."""
    if _ISO.search(text) or _DAY_MONTH_YEAR.search(text) or _MONTH_DAY_YEAR.search(text) or _UNIX.match(text):
        return None
    numeric = _NUMERIC.search(text)
    if not numeric:
        return None
    first, second = int(numeric[1]), int(numeric[2])
    if first > 12 >= second:
        return "dmy"
    if second > 12 >= first:
        return "mdy"
    return "either"


def stated_moment(value: Any) -> dt.datetime | None:
    """The moment of a stated date that gives a time of day (an ISO text with a time, or a datetime);
    one without a zone is taken to be in WIB (UTC+7)."""
    if isinstance(value, str) and ("T" in value or " " in value.strip()):
        try:
            value = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return None
    if not isinstance(value, dt.datetime):
        return None
    return value if value.tzinfo else value.replace(tzinfo=WIB)


def parse_explicit_date(value: Any, key: str = "date") -> dt.date | None | str:
    """A stated date (ISO text, date or datetime: its day as written); a message string when it is
    not a date."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
        except ValueError:
            pass
    return f"'{key}' ignored: {value!r} is not an ISO date (YYYY-MM-DD)"
