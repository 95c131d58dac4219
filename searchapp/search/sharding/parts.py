"""What passes between a sharded search's front end and its shards (`searchapp.search.sharding.shard`):
plain data, so a shard answers the same in the front end's process and as a Ray actor."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from searchapp.search.sharding.statistics import Statistics

Entry = tuple[tuple, str, float | None, str]  # sort key, article id, score, story (its name, else the id)


@dataclass
class Plan:
    """What the front end decided from every shard's counts, for the second call."""

    statistics: Statistics
    partial: bool  # partial matches wanted (few hold every word, over every shard)
    complete_limit: int  # best articles (stories, when collapsed) of the complete matches to return
    partial_limit: int  # … of the partial ones
    dates: bool = False  # the dates of the matches (a timeline)
    spelling: bool = False  # words near the query's (did you mean)


@dataclass
class Part:
    """One shard's answer to `gather`."""

    set: str
    matching: int
    partial: int
    outlets: Counter
    unknown_outlet: int
    months: Counter
    unknown_date: int
    people: Counter
    categories: Counter
    lone: int  # matches in no story of several articles …
    stories: set[str]  # … and the stories of the others
    lone_with_partial: int
    stories_with_partial: set[str]
    complete: list[Entry]
    partial_entries: list[Entry]
    dates: Counter = field(default_factory=Counter)
    near: dict[str, list[str]] = field(default_factory=dict)  # query word → close words of the shard
