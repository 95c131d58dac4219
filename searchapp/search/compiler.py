"""From the query syntax tree to a Whoosh query over searchapp's fields.

A word becomes its root in title and body, plus its written form (``=word``) with the exact-form boost;
words typed side by side score again where an article writes them so (not required: ``AndMaybe``);
a phrase matches written forms in order, a dropped stopword keeping its place; ``outlet:``, ``orang:``
and ``tanggal:`` become terms and date ranges over the metadata fields.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from whoosh import query as wq

from searchapp.extract.outlet import OutletTable, alias_key
from searchapp.extract.registry import PeopleRegistry, spelling_key
from searchapp.index.analysis import QueryAnalysis, QueryTerm
from searchapp.index.words import iter_words
from searchapp.search.query import Field, Node, Not, Or, Phrase, Word
from searchapp.search.query_dates import date_range

TEXT_FIELDS = ("title", "body")
PROXIMITY_BOOST = 0.5
MAX_PAIRS = 4  # pairs of words read side by side per query: a bound on the positions read


class QueryCompiler:
    """Turns the query syntax tree into a Whoosh query over the index's fields."""

    def __init__(self, analysis: QueryAnalysis, exact_boost: float, outlets: OutletTable,
                 people: list[str], known_outlets: list[str], registry: PeopleRegistry) -> None:
        self.analysis = analysis
        self.exact_boost = exact_boost
        self.outlets = outlets
        self.people = people
        self.known_outlets = known_outlets
        self.registry = registry

    def compile(self, node: Node | None) -> wq.Query | None:
        if node is None:
            return None
        if isinstance(node, Word):
            return self.word(node.text)
        if isinstance(node, Phrase):
            return self.phrase(node.words)
        if isinstance(node, Field):
            return self.field(node)
        if isinstance(node, Not):
            inner = self.compile(node.node)
            return wq.Not(inner) if inner is not None else None
        children = [q for q in (self.compile(child) for child in node.nodes) if q is not None]
        if not children:
            return None
        if len(children) == 1:
            return children[0]
        if isinstance(node, Or):
            return wq.Or(children)
        together = self.together(node.nodes)
        return wq.AndMaybe(wq.And(children), together) if together is not None else wq.And(children)

    def together(self, nodes: list[Node]) -> wq.Query | None:
        """Each two words typed one after the other (neither a function word), side by side, each as written
        (a word typed as its root, which the index holds only so, in any of its forms): not required, but an
        article that holds them so scores them again, `PROXIMITY_BOOST` times (`operasi tangkap tangan` ranks
        the sting's reports above an `operasi` that `menangani` a case)."""
        pairs = []
        for first, second in zip(nodes, nodes[1:], strict=False):
            if isinstance(first, Word) and isinstance(second, Word):
                terms = self.analysis.terms(f"{first.text} {second.text}")
                if len(terms) == 2 and all(t is not None and t.form not in self.analysis.stopwords for t in terms):
                    pairs += [wq.Phrase(name, [t.exact for t in terms], boost=PROXIMITY_BOOST) for name in TEXT_FIELDS]
        return wq.Or(pairs[:2 * MAX_PAIRS]) if pairs else None

    def word(self, text: str) -> wq.Query | None:
        terms = self.analysis.terms(text)
        if len(terms) > 1:
            return self.phrase_terms(terms)
        if not terms or terms[0] is None:
            return None
        term = terms[0]
        per_field = []
        for name in TEXT_FIELDS:
            if term.exact == term.root:
                per_field.append(wq.Term(name, term.root))
            else:
                per_field.append(wq.Or([wq.Term(name, term.root),
                                        wq.Term(name, term.exact, boost=self.exact_boost)]))
        return wq.Or(per_field)

    def phrase(self, words: Iterable[str]) -> wq.Query | None:
        return self.phrase_terms(self.analysis.terms(" ".join(words)))

    def phrase_terms(self, terms: list[QueryTerm | None]) -> wq.Query | None:
        """Words as written, in order; a dropped stopword still takes its place (slop)."""
        while terms and terms[0] is None:
            terms = terms[1:]
        while terms and terms[-1] is None:
            terms = terms[:-1]
        exact = [term.exact for term in terms if term is not None]
        if not exact:
            return None
        if len(exact) == 1:
            return wq.Or([wq.Term(name, exact[0]) for name in TEXT_FIELDS])
        gaps = len(terms) - len(exact)
        return wq.Or([wq.Phrase(name, exact, slop=1 + gaps) for name in TEXT_FIELDS])

    def field(self, node: Field) -> wq.Query:
        if node.name == "outlet":
            slugs = self.outlet_slugs(node.value)
            return wq.Or([wq.Term("outlet", s) for s in slugs]) if slugs else wq.NullQuery
        if node.name == "person":
            names = self.person_names(node.value)
            return wq.Or([wq.Term("people", n) for n in names]) if names else wq.NullQuery
        span = date_range(node.value)
        if span is None:  # not a date: read the value as words
            return self.word(node.value) or wq.NullQuery
        return date_query(*span)

    def outlet_slugs(self, text: str) -> list[str]:
        """The outlets ``outlet:text`` means: a configured slug, name or alias, an indexed slug, else every
        indexed slug it begins (``outlet:kom`` finds kompas and kompas-tv)."""
        known = self.outlets.from_alias(text)
        if known is not None:
            return [known.slug]
        wanted = alias_key(text)
        if not wanted:
            return []
        exact = [slug for slug in self.known_outlets if alias_key(slug) == wanted]
        return exact or [slug for slug in self.known_outlets if alias_key(slug).startswith(wanted)]

    def person_names(self, text: str) -> list[str]:
        """The indexed names ``orang:text`` means: every spelling (`spelling_key`) of the one person
        config/people.yaml knows by that name or alias (and of a name indexed as written, if there is one),
        else of every indexed name holding each of its words (`orang:"yasonna h laoly"` finds the articles
        that write `Yasonna Laoly` too)."""
        known = self.registry.canonical(text)
        if known is not None and known in self.people:
            written = " ".join(text.split()).lower()
            return self._every_spelling([known, *(name for name in self.people if name.lower() == written)])
        wanted = [w.lower() for w, _s, _e in iter_words(text)]
        if not wanted:
            return []
        found = []
        for name in self.people:
            words = [w.lower() for w, _s, _e in iter_words(name)]
            if all(w in words for w in wanted):
                found.append(name)
        return self._every_spelling(found)

    def _every_spelling(self, names: list[str]) -> list[str]:
        keys = {spelling_key(name) for name in names}
        return [name for name in self.people if spelling_key(name) in keys] if keys else []


def date_query(start: dt.date | None, end: dt.date | None) -> wq.Query:
    """Documents dated within [start, end]; either end may be open (built directly: Whoosh 2.7's parser
    gets open-ended date ranges wrong)."""
    return wq.DateRange(
        "date",
        dt.datetime.combine(start, dt.time()) if start else None,
        dt.datetime.combine(end, dt.time(23, 59, 59)) if end else None,
    )
