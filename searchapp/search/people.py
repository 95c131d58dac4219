"""Which indexed person a typed name names: one lookup for autocomplete and the person filter."""

from __future__ import annotations

from searchapp.extract.registry import PeopleRegistry
from searchapp.search.facets import FacetTables

MAX_CHOICES = 10


def names_person(name: str, typed: str) -> bool:
    """Whether *typed* names the person *name* as autocomplete reads it: every typed word opens a word
    of the name (`putin` → Vladimir Putin, `jens stol` → Jens Stoltenberg); nothing typed names anyone."""
    words = name.lower().split()
    return all(any(word.startswith(part) for word in words) for part in typed.lower().split())


def person_choices(tables: FacetTables, typed: str, registry: PeopleRegistry) -> list[str]:
    """The indexed people *typed* names: the person config/people.yaml knows by that name or alias
    (`jokowi` → Joko Widodo, old spellings too), else the one written so (any case), else those it opens,
    most articles first (at most `MAX_CHOICES`); none for a blank or unknown name."""
    if not typed.strip():
        return []
    known = known_person(tables, typed, registry)
    if known is not None:
        return [known]
    exact = tables.person_by_lower.get(" ".join(typed.split()).lower())
    if exact is not None:
        return [exact]
    counts = tables.person_counts()
    found = sorted((name for name in counts if names_person(name, typed)), key=lambda n: (-counts[n], n))
    return found[:MAX_CHOICES]


def known_person(tables: FacetTables, typed: str, registry: PeopleRegistry) -> str | None:
    """The indexed person config/people.yaml names *typed* (a name or an alias), if any."""
    name = registry.canonical(typed)
    return tables.person_by_lower.get(name.lower()) if name else None
