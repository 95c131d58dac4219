"""Known-item retrieval on a real corpus: does a query made from an article find that very article?

Three query sets per article (`build_queries`, in searchapp.evaluate.queries):

* ``title``: its whole title (the stated title, else the words of its URL slug);
* ``words``: 3 random title words longer than 3 letters, function words included (seeded per article) —
  what people type;
* ``roots``: the same words reduced to their Sastrawi root (``penyerangan`` → ``serang``); only articles
  where at least one of the words changes take part.

A corpus of questions over passages (FacQA) has no titles: there each question stands in for a title
(set ``question``), the right answer to it and to its words being the passage it was asked about.

Each set is run against several engines over the same articles (`Variant`, in searchapp.evaluate.variants):
searchapp as configured, without stemming, without the exact-form boost, and tantivy's default tokenizer
(AND and OR). The one right answer is the article itself: MRR@10, success@1, success@10 and the number of
queries without any hit are reported. Queries are reduced to their words first, so that quotes, colons,
parentheses, a leading ``-`` or an ``OR`` in a title never act as query syntax.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from searchapp.evaluate.queries import WORDS_PER_QUERY, Query, build_queries, build_question_queries
from searchapp.evaluate.realdata import corpus_articles
from searchapp.evaluate.scoring import Outcome, VariantResult, run_variant
from searchapp.evaluate.variants import CUTOFF, VARIANTS, SearchappVariant, TantivyVariant, Variant


@dataclass
class RetrievalReport:
    corpus: str
    indexed: int
    queried: int
    seed: int
    sets: dict[str, list[Query]]
    results: list[VariantResult]
    short_word_sets: int = 0  # articles with fewer than 3 usable title words
    without_titles: bool = False


def write_untitled(articles: Iterable[Any], folder: Path) -> Path:
    """A copy of *articles* without their titles, as a corpus folder of one JSONL file."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "untitled.jsonl", "w", encoding="utf-8") as handle:
        for a in articles:
            record = {"id": a.id, "body": a.body, "outlet": a.outlet, "date": a.date.isoformat() if a.date else None,
                      "url": a.url, "people": list(a.people) if a.people is not None else None,
                      "reporter": a.reporter, "editor": a.editor}
            handle.write(json.dumps({k: v for k, v in record.items() if v is not None}, ensure_ascii=False) + "\n")
    return folder


def evaluate_retrieval(corpus: Path, config: str | None = None, limit: int | None = None, seed: int = 13,
                       workers: int = 2, work: Path | None = None, variants: Sequence[str] | None = None,
                       today: dt.date | None = None, without_titles: bool = False,
                       questions: Sequence[tuple[str, str]] | None = None,
                       corpus_name: str | None = None) -> RetrievalReport:
    """Build every variant's index over *corpus* (in *work*, else a temporary folder) and run the query
    sets of *limit* sampled articles (all when None) against each.

    *without_titles*: the articles are indexed without their stated titles, so that a query must find its
    article through the body (a stated title holds every word of the title queries).
    *questions*: (article id, question) pairs to query with instead of the titles (*limit* samples them).
    *corpus_name*: what to call the corpus in the report (default: its path).
    """
    from searchapp.config import load_settings
    from searchapp.index.analysis import QueryAnalysis
    from searchapp.index.schema import configured_analyzer

    corpus = Path(corpus).resolve()
    base = load_settings(config, {"corpus": str(corpus)})
    articles, _skipped = corpus_articles(corpus)
    stem = QueryAnalysis(configured_analyzer(base)).stem  # the roots the index holds
    if questions is not None:
        chosen_questions = list(questions)
        if limit is not None and limit < len(chosen_questions):
            chosen_questions = random.Random(seed).sample(chosen_questions, limit)
        queried = len(chosen_questions)
        sets = build_question_queries(chosen_questions, stem, seed)
    else:
        chosen = articles
        if limit is not None and limit < len(articles):
            picked = set(random.Random(seed).sample(sorted(a.id for a in articles), limit))
            chosen = [a for a in articles if a.id in picked]
        queried = len(chosen)
        sets = build_queries(chosen, stem, seed)
    short = sum(1 for q in sets["words"] if len(q.text.split()) < WORDS_PER_QUERY)

    with tempfile.TemporaryDirectory(prefix="searchapp-eval-") as temporary:
        folder = Path(work) if work else Path(temporary)
        indexed_corpus = write_untitled(articles, folder / "untitled-corpus") if without_titles else corpus
        indexed_articles = [_untitled(a) for a in articles] if without_titles else articles
        results = []
        built: dict[tuple, SearchappVariant] = {}
        tantivy_built: TantivyVariant | None = None
        for number, (name, overrides, conjunction) in enumerate(VARIANTS):
            if variants and name[1] not in variants:
                continue
            variant: Variant
            if overrides is not None:
                variant = SearchappVariant(name, config, indexed_corpus, folder / f"searchapp-{number}",
                                           overrides, workers, today)
                if variant.index_key in built:
                    variant.use_index_of(built[variant.index_key])
                    print(f"  {name}: same index as {built[variant.index_key].name} "
                          "(the setting only changes queries)", file=sys.stderr)
                else:
                    variant.prepare()
                    built[variant.index_key] = variant
            else:
                variant = TantivyVariant(name, indexed_articles, folder / "tantivy", bool(conjunction),
                                         base.title_boost, shared=tantivy_built)
                if variant.available:
                    variant.prepare()
                    tantivy_built = variant
            results.append(run_variant(variant, sets))
    return RetrievalReport(corpus_name or str(corpus), len(articles), queried, seed, sets, results, short,
                           without_titles)


def _untitled(article):
    from dataclasses import replace

    return replace(article, title=None)


def format_report(report: RetrievalReport) -> str:
    sets = report.sets
    whole = next(iter(sets))
    asked = "questions" if whole == "question" else "articles"
    lines = [
        f"Known-item retrieval on {report.corpus}",
        f"{report.indexed} articles indexed{' WITHOUT their titles (body only)' if report.without_titles else ''}, "
        f"{report.queried} {asked} queried (seed {report.seed}); the right answer to each query is the article "
        + ("the question was asked about" if whole == "question" else "it was made from"),
        "query sets: " + ", ".join(f"{name} {len(queries)} {asked}" for name, queries in sets.items())
        + f" ({report.short_word_sets} word queries have fewer than {WORDS_PER_QUERY} words)",
        "",
        f"{'variant':<22} {'set':<8} {'queries':>7} {'MRR@10':>7} {'S@1':>6} {'S@10':>6} {'zero-hit':>8}",
    ]
    for result in report.results:
        if not result.available:
            lines.append(f"{result.name:<22} {result.why_not}")
            continue
        for name in sets:
            m = result.metrics(name)
            lines.append(f"{result.name:<22} {name:<8} {m.queries:>7} {m.mrr:>7.3f} {m.success_1:>6.3f} "
                         f"{m.success_10:>6.3f} {m.zero_hits:>8}")
    lines += ["", f"Whole-{whole} queries failing (article not in the top 10) only because of their numbers "
                  "(they succeed with the numbers taken out):"]
    for result in report.results:
        if not result.available or not result.number_check:
            continue
        c = result.number_check
        n = max(1, len(sets[whole]))
        lines.append(
            f"  {result.name:<20} thousands separators: {c['fixed_thousands']}/{len(sets[whole])} "
            f"({c['fixed_thousands'] / n:.2%}; {c['with_thousands']} {whole}s hold such a number, "
            f"{c['failing_thousands']} of them fail); any digits: {c['fixed_digits']} "
            f"({c['fixed_digits'] / n:.2%}; {c['with_digits']} with digits, {c['failing_digits']} fail)"
        )
    lines.append("")
    lines.append("time: " + ", ".join(f"{r.name} {r.seconds:.0f} s" for r in report.results if r.available))
    return "\n".join(lines)


def format_examples(report: RetrievalReport, count: int) -> str:
    """Queries the first variant loses: another variant ranks the article higher (or the first misses it)."""
    if count <= 0 or not report.results or not report.results[0].available:
        return ""
    first = report.results[0]
    others = [r for r in report.results[1:] if r.available]
    worst = CUTOFF + 1

    def rank(outcome: Outcome) -> int:
        return outcome.rank or worst

    lines = [f"Losses of {first.name}: queries another variant ranks higher, or that it misses "
             "(rank; '-' not in the top 10; number of hits in brackets):"]
    for name in report.sets:
        losses = []
        for i, query in enumerate(report.sets[name]):
            mine = rank(first.outcomes[name][i])
            best = min((rank(r.outcomes[name][i]) for r in others), default=worst)
            if best < mine or mine == worst:
                losses.append((mine - best, i, query))
        lines.append(f"  set {name}: {len(losses)} losses" + (f", the {min(count, len(losses))} largest:"
                                                              if losses else ""))
        for _gap, i, query in sorted(losses, key=lambda item: (-item[0], item[1]))[:count]:
            ranks = [f"{r.name.split()[0]} {_rank_text(r.outcomes[name][i])}" for r in others]
            lines.append(f"    {query.article_id}: {query.text!r} → {_rank_text(first.outcomes[name][i])}; "
                         + ", ".join(ranks))
    return "\n".join(lines)


def _rank_text(outcome: Outcome) -> str:
    return f"{outcome.rank if outcome.rank else '-'} [{outcome.total}]"
