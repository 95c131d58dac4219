"""What a search returns: hits, facets and the counts around them, rendered alike for the page, the API
and the command line (`SearchResult.to_dict`)."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from markupsafe import Markup

from searchapp.search.facet_values import FacetValue
from searchapp.search.request import MAX_PAGE, SearchRequest
from searchapp.search.timeline import Timeline


@dataclass
class Hit:
    id: str
    title: str
    title_html: Markup
    url: str | None
    outlet: str | None
    outlet_name: str | None
    date: dt.date | None
    people: list[str]
    reporter: str | None
    editor: str | None
    score: float | None
    snippet: Markup
    partial: bool = False  # holds some, not all, of the query's words (listed after every article that does)
    story: str | None = None  # the story's name (one of its articles' ids) when the article has copies
    copies: list[dict] = field(default_factory=list)  # the story's other articles: id, title, outlet, url, date
    published_at: str | None = None  # the stated moment of publication (ISO, with its zone), when a time is stated
    updated: bool = False  # the stated moment is the site's last update ("Diperbarui"), not the first publication

    def to_dict(self) -> dict:
        return {
            "id": self.id, "title": self.title, "title_html": str(self.title_html), "url": self.url,
            "outlet": self.outlet, "outlet_name": self.outlet_name,
            "date": self.date.isoformat() if self.date else None, "published_at": self.published_at,
            "updated": self.updated,
            "people": self.people, "reporter": self.reporter, "editor": self.editor,
            "score": round(self.score, 4) if self.score is not None else None,
            "snippet": str(self.snippet), "partial": self.partial,
            "story": self.story, "copies": self.copies,
        }


@dataclass
class Facets:
    outlet: list[FacetValue]
    person: list[FacetValue]
    month: list[FacetValue]
    unknown_outlet: int
    unknown_date: int
    category: list[FacetValue] = field(default_factory=list)

    def to_dict(self, path: str) -> dict:
        return {
            "outlet": [v.to_dict(path) for v in self.outlet],
            "person": [v.to_dict(path) for v in self.person],
            "month": [v.to_dict(path) for v in self.month],
            "rubrik": [v.to_dict(path) for v in self.category],
            "unknown": {"outlet": self.unknown_outlet, "date": self.unknown_date},
        }


@dataclass
class SearchResult:
    request: SearchRequest
    total: int
    results: list[Hit]
    facets: Facets
    suggestion: str | None
    took_ms: float
    relaxed: bool = False  # no article held every word: results hold some of them
    partial: int = 0  # articles holding only some of the words, listed after the *total* that hold all
    stories: int | None = None  # how many stories the complete matches tell (copies count once)
    partial_stories: int = 0  # … and the partial ones
    timeline: Timeline | None = None  # attention over time, when asked for
    generation: str = ""  # which state of the index answered (a cursor is valid in that one only)
    missing_shards: list[int] = field(default_factory=list)  # shards of a sharded index that did not answer

    @property
    def pages(self) -> int:
        """The pages a reader can ask for: every one, up to `MAX_PAGE` (a search of more is narrowed, or its
        results exported)."""
        if self.request.collapse and self.stories is not None:
            shown = self.stories + self.partial_stories
        else:
            shown = self.total + self.partial
        return min(MAX_PAGE, max(1, math.ceil(shown / self.request.per_page)))

    def to_dict(self, path: str = "/api/search") -> dict:
        """The result as the API returns it; facet values and page links as URLs under *path*."""
        r = self.request
        return {
            "query": r.q,
            "filters": {
                "outlet": list(r.outlets), "rubrik": list(r.categories), "person": list(r.people),
                "from": r.date_from.isoformat() if r.date_from else None,
                "to": r.date_to.isoformat() if r.date_to else None,
            },
            "sort": r.order,
            "collapse": r.collapse,
            "total": self.total,
            "stories": self.total if self.stories is None else self.stories,
            "page": r.page,
            "per_page": r.per_page,
            "pages": self.pages,
            "took_ms": round(self.took_ms, 2),
            "results": [hit.to_dict() for hit in self.results],
            "facets": self.facets.to_dict(path),
            "suggestion": self.suggestion,
            "relaxed": self.relaxed,
            "partial": self.partial,
            **({"shards": {"partial": True, "missing": self.missing_shards}} if self.missing_shards else {}),
            "urls": {
                "self": r.url(path),
                "next": r.with_(page=r.page + 1).url(path) if r.page < self.pages else None,
                "previous": r.with_(page=r.page - 1).url(path) if r.page > 1 else None,
                "suggestion": r.with_(q=self.suggestion, page=1).url(path) if self.suggestion else None,
            },
        }


def timeline_dict(timeline: Timeline, request: SearchRequest, total: int, path: str) -> dict:
    """A timeline as the API returns it: each bucket with a URL that narrows the search to it."""
    return {
        "interval": timeline.interval,
        "total": total,
        "dated": timeline.dated,
        "undated": timeline.undated,
        "buckets": [{"start": b.start.isoformat(), "end": b.end.isoformat(), "count": b.count, "total": b.total,
                     "share": round(b.share, 6),
                     "url": request.with_(date_from=b.start, date_to=b.end, page=1).url(path)}
                    for b in timeline.buckets],
    }
