"""`searchapp import`: IndoSum and CSV turned into corpus files, on small hand-written samples."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from searchapp.cli import main
from searchapp.ingest.corpus import Article, read_corpus
from searchapp.ingest.csv_export import DateReader, find_columns
from searchapp.ingest.detokenize import detokenize, indosum_text
from searchapp.ingest.indosum import slug_title, unix_date

REPO = Path(__file__).resolve().parent.parent
CONFIG = str(REPO / "config" / "searchapp.yaml")


def run_import(capsys, *args: str) -> tuple[int, str]:
    code = main(["import", *args, "--config", CONFIG])
    return code, capsys.readouterr().out


def read_out(folder: Path) -> list[dict]:
    return [json.loads(line) for path in sorted(folder.glob("*.jsonl")) for line in path.read_text().splitlines()]


# ---------------------------------------------------------------------------------------------------
# Detokenising


def test_detokenize_punctuation_quotes_and_dateline_numbers():
    sentences = [
        ["Ketua", "MPR", "menyesalkan", "kisruh", "."],
        ['"', "Tidak", "hanya", "tarif", ",", '"', "ucap", "Zulkifli", "di", "Jakarta", ",", "Senin", "(", "27",
         "/", "3", ")", "."],
    ]
    assert detokenize(sentences) == ('Ketua MPR menyesalkan kisruh. "Tidak hanya tarif," ucap Zulkifli di Jakarta, '
                                     "Senin (27/3).")


@pytest.mark.parametrize(("tokens", "text"), [
    (["terjadi", "bentrokan", "-", "bentrokan", "."], "terjadi bentrokan-bentrokan."),
    (["James", "Bond", "ke", "-", "25", "bocor"], "James Bond ke-25 bocor"),
    (["Rimanews", "-", "Pemerintah", "menolak"], "Rimanews - Pemerintah menolak"),
    (["Jakarta", ",", "CNN", "Indonesia", "-", "-", "Ferrari", "hadir"], "Jakarta, CNN Indonesia - - Ferrari hadir"),
    (["Suara.com", "-", "Cerita", "sekuel"], "Suara.com - Cerita sekuel"),
    (["tombol", "“", "Use", "new", "Calendar", "”", "di", "kanan"], "tombol “Use new Calendar” di kanan"),
    (["tindakan", "'", "gila", "'", "."], "tindakan 'gila'."),
    (["seharga", "$", "799", "dan", "98", "%"], "seharga $799 dan 98%"),
    (["GDP", "(", "Gross", "Domestic", "Product", ")", "naik"], "GDP (Gross Domestic Product) naik"),
    (["Baca", "juga", ":", "\xa0", "Arema", "Datang"], "Baca juga: Arema Datang"),
])
def test_detokenize_cases(tokens, text):
    assert detokenize([tokens]) == text


def test_paragraphs_are_separated_by_blank_lines():
    assert indosum_text([[["Satu", "."]], [["Dua", "."], ["Tiga", "."]]]) == "Satu.\n\nDua. Tiga."


def test_unix_date_is_the_utc_day():
    assert unix_date("1501893029-lula-kamal-pilih") == dt.date(2017, 8, 5)
    assert unix_date("lula-kamal") is None


@pytest.mark.parametrize(("url", "title"), [
    ("https://kumparan.com/ananda-wardhiati-teresia/ketua-mpr-mustahil-transportasi-bersaing-bebas",
     "ketua mpr mustahil transportasi bersaing bebas"),
    ("http://www.cnnindonesia.com/olahraga/20161112230644-142-172253/ronaldo-tak-kesulitan-main-hingga-usia-41/",
     "ronaldo tak kesulitan main hingga usia 41"),
    ("https://www.merdeka.com/sepakbola/berger-salah-rekrutan-fantastis.html", "berger salah rekrutan fantastis"),
    ("http://www.juara.net/read/balap/motor/177626-jack.miller.kuasai.latihan.pertama.gp.prancis",
     "jack miller kuasai latihan pertama gp prancis"),
    ("http://beta.goal.com/id/berita/isco-segera-dapat-kontrak-baru/1ebtb1x1e6ygk1uoi64ik4cx6j",
     "isco segera dapat kontrak baru"),
    ("https://dailysocial.id/post/meeting-owl-360?utm_source=welcome-page&utm_medium=box", "meeting owl 360"),
    ("https://dailysocial.id/post/insta360-one", "insta360 one"),
    ("http://beta.goal.com/id/berita/neymar/1j524ifgx2kcg1q5dlyv7mp859", None),
    (None, None),
])
def test_slug_title(url, title):
    assert slug_title(url) == title


# ---------------------------------------------------------------------------------------------------
# IndoSum


def indosum_line(article_id: str, source: str, url: str, paragraphs) -> str:
    return json.dumps({"id": article_id, "source": source, "source_url": url, "category": "olahraga",
                       "paragraphs": paragraphs, "summary": [], "gold_labels": []})


def test_import_indosum(tmp_path, capsys):
    first = tmp_path / "dev.01.jsonl"
    second = tmp_path / "dev.02.jsonl"
    ronaldo = indosum_line(
        "1479083453-ronaldo-tak-kesulitan-main", "cnn indonesia",
        "http://www.cnnindonesia.com/olahraga/20161112230644-142-172253/ronaldo-tak-kesulitan-main-hingga-usia-41/",
        [[["Jakarta", ",", "CNN", "Indonesia", "-", "-", "Ronaldo", "tak", "kesulitan", "."]],
         [["Ia", "masih", "bermain", "."]]])
    first.write_text("\n".join([
        ronaldo,
        indosum_line("1508551200-google-calendar", "dailysocial.id", "https://dailysocial.id/post/google-calendar-baru",
                     [[["Ada", "yang", "baru", "."]]]),
        "{not json",
        indosum_line("1485240343-arema-fc", "goal indonesia", "http://www.goal.com/id/berita/arema-fc-rekrut-kiper/1",
                     []),
    ]) + "\n")
    second.write_text("\n".join([
        ronaldo,  # the folds overlap: deduplicated on id
        indosum_line("1508483400-jayawijaya", "juara.net", "http://www.juara.net/read/raket/178337-sung.ji-hyun.antar",
                     [[["Sung", "menang", "."]]]),
    ]) + "\n")
    out = tmp_path / "corpus"
    code, printed = run_import(capsys, "indosum", str(first), str(second), "--out", str(out))
    assert code == 0
    assert "6 read, 3 written, 1 duplicate ids dropped, 2 skipped" in printed
    assert f"{first}:3: not valid JSON" in printed
    assert f"{first}:4: no 'paragraphs'" in printed or f"{first}:4: empty text" in printed

    records = {r["id"]: r for r in read_out(out)}
    assert set(records) == {"1479083453-ronaldo-tak-kesulitan-main", "1508551200-google-calendar",
                            "1508483400-jayawijaya"}
    ronaldo_record = records["1479083453-ronaldo-tak-kesulitan-main"]
    assert ronaldo_record == {
        "id": "1479083453-ronaldo-tak-kesulitan-main",
        "title": "ronaldo tak kesulitan main hingga usia 41",
        "body": "Jakarta, CNN Indonesia - - Ronaldo tak kesulitan.\n\nIa masih bermain.",
        "outlet": "cnn-indonesia",
        "date": "2016-11-12",  # the URL's publication time; the id's is when it was collected
        "url": "http://www.cnnindonesia.com/olahraga/20161112230644-142-172253/ronaldo-tak-kesulitan-main-hingga-"
               "usia-41/",
        "title_from": "url-slug",
        "collected": "2016-11-14",
    }
    assert records["1508551200-google-calendar"]["outlet"] == "dailysocial"
    assert records["1508483400-jayawijaya"]["outlet"] == "juara"
    assert records["1508483400-jayawijaya"]["title"] == "sung ji hyun antar"

    articles = [a for a in read_corpus(out) if isinstance(a, Article)]
    assert len(articles) == 3
    assert {a.date for a in articles} == {dt.date(2016, 11, 12), None}
    assert {a.collected for a in articles} == {dt.date(2016, 11, 14), dt.date(2017, 10, 21), dt.date(2017, 10, 20)}


def test_shards_are_cut_by_size(tmp_path):
    from searchapp.ingest.records import ShardWriter

    writer = ShardWriter(tmp_path, "x", size=100, max_bytes=200)
    for i in range(5):
        writer.write({"id": str(i), "body": "kata " * 20})
    assert writer.close() == ["x-0001.jsonl", "x-0002.jsonl", "x-0003.jsonl", "x-0004.jsonl", "x-0005.jsonl"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_indosum_date_from_the_url(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    source.write_text(indosum_line("1504900800-bocor-james-bond", "suara",
                                   "http://www.suara.com/entertainment/2017/09/06/181222/bocor-james-bond",
                                   [[["Bocor", "."]]]) + "\n")
    run_import(capsys, "indosum", str(source), "--out", str(tmp_path / "url"))
    run_import(capsys, "indosum", str(source), "--out", str(tmp_path / "id"), "--indosum-date", "id")
    by_url, by_id = read_out(tmp_path / "url")[0], read_out(tmp_path / "id")[0]
    assert (by_url["date"], by_url["collected"]) == ("2017-09-06", "2017-09-08")
    assert (by_id["date"], by_id["collected"]) == ("2017-09-08", "2017-09-08")


def test_indosum_without_a_url_date_leaves_the_date_to_the_text(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    source.write_text(indosum_line("1504900800-jokowi-resmikan", "kumparan", "https://kumparan.com/@kumparannews/x",
                                   [[["Jokowi", "meresmikan", "jalan", ",", "Rabu", "(", "6/9", ")", "."]]]) + "\n")
    run_import(capsys, "indosum", str(source), "--out", str(tmp_path / "out"))
    record = read_out(tmp_path / "out")[0]
    assert "date" not in record and record["collected"] == "2017-09-08"


def test_reimport_replaces_old_shards(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    lines = [indosum_line(f"150000000{i}-berita-{i}", "suara", f"http://www.suara.com/news/2017/09/06/1/berita-ke-{i}",
                          [[["Berita", str(i), "."]]]) for i in range(3)]
    source.write_text("\n".join(lines) + "\n")
    out = tmp_path / "out"
    run_import(capsys, "indosum", str(source), "--out", str(out), "--shard-size", "1")
    assert sorted(p.name for p in out.iterdir()) == ["indosum-0001.jsonl", "indosum-0002.jsonl", "indosum-0003.jsonl"]
    source.write_text(lines[0] + "\n")
    run_import(capsys, "indosum", str(source), "--out", str(out))
    assert sorted(p.name for p in out.iterdir()) == ["indosum-0001.jsonl"]
    assert len(read_out(out)) == 1


# ---------------------------------------------------------------------------------------------------
# CSV


def test_import_csv_with_malformed_rows(tmp_path, capsys):
    source = tmp_path / "export.csv"
    source.write_text(
        "judul,isi,tautan,tanggal\n"                                                              # line 1
        "Banjir di Bekasi,Banjir melanda Bekasi.,https://www.kompas.com/a/banjir,3/13/2022 10:00\n"  # 2: M/D
        "Gempa,Gempa terjadi.,https://tempo.co/b/gempa,4/5/2022\n"                               # 3: ambiguous
        'Panjang,"Paragraf satu.\n\nParagraf dua, dengan koma.",https://x.id/c,2022-02-24\n'      # 4-6
        "Kurang,kolom\n"                                                                          # 7: columns
        "Kosong,,https://x.id/d,2022-02-24\n"                                                     # 8: empty body
        "Tanggal aneh,Isi ada.,https://x.id/e,kemarin sore\n",                                     # 9: bad date
        encoding="utf-8",
    )
    out = tmp_path / "out"
    code, printed = run_import(capsys, "csv", str(source), "--out", str(out))
    assert code == 0
    assert "6 read, 4 written, 0 duplicate ids dropped, 2 skipped, 1 warnings" in printed
    assert f"{source}:7: wrong number of columns (2, the header has 4)" in printed
    assert f"{source}:8: empty body" in printed
    assert f"{source}:9: bad date, kept without it" in printed

    records = read_out(out)
    by_title = {r["title"]: r for r in records}
    assert by_title["Banjir di Bekasi"]["date"] == "2022-03-13"
    assert by_title["Banjir di Bekasi"]["outlet"] == "kompas"  # from the URL's host
    assert by_title["Gempa"]["date"] == "2022-04-05"  # the column showed M/D before
    assert by_title["Gempa"]["outlet"] == "tempo"
    assert by_title["Panjang"]["body"] == "Paragraf satu.\n\nParagraf dua, dengan koma."
    assert "date" not in by_title["Tanggal aneh"]
    assert "outlet" not in by_title["Panjang"]  # x.id is no known outlet
    assert len({r["id"] for r in records}) == 4


def test_import_csv_columns_by_flag_and_semicolons(tmp_path, capsys):
    source = tmp_path / "export.csv"
    source.write_text("headline;naskah;media;waktu\n"
                      "Satu;Teks satu.;Kontan;4/5/2022\n"
                      "Dua;Teks dua.;Harian Baru;24 Februari 2022\n", encoding="utf-8")
    out = tmp_path / "out"
    code, printed = run_import(capsys, "csv", str(source), "--out", str(out), "--body-col", "naskah",
                               "--date-order", "mdy")
    assert code == 0, printed
    records = {r["title"]: r for r in read_out(out)}
    assert records["Satu"] | {"id": None} == {"id": None, "title": "Satu", "body": "Teks satu.", "outlet": "kontan",
                                              "date": "2022-04-05"}
    assert records["Dua"]["outlet"] == "Harian Baru"  # unknown to the table: kept as written
    assert records["Dua"]["date"] == "2022-02-24"


def test_csv_without_body_column_is_reported(tmp_path, capsys):
    source = tmp_path / "export.csv"
    source.write_text("judul,catatan\nSatu,dua\n", encoding="utf-8")
    code, printed = run_import(capsys, "csv", str(source), "--out", str(tmp_path / "out"))
    assert code == 0
    assert "no body column" in printed and "--body-col" in printed


def test_find_columns_recognises_names():
    columns = find_columns(["ID", "Judul", "Isi Berita", "Link", "Published", "Sumber"], {})
    assert columns == {"id": 0, "title": 1, "body": 2, "url": 3, "date": 4, "outlet": 5}
    with pytest.raises(ValueError, match="not a column"):
        find_columns(["judul", "isi"], {"url": "alamat"})


@pytest.mark.parametrize(("text", "order", "date"), [
    ("2022-02-24", None, dt.date(2022, 2, 24)),
    ("2022-02-24T23:10:00+07:00", None, dt.date(2022, 2, 24)),
    ("2022-02-24 23:10:05", None, dt.date(2022, 2, 24)),
    ("24/2/2022", None, dt.date(2022, 2, 24)),
    ("2/24/2022 10:15", None, dt.date(2022, 2, 24)),
    ("4/5/2022", None, dt.date(2022, 5, 4)),
    ("4/5/2022", "dmy", dt.date(2022, 5, 4)),
    ("4/5/2022 08:00 PM", "mdy", dt.date(2022, 4, 5)),
    ("24 Februari 2022", None, dt.date(2022, 2, 24)),
    ("Kamis, 24 Februari 2022 10:00 WIB", None, dt.date(2022, 2, 24)),
    ("24 March 2022", None, dt.date(2022, 3, 24)),
])
def test_date_reader(text, order, date):
    assert DateReader(order=order).parse(text) == date


@pytest.mark.parametrize("text", ["kemarin", "31/2/2022", "13/13/2022", "2022-13-01", "24 Bulan 2022", "1/2/3"])
def test_date_reader_rejects(text):
    with pytest.raises(ValueError, match="not a date|unknown month"):
        DateReader().parse(text)


def test_date_reader_learns_the_column_order_and_notes_a_conflict():
    reader = DateReader()
    assert reader.parse("4/5/2022") == dt.date(2022, 5, 4)  # no evidence yet: D/M
    assert reader.parse("3/13/2022") == dt.date(2022, 3, 13)  # the column writes M/D
    assert reader.parse("4/5/2022") == dt.date(2022, 4, 5)
    assert reader.conflict and "--date-order mdy" in reader.conflict
