"""`searchapp eval duplicates` and `searchapp eval boilerplate` on tiny folders shaped like the real data
sets (hoax600's cp1252 `;` CSV in topic order, click-id's workbooks, indonews's crawls)."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl

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
    for day, body in (("18", STORY + "\nAdvertisement\nBaca Juga"), ("19", STORY + " Pengurus menegaskan lagi.")):
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


def test_eval_boilerplate_counts_and_samples_removed_lines(tmp_path, capsys):
    data = make_data(tmp_path / "data")
    assert main(["eval", "boilerplate", "--data", str(data / "indonews"), "--config", CONFIG]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2 articles, 4 non-empty lines; 2 boilerplate lines removed from 1 articles")
    assert "[liputan6] advertisement: Advertisement" in out and "[liputan6] read also: Baca Juga" in out


def test_eval_needs_its_folder(tmp_path, capsys):
    assert main(["eval", "duplicates", "--data", str(tmp_path / "none"), "--config", CONFIG]) == 2
    assert "folder not found" in capsys.readouterr().err
