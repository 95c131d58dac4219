"""``searchapp import FORMAT PATH... --out DIR``: exports and data sets turned into searchapp corpus files.

Each imported article becomes one line of a ``.jsonl`` file in ``DIR`` with the keys searchapp reads
(``id, title, body, outlet, date, url`` and, when known, ``people``, ``reporter``, ``editor``,
``summary``, ``category``, ``updated``, ``collected``). Formats:

* ``csv``, ``xlsx``, ``jsonl`` (also a ``.json`` array): a newsroom's export, its header the row that names
  most columns. Columns are recognised by their Indonesian or English names (or given by flags), dates
  as sites print them (``Rabu, 18 Jun 2025 07:30 WIB``, ``10-Sep-19``, spreadsheet serial numbers, Unix
  times, ``D/M/YYYY`` or ``M/D/YYYY`` decided by the column's own dates), any encoding and delimiter a
  real export comes in, HTML read as text. The mapping chosen is printed before anything is written.
* ``indosum``: the IndoSum summarisation corpus (JSONL of tokenised paragraphs).

An article with a URL is named by its canonical URL: the same URL twice is one article, the newest version
(by its stated date, else the later one) kept. A record that cannot be imported is reported with its file
and line and skipped; one with an unreadable date is kept without it, with a warning. Output goes to
shards named after the first input file, so a second export imported into the same folder adds to it
(importing the same file again replaces its own shards).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from searchapp.extract.outlet import OutletTable, slugify
from searchapp.extract.people import PeopleRegistry, stated_person
from searchapp.ingest.columns import COLUMN_NAMES
from searchapp.ingest.export import DATE_ORDERS, import_table
from searchapp.ingest.indosum import import_indosum
from searchapp.ingest.records import DEFAULT_SHARD_SIZE, MAX_LISTED, ImportSummary, Problem, ShardWriter, write_records

FORMATS = ("csv", "xlsx", "jsonl", "indosum")
DRY_RUN_SHOWN = 3


def register(commands, common) -> None:
    parser = commands.add_parser(
        "import", help="turn a CSV, XLSX or JSON Lines export (or IndoSum) into searchapp corpus files (.jsonl)",
        description=__doc__.split("\n\n", 1)[1] if __doc__ else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("format", choices=FORMATS, metavar="FORMAT", help=" | ".join(FORMATS))
    parser.add_argument("paths", nargs="+", metavar="PATH", help="input files")
    parser.add_argument("--out", help="folder to write the .jsonl corpus files into (not needed with --dry-run)")
    parser.add_argument("--dry-run", action="store_true",
                        help="print the mapping and the first articles as they would be written; write nothing")
    parser.add_argument("--config", help="configuration file (for the outlet table and the people registry)")
    parser.add_argument("--prefix", help="name of the output files (default: the first input file's name)")
    parser.add_argument("--shard-size", type=int, default=DEFAULT_SHARD_SIZE, help="articles per output file")
    parser.add_argument("--list", type=int, default=MAX_LISTED, metavar="N",
                        help=f"list at most N skipped rows and N warnings (default {MAX_LISTED})")
    group = parser.add_argument_group("columns (a header name or a 1-based number; default: by name)")
    for role in COLUMN_NAMES:
        group.add_argument(f"--{role}-col", dest=f"{role}_col", metavar="COLUMN",
                           help=f"column of the {role} (recognised: {', '.join(COLUMN_NAMES[role])})")
    parser.add_argument("--date-order", choices=DATE_ORDERS,
                        help="how to read an ambiguous NN/NN/YYYY date (default: as the column's own dates decide, "
                             "else dmy); a number above 12 always decides")
    parser.add_argument("--delimiter", help="CSV field delimiter (default: the one the header line holds most of)")
    parser.add_argument("--indosum-date", choices=("url", "id"), default="url",
                        help="indosum: state the URL's date where it has one, else none, leaving it to the text "
                             "(url, default), or the day the id's Unix time says it was collected (id)")
    parser.add_argument("--collected", type=_day, metavar="YYYY-MM-DD",
                        help="the day the export was made or the crawl ran: no article in it was published later "
                             "(bounds the dates read from the text of articles that state none)")
    parser.set_defaults(run=run_import)


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a day written YYYY-MM-DD: {text!r}") from None


def records_of(args: argparse.Namespace, say) -> Iterator[dict[str, Any] | Problem]:
    from searchapp.config import load_settings

    settings = load_settings(args.config)
    table = OutletTable.load(settings.outlets_file)
    if args.format == "indosum":
        items = import_indosum(args.paths, table, args.indosum_date)
    else:
        registry = PeopleRegistry.load(settings.people_file)
        columns = {role: getattr(args, f"{role}_col") for role in COLUMN_NAMES}
        items = import_table(args.paths, table, columns, args.date_order, args.delimiter, say,
                             lambda name: stated_person(name, registry))
    return collected_by(items, args.collected) if args.collected else items


def collected_by(items: Iterable[dict[str, Any] | Problem], day: dt.date) -> Iterator[dict[str, Any] | Problem]:
    """The records, each stating *day* as the day it was collected unless it states one of its own."""
    for item in items:
        if isinstance(item, dict) and not item.get("collected"):
            item = {**item, "collected": day.isoformat()}
        yield item


def run_import(args: argparse.Namespace) -> int:
    missing = [p for p in args.paths if not Path(p).is_file()]
    if missing:
        print(f"searchapp import: not a file: {', '.join(missing)}", file=sys.stderr)
        return 2
    if not args.out and not args.dry_run:
        print("searchapp import: give --out DIR (or --dry-run)", file=sys.stderr)
        return 2

    def say(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    items = records_of(args, say)
    if args.dry_run:
        return dry_run(items)
    out = Path(args.out).expanduser()
    summary = ImportSummary(args.format, out.resolve())
    prefix = args.prefix or slugify(Path(args.paths[0]).stem) or args.format
    write_records(items, summary, ShardWriter(out, prefix, args.shard_size))
    print(summary.format_text(max(0, args.list)))
    failed_files = any(not problem.row for problem in summary.problems)
    return 0 if summary.written or not (summary.read or failed_files) else 1


def dry_run(items: Iterable[dict[str, Any] | Problem]) -> int:
    """Print the first records as they would be written (bodies cut short), and the problems met on the way."""
    shown = 0
    for item in islice(items, 10_000):
        if isinstance(item, Problem):
            print(f"  {item.kind} {item}")
            continue
        shown += 1
        record = dict(item)
        record["body"] = record["body"][:300] + ("…" if len(record["body"]) > 300 else "")
        print(json.dumps(record, ensure_ascii=False, indent=2))
        if shown >= DRY_RUN_SHOWN:
            break
    print(f"(dry run: nothing written; {shown} articles shown)")
    return 0
