"""The costliest requests one can build within the caps (`searchapp bench --http --attackers N`): each is
measured alone (server CPU, response size), then looped by N clients while readers search, to show
that no single request takes a worker's memory or CPU and that attackers do not starve readers."""

from __future__ import annotations

import json
import os
import random
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

from searchapp.index.words import iter_words
from searchapp.search.request import MAX_FILTER_VALUES, MAX_QUERY_CHARS, MAX_QUERY_WORDS, MAX_WORD_CHARS


def hostile_requests(base: str, articles: list[dict], seed: int = 5) -> list[tuple[str, str]]:
    """(label, path) of the requests that cost the server most, as far as we know how to make them:
    the most common words (the longest postings, partial matching over all of them), made-up words
    (did-you-mean on each), long words, every filter value the caps allow, the deepest page, the
    longest article highlighted for many words. Filter values come from the running server."""
    rng = random.Random(seed)
    frequency: Counter = Counter()
    for article in articles[:5000]:
        frequency.update({w.lower() for w, _s, _e in iter_words(article["body"]) if w.isalpha()})
    common = [w for w, _n in frequency.most_common(MAX_QUERY_WORDS)]
    made_up = ["".join(rng.choice("bcdfghjklmnprstwyaiueo") for _ in range(30))
               for _ in range(min(MAX_QUERY_WORDS, MAX_QUERY_CHARS // 31))]
    either = common[:(MAX_QUERY_WORDS + 1) // 2]  # each OR counts as a word
    long_words = ["".join(rng.choice("aiueobcdgk") for _ in range(MAX_WORD_CHARS - 1))
                  for _ in range(MAX_QUERY_CHARS // MAX_WORD_CHARS)]
    people = [p["name"] for p in _get_json(f"{base}/api/people")["people"]][:MAX_FILTER_VALUES]
    outlets = [o["slug"] for o in _get_json(f"{base}/api/outlets")["outlets"] if o["count"]][:MAX_FILTER_VALUES]
    longest = max(articles, key=lambda a: len(a["body"]))
    searches = {
        "50 most common words": {"q": " ".join(common)},
        f"{len(either)} most common words OR'ed": {"q": " OR ".join(either)},
        "50 common words, 100 a page, every copy": {"q": " ".join(common), "per_page": "100", "collapse": "false"},
        f"{len(made_up)} made-up 30-letter words": {"q": " ".join(made_up)},
        "10 words of 99 letters": {"q": " ".join(long_words)},
        f"{len(people)} people": {"person": people},
        f"{len(outlets)} outlets, newest first, 100 a page": {"outlet": outlets, "sort": "newest", "per_page": "100"},
        "page 1000 of everything": {"page": "1000"},
        "every article, 100 a page": {"per_page": "100", "collapse": "false"},
    }
    requests = []
    for label, params in searches.items():
        query = urllib.parse.urlencode(params, doseq=True)
        requests += [(f"{label} (page)", f"/cari?{query}"), (f"{label} (API)", f"/api/search?{query}")]
    highlight = urllib.parse.urlencode({"q": " ".join(common)})
    document = urllib.parse.quote(longest["id"], safe="")
    requests += [("longest article, 50 words highlighted (page)", f"/artikel/{document}?{highlight}"),
                 ("longest article, 50 words highlighted (API)", f"/api/documents/{document}?{highlight}")]
    return requests


def measure_alone(base: str, requests: list[tuple[str, str]], workers: list[int]) -> list[dict]:
    """Each request once on an otherwise idle server: its status, response size, wall time and the CPU
    the server's workers spent meanwhile (which is this request's: nothing else runs)."""
    figures = []
    for label, path in requests:
        cpu_before = _cpu_seconds(workers)
        started = time.perf_counter()
        status, size = _fetch(base + path)
        wall = time.perf_counter() - started
        figures.append({"label": label, "status": status, "bytes": size, "wall_s": wall,
                        "cpu_s": _cpu_seconds(workers) - cpu_before})
    return figures


def _fetch(url: str) -> tuple[int, int]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, len(response.read())
    except urllib.error.HTTPError as error:
        return error.code, len(error.read())


def _get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=60) as response:
        return json.loads(response.read())


def _cpu_seconds(pids: list[int]) -> float:
    """User and system CPU time of these processes, in seconds (Linux /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        stat = Path(f"/proc/{pid}/stat")
        if stat.exists():
            fields = stat.read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of proc(5))
    return total / ticks
