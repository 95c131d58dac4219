"""Progress of a long run (indexing, evaluation), for a terminal or a log."""

from __future__ import annotations

import sys
import time


class Progress:
    """A one-line progress bar on a terminal; a line every 10% otherwise (logs)."""

    def __init__(self, total: int, stream=sys.stderr, label: str = "indexing") -> None:
        self.total, self.stream, self.label = total, stream, label
        self.done = 0
        self.started = time.monotonic()
        self.tty = hasattr(stream, "isatty") and stream.isatty()
        self._last_tenth = 0

    def advance(self, count: int = 1) -> None:
        self.done += count
        if not self.total:
            return
        elapsed = time.monotonic() - self.started
        rate = self.done / elapsed if elapsed else 0.0
        if self.tty:
            width = 30
            filled = int(width * self.done / self.total)
            bar = "#" * filled + "-" * (width - filled)
            self.stream.write(f"\r{self.label} [{bar}] {self.done}/{self.total} {rate:.0f} docs/s")
            if self.done >= self.total:
                self.stream.write("\n")
            self.stream.flush()
        elif self.total >= 1000 and self.done * 10 // self.total > self._last_tenth:
            self._last_tenth = self.done * 10 // self.total
            self.stream.write(f"{self.label}: {self.done}/{self.total} ({rate:.0f} docs/s)\n")
            self.stream.flush()
