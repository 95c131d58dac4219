"""The search interface every front end uses: the web pages and API, the command line, the evaluations
and the benchmark. `WhooshEngine` (one index on this machine) is its implementation."""

from __future__ import annotations

from typing import Protocol

from searchapp.config import Settings
from searchapp.extract.registry import PeopleRegistry
from searchapp.search.request import SearchRequest
from searchapp.search.results import SearchResult
from searchapp.search.significant import SignificantWord
from searchapp.search.timeline import Timeline


class SearchEngine(Protocol):
    people_registry: PeopleRegistry  # config/people.yaml: the names and aliases a request may use

    def search(self, request: SearchRequest, timeline: str | None = None) -> SearchResult:
        """Ranked results of one page, facet counts, highlights and a suggestion; with *timeline*
        (``auto``, ``day``, ``week``, ``month``) its articles over time too."""

    def timelines(self, requests: list[SearchRequest], interval: str = "auto") -> list[tuple[SearchRequest, int,
                                                                                           Timeline]]:
        """Each request as resolved, its total, and its articles over time (`searchapp.search.timeline`),
        all over one span and interval."""

    def significant(self, request: SearchRequest, limit: int = 20) -> tuple[SearchRequest, int, int,
                                                                            list[SignificantWord]]:
        """The request as resolved, its total, how many of its best matches were read, and the words
        over-represented in them."""

    def document(self, doc_id: str, q: str = "", raw: bool = False) -> dict | None:
        """One whole article, highlighted for *q*, with related articles (and with *raw* the text as
        read); None when unknown."""

    def outlets(self) -> list[dict]:
        """Every outlet with its number of articles."""

    def outlet_slugs(self) -> list[str]:
        """Slugs of every outlet a request may name."""

    def is_known_outlet(self, slug: str) -> bool:
        """Whether *slug* names an outlet (configured, or in the index)."""

    def outlet_slug(self, value: str) -> str | None:
        """The slug of the outlet a request's *value* names: a known slug, or a configured outlet's name,
        alias or host (``kompas.com``, ``Kompas TV``, a slug an earlier outlet table gave); else None."""

    def people(self, prefix: str = "", limit: int = 20) -> list[dict]:
        """People by number of articles, optionally by the start of a word of the name."""

    def person_named(self, slug: str) -> str | None:
        """The indexed person whose name's slug is *slug*, or None."""

    def person_choices(self, typed: str) -> list[str]:
        """The indexed people a typed name names (the lookup of `people` and of the person filter)."""

    def health(self) -> dict:
        """Whether there is an index, its size, when it changed, the version."""


def open_engine(settings: Settings) -> SearchEngine:
    """The engine the configuration asks for: over the shards of a cluster, over the shards of a sharded
    index on this machine, else over one index."""
    from searchapp.index.shards import read_manifest

    if settings.cluster:
        from searchapp.search.sharding.cluster import open_cluster

        return open_cluster(settings)
    manifest = read_manifest(settings.index)
    if manifest is not None:
        from searchapp.search.sharding.engine import open_sharded

        return open_sharded(settings, manifest["shards"])
    from searchapp.search.engine import WhooshEngine

    return WhooshEngine(settings)
