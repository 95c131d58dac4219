"""Word lists of places, organisations and facilities: the capitalised names that are no person's
("Partai Buruh", "Bandara Soekarno-Hatta", "Kabupaten Sleman"), and the head words that open them.

All entries are lower case (compare with ``str.casefold()``).
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# administrative units as addresses shorten them ("Kec Duren Sawit", "Kel. Cempaka Putih")
PLACE_ABBREVIATIONS = _words("kec kel kab prov kota rt rw")
# lower-case nouns before a place's or a building's name ("pangkalan udara Al Udeid", "sirkuit Mugello")
PLACE_NOUNS = _words("""
kota provinsi kabupaten kecamatan distrik kelurahan desa kampung dusun pulau kawasan wilayah daerah jalan jl gedung
stadion bandara pelabuhan pangkalan udara sirkuit terminal stasiun gunung pantai danau sungai teluk
""")
# Head words of organisations, events, buildings, laws: "Partai Buruh", "Dewan Keamanan", "Perang Dunia".
ORG_WORDS = _words("""
partai dewan pers komisi kementerian kemdikbud kemhan kemlu kemnaker kemendagri nahdlatul darul kemenlu
qanun perda pergub perbup perwali
resto restoran restaurant kafe cafe composite
kemenkeu kemenhan kemenkes kemendikbud kemenag kemensos kemenpora kemendag kementan kemenhub kemenkumham
kemenkominfo kemenpar kemenperin kemen badan lembaga bank pt cv tbk persero perum perusahaan universitas
institut sekolah perguruan fakultas akademi pemerintah pemerintahan pemprov pemkot pemkab pemda dinas
kantor kepolisian polri polda polres polresta polrestabes polsek mabes tni kodam korem kodim koramil
kostrad kopassus brimob densus mako rutan lapas klas distrik kolese kolose komunitas mahkamah pengadilan
kejaksaan kejati kejari kejagung majelis markas
direktorat ditjen inspektorat sekretariat biro divisi satuan satgas pasukan angkatan tentara militer
yayasan perkumpulan asosiasi himpunan ikatan serikat federasi konfederasi gabungan koalisi aliansi
gerakan organisasi perhimpunan persatuan kelompok komite komando klub tim timnas grup group holding corp bros satlak
corporation corps inc ltd llc labs lab hospital hospitals brothers studies express foundation institute
advisory consulting consultants partners securities investments ventures
rovers wanderers albion hotspur athletic scuderia rangers orchestra orkestra philharmonic symphony
sociedad calcio
university college council ministry department agency
association party union news press times post tv radio channel media harian majalah koran rumah rs rsud
rsup puskesmas klinik masjid gereja pura vihara klenteng pondok pesantren ponpes stadion gedung istana
bandara bandar pelabuhan terminal stasiun hotel mal mall plaza pasar jalan jl tol kampus museum taman
pantai gunung danau sungai selat teluk pulau laut samudra samudera provinsi kabupaten kota kecamatan
kelurahan desa kampung dusun wilayah kawasan daerah negara kerajaan republik kesultanan federal
perserikatan perang operasi piala sekuritas televisi graha grha departemen kec kel kab prov gg jln daop gunungapi
terasering pulo liga turnamen kejuaraan olimpiade festival konferensi kongres muktamar keraton kraton kedaton
kejurnas kejurda kejurprov porprov porda popnas popda peparnas marathon maraton copa
munas munaslub musda muswil muscab musprov rakornas rakor rakerda rakernas rapimnas
pemilu pilpres pilkada pileg pilgub pilwalkot pilbup pilkades undang-undang uu
perpres perppu pasal ayat peraturan keputusan hari tahun pekan bulan dunia program proyek gerbang menara
monumen lapangan sirkuit arena hall tower center centre square park street road avenue island airport
station airlines air motor motors capital fund energy oil gas power award awards cup league championship
games open masters series tour summit forum conference expo fair show prize film album lagu buku novel
acara kabinet fraksi kubu front brigade batalion resimen skuadron armada polisi senat parlemen dpr dprd
mpr dpd kpu bawaslu perjanjian deklarasi konvensi resolusi traktat protokol revolusi reformasi orde era
zaman masa abad dinasti kekaisaran sekutu uni blok faksi sayap laskar milisi rezim junta pemberontak
""")
# Head words a body's own name follows ("Mahkamah Konstitusi", "Badan Legislasi", "Federal Reserve", "Kota
# Tangsel"): a plain word right after one names the body, not a person.
BODY_HEADS = _words("""
partai dewan komisi kementerian badan lembaga bank universitas institut sekolah akademi fakultas pengadilan
kejaksaan mahkamah majelis direktorat yayasan asosiasi himpunan ikatan serikat federasi gerakan organisasi
perhimpunan persatuan komite kota provinsi kabupaten federal kantor dinas tim satgas
""")
# Laws and regulations, written before their subject or number ("UU Ormas", "Permenhub Nomor 108"); and
# every "Permen…"/"Kepmen…" (a minister's regulation or decree: Permendagri, Kepmenkes).
LEGAL_INSTRUMENTS = _words("""
uu ruu perppu perpu perpres keppres kepres inpres perda raperda pergub perbup perwali perkap juncto
""")
# Single-word organisations, media and brands often written like names.
KNOWN_ORGS = _words("""
komdigi wantimpres setda setwan setneg setkab kemristek kemristekdikti kemenristekdikti fed baleg petral pelindo
chery esemka isuzu corolla innova avanza xenia fortuner pajero alphard tiggo
nato pbb kpk dpr mpr dpd tni polri golkar gerindra demokrat pdip pdi-p nasdem pkb pks pan ppp hanura
perindo psi berkarya pertamina pln telkom telkomsel indosat garuda google facebook meta apple microsoft
samsung xiaomi huawei oppo vivo twitter instagram youtube whatsapp tiktok telegram tesla amazon netflix
gojek grab tokopedia bukalapak shopee traveloka reuters afp ap bloomberg xinhua bbc cnn kompas kompastv
tempo antara detik detikcom kontan tribun tribunnews okezone liputan6 republika kumparan merdeka suara
sindonews viva vivanews jpnn beritasatu tirto bisnis metrotv tvri rcti sctv indosiar trans7 transtv antv
inews cnbc nbc abc cbs fox aljazeera al-jazeera jazeera arabiya sputnik tass interfax yonhap kyodo nhk anadolu hamas
hizbullah hezbollah taliban isis isil niis al-qaeda alqaeda kremlin pentagon interpol who unicef unesco
bappenas bappeda bapanas basarnas baznas bawaslu bulog kominfo diskominfo lemhannas bakamla bapeten
bakesbangpol bapenda bappebti dishub disdik dinkes disnaker disperindag dispenda disdukcapil dispora
disparbud distan dispar disbudpar dinsos komnas kompolnas kemenpan kemenpupr kemendes otorita
unhcr imf opec fifa uefa pssi bwf afc koni koi mui nu muhammadiyah persija persib persebaya arema psm
persipura persela persik persikabo persiba persita persiraja perseru persewar persegres persibat persijap
persiwa perserang persipal persiku persekat persibo persipasi persitara persiram persidafon persisam persema
udinese chievo sampdoria fiorentina atalanta torino genoa legia
barcelona liverpool chelsea arsenal juventus milan inter bayern dortmund psg ajax everton
tottenham napoli roma lazio atletico sevilla valencia celtic benfica porto monaco lyon marseille
galatasaray manchester newcastle leicester southampton westham honda yamaha ducati suzuki kawasaki toyota
nissan mitsubishi hyundai bmw mercedes audi chevrolet porsche lamborghini volkswagen volvo ferrari mclaren
redbull red-bull williams renault repsol
petronas boeing airbus lion citilink wings sriwijaya batik bca bri bni btn mandiri ojk bi bpk bpjs bumn
bulog basarnas bnpb bmkg bpbd bnn bais lipi brin ui ugm itb ipb unair undip unpad uns its asean apec oki
g20 g7 eropa kpu bawaslu dkpp ombudsman komnas komnasham ylbhi lbh icw walhi kontras greenpeace amnesty
wwf sky associated press nasa esa spacex cakapcakap pt cv un eu fc sc ac ud ltd tbk sd rt rw
daihatsu wuling qualcomm samsung xiaomi oppo realme huawei aston houthi
panasonic android lenovo asus acer infinix nokia motorola intel nvidia spotify uber marvel pixar inalum adaro
barca juve spurs nasdaq
""")
# Places named after people: a name right after these is part of the place's name.
FACILITIES = _words("""
universitas univ jalan jl jln stadion bandara gedung rs rsud rsup rumah masjid museum taman lapangan kampus
sekolah monumen makam pelabuhan terminal stasiun hotel yayasan institut akademi fakultas politeknik sma
smp sd smk tol bendungan waduk kapal km kri pangkalan istana keraton kraton flyover underpass jembatan
gelora gelanggang gor rutan lapas asrama rusun rusunawa rusunami rspad rsal rsau rsab rsia rsj rsu lanud
""")
# Words between a facility's head word and the name it carries ("Bandara Internasional Soekarno-Hatta",
# "Stadion Utama Gelora Bung Karno", "Rumah Sakit Umum Daerah Dr. Soetomo")
FACILITY_QUALIFIERS = _words("internasional utama udara umum daerah pusat sakit nasional negeri raya")
# Fields of a ministry or office, written between a title and a name: "Menteri Hukum dan HAM Amir".
PORTFOLIOS = _words("""
hukum ham agama energi ketenagalistrikan sosial hidup rakyat riset politik desa infrastruktur konsumen edukasi
transportasi
teknologi informatika komunikasi investasi ekonomi olahraga negara luar dalam negeri daya sumber mineral
tenaga kerja pemuda agraria tata ruang keamanan keuangan pertahanan perdagangan perindustrian pertanian
kesehatan pendidikan kebudayaan lingkungan kehutanan kelautan perikanan perhubungan pariwisata koperasi
usaha kecil menengah pekerjaan perumahan pembangunan perencanaan perlindungan perekonomian kemaritiman
polhukam kesra ekuin hankam humas hubungan masyarakat operasi intelijen reserse kriminal narkoba lalu
lintas pidana perdata tipikor sains ilmu pengetahuan statistik anggaran fiskal moneter pajak bea cukai
imigrasi pemasyarakatan pendapatan pansel panja pansus litbang diklat sdm aset internasional regional
pendayagunaan aparatur reformasi birokrasi
nasional daerah pusat cabang wilayah sekretariat kabinet istana protokol
teknik teknis kreatif bisnis niaga komersial produksi digital ritel ketenagakerjaan
mitigasi gempabumi tsunami meteorologi klimatologi geofisika bencana
""")
# Indonesia's regencies and cities ("Bupati Morowali Taslim", "Ketua DPRD Deli Serdang …"): the words of the
# 514 names in the Ministry of Home Affairs' list of regions (Permendagri 137/2017) that are no given name
# (Bima, Lanny, Sarmi, Sigi, Asmat), no common word (Serang, Batang, Sabu, Bener, Way) and no surname
# (Flores, Kaur, Tojo, Samosir, Kartanegara, Gayo, Ende); the cities and provinces above not repeated.
REGIONS = _words("""
abab alor anambas arfak asahan badung balangan banggai bangkalan bangli banjarnegara bantaeng banyuasin barito
barru baubau bedagai bengkalis bengkayang berau biak biaro binjai bintan bintuni bireuen bitung blora boalemo
bolaang bolango bombana bondowoso bone bontang boven boyolali bukittinggi buleleng bulukumba bulungan bungo buol
buton ciamis cilegon cimahi dairi deiyai deli demak dharmasraya digoel dogiyai dompu donggala enim enrekang
fakfak gianyar gowa grobogan gunungsitoli halmahera hasundutan humbang ilir indragiri jayawijaya jembrana
jeneponto jepara jombang kaimana kampar kapuas karanganyar karimun katingan kayong kebumen keerom kendal
kepahiang kerinci ketapang klungkung kolaka komering konawe kotamobagu kotawaringin kuantan kutai lahat lamandau
langkat langsa lebak lebong lematang lembata lhokseumawe lubuklinggau lues lumajang lunto luwu magetan mahakam
majene malinau mamasa mamberamo mamuju mandailing manggarai mappi maros maybrat melawi mempawah mentawai
merangin mesuji mimika mongondow morotai morowali moutong muaro mukomuko musi nabire nagan nagekeo natuna ndao
nduga ngada nganjuk ngawi nias numfor nunukan ogan pacitan padangsidimpuan pakpak palangka palopo pamekasan
pandeglang pangandaran pangkajene paniai parepare pariaman parigi pasaman paser payakumbuh pelalawan pemalang
pematangsiantar penajam pesawaran pidie pinrang pohuwato polewali ponorogo poso prabumulih pringsewu progo
purbalingga purworejo
raijua rappang rawas rembang rokan rote sabang salatiga sambas sampang sanggau sangihe sarolangun sekadau
selayar seluma serdang seruyan siantar siau sibolga sidenreng sijunjung sikka simalungun simeulue singingi
singkawang singkil sinjai sintang situbondo solok soppeng sragen subulussalam sukamara sukoharjo sula sumba
sumbawa sumedang sumenep supiori tabalong tabanan tagulandang takalar talaud taliabu tambrauw tamiang tanggamus
tapanuli tapin tebo temanggung tidore tidung toba toli tolikara tomohon toraja trenggalek tual tulangbawang wajo
wakatobi waropen wondama wonogiri wonosobo yahukimo yalimo yapen
""")
# A place's second word that is a surname or a union elsewhere: a place only right after a place ("Kutai
# Kartanegara", "Toba Samosir", "Amerika Serikat"; but "Mulyadhi Kartanegara", "Serikat Pekerja").
REGION_TAILS = _words("kartanegara samosir serikat")
# Countries, regions, provinces and cities (Indonesian and English spellings; the countries whose name is a
# given name or a surname stay out: Chad, Solomon, Salvador, Marshall, Haiti, Babel) and compass words.
PLACES = REGIONS | _words("""
hollywood bollywood petersburg
hulu hilir frankfurt leverkusen bilbao vigo leipzig dortmund munchen muenchen munich gladbach wolfsburg bremen hamburg
stuttgart barcelona sevilla villarreal milano turin torino napoli naples firenze genoa genova bergamo
manchester liverpool leicester newcastle southampton burnley watford norwich sheffield wolverhampton
blackburn bournemouth marseille monaco lille amsterdam eindhoven rotterdam lisboa glasgow salzburg
brooklyn cleveland miami seattle toronto sacramento atlanta detroit philadelphia milwaukee minnesota
oklahoma utah kyoto busan wuhan shenzhen guangzhou jeddah mekkah prague zurich jenewa geneva oslo
stockholm kopenhagen copenhagen helsinki athens brisbane auckland johor penang selangor sabah sarawak
indonesia malaysia singapura singapore brunei thailand vietnam filipina philippines myanmar kamboja laos
timor-leste timor australia selandia zealand papua nugini jepang japan china tiongkok cina korea taiwan
hong kong makau mongolia india pakistan bangladesh nepal lanka afghanistan iran irak iraq suriah syria
lebanon libanon yordania jordan israel palestina palestine gaza tepi barat mesir egypt arab saudi yaman
yemen oman qatar kuwait bahrain uea emirat turki turkey rusia russia ukraina ukraine belarus polandia
poland jerman germany prancis perancis france inggris britania england skotlandia wales irlandia ireland
belanda netherlands belgia belgium luksemburg swiss austria italia italy spanyol spain portugal yunani
greece swedia sweden norwegia norway finlandia finland denmark islandia estonia latvia lituania lithuania
ceko hungaria hungary rumania romania bulgaria serbia kroasia croatia bosnia slovenia slovakia albania
moldova georgia armenia azerbaijan kazakhstan uzbekistan kirgistan tajikistan turkmenistan amerika
america as usa kanada canada meksiko mexico brasil brazil argentina chili chile kolombia colombia peru
venezuela kuba cuba ekuador uruguay paraguay bolivia afrika africa nigeria kenya etiopia ethiopia somalia
sudan libya tunisia aljazair maroko ghana kamerun senegal zimbabwe uganda tanzania rwanda kongo angola
mozambik madagaskar eropa europe asia oseania pasifik atlantik hindia arktik antartika baltik balkan
skandinavia kaukasus krimea crimea donbas donetsk luhansk kharkiv kyiv kiev mariupol odesa lviv bucha
moskow moskwa moscow brussel brussels london paris berlin roma rome madrid lisbon wina vienna praha
warsawa budapest athena ankara istanbul teheran tehran baghdad bagdad damaskus damascus beirut yerusalem
jerusalem tel aviv kairo cairo riyadh mekah makkah madinah dubai doha dhabi washington new york
california texas florida chicago los angeles boston tokyo osaka beijing shanghai hongkong seoul pyongyang
bangkok hanoi manila kuala lumpur canberra sydney melbourne perth delhi mumbai islamabad kabul dhaka
jakarta bogor depok tangerang bekasi bandung cirebon semarang solo surakarta yogyakarta jogja yogya
surabaya malang kediri madiun jember banyuwangi denpasar bali lombok mataram kupang medan padang
pekanbaru batam jambi palembang bengkulu lampung pontianak banjarmasin balikpapan samarinda palangkaraya
tarakan makassar manado palu kendari gorontalo ambon ternate jayapura sorong merauke manokwari aceh banda
sumatera sumatra jawa java kalimantan borneo sulawesi celebes maluku nusa tenggara banten riau kepulauan
bangka belitung nusantara utara selatan timur tengah daya laut dki jabodetabek jabar jateng jatim kaltim
kalbar kalsel kalteng sulsel sulut sumut sumbar sumsel ntb ntt diy menteng senayan monas gambir kemayoran
cilincing priok cengkareng kebayoran cikini kuningan bundaran slipi tebet cawang cibubur cilandak
pancoran pasar kalibata karawang purwakarta subang sukabumi cianjur garut tasikmalaya majalengka
indramayu brebes tegal pekalongan kudus pati magelang klaten purwokerto cilacap banyumas sleman bantul
gresik sidoarjo mojokerto pasuruan probolinggo lamongan tuban bojonegoro blitar tulungagung madura sierra
leone hawaii ampat ri uk uae mauritania liberia guinea jordania darfur xinjiang kashgar minahasa kauai
misrata tripoli san santa saint queensland tasmania whitsunday puerto rico vegas orleans jersey hampshire
yorkshire lancashire kent essex surrey sussex devon cornwall bavaria catalonia andalusia lombardy sicily
sardinia tuscany provence normandy brittany alsace flanders wallonia
afganistan andorra antigua barbuda bahama bahamas barbados belize benin bhutan herzegovina botswana burkina faso
burundi djibouti dominika eritrea eswatini fiji gabon gambia grenada guatemala guyana honduras hongaria
jamaika jamaica kirgizstan kyrgyzstan kiribati komoro comoros lesotho liechtenstein makedonia macedonia maladewa
maldives malawi mali malta mauritius mikronesia micronesia monako montenegro namibia nauru niger nikaragua palau
panama samoa seychelles siprus cyprus suriname leste togo tonga tobago tuvalu vanuatu vatikan zambia kaledonia
greenland kosovo algeria cambodia cameroon czech czechia iceland luxembourg morocco mozambique switzerland
jaksel jakbar jaktim jakut jakpus sulteng sultra sulbar kaltara malut kepri pabar jabotabek bodetabek korsel korut
""")
