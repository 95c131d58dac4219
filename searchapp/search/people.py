"""Which indexed person a typed name names: one lookup for autocomplete and the person filter."""

from __future__ import annotations

from searchapp.search.facets import FacetTables

MAX_CHOICES = 10


def names_person(name: str, typed: str) -> bool:
    """Whether *typed* names the person *name* as autocomplete reads it: every typed word opens a word
    of the name (`putin` → Vladimir Putin, `jens stol` → Jens Stoltenberg); nothing typed names anyone."""
    words = name.lower().split()
    return all(any(word.startswith(part) for word in words) for part in typed.lower().split())


def person_choices(tables: FacetTables, typed: str) -> list[str]:
    """The indexed people *typed* names: the one written so (any case), else those it opens, most articles
    first (at most `MAX_CHOICES`); none for a blank or unknown name."""
    if not typed.strip():
        return []
    exact = tables.person_by_lower.get(" ".join(typed.split()).lower())
    if exact is not None:
        return [exact]
    counts = tables.person_counts()
    found = sorted((name for name in counts if names_person(name, typed)), key=lambda n: (-counts[n], n))
    return found[:MAX_CHOICES]
