"""A sharded index: N ordinary indexes, an article in the one its id hashes to, published as one set.

Layout::

    index/
      SHARDS         the published set: its name, the number of shards (replaced atomically, last)
      catalog-<set>.json  what every shard's search needs of the whole set: people, outlets and rubrics
                     with their numbers of articles, and the stories (written before SHARDS names it)
      shard-00/ …    each an index folder as `searchapp.index.generations` describes

Each shard is written by its own run of the indexer (a process, or a Ray task on a cluster); then the
stories are grouped over the articles of every shard (a copy is often in another shard than its
original) and written with the set's catalog, and SHARDS last, naming each shard's state (its generation and commit).
A searcher of a shard opens, when SHARDS changes, the state SHARDS names, and no other: the shards a
search reads were all written by one run. A run that changes nothing publishes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from pathlib import Path

from searchapp.config import Settings
from searchapp.errors import SearchappError
from searchapp.extract.registry import spelled_alike
from searchapp.index.generations import current_generation, indexer_lock, open_index
from searchapp.index.report import IndexReport
from searchapp.index.routing import shard_root, shard_settings
from searchapp.index.stories import group_indexed, live_fingerprints
from searchapp.index.whoosh27 import column_values, newest_toc
from searchapp.index.writer import build_index

MANIFEST = "SHARDS"
MAX_SHARDS = 1024


class ShardLayoutError(SearchappError):
    """The index folder holds another number of shards than asked for, or a single index."""


def read_manifest(root: Path) -> dict | None:
    """The published set (``{"set", "shards", "published"}``), or None when *root* is not sharded."""
    try:
        return json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None


def is_sharded(root: Path) -> bool:
    return (root / MANIFEST).exists()


def build_shard(settings: Settings, number: int, shards: int, rebuild: bool, today: dt.date | None) -> IndexReport:
    """Index the articles of one shard (in a process of its own or a Ray task: one writer a shard)."""
    return build_index(shard_settings(settings, number), rebuild=rebuild, today=today, shard=(number, shards))


Runner = Callable[[Callable, list[tuple]], list]  # runs a function over argument tuples: here, or as Ray tasks


def run_here(function: Callable, arguments: list[tuple]) -> list:
    return [function(*args) for args in arguments]


def build_sharded(settings: Settings, shards: int, *, rebuild: bool = False, today: dt.date | None = None,
                  runner: Runner = run_here) -> IndexReport:
    """Bring every shard in line with the corpus, group stories across them, publish the set."""
    root = Path(settings.index)
    with indexer_lock(root):
        manifest = read_manifest(root)
        if manifest is None and open_index(root) is not None:
            raise ShardLayoutError(f"{root} holds a single index: index into another folder, or remove it")
        if manifest is not None and manifest["shards"] != shards and not rebuild:
            raise ShardLayoutError(f"{root} holds {manifest['shards']} shards, not {shards}: add --rebuild "
                                   f"to reshard")
        started = time.monotonic()
        reports = runner(build_shard, [(settings, n, shards, rebuild or manifest is None, today)
                                       for n in range(shards)])
        report = merge_reports(reports)
        step = time.monotonic()
        previous = read_catalog(root, manifest["set"]) if manifest and (root / catalog_file(manifest["set"])).exists() \
            else None
        unchanged = previous is not None and manifest["states"] == [shard_state(shard_root(root, n))
                                                                     for n in range(shards)]
        if unchanged:  # nothing written: the published set stands (its readers and cursors stay valid)
            report.in_stories = len(previous["stories"])
        else:
            stories = group_stories(root, shards, {} if rebuild else (previous or {}).get("stories", {}))
            name = uuid.uuid4().hex[:12]
            write_catalog(root, shards, name, stories)
            publish_set(root, shards, name)
            report.in_stories = len(stories)
        report.phases["stories across shards"] = time.monotonic() - step
        report.seconds = time.monotonic() - started
        return report


def merge_reports(reports: Iterable[IndexReport]) -> IndexReport:
    """One report of the runs of every shard (a skipped file is read, and reported, by each of them)."""
    total = IndexReport()
    for report in reports:
        for name in ("added", "updated", "deleted", "unchanged", "replaced"):
            setattr(total, name, getattr(total, name) + getattr(report, name))
        total.rebuilt = total.rebuilt or report.rebuilt
        total.skipped = list(dict.fromkeys([*total.skipped, *report.skipped]))
        total.warnings = list(dict.fromkeys([*total.warnings, *report.warnings]))
        for phase, seconds in report.phases.items():
            total.phases[phase] = max(total.phases.get(phase, 0.0), seconds)
    return total


def group_stories(root: Path, shards: int, names: dict[str, str]) -> dict[str, str]:
    """The stories of the live articles of every shard (copies across shards included): article id →
    story, named after the last set's stories (*names*) where they keep their naming article."""
    with ExitStack() as readers:
        articles = []
        for number in range(shards):
            reader = readers.enter_context(open_index(shard_root(root, number)).reader())
            articles += [(reader, article) for article in live_fingerprints(reader)]
        return group_indexed(articles, names)


def _people_counts(held: list[dict[str, set[int]]]) -> Counter:
    """The live articles of each person across the shards, however each article spells the name, under the
    spelling most articles use (`spelled_alike`, as one index's facet counts them)."""
    spellings: Counter = Counter()
    for names in held:
        spellings.update({name: len(docs) for name, docs in names.items()})
    shown = spelled_alike(spellings)
    people: Counter = Counter()
    for names in held:
        of_person: dict[str, set[int]] = {}
        for name, docs in names.items():
            of_person.setdefault(shown[name], set()).update(docs)
        people.update({name: len(docs) for name, docs in of_person.items()})
    return people


def write_catalog(root: Path, shards: int, set_name: str, stories: dict[str, str]) -> dict:
    """The people, outlets and rubrics of the whole set (every name indexed, and the live articles of
    each, from index columns) and its *stories*, as the file of the set *set_name*: what a shard's searcher
    reads of the set is of the set it opens."""
    held: list[dict[str, set[int]]] = []  # each shard's live articles of each name indexed
    indexed: set[str] = set()  # names a query may give (`orang:`), as one index's terms
    outlets: Counter = Counter()
    names: dict[str, str] = {}
    categories: set[str] = set()
    documents = 0
    for number in range(shards):
        with open_index(shard_root(root, number)).reader() as reader:
            documents += reader.doc_count()
            live = set(reader.all_doc_ids())
            held.append({})
            for name in reader.field_terms("people"):
                indexed.add(name)
                docs = {d for d in reader.postings("people", name).all_ids() if d in live}
                if docs:
                    held[-1][name] = docs
            for slug in reader.field_terms("outlet"):
                docs = [d for d in reader.postings("outlet", slug).all_ids() if d in live]
                outlets[slug] += len(docs)
                if docs and slug not in names:
                    names[slug] = reader.stored_fields(docs[0]).get("outlet_name") or slug
            if "category" in reader.schema:
                categories.update(reader.field_terms("category"))
    catalog = {"documents": documents, "shards": shards, "names": sorted(indexed),
               "people": dict(sorted(_people_counts(held).items())),
               "outlets": {slug: {"name": names.get(slug, slug), "count": n} for slug, n in sorted(outlets.items())
                           if n},
               "categories": sorted(categories), "stories": stories}
    _replace(root / catalog_file(set_name), json.dumps(catalog, ensure_ascii=False))
    return catalog


def catalog_file(set_name: str) -> str:
    return f"catalog-{set_name}.json"


def read_catalog(root: Path, set_name: str) -> dict:
    return json.loads((root / catalog_file(set_name)).read_text(encoding="utf-8"))


def publish_set(root: Path, shards: int, set_name: str) -> dict:
    """Make the shards as they are now the published set *set_name* (one rename), then drop the catalogs
    of sets before the one it replaces (a searcher may be opening that one)."""
    previous = read_manifest(root)
    manifest = {"set": set_name, "shards": shards, "published": dt.datetime.now(dt.timezone.utc).isoformat(),
                "states": [shard_state(shard_root(root, n)) for n in range(shards)]}
    _replace(root / MANIFEST, json.dumps(manifest))
    kept = {catalog_file(set_name)} | ({catalog_file(previous["set"])} if previous else set())
    for old in root.glob("catalog-*.json"):
        if old.name not in kept:
            old.unlink(missing_ok=True)
    return manifest


def shard_state(root: Path) -> str:
    """A shard's live generation and its newest commit: what the set was published with."""
    generation = current_generation(root)
    return f"{generation.name}/{newest_toc(generation)}" if generation else ""


def shard_ids(root: Path, number: int) -> list[str]:
    """The live article ids of one shard (for checks and status)."""
    with open_index(shard_root(root, number)).reader() as reader:
        ids = column_values(reader, "id", translate=True)
        return [ids[d] for d in reader.all_doc_ids()]


def _replace(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    temporary.write_text(text, encoding="utf-8")
    with open(temporary, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(temporary, path)
