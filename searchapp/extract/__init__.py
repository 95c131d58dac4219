"""Metadata inferred from the raw text of an Indonesian news article.

Every function in this package is pure: text (and configuration tables) in, values out.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from searchapp.extract.byline import extract_byline
from searchapp.extract.dates import extract_date
from searchapp.extract.outlet import Outlet, OutletTable, detect_outlet
from searchapp.extract.people import PeopleRegistry, Person, extract_people, find_person_spans
from searchapp.extract.title import extract_title, title_from_url

__all__ = [
    "Metadata",
    "Outlet",
    "OutletTable",
    "PeopleRegistry",
    "Person",
    "detect_outlet",
    "extract_byline",
    "extract_date",
    "extract_metadata",
    "extract_people",
    "extract_title",
    "find_person_spans",
]


@dataclass(frozen=True)
class Metadata:
    """What the text (and URL) of an article tells about it."""

    title: str
    outlet: str | None = None  # outlet slug (config/outlets.yaml's, or a site's), None when unknown
    outlet_name: str | None = None
    date: dt.date | None = None
    people: tuple[str, ...] = field(default_factory=tuple)  # canonical full names
    reporter: str | None = None
    editor: str | None = None


def extract_metadata(
    text: str,
    *,
    url: str | None = None,
    outlets: OutletTable,
    people: PeopleRegistry,
    today: dt.date,
    title: str | None = None,
    people_text: str | None = None,
    collected: bool = False,
) -> Metadata:
    """Everything the text (and URL) of an article tells: title, outlet, date, people, byline.

    An explicit ``title`` wins over the headline the URL spells, and that over the lead sentence. Dates
    after ``today`` are never returned.
    Outlet names and the byline's reporter and editor are not counted among the people. People are
    found in *people_text* when given (the text without publisher boilerplate: a "Baca juga" headline
    names people of another story), the rest in *text*, whose credits and datelines say who and where.
    *collected*: ``today`` is the day the article was collected, not only the day it is read.
    """
    reporter, editor = extract_byline(text)
    byline = {_name_key(n) for n in (reporter, editor) if n}
    outlet_names = outlets.name_keys()
    names = tuple(
        n
        for n in extract_people(text if people_text is None else people_text, people)
        if _name_key(n) not in byline and not _names_an_outlet(n, outlet_names)
    )
    outlet = detect_outlet(text, url, outlets)
    return Metadata(
        title=title.strip() if title and title.strip() else title_from_url(url, text) or extract_title(text),
        outlet=outlet.slug if outlet else None,
        outlet_name=outlet.name if outlet else None,
        date=extract_date(text, url, today, collected=collected),
        people=names,
        reporter=reporter,
        editor=editor,
    )


def _name_key(name: str) -> str:
    return re.sub(r"[\W_]+", "", name.casefold())


def _names_an_outlet(name: str, outlet_names: frozenset[str]) -> bool:
    """The name is an outlet's, or opens or ends with one: its readers, a desk, an event or a title of its own
    ("Sahabat Fimela", "Fimela Fest"), or a word after a name ("Marquez Juara")."""
    words = name.split()
    return _name_key(name) in outlet_names or (
        len(words) >= 2 and (_name_key(words[0]) in outlet_names or _name_key(words[-1]) in outlet_names))
