"""Scoring an engine on the query sets: where the right article ranks for each query, MRR@10,
success@1/10 and zero hits over a set, and which whole-title failures are due only to numbers."""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from searchapp.evaluate.queries import Query
from searchapp.evaluate.variants import CUTOFF, Variant

THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:([.,\s])\d{3})(?:\1\d{3})*(?![\d]|[.,]\d)")
DIGITS = re.compile(r"\d")


@dataclass(frozen=True)
class Outcome:
    """What one query gave: the rank of the right article in the top 10 (None: not there), hit count."""

    rank: int | None
    total: int


@dataclass(frozen=True)
class Metrics:
    queries: int
    mrr: float
    success_1: float
    success_10: float
    zero_hits: int

    @classmethod
    def of(cls, outcomes: Sequence[Outcome], cutoff: int = CUTOFF) -> Metrics:
        n = len(outcomes)
        if not n:
            return cls(0, 0.0, 0.0, 0.0, 0)
        ranks = [o.rank for o in outcomes]
        return cls(
            queries=n,
            mrr=sum(1 / r for r in ranks if r is not None and r <= cutoff) / n,
            success_1=sum(1 for r in ranks if r == 1) / n,
            success_10=sum(1 for r in ranks if r is not None and r <= cutoff) / n,
            zero_hits=sum(1 for o in outcomes if o.total == 0),
        )


def rank_of(target: str, ids: Sequence[str]) -> int | None:
    """1-based rank of *target* in *ids*, None when absent."""
    for rank, doc_id in enumerate(ids, 1):
        if doc_id == target:
            return rank
    return None


@dataclass
class VariantResult:
    name: str
    available: bool = True
    why_not: str = ""
    outcomes: dict[str, list[Outcome]] = field(default_factory=dict)
    seconds: float = 0.0
    number_check: dict[str, int] = field(default_factory=dict)

    def metrics(self, query_set: str) -> Metrics:
        return Metrics.of(self.outcomes.get(query_set, []))


def run_variant(variant: Variant, sets: dict[str, list[Query]], progress: bool = True) -> VariantResult:
    """Every query of every set against *variant* (already prepared)."""
    result = VariantResult(variant.name, variant.available, variant.why_not)
    if not variant.available:
        return result
    started = time.monotonic()
    total = sum(len(queries) for queries in sets.values())
    done = 0
    for name, queries in sets.items():
        outcomes = []
        for query in queries:
            ids, hits = variant.search(query.text)
            outcomes.append(Outcome(rank_of(query.article_id, ids), hits))
            done += 1
            if progress and done % 500 == 0:
                print(f"  {variant.name}: {done}/{total} queries", file=sys.stderr)
        result.outcomes[name] = outcomes
    whole = next(iter(sets))
    result.number_check = check_numbers(variant, sets[whole], result.outcomes[whole])
    result.seconds = time.monotonic() - started
    return result


def check_numbers(variant: Variant, queries: Sequence[Query], outcomes: Sequence[Outcome]) -> dict[str, int]:
    """How many whole-title queries fail only because of their numbers.

    A query *fails* when its article is not in the top 10. It fails only because of a number when it
    holds one and succeeds once its numbers are taken out: separately for numbers written with
    thousands separators (``16.216``, ``16 216``, ``16,216``) and for any digits.
    """
    counts = {"with_thousands": 0, "failing_thousands": 0, "fixed_thousands": 0,
              "with_digits": 0, "failing_digits": 0, "fixed_digits": 0}
    for query, outcome in zip(queries, outcomes, strict=True):
        failed = outcome.rank is None or outcome.rank > CUTOFF
        for kind, pattern, strip in (("thousands", THOUSANDS, THOUSANDS),
                                     ("digits", DIGITS, re.compile(r"\S*\d\S*"))):
            if not pattern.search(query.text):
                continue
            counts[f"with_{kind}"] += 1
            if not failed:
                continue
            counts[f"failing_{kind}"] += 1
            stripped = " ".join(strip.sub(" ", query.text).split())
            if stripped and rank_of(query.article_id, variant.search(stripped)[0]) is not None:
                counts[f"fixed_{kind}"] += 1
    return counts
