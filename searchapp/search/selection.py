"""Which documents a search selects: those holding every word, within each combination of filters the
facet counts need, and when few hold every word, those holding some (partial, counted apart)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import whoosh.query as wq

from searchapp.search.compiler import QueryCompiler
from searchapp.search.facets import FacetTables
from searchapp.search.matching import DocSets
from searchapp.search.query import And, Node, Or, Word, parse_query
from searchapp.search.request import SearchRequest


@dataclass
class Matches:
    """The documents of one request: those the text query matches (*found*); with every filter but
    the outlet (*unfiltered*, which outlet counts use) or but the rubric; with all of them (*matching*,
    what ``total`` and the facets count); and, when few hold every word, those within the filters that
    hold only some of the words (*partial*, listed after them and counted apart)."""

    found: set[int]
    unfiltered: set[int]
    matching: set[int]
    text_query: wq.Query | None
    partial: set[int] = field(default_factory=set)
    partial_query: wq.Query | None = None
    relaxed: bool = False
    node: Node | None = None
    but_category: set[int] = field(default_factory=set)  # every filter but the rubric (its counts)
    but_date: set[int] = field(default_factory=set)  # every filter but the dates (the month counts)
    any_query: wq.Query | None = None  # a plain query's words, any of them (partial matches; compiled when wanted)


def select(request: SearchRequest, people: list[str], compiler: QueryCompiler, tables: FacetTables, docsets: DocSets,
           partial_below: int, decide: Callable[[set[int], set[int]], bool] | None = None) -> Matches:
    """The documents of *request* (with its *people* as resolved), each set its counts need. Whether
    partial matches are wanted is decided from the query's documents and those within the filters;
    a shard is told the decision made over every shard (*decide*)."""
    node = parse_query(request.q)
    text_query = compiler.compile(node)

    def outlets_and_rubrics(docs: set[int]) -> tuple[set[int], set[int], set[int]]:
        """*docs* with every filter but the outlet; but the rubric; with both."""
        but_outlet = tables.with_categories(docs, request.categories) if request.categories else docs
        but_category = tables.with_outlets(docs, request.outlets) if request.outlets else docs
        matching = tables.with_outlets(but_outlet, request.outlets) if request.outlets else but_outlet
        return but_outlet, but_category, matching

    def matches(query: wq.Query | None) -> tuple[set[int], set[int], set[int], set[int], set[int]]:
        """The query's documents; with every filter but the outlet; but the rubric; with all; the
        people filter's documents (before the dates)."""
        found = docsets.of(query) if query is not None else set(docsets.all_docs())
        with_people = found
        for name in people:
            with_people = with_people & set().union(*(docsets.postings.docs("people", spelled)
                                                      for spelled in tables.spellings(name)))
        base = with_people
        if request.date_from or request.date_to:
            base = tables.within_dates(base, request.date_from, request.date_to)
        return found, *outlets_and_rubrics(base), with_people

    found, unfiltered, but_category, matching, with_people = matches(text_query)
    # a query of operators alone (orang:, outlet:, tanggal:, -kata) has nothing to rank by: newest first, as
    # without a query (`SearchRequest.order` says so)
    ranked_by = text_query if request.has_words else None
    result = Matches(found, unfiltered, matching, ranked_by, node=node, but_category=but_category)
    dated = request.date_from or request.date_to
    result.but_date = outlets_and_rubrics(with_people)[2] if dated else matching
    # Few articles hold every word of a plain query (decided before any filter), or none within the
    # filters: those with some of the words follow them, counted apart and never in the facets.
    plain = isinstance(node, And) and all(isinstance(n, Word) for n in node.nodes)
    if not plain:
        return result
    any_node = Or(node.nodes)
    wanted = decide(found, matching) if decide else len(found) < partial_below or not matching
    if wanted or decide:  # a shard is told whether partial matches are wanted: it needs their terms anyway
        result.any_query = compiler.compile(any_node)
    if wanted:
        result.partial_query = result.any_query
        result.partial = matches(result.partial_query)[3] - matching
        if not matching:  # every result is partial: ranked by how many words, and the page says so
            result.node, result.relaxed = any_node, bool(result.partial)
    return result
