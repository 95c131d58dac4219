"""`searchapp import`: IndoSum and exports (CSV, XLSX, JSON Lines) turned into corpus files, on small
hand-written samples shaped like the real ones."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest

from searchapp.cli import main
from searchapp.ingest.columns import find_columns
from searchapp.ingest.corpus import Article, read_corpus
from searchapp.ingest.datetimes import DateError, parse_stamp
from searchapp.ingest.detokenize import detokenize, indosum_text
from searchapp.ingest.export import entity_names
from searchapp.ingest.identity import normalize_url
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
    assert "6 read, 3 written, 1 replaced (the same URL or id again: the newest version kept), 2 skipped" in printed
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
    assert sorted(p.name for p in out.iterdir()) == ["in-0001.jsonl", "in-0002.jsonl", "in-0003.jsonl"]
    source.write_text(lines[0] + "\n")
    run_import(capsys, "indosum", str(source), "--out", str(out))
    assert sorted(p.name for p in out.iterdir()) == ["in-0001.jsonl"]
    assert len(read_out(out)) == 1


# ---------------------------------------------------------------------------------------------------
# Exports


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
    assert "6 read, 4 written, 0 replaced (the same URL or id again: the newest version kept), 2 skipped, " \
           "1 warnings" in printed
    assert f"{source}:7: wrong number of columns (2, the header has 4)" in printed
    assert f"{source}:8: empty body" in printed
    assert "bad date, kept without it" in printed

    records = read_out(out)
    by_title = {r["title"]: r for r in records}
    assert by_title["Banjir di Bekasi"]["date"] == "2022-03-13T10:00:00+07:00"  # a time: WIB unless written
    assert by_title["Banjir di Bekasi"]["outlet"] == "kompas"  # from the URL's host
    assert by_title["Gempa"]["date"] == "2022-04-05"  # the column's own dates decide: M/D
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
                               "--date-col", "waktu", "--date-order", "mdy")
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
    assert code == 1  # nothing imported: a failure
    assert "no body column" in printed and "--body-col" in printed


def test_a_failed_reimport_keeps_the_earlier_import(tmp_path, capsys):
    source = tmp_path / "export.csv"
    source.write_text("judul,isi\nSatu,Isi satu.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run_import(capsys, "csv", str(source), "--out", str(out))[0] == 0
    source.write_text("", encoding="utf-8")  # the export broke: empty
    code, printed = run_import(capsys, "csv", str(source), "--out", str(out))
    assert code == 1 and "empty file" in printed
    assert [r["title"] for r in read_out(out)] == ["Satu"]


def test_find_columns_recognises_names():
    columns = find_columns(["ID", "Judul", "Isi Berita", "Link", "Published", "Sumber"], {})
    assert columns == {"id": 0, "title": 1, "body": 2, "url": 3, "date": 4, "outlet": 5}
    indonews = find_columns(["sumber", "url", "judul", "author", "tanggal_publikasi", "isi_berita"], {})
    assert indonews == {"title": 2, "body": 5, "url": 1, "date": 4, "outlet": 0, "reporter": 3}
    click = find_columns(["title", "source", "date", "time", "category", "sub-category", "content", "url"], {})
    assert click == {"title": 0, "body": 6, "url": 7, "date": 2, "time": 3, "outlet": 1, "category": 4}
    assert find_columns(["berita", "tagging"], {}) == {"body": 0}
    with pytest.raises(ValueError, match="not a column"):
        find_columns(["judul", "isi"], {"url": "alamat"})


@pytest.mark.parametrize(("header", "expected"), [
    (["headline", "article_text", "published", "link", "site"],
     {"title": 0, "body": 1, "date": 2, "url": 3, "outlet": 4}),
    (["news_title", "news_content", "publish_date", "image_url", "article_url", "site_name", "author_name"],
     {"title": 0, "body": 1, "date": 2, "url": 4, "outlet": 5, "reporter": 6}),  # not the image's address
    (["judul_artikel", "isi_artikel", "tanggal_berita", "link_artikel", "nama_media", "kategori_berita"],
     {"title": 0, "body": 1, "date": 2, "url": 3, "outlet": 4, "category": 5}),
    (["title", "content", "content_html", "url"], {"title": 0, "body": 1, "url": 3}),  # a name first
    (["id", "headline", "source.url", "published_at", "content.text", "source.name"],  # a nested JSON export
     {"id": 0, "title": 1, "url": 2, "date": 3, "body": 4, "outlet": 5}),
    (["text_1", "text_2", "link"], None),  # two bodies by their words: neither, and the import says so
    (["title_text", "url"], None),  # the words of two roles: neither
])
def test_a_header_no_name_fits_is_read_by_its_words(header, expected):
    if expected is None:
        with pytest.raises(ValueError, match="no body column"):
            find_columns(header, {})
    else:
        assert find_columns(header, {}) == expected


WIB = "+07:00"


@pytest.mark.parametrize(("text", "order", "expected", "updated"), [
    ("2022-02-24", "dmy", "2022-02-24", False),
    ("2022-02-24T23:10:00+07:00", "dmy", "2022-02-24T23:10:00+07:00", False),
    ("2022-02-24 23:10:05", "dmy", f"2022-02-24T23:10:05{WIB}", False),
    ("24/2/2022", "dmy", "2022-02-24", False),
    ("2/24/2022 10:15", "dmy", f"2022-02-24T10:15:00{WIB}", False),  # 24 is no month: M/D whatever the order
    ("4/5/2022", "dmy", "2022-05-04", False),
    ("4/5/2022 08:00 PM", "mdy", f"2022-04-05T20:00:00{WIB}", False),
    ("24 Februari 2022", "dmy", "2022-02-24", False),
    ("Kamis, 24 Februari 2022 10:00 WIB", "dmy", f"2022-02-24T10:00:00{WIB}", False),
    ("24 March 2022", "dmy", "2022-03-24", False),
    ("June 18, 2025 2:05 PM", "dmy", f"2025-06-18T14:05:00{WIB}", False),
    # as the sites of ../shared/data/indonews print them
    ("Diperbarui 18 Jun 2025, 14:05 WIB", "dmy", f"2025-06-18T14:05:00{WIB}", True),
    ("Kompas.com - 18/06/2025, 20:04 WIB Diperbarui 19/06/2025, 09:00 WIB", "dmy", f"2025-06-18T20:04:00{WIB}",
     False),  # the publication time, then the update: the first is read, and it is no update
    (",\xa0Jurnalis-Senin, 16 Juni 2025 |15:20 WIB", "dmy", f"2025-06-16T15:20:00{WIB}", False),
    ("18 Juni 2025 | 20.04 WIB", "dmy", f"2025-06-18T20:04:00{WIB}", False),
    ("Kompas.com- 18/06/2025, 21:35 WIB", "dmy", f"2025-06-18T21:35:00{WIB}", False),
    ("Rabu   18 Jun 2025  22:02 WIB", "dmy", f"2025-06-18T22:02:00{WIB}", False),
    ("18 Jun 2025 10:00 WITA", "dmy", "2025-06-18T10:00:00+08:00", False),
    ("18 Jun 2025 10:00 WIT", "dmy", "2025-06-18T10:00:00+09:00", False),
    ("Wed, 18 Jun 2025 14:05:00 +0700", "dmy", f"2025-06-18T14:05:00{WIB}", False),
    # as ../shared/data/click-id writes them
    ("10-Sep-19", "dmy", "2019-09-10", False),
    ("31 Juli 2019", "dmy", "2019-07-31", False),
    ("43718", "dmy", "2019-09-10", False),  # a spreadsheet serial number
    ("43718.5", "dmy", f"2019-09-10T12:00:00{WIB}", False),
])
def test_dates_as_printed(text, order, expected, updated):
    stamp = parse_stamp(text, order)
    assert stamp.isoformat() == expected and stamp.updated is updated


@pytest.mark.parametrize("text", ["kemarin", "31/2/2022", "13/13/2022", "2022-13-01", "24 Bulan 2022", "1/2/3",
                                  "12345", "Rp 16.216"])
def test_dates_rejected(text):
    with pytest.raises(DateError):
        parse_stamp(text)


def test_the_date_order_is_decided_by_the_column_and_said(tmp_path, capsys):
    source = tmp_path / "export.csv"
    source.write_text("judul,isi,tanggal\nA,Teks a.,4/5/2022\nB,Teks b.,3/13/2022\nC,Teks c.,6/7/2022\n",
                      encoding="utf-8")
    out = tmp_path / "out"
    code = main(["import", "csv", str(source), "--out", str(out), "--config", CONFIG])
    said = capsys.readouterr().err
    assert code == 0
    assert "order M/D/YYYY: 0 of 3 numeric dates parse only as D/M/YYYY, 1 only as M/D/YYYY" in said
    by_title = {r["title"]: r["date"] for r in read_out(out)}
    assert by_title == {"A": "2022-04-05", "B": "2022-03-13", "C": "2022-06-07"}  # M/D, as row B shows


def test_the_mapping_is_printed_before_writing_and_a_dry_run_writes_nothing(tmp_path, capsys):
    source = tmp_path / "kanal.csv"
    source.write_text("judul,isi_berita,url,tanggal_publikasi,sumber,author,tagging\n"
                      "Harga cabai naik,Harga cabai naik lagi.,https://www.detik.com/a/1,"
                      "\"Rabu, 18 Jun 2025 07:30 WIB\",detik.com,Retno,x\n", encoding="utf-8")
    code = main(["import", "csv", str(source), "--dry-run", "--config", CONFIG])
    captured = capsys.readouterr()
    assert code == 0
    assert "'isi_berita' → body" in captured.err and "'tanggal_publikasi' → date" in captured.err
    assert "unused: 'tagging'" in captured.err
    assert "1 of 1 sampled dates read (1 named); no date written NN/NN/YYYY, no order to choose" in captured.err
    assert '"date": "2025-06-18T07:30:00+07:00"' in captured.out and "nothing written" in captured.out
    assert not (tmp_path / "out").exists() and list(tmp_path.iterdir()) == [source]


def test_cp1252_with_semicolons_and_an_xlsx_sheet(tmp_path, capsys):
    hoax = tmp_path / "hoax.csv"
    hoax.write_bytes("berita;tagging\n\"Isu lele \x93paling jorok\x94 menyebar.\";hoax\n".encode("latin-1"))
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["title", "source", "date", "time", "category", "content", "url"])
    sheet.append(["Trase LRT", "tempo.co", dt.datetime(2019, 9, 17), "21:12", "bisnis", "Badan Pengelola usul.",
                  "https://bisnis.tempo.co/read/1249068/trase-lrt"])
    sheet.append(["Serial", "tempo.co", 43718, None, "nasional", "Teks kedua.", "https://tempo.co/read/2"])
    sheet.append(["Sore", "tempo.co", "10-Sep-19", "2:05 PM", "nasional", "Teks ketiga.", "https://tempo.co/read/3"])
    sheet.append(["Makassar", "tempo.co", "10-Sep-19", "10.00 WITA", "daerah", "Teks empat.", "https://tempo.co/4"])
    # a carriage return as OOXML escapes it, which openpyxl's read-only reader leaves in
    sheet.append(["Pensiun", "tempo.co", "10-Sep-19", None, "sport", "Laga pamungkas.,_x000D_\n\t\tSelesai.",
                  "https://tempo.co/5"])
    workbook = tmp_path / "tempo.xlsx"
    book.save(workbook)
    out = tmp_path / "out"
    code, printed = run_import(capsys, "csv", str(hoax), str(workbook), "--out", str(out))
    assert code == 0, printed
    records = {r.get("title", "hoax"): r for r in read_out(out)}
    assert records["hoax"]["body"] == "Isu lele “paling jorok” menyebar."  # cp1252 quotes
    assert records["Trase LRT"] | {"id": None} == {
        "id": None, "title": "Trase LRT", "body": "Badan Pengelola usul.", "outlet": "tempo",
        "date": "2019-09-17T21:12:00+07:00", "url": "https://bisnis.tempo.co/read/1249068/trase-lrt",
        "category": "bisnis"}
    assert records["Serial"]["date"] == "2019-09-10"
    assert records["Sore"]["date"] == "2019-09-10T14:05:00+07:00"  # a time column read as times are printed
    assert records["Makassar"]["date"] == "2019-09-10T10:00:00+08:00"
    assert records["Pensiun"]["body"] == "Laga pamungkas.,\n\t\tSelesai."


_MISREAD = [dt.datetime(2019, 10, 9), dt.datetime(2019, 10, 9), dt.datetime(2019, 11, 9), dt.datetime(2019, 12, 9),
            dt.datetime(2019, 1, 10)]  # 9, 10, 11, 12 September and 1 October, read month first


@pytest.mark.parametrize(("cells", "swapped"), [
    # a spreadsheet set to M/D read `10/09/2019` as 9 October and left `16/09/2019` as text
    ([*_MISREAD, "16/09/2019", "30/09/2019", "17/09/2019 21:48"], True),
    # a date cell past day 12 could not come from such a reading: the cells are as they were typed
    ([*_MISREAD[:4], dt.datetime(2019, 9, 25), "16/09/2019", "30/09/2019", "17/09/2019"], False),
    # no typed date that reads only as D/M beside them: nothing says the spreadsheet misread them
    ([*_MISREAD, "17 September 2019", "30 September 2019", "18 September 2019"], False),
    ([*_MISREAD, "16/09/2019 08:00 WIB", "30/09/2019 10:00 WIB", "17/09/2019 09:00 WIB"], False),  # unreadable anyway
    # one that reads only as M/D: the column is not D/M
    ([*_MISREAD, "16/09/2019", "30/09/2019", "17/09/2019", "09/18/2019"], False),
    # too few date cells, or too few such texts beside many cells, to tell
    ([*_MISREAD[:4], "16/09/2019", "30/09/2019", "17/09/2019"], False),
    ([*_MISREAD * 8, "16/09/2019", "30/09/2019", "17/09/2019"], False),
])
def test_date_cells_a_spreadsheet_read_month_first_are_swapped_back(cells, swapped, tmp_path, capsys):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["title", "date", "time", "content"])
    for n, cell in enumerate(cells):
        sheet.append([f"Berita {n}", cell, "21:48 WIB", f"Isi berita {n}."])
    workbook = tmp_path / "kompas.xlsx"
    book.save(workbook)
    out = tmp_path / "out"
    code = main(["import", "xlsx", str(workbook), "--out", str(out), "--config", CONFIG])
    said = capsys.readouterr().err
    assert code == 0, said
    assert ("a spreadsheet read D/M dates month first, so their day and month are swapped back" in said) == swapped
    dates = {r["title"]: r["date"] for r in read_out(out)}
    for n, cell in enumerate(cells):
        if isinstance(cell, dt.datetime):
            day = dt.date(cell.year, cell.day, cell.month) if swapped else cell.date()
            assert dates[f"Berita {n}"] == f"{day.isoformat()}T21:48:00+07:00"  # the time of day kept


def test_a_date_cell_that_contradicts_a_swapped_column_is_kept_and_reported(tmp_path, capsys):
    import openpyxl

    from searchapp.ingest.export import SAMPLE

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["title", "date", "content"])
    for n in range(SAMPLE):  # the sample: misread cells beside the texts the spreadsheet could not read
        sheet.append([f"Berita {n}", _MISREAD[n % 5] if n % 2 else "16/09/2019", f"Isi {n}."])
    sheet.append(["Terakhir", dt.datetime(2019, 9, 25), "Isi terakhir."])
    workbook = tmp_path / "kompas.xlsx"
    book.save(workbook)
    out = tmp_path / "out"
    code, printed = run_import(capsys, "xlsx", str(workbook), "--out", str(out))
    assert code == 0 and "1 warnings" in printed
    assert "kompas.xlsx:202" in printed and "past day 12 in a column read as swapped" in printed
    dates = {r["title"]: r["date"] for r in read_out(out)}
    assert dates["Terakhir"] == "2019-09-25" and dates["Berita 1"] == "2019-09-10"  # swapped back


def test_the_same_url_twice_is_one_article_the_newest_kept(tmp_path, capsys):
    crawl = tmp_path / "crawl.csv"
    crawl.write_text(
        "judul,isi,url,tanggal\n"
        "Versi lama,Isi lama.,https://www.detik.com/berita/1?utm_source=x,18 Jun 2025 10:00 WIB\n"
        "Versi baru,Isi baru.,http://detik.com/berita/1/,18 Jun 2025 12:00 WIB\n"
        "Lain,Isi lain.,https://detik.com/berita/2,17 Jun 2025\n"
        "Versi tengah,Isi tengah.,https://m.detik.com/berita/1,18 Jun 2025 11:00 WIB\n", encoding="utf-8")
    out = tmp_path / "out"
    code, printed = run_import(capsys, "csv", str(crawl), "--out", str(out))
    assert code == 0 and "4 read, 2 written, 2 replaced" in printed
    assert sorted(r["title"] for r in read_out(out)) == ["Lain", "Versi baru"]


def test_an_article_an_earlier_import_wrote_under_another_name_counts_as_replaced(tmp_path, capsys):
    """Two crawls imported together, then one of them again on its own: its rows are already in the folder
    (in the first import's files), so the summary says they replace them, not that they were all new."""
    out = tmp_path / "out"
    first, second = tmp_path / "senin.csv", tmp_path / "selasa.csv"
    first.write_text("judul,isi,url\nSatu,Isi satu.,https://detik.com/berita/1\n", encoding="utf-8")
    second.write_text("judul,isi,url\nDua,Isi dua.,https://detik.com/berita/2\n"
                      "Satu lagi,Isi satu lagi.,https://www.detik.com/berita/1/\n", encoding="utf-8")
    assert run_import(capsys, "csv", str(first), str(second), "--out", str(out))[0] == 0  # one set of files
    code, printed = run_import(capsys, "csv", str(second), "--out", str(out))
    assert code == 0 and "2 read, 2 written, 2 replaced" in printed
    fresh = tmp_path / "fresh"
    assert "2 read, 2 written, 0 replaced" in run_import(capsys, "csv", str(second), "--out", str(fresh))[1]
    assert "2 read, 2 written, 2 replaced" in run_import(capsys, "csv", str(second), "--out", str(fresh))[1]


def test_two_exports_with_numbered_ids_do_not_collide_and_add_up(tmp_path, capsys):
    out = tmp_path / "out"
    for name in ("januari", "februari"):
        export = tmp_path / f"{name}.csv"
        export.write_text(f"id,judul,isi\n1,Satu {name},Isi satu {name}.\n2,Dua {name},Isi dua {name}.\n",
                          encoding="utf-8")
        assert run_import(capsys, "csv", str(export), "--out", str(out))[0] == 0
    ids = sorted(r["id"] for r in read_out(out))
    assert ids == ["februari/1", "februari/2", "januari/1", "januari/2"]


@pytest.mark.parametrize(("cell", "names"), [
    ('["Presiden Prabowo Subianto", "Sri Mulyani"]', ["Presiden Prabowo Subianto", "Sri Mulyani"]),
    ('{"government": ["Presiden Prabowo Subianto"], "other": ["Tito Karnavian"]}',
     ["Presiden Prabowo Subianto", "Tito Karnavian"]),
    ("Joko Widodo; Ma'ruf Amin", ["Joko Widodo", "Ma'ruf Amin"]),
    ("", []),
])
def test_entity_cells(cell, names):
    assert entity_names(cell) == names


def test_entity_lists_keep_people_without_their_titles(tmp_path, capsys):
    source = tmp_path / "cms.jsonl"
    source.write_text(json.dumps({"id": 7, "title": "Rapat", "content": "Rapat kabinet digelar.",
                                  "entities": {"government": ["Menteri Dalam Negeri Tito Karnavian",
                                                              "Presiden Prabowo Subianto"],
                                               "org": ["kementerian keuangan"]}}) + "\n"
                      + '{"id": 8, "title": "Rusak", "content": "Isi.", "entities": "{\\"government\\": [1"}\n',
                      encoding="utf-8")
    out = tmp_path / "out"
    code, printed = run_import(capsys, "jsonl", str(source), "--out", str(out))
    assert code == 0, printed
    records = {r["title"]: r for r in read_out(out)}
    assert records["Rapat"]["people"] == ["Tito Karnavian", "Prabowo Subianto"]
    assert "people" not in records["Rusak"] and "people ignored: entity list is not valid JSON" in printed


@pytest.mark.parametrize(("url", "canonical"), [
    ("https://www.kompas.com/read/2025/06/18/x", "kompas.com/read/2025/06/18/x"),
    ("http://kompas.com/read/2025/06/18/x/", "kompas.com/read/2025/06/18/x"),
    ("https://kompas.com/read/2025/06/18/x?utm_source=fb&utm_medium=social#komentar", "kompas.com/read/2025/06/18/x"),
    ("https://amp.kompas.com/read/2025/06/18/x", "kompas.com/read/2025/06/18/x"),
    ("https://m.detik.com/news/berita/d-1/judul", "detik.com/news/berita/d-1/judul"),
    ("https://news.detik.com/berita/d-1/judul/amp", "news.detik.com/berita/d-1/judul"),
    ("https://www.liputan6.com/amp/6055023/judul", "liputan6.com/6055023/judul"),
    ("https://x.id/a?b=2&a=1&fbclid=z", "x.id/a?a=1&b=2"),
    ("https://x.id/a?page=2", "x.id/a?page=2"),
    ("https://nasional.kompas.com/read/2023/05/04/1/judul?page=all", "nasional.kompas.com/read/2023/05/04/1/judul"),
    ("https://news.detik.com/berita/d-1/judul?single=1", "news.detik.com/berita/d-1/judul"),
    ("https://x.id/a?single=0", "x.id/a?single=0"),
    ("javascript:alert(1)", None),
    ("", None),
])
def test_normalize_url(url, canonical):
    assert normalize_url(url) == canonical


@pytest.mark.parametrize(("url", "followed"), [
    ("https://www.detik.com/a/b?utm_source=twitter&utm_medium=social", "https://www.detik.com/a/b"),
    ("https://x.id/a?id=5&utm_source=x&fbclid=Iw1#top", "https://x.id/a?id=5#top"),
    ("https://x.id/a?page=2", "https://x.id/a?page=2"),  # no tracking: as written
    ("https://x.id/a", "https://x.id/a"),
])
def test_a_source_link_is_shown_without_its_tracking_parameters(url, followed, tmp_path):
    from conftest import client_over

    from searchapp.ingest.identity import without_tracking

    assert without_tracking(url) == followed
    if "utm_source=twitter" in url:  # and so an article's link, in the API and the page
        client = client_over(tmp_path, [{"id": "a", "url": url, "body": "Harga cabai naik di pasar induk. " * 4}])
        assert client.get("/api/documents/a").get_json()["url"] == followed
        assert "utm_" not in client.get("/artikel/a").get_data(as_text=True)


@pytest.mark.parametrize(("stated", "url", "day"), [
    ("2019-10-09", "https://nasional.kompas.com/read/2019/09/10/1234/judul", "2019-09-10"),  # swapped: the URL's
    ("2019-09-10", "https://nasional.kompas.com/read/2019/09/10/1234/judul", "2019-09-10"),
    ("2019-09-11", "https://nasional.kompas.com/read/2019/09/10/1234/judul", "2019-09-11"),  # another day: stated
    ("2019-10-09", "https://contoh.id/berita/judul", "2019-10-09"),  # no date in the URL
])
def test_a_stated_day_a_spreadsheet_swapped_is_the_urls(stated, url, day, tmp_path):
    from conftest import client_over

    client = client_over(tmp_path, [{"id": "a", "url": url, "date": stated,
                                     "body": "Harga cabai naik di pasar induk hari ini. " * 4}])
    assert client.get("/api/documents/a").get_json()["date"] == day


@pytest.mark.parametrize(("url", "day", "updated"), [
    # the site printed its last update (`Diperbarui 19/06/2025`); the URL says when it was first published
    ("https://tekno.kompas.com/read/2024/02/27/1234/hp-kehujanan", "2024-02-27", False),
    ("https://contoh.id/berita/hp-kehujanan", "2025-06-19", True),  # no date in the URL: the update, said so
    ("https://tekno.kompas.com/read/2025/06/20/1234/hp", "2025-06-19", True),  # a later URL day is no first one
])
def test_an_update_time_gives_way_to_the_urls_earlier_day(url, day, updated, tmp_path):
    from conftest import client_over

    client = client_over(tmp_path, [{"id": "a", "url": url, "date": "2025-06-19T14:05:00+07:00", "updated": True,
                                     "body": "Ponsel yang terkena hujan perlu segera dikeringkan. " * 4}])
    document = client.get("/api/documents/a").get_json()
    assert (document["date"], document["updated"]) == (day, updated)
    page = client.get("/artikel/a").get_data(as_text=True)
    assert ('class="updated">Diperbarui<' in page) == updated


def test_collected_bounds_an_exports_dates_read_from_text(tmp_path, capsys):
    """An export whose rows state no date: `--collected` says when it was made, and no date read from the
    text comes after it (a weekday date is placed in the last year, before it, that fits)."""
    from searchapp.config import load_settings
    from searchapp.documents import DocumentContext
    from searchapp.ingest.corpus import read_corpus

    source = tmp_path / "rumours.csv"
    source.write_text("berita;tagging\n\"Massa tertahan di masjid, Senin (20/2) malam. Polisi berjaga.\";Hoax\n"
                      "\"Warga antre bantuan pada Kamis, 16 Januari 2014.\";Valid\n", encoding="cp1252")
    code, _out = run_import(capsys, "csv", str(source), "--out", str(tmp_path / "c"), "--collected", "2018-12-31")
    assert code == 0 and [r["collected"] for r in read_out(tmp_path / "c")] == ["2018-12-31", "2018-12-31"]
    builder = DocumentContext(load_settings(CONFIG), dt.date(2026, 12, 2)).load()
    days = [builder.document(a)["date"].date() for a in read_corpus(tmp_path / "c")]
    assert days == [dt.date(2017, 2, 21), dt.date(2014, 1, 16)]  # 2017, not 2023: before the export was made
    undated = replace(next(iter(read_corpus(tmp_path / "c"))), collected=None)
    assert builder.document(undated)["date"].date() == dt.date(2023, 2, 21)  # no year to go by: the latest
    dated = replace(undated, body="Anggaran 2016 dibahas. " + undated.body)
    assert builder.document(dated)["date"].date() == dt.date(2017, 2, 21)  # near the year the text mentions
    with pytest.raises(SystemExit):
        main(["import", "csv", str(source), "--out", str(tmp_path / "d"), "--collected", "2018-13-01"])
    assert "not a day written YYYY-MM-DD" in capsys.readouterr().err
