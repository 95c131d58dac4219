"""Every use of Whoosh 2.7.4's internals, in two modules: this one reads, `whoosh27_writing` writes.

The search fast path reads posting blocks, columns and segment writers below Whoosh's public API. Those
parts are private and differ between Whoosh releases and its forks (which install into the same
``whoosh`` package), so this module checks the version at import and only these two touch them: a
Whoosh upgrade is a change to them and their tests (`tests/test_whoosh27.py`), nowhere else.
"""

from __future__ import annotations

import os
import sys
from array import array
from bisect import bisect_right
from collections.abc import Iterator
from itertools import accumulate
from typing import Any

import whoosh
from whoosh.codec.whoosh3 import W3Codec, W3PerDocReader
from whoosh.index import Index
from whoosh.reading import IndexReader, TermNotFound
from whoosh.scoring import BM25F

from searchapp.errors import SearchappError

SUPPORTED = (2, 7, 4)

if tuple(whoosh.__version__[:3]) != SUPPORTED:
    raise SearchappError(
        f"searchapp needs Whoosh {'.'.join(map(str, SUPPORTED))}, but Whoosh "
        f"{whoosh.versionstring()} is installed ({os.path.dirname(whoosh.__file__)}); "
        f"run: pip install 'Whoosh=={'.'.join(map(str, SUPPORTED))}'"
    )


def alias_moved_modules() -> None:
    """Indexes pickle their analyzer by module path: those written before the analysis moved to
    ``searchapp.index.analysis`` name ``searchapp.analysis``, which must still unpickle."""
    from searchapp.index import analysis

    sys.modules.setdefault("searchapp.analysis", analysis)


alias_moved_modules()


# -- postings ---------------------------------------------------------------------------------------

def _leaf_matchers(reader: IndexReader, field: str, text: str) -> Iterator[tuple[Any, frozenset | None, int]]:
    """Per segment: the raw posting matcher of the term, the deleted document numbers it must skip
    (Whoosh wraps it in a FilterMatcher), and the segment's offset in the reader's numbering."""
    for segment, offset in reader.leaf_readers():
        try:
            matcher = segment.postings(field, text)
        except (TermNotFound, KeyError):
            continue
        deleted = None
        if type(matcher).__name__ == "FilterMatcher":
            deleted, matcher = matcher._ids, matcher.child
        yield matcher, deleted, offset


def _blocks(matcher) -> Iterator[tuple[list[int], Any, Any, int]]:
    """Each posting block of a leaf matcher: ids (segment numbering), raw weights, raw values, length."""
    while matcher.is_active():
        if matcher._data is None:
            matcher._read_data()
        raw_ids = matcher._data[0]
        ids = raw_ids if matcher._byteids else list(accumulate(raw_ids))
        yield ids, matcher._data[1], matcher._data[2], matcher._blocklength
        matcher._next_block()


def _is_block_matcher(matcher) -> bool:
    return hasattr(matcher, "_read_data") and hasattr(matcher, "_next_block")


def read_postings(reader: IndexReader, field: str, text: str) -> tuple[array, array]:
    """Live document numbers (the reader's numbering, ascending per segment) and weights of a term,
    decoded a whole block (up to 128 postings) at a time."""
    ids: list[int] = []
    weights: list[float] = []
    for matcher, deleted, offset in _leaf_matchers(reader, field, text):
        segment_ids: list[int] = []
        segment_weights: list[float] = []
        if not _is_block_matcher(matcher):
            while matcher.is_active():
                segment_ids.append(matcher.id())
                segment_weights.append(matcher.weight())
                matcher.next()
        else:
            for block_ids, raw_weights, _values, count in _blocks(matcher):
                segment_ids.extend(block_ids)
                if raw_weights is None:
                    segment_weights.extend([1.0] * count)
                elif isinstance(raw_weights, float):
                    segment_weights.extend([raw_weights] * count)
                else:
                    segment_weights.extend(raw_weights)
        if deleted:
            kept = [i for i, d in enumerate(segment_ids) if d not in deleted]
            segment_ids = [segment_ids[i] for i in kept]
            segment_weights = [segment_weights[i] for i in kept]
        ids.extend(segment_ids if not offset else (d + offset for d in segment_ids))
        weights.extend(segment_weights)
    return array("i", ids), array("f", weights)


def read_positions(reader: IndexReader, field: str, text: str, wanted: set[int]) -> dict[int, list[int]]:
    """Word positions of the term in each of the *wanted* documents (reader numbering) that hold it; a
    block none of them can be in (by the highest id its header gives) is never read."""
    decode = reader.schema[field].format.decode_positions
    found: dict[int, list[int]] = {}
    ordered = sorted(wanted)
    for matcher, _deleted, offset in _leaf_matchers(reader, field, text):
        if not _is_block_matcher(matcher):
            while matcher.is_active():
                if matcher.id() + offset in wanted:
                    found[matcher.id() + offset] = list(matcher.value_as("positions"))
                matcher.next()
            continue
        after = -1  # the highest id of the blocks before (segment numbering)
        while matcher.is_active():
            highest = matcher.block_max_id()
            first = bisect_right(ordered, after + offset)
            if first < len(ordered) and ordered[first] <= highest + offset:
                if matcher._data is None:
                    matcher._read_data()
                raw_ids, values = matcher._data[0], matcher._data[2]
                for i, docnum in enumerate(raw_ids if matcher._byteids else accumulate(raw_ids)):
                    if docnum + offset in wanted:
                        found[docnum + offset] = decode(values[i])
            after = highest
            matcher._next_block()
    return found


# -- columns ----------------------------------------------------------------------------------------

def column_values(reader: IndexReader, field: str, translate: bool = False) -> list[Any]:
    """The column value (raw unless *translate*) of every document number of *reader*; None where a
    document has no value (Whoosh fills in the column type's default) and in segments without the column.

    Whoosh 2.7.4's multi-segment column reader skips segments that lack the column and then maps
    document numbers to the wrong segment (an index whose first segment holds no date failed every
    request), so each segment is read on its own, at its own offset. A segment a later commit deleted
    (merged away) is a FileNotFoundError, not a segment without the column.
    """
    values: list[Any] = [None] * reader.doc_count_all()
    for segment, offset in reader.leaf_readers():
        if field not in segment.schema or not segment.doc_count_all():  # an empty index reads as no segment
            continue
        if not segment.has_column(field):
            if not segment.storage().file_exists(segment.segment().make_filename(W3Codec.TERMS_EXT)):
                raise FileNotFoundError(f"segment {segment.segment().segment_id()} was deleted by a later commit")
            continue
        column_type = segment.schema[field].column_type
        empty = column_type.default_value()
        raw = segment.column_reader(field, translate=False)
        translated = segment.column_reader(field, translate=True) if translate else raw
        for docnum in range(segment.doc_count_all()):
            if raw[docnum] != empty:
                values[offset + docnum] = translated[docnum]
    return values


def read_toc(index: Index) -> Any:
    """The index's table of contents as it is now: its schema, segments and generation."""
    return index._read_toc()


def read_toc_at(index: Index, generation: int) -> Any:
    """The table of contents of one commit of the index (a shard opens the one its set names, not a later
    one); FileNotFoundError when it is gone."""
    from whoosh.index import TOC

    return TOC.read(index.storage, index.indexname, gen=generation, schema=index._schema)


def toc_number(name: str) -> int:
    """The commit a table of contents file is of (``_MAIN_7.toc`` → 7)."""
    return int(name.rsplit("_", 1)[-1].split(".")[0])


def reader_at(index: Index, toc: Any) -> IndexReader:
    """A new reader of the segments *toc* lists: many readers of one state of the index (one per
    thread: a reader's files are not safe to share), whatever commits came since.

    Whoosh opens a segment's stored fields and field lengths on first use, and a commit that merged the
    segment away has deleted them by then: Whoosh answered as if the segment had none (stored fields
    ``None``, a 500). They are opened here, with the reader; an open file outlives its deletion.
    FileNotFoundError when a commit has already deleted them."""
    reader = index._reader(index.storage, toc.schema, toc.segments, toc.generation)
    try:
        for leaf, _offset in reader.leaf_readers():
            if not leaf.doc_count_all():  # an empty index (a shard no article was routed to): no files
                continue
            perdoc = leaf._perdoc
            for field in _per_document_columns(leaf.schema):
                if field not in perdoc._colfiles and (field == "_stored" or _FILE_HAS_COLUMN(perdoc, field)):
                    perdoc._colfiles[field] = perdoc._get_column_file(field)
    except BaseException:
        reader.close()
        raise
    return reader


def _per_document_columns(schema: Any) -> list[str]:
    """The columns every search reads, a file each in a segment: the stored fields (always there) and each
    scored field's lengths (there when a document of the segment has the field)."""
    return ["_stored"] + [f"_{name}_len" for name, field in schema.items() if field.scorable]


def _has_column(perdoc: W3PerDocReader, field: str) -> bool:
    """A column opened with its reader is there, whatever became of its file."""
    return field in perdoc._colfiles or _FILE_HAS_COLUMN(perdoc, field)


_FILE_HAS_COLUMN = W3PerDocReader.has_column
W3PerDocReader.has_column = _has_column


def field_b(weighting: BM25F, field: str) -> float:
    """BM25F's length normalisation *b* for a field (Whoosh keeps the per-field values privately)."""
    return weighting._field_B.get(field, weighting.B)


def newest_toc(folder: str | os.PathLike) -> str:
    """Name of the newest table of contents in an index folder (``_MAIN_<generation>.toc``): each
    commit writes a new one, so it changes whenever the index does."""
    tocs = [name for name in os.listdir(folder) if name.endswith(".toc")]
    return max(tocs, key=toc_number, default="")
