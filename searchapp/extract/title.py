"""A title for an article that has none: the headline its URL spells (`/berita/sy23of475/erick-thohir-fifa-
tetapkan-jakarta-…`), else its lead sentence without dateline or outlet prefix."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

from searchapp.extract.byline import BYLINE_LINE
from searchapp.extract.dates import MONTHS, WEEKDAYS

MAX_TITLE = 100
# "BRUSSELS, KOMPAS.TV —", "BRUSSELS --", "CakapCakap –", "Jakarta, CNN Indonesia --",
# "Jakarta (ANTARA News) -", "JAKARTA (Pos Kota) –", "Merdeka.com -": at most six capitalised words
# (or a parenthesised name) before a dash, at the very start; see _is_dateline for which ones count.
_DATELINE = re.compile(  # spaces may be no-break ones ("REPUBLIKA.CO.ID,\xa0JAKARTA --")
    r"^[ \t\xa0]*(?:[A-Z][\w.'’]*|\([A-Z][\w.'’ ]*\))(?:[ \t\xa0,]+(?:[A-Z][\w.'’]*|\([A-Z][\w.'’ ]*\))){0,5}"
    r"[ \t\xa0]*(?:--|-[ \t\xa0]+-|[-–—])[ \t\xa0]*"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?(?=\s+[\"“‘']?[A-Z0-9])")
# A URL's headline: a path segment of words joined by hyphens, at least three of them words of letters (not
# an id, `sy23of475`, nor a date); a page's extension left out.
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+){2,}")
_EXTENSION = re.compile(r"\.(?:html?|php|aspx?)$")
MIN_SLUG_WORDS = 3


def title_from_url(url: str | None, text: str) -> str | None:
    """The headline the article's URL spells, each word written as the text writes it most often (`erick
    thohir fifa` → `Erick Thohir FIFA`), the first capitalised; None for a URL that spells none."""
    try:
        segments = [part for part in urlsplit(url or "").path.split("/") if part]
    except ValueError:  # not a URL (`http://[::1`)
        return None
    segment = _EXTENSION.sub("", segments[-1].lower()) if segments else ""  # the article's, not its section's
    words = segment.split("-")
    while words and not words[-1].isalpha():  # an id after the headline (`…-pelaku-123456`)
        words.pop()
    if not _SLUG.fullmatch(segment) or sum(word.isalpha() for word in words) < MIN_SLUG_WORDS:
        return None
    written = _written_forms(text)
    title = " ".join(written.get(word, word) for word in words)
    return shorten(title[:1].upper() + title[1:])


def _written_forms(text: str) -> dict[str, str]:
    """Each word of *text*, lower case → the form the text writes it in most often (`FIFA`, `Jakarta`); of
    forms as frequent, a capitalised one (a dateline's `JAKARTA` beside `Jakarta` is `Jakarta`)."""
    forms: dict[str, Counter[str]] = {}
    for word in re.findall(r"[^\W_]+", text):
        forms.setdefault(word.lower(), Counter())[word] += 1
    return {key: max(counts, key=lambda form: (counts[form], form.istitle(), form.isupper()))
            for key, counts in forms.items()}


def extract_title(text: str) -> str:
    """The article's lead sentence without dateline, cut at a word boundary near 100 characters."""
    body = BYLINE_LINE.sub("", text)
    lead = next((line.strip() for line in body.splitlines() if line.strip()), "")
    m = _DATELINE.match(lead)
    if m is not None and _is_dateline(m.group(0)) and not _inside_a_word(m.group(0)):
        lead = lead[m.end() :].strip()
    end = _SENTENCE_END.search(lead)
    if end is not None:
        lead = lead[: end.start()]
    return shorten(lead)


def _is_dateline(prefix: str) -> bool:
    """One word, or a place with a comma or a parenthesised outlet, or an upper-case place name."""
    words = prefix.rstrip(" \t-–—").split()
    first = words[0].strip(",") if words else ""
    return len(words) == 1 or "," in prefix or "(" in prefix or (len(first) >= 3 and first.isupper())


def _inside_a_word(prefix: str) -> bool:
    """The prefix ends at a hyphen inside a word (``Baru-baru ini``, ``KRI Nanggala-402``, ``Larang
    Ogoh-ogoh``), not at a dateline a crawl glued to the lead (``Liputan6.com, Jakarta-Indonesia …``,
    ``TEMPO.CO,Jakarta-Ginjal``, ``LOS ANGELES-Katy``: a place in capitals, or with an outlet's address or a
    comma, in a word or two)."""
    dash = prefix.rstrip(" \t\xa0")
    if not dash.endswith("-") or dash.endswith("--") or dash[-2:-1].isspace() or len(prefix) > len(dash):
        return False
    head = dash[:-1]
    return not (len(head.split()) <= 2 and ("," in head or re.search(r"\.[A-Za-z]", head) or head.isupper()))


def shorten(text: str, limit: int = MAX_TITLE) -> str:
    """``text`` cut at the last word boundary before ``limit`` characters, with ``…`` when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    cut = cut if cut > limit // 2 else limit
    return text[:cut].rstrip(" ,;:-–—") + "…"


# a date: a day (not a number after "ke-") and a month's name, or day/month (not a round of a cup, "1/8 Final")
_TITLE_DATE = re.compile(r"(?<!ke-)\b(\d{1,2})(?:\s*/\s*(\d{1,2})\b(?!\s*final)|\s+("
                         + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b)", re.IGNORECASE)
# a weekday by name; not "Minggu" as a week ("Minggu Ini", "Dua Minggu", "Minggu ke-3", "Minggu Ketiga")
_TITLE_WEEKDAY = re.compile(r"\b(senin|selasa|rabu|kamis|jum[’']?at|sabtu|ahad)\b"
                            r"|(?<!\d )(?<!dua )(?<!tiga )(?<!beberapa )(?<![a-z-])(minggu)\b"
                            r"(?!\s+(?:ini|lalu|depan|kemarin|ke\b|ke-|ke[a-z]+|pertama|terakhir|mendatang|tenang"
                            r"|berikutnya|berturut))", re.IGNORECASE)


def days_named(title: str) -> tuple[frozenset[str], frozenset[str]]:
    """The days a headline names: its dates as day and month (`18 Juni`, `18/6`: ``18-6``), and its
    weekdays (``2`` for Rabu). A daily report's headline says which day it is for (`Jadwal Sholat … Hari Ini
    Rabu 18 Juni`, `… Jumat 20 Juni`); a copy carried by another outlet names the same day, perhaps the one
    way where the other names it the other (a weekday, a date): they are compared kind with kind."""
    dates = frozenset(f"{int(day)}-{int(month) if month else MONTHS[name.casefold()]}"
                      for day, month, name in _TITLE_DATE.findall(title)
                      if 1 <= int(day) <= 31 and (not month or 1 <= int(month) <= 12))
    weekdays = frozenset(str(WEEKDAYS[(day or sunday).casefold().replace("’", "'")])
                         for day, sunday in _TITLE_WEEKDAY.findall(title))
    return dates, weekdays
