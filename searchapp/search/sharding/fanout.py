"""How a sharded search reaches its shards: a call to every shard (or to some), the answers of those that
gave one, and which gave none. `LocalShards` searches them in this process; `searchapp.search.sharding.cluster`
asks their replicas on a Ray cluster."""

from __future__ import annotations

from typing import Protocol

from searchapp.config import Settings
from searchapp.errors import UnavailableError
from searchapp.search.sharding.shard import ShardSearcher


class ShardsMissingError(UnavailableError):
    """No replica of some shard answered, where an answer must be whole (an export, a timeline)."""

    def __init__(self, missing: list[int]) -> None:
        super().__init__(f"shard(s) {', '.join(map(str, missing))} of the index did not answer; try again")


class MixedSetsError(UnavailableError):
    """Shards answered from different published sets (an indexing run was being published)."""


class Shards(Protocol):
    count: int

    def begin(self) -> None:
        """A request begins (its calls go to the same replicas)."""

    def all(self, method: str, *args) -> tuple[dict[int, object], list[int]]:
        """Each shard's answer to *method*, and the shards none of whose replicas answered."""

    def each(self, calls: dict[int, tuple[str, tuple]]) -> tuple[dict[int, object], list[int]]:
        """The answer of each shard to its own call."""


class LocalShards:
    """The shards of a sharded index on this machine, searched in this process."""

    def __init__(self, settings: Settings, count: int) -> None:
        self.count = count
        self.searchers = [ShardSearcher(settings, n) for n in range(count)]

    def begin(self) -> None:
        pass

    def all(self, method: str, *args) -> tuple[dict[int, object], list[int]]:
        return self.each({n: (method, args) for n in range(self.count)})

    def each(self, calls: dict[int, tuple[str, tuple]]) -> tuple[dict[int, object], list[int]]:
        answers, missing = {}, []
        for shard, (method, args) in calls.items():
            try:
                answers[shard] = getattr(self.searchers[shard], method)(*args)
            except UnavailableError:  # being written, or gone: left out, and said so
                missing.append(shard)
        return answers, missing
