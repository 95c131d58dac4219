"""Did you mean: a query's rare or unknown words replaced by a close, common indexed word."""

from __future__ import annotations

import re

from whoosh.reading import IndexReader

from searchapp.index.analysis import EXACT_MARK, QueryAnalysis
from searchapp.search.compiler import TEXT_FIELDS
from searchapp.search.query import Node, positive_words

MIN_LETTERS = 4
RARE_SHARE = 10_000  # a word is rare in at most 1 of this many articles (the edit-distance walk is costly)


def suggest(reader: IndexReader, analysis: QueryAnalysis, q: str, node: Node | None) -> str | None:
    """*q* with each rare word replaced by the most common indexed word within a small edit distance;
    None when nothing changes."""
    total_docs = max(1, reader.doc_count())
    corrected = q
    for word in dict.fromkeys(positive_words(node)):
        terms = analysis.words(word)
        if len(terms) != 1 or terms[0].form.isdigit() or len(terms[0].form) < MIN_LETTERS:
            continue
        term = terms[0]
        frequency = max(reader.doc_frequency(name, term.root) for name in TEXT_FIELDS)
        if frequency > total_docs // RARE_SHARE:
            continue
        best = _closest_common(reader, term.form, frequency)
        if best:
            corrected = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", best, corrected, flags=re.IGNORECASE)
    return corrected if corrected != q else None


def _closest_common(reader: IndexReader, token: str, frequency: int) -> str | None:
    maxdist = 1 if len(token) <= 5 else 2
    candidates: dict[str, int] = {}
    for name in TEXT_FIELDS:
        for term in reader.terms_within(name, token, maxdist, prefix=1):
            candidates[term] = max(candidates.get(term, 0), reader.doc_frequency(name, term))
        for term in reader.terms_within(name, EXACT_MARK + token, maxdist, prefix=2):
            candidates[term[1:]] = max(candidates.get(term[1:], 0), reader.doc_frequency(name, term))
    candidates.pop(token, None)
    common = [(count, term) for term, count in candidates.items() if count >= max(2, 3 * frequency)]
    if not common:
        return None
    common.sort(key=lambda item: (-item[0], distance(token, item[1]), item[1]))
    return common[0][1]


def distance(a: str, b: str) -> int:
    """Levenshtein distance (small words only: used to order a handful of suggestions)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]
