"""Metadata inferred from the raw text of an Indonesian news article.

Every function in this package is pure: text (and configuration tables) in, values out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Metadata:
    """What the text (and URL) of an article tells about it."""

    title: str
    outlet: str | None = None  # outlet slug from config/outlets.yaml, None when unknown
    date: dt.date | None = None
    people: tuple[str, ...] = field(default_factory=tuple)  # canonical full names
    reporter: str | None = None
    editor: str | None = None
