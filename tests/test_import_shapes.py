"""`searchapp import` on exports shaped unlike the shared data's: a header under title rows, Excel's
``sep=`` line, WordPress and scraper column names, JSON lists and nested objects, Unix times, HTML
bodies. Short samples written for the tests."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from searchapp.cli import main
from searchapp.ingest.cleaning import repair
from searchapp.ingest.columns import header_score
from searchapp.ingest.datetimes import parse_stamp
from searchapp.ingest.markup import markup_to_text

REPO = Path(__file__).resolve().parent.parent
CONFIG = str(REPO / "config" / "searchapp.yaml")
BODY = "Pemerintah kota meresmikan pasar baru di pusat kota. Pedagang menyambut baik pasar itu."


def imported(tmp_path: Path, capsys, fmt: str, source: Path) -> tuple[int, str, list[dict]]:
    out = tmp_path / f"out-{source.stem}"
    code = main(["import", fmt, str(source), "--out", str(out), "--config", CONFIG])
    captured = capsys.readouterr()
    records = [json.loads(line) for path in sorted(out.glob("*.jsonl")) for line in path.read_text().splitlines()]
    return code, captured.err + captured.out, records


def test_a_csv_header_under_title_rows_and_a_dashboards_xlsx_with_a_merged_row(tmp_path, capsys):
    source = tmp_path / "ekspor.csv"
    source.write_text("Ekspor Berita Harian - Mei 2024,,\nDiunduh: 2024-06-01,,\n,,\n"
                      f"Judul,Isi,Tanggal\nPasar baru,{BODY},4 Mei 2024\n", encoding="utf-8")
    code, said, records = imported(tmp_path, capsys, "csv", source)
    assert code == 0 and len(records) == 1, said
    assert records[0]["title"] == "Pasar baru" and records[0]["date"] == "2024-05-04"
    assert "header on line 4; above it: 'Ekspor Berita Harian - Mei 2024' | 'Diunduh: 2024-06-01'" in said

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Artikel", None, "Publikasi", None])  # a group's name over its columns
    sheet.merge_cells("A1:B1")
    sheet.merge_cells("C1:D1")
    sheet.append(["Judul", "Isi", "Tanggal", "Link"])
    sheet.append(["Pasar baru", BODY, dt.datetime(2024, 5, 4, 10, 0), "https://kaltim.example.id/pasar"])
    workbook = tmp_path / "dasbor.xlsx"
    book.save(workbook)
    code, said, records = imported(tmp_path, capsys, "xlsx", workbook)
    assert code == 0 and [r["title"] for r in records] == ["Pasar baru"], said  # the header row is no article
    assert records[0]["body"] == BODY and records[0]["date"] == "2024-05-04T10:00:00+07:00"
    assert "'Isi' → body" in said and "header on line 2" in said


def test_a_workbook_whose_articles_are_not_on_its_first_sheet(tmp_path, capsys):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Ringkasan"  # a CMS's summary sheet first
    book.active.append(["Ekspor CMS, dibuat 2025-01-02"])
    book.active.append(["Jumlah artikel", 1])
    book.create_sheet("Kosong")
    articles = book.create_sheet("Artikel")
    articles.append(["Laporan ekspor berita"])
    articles.append(["ID", "Judul", "Isi Berita", "Tanggal Terbit", "Link"])
    articles.append([1, "Pasar baru", BODY, "04/05/2024 10:00", "https://kaltim.example.id/pasar"])
    workbook = tmp_path / "cms.xlsx"
    book.save(workbook)
    code, said, records = imported(tmp_path, capsys, "xlsx", workbook)
    assert code == 0 and [r["title"] for r in records] == ["Pasar baru"], said
    assert "sheet 'Artikel' (3 of 3: the one whose header names most columns)" in said
    assert "header on line 2" in said


@pytest.mark.parametrize(("row", "score"), [
    (["Judul", "Isi", "Tanggal", "Link"], 4),
    (["Artikel", "", "Publikasi", ""], 1),  # a merged row over the columns names one at most
    (["Ekspor Berita Harian - Mei 2024", "", ""], 0),
    (["Pasar baru", BODY, "4 Mei 2024"], 0),  # a row of data: its long cells are no names
])
def test_a_header_is_the_row_naming_most_columns(row, score):
    assert header_score(row) == score


def test_excels_separator_line(tmp_path, capsys):
    source = tmp_path / "banten.csv"
    source.write_bytes(f"sep=;\r\nJudul;Isi;Tanggal\r\nPasar baru;{BODY};13/05/2015 10:00\r\n".encode())
    code, said, records = imported(tmp_path, capsys, "csv", source)
    assert code == 0 and records[0]["date"] == "2015-05-13T10:00:00+07:00", said
    assert "delimiter ';' (its first line says so)" in said
    assert records[0]["id"].startswith("u-") or records[0]["title"] == "Pasar baru"


def test_column_names_of_other_tools(tmp_path, capsys):
    wordpress = tmp_path / "wp_posts.csv"
    wordpress.write_text("ID,post_author,post_date,post_date_gmt,post_content,post_title,post_excerpt,guid\n"
                         f"7,3,2023-05-04 10:00:00,2023-05-04 03:00:00,<p>{BODY}</p>,Pasar baru,Ringkas.,"
                         "https://kaltim.example.id/?p=7\n", encoding="utf-8")
    code, said, records = imported(tmp_path, capsys, "csv", wordpress)
    assert code == 0, said
    (record,) = records
    assert record["body"] == BODY and record["title"] == "Pasar baru" and record["summary"] == "Ringkas."
    assert record["date"] == "2023-05-04T10:00:00+07:00" and "reporter" not in record  # "3" is a user's number
    assert "'post_author' holds only numbers, not the reporter's name: left unused" in said

    dotted = tmp_path / "republika.csv"
    dotted.write_text(f"Judul.Berita,Isi.Berita,Tgl. Terbit,waktu\nPasar baru,{BODY},04/05/2023,10.00\n",
                      encoding="utf-8")
    code, said, records = imported(tmp_path, capsys, "csv", dotted)
    assert code == 0 and records[0]["date"] == "2023-05-04T10:00:00+07:00", said

    okezone = tmp_path / "okezone.tsv"
    okezone.write_text(f"headline\tarticle\twaktu\nPasar baru\t{BODY}\t4 Mei 2016, 10.00 WIB\n", encoding="utf-8")
    code, said, records = imported(tmp_path, capsys, "csv", okezone)
    assert code == 0 and records[0]["body"] == BODY, said
    assert records[0]["date"] == "2016-05-04T10:00:00+07:00"
    assert "'waktu' holds whole dates (1 of 1 sampled): read as the date" in said


def test_json_lists_nested_objects_and_a_json_array(tmp_path, capsys):
    scraped = tmp_path / "kumparan.jsonl"
    scraped.write_text(json.dumps({
        "meta": {"title": "Pasar baru", "published": 1683169200000, "url": "https://kumparan.example/pasar"},
        "content": {"text": ["Paragraf satu tentang pasar.", "Paragraf dua tentang pedagang."], "word_count": 9},
        "authors": ["Andika Pratama", "Fitri Handayani"],
        "entities": {"government": ["Wali Kota Surabaya Eri Cahyadi", "Kapolda Metro Jaya Irjen Karyoto"]},
    }) + "\n", encoding="utf-8")
    code, said, records = imported(tmp_path, capsys, "jsonl", scraped)
    assert code == 0, said
    (record,) = records
    assert record["title"] == "Pasar baru" and record["url"] == "https://kumparan.example/pasar"
    assert record["body"] == "Paragraf satu tentang pasar.\n\nParagraf dua tentang pedagang."
    assert record["reporter"] == "Andika Pratama, Fitri Handayani"
    assert record["date"] == "2023-05-04T10:00:00+07:00"  # Unix milliseconds, in WIB
    assert record["people"] == ["Eri Cahyadi", "Karyoto"]  # an object of lists stays an entity list

    array = tmp_path / "beritasatu.json"
    array.write_text(json.dumps({"status": "ok", "data": [{"judul": "Pasar baru", "isi": BODY},
                                                          {"judul": "Kosong", "isi": ""}]}), encoding="utf-8")
    code, said, records = imported(tmp_path, capsys, "jsonl", array)
    assert code == 0 and [r["title"] for r in records] == ["Pasar baru"], said
    assert "JSON, the array 'data' of 2" in said and f"{array}:2: empty body" in said


@pytest.mark.parametrize(("text", "expected"), [
    ("2020/05/04", "2020-05-04"),
    ("2023/05/04 10:00:00", "2023-05-04T10:00:00+07:00"),
    ("1487041200", "2017-02-14T10:00:00+07:00"),  # Unix seconds
    ("1683169200000", "2023-05-04T10:00:00+07:00"),  # Unix milliseconds
    ("20 Agst 2019", "2019-08-20"),
    ("4 Nop 2023", "2023-11-04"),
    ("20230504", "2023-05-04"),
    ("2023-05-04T20:00:00Z", "2023-05-05T03:00:00+07:00"),  # 5 May in Jakarta
    ("Thu, 04 May 2023 03:00:00 GMT", "2023-05-04T10:00:00+07:00"),
])
def test_more_date_forms(text, expected):
    assert parse_stamp(text).isoformat() == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("<p><strong>JAKARTA</strong>&nbsp;- Harga naik.</p><p>&quot;Mahal,&quot; katanya.<br></p>",
     'JAKARTA - Harga naik.\n\n"Mahal," katanya.'),
    ("Baris satu<br>baris dua<script>var x = 1;</script>", "Baris satu\nbaris dua"),
    ("AT&amp;T masuk pasar.", "AT&T masuk pasar."),
    ("Nilai a < b dan <Tuhan> tetap.", "Nilai a < b dan <Tuhan> tetap."),  # no markup: as it is
    ("Harga cabai naik.", "Harga cabai naik."),
])
def test_html_read_as_text(text, expected):
    assert markup_to_text(text) == expected


def test_escaped_line_breaks_and_html_are_read_when_an_article_is_read():
    assert repair("Paragraf satu.\\n\\nParagraf dua.") == "Paragraf satu.\n\nParagraf dua."
    assert repair("Satu.\nDua \\n tetap.") == "Satu.\nDua \\n tetap."  # real lines: a backslash is text
    assert repair("<p>Harga cabai â€œnaikâ€\x9d.</p>") == "Harga cabai “naik”."


def test_an_articles_html_is_read_as_text_and_a_quoted_script_stays_text(tmp_path):
    from conftest import client_over

    client = client_over(tmp_path, [
        {"id": "wp", "title": "Pasar <strong>baru</strong>",
         "body": "<p>Pemerintah kota meresmikan pasar baru.</p><script>track()</script><p>Pedagang senang.</p>"},
        {"id": "quote", "title": "Peretas", "body": "Peretas menulis <script>alert(1)</script> di situs kota itu."},
    ])
    article = client.get("/api/documents/wp").get_json()
    assert article["title"] == "Pasar baru"
    assert article["body"] == "Pemerintah kota meresmikan pasar baru.\n\nPedagang senang."  # no tag, no script
    assert "<script>alert(1)</script>" in client.get("/api/documents/quote").get_json()["body"]
    page = client.get("/artikel/quote").get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page
