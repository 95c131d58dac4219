"""Known-item retrieval on a real corpus: does a query made from an article find that very article?

Three query sets per article (`build_queries`):

* ``title``: its whole title (the stated title, else the words of its URL slug);
* ``words``: 3 random title words longer than 3 letters, not stopwords (seeded per article) — what people
  type;
* ``roots``: the same words reduced to their Sastrawi root (``penyerangan`` → ``serang``); only articles
  where at least one of the words changes take part.

A corpus of questions over passages (FacQA) has no titles: there each question stands in for a title
(set ``question``), the right answer to it and to its words being the passage it was asked about.

Each set is run against several engines over the same articles (`Variant`): searchapp as configured,
without stemming, without the exact-form boost, and tantivy's default tokenizer (AND and OR). The one
right answer is the article itself: MRR@10, success@1, success@10 and the number of queries without any
hit are reported. Queries are reduced to their words first, so that quotes, colons, parentheses, a
leading ``-`` or an ``OR`` in a title never act as query syntax.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from searchapp.evaluate.realdata import corpus_articles
from searchapp.ingest.indosum import slug_title

CUTOFF = 10
WORDS_PER_QUERY = 3
MIN_LETTERS = 4  # "longer than 3 letters"

_QUERY_WORD = re.compile(r"[^\W_]+(?:[-.,][^\W_]+)*")  # a word as searchapp's query parser reads it
_OPERATORS = frozenset({"OR", "AND", "NOT", "TO"})
_ALNUM_RUN = re.compile(r"[^\W_]+")  # a token of tantivy's default (simple) tokenizer
THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:([.,\s])\d{3})(?:\1\d{3})*(?![\d]|[.,]\d)")
DIGITS = re.compile(r"\d")


# ---------------------------------------------------------------------------------------------------
# Queries


@dataclass(frozen=True)
class Query:
    article_id: str
    text: str


def searchapp_query(text: str) -> str:
    """*text* as plain words for searchapp: no quotes, fields, groups, negation or operators."""
    words = _QUERY_WORD.findall(text)
    return " ".join(w.lower() if w in _OPERATORS else w for w in words)


def tantivy_query(text: str) -> str:
    """*text* as plain lower-case terms for tantivy's query parser (its tokenizer's own split)."""
    return " ".join(w.lower() for w in _ALNUM_RUN.findall(text))


def title_words(title: str, stopwords: frozenset[str]) -> list[str]:
    """Distinct lower-case words of *title* with at least 4 letters and no digit, stopwords left out."""
    from searchapp.index.analysis import iter_words

    found: dict[str, None] = {}
    for word, _start, _end in iter_words(title):
        word = word.lower()
        letters = word.replace("-", "")
        if len(letters) >= MIN_LETTERS and letters.isalpha() and word not in stopwords:
            found.setdefault(word, None)
    return list(found)


def article_title(article) -> str | None:
    """The title a user would know: stated, else the words of the URL slug."""
    return article.title or slug_title(article.url)


def build_queries(articles: Iterable[Any], stem: Callable[[str], str], stopwords: frozenset[str],
                  seed: int) -> dict[str, list[Query]]:
    """The three query sets for *articles* (objects with ``id``, ``title``, ``url``).

    The random words of an article depend only on *seed* and its id, never on which other articles
    are queried.
    """
    return _query_sets("title", ((a.id, a.id, article_title(a)) for a in articles), stem, stopwords, seed)


def build_question_queries(questions: Sequence[tuple[str, str]], stem: Callable[[str], str],
                           stopwords: frozenset[str], seed: int) -> dict[str, list[Query]]:
    """The query sets of *questions* (passage id, question): the whole question, 3 of its words, their roots."""
    return _query_sets("question", ((f"{pid}#{n}", pid, text) for n, (pid, text) in enumerate(questions)),
                       stem, stopwords, seed)


def _query_sets(whole: str, sources: Iterable[tuple[str, str, str | None]], stem: Callable[[str], str],
                stopwords: frozenset[str], seed: int) -> dict[str, list[Query]]:
    """Query sets named *whole*, ``words`` and ``roots`` of (random key, right answer, text) triples."""
    sets: dict[str, list[Query]] = {whole: [], "words": [], "roots": []}
    for key, answer, text in sources:
        if not text or not searchapp_query(text):
            continue
        sets[whole].append(Query(answer, text))
        candidates = title_words(text, stopwords)
        if not candidates:
            continue
        rng = random.Random(f"{seed}:{key}")
        words = rng.sample(candidates, min(WORDS_PER_QUERY, len(candidates)))
        sets["words"].append(Query(answer, " ".join(words)))
        roots = [stem(word) for word in words]
        if roots != words:
            sets["roots"].append(Query(answer, " ".join(roots)))
    return sets


# ---------------------------------------------------------------------------------------------------
# Metrics


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


# ---------------------------------------------------------------------------------------------------
# Engines


class Variant:
    """An engine over the corpus: ``search(text)`` gives the top ids and the number of hits."""

    name = ""
    available = True
    why_not = ""

    def prepare(self) -> None:  # build the index
        pass

    def search(self, text: str) -> tuple[list[str], int]:
        raise NotImplementedError


class SearchappVariant(Variant):
    """searchapp with configuration overrides, its index built in *index* (shared by equal schemas)."""

    def __init__(self, name: str, config: str | None, corpus: Path, index: Path, overrides: dict[str, Any],
                 workers: int, today: dt.date | None = None) -> None:
        from searchapp.config import load_settings

        self.name = name
        self.settings = load_settings(config, {"corpus": str(corpus), "index": str(index),
                                               "indexing.workers": workers, **overrides})
        self.today = today
        self.engine = None

    @property
    def index_key(self) -> tuple:
        """What the index depends on (exact_boost, a query-time weight, does not count)."""
        s = self.settings
        return (s.corpus, s.stemming, s.stem_exclusions, s.title_boost, s.stopwords_file, s.outlets_file)

    def prepare(self) -> None:
        from searchapp.index.progress import Progress
        from searchapp.index.writer import build_index
        from searchapp.search.interface import open_engine

        report = build_index(self.settings, rebuild=True, today=self.today,
                             progress=lambda total: Progress(total, label=f"indexing {self.name}"))
        print(f"  {self.name}: {report.summary().splitlines()[0]}", file=sys.stderr)
        self.engine = open_engine(self.settings)

    def use_index_of(self, other: SearchappVariant) -> None:
        from searchapp.search.interface import open_engine

        self.settings = _replace_settings(self.settings, index=other.settings.index)
        self.engine = open_engine(self.settings)

    def search(self, text: str) -> tuple[list[str], int]:
        from searchapp.errors import SearchappError
        from searchapp.search.request import SearchRequest

        query = searchapp_query(text)
        if not query:
            return [], 0
        try:
            result = self.engine.search(SearchRequest(q=query, per_page=CUTOFF))
        except SearchappError:
            return [], 0
        return [hit.id for hit in result.results], result.total


def _replace_settings(settings, **changes):
    from dataclasses import replace

    return replace(settings, **changes)


class TantivyVariant(Variant):
    """tantivy-py with its default tokenizer over title and body (title weighted like searchapp's)."""

    def __init__(self, name: str, articles: Sequence[Any], folder: Path, conjunction: bool,
                 title_boost: float, shared: TantivyVariant | None = None) -> None:
        self.name = name
        self.articles = articles
        self.folder = folder
        self.conjunction = conjunction
        self.title_boost = title_boost
        self.shared = shared
        self.index = None
        try:
            import tantivy  # noqa: F401  (an optional extra: searchapp[bench])
        except ImportError:
            self.available = False
            self.why_not = "not installed (pip install 'searchapp[bench]')"

    def prepare(self) -> None:
        if self.shared is not None and self.shared.index is not None:
            self.index = self.shared.index
            return
        import tantivy

        builder = tantivy.SchemaBuilder()
        builder.add_text_field("id", stored=True, tokenizer_name="raw")
        builder.add_text_field("title", stored=False)
        builder.add_text_field("body", stored=False)
        schema = builder.build()
        self.folder.mkdir(parents=True, exist_ok=True)
        index = tantivy.Index(schema, path=str(self.folder))
        writer = index.writer(heap_size=128 * 1024 * 1024, num_threads=1)
        for article in self.articles:
            writer.add_document(tantivy.Document(id=article.id, title=article.title or "", body=article.body))
        writer.commit()
        writer.wait_merging_threads()
        index.reload()
        self.index = index
        print(f"  {self.name}: indexed {len(self.articles)} articles", file=sys.stderr)

    def search(self, text: str) -> tuple[list[str], int]:
        query_text = tantivy_query(text)
        if not query_text:
            return [], 0
        index = self.index
        try:
            query = index.parse_query(query_text, ["title", "body"], field_boosts={"title": self.title_boost},
                                      conjunction_by_default=self.conjunction)
        except ValueError:
            return [], 0
        searcher = index.searcher()
        result = searcher.search(query, CUTOFF, count=True)
        ids = [searcher.doc(address)["id"][0] for _score, address in result.hits]
        return ids, result.count or 0


# ---------------------------------------------------------------------------------------------------
# The run


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


VARIANTS = (  # name, searchapp overrides (None: tantivy), tantivy conjunction
    ("(a) searchapp", {}, None),
    ("(b) no stemming", {"analysis.stemming": False}, None),
    ("(c) no exact boost", {"ranking.exact_boost": 0.0}, None),
    ("(d) tantivy AND", None, True),
    ("(d') tantivy OR", None, False),
)


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
        sets = build_question_queries(chosen_questions, stem, base.load_stopwords(), seed)
    else:
        chosen = articles
        if limit is not None and limit < len(articles):
            picked = set(random.Random(seed).sample(sorted(a.id for a in articles), limit))
            chosen = [a for a in articles if a.id in picked]
        queried = len(chosen)
        sets = build_queries(chosen, stem, base.load_stopwords(), seed)
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
