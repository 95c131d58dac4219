import pickle

import pytest
from whoosh.analysis import CompositeAnalyzer, LowercaseFilter, SpaceSeparatedTokenizer, StopFilter
from whoosh.formats import Positions

from searchapp.index.analysis import QueryAnalysis, SastrawiStemFilter, WordMemoAnalyzer, build_analyzer
from searchapp.index.schema import TermPositions
from searchapp.index.words import glued_parts, iter_words


@pytest.fixture(scope="module")
def analyzer():
    return build_analyzer(stopwords={"yang", "di"}, stem_exclusions={"bali"})


def texts(analyzer, text):
    return [t.text for t in analyzer(text)]


def test_roots_and_written_forms_share_a_position(analyzer):
    tokens = [(t.text, t.pos) for t in analyzer("Serangan yang menyerang", positions=True)]
    assert tokens == [("serang", 0), ("=serangan", 0), ("yang", 1), ("serang", 2), ("=menyerang", 2)]


def test_character_offsets_point_at_the_written_word(analyzer):
    text = "Perekonomian Bali"
    spans = [(t.text, text[t.startchar:t.endchar]) for t in analyzer(text, chars=True)]
    assert ("ekonomi", "Perekonomian") in spans
    assert ("bali", "Bali") in spans  # excluded from stemming (Sastrawi: bal)


def test_a_word_whose_root_is_a_stopword_is_kept_as_written():
    analyzer = build_analyzer(stopwords={"telah", "serta"})
    assert texts(analyzer, "Setelah peserta datang") == ["setelah", "peserta", "datang"]
    assert texts(build_analyzer(), "setelah") == ["telah", "=setelah"]  # what Sastrawi alone does


def test_root_word_gets_no_second_token(analyzer):
    assert texts(analyzer, "NATO") == ["nato"]


def test_reduplication_is_one_word_and_compounds_are_split():
    assert [w for w, _s, _e in iter_words("negara-negara Rusia-Ukraina")] == ["negara-negara", "Rusia", "Ukraina"]


@pytest.mark.parametrize("written", ["16.216", "16 216", "16216"])
def test_thousands_separators_are_one_number(written):
    assert [w for w, _s, _e in iter_words(f"ada {written} orang")] == ["ada", "16216", "orang"]


def test_years_and_counts_beside_each_other_stay_apart():
    assert [w for w, _s, _e in iter_words("ke-1 2022 dan 1 2022")][-2:] == ["1", "2022"]
    assert [w for w, _s, _e in iter_words("1.5 2.250")] == ["1", "5", "2250"]


def test_decimal_comma_and_dates_stay_apart():
    assert [w for w, _s, _e in iter_words("1,2 persen (24/2/2022)")] == ["1", "2", "persen", "24", "2", "2022"]


def test_function_words_are_indexed_in_place(analyzer):
    tokens = [(t.text, t.pos) for t in analyzer("serangan di bawah Ukraina tidak", positions=True)]
    assert tokens == [("serang", 0), ("=serangan", 0), ("di", 1), ("bawah", 2), ("ukraina", 3), ("tidak", 4)]


def test_query_analysis_keeps_every_word_and_knows_the_stop_list(analyzer):
    analysis = QueryAnalysis(analyzer, frozenset({"yang", "di"}))
    assert [term.form for term in analysis.words("Telah untuk di Tahun")] == ["telah", "untuk", "di", "tahun"]
    assert "di" in analysis.stopwords


def test_filter_pickles_without_its_stemmer(analyzer):
    stem_filter = SastrawiStemFilter(["bali"])
    _ = stem_filter.stemmer  # loaded
    data = pickle.dumps(stem_filter)
    assert len(data) < 500
    assert pickle.loads(data) == stem_filter
    restored = pickle.loads(pickle.dumps(analyzer))
    assert texts(restored, "perekonomian Bali") == ["ekonomi", "=perekonomian", "bali"]


def _tokens(analyzer, text, **options):
    return [(t.text, t.pos, getattr(t, "surface", None)) for t in analyzer(text, positions=True, **options)]


@pytest.mark.parametrize("text", [
    "Serangan yang menyerang di Bali, 16.216 orang; negara-negara Rusia-Ukraina a-b-c",
    "Perekonomian perekonomian PEREKONOMIAN 1.000.000 dan 16 216 serta 2,5 persen (24/2/2022)",
    "", "   ", "setelah peserta pasca-perang bermain-main Jokowi-JK covid19",
    "Presiden PrabowoSubianto tiba keBandara lewat WhatsApp, iPhone McDonald JakartaKetika",
])
@pytest.mark.parametrize("mode", ["index", "query", ""])
def test_remembered_words_give_the_terms_and_positions_of_the_chain(analyzer, text, mode):
    chain = CompositeAnalyzer(*analyzer.items)  # the same filters, every word through them every time
    for _ in range(2):  # the second time from memory
        assert _tokens(analyzer, text, mode=mode) == _tokens(chain, text, mode=mode)
        assert _tokens(analyzer, text, mode=mode, start_pos=7) == _tokens(chain, text, mode=mode, start_pos=7)


def test_the_remembering_analyzer_equals_the_plain_chain_of_the_same_filters(analyzer):
    """An index written with the plain chain (before words were remembered) analyses as the new one does:
    no rebuild; another filter is another analysis."""
    assert analyzer == CompositeAnalyzer(*analyzer.items) and CompositeAnalyzer(*analyzer.items) == analyzer
    assert (CompositeAnalyzer(*analyzer.items) != analyzer) is False  # as the indexer asks of an old index
    assert pickle.loads(pickle.dumps(analyzer)) == analyzer
    other = build_analyzer(stopwords={"yang"}, stem_exclusions={"bali"})
    assert other != analyzer and CompositeAnalyzer(*other.items) != analyzer


@pytest.mark.parametrize("text", [
    "Serangan yang menyerang di Bali, serangan 16.216 orang; negara-negara Rusia-Ukraina a-b-c serangan",
    "", "setelah peserta pasca-perang bermain-main Jokowi-JK covid19 Jokowi-JK",
    "tiba keBandara PrabowoSubianto lalu keBandara lagi",
])
@pytest.mark.parametrize("boost", [1.0, 2.5])
def test_term_positions_are_whooshs_postings(analyzer, text, boost):
    """Terms, frequencies, weights and encoded positions as Whoosh's own format makes them from the tokens
    of the plain chain, in the same order."""
    fast = list(TermPositions(field_boost=boost).word_values(text, analyzer, mode="index"))
    plain = list(Positions(field_boost=boost).word_values(text, CompositeAnalyzer(*analyzer.items), mode="index"))
    assert fast == plain
    assert fast or not text


def test_the_chain_runs_itself_where_remembered_words_would_not_be_its_own():
    """Another tokenizer splits otherwise, and a stop filter asked to keep stop words keeps them: both run
    the chain; numbers of 5+ digits are not remembered (each one more entry, rarely met again)."""
    other = WordMemoAnalyzer(SpaceSeparatedTokenizer(), LowercaseFilter())
    assert texts(other, "US$ 5.000 Jakarta") == ["us$", "5.000", "jakarta"]
    stops = WordMemoAnalyzer(*build_analyzer().items[:2], StopFilter(stoplist={"di"}))
    assert [t.text for t in stops("rumah di Jakarta", removestops=False)] == ["rumah", "di", "jakarta"]
    assert texts(stops, "rumah di Jakarta") == ["rumah", "jakarta"]
    memo = build_analyzer()
    texts(memo, "16.216 orang covid19 tahun 2025 nomor 081234")
    assert {raw for raw, _mode in memo._memo} == {"orang", "covid19", "tahun", "2025", "nomor"}
    memo.positions("16.216 orang Bali-Jawa 081234")  # as the indexer asks: remembered once, for it alone
    assert set(memo._placed) == {"orang", "Bali-Jawa"} and ("Bali-Jawa", "index") not in memo._memo


@pytest.mark.parametrize(("word", "parts"), [
    ("keBandara", ["ke", "Bandara"]),  # a crawl dropped the space around a link
    ("PrabowoSubianto", ["Prabowo", "Subianto"]),
    ("JakartaKetika", ["Jakarta", "Ketika"]),  # a dateline run into the first word
    ("KotaIranpada", ["Kota", "Iranpada"]),  # only where the case says so
    ("WhatsApp", ["Whats", "App"]),  # a brand's spelling: its parts too, the word as written stays
    ("iPhone", []), ("MoU", []), ("kWh", []),  # a part of one letter: one word
    ("McDonald", []), ("MacBook", []),  # a name's prefix: not "Donald"
    ("Bandara", []), ("BANDARA", []), ("PSSI", []), ("covid19", []), ("covid19Jakarta", []),  # digits never cut
    ("anak-anakMereka", ["anak-anak", "Mereka"]),  # a reduplication stays one part
    ("AnkaraTürkiye", ["Ankara", "Türkiye"]), ("GüvenÖzil", ["Güven", "Özil"]),  # letters beyond ASCII alike
])
def test_glued_words_and_their_parts(word, parts):
    found = glued_parts(word)
    assert [part for part, _a, _b in found] == parts
    assert all(word[a:b] == part for part, a, b in found)


def test_a_glued_word_is_indexed_as_written_and_as_its_parts_never_asked_for_by_a_query(analyzer):
    """The first part shares the word's position and the next follow, the word again beside the last: a
    phrase of the parts matches, and a phrase goes on from either end of the word; a query asks for the
    word as written."""
    index = [(t.text, t.pos) for t in analyzer("Presiden PrabowoSubianto tiba", positions=True, mode="index")]
    assert index == [("presiden", 0), ("prabowosubianto", 1), ("prabowo", 1), ("subianto", 2),
                     ("prabowosubianto", 2), ("tiba", 3)]
    # a term once at a position: Sastrawi reads "keBandara" as "ke-" + "bandara", its last part's root
    assert analyzer.positions("tiba keBandara lagi") == {
        "tiba": [0], "bandara": [1, 2], "=kebandara": [1, 2], "ke": [1], "lagi": [3]}
    query = [(t.text, t.pos) for t in analyzer("Presiden PrabowoSubianto tiba", positions=True, mode="query")]
    assert query == [("presiden", 0), ("prabowosubianto", 1), ("tiba", 2)]
    marked = [(t.text, t.startchar, t.endchar) for t in analyzer("keBandara", positions=True, chars=True)]
    assert ("bandara", 2, 9) in marked and ("ke", 0, 2) in marked


def test_an_index_analysed_before_glued_words_were_read_is_rebuilt_and_reads_none(analyzer):
    """Its pickled tokenizer lacks the attribute: the analyzers differ, which rebuilds the index, and
    until then it analyses as it did (no parts)."""
    old = pickle.loads(pickle.dumps(analyzer))
    del old.items[0].glued
    assert old != analyzer and CompositeAnalyzer(*old.items) != analyzer
    assert texts(old, "keBandara") == ["bandara", "=kebandara"]


def test_an_index_pickled_when_the_chain_lived_in_analysis_still_opens(analyzer, monkeypatch):
    """Indexes pickle their analyzer's classes by module: those written before the chain had a module of its
    own name `searchapp.index.analysis`, which still holds them."""
    from searchapp.index import chain

    for cls in (chain.IndonesianTokenizer, chain.SastrawiStemFilter, chain.ExactFormFilter):
        monkeypatch.setattr(cls, "__module__", "searchapp.index.analysis")
    data = pickle.dumps(analyzer)
    monkeypatch.undo()
    assert pickle.loads(data) == analyzer
