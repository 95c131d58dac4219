"""``searchapp eval …``: measuring searchapp on real data.

    searchapp eval retrieval --corpus DIR [--limit N] [--seed 13]   known-item retrieval, four engines
    searchapp eval dates --corpus DIR [--today DATE]                  inferred against stated dates
    searchapp eval outlets --corpus DIR                               detected against stated outlets
    searchapp eval people --conll FILE... | --articles                person spans against gold CoNLL, or
                                                                      each article's people against hand labels
    searchapp eval duplicates [--data DIR] [--parts N]                stories against hand-labelled pairs,
                              [--labels TSV] [--against TSV]          and how far two readings agree
    searchapp eval boilerplate [--data DIR] [--sample N]              boilerplate lines removed from crawls

``--corpus`` is a searchapp corpus folder, a folder of raw IndoSum JSONL (``../shared/data/indosum``),
imported first into a temporary folder as ``searchapp import indosum`` would, or of FacQA CSV
(``../shared/data/facqa``: its distinct passages are the articles, its questions the queries of
``retrieval``); without it the configured corpus is used. Nothing is written outside temporary folders.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


def register(commands, common) -> None:
    parser = commands.add_parser("eval", help="measure searchapp on real data (retrieval, dates, outlets, people, "
                                              "duplicates, boilerplate)",
                                 description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    tools = parser.add_subparsers(dest="evaluation", required=True, metavar="EVALUATION")

    retrieval = tools.add_parser("retrieval", help="known-item retrieval: MRR@10, success@1/10, zero hits")
    common(retrieval)
    retrieval.add_argument("--limit", type=int, help="query only N articles, sampled with the seed (all are indexed)")
    retrieval.add_argument("--seed", type=int, default=13, help="seed of the sample and the random words (13)")
    retrieval.add_argument("--workers", type=int, default=2, help="indexing worker processes (2)")
    retrieval.add_argument("--variants", default="abcd",
                           help="which engines: a searchapp, b no stemming, c no exact boost, d tantivy (abcd)")
    retrieval.add_argument("--work", help="folder for the indexes (default: a temporary folder, removed)")
    retrieval.add_argument("--without-titles", action="store_true",
                           help="index the articles without their stated titles (find them through the body)")
    retrieval.add_argument("--examples", type=int, default=0, metavar="N",
                           help="also list N misses of searchapp per query set")
    retrieval.set_defaults(run=run_retrieval)

    dates = tools.add_parser("dates", help="inferred publication dates against the stated ones")
    common(dates)
    dates.add_argument("--today", help="no inferred date is later than this, YYYY-MM-DD (default: the latest day an "
                                       "article was collected, for an archive that states one; else today)")
    dates.add_argument("--examples", type=int, default=15, help="wrong dates to list (15)")
    dates.add_argument("--seed", type=int, default=13, help="seed of the listed sample (13)")
    dates.set_defaults(run=run_dates)

    outlets = tools.add_parser("outlets", help="detected outlets against the stated ones")
    common(outlets)
    outlets.add_argument("--list", type=int, default=30, metavar="N", help="wrong outlets to list per mode (30)")
    outlets.set_defaults(run=run_outlets)

    people = tools.add_parser("people", help="person spans against gold CoNLL annotations, or each article's "
                                             "people against hand labels (--articles)")
    common(people)
    gold = people.add_mutually_exclusive_group(required=True)
    gold.add_argument("--conll", nargs="+", metavar="PATH", help="gold CoNLL files (IOB PER tags)")
    gold.add_argument("--articles", nargs="?", const="", metavar="LABELS",
                      help="people labelled per article (URL, names; default: the labels shipped with searchapp)")
    people.add_argument("--data", default="../shared/data/indonews",
                        help="with --articles: the folder of CSV exports the labelled articles come from")
    people.add_argument("--list", type=int, default=40, metavar="N", help="false positives and misses to list (40)")
    people.set_defaults(run=run_people)

    duplicates = tools.add_parser("duplicates", help="stories: copies grouped, against hand-labelled pairs")
    duplicates.add_argument("--config", help="configuration file (for the boilerplate patterns)")
    duplicates.add_argument("--data", default="../shared/data",
                            help="folder holding hoax600/, click-id/ and indonews/ (../shared/data)")
    duplicates.add_argument("--sample", type=int, default=0, metavar="N",
                            help="also print N grouped pairs and N near misses per data set not labelled yet")
    duplicates.add_argument("--labels", metavar="TSV",
                            help="hand labels to measure against (default: the first reader's, shipped with searchapp; "
                                 "duplicate_labels_second.tsv and _third.tsv beside them: later blind readings)")
    duplicates.add_argument("--against", metavar="TSV",
                            help="a second reading of the pairs drawn at random: how far it agrees with the labels, "
                                 "each scored as a grouping")
    duplicates.add_argument("--parts", type=_positive, default=1, metavar="N",
                            help="group each set as if indexed in N parts drawn at random, one run after another "
                                 "(at most one part an article; 1)")
    duplicates.set_defaults(run=run_duplicates)

    boilerplate = tools.add_parser("boilerplate", help="publisher boilerplate lines removed from real crawls")
    boilerplate.add_argument("--config", help="configuration file (for the boilerplate patterns)")
    boilerplate.add_argument("--data", default="../shared/data/indonews",
                             help="a folder of CSV crawls, or of workbooks in xlsx/ (click-id)")
    boilerplate.add_argument("--sample", type=int, default=40, metavar="N", help="removed lines to list (40)")
    boilerplate.set_defaults(run=run_boilerplate)


def _settings(args: argparse.Namespace):
    from searchapp.config import load_settings

    return load_settings(args.config, {"corpus": args.corpus, "index": getattr(args, "index", None)})


@dataclass(frozen=True)
class Source:
    """The corpus folder to evaluate on, and the questions to ask of it when it came from FacQA."""

    folder: Path
    questions: list[tuple[str, str]] | None = None
    name: str | None = None  # the folder the user named, when *folder* is a converted copy


@contextmanager
def _corpus(args: argparse.Namespace) -> Iterator[Source | None]:
    """The corpus to evaluate on; raw IndoSum JSONL or FacQA CSV is converted into a temporary folder."""
    from searchapp.evaluate.realdata import facqa_corpus, facqa_files
    from searchapp.extract.outlet import OutletTable
    from searchapp.ingest.indosum import import_indosum_folder, indosum_files

    settings = _settings(args)
    corpus = settings.corpus
    if not corpus.is_dir():
        print(f"searchapp eval: corpus folder not found: {corpus}", file=sys.stderr)
        yield None
        return
    indosum, facqa = indosum_files(corpus), facqa_files(corpus)
    if not indosum and not facqa:
        yield Source(corpus)
        return
    with tempfile.TemporaryDirectory(prefix="searchapp-eval-") as work:
        if indosum:
            summary = import_indosum_folder(corpus, Path(work), OutletTable.load(settings.outlets_file))
            print(f"{corpus} holds IndoSum JSONL: {summary.written} articles imported as `searchapp import indosum` "
                  f"would ({summary.replaced} duplicate ids dropped, {len(summary.skipped)} skipped)",
                  file=sys.stderr)
            yield Source(Path(work), name=str(corpus))
        else:
            rows = facqa_corpus(facqa, Path(work))
            print(f"{corpus} holds FacQA CSV: {rows.passages} distinct passages indexed as articles, "
                  f"{len(rows.questions)} questions ({rows.unreadable} unreadable rows skipped)", file=sys.stderr)
            for problem in rows.problems:
                print(f"  skipped: {problem}", file=sys.stderr)
            yield Source(Path(work), rows.questions, str(corpus))


def _articles(corpus: Path):
    from searchapp.evaluate.realdata import corpus_articles

    articles, skipped = corpus_articles(corpus)
    if skipped:
        print(f"{len(skipped)} files or records skipped while reading {corpus} (first: {skipped[0]})",
              file=sys.stderr)
    return articles


def run_retrieval(args: argparse.Namespace) -> int:
    from searchapp.evaluate.retrieval import evaluate_retrieval, format_examples, format_report

    with _corpus(args) as source:
        if source is None:
            return 2
        report = evaluate_retrieval(source.folder, args.config, limit=args.limit, seed=args.seed,
                                    workers=args.workers, work=Path(args.work) if args.work else None,
                                    variants=args.variants, without_titles=args.without_titles,
                                    questions=source.questions, corpus_name=source.name)
    print(format_report(report))
    examples = format_examples(report, args.examples)
    if examples:
        print()
        print(examples)
    return 0


def run_dates(args: argparse.Namespace) -> int:
    from searchapp.evaluate.dates import evaluate_dates, format_report

    try:
        today = dt.date.fromisoformat(args.today) if args.today else None
    except ValueError:
        print(f"searchapp eval dates: --today must be YYYY-MM-DD, not {args.today!r}", file=sys.stderr)
        return 2
    with _corpus(args) as source:
        if source is None:
            return 2
        articles = _articles(source.folder)
        if today is None:  # the day the archive ends, one for all its articles
            today = max((a.collected for a in articles if a.collected), default=dt.date.today())
        report = evaluate_dates(articles, today)
    print(format_report(report, args.examples, args.seed))
    return 0


def run_outlets(args: argparse.Namespace) -> int:
    from searchapp.evaluate.outlets import evaluate_outlets, format_report
    from searchapp.extract.outlet import OutletTable

    table = OutletTable.load(_settings(args).outlets_file)
    with _corpus(args) as source:
        if source is None:
            return 2
        report = evaluate_outlets(_articles(source.folder), table)
    print(format_report(report, args.list))
    return 0


def run_people(args: argparse.Namespace) -> int:
    from searchapp.evaluate.people import evaluate_people, format_report
    from searchapp.extract.people import PeopleRegistry

    if args.articles is not None:
        return run_article_people(args)
    missing = [path for path in args.conll if not Path(path).is_file()]
    if missing:
        print(f"searchapp eval people: not a file: {', '.join(missing)}", file=sys.stderr)
        return 2
    registry = PeopleRegistry.load(_settings(args).people_file)
    print(format_report(evaluate_people(list(args.conll), registry)))
    return 0


def run_article_people(args: argparse.Namespace) -> int:
    import datetime as dt

    from searchapp.evaluate import article_people

    labels_path = Path(args.articles) if args.articles else article_people.LABELS
    exports = sorted(Path(args.data).glob("*.csv"))
    if not labels_path.is_file() or not exports:
        print(f"searchapp eval people: {'no labels file ' + str(labels_path) if not labels_path.is_file() else ''}"
              f"{'no CSV export in ' + args.data if not exports else ''}", file=sys.stderr)
        return 2
    found = article_people.people_of_export(exports, _settings(args), dt.date.today())
    print(article_people.format_report(article_people.score(article_people.read_labels(labels_path), found),
                                       args.list))
    return 0


def run_duplicates(args: argparse.Namespace) -> int:
    from searchapp.config import load_settings
    from searchapp.evaluate.duplicates import LABELS, evaluate_duplicates, read_reading, report, sample
    from searchapp.ingest.cleaning import Boilerplate

    data = _existing_folder("duplicates", args.data)
    labels_file = Path(args.labels) if args.labels else LABELS
    against = Path(args.against) if args.against else None
    for path in (labels_file, against):
        if path and not path.is_file():
            print(f"searchapp eval duplicates: no labels file {path}", file=sys.stderr)
            return 2
    if data is None:
        return 2
    try:
        first = read_reading(labels_file)
        second = read_reading(against) if against else None
    except ValueError as error:
        print(f"searchapp eval duplicates: {error}", file=sys.stderr)
        return 2
    results = evaluate_duplicates(data, Boilerplate.load(load_settings(args.config).boilerplate_file), args.parts)
    print(report(results, first.labels, first.drawn, second))
    for result in results if args.sample else ():
        print(f"\n# {result.name}: pairs to label (copy or different)\n" + sample(result, first.labels, args.sample))
    return 0


def run_boilerplate(args: argparse.Namespace) -> int:
    from searchapp.config import load_settings
    from searchapp.evaluate.boilerplate import evaluate_boilerplate

    folder = _existing_folder("boilerplate", args.data)
    if folder is None:
        return 2
    print(evaluate_boilerplate(folder, load_settings(args.config), args.sample))
    return 0


def _existing_folder(evaluation: str, value: str) -> Path | None:
    """The folder named on the command line, or None (said on stderr) when there is none."""
    folder = Path(value)
    if not folder.is_dir():
        print(f"searchapp eval {evaluation}: folder not found: {folder}", file=sys.stderr)
        return None
    return folder


def _positive(text: str) -> int:
    """A count of one or more (argparse reports anything else as a usage error)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"not a count of 1 or more: {text!r}")
    return value
