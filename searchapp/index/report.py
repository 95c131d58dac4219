"""What an indexing run did: articles added, updated, deleted, left out, skipped (with why), and the
seconds of each step."""

from __future__ import annotations

from dataclasses import dataclass, field

from searchapp.ingest.corpus import Article
from searchapp.ingest.files import Skipped


@dataclass
class IndexReport:
    added: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    replaced: int = 0  # older versions of an article (the same URL or id) left out for the newest
    in_stories: int = 0  # articles that have copies (grouped into stories)
    phases: dict[str, float] = field(default_factory=dict)  # seconds of each step of the run
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    rebuilt: bool = False

    @property
    def written(self) -> int:
        return self.added + self.updated

    @property
    def docs_per_second(self) -> float:
        return self.written / self.seconds if self.seconds else 0.0

    def count(self, article: Article, known: dict[str, str]) -> bool:
        """Count *article* as added or updated; True when it replaces a version in the index."""
        replaces = article.id in known
        if replaces:
            self.updated += 1
        else:
            self.added += 1
        return replaces

    def summary(self) -> str:
        lines = [
            f"{'Rebuilt' if self.rebuilt else 'Updated'} index: {self.added} added, {self.updated} updated, "
            f"{self.deleted} deleted, {self.unchanged} unchanged, {self.replaced} older versions left out, "
            f"{len(self.skipped)} skipped in {self.seconds:.1f} s ({self.docs_per_second:.0f} docs/s); "
            f"{self.in_stories} articles have copies (grouped into stories)"
        ]
        if self.phases:
            lines.append("  steps: " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in self.phases.items()))
        lines += [f"  skipped {item}" for item in self.skipped]
        lines += [f"  warning {item}" for item in self.warnings]
        return "\n".join(lines)
