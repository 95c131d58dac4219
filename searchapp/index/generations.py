"""The index folder: published generations, the pointer to the live one, and the indexer's lock.

Layout::

    index/
      CURRENT            name of the live generation folder (replaced atomically)
      gen-<time>/        a complete Whoosh index
      .indexer.lock      held (lockf) by the one indexer allowed at a time, its process id inside

An incremental run writes into the live generation through Whoosh's own commit, which readers only see
once its table of contents is written. A rebuild writes a new generation beside it and switches
``CURRENT`` with one rename, so a reader never sees a half-built index and a crash leaves the old one.
"""

from __future__ import annotations

import fcntl
import os
import pickle
import shutil
import struct
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import whoosh.index
from whoosh.index import Index

from searchapp.errors import CorruptIndexError, IndexLockedError
from searchapp.index.whoosh27 import newest_toc

POINTER = "CURRENT"
_HELD: set[str] = set()  # index folders this process is indexing
_HELD_LOCK = threading.Lock()
LOCK = ".indexer.lock"
PUBLISHED = ".published"  # in a generation once it has been live: one without it was never finished
STORIES = "stories.json"  # written by searchapp.index.stories after each run


def current_generation(root: Path) -> Path | None:
    """The live generation folder, or None when no index has been published."""
    try:
        name = (root / POINTER).read_text(encoding="utf-8").strip()
    except (FileNotFoundError, NotADirectoryError):
        return None
    path = root / name
    return path if name and path.is_dir() else None


# What Whoosh raises on files it cannot read: truncated tables of contents and segments, damaged pickles.
UNREADABLE = (struct.error, pickle.UnpicklingError, EOFError, zlib.error, ValueError, KeyError, AttributeError,
              IndexError, TypeError)


def open_index(root: Path) -> Index | None:
    """The live index, or None when there is none yet; CorruptIndexError when its files cannot be read."""
    generation = current_generation(root)
    if generation is None:
        return None
    try:
        if not whoosh.index.exists_in(str(generation)):  # published, so once whole: its contents are gone
            raise CorruptIndexError(root, FileNotFoundError(f"no table of contents in {generation.name}"))
        return whoosh.index.open_dir(str(generation))
    except UNREADABLE as error:
        raise CorruptIndexError(root, error) from None


def open_generation(root: Path, generation: Path) -> Index:
    """One generation folder of the index in *root*, live or not (a shard opens the one its set names);
    CorruptIndexError when its files cannot be read."""
    try:
        return whoosh.index.open_dir(str(generation))
    except UNREADABLE as error:
        raise CorruptIndexError(root, error) from None


def index_exists(root: Path) -> bool:
    """Whether there is an index; CorruptIndexError when there is one whose files cannot be read."""
    return open_index(root) is not None


def drop_abandoned(root: Path) -> list[Path]:
    """Remove the generations a killed rebuild left behind, and return them: never published (no marker)
    and either never committed (no table of contents) or begun after the live one (killed between its
    commit and its publishing). A generation published before there were markers has a table of contents
    and is older than the live one. Call with the indexer lock held, so that none is being written."""
    live = current_generation(root)
    abandoned = [gen for gen in root.glob("gen-*") if gen.is_dir() and gen != live
                 and not (gen / PUBLISHED).exists()
                 and (not any(gen.glob("*.toc")) or live is None or _begun(gen) >= _begun(live))]
    for gen in abandoned:
        shutil.rmtree(gen, ignore_errors=True)
    return abandoned


def _begun(generation: Path) -> str:
    """When a generation was begun, as its name says (``gen-<YYYYmmddHHMMSS>-<random>``)."""
    return generation.name.split("-")[1]


def publish(root: Path, generation: Path) -> None:
    """Make *generation* the live index with one atomic rename, then drop older generations but the one
    it replaces (a server may be opening that one right now; it goes at the next publish)."""
    previous = current_generation(root)
    (generation / PUBLISHED).touch()
    temporary = root / f".{POINTER}.{os.getpid()}"
    temporary.write_text(generation.name + "\n", encoding="utf-8")
    with open(temporary, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(temporary, root / POINTER)
    for old in root.glob("gen-*"):
        if old not in (generation, previous) and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)  # open readers keep their files (POSIX)


@contextmanager
def indexer_lock(root: Path) -> Iterator[None]:
    """Exclusive right to write the index folder; IndexLockedError (naming the holder) when another
    indexer has it.

    A POSIX record lock (``lockf``), not ``flock``: it belongs to this process alone, so the worker
    processes it forks do not hold it, and the kernel releases it when the process ends however it
    ends (``kill -9`` included): a lock is never left stale.
    """
    root.mkdir(parents=True, exist_ok=True)
    key = str(root.resolve())
    with _HELD_LOCK:  # record locks do not exclude the process itself: its own indexers are counted here
        if key in _HELD:
            raise IndexLockedError(f"index is locked by another indexer (process {os.getpid()}, this one) "
                                   f"in {root}; wait for it to finish")
        _HELD.add(key)
    try:
        with open(root / LOCK, "a+") as handle:
            try:
                fcntl.lockf(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                handle.seek(0)
                holder = handle.read(40).strip() or "unknown"
                raise IndexLockedError(
                    f"index is locked by another indexer (process {holder}) in {root}; wait for it to finish"
                ) from None
            handle.seek(0)
            handle.truncate()
            handle.write(f"{os.getpid()}\n")
            handle.flush()
            try:
                yield
            finally:
                handle.truncate(0)
                fcntl.lockf(handle.fileno(), fcntl.LOCK_UN)
    finally:
        with _HELD_LOCK:
            _HELD.discard(key)


def generation_key(root: Path) -> tuple | None:
    """Changes whenever a rebuild is published or a commit is made (a few stat calls); None when
    there is no index."""
    try:
        pointer = os.stat(root / POINTER)
    except FileNotFoundError:
        return None
    generation = current_generation(root)
    if generation is None:
        return None
    try:  # the folder's time, its newest table of contents (a commit writes a new one), its stories
        key = (pointer.st_mtime_ns, pointer.st_ino, generation.name, os.stat(generation).st_mtime_ns,
               newest_toc(generation))
    except (FileNotFoundError, ValueError):
        return None
    try:
        return (*key, os.stat(generation / STORIES).st_mtime_ns)
    except FileNotFoundError:
        return (*key, 0)
