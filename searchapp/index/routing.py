"""Which shard of a sharded index an article belongs in, and where each shard lives."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

from searchapp.config import Settings


def shard_of(doc_id: str, shards: int) -> int:
    """The shard an article belongs in: a stable hash of its id (the same on every machine and run)."""
    return int.from_bytes(hashlib.blake2b(doc_id.encode("utf-8"), digest_size=8).digest(), "big") % shards


def shard_root(root: Path, number: int) -> Path:
    return root / f"shard-{number:02d}"


def shard_settings(settings: Settings, number: int) -> Settings:
    """The settings of one shard: the set's, with the shard's folder as the index."""
    return dataclasses.replace(settings, index=shard_root(Path(settings.index), number))
