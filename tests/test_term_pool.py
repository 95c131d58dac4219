"""A segment writer's term pool: postings grouped by term, spilled to sorted runs past its limit and read
back in term order, each term's postings in document order (`searchapp.index.term_pool`; that the segment
written from it is Whoosh's own, byte for byte, is in test_whoosh27.py)."""

import pytest
from whoosh.formats import Positions

from searchapp.index import term_pool
from searchapp.index.term_pool import TermPool


def _fill(pool: TermPool) -> list[tuple[str, bytes, int, float, bytes]]:
    """Add 300 documents' postings in both ways the writer adds them; what Whoosh would expect back."""
    expected = []
    encode = Positions().encode
    for docnum in range(300):
        found = {"banjir": [0, 7] if docnum % 3 else [4], f"kata{docnum % 17}": [1], "jakarta": [2, 3, 9]}
        pool.add_positions("body", docnum, found, encode, 2.0, 1.5)
        expected += [("body", term.encode(), docnum, float(len(positions)) * 2.0 * 1.5, encode(positions))
                     for term, positions in found.items()]
        pool.add(("id", f"a{docnum}".encode(), docnum, 1.0, None))  # a field without values
        expected.append(("id", f"a{docnum}".encode(), docnum, 1.0, b""))
    return sorted(expected, key=lambda posting: (posting[0], posting[1], posting[2]))


@pytest.mark.parametrize(("limit", "open_runs"), [(1 << 30, 100), (4000, 100), (4000, 2)])
def test_the_pool_gives_back_every_posting_in_term_then_document_order(tmp_path, monkeypatch, limit, open_runs):
    """In memory, in several runs on disk, and in more runs than are merged at once."""
    monkeypatch.setattr(term_pool, "MAX_OPEN_RUNS", open_runs)
    pool = TermPool(str(tmp_path), limit)
    expected = _fill(pool)
    assert (len(pool._runs) > 2) == (limit < 1 << 20)  # several runs (past 2: merged in groups), for real
    assert list(pool.iter_postings()) == expected
    pool.cleanup()
    assert not list(tmp_path.glob("*.terms"))


def test_a_position_is_encoded_by_each_fields_own_encoder(tmp_path):
    """The encoding of a term met once is remembered by position for each encoder, never across them."""
    pool = TermPool(str(tmp_path), 1 << 30)
    pool.add_positions("body", 0, {"banjir": [3]}, lambda positions: b"A%d" % positions[0], 1.0, 1.0)
    pool.add_positions("title", 0, {"banjir": [3]}, lambda positions: b"B%d" % positions[0], 1.0, 1.0)
    assert [value for *_posting, value in pool.iter_postings()] == [b"A3", b"B3"]
