"""Stories at search time: which live articles are copies of one another (`searchapp.index.stories`),
as a per-generation table of document numbers, so that a result page shows each story once."""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterable

import numpy as np
from whoosh.reading import IndexReader

from searchapp.index.whoosh27 import column_values

MAX_COPIES = 50  # other articles of a story listed with a hit


class StoryTable:
    """For each document number of one reader: its story number (its own when it has no copies), and the
    live members of every story that has more than one (in article id order, as across shards)."""

    def __init__(self, reader: IndexReader, stories: dict[str, str]) -> None:
        size = reader.doc_count_all()
        ids = column_values(reader, "id", translate=True)
        self.ids = ids
        numbers: dict[str, int] = {}
        self.story_of = list(range(size))
        self.name_of: dict[int, str] = {}
        self.members: dict[int, list[int]] = {}
        for docnum in sorted(reader.all_doc_ids(), key=lambda d: ids[d]):
            name = stories.get(ids[docnum])
            if name is None:
                continue
            number = numbers.setdefault(name, size + len(numbers))
            self.story_of[docnum] = number
            self.name_of[number] = name
            self.members.setdefault(number, []).append(docnum)
        self._story_array = np.array(self.story_of, dtype=np.int64)
        self.briefs: dict[int, dict] = {}  # copies in brief, read once per generation (see Articles.copy)

    def count(self, docnums: Collection[int]) -> int:
        """How many stories the documents tell."""
        if not self.members:  # no copies in the index: every article is a story
            return len(docnums)
        chosen = np.fromiter(docnums, dtype=np.int64, count=len(docnums))
        return int(np.unique(self._story_array[chosen]).size)

    def parts(self, docnums: Collection[int]) -> tuple[int, set[str]]:
        """How many of the documents are in no story of several articles, and the stories of the others
        (what the stories of several shards are counted from)."""
        named = {self.name_of[n] for n in map(self.story_of.__getitem__, docnums) if n in self.name_of}
        lone = sum(1 for d in docnums if self.story_of[d] not in self.name_of)
        return lone, named

    def story_key(self, docnum: int) -> str:
        """The story's name, else (a story of its own) the article's id: one key across shards."""
        return self.name_of.get(self.story_of[docnum]) or self.ids[docnum]

    def named(self, name: str) -> list[int]:
        """The live articles of the story *name* (in id order)."""
        numbers = self._numbers_by_name
        return list(self.members.get(numbers[name], ())) if name in numbers else []

    @functools.cached_property
    def _numbers_by_name(self) -> dict[str, int]:
        return {name: number for number, name in self.name_of.items()}

    def copies(self, docnum: int) -> list[int]:
        """The other live articles of the document's story."""
        return [d for d in self.members.get(self.story_of[docnum], ()) if d != docnum][:MAX_COPIES]

    def collapse(self, ranked: Iterable[tuple[int, float | None]], seen: set[int],
                 wanted: int) -> list[tuple[int, float | None]]:
        """The first *wanted* of *ranked* whose story is not in *seen* (which is updated): each story once,
        at its best-ranked article."""
        kept = []
        for docnum, score in ranked:
            if len(kept) >= wanted:
                break
            story = self.story_of[docnum]
            if story not in seen:
                seen.add(story)
                kept.append((docnum, score))
        return kept
