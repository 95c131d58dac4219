"""Writing segments with Whoosh 2.7.4's internals: the other half of the seam (`whoosh27` reads).

Whoosh's final flush is most of a segment's cost. A `fast_flush` writer writes the same files, byte for
byte, with less work: it keeps the field lengths it writes in memory instead of reading them back, and
groups postings by term as they arrive, so the flush sorts the terms (tens of thousands) instead of
every posting (millions; past the pool's size, sorted runs pickled to disk and merged), and hands each
term's postings to the posting writer a block at a time.
"""

from __future__ import annotations

import functools
from array import array
from collections.abc import Iterable
from typing import Any

from whoosh.index import Index
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import SegmentWriter

from searchapp.index import whoosh27  # noqa: F401 - its import checks the installed Whoosh's version
from searchapp.index.schema import TermPositions
from searchapp.index.term_pool import Postings, Term, TermPool, blocks


def segment_writer(index: Index, limitmb: int) -> SegmentWriter:
    """A writer of one new segment that takes no index lock: the run's main writer holds it and
    publishes every worker's segment in one table of contents (`commit_segments`)."""
    return fast_flush(SegmentWriter(index, _lk=False, limitmb=limitmb, compound=False))


def fast_flush(writer: SegmentWriter) -> SegmentWriter:
    """*writer*, keeping the field lengths and the postings of what it adds (documents, and the segments it
    merges) in memory, grouped by term, for its final flush; the files it writes are Whoosh's own. A schema
    with term vectors or spelling lists (none of searchapp's) keeps Whoosh's own writing: their postings
    do not arrive in document order."""
    if any(field.vector or field.separate_spelling() for _name, field in writer.schema.items()):
        return writer
    lengths = _WrittenLengths()
    perdoc = writer.perdocwriter
    add_field = perdoc.add_field

    def add_field_and_length(fieldname: str, fieldobj: Any, value: Any, length: int) -> None:
        add_field(fieldname, fieldobj, value, length)
        if length:
            lengths.add(fieldname, perdoc._docnum, length)

    perdoc.add_field = add_field_and_length
    writer.pool = TermPool(writer._tempstorage.folder, writer.pool.limit)

    def flush_segment() -> None:
        writer.perdocwriter.close()
        _write_terms(writer.fieldwriter, writer.schema, lengths, writer.pool.terms())
        writer.fieldwriter.close()

    writer._flush_segment = flush_segment
    writer.add_document = functools.partial(_add_document, writer)
    return writer


def _add_document(writer: SegmentWriter, **fields: Any) -> None:
    """Whoosh's `SegmentWriter.add_document` (for a schema without term vectors or spelling lists), a text
    field's terms added to the pool in one call from the words its analyzer remembers, not a generator of
    tuples a term; the same postings, stored values and lengths."""
    writer._check_state()
    perdoc, schema, docnum, pool = writer.perdocwriter, writer.schema, writer.docnum, writer.pool
    docboost = writer._doc_boost(fields)
    fieldnames = sorted(name for name in fields if not name.startswith("_"))
    writer._check_fields(schema, fieldnames)
    perdoc.start_doc(docnum)
    for fieldname in fieldnames:
        value = fields.get(fieldname)
        if value is None:
            continue
        field = schema[fieldname]
        length = 0
        if field.indexed:
            fieldboost = writer._field_boost(fields, fieldname, docboost)
            form = field.format
            found = form.term_positions(value, field.analyzer) if isinstance(form, TermPositions) else None
            if found is not None:
                length = pool.add_positions(fieldname, docnum, found, form.encode, form.field_boost, fieldboost)
                if not field.scorable:
                    length = 0
            else:
                for btext, freq, weight, vbytes in field.index(value):
                    if field.scorable:
                        length += freq
                    pool.add((fieldname, btext, docnum, weight * fieldboost, vbytes))
        stored = fields.get(f"_stored_{fieldname}", value)
        perdoc.add_field(fieldname, field, stored if field.stored else None, length)
        if field.column_type and stored is not None:
            perdoc.add_column_value(fieldname, field.column_type, field.to_column_value(stored))
    perdoc.finish_doc()
    writer._added = True
    writer.docnum += 1


def finish_segment(writer: SegmentWriter) -> Any | None:
    """Flush a `segment_writer`'s documents as a segment (picklable); None when it wrote nothing."""
    if writer._added:
        return writer._finalize_segment()
    writer._close_segment()
    return None


def commit_segments(writer: SegmentWriter, segments: list[Any]) -> None:
    """Commit *writer* (its deletions, and the small segments Whoosh's merge policy hands it) together
    with the segments written by `segment_writer`s, in one new table of contents."""
    final = writer._merge_segments(None, None, None)
    if writer._added:
        final.append(writer._finalize_segment())
    else:
        writer._close_segment()
    writer._commit_toc(final + [s for s in segments if s is not None])
    writer._finish()


_LENGTH_OF_BYTE = [byte_to_length(b) for b in range(256)]


class _WrittenLengths:
    """The field lengths of the documents a writer adds (as the length byte Whoosh stores), kept as it adds
    them. Whoosh's final flush asks the length of every posting's document, for the blocks' length
    statistics, and read them back from the length columns it had just written: a third of the flush."""

    def __init__(self) -> None:
        self._bytes: dict[str, bytearray] = {}

    def add(self, fieldname: str, docnum: int, length: int) -> None:
        column = self._bytes.setdefault(fieldname, bytearray())
        if len(column) <= docnum:
            column.extend(bytes(docnum + 1 - len(column)))
        column[docnum] = length_to_byte(length)

    def lengths(self, fieldname: str, docnums: list[int]) -> list[int]:
        """As Whoosh's reader answers, for the blocks' statistics: 0 for no length."""
        column = self._bytes.get(fieldname, b"")
        size = len(column)
        return [_LENGTH_OF_BYTE[column[d]] if d < size else 0 for d in docnums]


def _write_terms(fieldwriter: Any, schema: Any, lengths: _WrittenLengths, terms: Iterable[Term]) -> None:
    """What Whoosh's `FieldWriter.add_postings` does a posting at a time, a block at a time: the same calls
    of the term table and the same blocks, with the same statistics."""
    fieldname = None
    for next_field, btext, parts in terms:
        if next_field != fieldname:
            if fieldname is not None:
                fieldwriter.finish_field()
            fieldname = next_field
            fieldwriter.start_field(fieldname, schema[fieldname])
        fieldwriter.start_term(btext)
        postwriter = fieldwriter._postwriter
        for number, block in enumerate(blocks(parts, postwriter._blocklimit)):
            if number:
                postwriter._write_block()  # a full block is written when the next posting comes
            _fill_block(postwriter, block, lengths, fieldname)
        fieldwriter.finish_term()
    if fieldname is not None:
        fieldwriter.finish_field()


def _fill_block(postwriter: Any, postings: Postings, lengths: _WrittenLengths, fieldname: str) -> None:
    """Buffer a block of postings as `add_posting` does one by one (the weights as 32-bit floats, the
    largest weight and the shortest and longest non-zero field lengths)."""
    docnums = [posting[0] for posting in postings]
    weights = [posting[1] for posting in postings]
    postwriter._ids = array("I", docnums)
    postwriter._weights = array("f", weights)
    postwriter._values = [posting[2] for posting in postings if posting[2]]
    postwriter._maxweight = max(0, *weights)
    present = [length for length in lengths.lengths(fieldname, docnums) if length]
    postwriter._minlength = min(present) if present else None
    postwriter._maxlength = max(present) if present else 0
