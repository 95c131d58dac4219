"""Reading the corpus: every format, and every kind of bad input reported and skipped."""

import codecs
import datetime as dt

import pytest

from searchapp.ingest.corpus import Article, read_corpus
from searchapp.ingest.files import Skipped


def read(folder):
    items = list(read_corpus(folder))
    return ([i for i in items if isinstance(i, Article)], {s.source: s.reason for s in items if isinstance(s, Skipped)})


def test_raw_text_article(tmp_path):
    (tmp_path / "a.txt").write_text("Isi berita.\n", encoding="utf-8")
    articles, skipped = read(tmp_path)
    assert skipped == {}
    assert articles[0].id == "a" and articles[0].body == "Isi berita." and articles[0].title is None


def test_front_matter_metadata(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text(
        "---\ntitle: Judul\noutlet: Kontan\ndate: 2022-02-24\nurl: https://x.id/a\npeople: [A B, C D]\n---\nIsi.\n",
        encoding="utf-8")
    (article,), skipped = read(tmp_path)
    assert article.id == "sub/b" and article.title == "Judul" and article.outlet == "Kontan"
    assert article.date == dt.date(2022, 2, 24) and article.people == ("A B", "C D")
    assert article.body == "Isi."


def test_jsonl_and_json_records(tmp_path):
    (tmp_path / "r.jsonl").write_text(
        '{"id": "x1", "title": "T", "body": "Satu."}\n\n{"body": "Dua.", "date": "2022-01-02T10:00:00"}\n',
        encoding="utf-8")
    (tmp_path / "s.json").write_text('[{"body": "Tiga."}, {"text": "Empat."}]', encoding="utf-8")
    articles, skipped = read(tmp_path)
    assert skipped == {}
    assert [a.id for a in articles] == ["x1", "r/3", "s/1", "s/2"]
    assert articles[1].date == dt.date(2022, 1, 2)


def test_bad_inputs_are_reported_and_the_rest_read(tmp_path):
    (tmp_path / "good.txt").write_text("Berita baik.", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 berita".encode("latin-1"))
    (tmp_path / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + "Berita UTF-16.".encode("utf-16-le"))
    (tmp_path / "bom.txt").write_bytes(codecs.BOM_UTF8 + b"Berita BOM.")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "lines.jsonl").write_text('{"body": "Baik."}\n{not json}\n[1, 2]\n{"title": "no body"}\n',
                                          encoding="utf-8")
    (tmp_path / "list.md").write_text("---\n- a\n- b\n---\nIsi.\n", encoding="utf-8")
    (tmp_path / "open.md").write_text("---\ntitle: x\nIsi tanpa penutup.\n", encoding="utf-8")
    (tmp_path / "badyaml.md").write_text("---\ntitle: [x\n---\nIsi.\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("tersembunyi", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    articles, skipped = read(tmp_path)
    assert sorted(a.body for a in articles) == ["Baik.", "Berita BOM.", "Berita UTF-16.", "Berita baik."]
    assert "not valid UTF-8 (byte 0xe9" in skipped["latin1.txt"]
    assert skipped["empty.txt"] == "empty file" and skipped["blank.txt"] == "empty file"
    assert "binary" in skipped["binary.txt"]
    assert "line 2 is not valid JSON" in skipped["lines.jsonl#2"]
    assert "not an object" in skipped["lines.jsonl#3"]
    assert "no article text" in skipped["lines.jsonl#4"]
    assert "not a mapping" in skipped["list.md"]
    assert "never closed" in skipped["open.md"]
    assert "not valid YAML" in skipped["badyaml.md"]
    assert len(skipped) == 10


def test_bad_explicit_date_is_a_warning_not_a_loss(tmp_path):
    (tmp_path / "d.jsonl").write_text('{"body": "Isi.", "date": "kemarin"}\n', encoding="utf-8")
    (article,), skipped = read(tmp_path)
    assert article.date is None and "'date' ignored" in article.warnings[0]


def test_collected_day_is_read_and_checked(tmp_path):
    (tmp_path / "d.jsonl").write_text('{"body": "Isi.", "collected": "2017-09-08"}\n'
                                      '{"body": "Isi.", "collected": "dulu"}\n', encoding="utf-8")
    (good, bad), skipped = read(tmp_path)
    assert good.collected == dt.date(2017, 9, 8) and not good.warnings
    assert bad.collected is None and "'collected' ignored: 'dulu'" in bad.warnings[0]
    assert good.content_hash != Article(id=good.id, source=good.source, body="Isi.").content_hash


def test_content_hash_follows_text_and_metadata():
    a = Article(id="a", source="a.txt", body="Isi.")
    assert a.content_hash == Article(id="a", source="other.txt", body="Isi.").content_hash
    assert a.content_hash != Article(id="a", source="a.txt", body="Isi!").content_hash
    assert a.content_hash != Article(id="a", source="a.txt", body="Isi.", title="T").content_hash


def test_jsonl_is_streamed_and_a_bad_line_is_skipped_alone(tmp_path):
    lines = [b'{"id": "a", "body": "Satu."}', b'{"id": "b", "body": "Caf\xe9."}', b'{"id": "c", "body": "Tiga."}']
    (tmp_path / "big.jsonl").write_bytes(b"\xef\xbb\xbf" + b"\n".join(lines) + b"\n")
    articles, skipped = read(tmp_path)
    assert [a.id for a in articles] == ["a", "c"]
    assert skipped == {"big.jsonl#2": "line 2 is not valid UTF-8 (byte 0xe9)"}


def test_links_fifos_and_loops_are_passed_over_with_the_reason(tmp_path):
    import os

    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "rahasia.txt").write_text("Berkas di luar korpus tidak boleh terbaca sama sekali.", encoding="utf-8")
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "sub" / "asli.txt").write_text("Artikel asli yang ada di dalam korpus ini.", encoding="utf-8")
    (corpus / "keluar").symlink_to(outside)  # a folder out of the corpus
    (corpus / "keluar.txt").symlink_to(outside / "rahasia.txt")  # a file out of the corpus
    (corpus / "salinan.txt").symlink_to(corpus / "sub" / "asli.txt")  # a file of the corpus, again
    (corpus / "putar.txt").symlink_to(corpus / "putar.txt")  # a loop
    (corpus / "dalam").symlink_to(corpus / "sub")  # a folder of the corpus, again
    os.mkfifo(corpus / "pipa.txt")
    found = list(read_corpus(corpus))
    articles = [item.source for item in found if isinstance(item, Article)]
    skipped = {item.source: item.reason for item in found if isinstance(item, Skipped)}
    assert articles == ["sub/asli.txt"]  # read once, where it is
    assert "out of the corpus" in skipped["keluar"] and "out of the corpus" in skipped["keluar.txt"]
    assert "read there" in skipped["salinan.txt"] and "loop" in skipped["putar.txt"]
    assert "not a regular file" in skipped["pipa.txt"] and "dalam" not in skipped


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read_and_binary_is_not(tmp_path, encoding):
    (tmp_path / "tanpa-bom.txt").write_bytes("Berita dalam UTF-16 tanpa penanda urutan bita.".encode(encoding))
    (tmp_path / "gambar.txt").write_bytes(bytes(range(256)) * 4)
    found = {item.source: item for item in read_corpus(tmp_path)}
    assert found["tanpa-bom.txt"].body == "Berita dalam UTF-16 tanpa penanda urutan bita."
    assert isinstance(found["gambar.txt"], Skipped) and "binary" in found["gambar.txt"].reason
