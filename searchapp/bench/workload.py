"""What every engine in `searchapp bench` is given: the same articles and the same fixed query mix.

Kept apart from the engines so that no engine can be fed, or asked, anything the others are not.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from searchapp.config import Settings
from searchapp.index.words import iter_words
from searchapp.ingest.corpus import Article, read_corpus

QUERY_COUNT = 200


# ---------------------------------------------------------------------------------------------------
# The articles


EXPORT_SUFFIXES = (".csv", ".xlsx")


def load_all(paths: list[Path], settings: Settings) -> list[dict]:
    """The distinct articles of several folders: one per id (an article with a URL: its canonical URL),
    the first read kept."""
    seen: set[str] = set()
    records = []
    for path in paths:
        for record in load_articles(path, settings):
            if record["id"] not in seen:
                seen.add(record["id"])
                records.append(record)
    return records


def load_articles(path: Path, settings: Settings) -> list[dict]:
    """Records (id, title, body, outlet, date, url) of a raw IndoSum folder, a folder of exports (CSV,
    XLSX: read as `searchapp import` reads them) or a searchapp corpus folder."""
    from searchapp.extract.outlet import OutletTable
    from searchapp.ingest.export import import_table
    from searchapp.ingest.indosum import import_indosum, indosum_files

    exports = sorted(p for p in path.rglob("*") if p.suffix.lower() in EXPORT_SUFFIXES)
    if exports:
        # click-id ships each outlet as CSV and as XLSX: a file whose name another format already has is left out
        chosen: dict[str, Path] = {}
        for export in exports:
            chosen.setdefault(export.stem, export)
        table = OutletTable.load(settings.outlets_file)
        return [_with_slug({key: value for key, value in record.items()
                            if key in ("id", "title", "body", "outlet", "date", "url")}, table)
                for record in import_table(chosen.values(), table) if isinstance(record, dict)]
    files = indosum_files(path)
    if files:
        seen: set[str] = set()
        records = []
        table = OutletTable.load(settings.outlets_file)
        for record in import_indosum(files, table):
            if isinstance(record, dict) and record["id"] not in seen:
                seen.add(record["id"])
                records.append(_with_slug(record, table))
        return records
    records = []
    for item in read_corpus(path):
        if isinstance(item, Article):
            records.append({"id": item.id, "body": item.body, "title": item.title, "outlet": item.outlet,
                            "date": item.date.isoformat() if item.date else None, "url": item.url})
    return records


def _with_slug(record: dict, table) -> dict:
    """The record with its outlet as the slug searchapp indexes it by (an export states a name or a host,
    `kapanlagi.com`), so that a query's outlet filter names an outlet every engine knows."""
    if record.get("outlet"):
        record["outlet"] = table.resolve(record["outlet"])[0]
    return record


def scale_articles(articles: list[dict], size: int, seed: int = 7) -> Iterator[dict]:
    """The real articles, then generated ones up to *size*: each a random 4–12 real paragraphs of
    random real articles, with the outlet and date of a random real article."""
    yield from articles[:size]
    paragraphs = [p for a in articles for p in a["body"].split("\n\n") if p.strip()]
    rng = random.Random(seed)
    for number in range(max(0, size - len(articles))):
        base = rng.choice(articles)
        body = "\n\n".join(rng.choice(paragraphs) for _ in range(rng.randint(4, 12)))
        yield {"id": f"generated-{number}", "body": body, "title": None, "outlet": base.get("outlet"),
               "date": base.get("date"), "url": None}


# ---------------------------------------------------------------------------------------------------
# The query mix


@dataclass(frozen=True)
class BenchQuery:
    text: str
    kind: str
    outlet: str | None = None


def query_mix(articles: list[dict], stopwords: frozenset[str], count: int = QUERY_COUNT,
              seed: int = 11) -> list[BenchQuery]:
    """Single words from three frequency bands (stopwords left out), word pairs, two-word phrases from
    real sentences, and three words a reader would type from a headline (its title, else its opening),
    function words included; a third of them with an outlet filter."""
    rng = random.Random(seed)
    frequency: Counter = Counter()
    sample = articles if len(articles) <= 5000 else rng.sample(articles, 5000)
    for article in sample:
        frequency.update({w.lower() for w, _s, _e in iter_words(article["body"])
                          if w.isalpha() and len(w) > 3 and w.lower() not in stopwords})
    ranked = [w for w, _n in frequency.most_common()]
    bands = {"common": ranked[:200], "mid": ranked[200:2000], "rare": ranked[2000:8000] or ranked[-200:]}
    outlets = sorted({a["outlet"] for a in sample if a.get("outlet")})
    queries: list[BenchQuery] = []
    while len(queries) < count:
        kind = rng.choice(["common", "mid", "rare", "pair", "phrase", "typed"])
        if kind in bands:
            text = rng.choice(bands[kind])
        elif kind == "pair":
            text = f"{rng.choice(bands['common'])} {rng.choice(bands['mid'])}"
        elif kind == "typed":
            article = rng.choice(sample)
            headline = article.get("title") or " ".join(article["body"].split()[:20])
            words = list(dict.fromkeys(w.lower() for w, _s, _e in iter_words(headline) if w.isalpha() and len(w) > 3))
            if len(words) < 3:
                continue
            text = " ".join(rng.sample(words, 3))
        else:
            words = [w for w, _s, _e in iter_words(rng.choice(sample)["body"])
                     if w.isalpha() and len(w) > 3 and w.lower() not in stopwords]
            if len(words) < 2:
                continue
            start = rng.randrange(len(words) - 1)
            text = f'"{words[start]} {words[start + 1]}"'
        outlet = rng.choice(outlets) if outlets and rng.random() < 1 / 3 else None
        queries.append(BenchQuery(text, kind, outlet))
    return queries
