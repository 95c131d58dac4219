"""People extraction: registry aliases, Indonesian cues, rejections, typos, merging."""

from pathlib import Path

import pytest

from searchapp.errors import ConfigError
from searchapp.extract import PeopleRegistry, Person, extract_people, find_person_spans

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def registry() -> PeopleRegistry:
    return PeopleRegistry.load(ROOT / "config" / "people.yaml")


EMPTY = PeopleRegistry()


def spans(text: str, registry: PeopleRegistry) -> list[str]:
    return [text[a:b] for a, b in find_person_spans(text, registry)]


def test_registry_seed_people(registry):
    for name in (
        "Jens Stoltenberg",
        "Vladimir Putin",
        "Recep Tayyip Erdogan",
        "Volodymyr Zelenskyy",
        "Bashar al-Assad",
        "Joe Biden",
        "Joko Widodo",
        "Prabowo Subianto",
    ):
        assert registry.canonical(name) == name
    assert registry.canonical("Zelensky") == "Volodymyr Zelenskyy"
    assert registry.canonical("zelenskiy") == "Volodymyr Zelenskyy"
    assert registry.canonical("Bashar Assad") == "Bashar al-Assad"
    assert registry.canonical("Jokowi") == "Joko Widodo"
    assert registry.canonical("Nobody") is None


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("“Invasi Presiden Putin brutal,” ujar dia.", ("Vladimir Putin",)),
        ("Serangan kimia rezim Assad di Suriah.", ("Bashar al-Assad",)),
        ("Presiden Ukraina Volodymyr Zelensky bergabung.", ("Volodymyr Zelenskyy",)),
        (
            "Presiden AS Joe Biden dan Presiden Recep Tayyip Erdogan bertemu.",
            ("Joe Biden", "Recep Tayyip Erdogan"),
        ),
        ("JOKOWI MENGATAKAN hal itu kepada Prabowo.", ("Joko Widodo", "Prabowo Subianto")),
        ("Pasangan Jokowi-JK menang.", ("Joko Widodo", "Jusuf Kalla")),
    ],
)
def test_registry_aliases(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Sekretaris Jenderal NATO Jens Stoltenbergv mengatakan itu.", ("Jens Stoltenberg",)),
        ("Hal itu ditegaskan Stoltenbergv di Brussel.", ("Jens Stoltenberg",)),
        ("Presiden Recep Tayyip Erdoğan hadir.", ("Recep Tayyip Erdogan",)),
        # one letter off a short or common name is another person, not a typo
        ("Menteri Perumahan Suharso Manoarfa hadir.", ("Suharso Manoarfa",)),
        ("Presiden Palestina Mahmud Abbas berbicara.", ("Mahmud Abbas",)),
    ],
)
def test_typo_tolerance(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Presiden Rusia Vladimir Petrov bertemu Presiden Prancis Louis Martin.",
            ("Vladimir Petrov", "Louis Martin"),
        ),
        ("Wakil Presiden Hamdan Zoelva membuka acara.", ("Hamdan Zoelva",)),
        ("Menteri Keuangan Budi Santoso menyatakan defisit menurun.", ("Budi Santoso",)),
        ("Menteri Hukum dan HAM Amir Syamsuddin hadir.", ("Amir Syamsuddin",)),
        ("Sekjen PBB Ban Ki-moon mengecam serangan itu.", ("Ban Ki-moon",)),
        ("Kepala Dinas Kesehatan DKI Jakarta Widyastuti memastikan stok aman.", ("Widyastuti",)),
        ("Ketua KPU Hasyim Asy'ari menyebut jadwal tetap.", ("Hasyim Asy'ari",)),
        ("Direktur Utama PT Pertamina Nicke Widyawati hadir.", ("Nicke Widyawati",)),
        ("Juru Bicara Kementerian Luar Negeri Teuku Faizasyah menjelaskan.", ("Teuku Faizasyah",)),
        ("Gubernur Jawa Tengah Bibit Waluyo meninjau lokasi.", ("Bibit Waluyo",)),
        ("Bupati Bogor Ade Yasin meresmikan pasar.", ("Ade Yasin",)),
        ("Komjen Budi Gunawan batal dilantik.", ("Budi Gunawan",)),
        ("Warga menyapa Pak Harjono dan Bu Sumarni.", ("Harjono", "Sumarni")),
        ("Acara dibuka oleh Dr. Andi Wijaya dan H. Mahmudin.", ("Andi Wijaya", "Mahmudin")),
        ("“Kami siap,” kata Sutrisno.", ("Sutrisno",)),
        ("“Kami siap,” ujar Wahyudi kepada wartawan.", ("Wahyudi",)),
        ("“Kami siap,” ucap Herlina, Senin.", ("Herlina",)),
        ("“Kami siap,” tutur Rahmawati.", ("Rahmawati",)),
        ("Sutopo mengatakan banjir surut.", ("Sutopo",)),
        ("Haryadi menjelaskan rencana itu.", ("Haryadi",)),
        ("Menurut Haryanto, harga naik.", ("Haryanto",)),
        ("Harga naik, menurut pengamat ekonomi Faisal Basri.", ("Faisal Basri",)),
        ("Anggota DPR dari Partai Demokrat, Vena Melinda, mendukung aturan itu.", ("Vena Melinda",)),
        ("Mereka adalah MS Hidayat dan Airlangga Hartarto.", ("MS Hidayat", "Airlangga Hartarto")),
    ],
)
def test_cue_rules(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(
    "text",
    [
        "Baca Juga: Tekan Sutarman, Warga Protes Larang Impor Emas Rusia",
        "Seperti dilansir Sky News, kepala NATO menguraikan dukungan baru.",
        "“Kami siap,” kata dia kepada wartawan, seperti dilansir Associated Press.",
        "Dia berpidato kepada aktivis Partai Buruh setempat.",
        "China adalah anggota Dewan Keamanan PBB.",
        "Rusia menghancurkan tatanan pasca-Perang Dunia II.",
        "Kehadiran udara di wilayah Baltik dan Laut Hitam meningkat.",
        "“Kami siap,” katanya kepada Reuters.",
        "Dia mengatakan sekutu bertujuan membuat kemajuan.",
        "Kepala NATO mengatakan dia akan berbicara.",
        "Pemerintah Ukraina mengatakan tank Rusia meluncur.",
        "NATO pada Rabu menolak tuntutan Rusia, kata Kremlin pada Jumat, 24 Februari.",
        "Hal itu diatur dalam Menteri Agama tentang Undang-undang Nomor 14.",
        "Mahasiswa Universitas Gadjah Mada berkunjung ke Raja Ampat.",
        "Presiden tiba di Jakarta, Kamis.",
        "Sumber : Associated Press",
        "Gabung ke Channel WhatsApp KompasTV untuk update berita terbaru.",
        "Kata Kapolri, situasi aman.",
    ],
)
def test_rejections(registry, text):
    assert extract_people(text, registry) == ()


def test_weak_one_word_names_are_spans_but_not_people(registry):
    # a lone word joined to a person by "dan", or opening a clause, is a mention (span) ...
    text = "Hidayat dan Airlangga mundur dari pencalonan, kata Akbar."
    assert spans(text, registry) == ["Hidayat", "Airlangga", "Akbar"]
    # ... but a one-word name becomes one of the article's people only with strong evidence
    assert extract_people(text, registry) == ("Airlangga Hartarto", "Akbar")
    text = "Mencetak 33 poin, Lakers memimpin skor. “Kami senang,” kata Randle."
    assert spans(text, EMPTY) == ["Lakers", "Randle"]
    assert extract_people(text, EMPTY) == ("Randle",)


def test_boilerplate_lines_only(registry):
    text = "Sumber di kepolisian, kata Kombes Yusri Yunus, membenarkan.\nSumber : Associated Press"
    assert extract_people(text, registry) == ("Yusri Yunus",)


def test_byline_names_are_not_people(registry):
    text = "Reporter: Noverius Laoli | Editor: Noverius Laoli\n“Kami siap,” kata Stoltenberg."
    assert extract_people(text, registry) == ("Jens Stoltenberg",)


def test_single_name_merges_with_full_name():
    text = (
        "Pengamat politik Yunarto Wijaya menilai koalisi rapuh. "
        "“Peta berubah,” kata Yunarto. Menurut Wijaya, partai bergerak."
    )
    assert extract_people(text, EMPTY) == ("Yunarto Wijaya",)
    assert spans(text, EMPTY) == ["Yunarto Wijaya", "Yunarto", "Wijaya"]


def test_single_name_shared_by_two_full_names_is_dropped():
    text = "Ketua Umum Budi Hartono dan Sekjen Andi Hartono hadir. “Siap,” kata Hartono."
    assert extract_people(text, EMPTY) == ("Budi Hartono", "Andi Hartono")


def test_surname_alias_of_someone_else(registry):
    # "Ani Yudhoyono" is not Susilo Bambang Yudhoyono
    assert extract_people("Ibu Negara Ani Yudhoyono tiba.", registry) == ("Ani Yudhoyono",)
    assert extract_people("Presiden Yudhoyono tiba.", registry) == ("Susilo Bambang Yudhoyono",)


def test_place_named_after_person_is_not_a_mention(registry):
    assert extract_people("Mahasiswa Universitas Airlangga berdemo di Jalan Soekarno.", registry) == ()


def test_spans_exclude_titles(registry):
    text = "Sekretaris Jenderal NATO Jens Stoltenberg dan Presiden AS Joe Biden, kata Sutrisno."
    assert spans(text, registry) == ["Jens Stoltenberg", "Joe Biden", "Sutrisno"]
    assert find_person_spans("", registry) == []


def write(tmp_path, body: str) -> Path:
    path = tmp_path / "people.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_load_minimal(tmp_path):
    reg = PeopleRegistry.load(
        write(tmp_path, "people:\n  - name: Ani Widjaja\n    aliases: [Ani W]\n  - name: Bo\n")
    )
    assert reg.all() == (Person("Ani Widjaja", ("Ani W",)), Person("Bo", ()))
    assert reg.canonical("ani w") == "Ani Widjaja"


@pytest.mark.parametrize(
    ("body", "key", "message"),
    [
        ("people: [\n", None, "invalid YAML"),
        ("[1, 2]\n", None, "mapping"),
        ("persons: []\n", "persons", "unknown key"),
        ("people:\n  - aliases: [A]\n", "people[0].name", "missing"),
        ("people:\n  - name: A\n    alias: [B]\n", "people[0].alias", "unknown key"),
        ("people:\n  - name: [A]\n", "people[0].name", "string"),
        ("people:\n  - name: A\n    aliases: B\n", "people[0].aliases", "list"),
        ("people:\n  - name: A\n    aliases: ['']\n", "people[0].aliases[0]", "string"),
        (
            "people:\n  - name: A B\n    aliases: [B]\n  - name: C B\n    aliases: [B]\n",
            "people[1].aliases[0]",
            "already names",
        ),
        ("people:\n  - name: '...'\n", "people[0].name", "no word"),
    ],
)
def test_load_rejects_bad_config(tmp_path, body, key, message):
    path = write(tmp_path, body)
    with pytest.raises(ConfigError) as info:
        PeopleRegistry.load(path)
    assert info.value.path == str(path)
    assert info.value.key == key
    assert message in str(info.value)


def test_load_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        PeopleRegistry.load(tmp_path / "nope.yaml")


@pytest.mark.parametrize(("text", "people"), [
    # a crawl dropped the space around a link: the name is read as if it were there
    ("Gubernur Jakarta Pramono Anungmengatakan taman dibuka. Ia menambahkan, Pramono Anung akan hadir.",
     ("Pramono Anung",)),
    ("Menurut Presiden AS Donald Trumpmengatakan pihaknya siap.", ("Donald Trump",)),
    ("Ketua Umum PSSIErick Thohir menyatakan Timnas siap. “Kami siap,” kata Erick.", ("Erick Thohir",)),
    ("Kebahagiaan pasangan selebritasAl GhazalidanAlyssaParamitha Daguise terpancar. Al Ghazali dan Alyssa "
     "tampil serasi.", ("Al Ghazali", "Alyssa Paramitha Daguise")),
    ("Direktur Utama PLN Darmawan Prasodjo mengatakan PLNkini menambah daya.", ("Darmawan Prasodjo",)),
    # the name written in full elsewhere is the evidence: the glued word may be a root or short
    ("Pebalap Maverick Vinalestak gentar. Menurut Maverick Vinales, motornya siap.", ("Maverick Vinales",)),
    ("Kiper Kepa Arrizabalagake Arsenal? Kepa Arrizabalaga belum menjawab.", ("Kepa Arrizabalaga",)),
    # a pe-…-an or ke-…-an noun opens no name: what runs into it is another word
    ("PenampilanstunningAaliyah Massaid memukau. Aaliyah datang bersama suaminya.", ("Aaliyah Massaid",)),
])
def test_glued_words_are_read_apart(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize("word", ["Prawiranegara", "Setiabudi", "Ramadan", "McDonald", "WhatsApp", "Krakatau",
                                  "Nasution", "Perdanakusuma", "Diposanjoyo", "Pemberantasan", "Kesejahteraan"])
def test_names_that_only_look_glued_stay_whole(word):
    from searchapp.extract.glue import unglue

    assert unglue(f"Warga {word} datang. Rama dan Setia pergi, Mc juga.") == \
        f"Warga {word} datang. Rama dan Setia pergi, Mc juga."
    # a name ending in a root, beside a shorter name: two people, not one glued to a word
    assert unglue("Indah Permatasari hadir. Indah Permata juga.") == "Indah Permatasari hadir. Indah Permata juga."


def test_a_credit_line_names_no_person_of_the_article(registry):
    text = "Pebalap Marc Marquez menang lagi di Mugello.\n(Wikanto Arungbudoyo)"
    assert extract_people(text, registry) == ("Marc Marquez",)
    assert extract_people("Oleh Emerson Yuntho\nKPK kembali diuji, kata Bambang Widjojanto.", registry) == \
        ("Bambang Widjojanto",)
    joined = "Kata Hiro Tanaka, Milka tampak cemas.,Penulis: Annesa K. Ramadhany,,"  # paragraphs joined by commas
    assert extract_people(joined, registry) == ("Hiro Tanaka",)


def test_a_capitalised_particle_opens_a_name_and_short_forms_join_it(registry):
    text = ("Penyanyi Al Ghazali menikahi Alyssa Paramitha Daguise. Ghazali dan Alyssa Daguise "
            "menggelar ngunduh mantu, kata Gubernur Sumatera Utara Bobby Nasution.")
    assert extract_people(text, registry) == ("Al Ghazali", "Alyssa Paramitha Daguise", "Bobby Nasution")


@pytest.mark.parametrize(("text", "people"), [
    ("Mantan Presiden Suharto wafat pada 2008, kata sejarawan.", ("Soeharto",)),  # old and new spelling alike
    ("Pak Harto memimpin selama 32 tahun.", ("Soeharto",)),
    # a short form of initials, read apart from the word a crawl glued to it, is the full name's
    ("Musisi Fariz RM menjalani sidang. Penyanyi bernama lengkap Fariz Roestam Moenaf itu didakwa. "
     "Fariz RMempat kali menghadapi proses hukum.", ("Fariz Roestam Moenaf",)),
    ("Gus Ipul meninjau dapur umum di Pasuruan.", ("Saifullah Yusuf",)),
    ("Jaksa mengatakan Setnov kembali disidang pekan depan.", ("Setya Novanto",)),
    ("Ical bertemu Jokowi dan JK di Istana.", ("Aburizal Bakrie", "Joko Widodo", "Jusuf Kalla")),
])
def test_nicknames_and_old_spelling_name_one_person(registry, text, people):
    assert extract_people(text, registry) == people


def test_old_spelling_folds_for_matching_only():
    from searchapp.extract.registry import fold

    assert fold("Soeharto") == fold("Suharto") and fold("Djoko Tjandra") == "joko candra"
    assert fold("Erdoğan") == "erdogan"


@pytest.mark.parametrize(("text", "read"), [
    ("Tarif PLNsebesar Rp1.444 per kWh.", "Tarif PLNsebesar Rp1.444 per kWh."),  # PLN + sebesar: no name in it
    ("Ada DUApemain baru.", "Ada DUApemain baru."),
    ("Bank JPMorgan Chase melaporkan laba.", "Bank JPMorgan Chase melaporkan laba."),
    ("Ketua Umum PSSIErick Thohir datang.", "Ketua Umum PSSI Erick Thohir datang."),  # a name after the acronym
    ("Buronan KPK RIHarun Masiku belum ditemukan.", "Buronan KPK RI Harun Masiku belum ditemukan."),
    # a function word glued to a word: the capital is the acronym's (TNI dari politik)
    ("Netralitas TNIdaripolitik praktis dijaga.", "Netralitas TNIdaripolitik praktis dijaga."),
    # a word of the language after capitals that stand alone elsewhere in the text: two words
    ("Fariz RM diadili. Fariz RMempat kali ditangkap.", "Fariz RM diadili. Fariz RM empat kali ditangkap."),
    ("PBSI menggelar rapat. Ketua PBSIbuka suara.", "PBSI menggelar rapat. Ketua PBSI buka suara."),
    ("Ia membeli TVbaru.", "Ia membeli TVbaru."),  # "TV" nowhere alone: no evidence
    ("Kata TV, layar TVbaru.", "Kata TV, layar TV baru."),
    ("KPK-RI dan TVRI. Layar TVbaru.", "KPK-RI dan TVRI. Layar TVbaru."),  # "TV" only inside other words
    # a lead's first word shouted, then a word of the language: two words
    ("ADIKtiri Valentino Rossi resmi diganti.", "ADIK tiri Valentino Rossi resmi diganti."),
    ("PENAMPILANelegan Maia Estianty dipuji.", "PENAMPILAN elegan Maia Estianty dipuji."),
])
def test_an_acronym_glued_to_a_word_is_not_read_as_a_name(text, read):
    from searchapp.extract.glue import unglue

    assert unglue(text) == read


@pytest.mark.parametrize(("text", "people"), [
    ("Jaksa mendakwa Hasto menyuap komisioner KPU Wahyu Setiawan Rp 600 juta.", ("Wahyu Setiawan",)),
    ("Ia memberi Andi Rahman US$ 5.000 sebagai uang muka.", ("Andi Rahman",)),
    ("Ia memberi Andi Rahman USD 5.000 sebagai uang muka.", ("Andi Rahman",)),
])
def test_a_currency_before_an_amount_ends_a_name(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    # places named after someone: the person is not the article's
    ("Timnas bertanding di Stadion Utama Gelora Bung Karno (SUGBK), Jakarta. Pelatih Shin Tae-yong siap.",
     ("Shin Tae-yong",)),
    ("Penumpang tiba di bandara Internasional Soekarno Hatta, Tangerang.", ()),
    ("Ia dirawat di RSPAD Gatot Soebroto, Jakarta Pusat, sejak Senin.", ()),
    # "Jl." abbreviates: its full stop ends no sentence, and what follows is the street's name
    ("Kantor itu berada di Jl. Jendral Sudirman kav 52-53, Jakarta.", ()),
    ("Kemacetan terjadi di Jl. Gatot Subroto dan Jl. Hayam Wuruk.", ()),
    ("Warga Gg. Banteng di Kab. Mempawah mengungsi.", ()),
    # the person himself stays
    ("Pada era Presiden Soekarno, Lapangan Banteng dibangun.", ("Soekarno",)),
    ("Bung Karno berpidato di depan rakyat.", ("Soekarno",)),
])
def test_a_place_named_after_someone_is_no_mention_of_them(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    # "Imam" right before a name word is a given name; an imam's office is named with it ("Imam Besar")
    ("Acara ini dihadiri Menpora Imam Nahrawi dan para atlet.", ("Imam Nahrawi",)),
    ("KPK menetapkan Imam Nahrawi sebagai tersangka.", ("Imam Nahrawi",)),
    ("Imam Besar FPI Habib Rizieq Shihab mengatakan hal itu.", ("Rizieq Shihab",)),
    # "H" between two name words is an initial; after a regent's regency it is Haji
    ("Menteri Hukum dan HAM Yasonna H Laoly mengatakan itu.", ("Yasonna H Laoly",)),
    ("Kasat Resnarkoba AKP Novris H Simanjuntak mengatakan itu.", ("Novris H Simanjuntak",)),
    ("Bupati Takalar H. Syamsari optimistis.", ("Syamsari",)),
    ("Kepala Desa Sukamaju H Ahmad Yani mengatakan hal itu.", ("Ahmad Yani",)),  # after a village: Haji
    ("Pengasuh Ponpes Darussalam H Ahmad Fauzi berpesan.", ("Ahmad Fauzi",)),
    # an army corps after a rank is the rank's
    ("Dandim Letkol Inf Hendra Saputra mengatakan warga aman.", ("Hendra Saputra",)),
    # ministers' short titles of later cabinets, a minister's personal assistant, a head of an agency
    ("Menpupera Basuki Hadimuljono meninjau bendungan itu.", ("Basuki Hadimuljono",)),
    ("Mendikbudristek Nadiem Makarim mengatakan hal itu.", ("Nadiem Makarim",)),
    ("Aspri Menpora Miftahul Ulum diperiksa KPK.", ("Miftahul Ulum",)),
    ("Kadis Kominfo Sleman Budi Santoso mengatakan anggaran cair.", ("Budi Santoso",)),
    ("Pemain itu dibawa oleh agen Jorge Mendes.", ("Jorge Mendes",)),  # not the villages' minister's title
    # a known person after a word for their child: the person ("Putra Sulung Jokowi" is Jokowi's eldest son)
    ("Gibran, Putra Sulung Jokowi, mendaftar.", ("Joko Widodo",)),
    ("Putra Jokowi ini mengaku pertemuan itu silaturahmi.", ("Joko Widodo",)),
    ("Ani Yudhoyono hadir di acara itu.", ("Ani Yudhoyono",)),  # a given name before the surname: someone else
    ("Pemain timnas Rizky Putra Prabowo mencetak gol.", ("Rizky Putra Prabowo",)),  # Putra, a middle name
    # a sibling's word before a name is a title's: "Saudara Kandung", "Kakak Kandung"
    ("Saudara Kandung Budi Santoso hadir.", ("Budi Santoso",)),
    ("Kakak Tiri Rina Wijaya menangis.", ("Rina Wijaya",)),
    # a pair of known people joined by a hyphen: both
    ("Ia mengikuti kampanye akbar Jokowi-Ma'ruf Amin di Stadion GBK.", ("Joko Widodo", "Ma'ruf Amin")),
    # a facility's hyphenated name, then the person
    ("Executive General Manager Bandara Internasional Soekarno-Hatta Agus Haryadi mengatakan itu.",
     ("Agus Haryadi",)),
    ("Wakil Bidang Manajemen Masjid Al-Ithisom Yahya Sutaimi mengatakan.", ("Yahya Sutaimi",)),
    # titles after a facility's head name the place after someone; a grave's name its person
    ("Di Kepulauan Riau ada Bandara Raja Haji Fisabilillah (Tanjung Pinang).", ()),
    ("Bus hanya sampai Simpang Jalan Ir. H. Juanda hari ini.", ()),
    ("Besok pagi ke makam Pak Harto, ujar Panglima.", ("Harto",)),
    # an office's field between the title and the name
    ("Kepala Bidang Mitigasi Gempabumi dan Tsunami BMKG Daryono mengatakan gempa itu kecil.", ("Daryono",)),
    # formal address and a candidate for the KPK's leadership
    ("Wakil ketua, Saudara Nawawi Pomolango, hadir.", ("Nawawi Pomolango",)),
    ("Pelanggaran etik Capim Firli Bahuri dibahas.", ("Firli Bahuri",)),
    # a given name typed twice is typed once; a short name word written twice is a name ("Zee Zee Shahab")
    ("Hasilnya: Nawawi Nawawi Pomolango 50 suara, Nurul Nurul Ghufron 51 suara.",
     ("Nawawi Pomolango", "Nurul Ghufron")),
    ("Aktris Zee Zee Shahab mengatakan hal itu.", ("Zee Zee Shahab",)),
    # a word of the language right after a facility's head word names the facility, not the person after it
    ("Juru bicara Gedung Putih Karine Jean-Pierre mengatakan hal itu.", ("Karine Jean-Pierre",)),
    ("Imam Masjid Agung Ahmad Fauzi mengatakan hal itu.", ("Ahmad Fauzi",)),
    ("Presiden di Gedung Putih Donald Trump mengatakan hal itu.", ("Donald Trump",)),  # a known name, after it
])
def test_words_between_a_title_and_a_name_read_as_indonesian_news_writes_them(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    # every country is a place, and a club's, a congress's or a surah's word is no one's
    ("Presiden Afganistan Ashraf Ghani tiba di Jakarta.", ("Ashraf Ghani",)),
    ("Pelatih Tottenham Hotspur Mauricio Pochettino kecewa.", ("Mauricio Pochettino",)),
    ("Ahok didakwa terkait Surat Al Maidah ayat 51, kata jaksa.", ("Basuki Tjahaja Purnama",)),
    # ...but a country's name that is a surname stays one
    ("Kapolri Jenderal Badrodin Haiti meninjau lokasi.", ("Badrodin Haiti",)),
    ("Ryan Babel mencetak gol untuk Galatasaray.", ("Ryan Babel",)),
    # a maker's or a studio's name heads a product's or a film's, not a person's
    ("Ponsel Android Nougat dan Panasonic Eluga dijual murah.", ()),
    ("Sutradara Captain Marvel hadir di acara Marvel Studios.", ()),
    ("Laga El Barca melawan Spurs berakhir imbang, Juve menang.", ()),  # clubs by their short names
    # a field of an office ("Perhubungan Udara"), "Coach" and "Chef" before a name, a stock index's name
    ("Dirjen Perhubungan Udara Polana B Pramesti mengatakan hal itu.", ("Polana B Pramesti",)),
    ("Coach Rajko Toroman memimpin latihan.", ("Rajko Toroman",)),
    ("Menu disiapkan Chef Devina Hermawan di Resto Seribu Rasa.", ("Devina Hermawan",)),
    ("Indeks Nasdaq Composite naik 1 persen.", ()),
    ("Penumpang rute Bandar Udara Soekarno - Hatta tujuan Bali.", ()),  # an airport, named after people
    # a degree written without its full stops ends the name; a name's syllable is no degree
    ("Kapolres AKBP Budi Santoso SIK mengatakan hal itu.", ("Budi Santoso",)),
    ("Kasat Reskrim AKP Andi Wijaya STrK mengatakan hal itu.", ("Andi Wijaya",)),
    ("Pebulu tangkis Shi Yuqi dan aktor Lee Jung Sik hadir.", ("Shi Yuqi", "Lee Jung Sik")),
    # the particle a writer hyphenated to a name is no part of it
    ("Gabriel Paulista-lah yang mencetak gol penentu.", ("Gabriel Paulista",)),
])
def test_countries_clubs_and_particles_around_names(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    # a name the article writes only between quote marks is a work's, a show's or an epithet
    ('Para pemain drama "Arthdal Chronicles" menjalani wawancara.', ()),
    ("Lagu 'Good Luck' meraih peringkat dua, disusul \u201cCherry Bomb\u201d.", ()),
    ("Ia bangga menjuluki dirinya sendiri \u2018Worldwide Handsome\u2019.", ()),
    # ...or inside a quoted title of a few capitalised words
    ('Lagu tersebut antara lain "Sailor\'s song", "A Fish in Water", dan lainnya.', ()),
    ('Ia membaca "Harry Potter and the Cursed Child" semalam.', ()),
    ("Latihan gabungan TNI dengan sandi 'Dharma Yudha 2019' digelar di Situbondo.", ()),
    ('Mereka menggelar tur "Love Yourself: Speak Yourself" di Seoul.', ()),
    # an epithet, whatever title it carries
    ("Habibie dijuluki Mr. Crack atas penemuannya. Mr Crack itu jenius.", ("B.J. Habibie",)),
    ("Tim berjulukan Juku Eja itu kalah 0-1 dari PSIS. Juku Eja kini kesembilan.", ()),
    # ...but not one it also writes bare, nor a nickname given in quotes
    ('Penyanyi Budi Santoso membawakan lagu "Budi Santoso" di panggung.', ("Budi Santoso",)),
    ('Musisi Ronald Aristone Sinaga atau akrab disapa "Bro Ron" mendaftar. Bro Ron kader PSI.',
     ("Ronald Aristone Sinaga",)),
    ('Menurut "Emil", sapaan akrab Ridwan Kamil, kota aman. "Siap," kata Emil.', ("Ridwan Kamil",)),
    ('"Budi Santoso itu orang baik," kata Andi.', ("Budi Santoso", "Andi")),  # a quoted sentence, no title
    ("Pada Jum'at Budi Santoso hadir, kata Ma'ruf Amin.", ("Budi Santoso", "Ma'ruf Amin")),  # apostrophes
])
def test_a_name_written_only_in_quotes_is_no_person(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    # Indonesia's regencies and cities are places: the name after an office over one, or a body of one, is
    # the person's, and a regency's name alone is no one
    ("Ketua DPRD Deli Serdang Zakky Shahri hadir dalam rapat itu.", ("Zakky Shahri",)),
    ("Asisten III Pemkab Kutai Kartanegara Irfan mengatakan pertemuan itu penting.", ("Irfan",)),
    ("Kepala Dinas Kesehatan Kabupaten Banyuasin Mgs Hakim mengatakan stok aman.", ("Mgs Hakim",)),
    ("Sekretaris DPRD Lhokseumawe Suib mengatakan rapat ditunda.", ("Suib",)),
    ("Kabid Perekonomian BAPPEDA Klungkung Nyoman Sidang menyampaikan usulan.", ("Nyoman Sidang",)),
    ("Sultan Deli Tuanku Makmun Al Rasyid membuka peluang bagi para imigran.", ("Tuanku Makmun Al Rasyid",)),
    ("Warga Ogan Komering Ilir dan Musi Banyuasin menolak rencana itu.", ()),
    ("Mereka menyaksikan Sail Nias di Gunungsitoli.", ()),
    # events and palaces named after their places
    ("Ribuan pelari mengikuti Borobudur Marathon di Magelang.", ()),
    ("Juara Kejurnas Autokhana, Mariachi Gunawan, hadir.", ("Mariachi Gunawan",)),
    ("Para prajurit Kraton Ngayogyakarta berbaris di alun-alun.", ()),
    # a club named for its place's sons ("Barito Putera", "Kalteng Putra"), then its coach
    ("Pelatih Barito Putera Djadjang Nurdjaman kecewa dengan hasil itu.", ("Djadjang Nurdjaman",)),
    ("Kalteng Putra kalah dari Persib.", ()),
    ("Eka Putra hadir dalam acara itu.", ("Eka Putra",)),
    ("Ketua DPRD Sleman Putra Wijaya mengatakan itu.", ("Putra Wijaya",)),  # a given name after a body's place
    ("Bupati Bantul Putra Jaya hadir dalam acara itu.", ("Putra Jaya",)),
    # ...but a regency's name that is also a clan's or a family's stays a surname, and a place only after
    # the regency's first word
    ("Ketua Umum KPCDI Tony Samosir mengatakan hal itu.", ("Tony Samosir",)),
    ("Mulyadhi Kartanegara mengatakan hal itu.", ("Mulyadhi Kartanegara",)),
    ("Bupati Kutai Kartanegara Edi Damansyah hadir.", ("Edi Damansyah",)),
    ("Bupati Toba Samosir Darwin Siagian hadir.", ("Darwin Siagian",)),
    ("Penulis Iwan Gayo hadir dalam acara itu.", ("Iwan Gayo",)),
])
def test_a_regency_or_city_is_a_place(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    # the tail of an organisation's name, cut at "dan", before the longer acronym that abbreviates it
    ("Kepala Pusat Vulkanologi dan Mitigasi Bencana Geologi (PVMBG) Hendra Gunawan mengatakan.",
     ("Hendra Gunawan",)),
    ("Tersangka Iwan Kurniawan Lukminto (IKL) diperiksa penyidik.", ("Iwan Kurniawan Lukminto",)),  # own initials
    ("Sementara itu, Ahmad Nurdin (PAN) menolak usulan tersebut.", ("Ahmad Nurdin",)),  # a party's, ending alike
    ("Rapat dihadiri Budi Santoso (PKS) dan Kurnia Sari (PKS) kemarin.", ("Budi Santoso", "Kurnia Sari")),
    # a product's, a brand's or an index's name after the noun that says so
    ("Sementara itu, indeks Nasdaq Composite turun 0,5 persen.", ()),
    ("Banjir merendam mobil Chery Tiggo milik warga.", ()),
    ("Konsultan dari AJ Capital Advisory menjelaskan persoalan itu.", ()),  # a firm's English head word
    ("Kemarin pesawat Twin Otter milik maskapai itu hilang kontak.", ()),  # a vehicle, a weapon, a phenomenon
    ("Israel mengandalkan sistem Iron Dome, kata Benjamin Netanyahu.", ("Benjamin Netanyahu",)),
    ("Dampak fenomena El Nino terasa, kata Dwikorita Karnawati.", ("Dwikorita Karnawati",)),
    ("Indeks Dow Jones turun 2 persen pada Jumat.", ()),  # the cue capitalised, opening the sentence
    ("Pesawat Twin Otter itu hilang di Papua.", ()),
    ("Kata Pilot Pesawat Andi Wijaya di bandara.", ("Andi Wijaya",)),  # not opening the sentence: a title's
    ("Masinis Kereta Budi Santoso selamat.", ("Budi Santoso",)),
    ("Presiden Joko Widodo naik pesawat kepresidenan.", ("Joko Widodo",)),
    ("Tiket dipesan lewat aplikasi.,Kepala Humas PT KAI Edy Kuswoyo menyatakan sistem aman.", ("Edy Kuswoyo",)),
    ("Film karya sutradara Joko Anwar tayang pekan depan.", ("Joko Anwar",)),
    ("Pasar koreksi, ujar analis saham Hans Kwee kepada wartawan.", ("Hans Kwee",)),
    ("Wakil Ketua KPK Laode M Syarif mengatakan hal itu.", ("Laode M Syarif",)),  # a given name of Buton
    ("Menurut laporan Al Jazeera dan Al Arabiya, serangan terjadi.", ()),  # news channels
    # the first words of a known person's full name, the person in the article: that person
    ("Presiden ketiga RI Bacharuddin Jusuf (BJ) Habibie wafat.", ("B.J. Habibie",)),
    ("Bacharuddin Jusuf tersenyum kepada wartawan.", ("Bacharuddin Jusuf",)),  # not without him
])
def test_organisations_and_products_are_no_people(registry, text, people):
    assert extract_people(text, registry) == people


def test_a_letter_of_a_code_is_no_initial(registry):
    assert extract_people("Pesawat KC-46A Pegasus dan KC-135 Stratotanker mengisi bahan bakar.", registry) == ()
    assert extract_people("Acara dibuka oleh Dr. Andi Wijaya dan H. Mahmudin.", registry) == ("Andi Wijaya", "Mahmudin")


def test_a_negated_nominalisation_is_not_a_name(registry):
    assert extract_people("Ketidakhadiran Maia Estianty menjadi sorotan warganet.", registry) == ("Maia Estianty",)


@pytest.mark.parametrize(("text", "people"), [
    # the article writes the name as a place once: the mention without a title or speech verb is the place
    ("Sarapan di Disneyland mahal. Disneyland, yang dikenal sebagai tempat terbahagia, menjawab.", ()),
    ("Pesawat diparkir di pangkalan udara Al Udeid. Citra satelit menunjukkan Al Udeid kosong.", ()),
    # a title or a speech verb outweighs it: the name is a person's
    ("Acara di Anies Baswedan dibuka. Gubernur Anies Baswedan hadir.", ("Anies Baswedan",)),
    # "ke" is not a place cue: "umpan ke Axel Witsel"
    ("Bola diteruskan ke Axel Witsel. Axel Witsel mencetak gol.", ("Axel Witsel",)),
])
def test_a_name_the_article_writes_as_a_place_is_not_a_person(registry, text, people):
    assert extract_people(text, registry) == people


def test_a_short_form_joins_the_full_name_whatever_its_apostrophe(registry):
    text = "Ketua Umum HKI Akhmad Ma’ruf Maulana hadir. “Kami siap,” ungkap Ma'ruf, Kamis."
    assert extract_people(text, registry) == ("Akhmad Ma’ruf Maulana",)


@pytest.mark.parametrize(("text", "people"), [
    # the office runs on across "dan" and plain words: the name after it has its title
    ("Direktur Jenderal Mineral dan Batu Bara Kementerian ESDM Tri Winarno sempat menyebut proyek itu.",
     ("Tri Winarno",)),
    # a name before "dan" ends the office: what follows is not titled by it
    ("Presiden Joko Widodo dan Bunga Citra Lestari hadir.", ("Joko Widodo",)),
])
def test_a_title_across_dan_inside_an_office_name(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    # a nickname the article gives stands for the person, and so does a short form of it
    ("Musisi Ronald Aristone Sinaga atau akrab disapa Bro Ron mendaftar. Bro Ron merupakan kader PSI.",
     ("Ronald Aristone Sinaga",)),
    ("Penampilan Abdul Qodir Jaelani atau yang akrab disapa Dul Jaelani memukau. Dul memamerkan kebolehannya.",
     ("Abdul Qodir Jaelani",)),
    ("Pelatih memboyong Rosembergne da Silva alias Berguinho. Berguinho mengatakan siap bermain.",
     ("Rosembergne da Silva",)),
    # the nickname first, then whose it is
    ("Tombol ditekan oleh Emil, sapaan akrab Ridwan Kamil, di Majalengka. \"Ini awal,\" kata Emil.",
     ("Ridwan Kamil",)),
    ("Menurut Thom -- panggilan akrab Thomas Lembong -- ekonomi stabil. \"Rasional,\" kata Thom.",
     ("Thomas Lembong",)),
    ("\"Koalisi siap,\" ujar Bibi (sapaan Benjamin Netanyahu) kepada wartawan.", ("Benjamin Netanyahu",)),
    # ...but not a name another person calls someone by
    ("\"Jaga Indonesia,\" pesan Om Rudi, panggilan akrab Sandiaga Uno kepada Habibie.",
     ("Rudi", "Sandiaga Uno", "B.J. Habibie")),
    # "atau" alone names two people
    ("Pemilih menimbang Anies Baswedan atau Ganjar Pranowo.", ("Anies Baswedan", "Ganjar Pranowo")),
])
def test_a_nickname_the_article_gives_names_the_person(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    # an initial stands for the word it begins
    ("Ronald A. Sinaga hadir. Kata Ronald Aristone Sinaga, partainya siap.", ("Ronald Aristone Sinaga",)),
    ("Musisi Fariz RM ditangkap. Fariz Roestam Moenaf menjalani sidang.", ("Fariz Roestam Moenaf",)),
    # the last part of a hyphenated surname
    ("Trent Alexander-Arnold resmi debut. Kata Arnold, ia senang.", ("Trent Alexander-Arnold",)),
    # not a word it does not begin
    ("Ronald B. Sinaga hadir. Kata Ronald Aristone Sinaga, partainya siap.",
     ("Ronald B. Sinaga", "Ronald Aristone Sinaga")),
])
def test_an_initial_joins_the_full_name(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    # one letter off in one long word, written less often: the same person
    ("Kapolsek Kompol Immanel Sinaga memberi sepeda. Kata Immanuel Sinaga, warga senang. "
     "Immanuel Sinaga menambahkan.", ("Immanuel Sinaga",)),
    # a tie goes to the spelling the other names use ("Diego Simeone")
    ("Pelatih Diego Simeone memainkan Giuliano Simeoen. Gol Giuliano Simeone membawa kemenangan.",
     ("Diego Simeone", "Giuliano Simeone")),
    # short words differ too often between people to be read as typos
    ("Kata Dedi Mulyadi, lalu Dedy Mulyadi menjawab.", ("Dedi Mulyadi", "Dedy Mulyadi")),
])
def test_a_misspelt_name_is_the_person_written_more_often(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    # a written short form of Muhammad is part of the name, its full stop ends no sentence
    ("Manajer PLN Jakarta Raya, Moch. Andy Adchaminoerdin dalam acara itu.", ("Moch. Andy Adchaminoerdin",)),
    # "Hari" inside a titled run, before a name word, is a given name; opening a run it is a day
    ('"Harga bisa turun," ungkap VP Marketing Xpeng Indonesia Hari Arifianto di Jakarta.', ("Hari Arifianto",)),
    ("Peringatan Hari Kartini digelar di sekolah itu.", ()),
    # a field of an office between the title and the name is not the name's
    ("Menteri Ekonomi Kreatif Teuku Riefky Harsya juga hadir.", ("Teuku Riefky Harsya",)),
    ("Direktur Teknik Yeyen Tumena belum menjawab.", ("Yeyen Tumena",)),
])
def test_the_words_before_a_name_in_an_office(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    # a larger place or an administrative unit after a comma: the run is a place in an address
    ("Aktivitas penambangan di area galian C Kedung Jumbleng, Kelurahan Argasunya, Kecamatan Harjamukti, "
     "dihentikan polisi.", ()),
    ("Gajah mencari makan di Suaka Margasatwa Padang Sugihan, Ogan Komering Ilir, Sumatera Selatan.", ()),
    ("Acara di Jl SMA Kapin No. 239A, RT 9/RW 4, Pd Klp, Kec Duren Sawit, Jakarta Timur.", ()),
    # a place that opens a longer name is not an address: the run before it may be a person
    ("Selain Gilang Dirga, Jakarta Festival Indonesia 2019 menghadirkan banyak komika.", ("Gilang Dirga",)),
    # a cue outweighs it: "kata Budi Santoso, Jakarta"
    ("Harga naik, kata Budi Santoso, Jakarta, Senin.", ("Budi Santoso",)),
])
def test_a_name_in_an_address_is_a_place(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    # written after an organisation's head word more often than with a title: the organisation
    ("Satgas Saber Pungli dibentuk pada 2016. Ketua Pelaksana Satgas Saber Pungli adalah seorang jenderal. "
     "Satgas Saber Pungli kini dibubarkan.", ()),
    # after a mountain's: the mountain, even where a family word reads as a title ("Anak Krakatau")
    ("Contohnya Gunung Anak Krakatau. Gunung Krakatau meletus pada 1883. Pada kasus Anak Krakatau, magma naik.",
     ()),
    # inside an office the head word is the person's title: "Ketua Umum Partai Gerindra Prabowo Subianto"
    ("Ketua Umum Partai Gerindra Prabowo Subianto hadir. Partai Gerindra Prabowo Subianto menang, kata Prabowo.",
     ("Prabowo Subianto",)),
    # a person's government is no organisation of that name
    ("Pemerintahan Prabowo Subianto memulai program. Pemerintahan Prabowo Subianto dinilai tegas. "
     "Presiden Prabowo Subianto menjawab.", ("Prabowo Subianto",)),
])
def test_a_name_written_mostly_after_an_organisation_or_a_place_is_not_a_person(text, people):
    assert extract_people(text, EMPTY) == people


@pytest.mark.parametrize(("text", "people"), [
    # "Pol" after a police rank is the rank's ("Komjen Pol"), not the name's
    ("Wakapolri Komjen Pol Gatot Eddy Pramono mengatakan hal itu.", ("Gatot Eddy Pramono",)),
    # after a place's own name a title starts a new office; after a facility the title names it
    ("Kasus itu dikonfirmasi Kepala Satuan Reserse Narkoba Polres Metro Jakarta Barat Komisaris Polisi Vernal "
     "Armando. Polisi menyita barang bukti.", ("Vernal Armando",)),
    ("Laga digelar di Stadion Kapten I Wayan Dipta, Gianyar, pekan depan.", ()),
    ("Merayakan Hari Ayah Internasional bukan hanya tentang hadiah.", ()),
])
def test_titles_inside_offices_and_place_names(registry, text, people):
    assert extract_people(text, registry) == people


def test_a_list_of_people_with_their_offices_is_no_headline(registry):
    text = ("Berikut susunan direksi PLN.\nAdi Priyanto – Direktur Ritel dan Niaga\nSinthya Roesly – Direktur "
            "Keuangan\nEvy Haryadi – Direktur Teknologi, Engineering, dan Keberlanjutan\n")
    assert extract_people(text, registry) == ("Adi Priyanto", "Sinthya Roesly", "Evy Haryadi")
    # a headline stays one: its capitals say nothing
    assert extract_people("Harga Emas Antam Hari Ini Turun Lagi\nHarga emas turun.", registry) == ()


@pytest.mark.parametrize(("text", "people"), [
    # Chinese and Korean surnames that are also Indonesian words, and English given names in -ence
    ("Hadir pula Perdana Menteri Singapura Lawrence Wong di Singapura.", ("Lawrence Wong",)),
    ("Aktor Kim Soo Hyun membintangi drama itu.", ("Kim Soo Hyun",)),
    ("Pahlawan nasional Tan Malaka dikenang, kata sejarawan Bonnie Triyana.", ("Tan Malaka", "Bonnie Triyana")),
])
def test_surnames_that_are_also_words(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    # an acronym in brackets between the place and the larger place after it
    ("Gajah mencari makan di areal Padang Sugihan, Ogan Komering Ilir (OKI), Sumatera Selatan.", ()),
    # but not between a person and what follows: "Iwan Kurniawan Lukminto (IKL) bicara"
    ("Direktur Utama PT Sri Rejeki Isman Tbk (Sritex) Iwan Kurniawan Lukminto (IKL) bicara soal kasus itu.",
     ("Iwan Kurniawan Lukminto",)),
    # a listed company's name, its suffix after a comma, then the person
    ("Hadir Komisaris PT Metropolitan Land, Tbk. Nanda Widya dan direksi.", ("Nanda Widya",)),
    # words of prayer and worship are no names
    ("Simak bacaan Sayyidul Istighfar dan artinya. Doa ditutup dengan Amin Allahumma Amin.", ()),
    ("Ajang Musabaqoh Tilawatil Qur’an (MTQ) Disabilitas digelar di Jakarta.", ()),
])
def test_places_in_addresses_and_words_of_prayer(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    # a name opening with a three-letter root is not that root affixed ("Masiku" is not mas + -iku)
    ("Hasto didakwa menyuap agar Harun Masiku bisa menjadi anggota DPR.", ("Harun Masiku",)),
    # two words joined by a hyphen are no hyphenated given name ("Asal-usul", unlike "Ki-moon")
    ("Asal-usul Tradisi Kasada dijelaskan warga.", ()),
    ("Sekjen PBB Ban Ki-moon menyerukan gencatan senjata.", ("Ban Ki-moon",)),
    # ... nor when an agency capitalises its second syllable, or it spells a word ("Tak", "Moon")
    ("Menteri Luar Negeri Korea Selatan Ban Ki-Moon mengatakan hal itu.", ("Ban Ki-Moon",)),
    ("Menurut Kim Hyun-Tak, teknologi itu baru.", ("Kim Hyun-Tak",)),
    # a Korean surname that spells an English or Indonesian word, before a hyphenated given name
    ("Presiden Korea Selatan Moon Jae-in mengatakan hal itu.", ("Moon Jae-in",)),
    ("Pemain Park Ji-sung dan Son Heung-min bertemu di London.", ("Park Ji-sung", "Son Heung-min")),
    ("Presiden Korsel Moon Jae-in bertemu pemimpin Korut Kim Jong Un.", ("Moon Jae-in", "Kim Jong Un")),
    ("Ekstradisi Hong Kong-China memicu demo, jembatan Hong Kong-Makau dibuka.", ()),  # places, no syllables
    ("Pelatih Vietnam Park Hang-seo dan petenis Taiwan Chan Hao-ching hadir.", ("Park Hang-seo", "Chan Hao-ching")),
    # words a hyphen joins stay words, after a word that is no surname too
    ("Gerakan Anti-Hoaks Digelar di Jakarta, Sistem Real-Time Diluncurkan", ()),
    ("Jalur Jawa-Bali dibuka Senin-Rabu pekan depan.", ()),
    ("Acara Fan Meet-Up Event dan Danau Issyk-kul serta Surah Al-Fil.", ()),
    # an Arabic article run into the name, as "Mc" and "Di" are, is no brand's capital ("ElBaradei")
    ("Larijani bertemu Kepala Badan Tenaga Atom Internasional (IAEA) Mohamed ElBaradei di Wina.",
     ("Mohamed ElBaradei",)),
    # a research professor's and a veterinarian's letters after a name are no part of it
    ("Sekretaris Umum LIPI Dr Rochadi Abdulhadi APU mengemukakan, data tetap diperlukan.", ("Rochadi Abdulhadi",)),
    # ku- and kau- ("I", "you") open a verb only in speech and lyrics: before another root, a name's syllable
    ("Kasus itu berawal dari tertangkapnya anggota KPU, Mulyana Wira Kusumah, yang menyuap auditor.",
     ("Mulyana Wira Kusumah",)),
    ("Pelatih Wendy Kusumo Widagdo dan Mohammad Kautsar Hikmat hadir.",
     ("Wendy Kusumo Widagdo", "Mohammad Kautsar Hikmat")),
    ("\"Kupikir Lisa benar,\" katanya.", ()),  # not "Kupikir Lisa"
    # someone's origin, then their name: not a place's name that goes on
    ("Polisi menangkap turis asal Australia Mark Taylor kemarin.", ("Mark Taylor",)),
    ("Band asal Inggris Arctic Monkeys tampil di Jakarta.", ()),  # a group's origin, no one's
    ("Tunggal putra asal Jepang Kento Momota menang, sedangkan warga asal Jawa Timur menonton.", ("Kento Momota",)),
    # "Serikat" after "Amerika" is the country's, no union's
    ("Dua warga Amerika Serikat Robert Grubbs (63) memenangi Nobel.", ("Robert Grubbs",)),
    # a veterinarian's title, as a dentist's
    ("Bayi harimau itu sehat, ujar Staf Bidang Medis drh Nanang, Rabu (19/10) di Prigen.", ("Nanang",)),
])
def test_words_that_only_look_affixed_or_hyphenated(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "read"), [
    # two name words run together after another name word
    ("kata Gubernur DKI Pramono AnungWibowo saat ditemui", "kata Gubernur DKI Pramono Anung Wibowo saat ditemui"),
    # not a brand after a title, nor one after a lower-case word
    ("CEO CryptoQuant Ki Young Ju mengatakan", "CEO CryptoQuant Ki Young Ju mengatakan"),
    ("data dari CryptoQuant menunjukkan", "data dari CryptoQuant menunjukkan"),
    # an adverb that follows a subject, glued to the name before it
    ("Trent Alexander-Arnoldresmi mencatat debutnya.", "Trent Alexander-Arnold resmi mencatat debutnya."),
    ("Aktris Prilly Latuconsinaseringkali membagikan resep.", "Aktris Prilly Latuconsina seringkali membagikan resep."),
    # a place name ending in such a word stays whole (the head is too short to be a name of its own)
    ("Banjir melanda Pekanbaru dan Kotabaru.", "Banjir melanda Pekanbaru dan Kotabaru."),
    # a word the text writes twice is a name, not one glued once to a word after it; a place's name is one word
    ("Pierre-Emerick Aubameyang mencetak gol. Aubameyang lalu diganti.",
     "Pierre-Emerick Aubameyang mencetak gol. Aubameyang lalu diganti."),
    ("Rudal itu ditembakkan dari Pyongyang pagi ini.", "Rudal itu ditembakkan dari Pyongyang pagi ini."),
    ("Presiden Prabowo Subiantomengatakan hal itu.", "Presiden Prabowo Subianto mengatakan hal itu."),  # once
    # "yang" ends words and names as a syllable: cut with no other evidence only after a given name or a place
    ("Pierre-Emerick Aubameyang mencetak gol.", "Pierre-Emerick Aubameyang mencetak gol."),
    ("Putri Dianayang cantik itu hadir.", "Putri Diana yang cantik itu hadir."),
    ("Warga Indonesiayang hadir.", "Warga Indonesia yang hadir."),
    ("Alyssa Daguiseyang cantik. Daguise tersenyum.", "Alyssa Daguise yang cantik. Daguise tersenyum."),
])
def test_names_glued_to_names_and_adverbs(text, read):
    from searchapp.extract.glue import unglue

    assert unglue(text) == read


@pytest.mark.parametrize(("text", "read"), [
    # a link's text glued at both ends: its last word runs into a function word or a prefixed verb
    ("Ketua Dedi datang. Gubernur BaratDedi Mulyadilangsung menemui warga.",
     "Ketua Dedi datang. Gubernur Barat Dedi Mulyadi langsung menemui warga."),
    ("terafiliasi konglomeratPrajogo Pengestuini akan", "terafiliasi konglomerat Prajogo Pengestu ini akan"),
    ("ujarEric Trumpkepada Fox News.", "ujar Eric Trump kepada Fox News."),  # a function word opening with ke-
    ("Hari bahagiaAl Ghazalidipersiapkan ibunya.", "Hari bahagia Al Ghazali dipersiapkan ibunya."),  # a passive
    ("kesamaan denganNikita Willyyaitu merendam wajah.", "kesamaan dengan Nikita Willy yaitu merendam wajah."),
    # and the name before the link, glued to a word that follows names, is cut by the same rule
    ("Inter Miami menang. Inter MiamidibawaLionel Messimemetik gol.",
     "Inter Miami menang. Inter Miami dibawa Lionel Messi memetik gol."),
    # an Italian name ends in -ini after a consonant; a name ending in a root or made of roots stays whole
    ("ditangani pelatihManuel Pellegrini sejak 2020.", "ditangani pelatih Manuel Pellegrini sejak 2020."),
    ("dilatih olehRobert Pasaribu sejak 2020.", "dilatih oleh Robert Pasaribu sejak 2020."),
    ("kata menteriSjafruddin Prawiranegara tegas.", "kata menteri Sjafruddin Prawiranegara tegas."),
    # di- takes only per-, ber- or ke- before its root: "dikusumo" is no passive
    ("Hashim Djojohadikusumo hadir. Lalu GerindraHashim Djojohadikusumokembali terpilih.",
     "Hashim Djojohadikusumo hadir. Lalu Gerindra Hashim Djojohadikusumo kembali terpilih."),
])
def test_the_end_of_a_glued_link_is_cut_where_a_word_follows_the_name(text, read):
    from searchapp.extract.glue import unglue

    assert unglue(text) == read


def test_an_outlet_dateline_glued_to_the_first_name(registry):
    from searchapp.extract.glue import unglue

    assert unglue("KOMPAS.com-Trent Alexander-Arnold") == "KOMPAS.com - Trent Alexander-Arnold"
    assert unglue("lihat detik.com-berita lain") == "lihat detik.com-berita lain"  # a lower-case word: a path
    text = "KOMPAS.com-Trent Alexander-Arnoldresmi mencatat debutnya. Alexander-Arnold tampil apik, kata pelatih."
    assert extract_people(text, registry) == ("Trent Alexander-Arnold",)


def test_a_title_inside_a_company_name_is_no_title(registry):
    # "PT Duta …": the company's name; a person's title stands before the name, not after PT
    assert extract_people("Ia memimpin perusahaan seperti PT Duta Kimbo Lumut.", registry) == ()
    assert extract_people("Ia bertemu Duta Besar Kimbo Lumut.", registry) == ("Kimbo Lumut",)


@pytest.mark.parametrize(("text", "people"), [
    # "bin" between two full names: the person and their father
    ("Telah berpulang keluarga kami Hengki Candra Kusuma Kawilarang bin Yohan Ahmad Fauzi Kawilarang.",
     ("Hengki Candra Kusuma Kawilarang", "Yohan Ahmad Fauzi Kawilarang")),
    # one name when a side has one word, titles aside
    ("Presiden UEA Sheikh Mohamed bin Zayed Al Nahyan menerima Prabowo.", ("Mohamed bin Zayed Al Nahyan",
                                                                           "Prabowo Subianto")),
    # a given name spelled with -i for -y is the full name's short form
    ("Manajer PLN Jakarta Raya, Moch. Andy Adchaminoerdin hadir. Andi mengatakan promo berlaku.",
     ("Moch. Andy Adchaminoerdin",)),
    # letters run together before a name are an honorific, not initials of it
    ("Kini David menjadi kuasa hukum B.R.A. Koesmariam Djatikusumo, penumpang Garuda.",
     ("Koesmariam Djatikusumo",)),
    # ...but after a name word they are its middle initials: one person, not two
    ("Gubernur BI Agus D.W. Martowardojo mengatakan inflasi terkendali. Menurut Agus, kebijakan itu tepat.",
     ("Agus D.W. Martowardojo",)),
    ("Direktur Utama PT Maju Jaya, Budi S.P. Wibowo, mengatakan laba naik.", ("Budi S.P. Wibowo",)),
    ("Penulis George R.R. Martin mengatakan buku itu selesai tahun depan.", ("George R.R. Martin",)),
    # a given name, initials run together and a surname are three words, not a place before an initial
    ("Menurut Lestiani L.P. Wirasaputri, harga beras turun.", ("Lestiani L.P. Wirasaputri",)),
    # a known person's name written with middle initials is that person ...
    ("Menurut Retno L.P. Marsudi, Indonesia siap membantu. Retno menambahkan, kerja sama penting.",
     ("Retno Marsudi",)),
    # ... and so is the full name around a known alias, its words or their initials ("Yudhoyono")
    ("Menurut Susilo B. Yudhoyono, Indonesia siap.", ("Susilo Bambang Yudhoyono",)),
    ("Menurut S.B. Yudhoyono, Indonesia siap.", ("Susilo Bambang Yudhoyono",)),
    ("Menurut Soesilo B. Yudhoyono, Indonesia siap.", ("Susilo Bambang Yudhoyono",)),  # an alias's spelling
    ("Menurut Susilo B. Yudhoyonoo, Indonesia siap.", ("Susilo Bambang Yudhoyono",)),  # a typo of the alias
    ("Menurut B. Yudhoyono, Indonesia siap.", ("Susilo Bambang Yudhoyono",)),  # an initial alone: no one else
    # ... and the known name with initials and its surname after it ("Anies" is an alias of Anies Baswedan)
    ("Menurut Anies R. Baswedan, Jakarta siap.", ("Anies Baswedan",)),
    ("Menurut Sri Mulyani I. Indrawati, defisit terjaga.", ("Sri Mulyani Indrawati",)),
    ("Ibu Ani Yudhoyono hadir dan Heru B. Yudhoyono juga.", ("Ani Yudhoyono", "Heru B. Yudhoyono")),
])
def test_patronymics_spellings_and_honorifics(registry, text, people):
    assert extract_people(text, registry) == people


def test_a_degree_after_a_name_is_not_run_into_a_name(registry):
    # a word after an initial's full stop is no initial: "M.Eng", "M.Ag" are degrees, not "M. Eng"
    people = extract_people("Rektor Fathur Rokhman M.Eng mengatakan kampus siap. Dosen Ahmad M.Ag hadir.", registry)
    assert "Fathur Rokhman" in people and not any("." in name for name in people)


@pytest.mark.parametrize(("text", "people"), [
    # Bali's customary offices are titles, not the first word of a name: the head of a customary village,
    # of a banjar, a village head, a temple priest; a Javanese court's office head
    ("Bendesa Adat Kuta I Wayan Wasista mengatakan upacara Melasti digelar.", ("I Wayan Wasista",)),
    ("Perbekel Desa Pemuteran Nyoman Arca mengatakan. Klian Banjar Wayan Sudi menambahkan.",
     ("Nyoman Arca", "Wayan Sudi")),
    ("Jero Mangku Ketut Sudarsana memimpin persembahyangan.", ("Ketut Sudarsana",)),
    ("Pengageng Sasana Wilapa Keraton Surakarta KGPH Dipokusumo mengatakan.", ("Dipokusumo",)),
    # "Jero" is no title of its own: Jero Wacik's name
    ("Mantan menteri Jero Wacik hadir. Jero mengatakan dirinya sehat.", ("Jero Wacik",)),
    # a university's name after its head word is the university's, the person's name comes after it
    ("Pakar hukum pidana Universitas Trisakti Abdul Fickar Hadjar menilai langkah itu keliru.",
     ("Abdul Fickar Hadjar",)),
    ("Rektor Universitas Gadjah Mada Ova Emilia mengatakan kampus siap.", ("Ova Emilia",)),
    ("Rektor UIN Syarif Hidayatullah Asep Saepudin Jahar membuka acara.", ("Asep Saepudin Jahar",)),
    ("Pakar hukum tata negara Universitas Andalas Charles Simabura mengatakan putusan itu janggal.",
     ("Charles Simabura",)),
    # a one-word name no list knows: the word after "Universitas" is the university's
    ("Pengamat ekonomi Universitas Pamulang Ahmad Subagyo menilai harga naik.", ("Ahmad Subagyo",)),
    ("Pakar hukum Universitas Pamulang menilai putusan janggal.", ()),
    # elsewhere the words keep their sense; a school's head in lower case names no school
    ("Ketua Umum Golkar Airlangga Hartarto hadir di Universitas Airlangga.", ("Airlangga Hartarto",)),
    ("Kepala sekolah Shin Rae Bum menambahkan sekolah siap.", ("Shin Rae Bum",)),
    # "Agung" after a court, a prosecutor's office or a great mosque is the body's name, no given name
    ("Ketua Mahkamah Agung Sunarto mengatakan putusan itu final.", ("Sunarto",)),
    ("Kapuspenkum Kejaksaan Agung Ketut Sumedana mengatakan penyidik memeriksa saksi.", ("Ketut Sumedana",)),
    ("Hakim Agung Gazalba Saleh ditahan penyidik.", ("Gazalba Saleh",)),
    ("Ketua DPR Agung Laksono mengatakan. Menurut Agung, hal itu wajar.", ("Agung Laksono",)),
    # "tata negara", "tata kota": a field of expertise, not a place's cue before the expert's name
    ("Pakar hukum tata negara Bivitri Susanti mengatakan hal itu.", ("Bivitri Susanti",)),
    ("Pengamat tata kota Nirwono Joga menilai banjir akibat drainase buruk.", ("Nirwono Joga",)),
    ("Turis asal negara Jepang Yuki Tanaka terluka.", ()),
    # a facility's acronym in brackets: the capitalised words after it go on with the facility's name
    ("Jokowi menjenguk di Rumah Sakit Pusat Angkatan Darat (RSPAD) Gatot Soebroto, Jakarta, Rabu malam.",
     ("Joko Widodo",)),
    ("Pasien dirujuk ke Rumah Sakit Jiwa (RSJ) Soerojo Magelang kemarin.", ()),
    # ...not an organisation's acronym before its head's name
    ("Ketua Komisi Pemberantasan Korupsi (KPK) Firli Bahuri mengatakan.", ("Firli Bahuri",)),
    # an event after "ajang" is no person
    ("Ia juara pada ajang Oceania Motorcycle Technician Skill Contest tahun lalu.", ()),
    # a ministry's portfolio, a regency upstream or downstream, the netizens: none of them a person
    ("Menteri Ketenagakerjaan Hanif Dhakiri mengatakan upah naik.", ("Hanif Dhakiri",)),
    ("Kebakaran lahan meluas di Indragiri Hulu dan Rokan Hilir, kata Kapolda Riau Agung Setya Imam Effendi.",
     ("Agung Setya Imam Effendi",)),
    ("Warganet mengatakan unggahan itu lucu. Netizen menilai hal itu wajar.", ()),
    # a club named with its city is no person; the coach named after it is
    ("Eintracht Frankfurt menang atas Bayer Leverkusen, kata pelatih Adi Hutter.", ("Adi Hutter",)),
    ("Pelatih Athletic Bilbao Ernesto Valverde mengatakan timnya siap melawan Celta Vigo.", ("Ernesto Valverde",)),
    ("Cleveland Cavaliers kalah dari Brooklyn Nets, ujar LeBron James.", ("LeBron James",)),
    # the medium a story cites is no person
    ("Seperti dilansir Mundo Deportivo, Xavi Hernandez mengatakan timnya siap.", ("Xavi Hernandez",)),
    ("Hal itu dikutip dari Business Insider, kata analis Budi Santoso.", ("Budi Santoso",)),
    # ...but a person quoted is
    ("Kantor berita Tasnim mengutip Komandan Amirali Hajizadeh soal serangan itu.", ("Amirali Hajizadeh",)),
    # PB (Pengurus Besar, Persatuan Bulutangkis) and PS (Persatuan Sepakbola) open a club's or a board's name,
    # as PT opens a company's; a name written after them more often than with a title is theirs
    ("Audisi umum beasiswa bulu tangkis PB Djarum dihentikan. Kata pengurus, PB Djarum keberatan.", ()),
    ("PS Barito Putera menjamu Persija Jakarta, kata pelatih Djadjang Nurdjaman.", ("Djadjang Nurdjaman",)),
    ("PT Sokonindo Automobile akan mengekspor 3.000 mobil. Ekspor itu peluang yang dibuka PT Sokonindo "
     "Automobile di Filipina. \"Kami siap,\" ungkap CEO PT Sokonindo Automobile pada Senin.", ()),
    # ...but between a given name and a surname, the two letters are initials
    ("Menurut Aryo PS Djojohadikusumo, kejuaraan itu sukses.", ("Aryo PS Djojohadikusumo",)),
    # makers and their products, studios, clubs, movements and programmes named with name-like words
    ("Mobil Daihatsu Sigra laris, begitu pula Wuling Almaz di pasar.", ()),
    ("Chipset Qualcomm Snapdragon 855 dipakai ponsel itu, kata CEO Qualcomm Cristiano Amon.", ("Cristiano Amon",)),
    ("Film produksi Warner Bros itu tayang pekan depan.", ()),
    ("Kelompok Houthi menyerang kapal tanker. Houthi mengklaim serangan itu.", ()),
    ("Aston Villa menang 2-0 atas Everton di Villa Park.", ()),
    ("Satlak Prima menyiapkan atlet untuk SEA Games.", ()),
])
def test_offices_bodies_and_things_named_like_people(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "read"), [
    # a name written alone elsewhere, glued to a word of the language of 5+ letters
    ("Menteri BUMN Erick Thohirkirim surat. Kata Thohir, surat sudah dikirim.",
     "Menteri BUMN Erick Thohir kirim surat. Kata Thohir, surat sudah dikirim."),
    # or of 4+ letters after a word of the language
    ("Harga emas turun.\nHargaemas Antam 1 gram naik.", "Harga emas turun.\nHarga emas Antam 1 gram naik."),
    # names end in short words: "Meldianti" stays whole beside "Meldi"
    ("Kata Meldi, adiknya Rosa Meldianti hadir.", "Kata Meldi, adiknya Rosa Meldianti hadir."),
])
def test_a_name_glued_to_a_word_of_the_language(text, read):
    from searchapp.extract.glue import unglue

    assert unglue(text) == read


@pytest.mark.parametrize(("text", "read"), [
    # "dan", "itu" glued after a long name; not "ini" (Lamborghini) nor after a short head (Ramadan)
    ("Imran Nahumarurydan Yeyen Tumena dipecat.", "Imran Nahumarury dan Yeyen Tumena dipecat."),
    ("Mobil Lamborghini dan bulan Ramadan.", "Mobil Lamborghini dan bulan Ramadan."),
    # a title glued after a capitalised word opens a new phrase
    ("Putra MahkotaPangeran Mohammed bin Salman hadir.", "Putra Mahkota Pangeran Mohammed bin Salman hadir."),
])
def test_short_function_words_and_titles_glued_to_names(text, read):
    from searchapp.extract.glue import unglue

    assert unglue(text) == read


@pytest.mark.parametrize(("text", "people"), [
    # called up by, greeted by: no nickname
    ("Rizky Ridho dipanggil Patrick Kluivert ke timnas. Pelatih Patrick Kluivert mengatakan ia siap.",
     ("Rizky Ridho", "Patrick Kluivert")),
    # names of men and women differ in a last letter: two people
    ("Terdakwa Yulianto mengatakan ia tidak bersalah. Saksi Yulianti mengatakan hal berbeda.",
     ("Yulianto", "Yulianti")),
    # but -i for -y is one name spelled two ways
    ("Musisi Maia Estianty hadir. Maia Estianty tersenyum. Maia Estianti menyapa tamu.", ("Maia Estianty",)),
    # a home town or a country after a name is no address
    ("Pemenang lomba adalah Siti Aminah, Surabaya, dan Rudi Hartono, Malang.", ("Siti Aminah", "Rudi Hartono")),
    ("Jonatan Christie, Indonesia, menang atas Kento Momota, Jepang.", ("Jonatan Christie", "Kento Momota")),
    # a name between commas after a title phrase or an affiliation, then a town, is still a person
    ("Hadir pula Rektor UGM, Ova Emilia, Yogyakarta.", ("Ova Emilia",)),
    ("Pakar hukum pidana Universitas Trisakti, Abdul Fickar Hadjar, Jakarta, menilai vonis itu ringan.",
     ("Abdul Fickar Hadjar",)),
    ("Menurut warga Desa Sukamaju, Asep Saepudin, Garut, banjir datang tiba-tiba.", ("Asep Saepudin",)),
    # a Javanese name ending in a word stays whole beside its first part
    ("Sjafruddin Prawiranegara hadir. Kata Prawira, ia senang.", ("Sjafruddin Prawiranegara",)),
])
def test_rules_that_must_not_reach_too_far(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    # a god's name after a word of worship, even after a title word ("Sang")
    ("Warga berdoa kepada Sang Hyang Widhi agar panen berhasil, kata Kepala Desa Supoyo.", ("Supoyo",)),
    # the last of a name's degrees ("ASEAN Eng", a professional title) is no second person ...
    ("Rektor Universitas BSI, Prof Dr Ir Mochamad Wahyudi, M.Kom, MM, M.Pd, IPU, ASEAN Eng menyampaikan, "
     "akreditasi itu hasil kerja bersama.", ("Mochamad Wahyudi",)),
    # ... but the same word opening a name elsewhere is a name
    ("Kepala Bidang Pembinaan dan Prestasi PBSI, Eng Hian, mengungkapkan target tim.", ("Eng Hian",)),
    ("Kata pimpinan MPR, DPR, DPD, Budi Santoso, rapat ditunda.", ("Budi Santoso",)),  # no dotted degree
    # a motorcycle brand in a list of brands
    ("Merek yang ikut adalah Aprilia, Moto Guzzi, Alva, dan Vespa.", ()),
    # a name spelled out after the acronym it has in the text is a thing's, when nothing else vouches
    ("Ia menyiapkan ujian sertifikasi seperti HSK (Hanyu Shuiping Kaoshi) bagi murid.", ()),
    ("Mobil itu memakai ACC (Adaptive Cruise Control) dan kamera.", ()),
])
def test_words_of_worship_degrees_and_brands_name_no_person(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    # an English office ("Head of …") is no person; the name after it is vouched for by it
    ("Menurut Head of Research MNC Sekuritas, Herditya Wicaksana, saham naik.", ("Herditya Wicaksana",)),
    ("Dividen itu 21 persen dari laba, kata Head of Investor Relations CTRA Aditya Ciputra Sastrawinata "
     "dalam paparan publik.", ("Aditya Ciputra Sastrawinata",)),
    ("ungkap Corporate Communications Strategic of Wings Air, Danang Mandala Prihantoro, lewat rilis.",
     ("Danang Mandala Prihantoro",)),
    ("Dijelaskan Head of Product and Corporate Strategy PT HMID, model ini hadir.", ()),
    # English plurals of abstract nouns, feasts, a train, an event, a palace's city
    ("Perusahaan Tether Investments mengumumkan investasi baru.", ()),
    ("Diskon tarif tol berlaku pada libur Idul Adha dan Idul Fitri.", ()),
    ("Kereta Commuter Line nomor 1907 relasi Tangerang-Duri mengalami insiden.", ()),
    ("Hal itu dibahas dalam acara Economic Update 2025 di Jakarta.", ()),
    ("Presiden tiba di Istana Konstantinovsky, St. Petersburg, Rusia, Kamis.", ()),
    # given names that end like English nouns stay names
    ("Frances Bean Cobain menikah, kata penyanyi Anita.", ("Frances Bean Cobain", "Anita")),
    ("Alphonso Davies mencetak gol, kata pelatih Irwansyah.", ("Alphonso Davies", "Irwansyah")),
])
def test_english_offices_and_words_are_no_person(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    # a hospital (RS), a stadium, a flyover named after someone: places, and the person after them stays one
    ("Spesialis Anak dari RS Cipto Mangunkusumo dr Reza Pahlevi menjelaskan penanganan itu.", ("Reza Pahlevi",)),
    ("Pada Jumat malam, ring Lumpinee Stadium akan menjadi saksi laga utama.", ()),
    ("Belum lagi pembangunan Flyover Nurtanio tak kunjung selesai.", ()),
    # an organisation's short name given in brackets is no part of a person's name elsewhere in the text
    ("Badan Pengelola Investasi Daya Anagata Nusantara (Danantara) menyiapkan dana. Hal itu disampaikan Chief "
     "Operating Officer (COO) Danantara Dony Oskaria mengungkapkan penyebabnya.", ("Dony Oskaria",)),
    ("Perusahaan Umum Bulog Raya (Bularaya) menyiapkan beras. Bularaya Ahmad Rizal mengatakan stok aman.",
     ("Ahmad Rizal",)),
    # but a nickname in brackets inside a name is not an organisation's
    ("Kata juru bicara Kementerian Luar Negeri Rolliansyah (Roy) Soemirat. Roy Suryo, pakar telematika, "
     "menanggapi.", ("Roy Suryo",)),
])
def test_places_named_after_people_and_organisations_short_names(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize("text", [
    "Marquez menang di Sirkuit Misano World Marco Simoncelli, Misano Adriatico, Italia itu.",
    "Laga digelar di Stadion Maguwoharjo, Sleman Raya, Yogyakarta.",
    "Acara di Gedung Sate, Bandung Wetan, Jawa Barat.",
])
def test_the_town_of_a_facility_between_commas_is_no_person(registry, text):
    """A facility's (or place's) name, a comma, a capitalised run, a comma and a place: an address."""
    assert extract_people(text, registry) == ()


def test_suffixes_after_a_short_root_are_affixes():
    from searchapp.extract import lexicon

    assert [lexicon.is_derived_word(w) for w in ("ujian", "ajukan", "apinya", "aduan")] == [True] * 4
    assert [lexicon.is_derived_word(w) for w in ("masiku", "kasada")] == [False, False]


@pytest.mark.parametrize(("text", "people"), [
    # a given name, a middle initial and the surname after an office: not a place before an initial
    ("Kapolda Papua Irjen Pol Mathius D Fakhiri mengatakan situasi aman.", ("Mathius D Fakhiri",)),
    ("Kepala BPOM Penny K Lukito menarik obat itu.", ("Penny K Lukito",)),
    ("Menteri Luar Negeri Retno L Marsudi tiba di Jeddah.", ("Retno Marsudi",)),  # known: the registry's name
    # a place, then an initial and two name words; a numeral ends an organisation's name
    ("Konsul Jenderal RI Jeddah M. Hery Saripudin menyambut jemaah.", ("M. Hery Saripudin",)),
    ("Direktur Utama PT Angkasa Pura II M. Awaluddin menjelaskan jadwalnya.", ("M. Awaluddin",)),
    # Ramadan is a month and a common name: the words around it tell
    ("Kapolres Brigjen Pol Ahmad Ramadhan mengatakan situasi aman.", ("Ahmad Ramadhan",)),
    ("Benar yang mengirim bukan Pak Ramadhan?", ("Ramadhan",)),
    ("Selama bulan Ramadhan, harga daging naik. Memasuki Ramadan, warga berbelanja.", ()),
    ("Pasar Ramadan digelar di Jakarta pada Senin.", ()),
])
def test_initials_between_names_and_a_months_name_as_a_persons(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    # a ticket or a pair: two full names joined by a hyphen
    ("Pasangan Edy Rahmayadi-Musa Rajekshah menang di Sumut.", ("Edy Rahmayadi", "Musa Rajekshah")),
    ("Pasangan John Stones-Nicolas Otamendi tampil solid.", ("John Stones", "Nicolas Otamendi")),
    ("Pasangan Anies Baswedan-Muhaimin Iskandar mendaftar ke KPU.", ("Anies Baswedan", "Muhaimin Iskandar")),
    # one name with a hyphen
    ("Romo Franz Magnis-Suseno juga berbicara.", ("Franz Magnis-Suseno",)),
    ("Tersangka Abd al-Rahim al-Nashiri diadili.", ("Abd al-Rahim al-Nashiri",)),
    ("Pelatih Shin Tae-yong memanggil pemain.", ("Shin Tae-yong",)),
    ("Presiden Komisi Eropa Jean-Claude Juncker berbicara.", ("Jean-Claude Juncker",)),
])
def test_two_full_names_joined_by_a_hyphen_are_two_people(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    # a nickname that starts a word of the full name stands for that person; the name is not read as two
    # glued words because the nickname stands alone ("Risma" + "harini": Javanese names end in such words)
    ("Menteri Sosial Tri Rismaharini meninjau lokasi. Risma mengatakan bantuan segera datang.",
     ("Tri Rismaharini",)),
    ("Wakil Ketua KPK Alexander Marwata hadir. Kata Alex, kasus itu masih diselidiki.", ("Alexander Marwata",)),
    # but not a given name of its own
    ("Ustaz Abdullah Amin Anshari berceramah. Kata Abdul, warga antusias.", ("Abdullah Amin Anshari", "Abdul")),
])
def test_a_nickname_that_starts_a_full_names_word_is_that_person(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    # a government body written as a word, between an office and its holder, is no part of the name
    ("Kepala Bappenas Bambang PS Brodjonegoro mengatakan ekonomi tumbuh.", ("Bambang PS Brodjonegoro",)),
    ("Menteri Kominfo Johnny G Plate mengatakan jaringan aman.", ("Johnny G Plate",)),
    ("Kepala Bappebti Tjahya Widayanti menjelaskan aturan baru.", ("Tjahya Widayanti",)),
    ("Komisioner Kompolnas Poengki Indarti mengatakan hal itu.", ("Poengki Indarti",)),
    ("Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Asman Abnur mengatakan.", ("Asman Abnur",)),
    # a regional law is no one
    ("Aturan itu tertuang dalam Qanun Nomor 6 Tahun 2014.", ()),
    ("Sesuai Perda Nomor 3 Tahun 2020 tentang ketertiban umum.", ()),
])
def test_a_government_body_between_an_office_and_its_holder(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    # a Roman numeral of two letters or more ends an office's name ("Komisi III"): it opens no name
    ("Wakil Ketua Komisi III Aziz Syamsuddin mengatakan revisi perlu.", ("Aziz Syamsuddin",)),
    ("Ketua Komisi VIII Ali Taher mengatakan haji aman.", ("Ali Taher",)),
    # ... where one capital letter may ("I Wayan"), and a numeral still ends a company's name
    ("Kapolda Bali Irjen I Gusti Putu Gede Ardana mengatakan hal itu.", ("I Gusti Putu Gede Ardana",)),
    ("Direktur PT Angkasa Pura II M. Awaluddin mengatakan bandara siap.", ("M. Awaluddin",)),
    # a lower-case role word vouches for a name after an organisation when the article calls the person by
    # a word of it later ...
    ("Hal itu disampaikan anggota Komisi III DPR Arsul Sani. Menurut Arsul, revisi diperlukan.", ("Arsul Sani",)),
    ("Hal itu disampaikan juru bicara Kementerian Luar Negeri China Hua Chunying. Hua menambahkan, China siap.",
     ("Hua Chunying",)),
    # ... not when the name is only ever written whole (a place's, a unit's), nor after a company's marker
    ("Warga dibantu anggota Polsek Plakat Tingguf di lokasi. Polsek Plakat Tingguf menangkap pelaku.", ()),
    ("Proyek itu digarap anak usaha PT Elnusa Petrofin di Jakarta. Elnusa juga membangun depo.", ()),
    # a lower-case particle inside a name after a given name that is also a word ("Erik", "Ronald")
    ("Pelatih Manchester United Erik ten Hag menolak berkomentar.", ("Erik ten Hag",)),
    ("Pelatih Belanda Ronald de Boer menolak berkomentar.", ("Ronald de Boer",)),
])
def test_names_after_an_office_with_a_numeral_a_role_or_a_particle(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    # a numeral up to XXXIX numbers a body, and is no one ("Komisi XI" is not Xi Jinping)
    ("Anggota Komisi XI DPR Andreas Eddy Susetyo mengatakan pajak naik. Kata Andreas, target tercapai.",
     ("Andreas Eddy Susetyo",)),
    ("Ketua Komisi XI menerima laporan itu di Jakarta.", ()),
    ("Ketua Komisi X Syaiful Huda mengatakan sekolah siap.", ("Syaiful Huda",)),
    ("Ketua Komisi V Lasarus mengatakan jalan tol rampung.", ("Lasarus",)),
    # beyond X it is no part of a name: it numbers a unit or an event
    ("Kasdam XVII/Cenderawasih Brigjen TNI Ferry Irawan hadir di Jayapura.", ("Ferry Irawan",)),
    ("Atlet Jawa Barat meraih emas pada Peparnas XVI di Papua.", ()),
    # "V." is an initial; a company's numeral before a given name, an initial and a surname ends its name
    ("Buku itu ditulis V. Wiratna Sujarweni pada 2014.", ("V. Wiratna Sujarweni",)),
    ("Dirut Pelindo II Elvyn G Masassya mengatakan pelabuhan siap.", ("Elvyn G Masassya",)),
    # a role word vouches for the words the article calls the person by later, not for the party before them
    ("Hal itu dikatakan anggota Partai Gelora Fahri Hamzah. Fahri Hamzah menambahkan, partai siap.",
     ("Fahri Hamzah",)),
    ("Hal itu dikatakan pelatih Juventus Massimiliano Allegri di Turin. Menurut Allegri, timnya siap.",
     ("Massimiliano Allegri",)),
    ("Hal itu dikatakan pakar hukum Universitas Trisakti Abdul Fickar Hadjar. Menurut Fickar, KPK harus bertindak.",
     ("Abdul Fickar Hadjar",)),
    # a surname that opens a sentence, its particle capitalised, is the person named in full before
    ("Pelatih Erik ten Hag memuji Virgil van Dijk. Ten Hag menyebut Van Dijk bek terbaik.",
     ("Erik ten Hag", "Virgil van Dijk")),
])
def test_numerals_that_number_a_body_and_names_called_apart(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    # professional and consular titles written before a name
    ("Informasi itu keliru, kata Ns. Enny Mulyatsih, perawat di rumah sakit itu.", ("Enny Mulyatsih",)),
    ("Menurut Apt. Dina Sari, obat itu aman diminum.", ("Dina Sari",)),
    ("Namun, Konjen Eko Hartono mengatakan perangkat reog aman.", ("Eko Hartono",)),
    # a prison, by either word or spelling, is no one
    ("Kerusuhan terjadi di Rutan Salemba dan merembet ke Lapas Cipinang.", ()),
    ("Kata Kepala Lapas Klas 1 Surabaya Tony Nainggolan, napi itu dirawat.", ("Tony Nainggolan",)),
    # a lone "I" opens a Balinese name only before its birth-order or caste word; else it is a numeral, an
    # Italian article or English
    ("Direktur Utama PT Angkasa Pura I Faik Fahmi mengatakan bandara siap.", ("Faik Fahmi",)),
    ("Gubernur Bali I Wayan Koster meresmikan pasar itu.", ("I Wayan Koster",)),
    ("Bandara I Gusti Ngurah Rai ramai. Kata Kapolda Irjen I Gusti Putu Gede Ardana, arus lancar.",
     ("I Gusti Putu Gede Ardana",)),
    ("Laga I Nerazzurri melawan I Bianconeri berakhir imbang.", ()),
])
def test_professional_titles_prisons_and_a_lone_numeral(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    # "cs" (cum suis) and "dkk" after a name are the people with them
    ("Pimpinan KPK era Agus Rahardjo Cs menetapkan tersangka baru.", ("Agus Rahardjo",)),
    # a prayer is no one
    ("Ribuan warga menggelar Shalat Istisqa di lapangan kota.", ()),
    # a regional agency's acronym is followed by its place, then the name
    ("Kepala Dinkes Kobar Ahmad Sulkan mengatakan kasus menurun.", ("Ahmad Sulkan",)),
    ("Warga Distrik Mabugi mengungsi ke gereja.", ()),
    # company and school heads in English and Latin
    ("Produk Juul Labs dilarang beredar. Iowa Hospitals menolak berkomentar.", ()),
    ("Alumni Kolese Kanisius menggelar reuni di Jakarta.", ()),
    ("Kombespol Zain Dwi Nugroho mengatakan pelaku sudah ditangkap.", ("Zain Dwi Nugroho",)),
    # a name word that is also an industry's word
    ("Mahasiswa Muhammad Atabika Farma Nanda mengatakan hal itu.", ("Muhammad Atabika Farma Nanda",)),
])
def test_companions_prayers_agencies_and_english_heads(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    # a word of a place's or a party's name written after a place's or a thing's word is no one's own name
    ("Warga dibantu anggota Polsek Plakat Tingguf di lokasi. Pelaku ditangkap di Plakat Tingguf.", ()),
    ("Hal itu disampaikan anggota Partai Gelora Fahri Hamzah. Menurut dia, partai Gelora siap ikut pemilu.", ()),
    ("Menurut anggota Komite Keamanan Bandar Udara Kualanamu, arus mudik lancar di bandara Kualanamu.", ()),
    # a numeral opens no name, and a headline in capitals still names the known
    ("Ketua Komisi I Meutya Hafid mengatakan revisi perlu.", ("Meutya Hafid",)),
    ("XI JINPING BERTEMU BIDEN DI BALI", ("Xi Jinping", "Joe Biden")),
])
def test_a_name_written_on_its_own_and_numerals_in_capitals(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    # initials with a space between them are still one set of initials between a given name and a surname
    ("Dosen Pingkan C. B. Rumondor mengatakan hal itu.", ("Pingkan C. B. Rumondor",)),
    ("Menteri Luar Negeri Retno L. P. Marsudi juga membenarkan pembakaran itu.", ("Retno Marsudi",)),
    # a command's headquarters and a community are no one
    ("Kerusuhan terjadi di Mako Brimbob Kelapa Dua, Depok.", ()),
    ("Hal itu dikatakan seniman dari Komunitas Pandemen Reyog di Ponorogo.", ()),
])
def test_spaced_initials_and_more_head_words(registry, text, people):
    assert extract_people(text, registry) == people


def test_a_given_name_that_is_also_a_dictionary_word(registry):
    # "Leo" is in PySastrawi's dictionary, and opens names
    assert extract_people("Ganda putra Leo Rolly Carnando menang di babak pertama.", registry) == (
        "Leo Rolly Carnando",)
    assert extract_people("Kata Paus Leo, perdamaian itu penting.", registry) == ("Leo",)


@pytest.mark.parametrize(("text", "people"), [
    # English head words of companies, bands and institutes
    ("Konser Jonas Brothers di Jakarta batal.", ()),
    ("Peneliti Indonesian Policy Studies Jerry Massie mengatakan hal itu.", ("Jerry Massie",)),
    ("Penumpang Iberia Express tertahan di bandara.", ()),
])
def test_english_heads_of_bands_and_institutes(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    ("Mobil Lamborghini Urus dan Chevrolet Corvette dipamerkan di Jakarta.", ()),
    ("Pembalap tim Porsche Pascal Wehrlein mengatakan mobilnya cepat.", ("Pascal Wehrlein",)),
    ("Mahasiswa Papua di Asrama Rusunawa Musa Hisage menolak pindah.", ()),
    ("Kata Direktur Jenderal Ketenagalistrikan Rida Mulyana, pasokan listrik aman.", ("Rida Mulyana",)),
])
def test_car_makers_dormitories_and_a_ministrys_field(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    # conjunctions and prepositions PySastrawi's stop words lack open a sentence, not a name
    ("Pasca Budi Santoso dilantik, warga berkumpul.", ("Budi Santoso",)),
    ("Tatkala Trump resmi menjadi Presiden AS, pasar gelisah.", ("Donald Trump",)),
    ("Biarpun Trump resmi menjabat, pasar tenang.", ("Donald Trump",)),
    ("Kendati demikian, rapat tetap dimulai.", ()),
    ("Pasca Bencana, warga kembali ke rumah.", ()),
    # a scholar of a field in -logi is an occupation before the name
    ("Epidemiolog Dicky Budiman menilai strategi itu keliru.", ("Dicky Budiman",)),
    ("Kata kriminolog Adrianus Meliala, kasus itu rumit.", ("Adrianus Meliala",)),
])
def test_function_words_and_scholars_before_names(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    # a law or a regulation, and what it is about, is no one
    ("Pemerintah menerbitkan UU Ormas untuk mengatur organisasi.", ()),
    ("Aturan itu tertuang dalam Permenhub Nomor 108 Tahun 2017.", ()),
    ("Mantan Ketua Pansus RUU Ormas itu mengatakan hal itu.", ()),
    # the late, and a month written short
    ("Keluarga Almh Siti Aminah hadir di acara itu.", ("Siti Aminah",)),
    ("Pada Nov lalu, harga naik.", ()),
    ("Agum Gumelar menggantikan anggota Wantimpres sebelumnya, Hasyim Muzadi.", ("Agum Gumelar", "Hasyim Muzadi")),
    # words that open a club's name, as "PB" does
    ("Madrid mempermalukan Deportivo La Coruna dengan skor 6-2.", ()),
    ("Pelatih Borussia Dortmund Edin Terzic menilai timnya.", ("Edin Terzic",)),
    ("Aryo PS Djojohadikusumo hadir.", ("Aryo PS Djojohadikusumo",)),
    # Indonesian and Italian clubs, the press council, a singer whose stage name is also a club's
    ("Pelatih Persiba Timo Scheunemann menilai timnya.", ("Timo Scheunemann",)),
    ("Tira Persikabo menang 2-0 atas Udinese.", ()),
    ("Ketua Dewan Pers Mohammad Nuh mengatakan hal itu.", ("Mohammad Nuh",)),
    ("Penyanyi Dewi Persik tampil di Kediri. Persik Kediri menang.", ("Dewi Perssik",)),
    # deputies and secretariats; the town of Wamena is a place
    ("Wamensos Agus Jabo Priyono hadir.", ("Agus Jabo Priyono",)),
    ("Wasekjen PDIP Agal Sodikin hadir.", ("Agal Sodikin",)),
    ("Kepala Setda Budi Santoso hadir.", ("Budi Santoso",)),
    ("Warga mengungsi ke Wamena, Lanijaya, Jayapura, dan Timika.", ()),
    ("Ia dijerat Pasal 2 Juncto Undang-Undang Nomor 20 Tahun 2001.", ()),
    ("Pertemuan dengan PM Lawrence Wong digelar di Singapura.", ("Lawrence Wong",)),  # a prime minister
    ("Kata Sekretaris Pribadi BJ Habibie, Rubijanto, hal itu benar.", ("B.J. Habibie", "Rubijanto")),
    ("Kepala Dinas Pribadi Santoso hadir.", ("Pribadi Santoso",)),  # a given name after another title
    # a child of someone, a crown prince; "Putri" a given name otherwise
    ("Putra Presiden Joko Widodo, Gibran Rakabuming, hadir.", ("Joko Widodo", "Gibran Rakabuming Raka")),
    ("Putra Mahkota Mohammed bin Salman hadir.", ("Mohammed bin Salman",)),
    ("Aktris Putri Marino tampil memukau.", ("Putri Marino",)),
    # English nationality adjectives, Hollywood, a cup
    ("Ia juara Indonesian Idol tahun lalu saat fenomena Korean Wave melanda.", ()),
    ("Bintang Hollywood Brad Pitt datang, lalu Barcelona menang di Copa del Rey.", ("Brad Pitt",)),
    ("Penyerang German Cano mencetak gol, kata rapper French Montana.", ("German Cano", "French Montana")),
    ("Wisatawan naik ke Table Mountain lalu ke Fisherman's Wharf, kata aktor David Harbour.", ("David Harbour",)),
    # a coordinator and the field after the title; the Fed, state firms, cars
    ("Kata Koordinator Aksi Wandri Saputro Simbolon, aksi damai.", ("Wandri Saputro Simbolon",)),
    ("Gubernur The Fed Jerome Powell menahan suku bunga, kata Dirut Pelindo II.", ("Jerome Powell",)),
    ("Toyota Corolla Altis dan Chery Tiggo dipamerkan.", ()),
    # a train ("kereta api")
    ("Penumpang KA Argo Bromo Anggrek tertahan di Semarang.", ()),
])
def test_laws_the_late_months_and_clubs(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    # a work's kind before its title: the title is no one ...
    ("Ia membintangi film Wonder Woman tahun lalu.", ()),
    ("Lagu itu mirip lagu Time After Time milik Cyndi Lauper.", ("Cyndi Lauper",)),
    ("Ia menonton serial Jessica Jones di Netflix.", ()),
    # ... but a maker's word before it, or a title after the name, says whose work it is
    ("Kata sutradara film Joko Anwar, film itu laris.", ("Joko Anwar",)),
    ("Pencipta lagu Ismail Marzuki dikenang.", ("Ismail Marzuki",)),
    ("SBY mendengarkan lagu Elton John berjudul Candle In The Wind.", ("Susilo Bambang Yudhoyono", "Elton John")),
    ("Ia menyanyikan lagu Taylor Swift yang berjudul I Knew You Were.", ("Taylor Swift",)),
])
def test_a_works_title_after_its_kind(registry, text, people):
    assert extract_people(text, registry) == people


def test_a_known_name_hyphenated_to_an_unknown_one_is_no_pair(registry):
    people = extract_people("Ujar Kepala Bea dan Cukai Soekarno-Hatta Erwin Situmorang kemarin.", registry)
    assert "Soekarno" not in people and not any(name.startswith("Hatta") for name in people)


@pytest.mark.parametrize(("text", "people"), [
    # a plain word right after a body's head word names the body, not the person after it ...
    ("Ketua Mahkamah Konstitusi Anwar Usman mengatakan hal itu.", ("Anwar Usman",)),
    ("Anggota Badan Legislasi Arsul Sani mengatakan bahwa sikap itu berbeda.", ("Arsul Sani",)),
    ("Gubernur Federal Reserve Jerome Powell mengatakan suku bunga tetap.", ("Jerome Powell",)),
    ("Wali Kota Tangsel Airin Rachmi Diany meresmikan jalan itu.", ("Airin Rachmi Diany",)),
    ("Direktur Bank Mandiri Royke Tumilaar mengatakan laba naik.", ("Royke Tumilaar",)),
    ("Ketua Tim Sinkronisasi Sudirman Said mendukung langkah itu.", ("Sudirman Said",)),
    # ... but a word read as a given name stays, and after a body already named (an acronym, a field) the word
    # is the name's
    ("Kepala Dinas Hari Wibowo mengatakan hal itu.", ("Hari Wibowo",)),
    ("Ketua DPR Puan Maharani mengatakan sidang dibuka.", ("Puan Maharani",)),
    ("Menteri Kesehatan Nila Moeloek juga mengatakan hal itu.", ("Nila Moeloek",)),
])
def test_a_word_that_names_the_body_before_its_holder(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    # everyday words and roles the root dictionary lacks open no name: whose post or squad it is follows them
    ("Youtuber Atta Halilintar mengunggah video. Postingan Atta itu ramai dikomentari warganet.",
     ("Atta Halilintar",)),
    ("Rookie Fabio Quartararo siap kembali menjadi penantang juara.", ("Fabio Quartararo",)),
    ("Postingan Veronica Koman dalam rangkaian aksi protes itu dilaporkan.", ("Veronica Koman",)),
    ("Skuad Pep Guardiola itu akan menjamu Manchester United pekan depan.", ("Pep Guardiola",)),
    ("Pendaftaran Audisi Umum Beasiswa Bulu Tangkis dibuka di Kudus.", ()),
])
def test_everyday_words_and_roles_the_dictionary_lacks_open_no_name(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    # a lead's first word in capitals, glued on: a name's first word shouted when the text names the person
    # again, a word of the language before a link's name
    ("MARCMarquezmengaku tetap rajin latihan. Marquez berlatih setiap hari.", ("Marc Marquez",)),
    ("FRANCESCOBagnaiabelum menang musim ini. Bagnaia kecewa.", ("Francesco Bagnaia",)),
    ("IBUkandungMarc Marquez dan Alex Marquez, Roser Alenta, membocorkan rahasia.",
     ("Marc Marquez", "Alex Marquez", "Roser Alenta")),
    ("MARC Marquez mengaku tetap rajin latihan.", ("Marquez",)),  # not a name the text does not write again
])
def test_a_leads_shouted_first_word(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "read"), [
    ("MARC Marquez mengaku siap. Marquez berlatih.", "Marc Marquez mengaku siap. Marquez berlatih."),
    # an acronym's opening, a body, a place, a word of the language, or capitals the text writes again stay
    ("PDI Perjuangan menggelar rapat. Perjuangan berlanjut.", "PDI Perjuangan menggelar rapat. Perjuangan berlanjut."),
    ("BPJS Ketenagakerjaan membayar klaim. Ketenagakerjaan naik.",
     "BPJS Ketenagakerjaan membayar klaim. Ketenagakerjaan naik."),
    ("JAKARTA Selatan diguyur hujan. Selatan banjir.", "JAKARTA Selatan diguyur hujan. Selatan banjir."),
    ("PRESIDEN Prabowo meresmikan jembatan. Prabowo senang.", "PRESIDEN Prabowo meresmikan jembatan. Prabowo senang."),
    ("KAI Commuter menambah jadwal. KAI Commuter sibuk.", "KAI Commuter menambah jadwal. KAI Commuter sibuk."),
])
def test_a_shouted_first_word_is_read_as_a_name_only_with_the_texts_evidence(text, read):
    from searchapp.extract.glue import unglue

    assert unglue(text) == read


@pytest.mark.parametrize(("text", "people"), [
    # a nickname after "dengan panggilan" or "dengan sebutan" is no one's name
    ("Pria yang juga dikenal dengan panggilan Mr Crack ini menutup usia di 83 tahun.", ()),
    # a captain's abbreviation, a police unit after its head's title, a doctorate in engineering: titles
    ("Direktur Operasi Garuda Indonesia, Capt. Bambang Adisurya Angkasa, menyampaikan apresiasi.",
     ("Bambang Adisurya Angkasa",)),
    ("Kepala Satuan Reserse dan Kriminal (Kasat Reskrim) hadir di lokasi.", ()),
    ("Mendiang Prof. Dr. Ing. B.J Habibie dikenang.", ("B.J. Habibie",)),
    # an English noble title, and a club's nickname for its soldiers, are no one
    ("Lini fesyen itu hasil kolaborasi sang Duchess bersama program amal.", ()),
    ("Gol Melvin Platje menjadi penentu kemenangan Serdadu Tridatu.", ("Melvin Platje",)),
])
def test_nicknames_abbreviated_titles_and_units(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    # a known nickname after a word opening the sentence is the person's, not someone else's bearing it ...
    ("Postingan Jokowi itu viral di media sosial.", ("Joko Widodo",)),
    ("Sikap Jokowi itu jelas.", ("Joko Widodo",)),
    # ... as a surname after a given name is someone else's, and a nickname after a name-like word
    ("Ani Yudhoyono hadir di acara itu.", ("Ani Yudhoyono",)),
    ("Iriana Jokowi hadir di acara itu.", ("Iriana Jokowi",)),
])
def test_a_known_nickname_after_a_word_of_the_language(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    # "Ria" is a given name written so (the news agency is written RIA), and a mother's word is a kin title
    ("Youtuber Ria Ricis mengunggah video baru.", ("Ria Ricis",)),
    ("Aktris Ria Irawan meninggal dunia.", ("Ria Irawan",)),
    ("Ibunda Ria Ricis hadir di acara itu.", ("Ria Ricis",)),
])
def test_a_given_name_an_agency_spells_in_capitals_and_a_mothers_word(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    # a known one-word name running on into another name word is someone else's name ...
    ("Ketua Gabungan Produsen Rokok Putih Indonesia (Gaprindo), Muhaimin Moeftie mengatakan hal itu.",
     ("Muhaimin Moeftie",)),
    ("Sekjen PKS Anies Matta mengatakan hal itu.", ("Anies Matta",)),
    ("Penulis JK Rowling merilis buku baru.", ("JK Rowling",)),
    # ... but not the person's own words glued on or after a middle name, nor a second known person
    ("Kata Prabowo Subiantohari ini.", ("Prabowo Subianto",)),
    ("Khofifah Indarparawansa hadir di acara itu.", ("Khofifah Indar Parawansa",)),
    ("Pasangan Prabowo Gibran menang.", ("Prabowo Subianto",)),
    ("Jokowi Presiden RI hadir.", ("Joko Widodo",)),
])
def test_a_known_first_name_running_on_into_another_name(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    # a title that names people too, between two name words, is a name word ...
    ("Menteri Agama Lukman Hakim Saifuddin mengatakan hal itu.", ("Lukman Hakim Saifuddin",)),
    ("Pengajar Universitas Indonesia Gandjar Laksamana Bonaprapta menilai, DPR keliru. Kata Gandjar, "
     "prosesnya ngebut.", ("Gandjar Laksamana Bonaprapta",)),  # and the known name alone is this person
    ("Wakapolres Komisaris Endro Wibowo mengatakan.", ("Endro Wibowo",)),  # ... not a rank
    # a known given name alone is the article's own person it opens, not the known one; a surname is the family's
    ("Dosen Airlangga Pribadi mengatakan revisi itu keliru. Menurut Airlangga, kampus akan bersikap.",
     ("Airlangga Pribadi",)),
    ("Putra sulung Habibie, Ilham Akbar Habibie, hadir. Kata Habibie dulu, ilmu penting.",
     ("B.J. Habibie", "Ilham Akbar Habibie")),
])
def test_a_known_name_alone_and_titles_inside_names(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    # given names that are words of the language (a fish, a colour, a title's part) open names ...
    ("Menteri Kesehatan Nila F Moeloek menyebutkan angka itu.", ("Nila F Moeloek",)),
    ("Gol lewat Juan Cuadrado pada menit ke-48 membuat Juventus unggul.", ("Juan Cuadrado",)),
    ("Pembalap Pol Espargaro kembali menjadi andalan.", ("Pol Espargaro",)),
    # ... and "Pol" after a police rank is still the rank's
    ("Kabid Humas Kombes Pol Argo Yuwono mengatakan hal itu.", ("Argo Yuwono",)),
    ("Kapolri Jendral Pol Tito Karnavian menindak tegas.", ("Tito Karnavian",)),
])
def test_given_names_that_are_words_of_the_language(registry, text, people):
    assert extract_people(text, registry) == people


@pytest.mark.parametrize(("text", "people"), [
    # (a review) a known name before an office and another known person stays; a ticket does not become a
    # given name's full name; a rank before a full name is no name word; "Pol" of the civil police unit and
    # after a spelled-out rank is the title's; a summons is no epithet; a shouted word of the language
    ("Pertemuan Jokowi Presiden Xi digelar di Beijing.", ("Joko Widodo", "Xi Jinping")),
    ("Danseskoal Laksamana Budi Santoso mengatakan hal itu.", ("Budi Santoso",)),
    ("Kasat Pol PP Arifin mengatakan hal itu.", ("Arifin",)),
    ("Komisaris Besar Pol Ade Ary Syam Indradi mengatakan hal itu.", ("Ade Ary Syam Indradi",)),
    ("Sehubungan dengan panggilan Budi Santoso oleh penyidik, ia hadir.", ("Budi Santoso",)),
    ("VIRAL Video Ria Ricis menangis. Video itu ramai.", ("Ria Ricis",)),
    ("Bunga Yudhoyono hadir di acara itu.", ()),  # a surname after a given name: someone else, not SBY
    ("Mendiang Habibie Rahimahullah dikenang.", ("B.J. Habibie",)),  # a surname before a word: still the person
])
def test_known_names_ranks_and_leads_after_a_review(registry, text, people):
    assert extract_people(text, registry) == people


def test_a_ticket_is_no_full_name_for_the_known_name_alone(registry):
    people = extract_people("Pasangan Prabowo Hatta kalah pada Pilpres 2014. Kata Prabowo, hasil itu diterima.",
                            registry)
    assert "Prabowo Subianto" in people
