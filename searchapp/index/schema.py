"""The Whoosh schema of searchapp's index.

Text fields hold, at each position, the Sastrawi root of the word and (when it differs) the word as
written, marked ``=`` (see `searchapp.analysis`): one field answers stem queries, exact-form queries and
phrases. Title and body are separate fields so that BM25F weighs the title higher.
"""

from __future__ import annotations

from collections.abc import Iterator

from whoosh.analysis import CompositeAnalyzer
from whoosh.columns import VarBytesColumn
from whoosh.fields import COLUMN, DATETIME, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.formats import Positions

from searchapp.config import Settings
from searchapp.index.analysis import WordMemoAnalyzer, build_analyzer


class TermPositions(Positions):
    """Whoosh's `Positions` postings, gathered from the analyzer's remembered words without a token
    object a word (the same terms, weights and encoded positions)."""

    def word_values(self, value, analyzer, **kwargs) -> Iterator[tuple[str, int, float, bytes]]:
        found = self.term_positions(value, analyzer) if kwargs.get("mode") == "index" else None
        if found is None:
            yield from super().word_values(value, analyzer, **kwargs)
            return
        boost = self.field_boost
        for term, positions in found.items():
            yield term, len(positions), float(len(positions)) * boost, self.encode(positions)

    @staticmethod
    def term_positions(value: object, analyzer: object) -> dict[str, list[int]] | None:
        """Each term *value* is indexed under with its positions, when the analyzer remembers its words
        (else None: Whoosh's way, a token at a time)."""
        if isinstance(analyzer, WordMemoAnalyzer) and analyzer.remembers and isinstance(value, str):
            return analyzer.positions(value)
        return None


def _text(analyzer: CompositeAnalyzer, stored: bool, field_boost: float = 1.0) -> TEXT:
    field = TEXT(analyzer=analyzer, stored=stored, field_boost=field_boost)
    field.format = TermPositions(field_boost=field_boost)
    return field


def configured_analyzer(settings: Settings) -> CompositeAnalyzer:
    """The analyzer of the text fields, as the configuration sets it up."""
    return build_analyzer(settings.load_stopwords(), settings.stem_exclusions, settings.stemming)


def build_schema(settings: Settings) -> Schema:
    analyzer = configured_analyzer(settings)
    title_boost = settings.title_boost
    return Schema(
        id=ID(unique=True, stored=True, sortable=True),
        title=_text(analyzer, stored=True, field_boost=title_boost),
        body=_text(analyzer, stored=True),  # without publisher boilerplate
        raw=STORED,  # the body as read, when boilerplate was removed from it
        outlet=ID(stored=True, sortable=True),  # slug; absent when unknown
        outlet_name=STORED,
        date=DATETIME(stored=True, sortable=True),  # the day as printed; absent when unknown
        published=NUMERIC(bits=64, signed=True, stored=False, sortable=True),  # epoch seconds, when a time is stated
        published_at=STORED,  # the stated moment, ISO with its zone
        updated=STORED,  # the stated moment is the site's last update
        summary=STORED,
        category=ID(stored=True, sortable=True),
        people=KEYWORD(stored=True, commas=True, scorable=False, lowercase=False),
        reporter=STORED,
        editor=STORED,
        url=STORED,
        source=STORED,
        content_hash=COLUMN(VarBytesColumn()),  # read back per document for incremental runs
        fingerprint=COLUMN(VarBytesColumn()),  # MinHash of the text, to group copies into stories
    )
