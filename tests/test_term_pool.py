"""A segment writer's term pool: postings held as arrays, spilled to sorted runs past its limit and read
back in term order, each term's postings in document order (`searchapp.index.term_pool`; that the segment
written from it is Whoosh's own, byte for byte, is in test_whoosh27.py)."""

import pickle

import pytest
from whoosh.formats import Positions

from searchapp.index import term_pool
from searchapp.index.term_pool import Postings, TermPool, blocks


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


def test_a_terms_postings_in_blocks_keep_their_values_in_order():
    first, second = Postings(), Postings()
    for docnum in range(5):
        first.add(docnum, 1.0, b"v%d" % docnum if docnum != 2 else b"")  # a posting without a value
    for docnum in range(5, 8):
        second.add(docnum, 2.5, b"w%d" % docnum)
    second = pickle.loads(pickle.dumps(second))  # as read back from a run
    found = [(list(docnums), list(weights), values) for docnums, weights, values in blocks([first, second], 3)]
    assert found == [([0, 1, 2], [1.0, 1.0, 1.0], [b"v0", b"v1"]), ([3, 4, 5], [1.0, 1.0, 2.5], [b"v3", b"v4", b"w5"]),
                     ([6, 7], [2.5, 2.5], [b"w6", b"w7"])]
