"""A search request, validated from web or command-line parameters (pure; raises QueryError)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

from searchapp.errors import QueryError
from searchapp.extract.outlet import UNKNOWN_OUTLET
from searchapp.extract.registry import spelling_key
from searchapp.search.query import date_values, parse_query, positive_words
from searchapp.search.query_dates import DATE_SHAPED, date_span

SORTS = ("relevance", "newest", "oldest")
DEFAULT_PER_PAGE = 10
MAX_PER_PAGE = 100
MAX_PAGE = 1000
MAX_QUERY_CHARS = 1000
MAX_QUERY_WORDS = 50  # a search's cost grows with its words: more is not a reader's search
MAX_WORD_CHARS = 100  # the longest words of any language are far shorter
MAX_FILTER_VALUES = 20  # outlets, rubrics or people in one search (each value's links list all the others)


@dataclass(frozen=True)
class SearchRequest:
    q: str = ""
    outlets: tuple[str, ...] = ()  # any of these outlet slugs ("unknown": no known outlet)
    categories: tuple[str, ...] = ()  # any of these rubrics (as the outlets name them)
    people: tuple[str, ...] = ()  # all of these people
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    collapse: bool = True  # each story once, at its best-ranked article (False: every article)

    @property
    def has_filters(self) -> bool:
        return bool(self.outlets or self.categories or self.people or self.date_from or self.date_to)

    @property
    def has_words(self) -> bool:
        """Whether the query holds a word to rank by (not only operators: ``orang:``, ``tanggal:``, ``-kata``)."""
        return bool(positive_words(parse_query(self.q)))

    @property
    def order(self) -> str:
        """The order results come in: with no word to rank by, the newest first when relevance was asked for."""
        return "newest" if self.sort == "relevance" and not self.has_words else self.sort

    def with_(self, **changes) -> SearchRequest:
        """This request with some fields changed (without `dataclasses.replace`'s per-call field
        introspection: page links and facet toggles make dozens of these per page)."""
        return SearchRequest(**{**self.__dict__, **changes})

    def to_params(self) -> list[tuple[str, str]]:
        """The request as URL parameters (defaults left out), in a stable order."""
        params: list[tuple[str, str]] = []
        if self.q:
            params.append(("q", self.q))
        params += [("outlet", slug) for slug in self.outlets]
        params += [("rubrik", name) for name in self.categories]
        params += [("person", name) for name in self.people]
        if self.date_from:
            params.append(("from", self.date_from.isoformat()))
        if self.date_to:
            params.append(("to", self.date_to.isoformat()))
        if self.sort != "relevance":
            params.append(("sort", self.sort))
        if self.page != 1:
            params.append(("page", str(self.page)))
        if self.per_page != DEFAULT_PER_PAGE:
            params.append(("per_page", str(self.per_page)))
        if not self.collapse:
            params.append(("collapse", "false"))
        return params

    def url(self, path: str) -> str:
        """The URL of this search at *path* (``/cari``, ``/api/search``)."""
        params = self.to_params()
        return f"{path}?{urlencode(params)}" if params else path

    def toggled(self, facet: str, value: str) -> SearchRequest:
        """This search with one facet value switched on or off (and back to the first page)."""
        request = self.with_(page=1)
        if facet == "outlet":
            outlets = tuple(o for o in request.outlets if o != value)
            return request.with_(outlets=outlets if value in request.outlets else request.outlets + (value,))
        if facet == "rubrik":  # rubrics compare without regard to case, as the filter does
            categories = tuple(c for c in request.categories if c.casefold() != value.casefold())
            ticked = len(categories) < len(request.categories)
            return request.with_(categories=categories if ticked else request.categories + (value,))
        if facet == "person":  # a person in any of the name's spellings (`spelling_key`), as the filter reads it
            people = tuple(p for p in request.people if spelling_key(p) != spelling_key(value))
            ticked = len(people) < len(request.people)
            return request.with_(people=people if ticked else request.people + (value,))
        if facet == "month":
            start, end = date_span(value) or (None, None)
            if request.date_from == start and request.date_to == end:
                return request.with_(date_from=None, date_to=None)
            return request.with_(date_from=start, date_to=end)
        raise ValueError(f"unknown facet {facet!r}")


# characters a query pasted from a page or typed with an Asian keyboard carries: zero-width ones (dropped),
# full-width letters, digits and signs ("ｋｏｒｕｐｓｉ" is "korupsi") and line breaks a word processor writes
# (a vertical tab, a form feed, a next line: spaces); not other compatibility forms, which articles write as
# they are (m², CO₂)
_TYPED = {**dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad")),
          **{code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}, 0x3000: ord(" "),
          **dict.fromkeys((0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x1F, 0x85), ord(" "))}


def typed_text(text: str) -> str:
    """A query as its words are meant: without invisible characters, full-width ones read as the plain, an
    accent typed apart joined to its letter (NFC, as the articles are read)."""
    return text if text.isascii() and text.isprintable() else unicodedata.normalize("NFC", text.translate(_TYPED))


def _single(params: Mapping[str, Sequence[str]], name: str) -> str | None:
    values = params.get(name) or []
    values = [v for v in values if v is not None]
    if len(values) > 1 and len(set(values)) > 1:
        raise QueryError(name, f"'{name}' was given {len(values)} times; give it once")
    return values[0].strip(" \t") if values else None  # spaces only: a control character is not nothing


def _int(params: Mapping[str, Sequence[str]], name: str, default: int, low: int, high: int) -> int:
    raw = _single(params, name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise QueryError(name, f"'{name}' must be a whole number, not {raw[:40]!r}") from None
    if not low <= value <= high:
        raise QueryError(name, f"'{name}' must be between {low} and {high}, not {value}")
    return value


def parse_date_param(raw: str | None, name: str) -> dt.date | None:
    """A date parameter (``2022-02-24`` or ``24/02/2022``; ``2022-02`` and ``2022`` mean their first day, or for
    ``to`` their last)."""
    if raw is None or raw == "":
        return None
    span = date_span(raw) if raw.isprintable() else None
    if span is None:
        raise QueryError(name, f"'{name}' must be a date written YYYY-MM-DD (or YYYY-MM, YYYY, DD/MM/YYYY), "
                                f"not {raw[:40]!r}")
    return span[0] if name == "from" else span[1]


def parse_search_params(params: Mapping[str, Sequence[str]],
                        outlet_slug: Callable[[str], str | None]) -> SearchRequest:
    """Validate request parameters (each a list of values) into a SearchRequest; an outlet is named by
    its slug or by what *outlet_slug* reads as one (a configured outlet's name, alias or host).

    Raises QueryError naming the parameter for anything malformed; nothing is silently dropped.
    """
    q = typed_text(_single(params, "q") or "")
    longest = max((len(v) for v in params.get("q") or [] if v), default=0)  # as sent, before trimming
    if longest > MAX_QUERY_CHARS:
        raise QueryError("q", f"the query is {longest} characters long; at most {MAX_QUERY_CHARS} are allowed")
    words = q.split()
    if len(words) > MAX_QUERY_WORDS:
        raise QueryError("q", f"the query has {len(words)} words; at most {MAX_QUERY_WORDS} are allowed")
    if any(len(word) > MAX_WORD_CHARS for word in words):
        raise QueryError("q", f"a word of the query is longer than {MAX_WORD_CHARS} characters")
    for value in date_values(parse_query(q)) if ":" in q else ():
        parts = value.strip().lstrip("<>=").split("..")  # a day past the calendar's ends is no error: ">9999"
        if DATE_SHAPED.fullmatch(value.strip()) and any(p.strip() and date_span(p) is None for p in parts):
            raise QueryError("q", f"'tanggal:{value}' holds no date of the calendar: write YYYY, YYYY-MM, "
                                  "YYYY-MM-DD or DD/MM/YYYY (with >, <, >=, <= or a range a..b)", "invalid_date")
        spans = [date_span(p) for p in parts] if len(parts) == 2 and all(p.strip() for p in parts) else []
        if all(spans) and len(spans) == 2 and spans[0][0] > spans[1][1]:
            raise QueryError("q", f"'tanggal:{value}' ends before it starts: write the earlier date first",
                             "reversed_range")
    for name in ("outlet", "rubrik", "person"):
        values = {v for v in params.get(name) or [] if v and v.strip()}
        if len(values) > MAX_FILTER_VALUES:
            raise QueryError(name, f"{len(values)} '{name}' values; at most {MAX_FILTER_VALUES} are allowed")
    named = [v.strip() for v in params.get("outlet") or [] if v and v.strip()]
    for value in named:
        if value != UNKNOWN_OUTLET and outlet_slug(value) is None:
            raise QueryError("outlet", f"unknown outlet {value[:60]!r}; see /api/outlets for the outlets")
    outlets = tuple(dict.fromkeys(v if v == UNKNOWN_OUTLET else outlet_slug(v) for v in named))
    categories = tuple(dict.fromkeys(" ".join(v.split()) for v in params.get("rubrik") or [] if v and v.strip()))
    if any(len(c) > 100 for c in categories):
        raise QueryError("rubrik", "a rubric is at most 100 characters")
    people = tuple(dict.fromkeys(" ".join(v.split()) for v in params.get("person") or [] if v and v.strip()))
    if any(len(p) > 200 for p in people):
        raise QueryError("person", "a person's name is at most 200 characters")
    date_from = parse_date_param(_single(params, "from"), "from")
    date_to = parse_date_param(_single(params, "to"), "to")
    if date_from and date_to and date_from > date_to:
        raise QueryError("from", f"'from' ({date_from}) is after 'to' ({date_to})")
    sort = _single(params, "sort") or "relevance"
    if sort not in SORTS:
        raise QueryError("sort", f"'sort' must be one of {', '.join(SORTS)}, not {sort[:40]!r}")
    collapse = (_single(params, "collapse") or "true").lower()
    if collapse not in ("true", "false", "1", "0"):
        raise QueryError("collapse", f"'collapse' must be true or false, not {collapse[:40]!r}")
    return SearchRequest(
        collapse=collapse in ("true", "1"),
        q=q,
        outlets=outlets,
        categories=categories,
        people=people,
        date_from=date_from,
        date_to=date_to,
        sort=sort,
        page=_int(params, "page", 1, 1, MAX_PAGE),
        per_page=_int(params, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE),
    )


MAX_COMPARED = 4  # queries on one comparison chart


def parse_compared(params: dict[str, list[str]], outlet_slug: Callable[[str], str | None]) -> list[SearchRequest]:
    """One search per `q` (1 to MAX_COMPARED), each with the filters the parameters share."""
    queries = params.get("q") or [""]
    if not 1 <= len(queries) <= MAX_COMPARED:
        raise QueryError("q", f"compare 1 to {MAX_COMPARED} queries (one `q` each), not {len(queries)}")
    return [parse_search_params({**params, "q": [q]}, outlet_slug) for q in queries]
