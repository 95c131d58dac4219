"""The people, outlets and rubrics of a sharded index as a whole (written with it: `searchapp.index.shards`),
and the listings and look-ups the search interface answers from them alone."""

from __future__ import annotations

from searchapp.extract.outlet import OutletTable, indexed_outlet, slugify
from searchapp.extract.registry import PeopleRegistry, spelling_key
from searchapp.search.facet_values import listed_outlets
from searchapp.search.people import listed_people, person_choices


class Catalog:
    def __init__(self, data: dict, outlet_table: OutletTable, people_registry: PeopleRegistry) -> None:
        self.set: str = data["set"]
        self.documents: int = data["documents"]
        self.counts: dict[str, int] = data["people"]
        self.outlet_counts: dict[str, dict] = data["outlets"]
        self.outlet_table = outlet_table
        self.people_registry = people_registry
        self.shards: int = data["shards"]
        self.published: str | None = data.get("published")  # when the set was published
        # every indexed name, as one index's terms (a name may have no live article), by its person's key to
        # the spelling the counts give that person (`spelled_alike`)
        self.names: list[str] = data["names"]
        counted = {spelling_key(name): name for name in self.counts}
        self._shown = {spelling_key(name): counted.get(spelling_key(name), name) for name in self.names}

    def person_counts(self) -> dict[str, int]:
        return self.counts

    def alike(self, name: str) -> str | None:
        """The indexed person *name* spells, in any case, accents or punctuation, as the counts show them."""
        return self._shown.get(spelling_key(name))

    def person_shown(self, name: str) -> str:
        """The spelling the counts give the person a shard's facet spells *name*."""
        return self.alike(name) or name

    @property
    def any_unknown_outlet(self) -> bool:
        return self.documents > sum(o["count"] for o in self.outlet_counts.values())

    def outlet_label(self, slug: str) -> str:
        outlet = self.outlet_table.get(slug)
        return outlet.name if outlet is not None else self.outlet_counts.get(slug, {}).get("name", slug)

    def outlets(self) -> list[dict]:
        counts = {slug: o["count"] for slug, o in self.outlet_counts.items()}
        return listed_outlets(self.outlet_table.all(), counts, self.outlet_label)

    def outlet_slugs(self) -> list[str]:
        slugs = [outlet.slug for outlet in self.outlet_table.all()]
        return slugs + [slug for slug in self.outlet_counts if slug not in slugs]

    def is_known_outlet(self, slug: str) -> bool:
        return self.outlet_table.get(slug) is not None or slug in self.outlet_counts

    def outlet_slug(self, value: str) -> str | None:
        # the configured outlets first: the index's terms keep an old slug its deleted articles had
        return self.outlet_table.slug_named(value) or indexed_outlet(value, self.is_known_outlet)

    def people(self, prefix: str = "", limit: int = 20) -> list[dict]:
        return listed_people(self, prefix, limit, self.people_registry)

    def person_named(self, slug: str) -> str | None:
        return next((self.alike(name) for name in self.names if slugify(name) == slug), None)

    def person_choices(self, typed: str) -> list[str]:
        return person_choices(self, typed, self.people_registry)


class CatalogListings:
    """The listings and look-ups a sharded engine answers from the catalog of its published set alone
    (`catalog`, which the engine gives)."""

    def catalog(self) -> Catalog:
        raise NotImplementedError

    def outlet_label(self, slug: str) -> str:
        return self.catalog().outlet_label(slug)

    def outlets(self) -> list[dict]:
        return self.catalog().outlets()

    def outlet_slugs(self) -> list[str]:
        return self.catalog().outlet_slugs()

    def is_known_outlet(self, slug: str) -> bool:
        return self.catalog().is_known_outlet(slug)

    def outlet_slug(self, value: str) -> str | None:
        return self.catalog().outlet_slug(value)

    def people(self, prefix: str = "", limit: int = 20) -> list[dict]:
        return self.catalog().people(prefix, limit)

    def person_named(self, slug: str) -> str | None:
        return self.catalog().person_named(slug)

    def person_choices(self, typed: str) -> list[str]:
        return self.catalog().person_choices(typed)
