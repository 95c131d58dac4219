"""The shards of a sharded index searched on a Ray cluster: each shard by R replica actors, on different
nodes where there are several, asked with a time limit and failing over to another replica.

Every replica is a named, detached actor (`ShardActor`, a `ShardSearcher` opened by path: Ray restarts a
killed one by calling its constructor again), so that several front ends (`searchapp serve --cluster`)
share them. A call goes to one replica of each shard, in turn; a replica that has died, is restarting,
or has not answered within ``cluster.timeout`` seconds is replaced by the next; a shard none of whose
replicas answers is reported missing (`ShardedEngine` flags the result as partial).
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import os
import threading
import time
from collections.abc import Callable

from searchapp.config import Settings
from searchapp.errors import MissingExtraError, UnavailableError

try:
    import ray
    from ray import exceptions as ray_errors
    from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy
except ModuleNotFoundError as missing:
    if missing.name != "ray":
        raise  # a part of Ray, or a package it needs: its own name says more
    raise MissingExtraError("a Ray cluster needs Ray, which is not installed: "
                            "pip install -e '.[cluster]'") from missing

from searchapp.index.shards import read_manifest
from searchapp.search.sharding.engine import ShardedEngine
from searchapp.search.sharding.shard import ShardSearcher

NAMESPACE = "searchapp"
SUSPECT_SECONDS = 30.0  # a replica that failed is asked after the others for this long
# a replica that cannot answer (any other error is the request's, and is raised)
UNAVAILABLE = (ray_errors.RayActorError, ray_errors.ActorUnavailableError, ray_errors.GetTimeoutError,
               ray_errors.NodeDiedError, ray_errors.ObjectLostError, ray_errors.OwnerDiedError,
               ray_errors.OutOfMemoryError,
               ray_errors.WorkerCrashedError, ray_errors.TaskCancelledError, ray_errors.ActorUnschedulableError)


class ClusterError(UnavailableError):
    """The cluster cannot be reached, or the index is not sharded."""


@ray.remote(max_restarts=-1, max_task_retries=0, max_concurrency=8)
class ShardActor:
    """One replica of a shard (threads answer several front ends' requests at once)."""

    def __init__(self, settings: Settings, number: int) -> None:
        self.searcher = ShardSearcher(settings, number)

    def call(self, method: str, *args):
        return getattr(self.searcher, method)(*args)

    def status(self) -> dict:
        return {**self.searcher.status(), "node": ray.util.get_node_ip_address()}


def connect(address: str) -> None:
    """Join the cluster at *address* (once per process)."""
    if ray.is_initialized():
        return
    host = address.rsplit(":", 1)[0]
    # a head on a loopback address (a cluster on one machine): this process is a node at that address too
    # (left to itself, Ray takes the machine's external address for 127.0.0.1 and finds no node there)
    local = {"_node_ip_address": host} if host.startswith("127.") else {}
    try:
        ray.init(address=address, namespace=NAMESPACE, log_to_driver=False, logging_level="ERROR",
                 configure_logging=False, **local)
    except (ConnectionError, RuntimeError, ValueError) as error:
        raise ClusterError(f"cannot join the Ray cluster at {address}: {error}") from None


def alive_nodes() -> list[dict]:
    return sorted((n for n in ray.nodes() if n.get("Alive")), key=lambda n: n["NodeManagerAddress"])


class ClusterShards:
    """The replicas of every shard of the index in *settings*, created on the cluster if need be."""

    def __init__(self, settings: Settings, count: int) -> None:
        self.settings = settings
        self.count = count
        self.timeout = settings.shard_timeout
        self._turn = itertools.count()
        self._local = threading.local()  # each serving thread's request: which replicas it asks first
        self._replicas: tuple[int, list[list]] | None = None
        self._lock = threading.Lock()
        self._suspects: dict[tuple[int, int], float] = {}  # replicas that failed lately: asked last, until then

    @property
    def replicas(self) -> list[list]:
        """The actors, joined on first use in each process (a server forks its workers after loading the
        app; a connection to the cluster does not survive a fork)."""
        with self._lock:
            return self._joined()

    def _joined(self) -> list[list]:
        if self._replicas is None or self._replicas[0] != os.getpid():
            connect(self.settings.cluster)
            prefix = hashlib.sha1(str(self.settings.index).encode()).hexdigest()[:10]
            nodes = alive_nodes()
            self._replicas = (os.getpid(), [[self._actor(self.settings, prefix, shard, replica, nodes)
                                             for replica in range(self.settings.replicas)]
                                            for shard in range(self.count)])
        return self._replicas[1]

    @staticmethod
    def _actor(settings: Settings, prefix: str, shard: int, replica: int, nodes: list[dict]):
        """A shard's replica, placed on the next node in turn (so a shard's replicas are on different
        nodes where there are as many); the running one when another front end made it already."""
        node = nodes[(shard + replica) % len(nodes)] if nodes else None
        strategy = NodeAffinitySchedulingStrategy(node["NodeID"], soft=False) if node else "DEFAULT"
        return ShardActor.options(name=f"{prefix}-shard-{shard}-replica-{replica}", namespace=NAMESPACE,
                                  lifetime="detached", get_if_exists=True, num_cpus=0,
                                  scheduling_strategy=strategy).remote(settings, shard)

    def begin(self) -> None:
        """A new request: its calls go to the next replicas in turn (all its calls to the same ones, where
        a shard keeps what its first call found for the second)."""
        self._local.turn = next(self._turn)

    def all(self, method: str, *args) -> tuple[dict[int, object], list[int]]:
        return self.each({n: (method, args) for n in range(self.count)})

    def each(self, calls: dict[int, tuple[str, tuple]]) -> tuple[dict[int, object], list[int]]:
        """Each shard's answer to its call from the first replica that gives one; the shards none gave.

        Replicas are asked in turn, one that failed in the last `SUSPECT_SECONDS` last; a replica that
        has died or is restarting, whose node is gone, that has not answered within the timeout, or
        whose shard is being written, is replaced by the next one as soon as that is known."""
        turn = getattr(self._local, "turn", None)
        if turn is None:
            turn = next(self._turn)
        now = time.monotonic()
        orders = {}
        for shard in calls:
            count = len(self.replicas[shard])
            in_turn = [(turn + shard + step) % count for step in range(count)]
            orders[shard] = sorted(in_turn, key=lambda r: self._suspects.get((shard, r), 0.0) > now)
        pending: dict = {}  # call → (shard, replica, when it was asked)
        answers: dict[int, object] = {}
        missing: list[int] = []

        def ask(shard: int) -> None:
            if not orders[shard]:
                missing.append(shard)
                return
            replica = orders[shard].pop(0)
            method, args = calls[shard]
            pending[self.replicas[shard][replica].call.remote(method, *args)] = (shard, replica, time.monotonic())

        def failed(shard: int, replica: int) -> None:
            self._suspects[(shard, replica)] = time.monotonic() + SUSPECT_SECONDS
            ask(shard)

        for shard in calls:
            ask(shard)
        while pending:
            oldest = min(asked for _s, _r, asked in pending.values())
            ready, _rest = ray.wait(list(pending), num_returns=1,
                                    timeout=max(0.0, oldest + self.timeout - time.monotonic()))
            for ref in ready:
                shard, replica, _asked = pending.pop(ref)
                try:
                    answers[shard] = ray.get(ref)
                except UNAVAILABLE:
                    failed(shard, replica)
                except ray_errors.RayTaskError as error:
                    if not isinstance(error, UnavailableError):  # the request's own error
                        raise
                    failed(shard, replica)
            for ref, (shard, replica, asked) in list(pending.items()):
                if time.monotonic() - asked >= self.timeout:  # too slow: the next replica is asked
                    del pending[ref]
                    ray.cancel(ref)
                    failed(shard, replica)
        return answers, sorted(missing)

    def statuses(self) -> list[list[dict | None]]:
        """Every replica's status (None: it did not answer)."""
        refs = [[actor.status.remote() for actor in replicas] for replicas in self.replicas]
        found = []
        for shard in refs:
            row = []
            for ref in shard:
                try:
                    row.append(ray.get(ref, timeout=self.timeout))
                except (*UNAVAILABLE, ray_errors.RayTaskError):  # away, or its shard unreadable now
                    row.append(None)
            found.append(row)
        return found


def shard_count(settings: Settings) -> int:
    manifest = read_manifest(settings.index)
    if manifest is None:
        raise ClusterError(f"{settings.index} holds no sharded index: run 'searchapp index --shards N' first")
    return manifest["shards"]


def open_cluster(settings: Settings) -> ShardedEngine:
    return ShardedEngine(settings, ClusterShards(settings, shard_count(settings)))


def ray_runner(settings: Settings) -> Callable[[Callable, list[tuple]], list]:
    """Runs indexing work as Ray tasks on the cluster (a task a shard)."""
    connect(settings.cluster)

    def run(function: Callable, arguments: list[tuple]) -> list:
        task = ray.remote(num_cpus=1, max_retries=0)(function)
        return ray.get([task.remote(*args) for args in arguments])

    return run


def one_writer(settings: Settings) -> Settings:
    """A shard's indexing settings on a cluster: its task is its one writer (the shards run side by side)."""
    return dataclasses.replace(settings, workers=1)

