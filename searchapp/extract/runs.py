"""The person name a capitalised run of words ends with, and the Indonesian cue that vouches for it
(title, speech verb, role, apposition, clause subject, name shape). One run at a time: which runs to look
at, and what was already taken by the registry, is the caller's business (see mentions.py)."""

from __future__ import annotations

from collections.abc import Sequence

from searchapp.extract import gazetteer as gz
from searchapp.extract import lexicon as lx
from searchapp.extract.context import (
    address_follows,
    after_a_bracketed_facility,
    after_a_facility,
    after_a_source_cue,
    after_degrees,
    after_facility_head,
    apposition,
    ends_a_field,
    ends_an_acronyms_name,
    expands_acronym,
    jurisdiction_before,
    names_a_facility,
    names_a_thing,
    office_of_before,
    opens_clause,
    org_follows,
    person_apposition,
    role_before,
    title_across_conjunction,
    verb_follows,
)
from searchapp.extract.elsewhere import called_apart
from searchapp.extract.tokens import (
    CLUB_MARKERS,
    ORGANISATION_MARKERS,
    ROMAN,
    Tok,
    east_asian_given_name,
    is_initials,
    is_legal,
    numeral_at,
)

# token kinds that may be part of a name
_NAMEISH = frozenset({"unk", "root", "derived", "init", "init2", "particle"})
# nouns of what is no one, before "asal" and a place ("band asal Inggris …")
_NOT_PEOPLE = lx.WORK_CUES | lx.THING_CUES | {"band", "grup", "klub", "tim", "perusahaan", "maskapai", "merek"}
_PERSONAL = frozenset({"sekretaris", "asisten", "ajudan", "dokter", "pengacara", "penasihat", "pelatih", "staf"})
_GREAT = frozenset({"mahkamah", "kejaksaan", "masjid", "pura", "puri", "keraton", "kraton", "gereja", "vihara"})


def name_in_run(toks: Sequence[Tok], text: str, used: Sequence[bool], lo: int, hi: int) -> tuple[int, int, str] | None:
    """Token range and evidence of the person name that ends the capitalised run [lo, hi), if the context
    vouches. ``used`` marks tokens already in a mention; ``text`` is the one ``toks`` were cut from."""
    kinds = run_kinds(toks, used, lo, hi)
    b = len(kinds)
    a = b
    while a > 0 and kinds[a - 1] in _NAMEISH:
        a -= 1
    # a derived word ("Keuangan", "Pelaporan") ends an office name, as a word of the language ends a facility's
    # right after its head ("Gedung Putih", "Masjid Agung"): the name comes after it
    for k in range(b - 2, a - 1, -1):
        if kinds[k] == "derived" or (k == a and kinds[k] == "root" and names_a_facility(toks, lo + k)):
            a = k + 1
            break
    while b > a and (
        kinds[b - 1] == "particle" or (kinds[b - 1] == "init" and not ROMAN.match(toks[lo + b - 1].text))
    ):
        b -= 1
    if b - a >= 3 and "-" in toks[lo + a].text and after_facility_head(toks, lo + a):
        a += 1  # "Bandara Internasional Soekarno-Hatta Agus Haryadi": the facility's name, then the person
    if a == b:
        return None

    first = toks[lo]
    before = toks[lo - 1] if lo > 0 and not first.sent_start else None
    after = toks[hi] if hi < len(toks) and (toks[hi].joined or toks[hi].comma) else None
    prefix = kinds[:a]
    # a title after an organisation's head word names it after someone ("Stadion Kapten I Wayan Dipta", "Jalan
    # Jenderal Sudirman", "Hari Ayah") or is part of it ("Ketua Majelis Hakim X": Ketua is the title); after a
    # place's own name a title starts a new office ("Polres Metro Jakarta Barat Komisaris Polisi Vernal Armando")
    last_title = max((k for k, kind in enumerate(prefix) if kind == "title" and not names_a_thing(toks, lo + k)),
                     default=-1)
    title = (last_title >= 0 or (not prefix.count("title") and title_across_conjunction(toks, lo))
             or (kinds.count("unk") >= 2 and office_of_before(toks, lo)))
    left_cue = "cue" in prefix or (before is not None and before.text.casefold() in lx.LEFT_CUES)
    right_cue = after is not None and after.text.casefold() in lx.RIGHT_CUES
    role_cue = role_before(toks, lo) or apposition(toks, lo)
    weak_left = before is not None and before.text.casefold() in lx.WEAK_LEFT_CUES
    between_commas = first.comma and after is not None and after.comma and b - a >= 2
    cue = title or left_cue or right_cue or role_cue or between_commas

    # plain words leading the name are not part of it ("Badai Tropis Cristobal", "Karya Pettit"),
    # except one before a name word when the context vouches ("Anggota DPR, Vena Melinda, ...")
    while (
        a < b
        and kinds[a] in ("derived", "particle", "root", "init", "init2")
        and not (kinds[a] in ("init", "init2") and a + 1 < b and not numeral_at(toks, lo + a))
        and not (kinds[a] == "particle" and a + 1 < b and kinds[a + 1] == "unk" and toks[lo + a].text[0].isupper())
    ):  # a capitalised particle opens a name: "Al Ghazali", "El Rumi", "De Gea", "Van Dijk"
        keep_root = (
            kinds[a] == "root"
            and a + 1 < b
            and (kinds[a + 1] == "unk" or kinds[a + 1:a + 3] == ["particle", "unk"])  # "Erik ten Hag"
            and cue
            and (a == 0 or kinds[a - 1] not in ("root", "derived"))
            and not toks[lo + a].sent_start
            and not _names_the_body(toks, kinds, lo, a)
        )
        if keep_root:
            break
        if kinds[a] == "root" and a == b - 1 and a == 0 and b == len(kinds) and left_cue:
            return lo + a, lo + b, "speech"  # "kata Mendur": a speech verb vouches for a one-word name
        a += 1
    if a == b:
        return None
    if (
        a > 0
        # not "Kapolda Mathius D Fakhiri": a given name, an initial and the surname; but a numeral ends a
        # name ("PT Angkasa Pura II M. Awaluddin")
        and (b - a - _run_together(toks, kinds, lo, a + 1, b) >= 4 or ROMAN.match(toks[lo + a].text))
        and kinds[a + 1] == "init"
        and toks[lo + a + 1].text.rstrip(".") != "H"  # read as a middle name's initial above, after a name
        and toks[lo + a].text.casefold() not in lx.GIVEN_NAMES
    ):
        a += 1  # "Konsul Jenderal RI Jeddah M. Hery Saripudin": a place before the initial
    if b - a >= 3 and numeral_at(toks, lo + a):
        a += 1  # "Pelindo II Elvyn G Masassya": the company's numeral, then the name
    if jurisdiction_before(toks, lo + a):
        # "Camat Kutabaharu", "Bupati Sleman Sri Purnomo": the first word names the place
        if b - a == 1 or toks[lo + a].text.casefold() not in lx.GIVEN_NAMES:
            a += 1
        if a == b:
            return None
    name_kinds = kinds[a:b]
    start, end = lo + a, lo + b
    if before is not None and before.kind == "lower" and (
        (before.text.casefold() in lx.PLACE_CUES and not ends_a_field(toks, lo - 1)
         and not _from_place(toks, kinds, lo, a, b))
        or (first.joined and before.text.casefold() in lx.THING_CUES)
        or (first.joined and before.text.casefold() in lx.WORK_CUES and not _maker_before(toks, lo - 1)
            and not _titled_after(toks, hi))
    ):
        return None  # "di Raja Ampat", "indeks Nasdaq Composite", "lagu Time After Time"
    if after is not None and after.comma and after.text.casefold().rstrip(".") == "tbk":
        return None  # "PT Metropolitan Land, Tbk.": a listed company's name, its suffix after a comma
    if start > 0 and toks[start].joined and toks[start - 1].kind == "org" and is_legal(toks[start - 1].text):
        return None  # "RUU Ormas", "Inpres Megawati": what a law or a regulation is about, or who issued it
    if after_a_source_cue(toks, lo):
        return None  # "seperti dilansir Al Arabiya", "dikutip dari Business Insider": a medium, no person
    if after_a_bracketed_facility(toks, text, lo):
        return None  # "Rumah Sakit Pusat Angkatan Darat (RSPAD) Gatot Soebroto"
    if a == 1 and toks[lo].text.casefold() in lx.THING_CUES:
        return None  # "Indeks Dow Jones", "Pesawat Twin Otter": the cue capitalised, opening the run
    if a > 0 and toks[start - 1].text.casefold() in lx.RELIGIOUS_TERMS:
        return None  # "Sang Hyang Widhi": a god's name after a word of worship
    if first.comma and after_degrees(text, first.start):
        return None  # "…, M.Pd, IPU, ASEAN Eng menyampaikan": the last of a name's degrees
    if "unk" not in name_kinds:
        return None
    if any(kind in ("org", "eng") for kind in prefix) and not title and not (left_cue or right_cue):
        # "Universitas Gadjah Mada", "Partai Buruh", "anak usaha PT Elnusa Petrofin"; but a role word vouches for
        # a name after the organisation when the article calls the person by it ("anggota Komisi III DPR
        # Arsul Sani", then "kata Arsul"), from the word it calls them by ("anggota Partai Gelora Fahri Hamzah")
        apart = called_apart(toks, start, end) if role_cue and (
            toks[start - 1].text.casefold() not in ORGANISATION_MARKERS) else None
        if apart is None or end - apart < 2:
            return None
        start = apart
    if title and b - a == 1 and not right_cue and org_follows(toks, text, hi):
        return None  # "Direktur Keuangan Medco, D Cyril Noerhadi": the organisation, then the name
    if title or left_cue or role_cue or right_cue:
        return start, end, "title" if title else "speech" if left_cue or right_cue else "role"
    if address_follows(toks, text, hi):
        return None  # "galian C Kedung Jumbleng, Kelurahan Argasunya", "Padang Sugihan, Ogan Komering Ilir, Sumatera"
    if name_kinds[-1] == "derived":
        return None  # "Konsil Kedokteran": without a cue, a name does not end in an affixed word
    if between_commas and after.kind == "place" and after_a_facility(toks, lo):
        return None  # "Sirkuit Misano …, Misano Adriatico, Italia": where the facility stands, in an address
    if between_commas or (weak_left and not first.sent_start):
        return start, end, "apposition" if between_commas else "context"
    if b - a == 1 and a == 0 and hi == lo + 1 and verb_follows(toks, hi) and opens_clause(toks, lo):
        # "Suhardi mengalami ...", "..., Susno diduga ...": a clause opening with a name
        return start, end, "subject"
    if b - a == 1 and a == 0 and hi == lo + 1 and first.sent_start and person_apposition(toks, hi):
        return start, end, "apposition"  # "Rouhani, seorang tokoh moderat", "Gates, yang juga ..."
    if b - a >= 2 and "eng" not in kinds and not expands_acronym(toks, text, lo, hi) \
            and not ends_an_acronyms_name(toks, text, start, end):
        return start, end, "name-shape"  # not "HSK (Hanyu Shuiping Kaoshi)": a name the text abbreviates
    return None


def run_kinds(toks: Sequence[Tok], used: Sequence[bool], lo: int, hi: int) -> list[str]:
    """Token kinds of the run [lo, hi), with title complements and initials resolved."""
    kinds = [t.kind for t in toks[lo:hi]]
    for k in range(1, len(kinds)):
        word, prev = toks[lo + k].text.casefold(), toks[lo + k - 1].text.casefold()
        if kinds[k - 1] == "title" and (word in lx.TITLE_PARTS or (word == "agung" and prev in ("jaksa", "hakim"))):
            kinds[k] = "title"  # "Jaksa Agung", "Hakim Agung", "Ketua Umum", "Juru Bicara", "Kombes Pol"
        elif word == "pribadi" and prev in _PERSONAL:
            kinds[k] = "title"  # "Sekretaris Pribadi BJ Habibie": one's own secretary, not a given name
        elif word == "agung" and prev in _GREAT:
            kinds[k] = "org"  # "Mahkamah Agung", "Kejaksaan Agung", "Masjid Agung": the body's name, no given name
        elif word in ("udara", "darat") and prev in ("perhubungan", "angkatan"):
            kinds[k] = "org"  # "Dirjen Perhubungan Udara Polana B Pramesti": the field's, not the name's (as
            # "Bandar Udara Soekarno-Hatta" is the airport's)
        elif word in gz.REGION_TAILS and kinds[k - 1] == "place":
            kinds[k] = "place"  # "Kutai Kartanegara", "Toba Samosir": the regency's name goes on
        elif word in ("putra", "putera") and kinds[k - 1] == "place" and not (k >= 2 and (
                kinds[k - 2] in ("org", "acr", "place") or toks[lo + k - 2].text.casefold() in lx.JURISDICTION_TITLES)):
            # "Barito Putera", "Kalteng Putra": a club named for its place's sons; but after a body's or an
            # office's place, a given name ("Ketua DPRD Sleman Putra Wijaya", "Bupati Bantul Putra Jaya")
            kinds[k] = "org"
    for k in range(len(kinds) - 1):  # "Putra Presiden Joko Widodo", "Putri Mahkota", "Putra Sulung Jokowi": a child
        if toks[lo + k].text.casefold() in lx.CHILD and (
                kinds[k + 1] == "title" or toks[lo + k + 1].text.casefold() in lx.CHILD_AFTER):
            kinds[k] = "title"  # of someone, or a crown prince: no given name
            if toks[lo + k + 1].text.casefold() in lx.CHILD_AFTER:
                kinds[k + 1] = "title"
    for k in range(len(kinds) - 1):
        word = toks[lo + k].text.casefold().rstrip(".")
        if kinds[k] == "title" and kinds[k + 1] == "unk" and (
            word in lx.GIVEN_NAME_TITLES or (word == "h" and _between_names(toks, kinds, lo, k))
        ):  # "Imam Nahrawi", "Yasonna H Laoly": a name's, no title
            kinds[k] = "unk" if word != "h" else "init"
    for k in range(len(kinds)):  # "B.R.A. Koesmariam", "K.H. Anwar": letters run together are an honorific
        prev = toks[lo + k - 1] if lo + k > 0 else None
        if kinds[k] == "init" and prev is not None and prev.kind == "init" and prev.end == toks[lo + k].start:
            first = k - 1  # the group's first letter
            while (first > 0 and kinds[first - 1] in ("init", "title")
                   and toks[lo + first - 1].end == toks[lo + first].start):
                first -= 1
            if first == 0 or kinds[first - 1] not in ("unk", "root"):
                kinds[k] = "title"  # ...but after a name word they are its middle initials ("Agus D.W. Martowardojo")
    for k in range(1, len(kinds)):
        if east_asian_given_name(toks, lo + k):
            kinds[k - 1] = kinds[k] = "unk"
    for k in range(1, len(kinds) - 1):
        if kinds[k] == "org" and kinds[k + 1] == "unk" and toks[lo + k].text.casefold() == "hari":
            kinds[k] = "root"  # a day ("Hari Buruh") or a given name ("VP Marketing Xpeng Hari Arifianto")
    for k in range(1, len(kinds) - 1):  # "Aryo PS Djojohadikusumo": between name words, a club's letters are initials
        if kinds[k] == "org" and toks[lo + k].text.casefold() in CLUB_MARKERS and kinds[k - 1] == kinds[k + 1] == "unk":
            kinds[k] = "init2"
    for k in range(len(kinds) - 1):  # "MS Hidayat", "TB Hasanuddin": two capitals are initials
        after_title = k > 0 and kinds[k - 1] in ("title", "org", "place", "acr")
        if (
            kinds[k] == "acr"
            and kinds[k + 1] == "unk"
            and is_initials(toks[lo + k].text)
            and not after_title
        ):
            kinds[k] = "init2"
    # "Lukman Hakim": a title word that ends a run after a name word is part of the name
    # (unless the run was cut short by a registry name: "Presiden Putin"), and so is a title that names
    # people too between a given name and a surname ("Lukman Hakim Saifuddin", "Gandjar Laksamana
    # Bonaprapta"; not a rank before a full name: "Danseskoal Laksamana Budi Santoso", nor any other title:
    # "Wakapolres Komisaris Endro Wibowo")
    cut = hi < len(toks) and used[hi] and toks[hi].joined
    if len(kinds) >= 2 and kinds[-1] == "title" and kinds[-2] == "unk" and not cut:
        kinds[-1] = "unk"
    for k in range(1, len(kinds) - 1):  # one name word before, one after, the run's last
        if (kinds[k] == "title" and kinds[k - 1] == kinds[k + 1] == "unk" and k + 2 == len(kinds)
                and (k == 1 or kinds[k - 2] != "unk") and toks[lo + k].text.casefold() in lx.NAMING_TITLES):
            kinds[k] = "unk"
    return kinds


def _names_the_body(toks: Sequence[Tok], kinds: list[str], lo: int, k: int) -> bool:
    """The word at *k*, a plain word, names the body whose head word comes right before it ("Mahkamah
    Konstitusi Anwar Usman", "Badan Legislasi Arsul Sani", "Federal Reserve Jerome Powell"); not a word read as
    a given name there ("Kepala Dinas Hari Wibowo"), nor after a body already named ("Menteri Kesehatan Nila
    Moeloek")."""
    return (k > 0 and kinds[k - 1] == "org" and toks[lo + k - 1].text.casefold() in gz.BODY_HEADS
            and toks[lo + k].kind == "root")


def _from_place(toks: Sequence[Tok], kinds: list[str], lo: int, a: int, b: int) -> bool:
    """Whether the run is someone's origin, then their name: "turis asal Australia Mark Taylor"; not a
    group's or a work's ("band asal Inggris Arctic Monkeys", "film asal Korea Parasite")."""
    if lo < 2 or toks[lo - 1].text.casefold() != "asal" or toks[lo - 2].text.casefold() in _NOT_PEOPLE:
        return False
    return (a > 0 and all(kind == "place" for kind in kinds[:a]) and b - a >= 2
            and all(kind in ("unk", "init") for kind in kinds[a:b]))


def _run_together(toks: Sequence[Tok], kinds: list[str], lo: int, k: int, b: int) -> int:
    """The initials after the one at run position *k* that touch it, or follow its full stop after a space
    ("Retno L.P. Marsudi", "Retno L. P. Marsudi": one, so the run has three words, a given name, initials and
    a surname, not a place before an initial)."""
    n = 0
    while k + n + 1 < b and kinds[k + n + 1] == "init" and (
            toks[lo + k + n].end == toks[lo + k + n + 1].start
            or (toks[lo + k + n].text.endswith(".") and toks[lo + k + n + 1].text.endswith(".")
                and toks[lo + k + n + 1].start - toks[lo + k + n].end == 1)):
        n += 1
    return n


def _between_names(toks: Sequence[Tok], kinds: list[str], lo: int, k: int) -> bool:
    """The "H" at run position *k* follows a name word, so it is a middle initial ("Yasonna H Laoly"); after
    a place's name it is Haji ("Bupati Takalar H. Syamsari", "Kepala Desa Sukamaju H Ahmad Yani", "Pengasuh
    Ponpes Darussalam H Ahmad Fauzi")."""
    if k == 0 or kinds[k - 1] != "unk" or jurisdiction_before(toks, lo + k - 1):
        return False
    return toks[lo + k - 1].text.casefold() in lx.GIVEN_NAMES or not (k > 1 and kinds[k - 2] in ("org", "place"))


def _maker_before(toks: Sequence[Tok], k: int) -> bool:
    """Token *k* (a work's kind: "film", "lagu") follows a title or a maker's word: "produser film Hanung
    Bramantyo", "pencipta lagu Ismail Marzuki" name the maker, not the work."""
    return k > 0 and toks[k].joined and ((word := toks[k - 1].text.casefold()) in lx.TITLES or word in lx.MAKERS)


def _titled_after(toks: Sequence[Tok], hi: int) -> bool:
    """After the run: "(yang) berjudul …", "bertajuk …": the run was whose work it is ("lagu Elton John
    berjudul Candle In The Wind")."""
    k = hi + 1 if hi < len(toks) and toks[hi].text.casefold() == "yang" else hi
    return k < len(toks) and toks[k].text.casefold() in ("berjudul", "bertajuk")
