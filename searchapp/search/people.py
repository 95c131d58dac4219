"""Which indexed person a typed name names: one lookup for autocomplete and the person filter."""

from __future__ import annotations

from searchapp.extract.registry import PeopleRegistry, fold
from searchapp.search.facets import FacetTables

MAX_CHOICES = 10


def names_person(name: str, typed: str) -> bool:
    """Whether *typed* names the person *name* as autocomplete reads it: every typed word opens a word
    of the name (`putin` → Vladimir Putin, `jens stol` → Jens Stoltenberg); nothing typed names anyone."""
    words = [fold(word) for word in name.split()]
    return all(any(word.startswith(fold(part)) for word in words) for part in typed.split())


def person_choices(tables: FacetTables, typed: str, registry: PeopleRegistry) -> list[str]:
    """The indexed people *typed* names: the person config/people.yaml knows by that name or alias (`Jokowi`
    → Joko Widodo in any case, old spellings too, even where an article's `Jokowi` was indexed apart), else
    the one written exactly so (a facet's value selects itself), else the one written so in another case
    unless a name holding it has more articles (`gibran` is not the stub `Gibran` of one article beside
    `Gibran Rakabuming Raka`'s 21: the choice is offered), else those it opens, most articles first (at most
    `MAX_CHOICES`); none for a blank or unknown name. A person is named as the facet spells them."""
    written = " ".join(typed.split())
    if not written:
        return []
    known = known_person(tables, typed, registry)
    if known is not None:
        return [known]
    counts = tables.person_counts()
    if written in counts:
        return [written]
    exact = tables.alike(written)
    found = sorted((name for name in typed_people(tables, typed) if name in counts), key=lambda n: (-counts[n], n))
    if exact is not None and (not found or counts.get(exact, 0) >= counts[found[0]]):
        return [exact]
    found = found[:MAX_CHOICES]
    if exact is not None and exact not in found:
        found[-1] = exact
    return found


def typed_people(tables: FacetTables, typed: str) -> set[str]:
    """The people *typed* names in any of their indexed spellings (`yasonna h` → Yasonna Laoly, whose
    articles also write `Yasonna H. Laoly`), as the facet spells them."""
    return {shown for name in tables.names if names_person(name, typed) and (shown := tables.alike(name))}


def known_person(tables: FacetTables, typed: str, registry: PeopleRegistry) -> str | None:
    """The indexed person config/people.yaml names *typed* (a name or an alias), if any."""
    name = registry.canonical(typed)
    return tables.alike(name) if name else None


def listed_people(tables: FacetTables, prefix: str, limit: int, registry: PeopleRegistry) -> list[dict]:
    """Autocomplete's list: the person an alias or another spelling names first (`jokowi`: Joko Widodo),
    then the indexed names *prefix* opens, most articles first."""
    counts = tables.person_counts()
    known = known_person(tables, prefix, registry) if prefix.strip() else None
    found = [{"name": name, "count": counts[name]} for name in typed_people(tables, prefix)
             if name in counts and name != known]
    found.sort(key=lambda p: (-p["count"], p["name"]))
    if known is not None and known in counts:
        found.insert(0, {"name": known, "count": counts[known]})
    return found[:limit]
