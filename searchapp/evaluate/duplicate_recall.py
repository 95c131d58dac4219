"""Recall of story grouping, estimated from pairs drawn at random in bands of similarity and read by hand
(`searchapp.evaluate.duplicates` reads the data and the labels): over every pair of one hoax600 topic, and
over the pairs across click-id's two outlets."""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from searchapp.extract.fingerprint import fingerprint, shingles

RECALL_BANDS = ((0.5, 1.0), (0.3, 0.5), (0.2, 0.3), (0.1, 0.2), (0.0, 0.1))
INTERVAL_DRAWS = 2000
# Across keys (two outlets: millions of pairs) only the pairs whose fingerprints agree in at least this share
# of positions are measured; the others overlap in well under 0.1 of their 3-word runs (a pair at 0.1 falls
# below in about 1 in 20), and are taken, as the lowest band is, to hold no copy.
CANDIDATE_AGREEMENT = 0.04


class Doc(Protocol):
    """An article read for the evaluation (`searchapp.evaluate.duplicates.Doc`)."""

    id: str
    text: str
    key: str


class Result(Protocol):
    """A corpus grouped (`searchapp.evaluate.duplicates.Result`): its articles and the pairs grouped."""

    name: str
    docs: Sequence[Doc]
    pairs: set[tuple[str, str]]
    fingerprints: dict[str, bytes | None]


def _jaccard(first: set[bytes], second: set[bytes]) -> float:
    return len(first & second) / max(1, len(first | second))


def within_key_similarity(result: Result) -> dict[tuple[str, str], float]:
    """The exact Jaccard similarity of word 3-shingles of every pair of articles with one key (a topic)."""
    by_key: dict[str, list[Doc]] = defaultdict(list)
    for doc in result.docs:
        by_key[doc.key].append(doc)
    similar = {}
    for docs in by_key.values():
        found = [(doc.id, shingles(doc.text)) for doc in docs]
        for n, (a, first) in enumerate(found):
            for b, second in found[n + 1:]:
                similar[tuple(sorted((a, b)))] = _jaccard(first, second)
    return similar


def across_key_similarity(result: Result) -> tuple[dict[tuple[str, str], float], int]:
    """The exact similarity of the pairs of articles with two different keys (outlets) whose fingerprints
    agree in `CANDIDATE_AGREEMENT` of their positions, and how many pairs across keys were not measured."""
    by_key: dict[str, list[tuple[str, np.ndarray]]] = defaultdict(list)
    texts = {doc.id: doc.text for doc in result.docs}
    runs: dict[str, set[bytes]] = {}  # each text's 3-word runs, made once
    for doc in result.docs:
        found = result.fingerprints.get(doc.id) or fingerprint(doc.text)
        if found:
            by_key[doc.key].append((doc.id, np.frombuffer(found, dtype=np.uint32)))
    keys = sorted(by_key)
    similar: dict[tuple[str, str], float] = {}
    for n, key in enumerate(keys):
        for other in keys[n + 1:]:
            rows = np.stack([values for _id, values in by_key[other]])
            for doc_id, values in by_key[key]:
                for m in np.nonzero((rows == values).mean(axis=1) >= CANDIDATE_AGREEMENT)[0]:
                    other_id = by_key[other][m][0]
                    for found in (doc_id, other_id):
                        if found not in runs:
                            runs[found] = shingles(texts[found])
                    similar[tuple(sorted((doc_id, other_id)))] = _jaccard(runs[doc_id], runs[other_id])
    sizes = Counter(doc.key for doc in result.docs)
    population = (sum(sizes.values()) ** 2 - sum(size ** 2 for size in sizes.values())) // 2
    return similar, population - len(similar)


def recall_estimate(result: Result, labels: dict[tuple[str, str, str], bool],
                    random_pairs: set[tuple[str, str, str]], across_keys: bool = False,
                    measured: tuple[dict[tuple[str, str], float], int] | None = None) -> list[str]:
    """Recall over all pairs of one key (a topic), or across keys (outlets), estimated band by band of
    similarity from the pairs drawn at random in each band and read by hand (the copies of a band: its pairs
    × the share of copies among those read), with the different pairs grouped among those read; then
    post-stratified, with an interval. *measured*: `measured_similarity`, when already known."""
    similar, unmeasured = measured or measured_similarity(result, across_keys)
    lines, copies, found = [], 0.0, 0.0
    for low, high in RECALL_BANDS:
        band = [pair for pair, value in similar.items() if _within(value, low, high)]
        read = [(pair in result.pairs, labels[(result.name, *pair)]) for pair in band
                if (result.name, *pair) in random_pairs]
        copy_share = sum(copy for _grouped, copy in read) / len(read) if read else 0.0
        grouped_share = (sum(grouped for grouped, copy in read if copy) / sum(copy for _grouped, copy in read)
                         if copy_share else 0.0)
        copies += len(band) * copy_share
        found += len(band) * copy_share * grouped_share
        lines.append(f"    similarity [{low:.1f}, {high:.1f}): {len(band)} pairs, {len(read)} read: "
                     f"{sum(c for _g, c in read)} copies, {sum(g and c for g, c in read)} of them grouped, "
                     f"{sum(g and not c for g, c in read)} different pairs grouped"
                     + ("" if read or not band else " (none read: taken to hold no copy)"))
    if unmeasured:
        lines.append(f"    and {unmeasured} pairs whose fingerprints agree in under {CANDIDATE_AGREEMENT:.0%} of "
                     "their positions, not measured: taken to hold no copy")
    population = "across the outlets" if across_keys else "of one topic"
    lines.append(f"  recall over every pair {population}, estimated: {found:.1f} of {copies:.1f} copies grouped "
                 f"= {found / max(copies, 1e-9):.3f}")
    strata = _strata(result, similar, labels, random_pairs)
    found, copies = _stratified(strata, _read_share)
    draws = sorted(_ratio(_stratified(strata, lambda stratum, rng=rng: _drawn_share(stratum, rng)))
                   for rng in (random.Random(f"recall:{n}") for n in range(INTERVAL_DRAWS)))
    low, high = draws[int(0.025 * len(draws))], draws[int(0.975 * len(draws)) - 1]
    lines.append(f"  post-stratified (grouped and not grouped apart in each band): {found:.1f} of {copies:.1f} "
                 f"= {_ratio((found, copies)):.3f}, 95% interval {low:.2f}-{high:.2f}")
    return lines


@dataclass(frozen=True)
class _Stratum:
    """The pairs of a band that were grouped (or not): how many, whether each one read at random is a copy,
    and the same for every pair of the band read (for a stratum none of whose pairs was read)."""

    grouped: bool
    size: int
    read: tuple[bool, ...]
    band_read: tuple[bool, ...]


def _strata(result: Result, similar: dict[tuple[str, str], float], labels: dict[tuple[str, str, str], bool],
            random_pairs: set[tuple[str, str, str]]) -> list[_Stratum]:
    strata = []
    for low, high in RECALL_BANDS:
        band = [pair for pair, value in similar.items() if _within(value, low, high)]
        read = tuple(labels[(result.name, *pair)] for pair in band if (result.name, *pair) in random_pairs)
        for grouped in (True, False):
            pairs = [pair for pair in band if (pair in result.pairs) == grouped]
            strata.append(_Stratum(grouped, len(pairs), tuple(
                labels[(result.name, *pair)] for pair in pairs if (result.name, *pair) in random_pairs), read))
    return strata


def _stratified(strata: list[_Stratum], share: Callable[[_Stratum], float]) -> tuple[float, float]:
    """(copies grouped, copies) over every pair: each stratum's size × its share of copies. The grouped pairs
    of a band are counted apart from the others, as their number is known: a sample's luck in drawing
    grouped pairs then moves the estimate less than band by band."""
    found = copies = 0.0
    for stratum in strata:
        part = stratum.size * share(stratum)
        copies += part
        found += part if stratum.grouped else 0.0
    return found, copies


def _read_share(stratum: _Stratum) -> float:
    """The share of copies among the pairs read in the stratum, else in its band; none read: no copy."""
    read = stratum.read or stratum.band_read
    return sum(read) / len(read) if read else 0.0


def _drawn_share(stratum: _Stratum, rng: random.Random) -> float:
    """One draw of the stratum's share of copies from what its pairs read allow (a Beta posterior under
    Jeffreys' prior): a stratum whose few pairs read all agree is still uncertain, which drawing those pairs
    again would not show. A band none of whose pairs was read stays at no copy, as the lines say."""
    read = stratum.read or stratum.band_read
    if not read:
        return 0.0
    return rng.betavariate(sum(read) + 0.5, len(read) - sum(read) + 0.5)


def _ratio(counts: tuple[float, float]) -> float:
    found, copies = counts
    return found / max(copies, 1e-9)


@dataclass(frozen=True)
class Reading:
    """Hand labels of pairs: (dataset, id, id) → whether a copy, and the pairs among them drawn at random."""

    labels: dict[tuple[str, str, str], bool]
    drawn: set[tuple[str, str, str]]


def measured_similarity(result: Result, across_keys: bool = False) -> tuple[dict[tuple[str, str], float], int]:
    """The exact similarity of the pairs the estimates count (of one key, or measured across keys), and how many
    pairs across keys were not measured."""
    return across_key_similarity(result) if across_keys else (within_key_similarity(result), 0)


def reader_agreement(result: Result, first: Reading, second: Reading,
                     similar: dict[tuple[str, str], float]) -> list[str]:
    """A second reading of the pairs drawn at random, scored as if it were a grouping against the first, beside the
    grouping scored the same way on the same pairs: where two readers part, no target measured against one reading
    can be told met or missed. Each band weighs as many pairs as it holds, as in the band-by-band estimate; pairs
    not measured (across keys, fingerprints too unlike) are left out, as that estimate leaves them."""
    drawn = sorted(pair for pair in first.drawn & second.drawn if pair[0] == result.name)
    both = [pair for pair in drawn if pair[1:] in similar]
    if not both:
        return [f"  a second reading: no pair drawn at random for {result.name} is read in both"]
    truth = [(similar[pair[1:]], first.labels[pair]) for pair in both]
    disagree = sum(first.labels[pair] != second.labels[pair] for pair in both)
    left_out = f", {len(drawn) - len(both)} not measured left out" if len(drawn) > len(both) else ""
    lines = [f"  a second reading of the {len(both)} pairs drawn at random{left_out}, scored as a grouping against "
             f"the labels (each band weighing its pairs, as band by band above): they disagree on {disagree}"]
    for name, verdicts in (("the second reading", [second.labels[pair] for pair in both]),
                           ("the grouping, the same way", [pair[1:] in result.pairs for pair in both])):
        precision, recall = (_share(value) for value in _weighted(similar, truth, verdicts))
        lines.append(f"    {name}: precision {precision}, recall {recall}")
    return lines


def _weighted(similar: dict[tuple[str, str], float], truth: list[tuple[float, bool]],
              verdicts: list[bool]) -> tuple[float | None, float | None]:
    """(precision, recall) of *verdicts* against *truth* (each pair's similarity and whether the first reading calls
    it a copy), each band's pairs read standing for all its pairs; None where nothing is claimed or a copy."""
    agreed = claimed = copies = 0.0
    for low, high in RECALL_BANDS:
        inside = [n for n, (value, _copy) in enumerate(truth) if _within(value, low, high)]
        if inside:
            weight = sum(1 for value in similar.values() if _within(value, low, high)) / len(inside)
            agreed += weight * sum(truth[n][1] and verdicts[n] for n in inside)
            claimed += weight * sum(verdicts[n] for n in inside)
            copies += weight * sum(truth[n][1] for n in inside)
    return (agreed / claimed if claimed else None), (agreed / copies if copies else None)


def _share(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _within(value: float, low: float, high: float) -> bool:
    return low <= value < high or (high == 1.0 and value == 1.0)
