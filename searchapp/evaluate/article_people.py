"""Article-level quality of the people facet: the people searchapp finds in each article, against the
people named in it as labelled by reading (``people_labels.tsv``: URL, then the names, `` | `` between).

This is what a reader meets: the facet lists an article's people, so a short form not joined to the full
name (`Bobby` beside `Bobby Nasution`), an organisation taken for a person or a mangled span is a false
positive here, whatever the sentence-level score. The labelled articles are imported from their export
as ``searchapp import`` would (the newest version of each URL) and turned into index documents by the
indexer's own `DocumentBuilder`. Names are compared by `name_key`: case, accents, punctuation and old
spelling (oe→u, dj→j, tj→c) aside.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from searchapp.config import Settings
from searchapp.documents import DocumentContext
from searchapp.evaluate.people import Scores
from searchapp.extract.outlet import OutletTable
from searchapp.extract.people import PeopleRegistry, stated_person
from searchapp.ingest.corpus import Article, read_corpus
from searchapp.ingest.export import import_table
from searchapp.ingest.identity import normalize_url
from searchapp.ingest.records import ImportSummary, ShardWriter, write_records

LABELS = Path(__file__).with_name("people_labels.tsv")
_OLD_SPELLING = (("oe", "u"), ("dj", "j"), ("tj", "c"))
_NOT_LETTER = re.compile(r"[^\w\s]|_")


def name_key(name: str) -> str:
    """*name* as compared: lower case, no accents or punctuation, old spelling as today's."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = _NOT_LETTER.sub(" ", text)
    for old, new in _OLD_SPELLING:
        text = text.replace(old, new)
    return " ".join(text.split())


def read_labels(path: Path = LABELS) -> dict[str, list[str]]:
    """Normalised URL → the people labelled in that article."""
    labels: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        url, _tab, names = line.partition("\t")
        labels[normalize_url(url.strip()) or url.strip()] = [n.strip() for n in names.split(" | ") if n.strip()]
    return labels


@dataclass
class ArticleScores:
    articles: int = 0
    not_found: list[str] = field(default_factory=list)  # labelled URLs the export does not hold
    predicted: int = 0
    gold: int = 0
    correct: int = 0
    false_positives: list[tuple[str, str]] = field(default_factory=list)  # (url, name found)
    misses: list[tuple[str, str]] = field(default_factory=list)  # (url, name labelled)

    @property
    def scores(self) -> Scores:
        return Scores(self.correct, self.predicted, self.correct, self.gold)


def score(labels: dict[str, list[str]], found: dict[str, list[str]]) -> ArticleScores:
    """Compare the people *found* per URL with the *labels* (each name counted once per article)."""
    scores = ArticleScores()
    for url, gold in labels.items():
        if url not in found:
            scores.not_found.append(url)
            continue
        scores.articles += 1
        gold_keys = {name_key(name): name for name in gold}
        found_keys = {name_key(name): name for name in found[url]}
        scores.gold += len(gold_keys)
        scores.predicted += len(found_keys)
        scores.correct += len(gold_keys.keys() & found_keys.keys())
        scores.false_positives += [(url, found_keys[k]) for k in found_keys.keys() - gold_keys.keys()]
        scores.misses += [(url, gold_keys[k]) for k in gold_keys.keys() - found_keys.keys()]
    return scores


def people_of_export(paths: Iterable[Path], settings: Settings, today: dt.date) -> dict[str, list[str]]:
    """Normalised URL → the people the indexer finds in each article of the export files *paths*."""
    table = OutletTable.load(settings.outlets_file)
    registry = PeopleRegistry.load(settings.people_file)
    builder = DocumentContext(settings, today).load()
    found: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory(prefix="searchapp-people-") as folder:
        records = import_table(paths, table, clean_person=lambda name: stated_person(name, registry))
        write_records(records, ImportSummary("csv", Path(folder)), ShardWriter(Path(folder), "labelled"))
        for item in read_corpus(folder):
            if isinstance(item, Article) and item.url:
                found[normalize_url(item.url) or item.url] = builder.document(item)["_stored_people"]
    return found


def format_report(scores: ArticleScores, listed: int = 40) -> str:
    lines = [
        f"People at article level: {scores.articles} labelled articles, {scores.gold} people labelled, "
        f"{scores.predicted} found",
        f"  precision {scores.scores.precision:.3f} ({scores.correct}/{scores.predicted})   "
        f"recall {scores.scores.recall:.3f} ({scores.correct}/{scores.gold})   F1 {scores.scores.f1:.3f}",
    ]
    if scores.not_found:
        lines.append(f"  {len(scores.not_found)} labelled URLs not in the export: {', '.join(scores.not_found[:5])}")
    for title, pairs in (("false positives", scores.false_positives), ("misses", scores.misses)):
        lines.append(f"{title} ({len(pairs)}):")
        lines += [f"  {name}    ({url})" for url, name in sorted(pairs, key=lambda p: (p[1], p[0]))[:listed]]
        if len(pairs) > listed:
            lines.append(f"  … and {len(pairs) - listed} more (--list N)")
    return "\n".join(lines)
