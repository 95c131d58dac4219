"""What the words around a token say about it: a title or role before, a verb, an apposition or an
organisation after. Pure predicates over the token list and an
index, so the rules that decide whether a capitalised run is a person read as a list of named conditions."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import takewhile

from searchapp.extract import gazetteer as gz
from searchapp.extract import lexicon as lx
from searchapp.extract.tokens import VERB_PREFIX, Tok, capish, kind_of

# -- before the run ---------------------------------------------------------------------------


def jurisdiction_before(toks: Sequence[Tok], k: int) -> bool:
    """Token k follows a title of an office over a place ("Bupati", "Wakil Gubernur", "Konsul")."""
    if k == 0 or not toks[k].joined:
        return False
    prev = toks[k - 1].text.casefold().rstrip(".")
    if prev in lx.TITLE_PARTS and k >= 2 and toks[k - 1].joined:
        prev = toks[k - 2].text.casefold().rstrip(".")
    return prev in lx.JURISDICTION_TITLES


def after_a_bracketed_facility(toks: Sequence[Tok], text: str, lo: int) -> bool:
    """The run follows a facility's acronym in brackets, which abbreviates the words before it: the run goes on
    with the facility's name ("Rumah Sakit Pusat Angkatan Darat (RSPAD) Gatot Soebroto", a hospital)."""
    if lo == 0:
        return False
    acronym = toks[lo - 1]
    return (acronym.text.casefold() in gz.FACILITIES and text[acronym.start - 1:acronym.start] == "("
            and text[acronym.end:toks[lo].start].strip() == ")")


_SOURCE_CUES = frozenset({"dilansir", "melansir", "dikutip", "dinukil"})


def after_a_source_cue(toks: Sequence[Tok], lo: int) -> bool:
    """The run follows a verb that cites a medium, maybe through "dari" ("dilansir dari Al Arabiya")."""
    k = lo - 1
    if k >= 0 and toks[k].text.casefold() == "dari" and toks[lo].joined:
        k -= 1
    return k >= 0 and toks[k + 1].joined and toks[k].text.casefold() in _SOURCE_CUES


def ends_a_field(toks: Sequence[Tok], k: int) -> bool:
    """Token *k*, a place's cue, ends the name of a field ("pakar hukum tata negara Bivitri Susanti",
    "pengamat tata kota Nirwono Joga"): the name after it is the expert's, no place."""
    return k > 0 and toks[k].joined and toks[k - 1].text.casefold() == "tata"


_OFFICE_HEADS = frozenset({"head", "chief", "director", "manager", "president", "officer", "chairman", "vp", "gm"})


def office_of_before(toks: Sequence[Tok], lo: int) -> bool:
    """An English title, then "of", then the run: "Head of Investor Relations CTRA Aditya Ciputra
    Sastrawinata" (the office, then the name)."""
    return (lo >= 2 and toks[lo].joined and toks[lo - 1].text == "of" and toks[lo - 1].joined
            and toks[lo - 2].text.casefold() in _OFFICE_HEADS)


def title_across_conjunction(toks: Sequence[Tok], lo: int) -> bool:
    """ "Menteri Kelautan dan Perikanan X", "Direktur Jenderal Mineral dan Batu Bara Kementerian ESDM X": the
    title stands before a "dan" inside the office name (a plain word after the "dan" continues the office
    only when a word of the office, not a name, stands before it: not "Presiden Joko Widodo dan Bunga …")."""
    if lo < 2 or toks[lo].kind not in ("org", "root", "derived") or not toks[lo].joined:
        return False
    if toks[lo - 1].text.casefold() != "dan" or not toks[lo - 1].joined:
        return False
    if toks[lo].kind != "org" and toks[lo - 2].kind not in ("org", "root", "derived", "title"):
        return False
    return title_in_run_ending(toks, lo - 2)


def role_before(toks: Sequence[Tok], lo: int) -> bool:
    """A lower-case role word shortly before: "kata pengamat politik X", "pemimpin MDC X"."""
    k = lo
    for _ in range(3):
        if k == 0 or toks[k].sent_start or not (toks[k].joined or toks[k].comma):
            return False
        k -= 1
        key = toks[k].text.casefold()
        if toks[k].kind == "lower" and key in lx.TITLES:
            return True
        if toks[k].kind != "lower" or key in lx.stop_words():
            return False
    return False


def apposition(toks: Sequence[Tok], lo: int) -> bool:
    """ "Kepala Dinas Perumahan DKI Jakarta, Arifin": a name after a comma that follows a title phrase."""
    if lo == 0 or not toks[lo].comma:
        return False
    return title_in_run_ending(toks, lo - 1)


# academic degrees and professional titles listed after a name, one of them dotted ("M.Kom, MM, M.Pd, IPU, ")
_DEGREES_BEFORE = re.compile(r"(?:\b[A-Z][A-Za-z]{0,3}(?:\.[A-Z][A-Za-z]{0,3})*\.?,[ \t\xa0]*){2,}$")
_DOTTED = re.compile(r"[A-Za-z]\.[A-Za-z]")


def after_degrees(text: str, start: int) -> bool:
    """The run at *start* ends a list of degrees after a name ("Prof Dr Ir Mochamad Wahyudi, M.Kom, MM, M.Pd,
    IPU, ASEAN Eng menyampaikan"): a title of the same list, not another person."""
    listed = _DEGREES_BEFORE.search(text, max(0, start - 60), start)
    return listed is not None and _DOTTED.search(listed[0]) is not None


_ACRONYM_OPENS = re.compile(r"\b([A-Z]{2,6})[ \t\xa0]*\($")


def expands_acronym(toks: Sequence[Tok], text: str, lo: int, hi: int) -> bool:
    """The run [lo, hi) spells out, in brackets, the acronym before it ("HSK (Hanyu Shuiping Kaoshi)",
    "ACC (Adaptive Cruise Control)"): the name of a thing the text abbreviates."""
    opened = _ACRONYM_OPENS.search(text, max(0, toks[lo].start - 10), toks[lo].start)
    return (opened is not None and text.startswith(")", toks[hi - 1].end)
            and "".join(tok.text[0] for tok in toks[lo:hi]) == opened[1])


_ACRONYM_AFTER = re.compile(r"[ \t\xa0]*\(([A-Z]{3,8})\)")
_LIST_GAP = re.compile(r"[ \t\xa0]*(?:,[ \t\xa0]*)?(?:(?:dan|serta|&)[ \t\xa0]+)?")


def ends_an_acronyms_name(toks: Sequence[Tok], text: str, lo: int, hi: int) -> bool:
    """The words [lo, hi) end an organisation's name that "dan" or a comma cut, the acronym in brackets after
    them abbreviating the whole ("Pusat Vulkanologi dan Mitigasi Bencana Geologi (PVMBG)", "Badan
    Meteorologi, Klimatologi, dan Geofisika (BMKG)"): the capitalised words before the cut give the rest of
    its letters. Not a person's own initials ("Iwan Kurniawan Lukminto (IKL)") nor a party's ("Ahmad
    Nurdin (PAN)": nothing before him gives the P)."""
    after = _ACRONYM_AFTER.match(text, toks[hi - 1].end)
    if after is None:
        return False
    wanted = after[1][: -(hi - lo)] if after[1].endswith("".join(t.text[0] for t in toks[lo:hi]).upper()) else ""
    k, cut = lo, False  # cut at "dan" or a comma, or the letters given by words of the language, not of a name
    while wanted and k > 0:
        gap = text[toks[k - 1].end:toks[k].start]
        if not _LIST_GAP.fullmatch(gap) and not (toks[k - 1].text.casefold() in ("dan", "serta") and gap == " "):
            return False
        if toks[k - 1].text.casefold() in ("dan", "serta"):
            cut, k = True, k - 1
            continue
        word = toks[k - 1].text
        if not word[:1].isupper() or word[0] != wanted[-1] or (word.isupper() and toks[k - 1].kind == "unk"):
            return False
        cut = cut or "," in gap or toks[k - 1].kind != "unk"  # "Jamaah Ansharut Daulah (JAD)", "Mass Rapid …"
        wanted, k = wanted[:-1], k - 1
    return cut and not wanted


_BRACKETED_WORD = re.compile(r"\(([A-Z][a-z]{2,})\)")  # "(Danantara)", "(Bappenas)"
_CAPITAL_NEXT = re.compile(r"[ \t\xa0]*[A-Z]")


def organisations_short_names(text: str) -> frozenset[str]:
    """The short names a text gives organisations, in brackets after a name opening with an organisation's
    head word ("Badan Pengelola Investasi Daya Anagata Nusantara (Danantara)"): read as an acronym wherever
    the text writes them ("COO Danantara Dony Oskaria"), not as a part of a person's name."""
    found = set()
    for match in _BRACKETED_WORD.finditer(text):
        before = text[max(0, match.start() - 120):match.start()].split()
        words = list(takewhile(lambda word: word[:1].isupper(), reversed(before)))[::-1]  # the capitalised run
        if not words or words[0].casefold() not in gz.ORG_WORDS:
            continue
        if kind_of(words[-1]) == "unk" and _CAPITAL_NEXT.match(text, match.end()):
            continue  # a nickname inside a name after the organisation: "… Indonesia Rolliansyah (Roy) Soemirat"
        found.add(match[1])
    return frozenset(found)


_WHERE = frozenset({"di", "ke", "dari"})  # before a place where something happens


def after_a_facility(toks: Sequence[Tok], lo: int) -> bool:
    """The run follows, after a comma, a place where something happens: "di", "ke" or "dari", then the name of
    a facility or a place opening with its head word ("di Sirkuit Misano World Marco Simoncelli, Misano
    Adriatico"); not someone's affiliation ("pakar hukum Universitas Trisakti, Abdul Fickar Hadjar")."""
    if lo == 0 or not toks[lo].comma:
        return False
    k = lo - 1
    while k > 0 and toks[k].joined and capish(toks[k - 1]):
        k -= 1
    head = toks[k].text.casefold().rstrip(".")
    return (capish(toks[k]) and (head in gz.FACILITIES or head in gz.PLACE_NOUNS) and k > 0 and toks[k].joined
            and toks[k - 1].text.casefold() in _WHERE)


def names_a_facility(toks: Sequence[Tok], k: int) -> bool:
    """The word at token *k*, a word of the language right after a facility's head word, is part of the
    facility's name ("Gedung Putih", "Masjid Agung"), unless it is a given name ("Gedung Putri …" is not)."""
    return (k > 0 and toks[k].joined and toks[k - 1].text.casefold() in gz.FACILITIES
            and toks[k].text.casefold() not in lx.GIVEN_NAMES)


def after_facility_head(toks: Sequence[Tok], k: int) -> bool:
    """Token *k* follows a facility's head word, maybe through its qualifiers ("Bandara Internasional")."""
    while k > 0 and toks[k].joined:
        word = toks[k - 1].text.casefold().rstrip(".")
        if word in gz.FACILITIES:
            return True
        if word not in gz.FACILITY_QUALIFIERS:
            return False
        k -= 1
    return False


def names_a_thing(toks: Sequence[Tok], k: int) -> bool:
    """The title at token *k* follows an organisation's head word or a company's (PT, CV) in the same run, or
    a facility's through other titles, so it is part of a name: "Stadion Kapten I Wayan Dipta", "Ketua
    Majelis Hakim", "PT Duta Visual Nusantara", "Bandara Raja Haji Fisabilillah"."""
    prev = toks[k - 1] if k > 0 and toks[k].joined else None
    if prev is not None and (prev.kind == "org" or prev.text.casefold() in gz.ORG_WORDS):
        return True
    while prev is not None and prev.kind == "title":  # titles after a place named after someone
        k -= 1
        prev = toks[k - 1] if k > 0 and toks[k].joined else None
    return prev is not None and k > 0 and prev.text.casefold() in gz.FACILITIES - {"makam"}  # a grave: its person


def title_in_run_ending(toks: Sequence[Tok], k: int) -> bool:
    """Whether the joined, capitalised run of words ending at token *k* holds a title (not one that names a
    place after someone: "Stadion Kapten I Wayan Dipta")."""
    while k >= 0 and capish(toks[k]):
        if toks[k].kind == "title" and not names_a_thing(toks, k):
            return True
        if not toks[k].joined:
            break
        k -= 1
    return False


def opens_clause(toks: Sequence[Tok], lo: int) -> bool:
    """The token starts a sentence or a clause: after a comma or a conjunction ("bahwa", "sejak")."""
    tok = toks[lo]
    if tok.sent_start or tok.comma:
        return True
    prev = toks[lo - 1]
    return tok.joined and prev.kind in ("lower", "stop", "cue") and prev.text.casefold() in lx.CLAUSE_OPENERS


# -- after the run (token hi is the first one past it) ----------------------------------------


def org_follows(toks: Sequence[Tok], text: str, hi: int) -> bool:
    """After the run: ", Name" or "(ACRONYM)", so the run's last word named an organisation."""
    if hi >= len(toks):
        return False
    if toks[hi].comma and capish(toks[hi]) and toks[hi].kind not in ("time", "place"):
        return True
    gap = text[toks[hi - 1].end : toks[hi].start]
    return gap.strip() == "(" and toks[hi].kind == "acr"


def address_follows(toks: Sequence[Tok], text: str, hi: int) -> bool:
    """After the run: ", Kelurahan Argasunya", ", Kec Duren Sawit", " (OKI), Sumatera Selatan", ", Jakarta Timur,
    Indonesia": the run names a place in an address, the larger place after it. A single place alone
    after a name is where someone comes from: "Siti Aminah, Surabaya, dan Rudi Hartono, Malang"."""
    if hi + 1 < len(toks) and toks[hi].kind == "acr" and text[toks[hi - 1].end : toks[hi].start].strip() == "(":
        if text[toks[hi].end : toks[hi + 1].start].strip() != "),":
            return False
        hi += 1  # its acronym in brackets, then the comma
    elif hi >= len(toks) or not toks[hi].comma:
        return False
    word = toks[hi].text.casefold().rstrip(".")
    if word in gz.PLACE_NOUNS or word in gz.PLACE_ABBREVIATIONS:
        return True
    if toks[hi].kind != "place" or hi + 1 >= len(toks):
        return False
    # a place of two words, or a place and another after a comma: not one word opening a name ("Selain
    # Gilang Dirga, Jakarta Festival ...") nor someone's home town
    nxt = toks[hi + 1]
    return nxt.kind == "place" and (nxt.joined or nxt.comma)


def person_apposition(toks: Sequence[Tok], hi: int) -> bool:
    """After the run: ", yang ...", ", seorang ...", ", wakil presiden ..." or ", <another name>"."""
    if hi >= len(toks) or not toks[hi].comma:
        return False
    nxt = toks[hi]
    key = nxt.text.casefold()
    if nxt.kind == "lower":
        return key in ("yang", "seorang") or key in lx.TITLES
    return nxt.kind == "unk" and hi + 1 < len(toks) and toks[hi + 1].joined and toks[hi + 1].kind == "unk"


def verb_follows(toks: Sequence[Tok], hi: int) -> bool:
    """After the run: an auxiliary ("akan", "sudah") or a prefixed verb ("mengatakan", "diduga")."""
    if hi >= len(toks) or not toks[hi].joined or toks[hi].kind != "lower":
        return False
    word = toks[hi].text.casefold()
    return word in lx.AUXILIARIES or (len(word) > 5 and VERB_PREFIX.match(word) is not None)
