"""Mojibake repaired and publisher boilerplate removed (config/boilerplate.yaml), on lines shaped like
those of real crawls and exports; the original stays available."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from searchapp.ingest.cleaning import REPEATED, Boilerplate, repair
from searchapp.ingest.scraped import joined_paragraphs, mark_emptied_quotes

REPO = Path(__file__).resolve().parent.parent
BOILERPLATE = Boilerplate.load(REPO / "config" / "boilerplate.yaml")


@pytest.mark.parametrize(("line", "outlet", "name"), [
    ("Advertisement", "liputan6", "advertisement"),
    ("SCROLL TO CONTINUE WITH CONTENT", "detik", "scroll"),
    ("Baca Juga", "liputan6", "read also"),
    ("(Baca Juga: 17 KK Diungsikan Pascaguguran Aktivitas Vulkanik)", "sindonews", "read also"),  # inline, put apart
    ("(Baca juga: )", "sindonews", "read also"),
    ("Baca berita selengkapnyadi sini.", "detik", "read more"),
    ("Artikel ini bersumber dari pemberitaan di KONTAN dan KOMPAS.com berjudul:", "kompas",
     "first published elsewhere"),
    ("(Penulis: Arif Ferdianto, Yohana Artha Uly | Editor: Tri Sulistiowati, Erlangga Djumena)", "kompas", "credits"),
    ("Artikel ini pertama kali terbit dalam bahasa Jerman", "detik", "translation credit"),
    ("Artikel ini pertama kali rilis dalam bahasa InggrisDiadaptasi Oleh: Hendra PasuhukEditor: Rizki Nugraha", None,
     "translation credit"),
    ("Diadaptasi oleh Ayu Purwaningsih", None, "translation credit"),
    ("View this post on Instagram", "republika", "social embed"),
    ("Obi Toppin is up to 20 points late in Q4 💪pic.twitter.com/vJ9imR4RlK", "detik", "social embed"),
    ("— Megatron (@Megatron_ron)June 18, 2025", "republika", "social embed"),
    ("Baca juga:RUPS PLN: Darmawan Prasodjo Tetap Dirut", "kompas", "read also"),
    ("[Gambas:Video 20detik]", "detik", "embed"),
    ("[Gambas:Instagram]", None, "embed"),
    ("Simak juga Video: Suku Bunga Acuan BI Turun Jadi 5,75 Persen!", "detik", "video teaser"),
    ("Simak Video 'Eks Pejabat MA Zarof Ricar Divonis 16 Tahun Bui':", "detik", "video teaser"),
    ("Saksikan Live DetikPagi:", "detik", "watch also"),
    ("Artikel ini telah naik didetikJabar.", "detik", "first published elsewhere"),
    ("Simak berita selengkapnya di halaman selanjutnya.", "detik", "next page"),
    ("Ikuti Whatsapp Channel Republika", "republika", "channel invitation"),
    ("Gabung ke Channel WhatsApp KompasTV untuk update berita terbaru dan terpercaya.", "kompas-tv",
     "channel invitation"),
    ("Pewarta: Hendri Sukma Indrawan", "antara", "credits"),
    ("Editor: Yuniman Farid", "detik", "credits"),
    ("Copyright © ANTARA 2025", "antara", "copyright"),
    ("Reporter: Noverius Laoli | Editor: Noverius Laoli", "kontan", "credits"),
    ("Tonton juga Video Detik-detik Truk Ugal-ugalan Seruduk Kendaraan di Gresik", "detik", "video teaser"),
    ("Disclaimer:Setiap keputusan investasi ada di tangan pembaca. Pastikan terlebih dahulu.", None,
     "investment disclaimer"),
    ("Baca juga: Harga Emas Naik Rp1,5 Juta", "okezone", "read also"),
    ("Penulis: Annesa K. Ramadhany", "kapanlagi", "credits"),
    ("#GrowFearLess with Fimela", "fimela", "campaign"),
    ("loading...", "posmetro-medan", "loading"),
    ("-", "wowkeren", "no words"),  # what a dateline's dropped link left
    ("Loading...Ikuti Whatsapp Channel Republika", "republika", "loading"),
    ('Tonton juga "Evakuasi WNI dari Iran Akan Ditempuh Lewat Darat" di sini:', "detik", "video teaser"),
    ("Simak berita selengkapnya di halaman berikutnya.", "detik", "next page"),
    ("Simak lengkapnya disini.", "detik", "next page"),
    ("Tonton setiap hari mulai pukul 13.30 WIB dan rasakan ketegangan secara eksklusif di Indosiar.", "liputan6",
     "programme promotion"),
    ("Saksikan terus sinetronLuka Cintadi SCTV.", "liputan6", "programme promotion"),
    ("Artikel ini telah tayang di Kompas.com dengan judul", "tribunnews", "first published elsewhere"),
    ("Artikel ini telah tayang di,dengan judul Anton Lolos dari Maut, Mobil Tertimpa Pohon,,.", "tribunnews",
     "first published elsewhere"),
    ("Artikel ini sudah lebih dulu di detikjogja. Selengkapnya klik disini.", "detik", "first published elsewhere"),
    ("Artikel ini telah tayang diCNN Indonesia.", "detik", "first published elsewhere"),
    ("Baca selengkapnyadi sini.", "detik", "read more"),
    ("Baca selengkapnya di tautan berikutini.", "liputan6", "read more"),
    ("Baca Selengkapnya:", "okezone", "read more"),
    ("Pilihan editor:Apa Dampak Perang Iran-Israel terhadap Ekonomi Indonesia", "tempo", "editor's pick"),
    ("A post shared by Leo Messi (@leomessi)", "kompas", "social embed"),
    ("(Reporter: Shinta Dwi Ayu | Editor: Faieq Hidayat)", "kompas", "credits"),
    ("***", None, "no words"),
    # the same lines of outlets the shared data does not hold
    ("BACA JUGA: Harga Emas Naik Lagi", "tribunnews", "read also"),
    ("IKLAN", None, "advertisement"),
    ("Simak Video Pilihan Ini:", "liputan6", "video teaser"),
    ("Saksikan video pilihan di bawah ini:", None, "video teaser"),
    ("Cek Berita dan Artikel yang lain di Google News", None, "channel invitation"),
    ("Simak breaking news dan berita pilihan kami langsung di ponselmu. Pilih saluran andalanmu akses berita "
     "Kompas.com WhatsApp Channel : https://www.whatsapp.com/channel/0029VaFPbedBPzjZrk13HO3D", "kompas",
     "channel invitation"),
    ("Baca berita lainnya di Google News", None, "channel invitation"),
    ("(mdk/rnd)", "merdeka", "desk codes"),
    ("(nwk / nwk)", None, "desk codes"),
    ("(did/c7/fat)", None, "desk codes"),
    ("(Ant/OL-7)", None, "desk codes"),
    ("(T.D011/A023)", None, "desk codes"),
    ("(cr21/tribun-medan.com)", None, "desk codes"),
    ("[did]", None, "desk codes"),
    ("(zik)", None, "desk codes"),
    ("(A-170/A-147)***", None, "desk codes"),
    ("(AS/Reuters)", None, "desk codes"),
    ("Laporan Wartawan Tribun Bali, I Wayan Sui Suadnyana", None, "credits"),
    ("Laporan Wartawan Tribunnews.com, Fersianus Waku", None, "credits"),
    ("Kontributor : Andi Hajramurni", None, "credits"),
    ("Red: Ani Nursalikah", None, "credits"),
    ("Rep: Febrian Fachri", None, "credits"),
    ("COPYRIGHT © ANTARA 2019", None, "copyright"),
    ("Follow Berita iNews di Google News", None, "channel invitation"),
    ("Ikuti berita terbaru Tribun-Timur.com di Google News", None, "channel invitation"),
    ("ANTARA FOTO/Hafidz Mubarak A/foc.", None, "photo credit"),
    ("(ANTARA FOTO/Sigid Kurniawan)", None, "photo credit"),
    ("Hak atas foto Getty Images", "bbc", "photo credit"),
    ("Hak atas foto AFP", "bbc", "photo credit"),
    ("Simak Video Pilihan Berikut Ini:", "liputan6", "video teaser"),
    ("Saksikan video di bawah ini:", None, "video teaser"),
    ("Tonton Juga:", None, "video teaser"),
    ("Jangan Lewatkan Video Terbaru:", "jpnn", "video teaser"),
    ("SCROLL TO RESUME CONTENT", None, "scroll"),
    ("Scroll ke bawah untuk melanjutkan membaca", None, "scroll"),
    ("Lanjutkan membaca artikel di bawah ini", None, "scroll"),
    ("Halaman selanjutnya", None, "next page"),
    ("Berita Berikutnya »", None, "next page"),
    ("Next Article", None, "next page"),
    ('Baca artikel detiknews, "Harga Cabai Naik" selengkapnya https://news.detik.com/berita/d-1/harga.', "detik",
     "read more"),
    ("Foto: Istimewa", None, "photo credit"),
    ("(Sumber foto: Dok. Humas Polda)", None, "photo credit"),
    ("Foto: Antara/M. Risyal Hidayat", None, "photo credit"),
    ("Foto : Kompas.com/Garry Lotulung", "kompas", "photo credit"),
    ("Ikuti kami di X @kompascom", "kompas", "follow us"),
    ("(Tribunnews.com/Fransiskus Adhiyuda)", "tribunnews", "photo credit"),
    ("Sumber: Kompas.com", "tribunnews", "source site"),
    ("Sumber : https://www.antaranews.com/berita/1", None, "source site"),
    ("Download aplikasi detikcom sekarang https://apps.detik.com/detik/", "detik", "app promotion"),
    ("Ikuti kami di Instagram @kompastv", "kompas-tv", "follow us"),
    ("Follow us on Twitter @CNNIndonesia", None, "follow us"),
    ("Klik di sini untuk mendapatkan update berita terbaru", None, "click here"),
])
def test_boilerplate_lines(line, outlet, name):
    assert BOILERPLATE.match(line, outlet).name == name


@pytest.mark.parametrize(("line", "outlet"), [
    ("Baca juga berita lain di situs kami, kata dia, sambil tersenyum.", "kompas"),  # a sentence
    ("Iklan rokok dilarang tayang di televisi pada siang hari.", None),
    ("Gabung di grup WhatsApp itu, para pelaku lalu menyebar pesan berantai.", None),  # a story's sentence
    ("Saksikan Live DetikPagi:", "kompas"),  # detik's own line, in another outlet's text
    ("Editor: ia menyebut bahwa rapat itu berlangsung lama. Lalu ia pulang.", None),  # a sentence, not a credit
    ("Penulis: Saya tidak setuju dengan keputusan itu", None),
    ("Sumber: Badan Pusat Statistik", None),  # a table's source is the story's
    ("Lihat video yang beredar, polisi langsung bergerak menangkap pelaku.", None),
    ("Tonton video tersebut, warga ramai-ramai datang.", "detik"),
    ('Tonton juga "film itu", katanya, di bioskop terdekat.', None),  # no "di sini:" after the title
    ("Hak cipta lagu itu kini dipegang oleh ahli waris.", None),
    ("JAKARTA, KOMPAS.com - Harga cabai naik.", "kompas"),  # the dateline is the story's
    ("", None),
    # a scraper ran the next paragraph on after the headline a link held: the paragraph is the story's
    ("Baca juga: Layanan Sempat Error,,Ketika dikonfirmasi, Rohan mengatakan pihaknya meminta maaf.", "okezone"),
    ("Lihat juga: Keluarga Minta Tersangka Dikembalikan,Setelah itu, Golfrid dibawa ke rumah sakit.", None),
    ("#GrowFearLess with Fimela", "okezone"),  # Fimela's own line
    ("- Komisi Pemberantasan Korupsi menetapkan tersangka baru.", None),
    # an editor's note is the reader's to see
    ("Artikel ini telah diubah pada Jumat 13 September 2019, Pukul 10.00 WIB, untuk meluruskan data.", "tempo"),
    ("Artikel ini telah di-update pada Senin (12/5/2025) dengan keterangan polisi.", None),
    ("Artikel ini telah di update dengan data korban terbaru.", None),
    ("Baca selengkapnya,Pemerintah Provinsi DKI Jakarta mencabut gugatan kasasi.", "kompas"),  # a paragraph
    ("IKLAN rokok dilarang tayang di televisi pada siang hari.", None),
    ("Simak video pilihan warga tentang banjir itu, katanya.", None),
    ("Klik di sini, kata dia, untuk melihat data Google News Initiative.", None),  # no channel to follow
    ("Ia mengumumkan kabar itu melalui Grup Telegram para relawan.", None),
    ("Cek fakta: unggahan di Telegram itu keliru.", None),
    ("(Jawa Tengah)", None),  # a bracketed phrase is no code
    ("(1)", None),
    ("Laporan reporter lapangan kantor berita Lebanon,Al Mayadeen, mengatakan serangan telah dilaporkan.", None),
    ("Laporan Wartawan Tribun itu, kata dia, belum diverifikasi oleh redaksi.", None),
    ("Red: warna yang dipilih untuk kampanye itu.", None),
    ("Ikuti WhatsApp resmi Kominfo lalu kirim tangkapan layar atau tautan konten.", None),  # a how-to's step
    ("ANTARA FOTO/Hafidz Mubarak, kata dia, memotret peristiwa itu dari dekat/jauh sepanjang hari.", None),
    ("Hak atas foto itu dipegang oleh fotografernya sendiri.", None),
    ("Artikel ini bersumber dari wawancara dengan warga.", None),
    ("Artikel ini ditulis dalam bahasa yang sederhana agar mudah dipahami.", None),
    ("Diadaptasi oleh Joko Anwar dari novel karya Eka Kurniawan", None),  # a film's, not the article's
    ("Foto di pic.twitter itu beredar luas, kata polisi.", None),
    ("Pelatih menyebut timnya siap. pic.twitter.com/abcd Pelatih juga menyebut strategi baru.", None),  # goes on
    ("PRIBADI WICAKSONO", "kompas"),  # Tempo's way, not every outlet's: a name in capitals may be a heading
    ("JAKARTA - Harga cabai naik.", "tempo"),  # a dateline opens a sentence of the story
    ("KPK MENETAPKAN TERSANGKA BARU DALAM KASUS KORUPSI ITU", "tempo"),  # a sentence in capitals, not a name
    ("Download aplikasi Sapawarga di Playstore/App Store", None),  # a how-to's step: no outlet's link
    ("Foto itu kemudian viral di media sosial.", None),
    ("Foto: Presiden meninjau pasar, didampingi menteri.", None),  # a caption that goes on is kept
    ("Selanjutnya, polisi memeriksa dua saksi.", None),
    ("Scroll media sosialnya, kata dia, penuh ujaran kebencian.", None),
    ("Ikuti kami, kata pemimpin aksi itu kepada massa di Instagram Live.", None),
    ("Sumber: Kementerian Kesehatan", None),  # a source named, not a site
    ("Foto: Polisi menangkap tersangka Budi Santoso (kiri) di Bekasi", None),  # what the picture shows
    ("Unduh aplikasi PeduliLindungi melalui https://pedulilindungi.id untuk mendaftar.", None),  # no app store
    ("Ikuti kami di Jalan Sudirman Blok X", None),
])
def test_story_lines_stay(line, outlet):
    assert BOILERPLATE.match(line, outlet) is None


@pytest.mark.parametrize(("line", "kept", "removed"), [
    ("Kata dia di Medan. (bbs),,,loading...", "Kata dia di Medan. (bbs)", ("loading", "loading...")),
    ("Ujarnya singkat.(dek/ris),loading...", "Ujarnya singkat.(dek/ris)", ("loading", "loading...")),
    ("Andra ingin menyusul,Penulis: Annesa K. Ramadhany", "Andra ingin menyusul",
     ("credits", "Penulis: Annesa K. Ramadhany")),
    # commas a writer wrote, and a scraper's commas before what is no boilerplate, stay
    ("Ia membeli rumah, mobil,dan motor", "Ia membeli rumah, mobil,dan motor", None),
    ("Harga naik Rp1,5 juta", "Harga naik Rp1,5 juta", None),
    ('"Kami akan datang,”', '"Kami akan datang,”', None),  # a closing quote is no boilerplate line
    ("Skor akhir,loading dokumen", "Skor akhir,loading dokumen", None),
])
def test_boilerplate_a_scraper_ran_on_after_a_comma_is_removed(line, kept, removed):
    cleaned, found = BOILERPLATE.clean(f"Paragraf pertama.\n{line}", "posmetro-medan")
    assert cleaned == f"Paragraf pertama.\n{kept}"
    assert found == ([removed] if removed else [])


@pytest.mark.parametrize(("text", "removed"), [
    ("Dia mengatakan itu tidak terkendali.,(vhs),,,loading...", [("desk codes", "(vhs)"), ("loading", "loading...")]),
    ("Tersangka dijerat UU Narkotika.,(zys/pm),,,loading...", [("desk codes", "(zys/pm)"), ("loading", "loading...")]),
])
def test_boilerplate_run_on_after_boilerplate_goes_too(text, removed):
    # the scraper's commas joined three paragraphs: the story's, a desk's codes and the widget's placeholder
    cleaned, found = BOILERPLATE.clean(f"Paragraf pertama.\n{text}", "posmetro-medan")
    assert cleaned == "Paragraf pertama.\n" + text.split(".,")[0] + "."
    assert found == removed


@pytest.mark.parametrize(("text", "cleaned", "removed"), [
    # Tempo's closing credit: the reporter's or the source's name in capitals, after the story's last line
    ("Kalimat cerita.\n\nPRIBADI WICAKSONO", "Kalimat cerita.", [("closing credit", "PRIBADI WICAKSONO")]),
    ("Kalimat cerita.\nAMINUDDIN A.S.\n", "Kalimat cerita.", [("closing credit", "AMINUDDIN A.S.")]),
    # ... after other boilerplate too, which goes first
    ("Kalimat cerita.\nANTARA\nPilihan Editor: Judul lain", "Kalimat cerita.",
     [("editor's pick", "Pilihan Editor: Judul lain"), ("closing credit", "ANTARA")]),
    # ... or run on after the last paragraph's comma by a scraper
    ("Kalimat cerita.\nSkala intensitas gempa II-III MMI.,ANWAR SISWADI", "Kalimat cerita.\nSkala intensitas gempa "
     "II-III MMI.", [("closing credit", "ANWAR SISWADI")]),
    # inside the story, a few words in capitals stay: a heading, a slogan
    ("Kalimat cerita.\nSAYA TIDAK TAHU\nKalimat lain.", "Kalimat cerita.\nSAYA TIDAK TAHU\nKalimat lain.", []),
    ("GAYA HIDUP\nKalimat cerita.", "GAYA HIDUP\nKalimat cerita.", []),
])
def test_a_closing_credit_goes_only_at_the_end(text, cleaned, removed):
    assert BOILERPLATE.clean(text, "tempo") == (cleaned, removed)
    assert BOILERPLATE.clean(text, "kompas")[0] != cleaned or not removed  # Tempo's way, not every outlet's


def test_clean_keeps_paragraphs_and_says_what_it_removed():
    text = "Liputan6.com, Jakarta - Harga naik.\nAdvertisement\n\nBaca Juga\n\nKata dia.\n[Gambas:Video 20detik]"
    cleaned, removed = BOILERPLATE.clean(text, "liputan6")
    assert cleaned == "Liputan6.com, Jakarta - Harga naik.\n\nKata dia."
    assert [name for name, _line in removed] == ["advertisement", "read also", "embed"]


P1 = "REPUBLIKA.CO.ID, CIREBON -- Kepolisian memastikan penambangan di galian C tidak berizin."
P2 = "Kapolres Cirebon Kota mengatakan penambangan di Argasunya sebenarnya telah lama ditutup."
P3 = "Pada 2 Juni 2025, Forkopimda melakukan survei ke lokasi galian bersama warga setempat."


@pytest.mark.parametrize(("lines", "kept"), [
    # a crawl that flattened nested paragraphs: each paragraph first run on into the rest, then alone
    ([P1 + P2 + P3, P1, P2 + P3, P2, P3, P3], [P1, P2, P3]),
    ([P1, P1, P2], [P1, P2]),  # a paragraph written twice in a row
    ([P1, P2, P3], [P1, P2, P3]),  # an ordinary article
    (["Jakarta", "Jakarta menjadi tuan rumah pertemuan para menteri luar negeri ASEAN pekan depan."],
     ["Jakarta", "Jakarta menjadi tuan rumah pertemuan para menteri luar negeri ASEAN pekan depan."]),
    ([P1 + " Selengkapnya:", "REPUBLIKA.CO.ID, CIREBON"], [P1 + " Selengkapnya:", "REPUBLIKA.CO.ID, CIREBON"]),
])
def test_repeated_paragraphs_are_kept_once(lines, kept):
    text, removed = BOILERPLATE.clean("\n".join(lines), "republika.co.id")
    assert text.split("\n") == kept
    assert len(removed) == len(lines) - len(kept) and all(name == REPEATED for name, _line in removed)


def test_a_widget_between_a_run_on_paragraph_and_its_repeat_hides_no_repeat():
    text, removed = BOILERPLATE.clean("\n".join([P1 + P2, "Loading...", P1, P2]), "republika")
    assert text.split("\n") == [P1, P2]
    assert [name for name, _line in removed] == [REPEATED, "loading"]


@pytest.mark.parametrize(("text", "restored"), [
    # click-id: each paragraph's plain text, joined with commas (empty paragraphs: two or more)
    ("Rabu pagi tadi.,Polsek Sumur Bandung datang.", "Rabu pagi tadi.\nPolsek Sumur Bandung datang."),
    ("permisif terhadap korupsi., , Ada dua dimensi.", "permisif terhadap korupsi.\nAda dua dimensi."),  # spaced
    ("terkait korupsi., Persepsi korupsi mulai turun.", "terkait korupsi.\nPersepsi korupsi mulai turun."),
    ("Menurut Smith et al., 2020 dan Ny., Sari.", "Menurut Smith et al., 2020 dan Ny., Sari."),
    ("Kenapa?, tanya dia. Aduh!, katanya.", "Kenapa?, tanya dia. Aduh!, katanya."),
    ('Bisa segera terwujud.,"Hari ini kebetulan," kata dia.', 'Bisa segera terwujud.\n"Hari ini kebetulan," kata dia.'),
    ("Tidak tahu,” tandasnya. (pm),,,Warga lega.", "Tidak tahu,” tandasnya. (pm),,,Warga lega."),
    ('Kembali kuat.",Sementara itu harga turun!,Pedagang lega?,Ya.',
     'Kembali kuat."\nSementara itu harga turun!\nPedagang lega?\nYa.'),
    ("Izin dari Bu Astri.,Penulis: Annesa K. Ramadhany,,", "Izin dari Bu Astri.\nPenulis: Annesa K. Ramadhany"),
    (",,,Setelah dihebohkan kabar itu, warga datang.", "Setelah dihebohkan kabar itu, warga datang."),
    ("-,selama ini dikenal pendiam.", "selama ini dikenal pendiam."),  # a dateline's dash, its place a link
    ("- Meski sempat menghilang.\nIa kembali.", "Meski sempat menghilang.\nIa kembali."),
    ("-\nDua tokoh hengkang.", "Dua tokoh hengkang."),
    ("-19 derajat di puncak.", "-19 derajat di puncak."),  # a figure's sign stays
    ("Baca Juga :,,Baca Juga: ,Sebelumnya, ia datang.", "Baca Juga :\nBaca Juga:\nSebelumnya, ia datang."),
    ("Baca Juga:\xa0,Tidak hanya makeup.", "Baca Juga:\nTidak hanya makeup."),
    ("Tertulis dalam Surat Al-Ahzab Ayat 59;,,Wahai Nabi", "Tertulis dalam Surat Al-Ahzab Ayat 59;\nWahai Nabi"),
    # a dangling "Baca juga" run on into the next paragraph (click-id's Okezone), an inline link in brackets
    # (Sindonews), an embed's words glued to the sentence before (Republika)
    ("Rabu (18/9/2019).\nBaca juga,,“Kami harus memikirkan masa depan.”",
     "Rabu (18/9/2019).\nBaca juga\n“Kami harus memikirkan masa depan.”"),
    ("kata Thareq. (Baca juga:\n)Sementara Presiden datang.",
     "kata Thareq.\n(Baca juga: )\nSementara Presiden datang."),
    ("warga mengungsi. (Baca Juga: 17 KK Diungsikan),Seperti diketahui",
     "warga mengungsi.\n(Baca Juga: 17 KK Diungsikan)\nSeperti diketahui"),
    ("jelasnya.View this post on InstagramA post shared by ibf (@ibf)Loading...Ikuti Whatsapp Channel Republika",
     "jelasnya.\nView this post on Instagram\nA post shared by ibf (@ibf)\nLoading...Ikuti Whatsapp Channel Republika"),
    ("Baca juga, kata dia, buku itu.", "Baca juga, kata dia, buku itu."),  # a sentence
    ("Truk Over Loading (ODOL) dilarang.", "Truk Over Loading (ODOL) dilarang."),
    ("Proses downloading... berjalan.", "Proses downloading... berjalan."),  # a word, not a widget
    ("Ia bilang (baca: menegaskan) hal itu.", "Ia bilang (baca: menegaskan) hal itu."),
    # written text stays as it is
    ('"Apa benar?," katanya.', '"Apa benar?," katanya.'),
    ('"Kami siap.",kata dia.', '"Kami siap.",kata dia.'),  # a speech tag
    ("XCMG Mining Machinery Co.,Ltd. hadir.", "XCMG Mining Machinery Co.,Ltd. hadir."),
    ("Hikmat Ginanjar, S.Sos.,M.Si. mengatakan", "Hikmat Ginanjar, S.Sos.,M.Si. mengatakan"),
    ("Kantornya di Jl.,Merdeka 5.", "Kantornya di Jl.,Merdeka 5."),
    ("- Butir satu\n- Butir dua", "- Butir satu\n- Butir dua"),  # a list's first dash
    ("Kiss aaaah!,” tutur Ersa.", "Kiss aaaah!,” tutur Ersa."),
    ("Dr. Budi Santoso, S.H.,M.H. hadir.", "Dr. Budi Santoso, S.H.,M.H. hadir."),
    ("Sayur, buah, dll.,semua dijual.", "Sayur, buah, dll.,semua dijual."),
    ("Harga naik Rp1,7 juta.\nPedagang, kata dia, lega.", "Harga naik Rp1,7 juta.\nPedagang, kata dia, lega."),
    ("", ""),
])
def test_joined_paragraphs(text, restored):
    assert joined_paragraphs(text) == restored


@pytest.mark.parametrize(("text", "marked"), [
    # a quotation whose words a scraper dropped (an embedded post, an italic or linked title)
    ('panen hujatan.,"," tulis Angela Gilsha.', 'panen hujatan.,"…" tulis Angela Gilsha.'),
    ('di luar angkasa.,",," ujar Joe Russo', 'di luar angkasa.,"…" ujar Joe Russo'),
    ("batik.,“,,” tulis Vicky.", "batik.,“…” tulis Vicky."),
    ("ajang survival '','' oleh Mnet", "ajang survival ''…'' oleh Mnet"),
    ("Saya pun bilang, ','. Jadi", "Saya pun bilang, '…'. Jadi"),
    ('berbunyi ",".', 'berbunyi "…".'),
    ('bertajuk " ,".', 'bertajuk "…".'),
    ('ujar,. ",","," kata,.', 'ujar,. "…","…" kata,.'),
    # quotations that hold their words, and a comma named in parentheses, stay as they are
    ('lagu "Rainbow", "Get Loud", "Trick It" dan', 'lagu "Rainbow", "Get Loud", "Trick It" dan'),
    ('Semangat.",,,"Aku menantikan', 'Semangat.",,,"Aku menantikan'),
    ("jalan.”,“Orang-orang", "jalan.”,“Orang-orang"),
    ("Be'why'," + '" tulisnya', "Be'why'," + '" tulisnya'),
    ('tanda koma (",") dipakai', 'tanda koma (",") dipakai'),
    ('tanda koma "," sebagai pemisah', 'tanda koma "," sebagai pemisah'),
    ('seperti ".", ",", dan "?"', 'seperti ".", ",", dan "?"'),  # a list of marks
    ('("," dan ".")', '("," dan ".")'),
    ("bilang, 'K,'," + '" kenang', "bilang, 'K,'," + '" kenang'),  # a single mark closes a single one
    ("batik.,“,,'' tulisnya", "batik.,“…'' tulisnya"),  # a double one a double one, as typed
    ('menciptakan “,” dan “,”.', 'menciptakan “…” dan “…”.'),  # two emptied, side by side
    ("Harga naik Rp1,7 juta.", "Harga naik Rp1,7 juta."),
])
def test_a_quotation_left_empty_is_marked_as_cut(text, marked):
    assert mark_emptied_quotes(text) == marked


def test_an_emptied_quotation_is_marked_before_joined_paragraphs_are_put_back():
    cleaned, _removed = BOILERPLATE.clean('Hujatan mengalir.,"," tulis Angela Gilsha.,Belum reda.', "wowkeren")
    assert cleaned == 'Hujatan mengalir.\n"…" tulis Angela Gilsha.\nBelum reda.'


def test_joined_paragraphs_are_lines_before_boilerplate_is_read():
    body = ("- Meski sempat menghilang, kini ia membaik.,Baca juga:,,Andra ingin menyusul.,"
            "Penulis: Annesa K. Ramadhany,,")
    cleaned, removed = BOILERPLATE.clean(body, "kapanlagi")
    assert cleaned == "Meski sempat menghilang, kini ia membaik.\nAndra ingin menyusul."
    assert [name for name, _line in removed] == ["read also", "credits"]


@pytest.mark.parametrize(("text", "repaired"), [
    ("Trase LRT¬†Jabodebek", "Trase LRT Jabodebek"),  # a no-break space read as Mac Roman (click-id Tempo)
    ("\u200bHarga Cabai Naik\u200e", "Harga Cabai Naik"),  # invisible at the edges of a headline: taken off
    ("Jo\u200bkowi di Solo", "Jo\u200bkowi di Solo"),  # inside a text: as it is
    ("Jokowi â€” Presiden", "Jokowi — Presiden"),
    ("‚Äì Bea Cukai Lhokseumawe", "– Bea Cukai Lhokseumawe"),  # UTF-8 read as Mac Roman (click-id Okezone)
    ("skuad The Gunners ‚Äìjulukan Arsenal‚Äì hanya", "skuad The Gunners –julukan Arsenal– hanya"),
    ("‚ÄúKutip‚Äù kata dia", "“Kutip” kata dia"),
    ("CafÃ© di Bandung", "Café di Bandung"),
    ("Pelatih Joan Tom√°s Campasol dan Maverick Vi√±ales", "Pelatih Joan Tomás Campasol dan Maverick Viñales"),
    ("Bayern M√ºnchen menang", "Bayern München menang"),  # an accented letter read as Mac Roman (click-id Tempo)
    ("akar √2 dan √x", "akar √2 dan √x"),  # a square root is one
    ("“Kutipan” tetap melengkung", "“Kutipan” tetap melengkung"),  # clean text is left as it is
    ("Harga Rp 16.216", "Harga Rp 16.216"),
    ("Ayat 59: ŸäŸéÿß ÿ£ŸéŸäŸëŸèŸáŸéÿß", "Ayat 59: يَا أَيُّهَا"),  # a verse's UTF-8 read as Mac Roman (Okezone)
    ("Ÿ coup d’état", "Ÿ coup d’état"),  # "’é" would decode, as Mac Roman, to an Armenian letter
    ("Hero of mine ‚ù§Ô∏è,” tulis Ifan", "Hero of mine ❤️,” tulis Ifan"),  # an emoji
    # a dateline whose dash a scraper dropped, the place glued to the first word
    ("Liputan6.com, JakartaKita semua", "Liputan6.com, Jakarta - Kita semua"),
    ("Liputan6.com, Jakarta SelatanPolisi menangkap", "Liputan6.com, Jakarta Selatan - Polisi menangkap"),
    ("Warta.co.id, BandungPT KAI", "Warta.co.id, Bandung - PT KAI"),
    ("Liputan6.com, Jakarta - Kita semua", "Liputan6.com, Jakarta - Kita semua"),
    ("Kompas.com, salah satu situs", "Kompas.com, salah satu situs"),
    ("Liputan6.com, Jakarta Ada kabar", "Liputan6.com, Jakarta Ada kabar"),
    ("Kata dia, Liputan6.com, JakartaKita", "Kata dia, Liputan6.com, JakartaKita"),  # only the opening
])
def test_repair(text, repaired):
    assert repair(text) == repaired


def test_a_bad_pattern_is_a_config_error(tmp_path):
    from searchapp.errors import ConfigError

    bad = tmp_path / "b.yaml"
    bad.write_text("boilerplate:\n  - name: x\n    pattern: '(unclosed'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"boilerplate\[0\].pattern: not a regular expression"):
        Boilerplate.load(bad)
    bad.write_text("boilerplate:\n  - name: x\n    pattern: 'IKLAN'\n    where: last\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"boilerplate\[0\].where: 'where' is 'anywhere' or 'closing', not 'last'"):
        Boilerplate.load(bad)


def test_boilerplate_is_neither_indexed_nor_shown_but_raw_keeps_it(tmp_path):
    from conftest import make_settings

    from searchapp.index.writer import build_index
    from searchapp.web.app import create_app

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    body = ("Liputan6.com, Jakarta - Harga cabai di pasar induk naik tajam pekan ini.\nAdvertisement\n"
            "Baca Juga\nPedagang mengeluhkan pasokan yang seret.\nSCROLL TO CONTINUE WITH CONTENT\n"
            "Simak juga Video: Harga Emas Antam Naik Lagi")
    (corpus / "a.jsonl").write_text(json.dumps({"id": "cabai", "body": body,
                                                "url": "https://www.liputan6.com/bisnis/read/1/cabai"}) + "\n",
                                    encoding="utf-8")
    settings = make_settings(corpus, tmp_path / "index", **{"indexing.workers": 1})
    build_index(settings)
    client = create_app(settings).test_client()
    assert client.get("/api/search?q=advertisement").get_json()["total"] == 0
    assert client.get("/api/search?q=emas antam").get_json()["total"] == 0
    hit = client.get("/api/search?q=cabai").get_json()["results"][0]
    assert "Advertisement" not in hit["snippet"] and "SCROLL" not in hit["snippet"]
    article = client.get("/api/documents/cabai").get_json()
    assert "Advertisement" not in article["body"] and "Pedagang mengeluhkan" in article["body"]
    assert "raw" not in article
    assert client.get("/api/documents/cabai?raw=1").get_json()["raw"] == body
    assert client.get("/api/documents/cabai?raw=yes").status_code == 400
    page = client.get("/artikel/cabai").get_data(as_text=True)
    assert "Advertisement" not in page and "SCROLL TO CONTINUE" not in page


def test_an_export_of_joined_paragraphs_is_shown_and_indexed_as_paragraphs(tmp_path):
    from conftest import make_settings

    from searchapp.index.writer import build_index
    from searchapp.web.app import create_app

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    body = (",,,Warga Desa Sukamaju berkumpul di balai desa pagi tadi.,Kepala desa meminta warga tenang.,"
            "Baca juga:,,Banjir merendam tiga dusun sejak semalam.,Penulis: Annesa K. Ramadhany,,")
    (corpus / "a.jsonl").write_text(json.dumps({"id": "banjir", "body": body, "title": "Banjir Sukamaju",
                                                "url": "https://www.kapanlagi.com/berita/banjir-1.html"}) + "\n",
                                    encoding="utf-8")
    settings = make_settings(corpus, tmp_path / "index", **{"indexing.workers": 1})
    build_index(settings)
    client = create_app(settings).test_client()
    article = client.get("/api/documents/banjir").get_json()
    assert article["body"].split("\n") == ["Warga Desa Sukamaju berkumpul di balai desa pagi tadi.",
                                           "Kepala desa meminta warga tenang.",
                                           "Banjir merendam tiga dusun sejak semalam."]
    assert len(article["paragraphs_html"]) == 3  # the article page's paragraphs
    assert article["outlet_name"] == "KapanLagi"
    assert client.get("/api/search?q=annesa").get_json()["total"] == 0
    assert client.get("/api/search?q=banjir dusun").get_json()["total"] == 1
    assert client.get("/api/documents/banjir?raw=1").get_json()["raw"] == body


def test_articles_are_extracted_again_when_the_boilerplate_file_changes(tmp_path):
    """An incremental run notices patterns added since an article was indexed: the article is cleaned
    again though its text did not change (as for the outlet and people files and the rules' version)."""
    from conftest import make_settings

    from searchapp.index.writer import build_index
    from searchapp.search.engine import WhooshEngine
    from searchapp.search.request import SearchRequest

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    records = [{"id": f"a{n}", "body": f"Harga cabai naik {n} persen pekan ini.\nDukung jurnalisme warga kami."}
               for n in range(3)]
    (corpus / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    patterns = tmp_path / "boilerplate.yaml"
    patterns.write_text((REPO / "config" / "boilerplate.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    settings = make_settings(corpus, tmp_path / "index", boilerplate_file=str(patterns), **{"indexing.workers": 1})
    assert build_index(settings).added == 3

    def total(q: str) -> int:
        return WhooshEngine(settings).search(SearchRequest(q=q)).total

    assert total('"jurnalisme warga"') == 3
    with open(patterns, "a", encoding="utf-8") as handle:
        handle.write("  - name: appeal\n    pattern: 'Dukung jurnalisme warga kami\\.'\n")
    report = build_index(settings)
    assert (report.added, report.updated, report.unchanged) == (0, 3, 0)
    assert "3 articles were indexed under other extraction rules or outlet, people or boilerplate files: " \
           "extracted again" in report.warnings
    assert total('"jurnalisme warga"') == 0 and total("cabai") == 3
    again = build_index(settings)
    assert (again.updated, again.unchanged, again.warnings) == (0, 3, [])
