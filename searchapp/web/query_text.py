"""Whether a request's parameters are text: every name and value UTF-8, without control characters.

Werkzeug reads a byte that is no UTF-8 (``q=%ff``) as the three characters ``%FF`` and a control character
as itself: searched, echoed in a page or written into a feed (XML admits no ``\\x01``). Both are refused
before any view reads the parameters."""

from __future__ import annotations

import unicodedata
from urllib.parse import unquote_to_bytes

# a query pasted across lines, from a word processor too (a vertical tab, a form feed): read as spaces
ALLOWED_CONTROLS = frozenset("\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85")


def unreadable_parameter(query_string: bytes) -> tuple[str, str] | None:
    """The first parameter (its name as far as it reads) whose name or value is no UTF-8 text, or holds a
    control character, and which of the two: ``"utf-8"`` or ``"control"``; None when all are text."""
    for pair in query_string.split(b"&"):
        name, _equals, value = pair.partition(b"=")
        shown = unquote_to_bytes(name.replace(b"+", b" ")).decode("utf-8", "replace")[:40]
        for part in (name, value):
            try:
                text = unquote_to_bytes(part.replace(b"+", b" ")).decode("utf-8")
            except UnicodeDecodeError:
                return shown, "utf-8"
            if any(unicodedata.category(c) == "Cc" and c not in ALLOWED_CONTROLS for c in text):
                return shown, "control"
    return None
