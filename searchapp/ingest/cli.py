"""``searchapp import FORMAT PATH... --out DIR``: other formats turned into searchapp corpus files.

Each imported article becomes one line of a ``.jsonl`` file in ``DIR`` with the keys searchapp reads
(``id, title, body, outlet, date, url`` and, when known, ``people``, ``collected``). Formats:

* ``indosum``: the IndoSum summarisation corpus (JSONL of tokenised paragraphs). The text is
  detokenised, the outlet taken from ``source``, the date from the article's URL where it has one (else
  it is inferred from the text when indexed), ``collected`` from the Unix time the id starts with (UTC:
  when the article was collected, 19 hours to weeks after the URL's publication time, so not stated as
  its date unless ``--indosum-date id``), and the title — IndoSum has none — from the
  words of the URL's slug (marked ``"title_from": "url-slug"``: lower case, but the headline's words, so
  it is stated as the title).
* ``csv``: a CSV export with a header row. The columns holding title, body, URL, date, outlet (and id,
  people) are recognised by their Indonesian or English names or given by flags.

Input is streamed (one line or row at a time) and output is written in shards of ``--shard-size``
articles (``<prefix>-0001.jsonl``, …), first under hidden names, then renamed into place, replacing the
shards of an earlier import with the same prefix. Articles are deduplicated on their id across all input
files. A record that cannot be imported is reported with its file and line number and skipped; one with
an unreadable date is kept without it, with a warning. A summary says what was read, written and skipped.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from searchapp.extract.outlet import OutletTable
from searchapp.ingest.csv_export import COLUMN_NAMES, DATE_ORDERS, import_csv
from searchapp.ingest.indosum import import_indosum
from searchapp.ingest.records import DEFAULT_SHARD_SIZE, MAX_LISTED, ImportSummary, Problem, ShardWriter, write_records

FORMATS = ("indosum", "csv")



def register(commands, common) -> None:
    parser = commands.add_parser(
        "import", help="turn IndoSum JSONL or a CSV export into searchapp corpus files (.jsonl)",
        description=__doc__.split("\n\n", 1)[1] if __doc__ else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("format", choices=FORMATS, metavar="FORMAT", help="indosum or csv")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="input files")
    parser.add_argument("--out", required=True, help="folder to write the .jsonl corpus files into")
    parser.add_argument("--config", help="configuration file (for the outlet table)")
    parser.add_argument("--prefix", help="name of the output files (default: the format)")
    parser.add_argument("--shard-size", type=int, default=DEFAULT_SHARD_SIZE, help="articles per output file")
    parser.add_argument("--list", type=int, default=MAX_LISTED, metavar="N",
                        help=f"list at most N skipped rows and N warnings (default {MAX_LISTED})")
    group = parser.add_argument_group("csv columns (a header name or a 1-based number; default: by name)")
    for role in COLUMN_NAMES:
        group.add_argument(f"--{role}-col", dest=f"{role}_col", metavar="COLUMN",
                           help=f"column of the {role} (recognised: {', '.join(COLUMN_NAMES[role])})")
    parser.add_argument("--date-order", choices=DATE_ORDERS,
                        help="how to read an ambiguous D/M/YYYY or M/D/YYYY date (default: as the column shows, "
                             "else dmy); a number above 12 always decides")
    parser.add_argument("--delimiter", help="CSV field delimiter (default: detected from the header: , ; tab |)")
    parser.add_argument("--indosum-date", choices=("url", "id"), default="url",
                        help="indosum: state the URL's date where it has one, else none, leaving it to the text "
                             "(url, default), or the day the id's Unix time says it was collected (id)")
    parser.set_defaults(run=run_import)


def run_import(args: argparse.Namespace) -> int:
    from searchapp.config import load_settings

    settings = load_settings(args.config)
    table = OutletTable.load(settings.outlets_file)
    out = Path(args.out).expanduser()
    missing = [p for p in args.paths if not Path(p).is_file()]
    if missing:
        print(f"searchapp import: not a file: {', '.join(missing)}", file=sys.stderr)
        return 2
    summary = ImportSummary(args.format, out.resolve())
    if args.format == "indosum":
        items: Iterable[dict[str, Any] | Problem] = import_indosum(args.paths, table, args.indosum_date)
    else:
        columns = {role: getattr(args, f"{role}_col") for role in COLUMN_NAMES}
        items = import_csv(args.paths, table, columns, args.date_order, args.delimiter, summary.notes)
    writer = ShardWriter(out, args.prefix or args.format, args.shard_size)
    write_records(items, summary, writer)
    print(summary.format_text(max(0, args.list)))
    return 0 if summary.written or not summary.read else 1
