"""The fast search path (block-level matching, facet tables, block-level BM25F) gives exactly what
Whoosh's own straightforward path gives — totals, every facet count, unknown outlets and dates, the
top 10 by relevance, newest and oldest (ties by article id), partial and relaxed results — on a real multi-segment index
whose first segment holds no dated article and which has deletions in more than one segment."""

import datetime as dt
import json
import random

import pytest
from whoosh import query as wq
from whoosh import sorting

from searchapp.index.writer import build_index
from searchapp.search.compiler import date_query
from searchapp.search.engine import WhooshEngine
from searchapp.search.query import And, Or, Word, parse_query
from searchapp.search.request import SearchRequest

QUERIES = ['"sekutu nato" rusia', '"perang dunia" OR stoltenberg',
           "nato", "rusia ukraina", "serangan", "serang", "stoltenberg OR putin", "nato -rusia",
           "pasukan NOT perang", '"sekutu nato"', "perang dunia", "senjata nuklir", "finlandia swedia",
           "orang:stoltenberg rusia", "outlet:kompas-tv nato", "tanggal:2022 nato", "militer pertahanan aliansi",
           "nato bucha", "himars bucha", "zzzq nato", ""]
FILTERS = [{}, {"outlets": ("kontan", "kompas-tv")}, {"outlets": ("unknown",)}, {"people": ("Jens Stoltenberg",)},
           {"date_from": dt.date(2022, 3, 1), "date_to": dt.date(2022, 6, 30)}, {"date_from": dt.date(2022, 9, 1)}]
SORTS = ["relevance", "newest", "oldest"]


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """The seeds recombined into 420 articles over four incremental runs (four segments): the first run's
    articles have no date; then articles of the first two runs are deleted."""
    from conftest import SEEDS, make_settings

    root = tmp_path_factory.mktemp("equivalence")
    corpus = root / "corpus"
    corpus.mkdir()
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    sentences = [s for text in seeds for s in text.replace("\n", " ").split(". ") if len(s) > 20]
    undated = [s for s in sentences if not any(c.isdigit() for c in s)]  # nothing a date can be read from
    rng = random.Random(5)
    outlets = ["kontan", "kompas-tv", "cakapcakap", None]
    settings = make_settings(corpus, root / "index", **{"indexing.workers": 1})
    for batch in range(3):
        with open(corpus / f"part{batch}.jsonl", "w", encoding="utf-8") as out:
            for n in range(140):
                pool = undated if batch == 0 else sentences
                record = {"id": f"b{batch}-{n}", "body": ". ".join(rng.sample(pool, rng.randint(3, 9)))}
                if rng.random() < 0.5:  # a stated title: indexed, weighed ×2
                    record["title"] = rng.choice(sentences)[:90]
                if outlet := rng.choice(outlets):
                    record["outlet"] = outlet
                if batch > 0 and rng.random() < 0.8:  # the first segment: no dates at all
                    record["date"] = f"2022-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                record["people"] = rng.sample(["Jens Stoltenberg", "Vladimir Putin", "Joe Biden"], rng.randint(0, 2))
                out.write(json.dumps(record) + "\n")
        build_index(settings)
    for part, keep in (("part0", 100), ("part1", 120)):  # deletions in two segments
        lines = (corpus / f"{part}.jsonl").read_text(encoding="utf-8").splitlines()
        (corpus / f"{part}.jsonl").write_text("\n".join(lines[:keep]) + "\n", encoding="utf-8")
    build_index(settings)
    return settings


@pytest.fixture(scope="module")
def engine(big):
    return WhooshEngine(big)


def test_the_index_has_an_undated_first_segment_and_deletions(engine):
    state = engine._current()
    reader = state.searcher().reader()
    segments = list(reader.leaf_readers())
    assert len(segments) >= 3 and reader.has_deletions()
    first, _offset = segments[0]
    assert not any(first.stored_fields(d).get("date") for d in first.all_doc_ids())


class Reference:
    """Whoosh's own answer to a request: docs_for_query, groupedby facets, stored dates, scored search."""

    def __init__(self, engine: WhooshEngine, request: SearchRequest) -> None:
        self.engine, self.request = engine, request
        state = engine._current()
        self.searcher = state.searcher()
        self.compiler = engine.compiler(state)
        node = parse_query(request.q)
        self.text_query = self.compiler.compile(node) or wq.Every()
        filters = [wq.Term("people", p) for p in request.people]
        self.undated_filters = list(filters)  # every filter but the dates (the month counts)
        if request.date_from or request.date_to:
            filters.append(date_query(request.date_from, request.date_to))
        outlets = [wq.Not(wq.Every("outlet")) if o == "unknown" else wq.Term("outlet", o) for o in request.outlets]
        self.filters, self.outlet_filter = filters, (wq.Or(outlets) if outlets else None)
        found = set(self.searcher.docs_for_query(self.text_query))
        self.complete = self.docs(self.text_query, outlet=True)
        self.partial_query = None
        plain = isinstance(node, And) and all(isinstance(n, Word) for n in node.nodes)
        if plain and (len(found) < engine.settings.partial_below or not self.complete):
            self.partial_query = self.compiler.compile(Or(node.nodes))
        self.matching = self.complete  # total and facets: articles holding every word
        self.partial = (self.docs(self.partial_query, outlet=True) - self.complete) if self.partial_query else set()

    def docs(self, query, outlet: bool, dates: bool = True) -> set[int]:
        filters = self.filters if dates else self.undated_filters
        parts = [query, *filters] + ([self.outlet_filter] if outlet and self.outlet_filter else [])
        return set(self.searcher.docs_for_query(wq.And(parts) if len(parts) > 1 else query))

    def outlet_counts(self) -> dict:
        unfiltered = self.docs(self.text_query, outlet=False)
        if not unfiltered:  # an empty filter set is no filter to Whoosh
            return {}
        grouped = self.searcher.search(wq.Every(), limit=None, filter=unfiltered,
                                       groupedby=sorting.FieldFacet("outlet"))
        return {k or "unknown": len(v) for k, v in grouped.groups("outlet").items()}

    def person_counts(self) -> dict:
        if not self.matching:
            return {}
        people = self.searcher.search(wq.Every(), limit=None, filter=self.matching,
                                      groupedby=sorting.FieldFacet("people", allow_overlap=True))
        counts = {k: len(v) for k, v in people.groups("people").items() if k}
        return dict(sorted(counts.items(), key=lambda i: (-i[1], i[0]))[:20])

    def id(self, docnum: int) -> str:
        return self.searcher.stored_fields(docnum)["id"]

    def date(self, docnum: int) -> dt.datetime | None:
        return self.searcher.stored_fields(docnum).get("date")

    def month_counts(self) -> tuple[dict, int]:
        but_dates = self.docs(self.text_query, outlet=True, dates=False)
        months: dict[str, int] = {}
        for docnum in but_dates:
            if (when := self.date(docnum)) is not None:
                months[when.strftime("%Y-%m")] = months.get(when.strftime("%Y-%m"), 0) + 1
        return months, sum(1 for d in but_dates if self.date(d) is None)

    def top(self) -> list[tuple[str, float | None]]:
        groups = [self.complete, self.partial]
        queries = [self.text_query, self.partial_query]
        found: list[tuple[int, float | None]] = []
        for docnums, query in zip(groups, queries, strict=False):
            if not docnums:
                continue
            if self.request.sort == "relevance" and self.request.q:
                # every match scored (limit=None): Whoosh's top-10 collector over several segments can
                # drop a document that belongs in the top 10
                hits = self.searcher.search(query, limit=None, filter=docnums)
                found += sorted(((h.docnum, h.score) for h in hits), key=lambda h: (-h[1], self.id(h[0])))
            else:
                newest = self.request.sort != "oldest"
                undated_last = sorted(docnums, key=lambda d: (
                    self.date(d) is None, -(self.date(d).toordinal()) if newest and self.date(d) else
                    (self.date(d).toordinal() if self.date(d) else 0), self.id(d)))
                found += [(d, None) for d in undated_last]
        return [(self.searcher.stored_fields(d)["id"], score) for d, score in found[:10]]


@pytest.mark.parametrize("sort", SORTS)
@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: "+".join(f) or "none")
@pytest.mark.parametrize("q", QUERIES)
def test_fast_path_equals_whoosh(engine, q, filters, sort):
    request = SearchRequest(q=q, sort=sort, collapse=False, **filters)  # every article: stories apart
    result = engine.search(request)
    ref = Reference(engine, request)
    assert result.total == len(ref.complete)
    assert result.partial == len(ref.partial)
    outlets = {v.value: v.count for v in result.facets.outlet if v.count}
    assert outlets == ref.outlet_counts()
    assert result.facets.unknown_outlet == outlets.get("unknown", 0)
    assert {v.value: v.count for v in result.facets.person} == ref.person_counts()
    months, undated = ref.month_counts()
    assert {v.value: v.count for v in result.facets.month if v.count} == months
    assert result.facets.unknown_date == undated
    ours = [(hit.id, hit.score) for hit in result.results]
    theirs = ref.top()
    assert [doc_id for doc_id, _ in ours] == [doc_id for doc_id, _ in theirs]
    for (_, mine), (_, whoosh_score) in zip(ours, theirs, strict=True):
        assert mine == pytest.approx(whoosh_score, rel=1e-6) if whoosh_score is not None else mine is None
