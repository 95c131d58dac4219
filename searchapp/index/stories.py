"""Stories: exact copies, syndicated copies and light rewrites of one text, grouped.

After each indexing run the fingerprints of every live article (a column of the index, computed when
the article was analysed, with datasketch) are banded (MinHash LSH) to find candidates; an article
whose fingerprint agrees in at least `THRESHOLD` of its positions with a story's leader is a
copy of it, and one that agrees in `FLOOR` or more is when its text reads as a rewrite of the
leader's (`searchapp.extract.rewrites`: the same facts in the same order), as the leader cut short, or,
from another outlet, as its text carried word for word, cut short or carried on;
articles whose stated moments of publication are `DAYS_APART` days apart are another day's report,
unless their texts are the same, and so are two whose headlines name other days. Each story is named by one
of its articles: of the last run's names that are still articles of it, the one most of its articles had (a
story keeps its name), else its leader. The articles are taken in the order of star clustering (Aslam,
Pelekhov and Rus, 2004): the one that most others resemble first, as the text that outlets copy is a story's
centre; so which articles are grouped together depends on the articles indexed, not on the order they came
in (the last run's leaders leading again had kept a copy cut short at the head of a story its fuller version
then could not join).
The groups are written beside the index as ``stories.json`` (article id → story), replaced atomically;
an article in no group is a story of its own.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy as np
from whoosh.reading import IndexReader

from searchapp.extract.rewrites import Text, align, is_carried, is_rewrite
from searchapp.extract.title import days_named
from searchapp.index import banding
from searchapp.index.generations import STORIES
from searchapp.index.whoosh27 import column_values
from searchapp.ingest.datetimes import WIB

# Estimated Jaccard similarity of word 3-shingles from which two texts are one story: measured by
# `searchapp eval duplicates` (README "Quality"); rewrites of one press release sit above it,
# different stories on one topic, and an outlet's recurring templated reports, below it.
THRESHOLD = 0.5
# From here to the threshold lie rewrites that paraphrase sentence by sentence, and as many different
# articles that repeat one background: a pair is one story only when its texts read as a rewrite, or as one
# outlet's text another carried.
FLOOR = 0.3
# Up to here a copy by its fingerprint is read for a lead of its own first (reactions that repeat a
# report word for word after their own opening agree with it in 0.50-0.53 of the positions).
LEADS_READ_BELOW = 0.65
TEXT_CHECKS = 3  # texts read for an article at most: the leaders most similar to it
# Copies of one story are carried within days of each other; two articles dated this many days apart or
# more are another day's report however alike (a daily price list, a series' next episode, a warning
# renewed), unless their texts are all but the same (an outlet republishing its own article).
DAYS_APART = 4
SAME_TEXT = 0.9
class Texts:
    """The articles' texts for `find_stories`, by position, each read and split into words once (for the
    articles checked lately): whether two tell one story."""

    def __init__(self, body: Callable[[int], str], title: Callable[[int], str] | None = None,
                 outlet: Callable[[int], str | None] | None = None) -> None:
        self._text = lru_cache(maxsize=4096)(lambda position: Text.of(body(position)))
        self._outlet = outlet or (lambda _position: None)
        nothing = (frozenset(), frozenset())
        self._days = lru_cache(maxsize=65536)(lambda position: days_named(title(position)) if title else nothing)

    def other_days(self, a: int, b: int) -> bool:
        """Whether the two headlines name other days (`… Hari Ini, Rabu 18 Juni`, `… Jumat 20 Juni`): dates
        and none the same, or else weekdays and none the same; an outlet's daily report of another day,
        however alike the texts (a schedule, a forecast)."""
        (dates_a, weekdays_a), (dates_b, weekdays_b) = self._days(a), self._days(b)
        if dates_a and dates_b:
            return not dates_a & dates_b
        return bool(weekdays_a and weekdays_b and not (dates_a or dates_b)) and not weekdays_a & weekdays_b

    def rewrite(self, a: int, b: int) -> bool:
        """Whether one article is a rewrite of the other (`searchapp.extract.rewrites`)."""
        return is_rewrite(self._text(a), self._text(b))

    def carried(self, a: int, b: int) -> bool:
        """Whether another outlet carried one article's text in the other, cut short or carried on
        (`searchapp.extract.rewrites.is_carried`); an outlet's own text carried on is its next piece."""
        outlet = self._outlet(a)
        return (outlet is None or outlet != self._outlet(b)) and is_carried(self._text(a), self._text(b))

    def copy(self, a: int, b: int, another_day: bool) -> bool:
        """Whether of two articles whose fingerprints mostly agree neither opens with a lead of its own
        and, published on another day, they give the same figures (else: another day's report)."""
        alignment = align(self._text(a).words, self._text(b).words)
        return not alignment.own_lead and not (another_day and alignment.figures_differ)


def find_stories(ids: list[str], fingerprints: list[bytes | None], threshold: float = THRESHOLD,
                 names: Mapping[str, str] | None = None, texts: Texts | None = None,
                 days: list[int | None] | None = None) -> dict[str, str]:
    """The story of every article that has copies: article id → its story's name (`_named`: after the
    stories of the last run, *names*, article id → story, else its leader's id).

    The articles are taken in order: the one that agrees with the most of its candidates in the floor (`FLOOR`,
    or *threshold* when lower) first, ties in id order (`banding.resembling`); each joins the story of the leader it
    is most similar to, else starts a story of its own. A leader it agrees with in `threshold` of the positions or
    more is a copy, and one it agrees with from `FLOOR` is when the *texts* read as a rewrite, or as one carried from
    another outlet; below `LEADS_READ_BELOW` the texts are read first, and a text that opens with a lead of its own
    (a reaction, a roundup, another angle) is another story, however much of the other it repeats, and so is one of
    another day that gives other figures. Articles whose *days* (ordinals, None when unknown) are `DAYS_APART` or
    more apart are not one story unless their fingerprints agree in `SAME_TEXT`. Every member is a copy of its
    leader: a chain of articles each sharing a paragraph with the next is not one story (single linkage merged a
    rumour's debunking with the reactions to it, each quoting the one before).
    Candidates come from LSH banding over the fingerprints (`searchapp.index.banding`).
    """
    numbers = [n for n, value in enumerate(fingerprints) if value is not None]
    if not numbers:
        return {}
    matrix = np.vstack([np.frombuffer(fingerprints[n], dtype=np.uint32) for n in numbers])
    buckets_of = banding.buckets(matrix)
    leaders_in: dict[int, list[int]] = {}  # bucket → its leaders so far (rows of the matrix)
    leader_of: dict[int, int] = {}
    floor = min(FLOOR, threshold)
    resembling = banding.resembling(matrix, buckets_of, floor)
    order = sorted(range(len(numbers)), key=lambda r: (-resembling[r], ids[numbers[r]]))
    for row in order:
        buckets = buckets_of.get(row, ())
        candidates = list({leader for bucket in buckets for leader in leaders_in.get(bucket, ())})
        similar = (matrix[candidates] == matrix[row]).mean(axis=1) if candidates else []
        ranked = sorted((-value, ids[numbers[leader]], leader) for value, leader in zip(similar, candidates,
                        strict=True) if value >= floor)  # the most similar first; ties: the first leader by id
        best = _leader(numbers[row], [(-value, numbers[leader], leader) for value, _id, leader in ranked],
                       threshold, texts, days)
        if best is None:
            leader_of[row] = row
            for bucket in buckets:
                leaders_in.setdefault(bucket, []).append(row)
        else:
            leader_of[row] = best
    members: dict[int, list[int]] = {}
    for row, leader in leader_of.items():
        members.setdefault(leader, []).append(row)
    stories: dict[str, str] = {}
    for leader, group in members.items():
        if len(group) > 1:
            held = [ids[numbers[row]] for row in group]
            name = _named(ids[numbers[leader]], held, names or {})
            stories.update(dict.fromkeys(held, name))
    return stories


def _named(leader: str, held: list[str], names: Mapping[str, str]) -> str:
    """A story's name: of the last run's names that are articles of it, the one most of its articles had
    (ties: the first by id), else its *leader*'s id. An article is in one story, so names never clash."""
    members = set(held)
    votes = Counter(names[doc_id] for doc_id in held if names.get(doc_id) in members)
    return min(votes, key=lambda name: (-votes[name], name)) if votes else leader


def _leader(position: int, ranked: list[tuple[float, int, int]], threshold: float,
            texts: Texts | None, days: list[int | None] | None) -> int | None:
    """The first of the *ranked* leaders (similarity, position, row) whose story the article at *position*
    joins; the texts of `TEXT_CHECKS` of them at most are read."""
    reads = 0
    for similar, leader_position, leader in ranked:
        if texts is not None and texts.other_days(position, leader_position):
            continue
        apart = _days_apart(days, position, leader_position)
        if apart >= DAYS_APART and similar < SAME_TEXT:
            continue
        if similar >= threshold and (texts is None or similar >= LEADS_READ_BELOW):
            return leader
        if texts is None or reads == TEXT_CHECKS:
            continue
        reads += 1
        if similar >= threshold:
            if texts.copy(position, leader_position, another_day=apart > 0):
                return leader
        elif texts.rewrite(position, leader_position) or texts.carried(position, leader_position):
            return leader
    return None


def stated_title(reader: IndexReader, docnum: int) -> str:
    """The headline the article states (indexed as its title); not one inferred from its lead or its URL,
    which is stored to be shown only (a lead names the day it reports: `…, Senin (17/6)`)."""
    return (reader.stored_fields(docnum).get("title") or "") if reader.doc_field_length(docnum, "title") else ""


def _days_apart(days: list[int | None] | None, a: int, b: int) -> int:
    """How many days apart two articles were published (0 when either date is unknown)."""
    if days is None or days[a] is None or days[b] is None:
        return 0
    return abs(days[a] - days[b])


class LiveArticle(NamedTuple):
    """What grouping reads of a live article from the index's columns."""

    docnum: int
    id: str
    fingerprint: bytes | None
    day: int | None  # of publication (an ordinal, in WIB), where the article states its moment
    outlet: str | None


def live_fingerprints(reader: IndexReader) -> Iterator[LiveArticle]:
    """Every live article's fingerprint, day and outlet; the day only where the article states its moment of
    publication: a date read from the text may be a year off (a weekday and a day without a year), and copies of
    one text would fall years apart."""
    ids = column_values(reader, "id", translate=True)
    fingerprints = column_values(reader, "fingerprint") if "fingerprint" in reader.schema else [None] * len(ids)
    moments = column_values(reader, "published", translate=True) if "published" in reader.schema else []
    days = [_day_of(moment) for moment in moments] or [None] * len(ids)
    outlets = column_values(reader, "outlet", translate=True) if "outlet" in reader.schema else [None] * len(ids)
    for docnum in reader.all_doc_ids():
        yield LiveArticle(docnum, ids[docnum], fingerprints[docnum] or None, days[docnum], outlets[docnum] or None)


def _day_of(moment: int | None) -> int | None:
    """The day in WIB of a moment in epoch seconds."""
    if moment is None:
        return None
    try:
        return dt.datetime.fromtimestamp(moment, WIB).toordinal()
    except (OverflowError, OSError, ValueError):
        return None


def group_indexed(articles: list[tuple[IndexReader, LiveArticle]], names: Mapping[str, str]) -> dict[str, str]:
    """The stories of live *articles*, each with the reader it is read from (one index's, or each shard's): their
    texts, headlines and outlets as the index stores them, named after the last run's stories (*names*)."""
    def body(position: int) -> str:
        reader, article = articles[position]
        return reader.stored_fields(article.docnum).get("body") or ""

    def title(position: int) -> str:
        reader, article = articles[position]
        return stated_title(reader, article.docnum)

    texts = Texts(body, title, lambda position: articles[position][1].outlet)
    return find_stories([article.id for _reader, article in articles],
                        [article.fingerprint for _reader, article in articles],
                        names=names, texts=texts, days=[article.day for _reader, article in articles])


def write_stories(folder: Path, reader: IndexReader) -> int:
    """Group the articles of *reader* into stories and write them to *folder* (atomically); the number
    of articles that have copies."""
    stories = group_indexed([(reader, article) for article in live_fingerprints(reader)], read_stories(folder))
    save_stories(folder, stories)
    return len(stories)


def save_stories(folder: Path, stories: dict[str, str]) -> None:
    """Write the groups beside an index (atomically: the engine notices a new generation by them)."""
    temporary = folder / f".{STORIES}.{os.getpid()}"
    temporary.write_text(json.dumps(stories, ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, folder / STORIES)


def read_stories(folder: Path) -> dict[str, str]:
    """The stories written beside an index (empty when there are none yet)."""
    try:
        return json.loads((folder / STORIES).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
