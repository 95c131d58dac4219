"""`searchapp eval duplicates` and `searchapp eval boilerplate` on tiny folders shaped like the real data
sets (hoax600's cp1252 `;` CSV in topic order, click-id's workbooks, indonews's crawls)."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import openpyxl
import pytest

from searchapp.cli import main

REPO = Path(__file__).resolve().parent.parent
CONFIG = str(REPO / "config" / "searchapp.yaml")
STORY = ("Kepala Bagian Protokol Masjid Istiqlal menyatakan kabar bahwa peserta aksi tidak bisa masuk masjid "
         "dini hari tadi karena pintu masjid ditutup adalah tidak benar dan meminta masyarakat tidak percaya "
         "pada pesan berantai yang beredar di media sosial sejak semalam")
OTHER = ("Harga cabai rawit di sejumlah pasar tradisional melonjak dua kali lipat dalam sepekan terakhir karena "
         "pasokan dari daerah sentra produksi berkurang akibat hujan deras yang turun sejak awal bulan ini")


def make_data(root: Path) -> Path:
    hoax = root / "hoax600"
    hoax.mkdir(parents=True)
    rows = [STORY, STORY + " kata dia"] + [f"Berita pendek nomor {n}" for n in range(48)]  # topic 0
    rows += [OTHER + " menurut pedagang", f"{OTHER} lagi"] + ["Topik kedua" for _ in range(48)]  # topic 1
    with open(hoax / "600 news with valid hoax label.csv", "w", encoding="cp1252", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["berita", "tagging"])
        writer.writerows([text, "hoax"] for text in rows)
    for outlet, text in (("okezone", STORY), ("sindonews", ", - " + STORY)):
        book = openpyxl.Workbook()
        book.active.append(["title", "source", "date", "time", "category", "sub-category", "content", "url"])
        book.active.append(["Judul", f"{outlet}.com", "10-Sep-19", "10:00", "news", "-", text, f"https://{outlet}.com/1"])
        (root / "click-id" / "xlsx").mkdir(parents=True, exist_ok=True)
        book.save(root / "click-id" / "xlsx" / f"{outlet}.xlsx")
    crawls = root / "indonews"
    crawls.mkdir()
    edited = STORY + " Pengurus menegaskan lagi diIstiqlal."  # a re-crawl, a word glued where a link was
    for day, body in (("18", STORY + "\nAdvertisement\nBaca Juga"), ("19", edited)):
        with open(crawls / f"scrapping_news_2025-06-{day}.csv", "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["sumber", "url", "judul", "author", "tanggal_publikasi", "isi_berita"])
            writer.writerow(["liputan6.com", "https://www.liputan6.com/news/read/1/istiqlal", "Istiqlal", "A",
                             f"Diperbarui {day} Jun 2025, 14:05 WIB", body])
    return root


def test_eval_duplicates_reports_each_data_set(tmp_path, capsys):
    data = make_data(tmp_path / "data")
    assert main(["eval", "duplicates", "--data", str(data), "--config", CONFIG, "--sample", "2"]) == 0
    out = capsys.readouterr().out
    assert "hoax600: 100 articles, 4 in 2 stories, 2 grouped pairs" in out
    assert "grouped pairs across two topics (certainly wrong): 0" in out
    assert "click-id: 2 articles, 2 in 1 stories, 1 grouped pairs" in out
    assert "grouped pairs across the two outlets: 1" in out
    assert "edited re-crawls of one URL (copies by construction): 1 pairs, 1 grouped (recall 1.000)" in out
    assert "# hoax600: pairs to label" in out and "\tcopy" not in out.split("# hoax600")[1]


def test_eval_duplicates_groups_a_set_indexed_in_parts_as_at_once(tmp_path, capsys, monkeypatch):
    """In three parts (one article a run: the draw takes the cut copy, then the full report, then the fuller
    version) the flood report's three versions are one story, as at once."""
    from test_stories import FLOOD, FLOOD_LATER

    from searchapp.evaluate import duplicates
    from searchapp.evaluate.duplicates import Doc, group
    from searchapp.ingest.cleaning import Boilerplate

    runs: list[int] = []  # the articles of each run
    grouping = duplicates.find_stories
    monkeypatch.setattr(duplicates, "find_stories", lambda ids, *args, **kw: runs.append(len(ids)) or grouping(
        ids, *args, **kw))

    assert random.Random("parts:hoax600").sample(range(3), 3) == [2, 1, 0]
    docs = [Doc("b-later", " ".join(FLOOD + FLOOD_LATER), "0"), Doc("c-full", " ".join(FLOOD), "0"),
            Doc("a-head", " ".join(FLOOD[:4]), "0")]
    at_once = group("hoax600", docs, Boilerplate([])).stories
    assert at_once == dict.fromkeys(["a-head", "b-later", "c-full"], "c-full")
    for parts in (3, 30):  # no more parts than articles
        runs.clear()
        assert group("hoax600", docs, Boilerplate([]), parts).stories == dict.fromkeys(at_once, "a-head")
        assert runs == [1, 2, 3]
    data = make_data(tmp_path / "data")
    assert main(["eval", "duplicates", "--data", str(data), "--config", CONFIG, "--parts", "3"]) == 0
    assert "hoax600: 100 articles, 4 in 2 stories, 2 grouped pairs" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["eval", "duplicates", "--data", str(data), "--parts", "0"])
    assert "--parts: not a count of 1 or more: '0'" in capsys.readouterr().err


def test_eval_boilerplate_counts_and_samples_removed_lines(tmp_path, capsys):
    data = make_data(tmp_path / "data")
    assert main(["eval", "boilerplate", "--data", str(data / "indonews"), "--config", CONFIG]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2 articles, 4 non-empty lines; 2 boilerplate lines removed from 1 articles")
    assert "[liputan6] advertisement: Advertisement" in out and "[liputan6] read also: Baca Juga" in out
    assert "glued words (indexed as written and as their parts): 1 in 1 articles, 1 distinct" in out
    assert "  diIstiqlal → di Istiqlal" in out


def test_eval_boilerplate_reads_workbooks_and_counts_paragraphs_put_back(tmp_path, capsys):
    book = openpyxl.Workbook()
    book.active.append(["title", "source", "date", "time", "category", "sub-category", "content", "url"])
    book.active.append(["Judul", "kapanlagi.com", "10-Sep-19", "10:00", "news", "-",
                        ',,,Warga berkumpul pagi tadi.,Kepala desa datang.,"," tulis Rudi.,'
                        "Penulis: Annesa K. Ramadhany,,",
                        "https://www.kapanlagi.com/showbiz/1.html"])
    (tmp_path / "click-id" / "xlsx").mkdir(parents=True)
    book.save(tmp_path / "click-id" / "xlsx" / "kapanlagi.xlsx")
    assert main(["eval", "boilerplate", "--data", str(tmp_path / "click-id"), "--config", CONFIG]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 articles, 1 non-empty lines; 1 boilerplate lines removed from 1 articles")
    assert "paragraphs a scraper joined with commas, put back on lines of their own: 3 in 1 articles" in out
    assert 'quotations a scraper left empty (","), marked as cut ("…"): 1 in 1 articles' in out
    assert "[kapanlagi] credits: Penulis: Annesa K. Ramadhany" in out


def test_eval_duplicates_measures_against_the_labels_asked_for(tmp_path, capsys):
    data = make_data(tmp_path / "data")
    labels = tmp_path / "labels.tsv"
    labels.write_text("# another reader\nhoax600\thoax-0\thoax-1\tcopy\trandom\t# same (1.0): one text\n"
                      "hoax600\thoax-50\thoax-51\tdifferent\trandom\t# rewrite (0.5): retold\n", encoding="utf-8")
    assert main(["eval", "duplicates", "--data", str(data), "--config", CONFIG, "--labels", str(labels)]) == 0
    out = capsys.readouterr().out
    assert ("hand-labelled pairs: 2; precision 1/2 = 0.500; recall 1/1 = 1.000 (pairs chosen and drawn at random "
            "together; below, those drawn)") in out
    assert main(["eval", "duplicates", "--data", str(data), "--labels", str(tmp_path / "none.tsv")]) == 2
    assert "no labels file" in capsys.readouterr().err


def test_a_second_reading_is_scored_against_the_labels_as_the_grouping_is():
    """Two readers' verdicts on the pairs both drew at random, each band weighing as many pairs as it holds: the
    second reading scored as if it were a grouping, beside the grouping itself on the same pairs."""
    from searchapp.evaluate.duplicate_recall import Reading, measured_similarity, reader_agreement
    from searchapp.evaluate.duplicates import Doc, Result

    words = [f"kata{n}" for n in range(40)]
    base = " ".join(words)
    docs = [Doc("a", base, "t"), Doc("b", base, "t"), Doc("e", base, "t"),  # three identical texts, two grouped
            Doc("c", " ".join(words[:24] + [f"lain{n}" for n in range(16)]), "t")]  # 0.40 to each of them
    result = Result("hoax600", docs, {"a": "a", "b": "a"}, 0.0)
    first = {("hoax600", "a", "b"): True, ("hoax600", "a", "c"): True, ("hoax600", "b", "c"): False}
    second = {("hoax600", "a", "b"): True, ("hoax600", "a", "c"): True, ("hoax600", "b", "c"): True,
              ("hoax600", "a", "e"): True,  # read by the second reader only: not counted
              ("click-id", "a", "c"): False}  # another set's pair: not counted
    similar = measured_similarity(result)[0]
    lines = reader_agreement(result, Reading(first, set(first)), Reading(second, set(second)), similar)
    # the band at 1.0 weighs its 3 pairs on a–b (a copy to both); the band at 0.40 its 3 pairs on a–c and b–c
    assert lines[0].endswith("they disagree on 1") and "of the 3 pairs drawn at random," in lines[0]
    assert lines[1] == "    the second reading: precision 0.750, recall 1.000"  # 4.5 of 6 claimed, of 4.5 copies
    assert lines[2] == "    the grouping, the same way: precision 1.000, recall 0.667"  # a–b: 3 of 4.5 copies
    assert reader_agreement(result, Reading(first, set(first)), Reading(second, {("hoax600", "a", "e")}),
                            similar) == ["  a second reading: no pair drawn at random for hoax600 is read in both"]


def test_readers_agree_across_outlets_on_the_pairs_measured():
    """click-id: pairs across the two outlets; a pair drawn whose fingerprints agree too little to be measured is left
    out, as the recall estimate leaves it; a reading that calls nothing a copy has no precision."""
    from searchapp.evaluate.duplicate_recall import Reading, measured_similarity, reader_agreement
    from searchapp.evaluate.duplicates import Doc, Result

    words = [f"kata{n}" for n in range(40)]
    docs = [Doc("a", " ".join(words), "okezone"), Doc("b", " ".join(words), "sindonews"),
            Doc("d", " ".join(f"beda{n}" for n in range(40)), "sindonews")]
    result = Result("click-id", docs, {}, 0.0)
    first = {("click-id", "a", "b"): True, ("click-id", "a", "d"): False}
    second = {("click-id", "a", "b"): False, ("click-id", "a", "d"): False}
    similar = measured_similarity(result, across_keys=True)[0]
    assert set(similar) == {("a", "b")}  # a–d not measured; a–b and b–d: one outlet's or measured
    lines = reader_agreement(result, Reading(first, set(first)), Reading(second, set(second)), similar)
    assert "of the 1 pairs drawn at random, 1 not measured left out," in lines[0]
    assert lines[0].endswith("they disagree on 1")
    assert lines[1] == "    the second reading: precision n/a, recall 0.000"
    assert lines[2] == "    the grouping, the same way: precision n/a, recall 0.000"


def test_eval_duplicates_against_a_second_reading_and_bad_label_files(tmp_path, capsys):
    data = make_data(tmp_path / "data")
    labels = tmp_path / "first.tsv"
    labels.write_text("hoax600\thoax-0\thoax-1\tcopy\trandom\n", encoding="utf-8")
    other = tmp_path / "second.tsv"
    other.write_text("# a comment\nhoax600\thoax-1\thoax-0\tcopy\trandom\t# same (0.9): one text\n", encoding="utf-8")
    argv = ["eval", "duplicates", "--data", str(data), "--config", CONFIG, "--labels", str(labels)]
    assert main([*argv, "--against", str(other)]) == 0
    out = capsys.readouterr().out
    assert "a second reading of the 1 pairs drawn at random, scored as a grouping" in out
    assert "they disagree on 0" in out and "the second reading: precision 1.000, recall 1.000" in out
    assert main([*argv, "--against", str(tmp_path / "none.tsv")]) == 2
    assert "no labels file" in capsys.readouterr().err
    for bad in ("hoax600 hoax-0 hoax-1 copy random", "hoax600\thoax-0\thoax-1\tsame\trandom", "hoax600\thoax-0"):
        other.write_text(f"# a comment\n{bad}\n", encoding="utf-8")
        assert main([*argv, "--against", str(other)]) == 2
        assert f"{other}:2: not `dataset, id, id, copy|different` separated by tabs" in capsys.readouterr().err


def test_the_later_readings_cover_the_first_readings_random_pairs():
    """The second reading: hoax600's and click-id's random pairs; the third: hoax600's, in the same classes."""
    from searchapp.evaluate.duplicates import LABELS, read_labels, read_random

    second, third = (LABELS.with_name(f"duplicate_labels_{n}.tsv") for n in ("second", "third"))
    assert read_random(second) == {pair for pair in read_random(LABELS) if pair[0] in ("hoax600", "click-id")}
    assert len(read_random(second)) == 84 + 64
    assert read_random(third) == {pair for pair in read_random(LABELS) if pair[0] == "hoax600"}
    assert set(read_labels(third)) == read_random(third)


def test_eval_needs_its_folder(tmp_path, capsys):
    assert main(["eval", "duplicates", "--data", str(tmp_path / "none"), "--config", CONFIG]) == 2
    assert "folder not found" in capsys.readouterr().err


def test_recall_is_estimated_band_by_band_from_pairs_drawn_at_random():
    """Copies of a band = its pairs × the share of copies among its random pairs read; recall = the copies
    grouped over all copies. Pairs read but not drawn at random do not count."""
    from searchapp.evaluate.duplicate_recall import recall_estimate
    from searchapp.evaluate.duplicates import Doc, Result

    words = [f"kata{n}" for n in range(40)]
    base = " ".join(words)
    docs = [Doc("a", base, "t"), Doc("b", base, "t"),  # identical: similarity 1.0
            Doc("c", " ".join(words[:24] + [f"lain{n}" for n in range(16)]), "t"),  # 21 of 53 runs: 0.40
            Doc("d", " ".join(f"beda{n}" for n in range(40)), "t")]
    result = Result("hoax600", docs, {"a": "a", "b": "a"}, 0.0)
    labels = {("hoax600", "a", "b"): True, ("hoax600", "a", "c"): True, ("hoax600", "b", "c"): False,
              ("hoax600", "a", "d"): False}
    random_pairs = {("hoax600", "a", "b"), ("hoax600", "a", "c"), ("hoax600", "b", "c")}
    lines = recall_estimate(result, labels, random_pairs)
    assert "similarity [0.5, 1.0): 1 pairs, 1 read: 1 copies, 1 of them grouped" in lines[0]
    assert "similarity [0.3, 0.5): 2 pairs, 2 read: 1 copies, 0 of them grouped" in lines[1]
    # a–d was read, but not drawn at random; a band none of whose pairs was read is said to be taken as no copy
    assert lines[4].endswith("similarity [0.0, 0.1): 3 pairs, 0 read: 0 copies, 0 of them grouped, "
                             "0 different pairs grouped (none read: taken to hold no copy)")
    assert lines[-2].endswith("1.0 of 2.0 copies grouped = 0.500")


def test_recall_is_also_estimated_with_grouped_and_other_pairs_apart_and_an_interval():
    """Post-stratified: in each band the grouped pairs (their number known) and the others each get the share of
    copies read among them; the interval draws each stratum's share from what its pairs read allow, so strata
    whose few pairs read all agree still leave the recall uncertain."""
    from searchapp.evaluate.duplicate_recall import recall_estimate
    from searchapp.evaluate.duplicates import Doc, Result

    words = [f"kata{n}" for n in range(40)]
    base = " ".join(words)
    docs = [Doc("a", base, "t"), Doc("b", base, "t"), Doc("e", base, "t"),  # three identical texts, two grouped
            Doc("c", " ".join(words[:24] + [f"lain{n}" for n in range(16)]), "t")]  # 0.40 to each of them
    result = Result("hoax600", docs, {"a": "a", "b": "a"}, 0.0)
    labels = {("hoax600", "a", "b"): True, ("hoax600", "a", "e"): True, ("hoax600", "a", "c"): True,
              ("hoax600", "b", "c"): False}
    lines = recall_estimate(result, labels, set(labels))
    # band by band: 3 copies at 1.0 of which half grouped by the pairs read, 1.5 at 0.40: 1.5 of 4.5
    assert lines[-2].endswith("1.5 of 4.5 copies grouped = 0.333")
    # apart: the one grouped pair is a copy, the two others at 1.0 are copies too, so 1 of 4.5 are grouped
    assert lines[-1].startswith("  post-stratified (grouped and not grouped apart in each band): 1.0 of 4.5 = "
                                "0.222, 95% interval ")
    low, high = (float(x) for x in lines[-1].rsplit(" ", 1)[1].split("-"))
    assert low < 0.222 < high

    # every pair read a copy: drawing the pairs read again would give one value; their few number does not
    result = Result("hoax600", docs[:3], {"a": "a", "b": "a"}, 0.0)
    agreeing = {("hoax600", "a", "b"): True, ("hoax600", "a", "e"): True}
    line = recall_estimate(result, agreeing, set(agreeing))[-1]
    assert "1.0 of 3.0 = 0.333" in line
    low, high = (float(x) for x in line.rsplit(" ", 1)[1].split("-"))
    assert low < 0.25 and high > 0.5


def test_recall_across_outlets_measures_only_pairs_of_two_outlets_whose_fingerprints_agree():
    """click-id: the pairs across the two outlets, not those of one outlet; of the millions of them only the
    pairs whose fingerprints agree at all are measured, the rest counted and taken to hold no copy."""
    from searchapp.evaluate.duplicate_recall import recall_estimate
    from searchapp.evaluate.duplicates import Doc, Result

    words = [f"kata{n}" for n in range(40)]
    base = " ".join(words)
    docs = [Doc("a", base, "okezone"), Doc("e", base, "okezone"),  # one outlet's two copies: not counted
            Doc("d", " ".join(f"beda{n}" for n in range(40)), "okezone"),
            Doc("b", base, "sindonews"), Doc("c", " ".join(words[:24] + [f"lain{n}" for n in range(16)]), "sindonews")]
    result = Result("click-id", docs, {"a": "a", "b": "a"}, 0.0)
    labels = {("click-id", "a", "b"): True, ("click-id", "a", "c"): True}
    lines = recall_estimate(result, labels, set(labels), across_keys=True)
    assert "similarity [0.5, 1.0): 2 pairs, 1 read: 1 copies, 1 of them grouped" in lines[0]  # a–b, b–e
    assert "similarity [0.3, 0.5): 2 pairs, 1 read: 1 copies, 0 of them grouped" in lines[1]  # a–c, c–e
    assert "similarity [0.0, 0.1): 0 pairs" in lines[4]
    assert lines[5] == ("    and 2 pairs whose fingerprints agree in under 4% of their positions, not measured: "
                        "taken to hold no copy")  # d–b, d–c
    assert lines[6].endswith("recall over every pair across the outlets, estimated: 2.0 of 4.0 copies grouped = 0.500")
