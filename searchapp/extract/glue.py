"""Words glued together where a crawl dropped the space around a link: `Donald Trumpmengatakan`,
`PSSIErick Thohir`, `selebritasAl Ghazali`, `AlyssaParamitha Daguise`, `Al Ghazalidan Alyssa`.

Read for people only (the text shown and indexed is left as written): a glued name is otherwise a new,
wrong name (`Anungmengatakan`) and the person it hides is missed. Each split needs evidence, so a name
that merely looks glued (`McDonald`, `Ramadan`, `Nasution`) stays whole:

* an outlet's dateline then the first word (`KOMPAS.com-Trent`): always apart;
* capitals then a capitalised word (`PSSIErick`, `TNIJenderal`): an acronym or a shouted kicker before
  a name, always two words;
* a lower-case word of 3+ letters then a capitalised word (`selebritasAl`): always two words;
* capitalised words run together (`AlyssaParamitha`, `GhazalidanAlyssa`): split when one of them stands
  alone elsewhere in the text, or when both are name-like words of 4+ letters after another name-like
  word (`Pramono AnungWibowo`; not `CEO CryptoQuant`);
* a capitalised word running into a lower-case word (`Trumpmengatakan`, `Ghazalidan`): split when the
  head stands alone elsewhere in the text as a capitalised word and the tail is a function word or a
  prefixed verb (or a root of 4+ letters after a 5+ letter head: `Hargaemas`), or without that evidence
  when both are long enough (`_follows_names`);
* an acronym running into a function word or a prefixed verb (`PLNkini`), or into a word of the language
  when the acronym stands alone elsewhere in the text (`Fariz RMempat` beside `Fariz RM`), or into a
  name (`PSSIErick`), not when a word of the language
  follows the capitals' last letter (`PLNsebesar`, `DUApemain`, `TNIdaripolitik`: the letter is the
  acronym's);
* a link's text, glued to the word before it (`BaratDedi Mulyadilangsung`), was glued to the word after it
  too: its first word that is a name-like head (5+ letters) running into a function word or a prefixed
  verb is cut there, with no other evidence (`Mulyadi langsung`, `Pengestu ini`; not `Pellegrini`,
  `Pasaribu`);
* a name the text also writes in full, running into a function word or an affixed word (`Maverick
  Vinalestak` where `Maverick Vinales` stands elsewhere): the whole name is the evidence, so the word may
  be short (`ke`); not a bare root, which names end in (`Permatasari` beside `Indah Permata`).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from searchapp.extract import gazetteer as gz
from searchapp.extract import lexicon as lx
from searchapp.extract.tokens import VERB_PREFIX, kind_of

_DATELINE_DASH = re.compile(r"(\.(?i:com|co\.id|id|net|tv))([-–—])(?=[A-Z])")  # an outlet's dateline
_ENCLITIC = re.compile(r"(?<=\b[A-Z][a-z]{2})([a-z]*)-(lah|pun|kah)\b")  # "Kanye West-lah", "Jokowi-pun"
_CAPS_THEN_WORD = re.compile(r"\b([A-Z]{2,})([a-z]{3,})(?![a-z])")  # a link's name may follow: `IBUkandungMarc`
_CAPITALS_ALONE = re.compile(r"(?<![\w-])[A-Z]{2,}(?![\w-])")  # "RM" in "Fariz RM menjawab"
_CAPS_THEN_NAME = re.compile(r"\b([A-Z]{2,})([A-Z][a-z]{2,})")
# a text's first word in capitals, then a capitalised word: `MARC Marquez` (not a dateline: `JAKARTA -`)
# how a spoken word opens, as an acronym seldom does (`PDI`, `BPJS`, `DKI`: no vowel or cluster a name opens with)
_SPOKEN_OPENING = re.compile(r"[AEIOUY]|[BCDFGKPST][HLRW]|[B-DF-HJ-NP-TV-Z][AEIOUY]")
_OPENING_CAPITALS = re.compile(r"[^A-Za-z]*(?P<word>[A-Z]{3,})[ \t\xa0]+(?P<next>[A-Z][a-z]+)\b")
_CAMEL_WORD = re.compile(r"\b[A-Za-z]*[a-z][A-Z][A-Za-z]*\b")
_CAMEL_CUT = re.compile(r"(?<=[a-z])(?=[A-Z])")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
_CAPITALISED_BEFORE = re.compile(r"([A-Z][a-z]+)[ \t\xa0]+$")  # a capitalised word, then the word at hand
_NAME_PAIR = re.compile(r"\b(?=([A-Z][a-z]+) ([A-Z][a-z]+)\b)")  # overlapping: every two capitalised words
_LOWER_THEN_UPPER = re.compile(r"[a-z][A-Z]")  # what every camel-case word holds: most texts hold none
# a link's text glued to the word before it: capitalised words after a lower-case letter ("BaratDedi Mulyadi")
_LINK_TEXT = re.compile(r"(?<=[a-z])[A-Z][a-z]+(?:[ \t\xa0][A-Z][a-z]+){0,3}")
_NAME_PREFIXES = ("Mc", "Mac", "De", "Di", "La", "Le", "Van", "Von")
MIN_HEAD = 3  # letters of a name glued to the next word
MIN_TAIL = 3  # letters of the word glued after it ("dan", "yang", "mengatakan")
_VOWELS = frozenset("aeiou")  # before "ini" in "Pengestuini"; Italian names end in -ini after a consonant
MIN_LINK_HEAD = 5  # letters of a name a link's text ends with ("Messimemetik"; not "Pasaribu")
MIN_NAME_PART = 4  # letters of each of two names run together ("AnungWibowo"; not "YouTube", "TikTok")


def unglue(text: str) -> str:
    """*text* with the spaces a crawl dropped between a name and its neighbours put back."""
    text = _DATELINE_DASH.sub(r"\1 \2 ", text)  # "KOMPAS.com-Trent Alexander-Arnold"
    if "-lah" in text or "-pun" in text or "-kah" in text:  # (a substring test is far faster than the pattern)
        text = _ENCLITIC.sub(r"\1 \2", text)  # the particle a writer hyphenated to a name is no part of it
    if _CAPS_THEN_WORD.search(text):
        capitals = set(_CAPITALS_ALONE.findall(text))
        text = _CAPS_THEN_WORD.sub(lambda m: _caps_then_word(m, capitals), text)  # "PLNkini", "Fariz RMempat"
    text = _CAPS_THEN_NAME.sub(_caps_then_name, text)
    text = _shouted_opening(text)
    alone = set(_CAPITALISED.findall(text))
    if _LOWER_THEN_UPPER.search(text):
        text = _LINK_TEXT.sub(_link_end, text)
        camels_apart = _CAMEL_WORD.sub(lambda m: _camel(m.group(), alone, _after_name_word(text, m.start())), text)
        if camels_apart != text:
            text = camels_apart
            alone = set(_CAPITALISED.findall(text))
    # a capitalised word is cut by the same rule wherever it stands: decided once for each distinct word; one
    # the text writes twice or more is a name (a crawl drops the spaces around a link, not around every
    # mention: `Aubameyang`, `Pyongyang` are no `Aubame yang`), cut only with the text's evidence
    written = Counter(_CAPITALISED.findall(text))
    cut = {word: apart for word in written if (apart := _name_then_word(word, alone, written[word] > 1)) != word}
    if cut:
        text = _CAPITALISED.sub(lambda m: cut.get(m.group(), m.group()), text)
    return _after_full_name(text)


def _after_full_name(text: str) -> str:
    """``Maverick Vinalestak`` → ``Maverick Vinales tak`` when ``Maverick Vinales`` is written elsewhere in
    the text and ``tak`` is a function word (2+ letters) or an affixed word (``mengatakan``)."""
    found = [(m.start(2), m[1], m[2]) for m in _NAME_PAIR.finditer(text)]
    pairs = {(first, second) for _start, first, second in found}
    for start, first, second in reversed(found):  # from the end: earlier positions stay valid
        if second.casefold() in lx.common_roots():
            continue
        cut = next((cut for cut in range(len(second) - 2, MIN_HEAD - 1, -1)
                    if (first, second[:cut]) in pairs and _follows_a_name(second[cut:])), None)
        if cut is not None:
            text = f"{text[:start + cut]} {text[start + cut:]}"
    return text


def _caps_then_word(match: re.Match, capitals: set[str]) -> str:
    """``PLNkini`` → ``PLN kini``: capitals, then a function word or a prefixed verb; or then a word of the
    language (4+ letters) when the capitals stand alone elsewhere in the text, among *capitals*
    (``Fariz RMempat`` beside ``Fariz RM``: ``RM empat``), or are a word of the language themselves, a lead's
    first word shouted (``ADIKtiri Valentino Rossi``, ``PENAMPILANelegan``: ``ADIK tiri``)."""
    acronym, word = match[1], match[2]
    if _is_word(word) or (len(word) >= 4 and word in lx.common_roots() and (
            acronym in capitals or _in_language(acronym.casefold()))):
        return f"{acronym} {word}"
    return match[0]


def _shouted_opening(text: str) -> str:
    """``MARC Marquez mengaku …`` → ``Marc Marquez mengaku …``: a text's first word in capitals (a lead's
    style: `MARCMarquezmengaku`, apart by now) before a capitalised word the text writes elsewhere (maybe
    glued to the next word here: `Marquezmengaku`) is a name's first word shouted, unless the text writes
    it in capitals again, it opens as an acronym does or it names a body or a place (``BPJS Ketenagakerjaan``,
    ``PDI Perjuangan``, ``DKI Jakarta``)."""
    found = _OPENING_CAPITALS.match(text)
    if found is None:
        return text
    word, following, rest = found["word"], found["next"], text[found.end():]
    key = word.casefold()
    if (key in gz.KNOWN_ORGS or key in gz.ORG_WORDS or key in gz.PLACES or key in gz.LEGAL_INSTRUMENTS
            or _in_language(key) or not _SPOKEN_OPENING.match(word) or re.search(rf"\b{word}\b", rest)
            or not any(following.startswith(other) for other in _CAPITALISED.findall(rest) if len(other) >= 3)):
        return text
    return f"{text[:found.start('word')]}{word.capitalize()}{text[found.end('word'):]}"


def _caps_then_name(match: re.Match) -> str:
    """``PSSIErick`` → ``PSSI Erick``; but ``PLNsebesar``, ``DUApemain`` stay: where a word of the language
    (5+ letters) follows the capitals' last letter, that letter is the acronym's, not a name's."""
    tail = match[2][1:]
    if len(tail) >= 5 and (_in_language(tail) or _function_word_then_word(tail)):
        return match[0]
    return f"{match[1]} {match[2]}"


def _in_language(word: str) -> bool:
    return word in lx.common_roots() or word in lx.stop_words() or lx.is_derived_word(word)


def _function_word_then_word(text: str) -> bool:
    """``daripolitik``: a function word glued to a word of the language (``TNIdaripolitik`` is ``TNI dari
    politik``, not ``TN Idaripolitik``)."""
    return any(text[:cut] in lx.GLUE_FOLLOWERS and _in_language(text[cut:])
               for cut in range(MIN_TAIL, len(text) - 3))


def _link_end(match: re.Match) -> str:
    """``BaratDedi Mulyadilangsung menemui`` → ``…Dedi Mulyadi langsung…``: a crawl that dropped the space
    before a link's text dropped the one after it too, so the first of its words that is a name-like head
    (5+ letters) running into a function word or a prefixed verb is cut there (``Messimemetik`` is ``Messi
    memetik``), with no other evidence. Not a root (``Pasaribu`` is no ``Pasa ribu``, ``Kurniawan`` no
    ``Kurni awan``), nor a head that is a word of the language (``Setiabudi``)."""
    words = match[0].split(" ")
    for k, word in enumerate(words):
        cut = _link_end_cut(word)
        if cut is not None:
            words[k] = f"{word[:cut]} {word[cut:]}"
            return " ".join(words)
    return match[0]


@lru_cache(maxsize=100_000)
def _link_end_cut(word: str) -> int | None:
    """Where the name ends in a link's last *word*: before the longest word that follows names, but not
    before a preposition glued to a function word (``Mulyadi|langsung``, not ``Mulya|dilangsung``)."""
    if len(word) < MIN_LINK_HEAD + MIN_TAIL or _one_word(word.casefold()):
        return None
    for cut in range(MIN_LINK_HEAD, len(word) - MIN_TAIL + 1):  # the longest tail first
        head, tail = word[:cut], word[cut:]
        if _in_language(head.casefold()) or head.casefold() in lx.GIVEN_NAMES or not _is_word(tail):
            continue
        if tail not in lx.GLUE_FOLLOWERS and tail[:2] in ("di", "ke", "se") and tail[2:] in lx.GLUE_FOLLOWERS:
            cut += 2  # "Mulyadi|langsung"; but "Ghazali|dipersiapkan", "Trump|kepada"
        return cut if word[cut:] != "ini" or word[cut - 1] in _VOWELS else None
    return None


def _after_name_word(text: str, start: int) -> bool:
    """The word before *start* (its last capitalised part: ``JakartaPramono``) is a name-like word."""
    before = _CAPITALISED_BEFORE.search(text, max(0, start - 40), start)
    return before is not None and kind_of(before[1]) == "unk"


def _camel(word: str, alone: set[str], in_name: bool) -> str:
    """``selebritasAl`` → ``selebritas Al``; ``AlyssaParamitha`` → ``Alyssa Paramitha`` when one of its
    parts stands alone elsewhere in the text; ``Pramono AnungWibowo`` → ``Pramono Anung Wibowo`` after
    another name word (*in_name*); ``McDonald``, ``WhatsApp``, ``KompasTV``, ``CEO CryptoQuant`` stay whole."""
    parts = _CAMEL_CUT.split(word)
    if word.startswith(_NAME_PREFIXES) and len(parts) == 2:
        return word
    if parts[0].islower() and len(parts[0]) >= MIN_HEAD or any(part in alone for part in parts):
        return " ".join(parts)
    if len(parts) == 2 and (head := _name_then_word(parts[0], alone)) != parts[0]:
        return f"{head} {parts[1]}"  # "MiamidibawaLionel": a name, a word after it, then the link's text
    if in_name and len(parts) == 2 and all(len(part) >= MIN_NAME_PART and kind_of(part) == "unk" for part in parts):
        return " ".join(parts)  # "AnungWibowo": two name words, neither a word of the language
    if len(parts) == 2 and len(parts[0]) >= MIN_NAME_PART and len(parts[1]) >= 3 and kind_of(parts[1]) == "title":
        return " ".join(parts)  # "MahkotaPangeran Mohammed bin Salman": a title opens a new phrase
    return word


def _name_then_word(word: str, alone: set[str], repeated: bool = False) -> str:
    """``Trumpmengatakan`` → ``Trump mengatakan`` when ``Trump`` stands alone elsewhere in the text; without
    that evidence only a word written once (not *repeated*), and no place's name (``Pyongyang``)."""
    if len(word) < MIN_HEAD + MIN_TAIL:
        return word
    cuts = range(len(word) - MIN_TAIL, MIN_HEAD - 1, -1)
    found = next((cut for cut in cuts if word[:cut] in alone and _is_word(word[cut:])), None)  # longest head
    if found is None and not repeated and word.casefold() not in gz.PLACES:
        found = _cut_whatever_the_text(word)
    if found is None:
        found = next((cut for cut in cuts if word[:cut] in alone and _two_words(word[:cut], word[cut:])), None)
    if found is None or _one_word(word.casefold()):
        return word  # "Ramadan", "Kesejahteraan" (not "Kesejah teraan")
    return f"{word[:found]} {word[found:]}"


@lru_cache(maxsize=100_000)
def _cut_whatever_the_text(word: str) -> int | None:
    """A cut that needs no evidence from the text: before a word that follows names (longest tail), else
    after an affixed head (longest head). Read once a process for each word, as are the checks below."""
    cuts = range(len(word) - MIN_TAIL, MIN_HEAD - 1, -1)
    found = next((cut for cut in reversed(cuts) if _follows_names(word[cut:], cut)
                  and (word[cut:] != "yang" or _known_head(word[:cut]))), None)
    if found is None:
        found = next((cut for cut in cuts if _affixed_head(word[:cut], word[cut:])), None)
    return found


def _known_head(head: str) -> bool:
    """A given name or a place's name: what may run into `yang` with no other evidence (`Dianayang`,
    `Indonesiayang`); `yang` ends words and names as a syllable (`sayang`, `Aubameyang`, `Bengkayang`)."""
    key = head.casefold()
    return key in lx.GIVEN_NAMES or key in gz.PLACES


@lru_cache(maxsize=100_000)
def _one_word(whole: str) -> bool:
    return _is_word(whole) or whole in lx.common_roots() or lx.is_derived_word(whole)


def _affixed_head(head: str, tail: str) -> bool:
    """A noun the language makes with pe-…-an or ke-…-an (7+ letters: `Penampilan`, `Kesejahteraan`)
    running into another word (4+ letters): `Penampilanstunning`. A name does not open with one; Javanese
    names join roots and other affixed words (`Prawiranegara`, `Perdanakusuma`, `Diposanjoyo`), which
    stay whole."""
    return (len(head) >= 7 and len(tail) >= 4 and head.startswith(("Pe", "Ke")) and head.endswith("an")
            and lx.is_derived_word(head.casefold()))


def _two_words(head: str, tail: str) -> bool:
    """``Thohirkirim``, ``Hargaemas``: a word (5+ letters, standing alone elsewhere in the text) running
    into a word of the language, of 5+ letters (names end in shorter ones: ``Meldianti``) or 4+ after a
    word of the language (``Harga``); neither a given name nor a word names end in (``Permatasari``,
    ``Prawiranegara`` stay whole)."""
    if len(head) < 5 or tail not in lx.common_roots():
        return False
    if tail in lx.GIVEN_NAMES or tail in lx.NAME_ENDINGS:
        return False  # "Prawiranegara" beside "Prawira": a name ending in a word
    key = head.casefold()
    return key not in lx.GIVEN_NAMES and (len(tail) >= 5 or (len(tail) >= 4 and key in lx.common_roots()))


def _follows_a_name(word: str) -> bool:
    return word in lx.stop_words() or lx.is_derived_word(word)


def _follows_names(tail: str, head: int) -> bool:
    """A word that follows a name so often that no other evidence is needed: a function word of 4+
    letters (`sebagai`, `adalah`) or a prefixed verb (`mengatakan`, `menegaskan`), after a 5+ letter
    head (`Krakatau` is not `Krak atau`), or `dan`, `itu` after a head of 8+ letters (`Nahumarurydan`;
    names end in them after shorter heads, `Ramadan`, and in `ini` after long ones, `Lamborghini`). Not a
    root noun: Javanese names end in words (`Prawiranegara`, `Setiabudi`)."""
    return (head >= 5 and len(tail) >= 4 and _is_word(tail)) or (head >= 8 and tail in ("dan", "itu"))


@lru_cache(maxsize=100_000)
def _is_word(word: str) -> bool:
    """A word that often follows a name in running text: a function word or a prefixed verb."""
    if word in lx.GLUE_FOLLOWERS:
        return True
    if len(word) < 6 or VERB_PREFIX.match(word) is None or not lx.is_derived_word(word):
        return False
    return not word.startswith("di") or lx.root_follows_di(word)
