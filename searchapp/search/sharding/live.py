"""A shard's live generation: the state its published set names (`searchapp.index.shards`)."""

from __future__ import annotations

import os
from pathlib import Path

from whoosh.index import EmptyIndexError

from searchapp.config import Settings
from searchapp.errors import CorruptIndexError, UnavailableError
from searchapp.index.generations import open_generation
from searchapp.index.routing import shard_settings
from searchapp.index.shards import MANIFEST, read_catalog, read_manifest
from searchapp.index.whoosh27 import read_toc_at, toc_number
from searchapp.search.live import Generation, LiveIndex, NoIndexError


class ShardLive(LiveIndex):
    """A shard's live generation: the state the published set names (`searchapp.index.shards`), opened
    when the set is published again, never a state an indexing run is still writing."""

    def __init__(self, settings: Settings, stopwords: frozenset[str], set_root: Path, number: int) -> None:
        super().__init__(shard_settings(settings, number), stopwords)
        self.set_root = set_root
        self.number = number

    def _key(self) -> tuple | None:
        """The published set file as it is now (replaced by a rename: a new one is another file)."""
        try:
            stat = os.stat(self.set_root / MANIFEST)
        except FileNotFoundError:
            return None
        return ("set", stat.st_ino, stat.st_mtime_ns, stat.st_size)

    def _open(self, key: tuple) -> Generation:
        try:
            return self._open_published(key)
        except (FileNotFoundError, EmptyIndexError) as error:  # replaced by a run meanwhile
            raise UnavailableError(f"shard {self.number} changed while it was opened ({error}); try again") from None

    def _open_published(self, key: tuple) -> Generation:
        manifest = read_manifest(self.set_root)
        if manifest is None:
            raise NoIndexError(f"no sharded index in {self.set_root}; run 'searchapp index --shards N' first")
        if self.number >= manifest["shards"]:
            raise UnavailableError(f"{self.set_root} now holds {manifest['shards']} shards, not shard "
                                   f"{self.number}: restart the server (or the cluster's shard actors)")
        generation, toc = manifest["states"][self.number].split("/")
        folder = self.root / generation
        index = open_generation(self.root, folder)
        contents = read_toc_at(index, toc_number(toc))  # that commit, whatever was committed since
        try:
            catalog = read_catalog(self.set_root, manifest["set"])
        except FileNotFoundError:
            if (read_manifest(self.set_root) or {}).get("set") != manifest["set"]:
                raise UnavailableError("the index was published again while it was opened; try again") from None
            raise CorruptIndexError(self.set_root, FileNotFoundError(f"no catalog of set {manifest['set']}")) from None
        except ValueError as error:  # cut short: indexing again mends it
            raise CorruptIndexError(self.set_root, error) from None
        if not {"stories", "names", "people", "outlets", "shards"} <= catalog.keys():  # another version's
            raise CorruptIndexError(self.set_root, ValueError(f"the catalog of set {manifest['set']} is incomplete"))
        published = {**catalog, "set": manifest["set"], "published": manifest["published"]}
        return Generation(key, index, self.posting_cache_mb, self.stopwords, self.spares, published, contents)
