"""The files of a corpus folder: which are articles to read, and which are passed over and why (links
out of the corpus or in a loop, FIFOs and devices, folders that cannot be read)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

ARTICLE_SUFFIXES = {".txt", ".md"}
RECORD_SUFFIXES = {".jsonl", ".json"}
SUFFIXES = ARTICLE_SUFFIXES | RECORD_SUFFIXES
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Skipped:
    """A file or record that was not indexed, and why."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def printable(text: str) -> str:
    """*text* with what cannot be written as UTF-8 replaced (a file name in another encoding, a lone
    surrogate from a JSON escape such as ``"\\ud800"``): it is shown, stored and indexed safely."""
    return _SURROGATE.sub("\ufffd", text)


def corpus_files(root: Path) -> list[Path]:
    """Article files below *root*, in a stable order (see `corpus_entries`)."""
    return [entry for entry in corpus_entries(root) if isinstance(entry, Path)]


def corpus_entries(root: Path) -> list[Path | Skipped]:
    """Article files below *root*, in a stable order, and what was passed over with the reason: a link
    leading out of the corpus (or in a loop), a FIFO or device, a folder that cannot be read. Hidden
    files and folders are ignored; links within the corpus are read (a linked folder once)."""
    root = Path(root)
    found: list[Path | Skipped] = []
    top = root.resolve()

    def unreadable(error: OSError) -> None:
        where = Path(error.filename).relative_to(root).as_posix() if error.filename else str(root)
        found.append(Skipped(printable(where), f"folder cannot be read ({error.strerror or error})"))

    for folder, folders, files in os.walk(root, onerror=unreadable, followlinks=False):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(folders):
            linked = Path(folder) / name
            if linked.is_symlink():  # os.walk does not enter it: read what it links to, if it is ours
                found += _linked_folder(root, top, linked)
        for name in files:
            path = Path(folder) / name
            if name.startswith(".") or path.suffix.lower() not in SUFFIXES:
                continue
            found.append(_entry(root, top, path))
    return sorted(found, key=lambda entry: str(entry) if isinstance(entry, Path) else str(root / entry.source))


def _linked_folder(root: Path, top: Path, linked: Path) -> list[Path | Skipped]:
    source = printable(linked.relative_to(root).as_posix())
    try:
        target = linked.resolve(strict=True)
    except (OSError, RuntimeError):
        return [Skipped(source, "a link that leads nowhere (or in a loop)")]
    if not target.is_relative_to(top):
        return [Skipped(source, f"a link out of the corpus (to {target}): not read")]
    return []  # a folder of the corpus itself: its files are read where they are


def _entry(root: Path, top: Path, path: Path) -> Path | Skipped:
    source = printable(path.relative_to(root).as_posix())
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return Skipped(source, "a link that leads nowhere (or in a loop)")
    if not target.is_relative_to(top):
        return Skipped(source, f"a link out of the corpus (to {target}): not read")
    if not target.is_file():
        return Skipped(source, "not a regular file (a FIFO, socket or device): not read")
    if path.is_symlink():
        return Skipped(source, f"a link to {target.relative_to(top).as_posix()}, read there")
    return path
