"""An article's related articles over every shard, chosen and ranked as one index of the same articles
would: its key terms weighted with every shard's statistics (`whoosh.classify.Expander`), each story
once, never the article's own."""

from __future__ import annotations

import functools

from whoosh import classify
from whoosh.fields import Schema

from searchapp.index.analysis import QueryAnalysis
from searchapp.search.articles import EXPANDED, RELATED, RELATED_READ, related_query
from searchapp.search.results import Hit
from searchapp.search.sharding.calls import ShardCalls, with_copies
from searchapp.search.sharding.fanout import ShardsMissingError
from searchapp.search.sharding.merging import once_a_story
from searchapp.search.sharding.statistics import CollectionReader, Statistics


def related_hits(calls: ShardCalls, schema: Schema, analysis: QueryAnalysis, set_name: str, doc_id: str,
                 article: dict, weights: dict[str, float], total: float) -> list[Hit]:
    """The related articles of *article* (its body's term *weights* and their *total*, from its shard)."""
    if not weights:  # an empty body: no key terms
        return []
    collections = calls.every("collection", list(weights), set_name=set_name)
    if calls.missing:  # key terms and scores from some shards' statistics would be others than one index's
        raise ShardsMissingError(calls.missing)
    statistics = functools.reduce(Statistics.add, (c[1] for c in collections.values()), Statistics())
    expander = classify.Expander(CollectionReader(statistics, schema), "body")
    expander.topN_weight.update(weights)
    expander.top_total = total
    similar = related_query(expander.expanded_terms(EXPANDED), analysis.stopwords)
    if similar is None:
        return []
    excluded = [doc_id, *(copy["id"] for copy in article.get("copies", []))]
    answered = calls.every("related", similar, statistics, RELATED * RELATED_READ, excluded, set_name=set_name)
    answers = {n: entries for n, (_set, entries) in answered.items()}
    if calls.missing:
        raise ShardsMissingError(calls.missing)
    best = once_a_story((entry for entries in answers.values() for entry in entries), RELATED)
    rendered, members = calls.rendered("", {n: [(e[1], e[2], False) for e in entries if e in best]
                                            for n, entries in answers.items()},
                                       sorted({e[3] for e in best if e[3]}))
    hits = []
    for entry in best:
        hit = rendered.get(entry[1])
        if hit is None:  # its shard went away meanwhile
            raise ShardsMissingError(calls.missing)
        hits.append(with_copies(hit, members))
    return hits
