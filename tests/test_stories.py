"""Copies of one story (syndicated, republished, lightly rewritten) grouped at index time, shown once in
results with where else they ran; every article still counted and findable."""

from __future__ import annotations

import pytest

from searchapp.extract.fingerprint import fingerprint, similarity
from searchapp.index.stories import find_stories

WIRE = ("Bank Indonesia menurunkan suku bunga acuan sebesar 25 basis poin menjadi 5,50 persen dalam rapat dewan "
        "gubernur yang berakhir Rabu sore. Gubernur Bank Indonesia Perry Warjiyo mengatakan keputusan itu "
        "diambil untuk menjaga pertumbuhan ekonomi di tengah ketidakpastian global yang masih tinggi, sementara "
        "inflasi diperkirakan tetap terkendali dalam kisaran sasaran hingga akhir tahun depan. Rupiah menguat "
        "tipis setelah pengumuman itu dan indeks harga saham gabungan ditutup naik hampir satu persen.")
# the same wire text as a second outlet printed it: its own dateline, one word changed, a sentence added
REPRINT = ("JAKARTA - " + WIRE.replace("Rabu sore", "Rabu petang")
           + " Para analis menilai langkah itu sudah diperkirakan pasar.")
OTHER = ("Harga cabai rawit di sejumlah pasar tradisional di Jakarta melonjak hingga dua kali lipat dalam sepekan "
         "terakhir karena pasokan dari daerah sentra produksi berkurang akibat hujan deras. Pedagang di Pasar "
         "Induk Kramat Jati mengatakan pembeli mulai mengurangi belanja, sementara pemerintah daerah berjanji "
         "menggelar operasi pasar untuk menahan kenaikan harga sebelum hari raya.")
# the same topic, another story: the central bank's decision told anew, not copied
SAME_TOPIC = ("Keputusan bank sentral memangkas bunga disambut pelaku usaha. Ketua asosiasi pengusaha menyebut "
              "biaya kredit modal kerja akan turun dan ekspansi pabrik baru bisa dipercepat, meski permintaan "
              "ekspor masih lesu karena perlambatan ekonomi Tiongkok dan Eropa yang berlangsung sejak awal tahun.")


def test_fingerprints_agree_for_copies_not_for_other_stories():
    assert similarity(fingerprint(WIRE), fingerprint(WIRE)) == 1.0
    assert similarity(fingerprint(WIRE), fingerprint(REPRINT)) > 0.6
    assert similarity(fingerprint(WIRE), fingerprint(OTHER)) < 0.1
    assert similarity(fingerprint(WIRE), fingerprint(SAME_TOPIC)) < 0.1
    assert fingerprint("Gempa di Cianjur.") is None  # too short to tell a copy from a coincidence


@pytest.mark.parametrize(("texts", "stories"), [
    ({"a": WIRE, "b": REPRINT, "c": OTHER}, {"a": "a", "b": "a"}),
    ({"z": WIRE, "b": WIRE, "c": SAME_TOPIC}, {"z": "b", "b": "b"}),  # named by the smallest id
    ({"a": WIRE, "c": OTHER, "d": SAME_TOPIC}, {}),
    ({"a": "Singkat sekali.", "b": "Singkat sekali."}, {}),  # no fingerprint: never grouped
])
def test_find_stories(texts, stories):
    ids = list(texts)
    assert find_stories(ids, [fingerprint(texts[i]) for i in ids]) == stories


def test_a_story_keeps_its_name_when_an_article_with_a_smaller_id_arrives():
    texts = {"u-b": WIRE, "u-c": REPRINT}
    first = find_stories(list(texts), [fingerprint(t) for t in texts.values()])
    assert first == {"u-b": "u-b", "u-c": "u-b"}
    texts = {"u-a": WIRE.replace("Rabu sore", "Rabu siang"), **texts}
    prints = [fingerprint(t) for t in texts.values()]
    assert find_stories(list(texts), prints, names=first) == {"u-a": "u-b", "u-b": "u-b", "u-c": "u-b"}
    assert find_stories(list(texts), prints) == {"u-a": "u-a", "u-b": "u-a", "u-c": "u-a"}  # named afresh
    # the article that named it gone, a story is named by its leader
    assert find_stories(["u-a", "u-c"], [prints[0], prints[2]], names=first) == {"u-a": "u-a", "u-c": "u-a"}

# a flood report in eight paragraphs; outlets carried its first five or its last five
FLOOD = [
    "Banjir merendam ratusan rumah warga di tiga kecamatan di Kabupaten Bandung sejak Selasa malam setelah hujan "
    "deras mengguyur kawasan hulu Sungai Citarum selama lebih dari enam jam tanpa henti.",
    "Kepala Pelaksana Badan Penanggulangan Bencana Daerah setempat mengatakan ketinggian air di permukiman mencapai "
    "satu meter dan sebagian warga memilih bertahan di lantai dua rumah mereka sambil menunggu air surut.",
    "Petugas gabungan dari tentara, polisi dan relawan mengevakuasi warga lanjut usia serta anak-anak menggunakan "
    "perahu karet menuju gedung sekolah yang dijadikan tempat pengungsian sementara di desa tetangga.",
    "Dapur umum didirikan di halaman kantor kecamatan untuk menyediakan makanan bagi sekitar delapan ratus "
    "pengungsi, sementara puskesmas membuka layanan kesehatan selama dua puluh empat jam bagi warga yang sakit.",
    "Pemerintah kabupaten berjanji mempercepat normalisasi anak sungai dan memperbaiki tanggul yang jebol tahun lalu "
    "agar banjir serupa tidak kembali melanda kawasan padat penduduk tersebut pada musim hujan berikutnya.",
    "Badan Meteorologi, Klimatologi dan Geofisika memperkirakan hujan dengan intensitas sedang hingga lebat masih "
    "akan turun di wilayah Bandung Raya hingga akhir pekan, sehingga warga di bantaran sungai diminta tetap waspada.",
    "Arus lalu lintas di jalan provinsi yang menghubungkan Dayeuhkolot dan Baleendah lumpuh total karena genangan "
    "setinggi lutut orang dewasa, dan polisi mengalihkan kendaraan roda dua ke jalur alternatif melalui perkampungan.",
    "Sejumlah pedagang di pasar tradisional terpaksa menutup kios mereka karena air masuk ke dalam bangunan, "
    "sementara stok beras dan sayuran yang basah tidak bisa lagi dijual kepada pembeli yang datang pagi itu.",
]


def test_the_text_most_others_copy_leads_its_story():
    """Star clustering's order: the full report, which both cut versions copy, leads; in id order the first
    five paragraphs would lead, and the last five, too unlike them, would be a story of their own."""
    head, tail, full = " ".join(FLOOD[:5]), " ".join(FLOOD[3:]), " ".join(FLOOD)
    prints = [fingerprint(head), fingerprint(tail), fingerprint(full)]
    assert min(similarity(prints[0], prints[2]), similarity(prints[1], prints[2])) > 0.5  # each a copy of the full
    assert similarity(prints[0], prints[1]) < 0.3  # and not of each other
    assert find_stories(["a-head", "b-tail", "c-full"], prints) == {"a-head": "c-full", "b-tail": "c-full",
                                                                   "c-full": "c-full"}
    # the head and the full report indexed first (the head leads, by id), the tail next: the same stories as all
    # at once, under the first run's name (the last run's leaders leading again had kept the tail apart)
    ids = ["a-head", "b-tail", "c-full"]
    first = find_stories(["a-head", "c-full"], [prints[0], prints[2]])
    assert first == {"a-head": "a-head", "c-full": "a-head"}
    assert find_stories(ids, prints, names=first) == {"a-head": "a-head", "b-tail": "a-head", "c-full": "a-head"}
    # of the last run's names held by articles of a story, the one most of them had; ties by id
    last = {"a-head": "a-head", "b-tail": "b-tail", "c-full": "b-tail"}
    assert set(find_stories(ids, prints, names=last).values()) == {"b-tail"}
    last = {"a-head": "a-head", "b-tail": "b-tail", "c-full": "gone-1"}
    assert set(find_stories(ids, prints, names=last).values()) == {"a-head"}


def test_an_article_resembles_its_candidates_in_the_floor_and_a_crowd_as_a_whole():
    """How `find_stories` orders articles (`banding.resembling`): candidates (rows sharing a bucket) that agree in
    the floor are counted once however many buckets they share; a bucket of more than `CROWD` rows is not paired
    off, each of its rows resembling all the others of the largest crowd it is in; a row in no bucket, none."""
    import numpy as np

    from searchapp.index.banding import CROWD, resembling
    from searchapp.index.stories import FLOOR

    base = np.arange(128, dtype=np.uint32)
    half, quarter = base.copy(), base.copy()
    half[:64] += 1000  # agrees with the base in half the positions
    quarter[:100] += 2000  # in 28 of 128 (and with the half too): under the floor
    small, large = CROWD + 1, CROWD + 9
    others = [base + 10_000 * (n + 1) for n in range(large)]  # unlike each other and the first three
    matrix = np.vstack([base, half, quarter, *others, base + 7])
    crowd_rows = list(range(3, 3 + large))
    buckets_of = {0: [0, 1, 2], 1: [0, 1], 2: [0]}  # row → its buckets
    for row in crowd_rows:
        buckets_of[row] = ([2] if row < 3 + small - 1 else []) + [3]
    counts = resembling(matrix, buckets_of, FLOOR)
    assert list(counts[:3]) == [small - 1, 1, 0]  # the base in a crowd of `small` (with 0), the half 1
    assert set(counts[crowd_rows]) == {large - 1}  # the largest crowd each is in
    assert counts[-1] == 0  # in no bucket
    # a bucket of exactly `CROWD` rows is paired off: rows unlike each other resemble none
    assert set(resembling(matrix, {row: [0] for row in crowd_rows[:CROWD]}, FLOOR)[crowd_rows[:CROWD]]) == {0}


# one wire story three outlets ran (two copies and a light rewrite), and two other articles
STORY_RECORDS = [
    {"id": "antara-1", "body": WIRE, "outlet": "antara", "date": "2025-06-18T15:00:00+07:00"},
    {"id": "kontan-9", "body": REPRINT, "outlet": "kontan", "date": "2025-06-18T16:10:00+07:00"},
    {"id": "tempo-4", "body": WIRE.replace("25 basis poin", "seperempat poin persentase"), "outlet": "tempo",
     "date": "2025-06-18T15:30:00+07:00"},
    {"id": "detik-2", "body": SAME_TOPIC, "outlet": "detik", "date": "2025-06-19T09:00:00+07:00"},
    {"id": "detik-3", "body": OTHER, "outlet": "detik", "date": "2025-06-19T10:00:00+07:00"},
]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from conftest import client_over

    client = client_over(tmp_path_factory.mktemp("stories"), STORY_RECORDS)
    assert client.report.in_stories == 3
    return client


def test_a_story_is_shown_once_with_where_else_it_ran(client):
    data = client.get('/api/search?q="suku bunga acuan"').get_json()
    assert data["total"] == 3 and data["stories"] == 1 and data["collapse"] is True
    assert len(data["results"]) == 1
    hit = data["results"][0]
    assert hit["story"] == "antara-1"
    assert sorted(c["id"] for c in hit["copies"]) == sorted({"antara-1", "kontan-9", "tempo-4"} - {hit["id"]})
    assert {c["outlet"] for c in hit["copies"]} | {hit["outlet"]} == {"antaranews", "kontan", "tempo"}
    # facet counts stay true per outlet: every article counts
    counts = {v["value"]: v["count"] for v in data["facets"]["outlet"] if v["count"]}
    assert counts == {"antaranews": 1, "kontan": 1, "tempo": 1}
    assert data["pages"] == 1


def test_collapse_false_lists_every_article(client):
    data = client.get('/api/search?q="suku bunga acuan"&collapse=false').get_json()
    assert sorted(r["id"] for r in data["results"]) == ["antara-1", "kontan-9", "tempo-4"]
    assert data["collapse"] is False
    assert client.get("/api/search?q=bunga&collapse=maybe").status_code == 400


def test_a_story_is_one_result_among_others_and_pages_count_stories(client):
    data = client.get("/api/search?q=bunga OR cabai OR bank&per_page=1").get_json()
    assert data["total"] == 5 and data["stories"] == 3 and data["pages"] == 3
    seen = [data["results"][0]["story"] or data["results"][0]["id"]]
    for page in (2, 3):
        hit = client.get(f"/api/search?q=bunga OR cabai OR bank&per_page=1&page={page}").get_json()["results"][0]
        seen.append(hit["story"] or hit["id"])
    assert len(set(seen)) == 3  # each story once across the pages


def test_related_articles_leave_out_the_story_and_the_page_says_where_else(client):
    article = client.get("/api/documents/kontan-9").get_json()
    assert {r["id"] for r in article["related"]}.isdisjoint({"antara-1", "tempo-4"})
    assert sorted(c["id"] for c in article["copies"]) == ["antara-1", "tempo-4"]
    page = client.get("/artikel/kontan-9").get_data(as_text=True)
    assert "Juga dimuat di" in page and 'href="/artikel/antara-1"' in page


def test_the_results_page_groups_copies(client):
    page = client.get('/cari?q="suku bunga acuan"').get_data(as_text=True)
    assert page.count('<li class="hit') == 1 and "2 berita serupa" in page
    assert "3 hasil" in page or "<strong>3</strong>" in page
    assert "1 berita berbeda" in page and "collapse=false" in page
    every = client.get('/cari?q="suku bunga acuan"&collapse=false').get_data(as_text=True)
    assert every.count('<li class="hit') == 3 and "berita serupa" not in every


def test_a_story_with_copies_holding_all_words_and_copies_holding_some_is_one_result(client):
    data = client.get("/api/search?q=analis menurunkan&per_page=1").get_json()  # "analis": only the reprint's
    assert data["total"] == 1 and data["partial"] == 3  # two copies and another story hold "menurunkan" (turun)
    assert [r["id"] for r in data["results"]] == ["kontan-9"]
    assert data["pages"] == 2  # the copies holding some of the words are its story, not another page
    second = client.get("/api/search?q=analis menurunkan&per_page=1&page=2").get_json()["results"]
    assert [r["id"] for r in second] == ["detik-2"]


def test_related_articles_list_each_other_story_once(tmp_path):
    from conftest import client_over

    copy = ("Banjir bandang melanda Kabupaten Garut setelah hujan deras mengguyur sejak sore. Ratusan rumah di "
            "tepi Sungai Cimanuk terendam dan warga mengungsi ke masjid terdekat. Badan Penanggulangan Bencana "
            "Daerah mencatat dua jembatan putus dan jalan provinsi tertutup lumpur setinggi lutut orang dewasa.")
    other = ("Banjir bandang di Garut merendam rumah warga di tepi Sungai Cimanuk. Pengungsi banjir Garut "
             "membutuhkan selimut, air bersih dan obat-obatan, kata petugas Badan Penanggulangan Bencana Daerah.")
    records = [{"id": "asli", "body": copy, "outlet": "kompas"}, {"id": "salinan", "body": copy, "outlet": "kontan"},
               {"id": "lain", "body": other, "outlet": "kompas"}]
    records += [{"id": f"x{n}", "body": f"Harga cabai rawit di pasar induk naik lagi pekan ke-{n}. " * 5}
                for n in range(4)]
    client = client_over(tmp_path, records)
    related = [hit["id"] for hit in client.get("/api/documents/lain").get_json()["related"]]
    assert "asli" in related and "salinan" not in related  # the story once, at its first-ranked article



# what a later, fuller version of the flood report went on to tell
FLOOD_LATER = [
    "Warga berharap pemerintah pusat turun tangan membantu pembangunan kolam retensi di hulu sungai agar banjir "
    "tahunan yang merugikan petani dan pedagang tidak terus berulang setiap musim hujan tiba.",
    "Hingga Kamis pagi, petugas masih mendata kerugian material akibat banjir, termasuk sawah siap panen seluas "
    "puluhan hektare yang terendam dan ternak warga yang hanyut terbawa arus deras.",
    "Bupati meninjau lokasi pengungsian pada Rabu siang dan menyerahkan bantuan berupa selimut, tikar, susu untuk "
    "balita, serta obat-obatan yang dikumpulkan dari sejumlah perusahaan daerah.",
    "Sekolah yang dijadikan tempat pengungsian meliburkan kegiatan belajar selama tiga hari, dan para guru membantu"
    " relawan mengatur pembagian makanan serta mendata kebutuhan anak-anak pengungsi.",
    "Dinas Pekerjaan Umum menurunkan dua alat berat untuk mengangkut sampah dan lumpur yang menyumbat gorong-"
    "gorong, yang menurut warga menjadi salah satu penyebab air meluap ke permukiman.",
    "Sejumlah warga mengaku telah tiga kali mengalami banjir serupa sejak awal tahun dan meminta pemerintah "
    "memberikan kompensasi bagi perabot rumah tangga dan kendaraan yang rusak terendam air.",
    "Pengamat tata kota dari sebuah universitas di Bandung menilai alih fungsi lahan di kawasan utara membuat daya "
    "serap tanah berkurang sehingga limpasan air hujan langsung mengalir ke sungai.",
]


def test_an_archive_indexed_in_parts_tells_the_stories_it_tells_at_once(tmp_path):
    """The flood report and its first four paragraphs indexed (one story, led by the cut copy, first by id),
    then a fuller version of the report, too unlike the cut copy to be grouped with it: after the incremental
    run the three are one story, as after a rebuild, under the name the first run gave (the last run's
    leaders leading again had left the fuller version a story of its own)."""
    import json

    from conftest import make_settings

    from searchapp.index.writer import build_index
    from searchapp.web.app import create_app

    head, full, later = " ".join(FLOOD[:4]), " ".join(FLOOD), " ".join(FLOOD + FLOOD_LATER)
    assert similarity(fingerprint(head), fingerprint(later)) < 0.3 < similarity(fingerprint(full), fingerprint(later))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    records = [{"id": "a-head", "body": head, "outlet": "detik"}, {"id": "c-full", "body": full, "outlet": "kompas"}]
    (corpus / "first.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    settings = make_settings(corpus, tmp_path / "index", **{"indexing.workers": 1})

    def stories() -> dict[str, str | None]:
        client = create_app(settings).test_client()
        answers = {doc: client.get(f"/api/documents/{doc}") for doc in ("a-head", "b-later", "c-full")}
        return {doc: answer.get_json()["story"] for doc, answer in answers.items() if answer.status_code == 200}

    build_index(settings)
    assert stories() == {"a-head": "a-head", "c-full": "a-head"}
    (corpus / "later.jsonl").write_text(json.dumps({"id": "b-later", "body": later, "outlet": "tempo"}) + "\n",
                                        encoding="utf-8")
    assert build_index(settings).added == 1
    assert stories() == dict.fromkeys(["a-head", "b-later", "c-full"], "a-head")
    build_index(settings, rebuild=True)
    assert stories() == dict.fromkeys(["a-head", "b-later", "c-full"], "c-full")  # named afresh: its leader
