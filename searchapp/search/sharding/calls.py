"""`ShardCalls`: a sharded search's calls to its shards, with the bookkeeping every call shares — which
shards gave no answer to this thread's request, the seconds of each phase, answers of another published
set refused."""

from __future__ import annotations

import threading
import time
from typing import Any

from searchapp.search.results import Hit
from searchapp.search.sharding.fanout import MixedSetsError, Shards, ShardsMissingError
from searchapp.search.stories import MAX_COPIES


class ShardCalls:
    def __init__(self, shards: Shards) -> None:
        self.shards = shards
        self._local = threading.local()  # the request of each serving thread

    @property
    def missing(self) -> list[int]:
        """Shards that did not answer this thread's request."""
        return getattr(self._local, "missing", [])

    @missing.setter
    def missing(self, shards: list[int]) -> None:
        self._local.missing = shards

    @property
    def phases(self) -> dict[str, float]:
        """Seconds of each call to the shards in this thread's last search (the benchmark's phases)."""
        if not hasattr(self._local, "phases"):
            self._local.phases = {}
        return self._local.phases

    def first(self, method: str) -> Any:
        """The answer of the first shard that gives one."""
        for shard in range(self.shards.count):
            answers, _missing = self.shards.each({shard: (method, ())})
            if answers:
                return answers[shard]
        raise ShardsMissingError(list(range(self.shards.count)))

    def every(self, method: str, *args, set_name: str | None = None) -> dict[int, Any]:
        """Every shard's answer; the shards that gave none are noted (`missing`), answers of another
        set than *set_name* are refused."""
        answers, missing = self.shards.all(method, *args)
        self.missing = sorted(set(self.missing) | set(missing))
        sets = {answer[0] if isinstance(answer, tuple) else answer.set for answer in answers.values()}
        if len(sets) > 1 or (set_name and sets and sets != {set_name}):
            raise MixedSetsError("the shards answered from different published sets; try again")
        return answers

    def rendered(self, q: str, wanted: dict[int, list], names: list[str]) -> tuple[dict[str, Hit], dict[str, list]]:
        """The hits *wanted* of each shard by id, and the articles of each story of *names* (id order)."""
        calls = {n: ("render", (q, wanted.get(n, []), names)) for n in range(self.shards.count)}
        step = time.perf_counter()
        answers, missing = self.shards.each(calls)
        self.phases["hits"] = time.perf_counter() - step
        self.missing = sorted(set(self.missing) | set(missing))
        rendered: dict[str, Hit] = {}
        members: dict[str, list[dict]] = {}
        for hits, briefs in answers.values():
            rendered.update(hits)
            for name, listed in briefs.items():
                members.setdefault(name, []).extend(listed)
        for listed in members.values():
            listed.sort(key=lambda brief: brief["id"])
        return rendered, members


def with_copies(hit: Hit, members: dict[str, list[dict]]) -> Hit:
    """*hit* with the other articles of its story (from `ShardCalls.rendered`), as many as a hit lists."""
    if hit.story:
        hit.copies = [dict(brief) for brief in members.get(hit.story, []) if brief["id"] != hit.id][:MAX_COPIES]
    return hit
