"""Words of a text with their offsets, their coarse kind (title, organisation, place, plain word,
name-like...) and what separates them from the previous word."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from searchapp.extract import gazetteer as gz
from searchapp.extract import lexicon as lx
from searchapp.extract.byline import byline_spans
from searchapp.extract.registry import WORD

_SENTENCE_BREAK = re.compile(r"[.!?](?=[\s\"”’')\]]|$)|[\n:;]")
_PLAIN_GAP = re.compile(r"[ \t\xa0]+")
_COMMA_GAP = re.compile(r"[ \t\xa0]*,[ \t\xa0]*")
_DOMAIN_AFTER = re.compile(r"\.(?:com|co|id|net|org|tv|info|news)\b", re.IGNORECASE)
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|as|ar|an|at|az|asy|ash)-[A-Z]")
_CAMEL = re.compile(r"[a-z][A-Z]")
_ENGLISH_SUFFIX = re.compile(r"(?:(?:tion|sion|ment|ness|ance|ence|ship)s?|ity|ics|ive|graphy|ology|ware)$")
ROMAN = re.compile(r"^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})\.?$")  # I to XXXIX
# the numerals that go on a name ("Hamengku Buwono X"); beyond X one numbers a unit or an event more often
# than a monarch ("Kasdam XVII", "Peparnas XVI")
_REGNAL = re.compile(r"^(?:I{1,3}|IV|V|VI{0,3}|IX|X{1,3})\.?$")
VERB_PREFIX = re.compile(r"^(?:meng|meny|mem|men|me|ber|be|di|ter|per)[a-z]")
_CAMEL_NAME = re.compile(r"^(?:Mc|Mac|De|Di|La|Le|El|Van|Von|O['’])[A-Z]")
_BOILERPLATE = re.compile(
    r"^[ \t]*(?:" + "|".join(lx.BOILERPLATE) + r")[^\n]*",
    re.IGNORECASE | re.MULTILINE,
)
# a full stop after these abbreviates them, it ends no sentence ("Jl. Jenderal Sudirman", "Kab. Bogor")
_ABBREVIATIONS = lx.TITLES | lx.NAME_ABBREVIATIONS | frozenset({"st", "jr", "sr", "kol", "h", "jl", "jln", "gg", "kec",
                                                                "kel", "kab", "prov"})
# what opens an organisation's name: a company's (PT, CV, UD, Tbk), a board's or a badminton club's (PB:
# Pengurus Besar, Persatuan Bulutangkis), a football club's (PS: Persatuan Sepakbola)
CLUB_MARKERS = frozenset({"pb", "ps"})
# words that open a club's name as "PB" does ("Deportivo La Coruna", "Borussia Dortmund")
_CLUB_OPENERS = frozenset({"deportivo", "sporting", "atletico", "olympique", "borussia", "dynamo", "dinamo"})
ORGANISATION_MARKERS = frozenset({"pt", "cv", "ud", "tbk"}) | CLUB_MARKERS | _CLUB_OPENERS
# currencies written before an amount ("Rp 600 juta", "US$ 5 juta"): they end a name, never extend it
_CURRENCIES = frozenset({"rp", "idr", "usd", "sgd", "myr", "eur", "jpy", "cny", "aud"})


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str
    kind: str
    joined: bool  # only spaces between this token and the previous one
    comma: bool  # a comma (and spaces) between this token and the previous one
    sent_start: bool
    headline: bool  # in a line written in title case (a headline), where capitals say nothing


@lru_cache(maxsize=200_000)
def kind_of(word: str) -> str:
    """Coarse class of a word: init acr title org place time money cue stop eng root derived unk lower."""
    key = word.casefold().rstrip(".")
    if key in lx.PARTICLES:
        return "particle"  # "bin", "van", "De": inside a name only
    if not word[0].isupper():
        return "unk" if _ARABIC_ARTICLE.match(word) else "lower"
    if "-" in key and not _ARABIC_ARTICLE.match(word):
        return _compound_kind(word.rstrip("."))
    letters = key.replace("'", "").replace("’", "")
    if key == "h":
        return "title"  # "H." is Haji
    if len(letters) == 1 or _REGNAL.match(word):
        return "init"  # "M.", "I", and "II", "X" after a name
    if key in lx.COMPANIONS:
        return "lower"  # "Agus Rahardjo Cs": his people with him, no part of the name
    if key in lx.DEGREES and sum(c.isupper() for c in word) >= 2:
        return "lower"  # "Budi Santoso SIK", "STrK": a degree (not "Lee Jung Sik", "Shi Yuqi": names' syllables)
    if key in lx.TIME_WORDS:
        return "time"
    if key in _CURRENCIES:
        return "money"
    if key in ORGANISATION_MARKERS:
        return "org"  # "PT Duta Visual Nusantara", "PB Djarum": what follows is a company's or a club's name
    if word == "KA":
        return "org"  # kereta api: a train's name follows ("KA Argo Bromo", "KA Jayabaya")
    if word == "PM":
        return "title"  # a prime minister ("PM Lawrence Wong"), as "pm" (unlike "CEO", "GM": often a firm's)
    if is_legal(word):
        return "org"  # a law or a regulation: "UU Ormas", "Permenhub Nomor 108" (not "Uu Ruzhanul Ulum")
    if word.rstrip(".").isupper():
        return "org" if key in gz.FACILITIES else "acr"  # "RS Cipto Mangunkusumo", "SMA Negeri 8": a place
    if key in lx.TITLES or key.startswith(("menko", "menteri")):
        return "title"
    if key.startswith("wamen") and not key.startswith("wamena"):
        return "title"  # a deputy minister ("Wamenkeu", "Wamen"), not the town of Wamena
    if len(key) >= 7 and key.endswith("olog"):
        return "title"  # a scholar of a field in -logi ("Epidemiolog", "Kriminolog"): an occupation
    if key in lx.PRONOUNS:
        return "pron"
    if key in gz.KNOWN_ORGS or key in gz.ORG_WORDS or key in gz.PORTFOLIOS or key.startswith("kemen"):
        return "org"
    if _CAMEL.search(word) and not _CAMEL_NAME.match(word):
        return "org"  # KompasTV, CakapCakap, DailySocial
    if key in gz.PLACES:
        return "place"
    if key in lx.LEFT_CUES:
        return "cue"
    if key in lx.GIVEN_NAMES:
        return "unk"
    if key.endswith("nya") and len(key) >= 7:
        return "derived"  # "Keppresnya", "Pernyataannya": a possessive, not a name
    if key.startswith("ketidak") and key.endswith("an"):
        return "derived"  # "Ketidakhadiran", "Ketidakpastian": ke-…-an around a negated word (Sastrawi has no root)
    if key in lx.stop_words():
        return "stop"
    if key in lx.ENGLISH or key in lx.RELIGIOUS_TERMS or _ENGLISH_SUFFIX.search(key):
        return "eng"
    if key in lx.common_roots():
        return "root"
    if len(key) >= 6 and lx.is_derived_word(key):
        return "derived"
    return "unk"


def _compound_kind(word: str) -> str:
    """Kind of a hyphenated word: "Rusia-Ukraina" is a place, "Undang-undang" a word, "Jokowi-JK" a name."""
    parts = [p for p in word.split("-") if p]
    if not parts:
        return "derived"
    if any(not p[0].isupper() for p in parts):
        first, rest = parts[0].casefold(), [p.casefold() for p in parts[1:]]
        if all(len(p) <= 4 and p not in first and first not in p for p in rest) and not all(
            p in lx.common_roots() for p in [first, *rest]
        ):
            return "unk"  # "Ki-moon", "Jong-un": a hyphenated given name (not "Asal-usul": two words)
        return "derived"  # "Undang-undang", "Ketidakhati-hatian", "Gado-gado": an ordinary word
    kinds = {kind_of(p) for p in parts}
    for k in ("time", "acr", "place", "org", "title", "eng", "stop", "cue", "root", "derived"):
        if k in kinds:
            return k
    return "unk"


def mask(text: str) -> str:
    """``text`` with byline and boilerplate lines blanked out (offsets kept)."""
    spans = byline_spans(text) + [m.span() for m in _BOILERPLATE.finditer(text)]
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def _headline_lines(text: str) -> list[tuple[int, int]]:
    """Lines of 4+ words, most of them capitalised, not ending in a full stop (headlines, related titles);
    not the lines of a list of people with their offices ("Sinthya Roesly – Direktur Keuangan")."""
    out = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.rstrip()
        if (stripped and not stripped.endswith((".", '."', ".”")) and stripped.count(" ") >= 3
                and not _person_then_office(stripped)):
            words = WORD.findall(line)
            if len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words):
                out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


_NAME_DASH_WORD = re.compile(r"^\W*[A-Z][\w'’.]*(?:[ \t\xa0]+[A-Z][\w'’.]*){0,5}[ \t\xa0]+[–—-][ \t\xa0]+(\w+)")


def _person_then_office(line: str) -> bool:
    match = _NAME_DASH_WORD.match(line)
    return match is not None and match[1].casefold() in lx.TITLES


def tokenize(text: str) -> list[Tok]:
    """The words of *text*, each with its kind and what separates it from the previous one (run for every
    article: names bound locally, headline lines walked alongside the words instead of searched)."""
    toks: list[Tok] = []
    append, kind_of_word, gap_class, domain_after = toks.append, kind_of, _gap_class, _DOMAIN_AFTER.match
    headlines = _headline_lines(text)
    line = 0  # the first headline line that does not end before the current word
    lines = len(headlines)
    prev_end = -1  # none yet: the first word starts a sentence
    n = len(text)
    for m in WORD.finditer(text):
        start, end = m.span()
        word = m.group()
        after = text[end] if end < n else ""
        if after == "." and ((len(word) == 1 and word.isupper()) or word.casefold() in _ABBREVIATIONS):
            end += 1  # "Dr.", "H.", an initial: "M. Nuh"
            word += "."
            after = text[end] if end < n else ""
        kind = kind_of_word(word)
        if after == "." and kind != "lower" and domain_after(text, end):
            kind = "org"  # CNNIndonesia.com, Kompas.com
        elif after == "$" and word.isupper():
            kind = "money"  # US$, S$
        elif kind == "init" and start and text[start - 1].isdigit():
            kind = "lower"  # a letter of a code, not an initial: "KC-46A Pegasus", "RX-7A"
        if prev_end < 0:
            joined, comma, sent_start = False, False, True
        elif start == prev_end + 1 and text[prev_end] == " ":
            joined, comma, sent_start = True, False, False  # most words: one space after the last
        elif start == prev_end and len(word.rstrip(".")) == 1 and word.isupper() and text[prev_end - 1] == ".":
            joined, comma, sent_start = True, False, False  # initials run together: "D.W." (not "M.Hum", "J.Crew")
        else:
            joined, comma, sent_start = gap_class(text[prev_end:start])
        headline = False
        if line < lines:
            while line < lines and headlines[line][1] <= start:
                line += 1
            headline = line < lines and headlines[line][0] <= start
        append(Tok(start, end, word, kind, joined, comma, sent_start, headline))
        prev_end = end
    return toks


@lru_cache(maxsize=4096)
def _gap_class(gap: str) -> tuple[bool, bool, bool]:
    """(only spaces, a comma and spaces, a sentence break or opening quote) for the text between two words
    (other than the one space the tokenizer reads itself)."""
    return (
        _PLAIN_GAP.fullmatch(gap) is not None,
        _COMMA_GAP.fullmatch(gap) is not None,
        _SENTENCE_BREAK.search(gap) is not None or _opens_quote(gap),
    )


def _opens_quote(gap: str) -> bool:
    gap = gap.rstrip()
    return gap.endswith(("“", "‘")) or (gap.endswith(('"', "'")) and (len(gap) == 1 or gap[-2] in " \t\n("))


def is_legal(word: str) -> bool:
    """Whether *word* names a law or a regulation (`gz.LEGAL_INSTRUMENTS`, "Permendagri", "Kepmenkes")."""
    key = word.casefold().rstrip(".")
    return (key in gz.LEGAL_INSTRUMENTS and (len(key) > 3 or word.isupper())) or key.startswith(("permen", "kepmen"))


def east_asian_given_name(toks: Sequence[Tok], k: int) -> bool:
    """Whether the word at *k* is a given name of two syllables a hyphen joins after a Korean or Chinese
    surname, whatever words they spell: "Moon Jae-in", "Ban Ki-Moon", "Kim Hyun-Tak", "Park Hang-seo"."""
    syllables = toks[k].text.casefold().split("-")
    surname = toks[k - 1].text.casefold() if k > 0 else ""
    if surname not in lx.EAST_ASIAN_SURNAMES or len(syllables) != 2:
        return False
    first, second = syllables  # not places: "Hong Kong-China", "Hong Kong-Makau"
    return (all(1 <= len(part) <= 5 and part.isalpha() for part in syllables) and second not in ("nya", "lah")
            and second not in gz.PLACES and not (surname in gz.PLACES and first in gz.PLACES))


def is_initials(word: str) -> bool:
    key = word.casefold()
    return len(word) == 2 and key not in gz.KNOWN_ORGS and key not in gz.PLACES


def capish(tok: Tok) -> bool:
    return tok.kind not in ("lower", "time", "money") and (tok.text[0].isupper() or tok.kind == "unk")


def roman_numeral(tok: Tok) -> bool:
    """A Roman numeral that numbers an office or a body ("Komisi III", "Komisi XI", "Komisi V"): two letters or
    more, or a V or an X without a full stop; "I" opens Balinese names ("I Wayan") and "V." is an initial."""
    letters = tok.text.rstrip(".")
    return ROMAN.match(tok.text) is not None and (len(letters) >= 2 or tok.text in ("V", "X"))


def numeral_at(toks: Sequence[Tok], k: int) -> bool:
    """The token at *k* is a Roman numeral that numbers an office, a body or a class: as `roman_numeral`, or
    an "I" that opens no Balinese name ("PT Angkasa Pura I Faik Fahmi", "Kelas I"; not "I Wayan Koster",
    "I G.N. Rai")."""
    if toks[k].text != "I":
        return roman_numeral(toks[k])
    after = toks[k + 1] if k + 1 < len(toks) else None
    return after is None or not (after.text.casefold().rstrip(".") in lx.BALINESE_NAME_WORDS
                                 or after.kind in ("init", "init2"))
