"""What a sharded search makes of its shards' parts: the facets from their counts, the page from their
best articles (pure functions of `searchapp.search.sharding.parts.Part`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from searchapp.search.facet_values import CategoryFacet, MonthFacet, OutletFacet, PersonFacet
from searchapp.search.facets import TOP_PEOPLE, top_counts
from searchapp.search.results import Facets
from searchapp.search.sharding.catalog import Catalog
from searchapp.search.sharding.parts import Entry, Part


def merged_facets(request, people: list[str], parts: Iterable[Part], catalog: Catalog) -> Facets:
    """The facets of every shard's counts: summed, the people's top taken from the sums."""
    parts = list(parts)

    def summed(name: str) -> Counter:
        return sum((getattr(p, name) for p in parts), Counter())

    return Facets(
        outlet=OutletFacet(request).values(summed("outlets"), sum(p.unknown_outlet for p in parts),
                                           catalog.outlet_label, list(catalog.outlet_counts),
                                           catalog.any_unknown_outlet),
        person=PersonFacet(request).values(top_counts(people_summed(parts, catalog), TOP_PEOPLE), people),
        month=MonthFacet(request).values(summed("months")),
        unknown_outlet=sum(p.unknown_outlet for p in parts),
        unknown_date=sum(p.unknown_date for p in parts),
        category=CategoryFacet(request).values(summed("categories")),
    )


def people_summed(parts: list[Part], catalog: Catalog) -> Counter:
    """The people facet's counts of every shard, each person under the set's spelling of the name (a shard
    spells a person as most of its own articles do)."""
    people: Counter = Counter()
    for part in parts:
        for name, count in part.people.items():
            people[catalog.person_shown(name)] += count
    return people


def merged_page(request, parts: dict[int, Part]) -> list[tuple[int, Entry, bool]]:
    """The entries of the requested page (shard, entry, partial): the complete matches first, then
    the partial ones, each in the request's order, each story once when collapsed."""
    start = (request.page - 1) * request.per_page
    end = start + request.per_page
    page: list[tuple[int, Entry, bool]] = []
    seen: set[str] = set()
    for partial in (False, True):
        merged = sorted(((n, entry) for n, part in parts.items()
                         for entry in (part.partial_entries if partial else part.complete)),
                        key=lambda item: item[1][0])
        for shard, entry in merged:
            if len(page) >= end:
                break
            story = story_key(entry)
            if request.collapse:
                if story in seen:
                    continue
                seen.add(story)
            page.append((shard, entry, partial))
    return page[start:end]


def once_a_story(entries: Iterable[Entry], count: int) -> list[Entry]:
    """The best *count* of every shard's *entries* (by their sort key), each story once (an article without
    copies is its own)."""
    seen: set[str] = set()
    kept = []
    for entry in sorted(entries, key=lambda e: e[0]):
        story = story_key(entry)
        if story not in seen and len(kept) < count:
            seen.add(story)
            kept.append(entry)
    return kept


def story_key(entry: Entry) -> str:
    """What makes two entries one story: its name, or the article's own id when it has no copies."""
    return entry[3] or entry[1]
