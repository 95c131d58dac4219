"""Deep paging in the API: an opaque `after` cursor (as Elasticsearch's `search_after`) that carries
the next page past the 1,000-page wall of `page`, tied to the state of the index that gave it, so that
a script walking every result never skips or repeats one without being told."""

from __future__ import annotations

import base64
import binascii
import json

from searchapp.errors import QueryError


class CursorExpiredError(QueryError):
    """The index changed since the cursor was given: its pages would no longer line up."""

    def __init__(self) -> None:
        super().__init__("after", "the index changed since this cursor was given; start again from the first "
                         "page (or export the search with /api/export for one consistent list)", "cursor_expired")


def make_cursor(page: int, per_page: int, generation: str) -> str:
    raw = json.dumps({"p": page, "n": per_page, "g": generation}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def read_cursor(token: str) -> tuple[int, int, str]:
    """The page, page size and index state a cursor names; QueryError when it is not one of ours."""
    try:
        data = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        page, per_page, generation = int(data["p"]), int(data["n"]), str(data["g"])
    except (binascii.Error, ValueError, KeyError, TypeError, UnicodeDecodeError, OverflowError):
        raise QueryError("after", "'after' is not a cursor this API gave; use the one in urls.next_after") from None
    if page < 1 or not 1 <= per_page <= 100:
        raise QueryError("after", "'after' is not a cursor this API gave; use the one in urls.next_after")
    return page, per_page, generation
