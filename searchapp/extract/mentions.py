"""Person mentions in a text: registry names first, then names vouched for by Indonesian cues
(titles, speech verbs, roles, appositions, name-like word shapes), then repeated and coordinated names.

This module runs the passes in that order and owns what they share (the tokens, which of them are taken);
how one capitalised run is judged lives in runs.py, the context predicates it uses in context.py."""

from __future__ import annotations

from dataclasses import dataclass

from searchapp.extract import lexicon as lx
from searchapp.extract.context import after_facility_head, organisations_short_names
from searchapp.extract.coordination import coordinated_with, listed_with
from searchapp.extract.institutions import institution_names
from searchapp.extract.registry import PeopleRegistry, fold
from searchapp.extract.runs import name_in_run
from searchapp.extract.tokens import Tok, capish, east_asian_given_name, mask, roman_numeral, tokenize

# evidence that makes even a one-word name a person at article level
STRONG_EVIDENCE = frozenset({"registry", "title", "speech", "role", "apposition"})
_ENDS_NAME = frozenset({"unk", "root", "derived", "init", "particle", "title"})


@dataclass(frozen=True)
class Mention:
    """A person mention: character span in the text, surface form, canonical name when known, and the
    evidence that made it one (registry, title, speech, role, apposition, context, subject, name-shape,
    repeat, coordination)."""

    start: int
    end: int
    surface: str
    canonical: str | None
    evidence: str = "registry"


class _Analysis:
    """One pass over a text: registry matches first, then cue-based names, then repeated mentions."""

    def __init__(self, text: str, registry: PeopleRegistry) -> None:
        self.text = text
        self.registry = registry
        self.toks = tokenize(mask(text))
        short_names = organisations_short_names(text)
        if short_names:
            for tok in self.toks:
                if tok.kind == "unk" and tok.text in short_names:
                    tok.kind = "acr"  # "Danantara" after "Badan Pengelola Investasi Daya Anagata Nusantara (Danantara)"
        for k in institution_names(self.toks):
            self.toks[k].kind = "org"  # "Universitas Trisakti Abdul Fickar Hadjar": the university, then the name
        self.used = [False] * len(self.toks)
        self.mentions: list[tuple[int, int, str | None, str]] = []  # token range, canonical, evidence

    def run(self) -> list[Mention]:
        self._registry_matches()
        self._rule_matches()
        self._repeat_matches()
        self._coordinated_matches()
        self.mentions.sort(key=lambda m: (m[0], m[1]))
        out = []
        for a, b, canonical, evidence in self.mentions:
            start, end = self.toks[a].start, self.toks[b - 1].end
            out.append(Mention(start, end, self.text[start:end], canonical, evidence))
        return out

    # -- registry ---------------------------------------------------------------------------
    def _registry_matches(self) -> None:
        toks = self.toks
        if self.registry.max_len == 0:
            return
        i = 0
        while i < len(toks):
            if toks[i].kind in ("lower", "particle"):
                i += 1
                continue
            if "-" in toks[i].text and self._registry_pair(i):
                i += 1
                continue
            found = self._registry_at(i)
            if found is None or (roman_numeral(toks[i]) and found[0] == i + 1):
                i += 1  # "Komisi XI" is no "Xi"; "XI JINPING" in a headline is
                continue
            end, canonical = found
            i = self._opened_by(i, end, canonical)  # "Susilo B. Yudhoyono": the whole name is the person's
            end = self._continued(i, end, canonical)  # "Anies R. Baswedan": so are initials and a surname after
            prev = toks[i - 1] if i > 0 and toks[i].joined else None
            if after_facility_head(toks, i):
                i = end  # "Universitas Airlangga", "Jalan Soekarno", "Gelora Bung Karno": a place named after someone
                continue
            if end - i == 1 and self._name_goes_on(end, canonical):
                i = end  # "Gandjar Laksamana Bonaprapta", "Anies Matta": another person's name, not Ganjar's
                continue
            if prev is not None and end - i == 1 and not self.used[i - 1] and not self._child_of(i) and (
                    prev.kind == "unk" or self._after_someone(i)
                    # a word opening the sentence before a nickname is no given name ("Sikap Jokowi"), but one
                    # before a surname may be ("Bunga Yudhoyono"), and so is one mid-sentence ("Syahda Prabowo")
                    or (prev.kind == "root" and (not prev.sent_start or self._surname(i, canonical)))):
                i = end  # "Ani Yudhoyono", "Suryo Paloh", "Heru B. Yudhoyono": someone else with that surname
                continue
            self._add(i, end, canonical, "registry")
            i = end

    def _words(self, a: int, b: int) -> list[str]:
        """The registry's words for tokens [a, b) (an initial's letter without its full stop)."""
        return [self.registry.normalise(tok.text.rstrip("."))[0] or fold(tok.text.rstrip("."))
                for tok in self.toks[a:b]]

    def _spelled(self, canonical: str, words: list[str], initials: range) -> bool:
        """*words* spell one of the person's names, those at *initials* by their first letter only."""
        return any(len(name) == len(words) and all(
            word == whole or (n in initials and len(word) == 1 and whole.startswith(word))
            for n, (word, whole) in enumerate(zip(words, name, strict=True)))
            for name in self.registry.spellings(canonical))

    def _opened_by(self, i: int, end: int, canonical: str) -> int:
        """Where a registry name found at tokens [i, end) starts: earlier, when the name words and initials
        just before it are the first words of one of the person's names, or their initials ("Susilo B.
        Yudhoyono", "Soesilo B. Yudhoyono", "S.B. Yudhoyono" before the alias "Yudhoyono"); else at *i*."""
        toks = self.toks
        k = i
        while k > 0 and toks[k].joined and not self.used[k - 1] and toks[k - 1].kind in ("unk", "root", "init"):
            k -= 1
        for start in range(k, i):
            if self._spelled(canonical, self._words(start, end), range(i - start)):
                return start
        return i

    def _continued(self, i: int, end: int, canonical: str) -> int:
        """Where a registry name found at tokens [i, end) ends: later, when initials and a word after it make
        one of the person's names but for the initials ("Anies R. Baswedan", "Sri Mulyani I. Indrawati")."""
        toks, j = self.toks, end
        while j < len(toks) and toks[j].joined and _an_initial(toks[j]):
            j += 1
        if j == end or j >= len(toks) or not toks[j].joined or toks[j].kind not in ("unk", "root"):
            return end
        return j + 1 if self._spelled(canonical, self._words(i, end) + self._words(j, j + 1), range(0)) else end

    def _name_goes_on(self, end: int, canonical: str) -> bool:
        """A known one-word name (not a surname) runs on into a name-like word, or a title that names people
        too and a name-like word, that are not the person's: the first word of someone else's name ("Anies
        Matta", "Gandjar Laksamana Bonaprapta"; not "Jokowi Presiden Xi", "Luhut Menko Marves")."""
        toks = self.toks
        if end >= len(toks) or not toks[end].joined or self.used[end] or self._surname(end - 1, canonical):
            return False  # a surname before a word: the family's name, a place's, a work's ("Habibie Ainun")
        if toks[end].kind == "title":  # a title that names people too, then a name word: "Laksamana Bonaprapta"
            return (toks[end].text.casefold() in lx.NAMING_TITLES and end + 1 < len(toks) and toks[end + 1].joined
                    and toks[end + 1].kind == "unk" and self.registry.normalise(toks[end + 1].text)[0] is None)
        if toks[end].kind != "unk" or self.registry.normalise(toks[end].text)[0] is not None:
            return False  # "Prabowo Gibran": two known people, a ticket
        word = self._words(end, end + 1)[0]
        own = {part for name in self.registry.spellings(canonical) for part in name if len(part) >= 4}
        return not any(word.startswith(part) for part in own)  # the person's own word, glued on: "Subiantohari"

    def _surname(self, i: int, canonical: str) -> bool:
        """The known word at token *i* is the person's surname, the last word of their name, which their family
        and others bear too ("Ani Yudhoyono", "Habibie Ainun"); not a nickname ("Sikap Jokowi")."""
        return self._words(i, i + 1)[0] == self.registry.normalise(canonical.split()[-1])[0]

    def _after_someone(self, i: int) -> bool:
        """Initials and a given name of someone else's before a known surname ("Heru B. Yudhoyono")."""
        toks, k = self.toks, i
        while k > 0 and toks[k].joined and not self.used[k - 1] and _an_initial(toks[k - 1]):
            k -= 1
        return k < i and k > 0 and toks[k].joined and not self.used[k - 1] and toks[k - 1].kind in ("unk", "root")

    def _child_of(self, i: int) -> bool:
        """A known name at token *i* after a word for someone's child that opens a phrase ("Putra Sulung
        Jokowi", "putra Jokowi": his son), not a middle name after a given name ("Rizky Putra Prabowo")."""
        toks, k = self.toks, i - 1
        if toks[k].text.casefold() in lx.CHILD_AFTER and k > 0 and toks[k].joined:
            k -= 1
        if toks[k].text.casefold() not in lx.CHILD:
            return False
        before = toks[k - 1] if k > 0 and toks[k].joined else None
        return before is None or before.kind not in ("unk", "root", "init", "init2")

    def _registry_at(self, i: int) -> tuple[int, str] | None:
        """Longest registry name starting at token ``i``: (end token, canonical name)."""
        toks, reg = self.toks, self.registry
        found = None
        words: list[str] = []
        typos = 0
        for j in range(i, min(len(toks), i + reg.max_len)):
            if (j > i and not toks[j].joined) or toks[j].kind == "lower":
                break
            word, typo = reg.normalise(toks[j].text.rstrip("."), typo=toks[j].kind == "unk" and not typos)
            if word is None:
                break
            typos += typo
            words.append(word)
            canonical = reg.lookup(tuple(words))
            if canonical is not None and (not typos or self._typo_ok(i, j + 1)):
                found = (j + 1, canonical)
        return found

    def _typo_ok(self, a: int, b: int) -> bool:
        """A typo is tolerated inside a full name ("Jens Stoltenbergv"), or in a long isolated word;
        "Suharso Manoarfa" is not Suharto, "Mahmud Abbas" not Mahfud."""
        toks = self.toks
        if b - a >= 2:
            return True
        if len(toks[a].text) < 9:
            return False
        before = toks[a - 1] if a > 0 and toks[a].joined else None
        after = toks[b] if b < len(toks) and toks[b].joined else None
        return not any(t is not None and t.kind in ("unk", "root") for t in (before, after))

    def _registry_pair(self, i: int) -> bool:
        """ "Jokowi-JK", "SBY-Boediono": a hyphenated pair of registry names, one span for both.

        Not after "pemerintahan", "kubu", "kabinet"...: "pemerintahan Jokowi-JK" names a government.
        """
        prev = self.toks[i - 1] if i > 0 and self.toks[i].joined else None
        if prev is not None and prev.text.casefold() in lx.REGIME_WORDS:
            return False
        names = []
        for part in self.toks[i].text.split("-"):
            word, typo = self.registry.normalise(part) if part else (None, False)
            canonical = self.registry.lookup((word,)) if word is not None and not typo else None
            if canonical is None:
                return False
            names.append(canonical)
        for canonical in names:
            self._add(i, i + 1, canonical, "registry")
        return True

    def _add(self, a: int, b: int, canonical: str | None, evidence: str) -> None:
        self.mentions.append((a, b, canonical, evidence))
        for k in range(a, b):
            self.used[k] = True

    # -- cue rules: each capitalised run not taken by the registry, judged by runs.name_in_run --
    def _rule_matches(self) -> None:
        toks = self.toks
        i = 0
        while i < len(toks):
            if self.used[i] or not capish(toks[i]) or toks[i].headline:
                i += 1
                continue
            j = i + 1
            while j < len(toks) and not self.used[j] and toks[j].joined and not toks[j].headline:
                inner_particle = (
                    toks[j].kind == "particle"
                    and j + 1 < len(toks)
                    and capish(toks[j + 1])
                    and toks[j + 1].joined
                )
                if not (capish(toks[j]) or inner_particle):
                    break
                j += 1
            ends_name = toks[j - 1].kind in _ENDS_NAME or east_asian_given_name(toks, j - 1)
            found = name_in_run(toks, self.text, self.used, i, j) if ends_name else None
            if found is not None:
                a, b, evidence = found
                if b - a >= 3 and len(toks[a].text) >= 5 and toks[a].text.casefold() == toks[a + 1].text.casefold():
                    a += 1  # "Nawawi Nawawi Pomolango": a given name typed twice
                self._add(a, b, None, evidence)
            i = j

    # -- repeated mentions ------------------------------------------------------------------
    def _repeat_matches(self) -> None:
        """Other mentions of a name found by the rules: "Alejandro Sanchez ... Sanchez"."""
        toks = self.toks
        known: dict[str, int] = {}
        for a, b, canonical, _evidence in self.mentions:
            if canonical is None:
                for k in range(a, b):
                    if toks[k].kind in ("unk", "root"):
                        known[toks[k].text] = 1
        if not known:
            return
        for i, tok in enumerate(toks):
            if self.used[i] or tok.text not in known or tok.headline:
                continue
            if tok.kind == "root" and tok.sent_start:
                continue
            j = i
            while (
                j + 1 < len(toks)
                and not self.used[j + 1]
                and toks[j + 1].joined
                and toks[j + 1].text in known
            ):
                j += 1
            self._add(i, j + 1, None, "repeat")

    def _coordinated_matches(self) -> None:
        """ "Hidayat dan Airlangga", "Prabowo - Hatta": a name-like word joined to a person by "dan",
        "atau", "serta" or a dash is a person too."""
        for a, b, _canonical, evidence in list(self.mentions):
            if evidence not in STRONG_EVIDENCE and not (evidence == "name-shape" and b - a > 1):
                continue  # only a sure person vouches for its neighbours (no chains through lists of places)
            for k in coordinated_with(self.toks, self.used, self.text, a, b) + listed_with(self.toks, self.used, a, b):
                if not self.used[k]:
                    self._add(k, k + 1, None, "coordination")


def find_mentions(text: str, registry: PeopleRegistry) -> list[Mention]:
    """Every person mention in ``text``, in text order."""
    return _Analysis(text, registry).run()


def find_person_spans(text: str, registry: PeopleRegistry) -> list[tuple[int, int]]:
    """Character spans of person mentions as written in ``text`` (titles excluded), in text order."""
    return sorted({(m.start, m.end) for m in find_mentions(text, registry)})


def _an_initial(tok: Tok) -> bool:
    """One capital letter, perhaps with its full stop ("B."): a name's initial; not "H", as often Haji
    ("Ketua MUI Kabupaten Langkat H Mahfud") as an initial."""
    letter = tok.text.rstrip(".")
    return len(letter) == 1 and letter.isupper() and letter != "H"
