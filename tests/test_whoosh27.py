"""The Whoosh seam against real indexes on disk: what a reader of one state of the index can still read
after a later commit merged its segments away and deleted their files (a server searching while
`searchapp index` adds articles)."""

import pytest
import whoosh.index
from whoosh.fields import ID, TEXT, Schema

from searchapp.index.whoosh27 import column_values, read_toc, reader_at

SCHEMA = Schema(id=ID(stored=True, sortable=True), body=TEXT(stored=True))


@pytest.fixture
def index(tmp_path):
    """An index of two segments (two commits, not merged), the files of its first state listed."""
    ix = whoosh.index.create_in(tmp_path, SCHEMA)
    for first in (0, 3):
        writer = ix.writer(compound=False)  # as the indexer writes them
        for n in range(first, first + 3):
            writer.add_document(id=f"a{n}", body=f"berita nomor {n} tentang banjir")
        writer.commit(merge=False)
    return ix


def merge_everything(ix) -> set[str]:
    """Commit one more article with every segment merged into one; the segment files that deleted."""
    before = set(ix.storage.list())
    writer = ix.writer(compound=False)
    writer.add_document(id="a6", body="berita baru")
    writer.commit(optimize=True)
    return {name for name in before - set(ix.storage.list()) if not name.endswith(".toc")}


def test_a_reader_reads_stored_fields_and_lengths_after_a_commit_deleted_its_segments(index):
    toc = read_toc(index)
    with reader_at(index, toc) as before:
        lengths = [before.doc_field_length(docnum, "body") for docnum in range(6)]
    reader = reader_at(index, toc)  # a searcher's reader, first used after the commit
    try:
        deleted = merge_everything(index)
        assert any(name.endswith("._stored.col") for name in deleted)  # the race, for real
        stored = [reader.stored_fields(docnum) for docnum in range(reader.doc_count_all())]
        assert [fields["id"] for fields in stored] == [f"a{n}" for n in range(6)]
        assert [reader.doc_field_length(docnum, "body") for docnum in range(6)] == lengths
        assert all(lengths)
    finally:
        reader.close()


def test_the_columns_of_a_segment_a_commit_deleted_are_file_not_found_not_empty(index):
    reader = reader_at(index, read_toc(index))
    try:
        assert column_values(reader, "id", translate=True) == [f"a{n}" for n in range(6)]
        fresh = reader_at(index, read_toc(index))
        merge_everything(index)
        with pytest.raises(FileNotFoundError, match="deleted by a later commit"):
            column_values(fresh, "id", translate=True)  # never opened: not read as "no ids"
        fresh.close()
    finally:
        reader.close()


def _segment_files(ix) -> dict[str, bytes]:
    """The files of the index's segments by extension (segment names are random; their contents are not)."""
    return {name.partition(".")[2]: ix.storage.open_file(name).read()
            for name in ix.storage.list() if name.startswith("MAIN_") and "." in name}


@pytest.mark.parametrize(("limitmb", "open_runs"), [(256, 100), (1, 100), (1, 2)])
def test_a_fast_flush_writes_the_same_segment_as_whoosh(tmp_path, monkeypatch, limitmb, open_runs):
    """Field lengths kept in memory and postings grouped by term: the segment written is byte for byte
    Whoosh's own, merges of earlier segments (with deletions, and articles without a body) included, in
    one pool and (1 MB) in several sorted runs written to disk and merged (and, past the runs merged at
    once, first merged in groups), terms of several blocks too."""
    from searchapp.index import term_pool
    from searchapp.index.whoosh27_writing import fast_flush

    monkeypatch.setattr(term_pool, "MAX_OPEN_RUNS", open_runs)

    bodies = [" ".join(["banjir"] * (n % 7 + 1) + ["jakarta", f"kata{n}"] * (n % 3 + 1)
                       + [f"w{(n * k) % 997}" for k in range(40)]) for n in range(1200)]
    indexes = []
    for name, wrap in (("plain", lambda w: w), ("fast", fast_flush)):
        (tmp_path / name).mkdir()
        ix = whoosh.index.create_in(tmp_path / name, SCHEMA)
        for first in (0, 600):  # two commits: the second merges the first segment, less two deleted, into its own
            writer = wrap(ix.writer(compound=False, limitmb=limitmb))
            for n in range(first, first + 600):
                if n % 50 == 7:
                    writer.add_document(id=f"a{n}")  # an article without a body: no length
                else:
                    writer.add_document(id=f"a{n}", body=bodies[n])
            if first:
                writer.delete_by_term("id", "a3")
                writer.delete_by_term("id", "a100")
            writer.commit(optimize=first > 0)
        indexes.append(ix)
    plain, fast = (_segment_files(ix) for ix in indexes)
    assert set(plain) == set(fast) and "pst" in plain
    assert plain == fast
    assert not [path for path in (tmp_path / "fast").rglob("*") if path.suffix in (".terms", ".tmp")]  # runs removed


def test_searchapp_documents_are_written_as_whoosh_writes_them(tmp_path):
    """searchapp's schema (titles weighed higher, positions from the analyzer's remembered words, people,
    dates, columns, stored values): a `fast_flush` writer, whose `add_document` adds a text field's terms
    in one call, writes the segment Whoosh's own writer writes, byte for byte."""
    import datetime as dt

    from conftest import make_settings

    from searchapp.index.schema import build_schema
    from searchapp.index.whoosh27_writing import fast_flush

    settings = make_settings(tmp_path / "corpus", tmp_path / "index")
    schema = build_schema(settings)
    documents = []
    for n in range(300):
        body = (f"Presiden Joko Widodo meresmikan bendungan ke-{n} di Jawa Tengah, Senin. Banjir melanda "
                f"{'Jakarta dan Bekasi' if n % 3 else 'Semarang'} setelah hujan deras; warga mengungsi. " * (n % 4 + 1))
        document = {"id": f"a{n}", "title": f"Banjir {n} di Jakarta, Jokowi meninjau" if n % 5 else "",
                    "_stored_title": f"Banjir {n}", "body": body, "people": "Joko Widodo,Anies Baswedan",
                    "_stored_people": ["Joko Widodo", "Anies Baswedan"], "outlet": "kompas",
                    "date": dt.datetime(2020, 1, 1 + n % 28), "content_hash": f"{n:08x}".encode("ascii"),
                    "published": 1577836800 + n * 3600, "fingerprint": bytes([n % 256]) * 8}
        if n % 40 == 9:
            document = {"id": f"a{n}", "content_hash": b"0"}  # nothing indexed: no lengths
        documents.append(document)
    indexes = []
    for name, wrap in (("plain", lambda w: w), ("fast", fast_flush)):
        (tmp_path / name).mkdir()
        ix = whoosh.index.create_in(tmp_path / name, schema)
        writer = wrap(ix.writer(compound=False))
        for document in documents:
            writer.add_document(**document)
        writer.commit()
        indexes.append(ix)
    plain, fast = (_segment_files(ix) for ix in indexes)
    assert plain == fast and "pst" in plain
    with indexes[1].searcher() as searcher:
        assert searcher.doc_frequency("title", "banjir") == sum(1 for d in documents if d.get("title"))


def test_a_schema_with_spelling_lists_keeps_whooshs_own_writing(tmp_path):
    """Whoosh numbers a spelling list's postings 0, out of document order: no grouped pool for them."""
    from whoosh.analysis import StemmingAnalyzer

    from searchapp.index.term_pool import TermPool
    from searchapp.index.whoosh27_writing import fast_flush

    spelled = Schema(id=ID(stored=True), body=TEXT(analyzer=StemmingAnalyzer(), spelling=True))
    ix = whoosh.index.create_in(tmp_path, spelled)
    writer = fast_flush(ix.writer())
    assert not isinstance(writer.pool, TermPool)
    writer.add_document(id="a1", body="banjir melanda kota")
    writer.commit()
    with ix.searcher() as searcher:
        assert searcher.document(id="a1") == {"id": "a1"}
    (tmp_path / "plain").mkdir()
    plain = fast_flush(whoosh.index.create_in(tmp_path / "plain", SCHEMA).writer())
    assert isinstance(plain.pool, TermPool)  # without spelling lists: grouped
    plain.cancel()
