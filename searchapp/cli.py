"""The ``searchapp`` command: index, search, serve (and the evaluation and benchmark tools)."""

from __future__ import annotations

import argparse
import json
import os
import sys
import warnings
from collections.abc import Sequence

from searchapp.config import Settings, load_settings
from searchapp.errors import SearchappError


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", help="configuration file (default: $SEARCHAPP_CONFIG or config/searchapp.yaml)")
    parser.add_argument("--corpus", help="folder of articles to index (default from the configuration)")
    parser.add_argument("--index", help="index folder (default from the configuration)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="searchapp", description="Search engine for Indonesian news.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    index = commands.add_parser("index", help="index the corpus (incrementally; --rebuild for a fresh index)")
    _common(index)
    index.add_argument("--rebuild", action="store_true", help="build a new index and swap it in atomically")
    index.add_argument("--workers", type=int, help="analysis worker processes (default: one per core)")
    index.add_argument("--shards", type=int, help="write N shards (README: Running on a cluster)")
    index.add_argument("--cluster", help="index the shards as tasks of the Ray cluster at this address")
    index.set_defaults(run=run_index)

    search = commands.add_parser("search", help="search the index from the command line")
    _common(search)
    search.add_argument("query", nargs="?", default="", help="query text (see README: query syntax)")
    search.add_argument("--outlet", action="append", default=[], help="outlet slug (repeatable: any of them)")
    search.add_argument("--person", action="append", default=[], help="person (repeatable: all of them)")
    search.add_argument("--from", dest="date_from", help="earliest date, YYYY-MM-DD")
    search.add_argument("--to", dest="date_to", help="latest date, YYYY-MM-DD")
    search.add_argument("--sort", default="relevance", help="relevance, newest or oldest")
    search.add_argument("--page", default="1")
    search.add_argument("--per-page", default="10")
    search.add_argument("--json", action="store_true", help="print the API's JSON result")
    search.set_defaults(run=run_search)

    serve = commands.add_parser("serve", help="serve the web interface and JSON API (indexes first if needed)")
    _common(serve)
    serve.add_argument("--host", help="address to listen on (default from the configuration)")
    serve.add_argument("--port", type=int, help="port (default from the configuration)")
    serve.add_argument("--threads", type=int, help="threads per process")
    serve.add_argument("--workers", type=int, help="server processes (default: one per core)")
    serve.add_argument("--timeout", type=int, help="seconds a worker may make no progress before it is replaced")
    serve.add_argument("--cluster", help="search the shards on the Ray cluster at this address (host:port)")
    serve.set_defaults(run=run_serve)

    cluster = commands.add_parser("cluster", help="the shards and replicas of a sharded index on a Ray cluster")
    _common(cluster)
    cluster.add_argument("action", choices=["status"])
    cluster.add_argument("--cluster", help="the cluster's address (default from the configuration)")
    cluster.set_defaults(run=run_cluster)

    # Subcommands that live in their own modules register themselves.
    from searchapp.bench import cli as bench_cli
    from searchapp.evaluate import cli as evaluate_cli
    from searchapp.ingest import cli as import_cli

    for module in (import_cli, evaluate_cli, bench_cli):
        module.register(commands, _common)
    return parser


def settings_from(args: argparse.Namespace, **extra) -> Settings:
    overrides = {"corpus": args.corpus, "index": args.index, **extra}
    return load_settings(args.config, overrides)


def run_index(args: argparse.Namespace) -> int:
    from searchapp.index.progress import Progress
    from searchapp.index.shards import MAX_SHARDS, build_sharded, read_manifest
    from searchapp.index.writer import build_index

    settings = settings_from(args, **{"indexing.workers": args.workers, "cluster.address": args.cluster})
    if args.shards is not None and not 1 <= args.shards <= MAX_SHARDS:
        print(f"searchapp: error: --shards must be from 1 to {MAX_SHARDS}, not {args.shards}", file=sys.stderr)
        return 2
    manifest = read_manifest(settings.index)
    shards = args.shards or (manifest["shards"] if manifest else None)
    if shards is None:
        report = build_index(settings, rebuild=args.rebuild, progress=Progress)
    elif settings.cluster:
        from searchapp.search.sharding.cluster import one_writer, ray_runner

        report = build_sharded(one_writer(settings), shards, rebuild=args.rebuild, runner=ray_runner(settings))
    else:
        report = build_sharded(settings, shards, rebuild=args.rebuild)
    print(report.summary())
    return 0


def run_cluster(args: argparse.Namespace) -> int:
    from searchapp.search.sharding.cluster import ClusterShards, alive_nodes, shard_count

    settings = settings_from(args, **{"cluster.address": args.cluster})
    if not settings.cluster:
        print("no cluster address: give --cluster HOST:PORT or set cluster.address", file=sys.stderr)
        return 2
    shards = ClusterShards(settings, shard_count(settings))
    statuses = shards.statuses()
    nodes = alive_nodes()
    print(f"cluster {settings.cluster}: {len(nodes)} node(s) alive: "
          + ", ".join(n["NodeManagerAddress"] for n in nodes))
    documents = 0
    for number, replicas in enumerate(statuses):
        answering = [s for s in replicas if s]
        documents += answering[0]["documents"] if answering else 0
        for replica, status in enumerate(replicas):
            if status is None:
                print(f"shard {number} replica {replica}: not answering")
            else:
                print(f"shard {number} replica {replica}: node {status['node']}, set {status['set']}, "
                      f"{status['documents']} article{'' if status['documents'] == 1 else 's'}, process "
                      f"{status['pid']}, {status['rss_mb']:.0f} MB")
    print(f"{len(statuses)} shards, {documents} articles")
    return 0 if all(any(replicas) for replicas in statuses) else 1


def run_search(args: argparse.Namespace) -> int:
    from searchapp.search.interface import open_engine
    from searchapp.search.request import parse_search_params

    settings = settings_from(args)
    engine = open_engine(settings)
    params = {"q": [args.query], "outlet": args.outlet, "person": args.person,
              "from": [args.date_from] if args.date_from else [], "to": [args.date_to] if args.date_to else [],
              "sort": [args.sort], "page": [args.page], "per_page": [args.per_page]}
    result = engine.search(parse_search_params(params, engine.outlet_slug))
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return 0
    print(f"{result.total} articles hold every word ({result.took_ms:.1f} ms)")
    if result.relaxed:
        print(f"No article holds every word: {result.partial} holding most of them come first")
    elif result.partial:
        print(f"{result.partial} more, marked ~, hold some of them")
    if result.suggestion:
        print(f"Did you mean: {result.suggestion}")
    first = (result.request.page - 1) * result.request.per_page
    for rank, hit in enumerate(result.results, first + 1):
        outlet = hit.outlet_name or "unknown outlet"
        date = hit.date.isoformat() if hit.date else "unknown date"
        score = f"  score {hit.score:.2f}" if hit.score is not None else ""
        print(f"{'~' if hit.partial else ' '}{rank:>2}. {hit.title}\n     [{hit.id}] {outlet}, {date}{score}")
        print(f"     {_plain(str(hit.snippet))}")
    return 0


def _plain(html: str) -> str:
    """Snippet markup for a terminal: marks as *word*, entities decoded."""
    import html as html_module

    return html_module.unescape(html.replace("<mark>", "*").replace("</mark>", "*"))


def run_serve(args: argparse.Namespace) -> int:
    from searchapp.index.generations import index_exists
    from searchapp.index.progress import Progress
    from searchapp.index.shards import is_sharded
    from searchapp.index.writer import build_index
    from searchapp.web.app import create_app
    from searchapp.web.server import Limits, serve

    settings = settings_from(args, **{"server.host": args.host, "server.port": args.port,
                                      "server.threads": args.threads, "server.workers": args.workers,
                                      "server.timeout": args.timeout, "cluster.address": args.cluster})
    if not index_exists(settings.index) and not is_sharded(settings.index):
        print(f"No index in {settings.index}: indexing {settings.corpus} first.", file=sys.stderr)
        report = build_index(settings, progress=Progress)
        print(report.summary(), file=sys.stderr)
    app = create_app(settings)
    serve(app, settings.host, settings.port, Limits(settings.threads, settings.server_workers,
                                                    settings.server_timeout, settings.drain_seconds))
    return 0


def _interrupted(error: BaseException) -> bool:
    """Whether *error* arose while a Ctrl+C (SIGINT) was being handled."""
    seen = error.__context__
    while seen is not None:
        if isinstance(seen, KeyboardInterrupt):
            return True
        seen = seen.__context__
    return False


def main(argv: Sequence[str] | None = None) -> int:
    warnings.filterwarnings("ignore", category=SyntaxWarning, module="whoosh")
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except SearchappError as error:
        print(f"searchapp: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("searchapp: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError as error:
        if _interrupted(error):  # a worker's pipe broke while an interrupted run let its workers go
            print("searchapp: interrupted", file=sys.stderr)
            return 130
        # `searchapp search … | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit's flush
        return 0
    except OSError as error:  # a disk full, a folder not writable: one line, not a traceback
        print(f"searchapp: error: {error.strerror or error}"
              f"{f' ({error.filename})' if error.filename else ''}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
