"""Indonesian formatting for the HTML pages: dates, numbers and durations (registered as Jinja filters)."""

from __future__ import annotations

import datetime as dt

from flask import Blueprint

from searchapp.ingest.datetimes import WIB
from searchapp.search.facet_values import MONTHS_ID

MONTHS_SHORT_ID = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
UNKNOWN_DATE = "tanggal tidak diketahui"


def as_date(value: dt.date | str | None) -> dt.date | None:
    """A date from a `date`, a `datetime` or an ISO string (``2022-02-24``); None when there is none."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def tanggal(value: dt.date | str | None, unknown: str = UNKNOWN_DATE) -> str:
    """``2022-02-24`` → ``24 Februari 2022``; *unknown* when there is no date."""
    date = as_date(value)
    if date is None:
        return unknown
    return f"{date.day} {MONTHS_ID[date.month - 1]} {date.year}"


INDONESIAN_ZONES = {7: "WIB", 8: "WITA", 9: "WIT"}


def pukul(value: str | None) -> str:
    """A stated moment (ISO, with its zone) as its time in its Indonesian zone (``2025-06-18T14:05:00+08:00``
    → ``14.05 WITA``), another zone's in WIB; empty when there is none."""
    try:
        moment = dt.datetime.fromisoformat(value) if value else None
    except ValueError:
        return ""
    offset = moment.utcoffset() if moment is not None else None
    if offset is None:
        return ""
    hours = offset / dt.timedelta(hours=1)
    if hours in INDONESIAN_ZONES:
        return f"{moment:%H.%M} {INDONESIAN_ZONES[int(hours)]}"
    return f"{moment.astimezone(WIB):%H.%M} WIB"


def bulan(month: str, short: bool = False) -> str:
    """``2022-02`` → ``Februari 2022`` (``Feb 2022`` when *short*)."""
    year, number = month.split("-")[:2]
    names = MONTHS_SHORT_ID if short else MONTHS_ID
    return f"{names[int(number) - 1]} {year}"


def angka(number: int | float, decimals: int = 0) -> str:
    """Numbers written the Indonesian way: ``16.216``, ``0,4``."""
    text = f"{number:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def durasi(milliseconds: float) -> str:
    """A search time: ``3 milidetik``, ``0,4 milidetik``, ``1,2 detik``."""
    if milliseconds >= 1000:
        return f"{angka(milliseconds / 1000, 1)} detik"
    if milliseconds < 10:
        return f"{angka(max(milliseconds, 0.1), 1)} milidetik"
    return f"{angka(milliseconds)} milidetik"


def hbt(value: dt.date | None) -> str:
    """``2022-02-24`` → ``24/02/2022``, a date as it is typed in Indonesia (empty when there is none)."""
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}" if value else ""


def register(blueprint: Blueprint) -> None:
    """Make the functions above available to every template of the app as filters."""
    for name, function in (("tanggal", tanggal), ("pukul", pukul), ("bulan", bulan), ("angka", angka),
                           ("durasi", durasi), ("hbt", hbt)):
        blueprint.add_app_template_filter(function, name)
