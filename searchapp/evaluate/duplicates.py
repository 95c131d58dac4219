"""How well copies of one story are grouped (`searchapp.index.stories`), on three real data sets.

* ``hoax600``: 600 articles on 12 rumours, 50 each, in topic order; copies and rewrites of one text
  across sites sit inside a topic, so a story spanning two topics is certainly a wrong merge.
* ``click-id``: Okezone and Sindonews (one media group) republish each other's articles.
* ``indonews``: three daily crawls; a URL crawled twice with an edited body gives pairs that are
  copies by construction (the measure of recall on real edits), and different URLs grouped are checked.

Pair precision and recall are counted against hand labels (``dataset, id, id, copy|different`` lines,
`LABELS`); ``--sample N`` prints grouped pairs and near misses that are not labelled yet, to label by
reading them. Texts are fingerprinted as the indexer does, boilerplate removed.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from searchapp.evaluate.duplicate_recall import Reading, measured_similarity, reader_agreement, recall_estimate
from searchapp.extract.dates import stated_day
from searchapp.extract.fingerprint import fingerprint, similarity
from searchapp.index.stories import DAYS_APART, FLOOR, SAME_TEXT, THRESHOLD, Texts, find_stories
from searchapp.ingest.cleaning import Boilerplate, repair
from searchapp.ingest.datetimes import DateError, parse_stamp
from searchapp.ingest.identity import normalize_url
from searchapp.ingest.tables import open_table

LABELS = Path(__file__).with_name("duplicate_labels.tsv")
NEAR = 0.25  # from this similarity up to the threshold, a pair is a near miss worth a look


@dataclass
class Doc:
    id: str
    text: str
    key: str  # topic (hoax600), outlet (click-id), canonical URL (indonews)
    day: int | None = None  # the stated day of publication (an ordinal), as the indexer reads it
    title: str = ""  # the headline, where the export states one
    outlet: str | None = None  # where the export states it (hoax600 does not)


@dataclass
class Result:
    name: str
    docs: list[Doc]
    stories: dict[str, str]
    seconds: float
    pairs: set[tuple[str, str]] = field(default_factory=set)  # grouped pairs, ids in order
    fingerprints: dict[str, bytes | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        members: dict[str, list[str]] = defaultdict(list)
        for doc_id, story in self.stories.items():
            members[story].append(doc_id)
        for group in members.values():
            group.sort()
            self.pairs |= {(a, b) for i, a in enumerate(group) for b in group[i + 1:]}

    def key_of(self) -> dict[str, str]:
        return {doc.id: doc.key for doc in self.docs}

    def similar(self, a: str, b: str) -> float:
        fa, fb = self.fingerprints.get(a), self.fingerprints.get(b)
        return similarity(fa, fb) if fa and fb else 0.0


def _rows(path: Path) -> Iterable[tuple[int, dict]]:
    table = open_table(path)
    keys = [name.strip().lower() for name in table.header]
    for line, row in table.rows:
        yield line, dict(zip(keys, row, strict=False))


def _day(cell: object, url: object, time: object = None) -> int | None:
    """The day an export's date cell states, as the indexer groups stories by it: only with a stated time
    of day (a date cell's, a printed one's or a time column's), else None."""
    if isinstance(cell, dt.datetime):
        day, timed = cell.date(), cell.time() != dt.time()
    elif isinstance(cell, dt.date):
        day, timed = cell, False
    else:
        try:
            stamp = parse_stamp(str(cell)) if cell not in (None, "") else None
        except DateError:
            stamp = None
        day, timed = (stamp.day, stamp.moment is not None) if stamp else (None, False)
    if not day or not (timed or time not in (None, "")):
        return None
    return stated_day(day, str(url or "") or None, dt.date.today()).toordinal()


def hoax600(folder: Path) -> list[Doc]:
    path = folder / "600 news with valid hoax label.csv"
    return [Doc(f"hoax-{n}", repair(str(row["berita"])), f"topic-{n // 50}")
            for n, (_line, row) in enumerate(_rows(path)) if row.get("berita")]


def click_id(folder: Path) -> list[Doc]:
    docs = []
    for outlet in ("okezone", "sindonews"):
        for line, row in _rows(folder / "xlsx" / f"{outlet}.xlsx"):
            if row.get("content"):
                docs.append(Doc(f"{outlet}-{line}", repair(str(row["content"])), outlet,
                                _day(row.get("date"), row.get("url"), row.get("time")), str(row.get("title") or ""),
                                outlet))
    return docs


def indonews(folder: Path) -> list[Doc]:
    docs = []
    for path in sorted(folder.glob("*.csv")):
        for line, row in _rows(path):
            if row.get("isi_berita"):
                docs.append(Doc(f"{path.stem[-5:]}-{line}", repair(str(row["isi_berita"])),
                                normalize_url(row.get("url")) or f"{path.stem}-{line}",
                                _day(row.get("tanggal_publikasi"), row.get("url")), str(row.get("judul") or ""),
                                str(row.get("sumber") or "") or None))
    return docs


def group(name: str, docs: list[Doc], boilerplate: Boilerplate, parts: int = 1) -> Result:
    """The stories of *docs*, grouped as the indexer groups them: at once, or in *parts* (drawn at random, as many as
    there are articles at most) indexed one after another, each run after the last run's stories. The time is the
    fingerprints' and the last run's, as at once."""
    started = time.perf_counter()
    docs = [replace(doc, text=boilerplate.clean(doc.text, None)[0]) for doc in docs]  # as indexed
    prints = {doc.id: fingerprint(doc.text) for doc in docs}
    seconds = time.perf_counter() - started
    drawn = random.Random(f"parts:{name}").sample(range(len(docs)), len(docs))
    parts = max(1, min(parts, len(docs)))
    stories: dict[str, str] = {}
    for part in range(1, parts + 1):
        indexed = [docs[n] for n in sorted(drawn[:len(docs) * part // parts])]
        started = time.perf_counter()
        stories = find_stories([d.id for d in indexed], [prints[d.id] for d in indexed], names=stories,
                               texts=Texts(lambda position, held=indexed: held[position].text,
                                           lambda position, held=indexed: held[position].title,
                                           lambda position, held=indexed: held[position].outlet),
                               days=[d.day for d in indexed])
    return Result(name, docs, stories, seconds + time.perf_counter() - started, fingerprints=prints)


VERDICTS = ("copy", "different")


def _label_lines(path: Path) -> Iterable[tuple[tuple[str, str, str], bool, str]]:
    """(dataset, id, id) in id order, whether a copy, and the sample the pair was drawn in ("" unsaid). A line that
    is not ``dataset, id, id, copy|different`` (tab-separated) is a ValueError naming the file and the line."""
    if path.exists():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip() and not line.startswith("#"):
                fields = line.split("\t")
                if len(fields) < 4 or not all(fields[:3]) or fields[3].strip() not in VERDICTS:
                    raise ValueError(f"{path}:{number}: not `dataset, id, id, copy|different` separated by tabs: "
                                     f"{line[:80]!r}")
                dataset, a, b, verdict, *rest = fields
                sample = rest[0].strip() if rest and not rest[0].startswith("#") else ""
                yield (dataset, *sorted((a, b))), verdict.strip() == "copy", sample


def read_labels(path: Path = LABELS) -> dict[tuple[str, str, str], bool]:
    return {pair: copy for pair, copy, _sample in _label_lines(path)}


def read_random(path: Path = LABELS) -> set[tuple[str, str, str]]:
    """The labelled pairs drawn at random within a band of similarity: what recall is estimated from."""
    return {pair for pair, _copy, sample in _label_lines(path) if sample == "random"}


def read_reading(path: Path) -> Reading:
    """A reading's labels and the pairs it read among those drawn at random."""
    return Reading(read_labels(path), read_random(path))


def report(results: list[Result], labels: dict[tuple[str, str, str], bool],
           random_pairs: set[tuple[str, str, str]] = frozenset(), against: Reading | None = None) -> str:
    """Each set's stories against the labels; with *against*, a second reading, how far the two readings of the
    pairs drawn at random agree."""
    lines = [f"Stories: word 3-shingle MinHash, 128 permutations, LSH; one story at estimated Jaccard ≥ {THRESHOLD},"
             f" or ≥ {FLOOR} when the texts read as a rewrite, a copy cut short or one carried from another outlet;"
             f" not {DAYS_APART}+ days apart"
             f" below {SAME_TEXT}, nor under headlines naming other days", ""]
    for result in results:
        keys = result.key_of()
        cross = sum(1 for a, b in result.pairs if keys[a] != keys[b])
        per_1000 = result.seconds / max(1, len(result.docs)) * 1000
        lines.append(f"{result.name}: {len(result.docs)} articles, {len(result.stories)} in "
                     f"{len(set(result.stories.values()))} stories, {len(result.pairs)} grouped pairs, "
                     f"{per_1000:.2f} s per 1,000 articles (fingerprints and grouping)")
        kind = {"hoax600": "across two topics (certainly wrong)", "click-id": "across the two outlets",
                "indonews": "with different URLs"}[result.name]
        lines.append(f"  grouped pairs {kind}: {cross}")
        if result.name == "indonews":
            versions = defaultdict(list)
            for doc in result.docs:
                versions[doc.key].append(doc)
            edited = [(a.id, b.id) for group_ in versions.values() for i, a in enumerate(group_)
                      for b in group_[i + 1:] if a.text != b.text]
            found = sum(1 for a, b in edited if tuple(sorted((a, b))) in result.pairs)
            lines.append(f"  edited re-crawls of one URL (copies by construction): {len(edited)} pairs, "
                         f"{found} grouped (recall {found / max(1, len(edited)):.3f})")
        mine = {(a, b): copy for (dataset, a, b), copy in labels.items() if dataset == result.name}
        grouped = [copy for pair, copy in mine.items() if pair in result.pairs]
        copies = [pair in result.pairs for pair, copy in mine.items() if copy]
        drawn = any(pair[0] == result.name for pair in random_pairs)
        if mine:
            lines.append(f"  hand-labelled pairs: {len(mine)}; precision {sum(grouped)}/{len(grouped)} = "
                         f"{sum(grouped) / max(1, len(grouped)):.3f}; recall {sum(copies)}/{len(copies)} = "
                         f"{sum(copies) / max(1, len(copies)):.3f} ("
                         + ("pairs chosen and drawn at random together; below, those drawn" if drawn
                            else "pairs chosen, not drawn at random") + ")")
        if drawn:
            measured = measured_similarity(result, across_keys=result.name == "click-id")
            lines += recall_estimate(result, labels, random_pairs, measured=measured)
            if against:
                lines += reader_agreement(result, Reading(labels, random_pairs), against, measured[0])
    return "\n".join(lines)


def sample(result: Result, labels: dict[tuple[str, str, str], bool], count: int, seed: int = 13) -> str:
    """Grouped pairs and near misses not labelled yet, with the start of both texts, to label by hand."""
    rng = random.Random(f"{seed}:{result.name}")
    texts = {doc.id: doc.text for doc in result.docs}
    grouped = sorted(p for p in result.pairs if (result.name, *p) not in labels)
    by_key: dict[str, list[str]] = defaultdict(list)
    for doc in result.docs:
        by_key[doc.key].append(doc.id)
    near = []
    for ids in ([d.id for d in result.docs],) if result.name != "hoax600" else by_key.values():
        candidates = [(a, b) for i, a in enumerate(ids) for b in ids[i + 1:i + 60]]
        near += [tuple(sorted(p)) for p in candidates if NEAR <= result.similar(*p) < THRESHOLD]
    near = sorted(p for p in set(near) if (result.name, *p) not in labels and p not in result.pairs)
    lines = []
    for title, pairs in (("grouped", grouped), ("near miss", near)):
        for a, b in rng.sample(pairs, min(count, len(pairs))):
            lines += [f"{result.name}\t{a}\t{b}\t?\t# {title}, similarity {result.similar(a, b):.2f}",
                      f"  A: {' '.join(texts[a].split())[:400]}", f"  B: {' '.join(texts[b].split())[:400]}"]
    return "\n".join(lines)


def evaluate_duplicates(data: Path, boilerplate: Boilerplate, parts: int = 1) -> list[Result]:
    sets = (("hoax600", hoax600, data / "hoax600"), ("click-id", click_id, data / "click-id"),
            ("indonews", indonews, data / "indonews"))
    return [group(name, read(folder), boilerplate, parts) for name, read, folder in sets if folder.is_dir()]

