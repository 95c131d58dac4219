"""Word lists that tell Indonesian person names from titles, organisations, places and plain words.

All entries are lower case (compare with ``str.casefold()``). Common Indonesian words come from
PySastrawi's root-word dictionary and stop-word list (see :func:`common_roots`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from searchapp.stemmer import sastrawi_roots, sastrawi_stopwords, shared_stemmer


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Titles, ranks and roles written just before a name: "Presiden Joko Widodo", "Komjen Budi Gunawan",
# "kata pengamat politik X". The name follows the title (possibly after an organisation or place).
TITLES = _words("""
presiden wapres wakil menteri jendral sekertaris ny nn tn gm vp svp evp md coach chef menko mendagri menlu menkeu
menhan menkes mendikbud mendiknas menag mensos menpora menpan mendag mentan menhub menaker menakertrans
menkumham menkominfo menparekraf menpar menperin menristekdikti menristek menlhk menteri-menteri
menkopolhukam menkopolkam menko-polhukam menseskab mensesneg menkop menbud menpupr perdana pm kanselir
menpupera mendikbudristek mendiktisaintek mendikdasmen menkomdigi menpanrb menkomarves menkopmk wamen aspri kadis
saudara saudari sdr sdri capim
sekjen sekretaris sekda sesmen jenderal kepala ketua ketum waketum direktur dirut direksi dirjen
direktris presdir gubernur wagub bupati wabup wali walikota wawali camat lurah kades kapolri wakapolri
kapolda wakapolda kapolres kapolresta kapolrestabes kapolsek kabareskrim kadiv kadivhumas kabid
kabidhumas kasat kasatreskrim kasatlantas kasubdit kabag kasi kajati kajari jaksa hakim panglima pangdam
pangkostrad pangkoarmada danrem dandim danramil danjen kasad kasal kasau ksad ksal ksau kapuspen
kapuspenkum kapendam jubir juru senator anggota pimpinan pemimpin komisioner rektor dekan profesor prof
komisaris ceo cfo coo cto founder co-founder pendiri chairman chief pelatih manajer asisten deputi staf
stafsus karo kabiro dubes duta konsul konjen atase kalapas karutan plt plh pj penjabat mantan eks calon
capres cawapres cagub cawagub cabup cawabup cawalkot kandidat politisi politikus pengamat peneliti ekonom
analis pakar ahli advokat pengacara kuasa tersangka terdakwa terpidana saksi pelaku aktor aktris artis penyanyi musisi
pebulutangkis pebalap petinju pegolf petenis perenang pesepakbola atlet pemain gelandang penyerang bek
kiper striker kapten wartawan jurnalis fotografer sutradara produser novelis sastrawan seniman budayawan
komedian komika presenter selebritas selebgram youtuber rookie rider ulama imam khatib mufti kardinal uskup
paus pastor pendeta romo biksu
ayatollah bhikkhu raja ratu pangeran permaisuri sultan syekh sheikh sheik syeikh habib ustaz ustad ustadz
ustazah kiai kyai kh pak bu
bapak ibu mas mbak bang abang kak om tante tuan nyonya nona mr mrs ms miss sir madame dr drs dra ir h hj
haji hajjah dokter ns apt drg drh letjen mayjen brigjen kolonel letkol mayor lettu letda serma serka sertu serda kopral
pratu prada laksamana laksdya laksda laksma marsekal marsdya marsda marsma komjen irjen kombes akbp
kombespol kompol akp iptu ipda aiptu aipda bripka brigpol brigadir briptu bripda bharada bharatu bharaka sersan
letnan kapt capt kopda prajurit istri suami anak adik kakak ayah ibunda ayahanda putranya putrinya sang
alm almh almarhum almarhumah mendiang wasekjen wabendum bendum koordinator
bendesa penglingsir pemangku mangku pedanda sulinggih klian kelian perbekel pengageng sinuhun
""")  # the last line: Bali's customary offices ("Bendesa Adat", "Mangku"), a Javanese court's office head

# Titles that are also name words, read as such between a given name and a surname ("Lukman Hakim Saifuddin").
NAMING_TITLES = _words("hakim laksamana")
# Titles of an office over a place: "Camat Kutabaharu", "Konsul Jenderal RI Jeddah", "Bupati Sleman Sri
# Purnomo"; and a regional agency's acronym ("Kepala Dinkes Kobar Ahmad Sulkan"). The word right after them
# names the place, unless it is a given name.
JURISDICTION_TITLES = _words("""
camat bupati wabup walikota wali wawali gubernur wagub kapolres kapolresta kapolrestabes kapolda wakapolda
kapolsek lurah kades konsul konjen kalapas karutan dubes dandim danrem pangdam kajati kajari kakanwil kadis
dishub disdik dinkes disnaker disperindag dispenda disdukcapil dispora disparbud distan dispar disbudpar dinsos
""")
# Words right after a title that still belong to it: "Jaksa Agung", "Ketua Umum", "Juru Bicara".
TITLE_PARTS = _words("""
umum harian pelaksana besar utama khusus muda madya pratama tinggi negeri jenderal bicara bidang
koordinator kehormatan senior eksekutif terpilih sementara pol purn banjar adat aksi advokasi lapangan
kandung tiri sepupu kembar ipar angkat reskrim reskoba resnarkoba intelkam sabhara binmas binpres ing
inf kav arh czi chb ckm cku chk cpl cba cpm caj cpn
""")  # the last line: army corps after a rank ("Letkol Inf", "Kolonel Czi")
# Words written before a name that say someone speaks: "kata Stoltenberg", "menurut Susno".
LEFT_CUES = _words("""
kata ujar ucap tutur ungkap jelas tegas imbuh tambah lanjut sambung terang seru tukas pungkas papar sebut
kilah tandas timpal jawab aku tanya bilang cetus beber urai kenang sergah sela tuding kisah tulis harap
pinta ajak desak imbau akui nilai menurut sapaan alias dijuluki bernama
""")
# Weaker left cues: a name after these needs a name-like word of its own ("kepada Ukraina" is a place).
WEAK_LEFT_CUES = _words("oleh kepada bersama pasangan dengan terhadap")
# Words written after a name that say someone speaks or acts: "Stoltenberg mengatakan".
RIGHT_CUES = _words("""
mengatakan menyatakan menjelaskan mengungkapkan menegaskan menilai mengaku menyebutkan menyebut
menambahkan menuturkan berharap meminta membantah mengakui memperingatkan menekankan mengklaim
menyampaikan berkata bertanya menjawab mengimbau mengingatkan menuding menuduh mengusulkan menganggap
menerangkan memastikan mengungkap mengapresiasi menyayangkan mengeluhkan mengkritik menyerukan
berpendapat bersikeras bercerita berjanji mengucapkan mengemukakan menandaskan memaparkan membeberkan
menceritakan mengisahkan mengharapkan menginginkan mengajak mendesak memerintahkan menginstruksikan
optimistis optimis mengecam mengutuk membenarkan mengonfirmasi mengkonfirmasi menampik menyangkal
berkomentar menanggapi menyinggung menduga memprediksi memperkirakan berujar bertutur mengutarakan
mengeluh mengisyaratkan menginformasikan mengumumkan menyebutnya berdalih bersumpah memuji menyindir
mengkritisi menyarankan menantang menjanjikan menyesalkan mengatakannya menanyakan menegur mengancam
""")
# Words after a sentence-opening name that show it is the subject: "Jero ingin", "Bambang juga".
AUXILIARIES = _words("""
juga sudah belum akan tidak tak telah pun masih kini sempat bisa dapat harus ingin mau pernah lalu
langsung tetap adalah merupakan menjadi sedang baru hanya justru enggan siap mulai lantas kemudian pula
""")
# Conjunctions after which a clause (and so maybe a name as its subject) starts.
CLAUSE_OPENERS = _words("""
bahwa sejak karena lantaran ketika saat jika kalau sedangkan sementara namun tapi tetapi kemudian lalu
bila agar supaya setelah sebelum sehingga walaupun meski meskipun hingga sampai seandainya apabila
""")
# Boundaries in the other direction: a capitalised word after these is a place, not a person.
PLACE_CUES = _words("""
di ke kota provinsi kabupaten kecamatan kelurahan desa kampung dusun negara negeri pulau kawasan wilayah
daerah ibu ibukota jalan jl gedung restoran kafe warung toko stadion bandara pelabuhan menuju asal dekat
sekitar perbatasan
""")
# Nouns before a product's, a brand's, a vehicle's, a weapon's or a phenomenon's name: "indeks Nasdaq Composite",
# "mobil Chery Tiggo", "aplikasi Gojek", "pesawat Twin Otter", "sistem Iron Dome", "fenomena El Nino" (not "film",
# "lagu": "film Joko Anwar" names its maker)
THING_CUES = _words("""
indeks merek aplikasi mobil ponsel produk platform situs varian tipe ajang pesawat helikopter jet kereta rudal
sistem fenomena vaksin
""")
# A work's kind before its title ("film Wonder Woman", "lagu Time After Time"), unless a maker's word comes
# first (`MAKERS`, or a title: "sutradara film Hanung Bramantyo") or a title after ("lagu Elton John berjudul …").
WORK_CUES = _words("film lagu serial sinetron drama album single novel komik gim game")
MAKERS = _words("bintang pemeran pencipta penulis pengarang kritikus")

# A child of someone, and the words after it: "Putra Sulung Jokowi" is Jokowi's eldest son, "Putri Mahkota" a
# crown princess.
CHILD = _words("putra putri putera puteri")
CHILD_AFTER = _words("mahkota sulung bungsu tunggal kedua ketiga")
# Titles that, right before a name word, are a given name: an imam is named with his office ("Imam Besar
# Masjid Istiqlal Nasaruddin Umar"), "Imam Nahrawi" and "Imam Prasodjo" are names
GIVEN_NAME_TITLES = _words("imam")
# Written after a name for the people with them: "Agus Rahardjo cs" (cum suis), "Firli dkk"
COMPANIONS = _words("cs dkk")
# Academic degrees written after a name without their full stops ("AKBP Budi Santoso SIK", "Ipda Nurhabib
# Auliya STrK"): no part of the name. Not those that are also initials or a body's letters (SH, SE, ST, MH
# as in MH Thamrin, MM, MA, SIP, MAP).
DEGREES = _words("""
strk sik msi msc ssos spd mpd skom skm skep sag mag sikom sstp mkes sked shi mhi phd mba llm mkn shut spt
sfarm sgz spsi mpsi mtr apu dvm ssi mph mpa
""")
# Words that follow the "I" opening a Balinese man's name: birth-order names, caste titles, and their
# abbreviations ("I Wayan Koster", "I Gusti Ngurah Rai", "I Gst. Agung"); an "I" before another word is a
# numeral ("PT Angkasa Pura I", "Kelas I"), an Italian article ("I Nerazzurri") or English
BALINESE_NAME_WORDS = _words("""
wayan putu gede gde made kadek nengah nyoman komang ketut gusti gst dewa ida ngurah bagus agung kompyang
kompiang wyn md nym kt km pt gd
""")
# Korean and Chinese surnames as the press spells them, some of them English or Indonesian words ("Moon",
# "Park", "Song", "Son"): before a given name of two syllables joined by a hyphen, a person's ("Moon Jae-in").
EAST_ASIAN_SURNAMES = _words("""
kim lee park choi jung jeong kang cho jo yoon yun jang lim im han oh seo shin kwon hwang ahn song jeon hong yoo yu
ko go moon yang son bae baek heo nam noh roh ha kwak sung cha joo woo min ryu na jin ji um byun chae won chun bang
gong hyun ban yeo do shim sim ri wang chen chan lin huang wong chang cheng liu lau wu ng tsai hsu tseng lai kuo
hsieh chou chiu lo ho ma sun zhang li zhao zhou xu zhu hu guo he gao luo liang tang feng deng cao peng xiao tian
dong pan yuan cai jiang du ye wei su lu ding ren shen yao cui zhong tan liao shi jia xia fu fang zou xiong bai
meng qin qiu hou yin xue yan duan lei long tao mao hao gu shao wan qian soe
""")
# Common given names: name-like despite the dictionary ("Budi", "Sri", "Agung"), and a first name, not a
# place, right after "Bupati", "Gubernur"... ("Wakil Gubernur Yusuf Effendi").
GIVEN_NAMES = _words("""
abidin adi adnan agung agus akbar ali alif amin amir anis ari arif arifin asih ayu aziz bagas bagus bahar
bambang bayu bilal budi buyung candra dewi dian doni endang fadil fajar firman fitri fuad gede gilang
gunawan guntur halim hamzah hanafi haris hasan hatta hidayat ida ilham indra intan jamal kamal karim
kartika kasim kusuma laksmi lestari mahmud malik maya muhammad nur nyoman permana pribadi purnama putra
putri putu rahayu rahim rahman rahmat rani ratna rini rudi saleh salim sari siti sri suci sukma surya
syarif tatang taufik teguh wahid wahyu wijaya wulan ani cut teuku tengku raden gusti wayan made ketut
komang kadek nengah jero yusuf ahmad achmad mohammad mohamad muhamad abdul abdullah joko andi dedi eko
hadi heru imam laode iwan slamet tri dwi yudi zainal anton antonius yohanes fransiskus maria paulus petrus
stefanus leo benny hendra hendri rizal syamsul arief irwan edi edy rachmat nurdin ismail usman umar ibrahim
hamid hasyim husein hussein sutrisno susilo sugeng gatot tjahjo tjahyo setya setyo wiranto yasonna
ignasius ratu nanang rahmad yanto yanti yuli yulia diana sinta nia nina lina rina tina wati erna erwin
irfan fadli fadel firdaus helmi hilman johan jhon john michael david daniel robert richard thomas william
james george charles peter paul mark tony lawrence florence clarence terence frances
wong tan ong koh lin kim jung ria juan kemal nila pol
jan
nasution
""")
# Arabic and Sanskrit words of prayer and worship written with capitals ("Sayyidul Istighfar", "Musabaqoh
# Tilawatil Qur'an", "Sang Hyang Widhi"): never a person's name, like the English words above.
RELIGIOUS_TERMS = _words("""
allahumma istighfar sayyidul bismillah alhamdulillah subhanallah insyaallah masyaallah astaghfirullah
tilawatil musabaqoh qur'an qur’an quran alquran hadits hadis hyang wasa idul adha
shalat salat sholat solat istisqa tarawih tahajud dhuha subuh maghrib magrib isya dzuhur zuhur
maidah al-maidah baqarah al-baqarah fatihah al-fatihah anfal al-anfal taubah at-taubah hujurat al-hujurat
waqiah al-waqiah falaq al-falaq
""")
# Words of the language that Javanese, Sundanese and Balinese names end in ("Prawiranegara", "Wirajaya",
# "Dewi Kencana"): never read as a word glued to a name.
NAME_ENDINGS = _words("""
negara nagara jaya pertiwi kencana buana bakti utama mulia sakti perkasa darma wangsa ningrat sentosa
wibawa laksana brata sejati cahaya mega candra purnama bayu surya indah wangi gemilang harini lestari rahayu
sari rini kusuma
""")
# Written short forms of given names, with a full stop that ends no sentence ("Moch. Andy Adchaminoerdin").
NAME_ABBREVIATIONS = _words("moch moh muh mochd mohd muhd mhd abd")
# Days, months and other words that end a name (not "Jan", "Mar", "Des": those are given names too).
TIME_WORDS = _words("""
senin selasa rabu kamis jumat jum'at jum’at sabtu minggu ahad januari februari pebruari maret april mei
juni juli agustus september oktober november nopember desember feb apr agu agt ags sep sept okt nov nop
wib wita wit pagi siang sore malam lebaran idulfitri iduladha natal imlek
""")
# Pronouns, and English words that are capitalised in names of things (not people).
PRONOUNS = _words("""
dia ia beliau mereka kami kita saya aku anda kamu engkau kalian nya dirinya warganet netizen gimana bagaimana
kayak nggak enggak gak udah aja banget sih dong deh kok nih tuh yuk emang ngga gitu oh ah wah eh lho loh
""")
# Conjunctions and prepositions (KBBI) that PySastrawi's stop-word list lacks: a sentence they open names
# no one by them ("Jelang Trump dilantik", "Pasca Trump resmi menjabat"). Not "laksana", a given name.
FUNCTION_WORDS = _words("""
pasca jelang menjelang semenjak sedari tatkala selagi seraya sembari sehabis selepas selesai seiring
seturut berkat akibat imbas lantaran biar biarpun kendati kendatipun sungguhpun andai andaikan andaikata
seandainya sekiranya beserta kecuali sesuai
""")
ENGLISH = _words("""
the of and for in on at to by with from a an new world global international national royal united general
service services system systems technology technologies network networks solution solutions digital
online mobile smart card pay payment wallet app apps store market markets stock exchange index ratio rate
loan deposit credit finance financial investment securities insurance life health care medical hospital
school academy education research science sciences studio studios entertainment music records pictures
production productions team club sports sport football soccer basketball racing challenge cup trophy
final finals round week weekend day night live tour concert party hotel resort restaurant cafe coffee
house sales marketing manager president director home building tower city town village county state
states republic kingdom empire federation union organization organisation committee commission board
office bureau ministry department center centre institute university college foundation society trust
fund company corporation group holdings partners ventures capital bank energy oil gas power electric moto
motor motors auto airlines airways air force army navy police guard security defense defence intelligence
agency authority court justice law act report prize award awards festival fair show expo summit forum
conference council assembly parliament senate congress white red blue green black gold silver grand prix
super league premier champions open masters series edition version pro max plus mini lite ultra note
galaxy phone pad book watch tv region northern southern eastern western central industrial average
electronic electronics television photography fever operation protective edge plasma alliance bridge rp
usd idr us mil km kg ebola corona covid hiv aids sars mers zika lake ice cream master shipbuilding sp
spkk spog kes si sh mh mm mkes msi phd msc mba fans north south east west you we they he she it my your
our their like love me this that is are be do not no all one daily mirror mail golden globe globes best
perfect body runner up crystal palace old factory physical chemistry comic custom customs universe hour
thread dark darkest kill begins beach bay river valley hill hills lane garden gardens point star stars
sun moon sky times journal herald tribune gazette review magazine weekly monthly news channel radio
gallery museum theatre theater arts design fashion beauty queen miss king kings prince princess duke duchess
lady lord
sir knight dragon tiger lion eagle wolf heart soul story legend legends hero heroes wars war game games
player players season episode chapter part volume deluxe special limited classic premium platinum diamond
crown seat load factor officer operating chief executive completely knocked down liquid glass giant sea
wall employee volunteering engineering marketing consulting accounting banking trading holding supply chain
head commuter line update corporate strategic economic affairs secretary public product brand branding
kitchen stadium flyover underpass idol films wave policy advocacy government gate
mountain mountains waterfront wharf aquarium canyon harbor pier castle cathedral zoo falls island islands
indonesian korean american british japanese chinese italian spanish russian indian australian
asian african european
""")
# Lines that are boilerplate, not part of the article (regular expressions matched at a line start,
# case ignored): their names are not the article's people.
BOILERPLATE = (
    r"baca (?:juga|selengkapnya|berita)\b",
    r"(?:simak|lihat|tonton) juga\b",
    r"sumber\s*:",
    r"gabung ke channel\b",
    r"ikuti berita\b",
    r"download aplikasi\b",
    r"advertisement\b",
    r"scroll to continue\b",
)
# Words that make a pair of names the name of a government or camp: "pemerintahan Jokowi-JK".
REGIME_WORDS = _words("pemerintahan kubu kabinet koalisi rezim era masa zaman kepemimpinan duet tim")
# Function words a name is often glued to by a crawl ("Trumpmengatakan", "Ghazalidan"): see glue.py.
# Not Sastrawi's stop list: it holds "ngga", and "Airlangga" is not "Airla ngga".
GLUE_FOLLOWERS = _words("""
dan yang ini itu yaitu yakni pun juga akan telah sudah masih sedang bahwa sebagai adalah ialah kembali saat ketika
dengan untuk dari dalam pada kepada bersama serta atau tetapi namun hingga sejak seperti kini lalu
sering seringkali kerap selalu belum tidak sempat bisa dapat harus pernah langsung resmi tetap mulai
""")
# Name particles allowed inside a name: "Bashar al-Assad", "Ursula von der Leyen", "Abu Bakar bin Ali".
PARTICLES = _words("bin binti van von der den de da del della dos das du la le al el ibn ibnu ter ten")


# Everyday words PySastrawi's dictionary lacks (loanwords, spellings KBBI does not list): capitalised at a
# sentence's start or after a name's owner they are no part of a name ("Postingan Hotman itu viral").
EVERYDAY_WORDS = _words("""
postingan audisi fitur skuad karir karier orangtua kerjasama ponsel milenial posko promo event workshop
warganet netizen nonton ngobrol nampak internet viral hoaks hoax
""")


@lru_cache(maxsize=1)
def common_roots() -> frozenset[str]:
    """Indonesian root words (PySastrawi's dictionary and `EVERYDAY_WORDS`), loaded once."""
    return sastrawi_roots() | EVERYDAY_WORDS


def stop_words() -> frozenset[str]:
    """Indonesian function words (PySastrawi's stop-word list, without single letters, and `FUNCTION_WORDS`)."""
    return _stop_words(sastrawi_stopwords())


@lru_cache(maxsize=1)
def _stop_words(listed: frozenset[str]) -> frozenset[str]:
    return frozenset(w for w in listed if len(w) > 1) | PRONOUNS | FUNCTION_WORDS


# Verbs that speech and lyrics open with ku- or kau- ("Kupikir", "Kurasa", "Kaulihat", "Kupandang"):
# any other root after ku- or kau- is rather a name ("Kusumo" is not ku- + "sumo", nor "Kautsar" kau- + "tsar").
SPOKEN_VERBS = _words("""
pikir rasa kira tahu lihat dengar ingat harap mohon cinta sayang rindu tunggu bilang minta beri bawa cari
pandang genggam peluk temu tulis baca kenal percaya janji akui anggap tatap kejar lupa buat jaga ajak
""")


def is_derived_word(word: str) -> bool:
    """True when ``word`` (lower case) is an affixed form of an Indonesian root: "pertanian", "kepolisian"; not
    a name that merely opens with a root of three letters and goes on with no suffix of the language
    ("Masiku" is not "mas" + "-iku", while "ujian", "ajukan", "apinya" are affixed)."""
    stem = shared_stemmer()(word)
    if stem == word or stem not in common_roots():
        return False
    if word in ("ku" + stem, "kau" + stem) and stem not in SPOKEN_VERBS:
        return False  # ku-, kau- ("I", "you") open a verb in speech and lyrics, else a name: "Kusumo", "Kautsar"
    return not (len(stem) <= 3 and word.startswith(stem) and not _SUFFIXES.fullmatch(word, len(stem)))


def root_follows_di(word: str) -> bool:
    """``word`` (lower case, opening with di-) is a passive the language makes: di-, perhaps per-, ber- or
    ke-, then its root (``dipersiapkan``, ``diperiksa``); not a name the stemmer cuts into di-ku-sumo
    (``Djojohadikusumo`` is no ``Djojoha`` + ``dikusumo``)."""
    root = shared_stemmer()(word)
    return any(word.startswith(prefix + root, 2) for prefix in ("", "per", "ber", "ke"))


# the endings Indonesian adds to a root: -kan/-an (then a possessive), -i, a possessive, then a particle
_SUFFIXES = re.compile(r"(?:(?:kan|an)(?:ku|mu|nya)?|i|ku|mu|nya)(?:lah|kah|tah|pun)?")
