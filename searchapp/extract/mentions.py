"""Person mentions in a text: registry names first, then names vouched for by Indonesian cues
(titles, speech verbs, roles, appositions, name-like word shapes), then repeated and coordinated names."""

from __future__ import annotations

from dataclasses import dataclass

from searchapp.extract import lexicon as lx
from searchapp.extract.registry import PeopleRegistry
from searchapp.extract.tokens import ROMAN, VERB_PREFIX, capish, is_initials, mask, tokenize

# evidence that makes even a one-word name a person at article level
STRONG_EVIDENCE = frozenset({"registry", "title", "speech", "role", "apposition"})
_ENDS_NAME = frozenset({"unk", "root", "derived", "init", "particle", "title"})
_COORDINATORS = frozenset({"dan", "atau", "serta"})
# token kinds that may be part of a name
_NAMEISH = frozenset({"unk", "root", "derived", "init", "init2", "particle"})


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
        self.used = [False] * len(self.toks)
        self.mentions: list[tuple[int, int, str | None, str]] = []  # token range, canonical, evidence
        self.evidence = ""  # why the last accepted rule name is a person

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
            if found is None:
                i += 1
                continue
            end, canonical = found
            prev = toks[i - 1] if i > 0 and toks[i].joined else None
            if prev is not None and prev.text.casefold().rstrip(".") in lx.FACILITIES:
                i = end  # "Universitas Airlangga", "Jalan Soekarno": a place named after someone
                continue
            if prev is not None and end - i == 1 and prev.kind in ("unk", "root") and not self.used[i - 1]:
                i = end  # "Ani Yudhoyono", "Suryo Paloh": someone else with that surname
                continue
            self._add(i, end, canonical, "registry")
            i = end

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

    # -- cue rules --------------------------------------------------------------------------
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
            name = self._name_in_run(i, j) if toks[j - 1].kind in _ENDS_NAME else None
            if name is not None:
                self._add(name[0], name[1], None, self.evidence)
            i = j

    def _name_in_run(self, lo: int, hi: int) -> tuple[int, int] | None:
        """Token range of the person name that ends the capitalised run [lo, hi), if the context vouches."""
        toks = self.toks
        kinds = self._run_kinds(lo, hi)
        b = len(kinds)
        a = b
        while a > 0 and kinds[a - 1] in _NAMEISH:
            a -= 1
        # a derived word ("Keuangan", "Pelaporan") ends an office name: the name comes after it
        for k in range(b - 2, a - 1, -1):
            if kinds[k] == "derived":
                a = k + 1
                break
        while b > a and (
            kinds[b - 1] == "particle" or (kinds[b - 1] == "init" and not ROMAN.match(toks[lo + b - 1].text))
        ):
            b -= 1
        if a == b:
            return None

        first = toks[lo]
        before = toks[lo - 1] if lo > 0 and not first.sent_start else None
        after = toks[hi] if hi < len(toks) and (toks[hi].joined or toks[hi].comma) else None
        prefix = kinds[:a]
        last_title = max((k for k, kind in enumerate(prefix) if kind == "title"), default=-1)
        if last_title > 0 and prefix[last_title - 1] in ("org", "place"):
            last_title = -1  # "Stadion Kapten I Wayan Dipta", "Jalan Jenderal Sudirman": a named place
        title = last_title >= 0 or (not prefix.count("title") and self._title_across_conjunction(lo))
        left_cue = "cue" in prefix or (before is not None and before.text.casefold() in lx.LEFT_CUES)
        right_cue = after is not None and after.text.casefold() in lx.RIGHT_CUES
        role_cue = self._role_before(lo) or self._apposition(lo)
        weak_left = before is not None and before.text.casefold() in lx.WEAK_LEFT_CUES
        between_commas = first.comma and after is not None and after.comma and b - a >= 2
        cue = title or left_cue or right_cue or role_cue or between_commas

        # plain words leading the name are not part of it ("Badai Tropis Cristobal", "Karya Pettit"),
        # except one before a name word when the context vouches ("Anggota DPR, Vena Melinda, ...")
        while (
            a < b
            and kinds[a] in ("derived", "particle", "root", "init", "init2")
            and not (kinds[a] in ("init", "init2") and a + 1 < b)
        ):
            keep_root = (
                kinds[a] == "root"
                and a + 1 < b
                and kinds[a + 1] == "unk"
                and cue
                and (a == 0 or kinds[a - 1] not in ("root", "derived"))
                and not toks[lo + a].sent_start
            )
            if keep_root:
                break
            if kinds[a] == "root" and a == b - 1 and a == 0 and b == len(kinds) and left_cue:
                self.evidence = "speech"
                return lo + a, lo + b  # "kata Mendur": a speech verb vouches for a one-word name
            a += 1
        if a == b:
            return None
        if (
            a > 0
            and b - a >= 3
            and kinds[a + 1] == "init"
            and toks[lo + a].text.casefold() not in lx.GIVEN_NAMES
        ):
            a += 1  # "Konsul Jenderal RI Jeddah M. Hery Saripudin": a place before the initial
        if self._jurisdiction_before(lo + a):
            # "Camat Kutabaharu", "Bupati Sleman Sri Purnomo": the first word names the place
            if b - a == 1 or toks[lo + a].text.casefold() not in lx.GIVEN_NAMES:
                a += 1
            if a == b:
                return None
        name_kinds = kinds[a:b]
        span = lo + a, lo + b
        if before is not None and before.kind == "lower" and before.text.casefold() in lx.PLACE_CUES:
            return None  # "di Raja Ampat"
        if "unk" not in name_kinds:
            return None
        if any(kind in ("org", "eng") for kind in prefix) and not title and not (left_cue or right_cue):
            return None  # "Universitas Gadjah Mada", "Partai Buruh"
        if title and b - a == 1 and not right_cue and self._org_follows(hi):
            return None  # "Direktur Keuangan Medco, D Cyril Noerhadi": the organisation, then the name
        if title or left_cue or role_cue or right_cue:
            self.evidence = "title" if title else "speech" if left_cue or right_cue else "role"
            return span
        if name_kinds[-1] == "derived":
            return None  # "Konsil Kedokteran": without a cue, a name does not end in an affixed word
        if between_commas or (weak_left and not first.sent_start):
            self.evidence = "apposition" if between_commas else "context"
            return span
        if b - a == 1 and a == 0 and hi == lo + 1 and self._verb_follows(hi) and self._opens_clause(lo):
            self.evidence = "subject"
            return span  # "Suhardi mengalami ...", "..., Susno diduga ...": a clause opening with a name
        if b - a == 1 and a == 0 and hi == lo + 1 and first.sent_start and self._person_apposition(hi):
            self.evidence = "apposition"
            return span  # "Rouhani, seorang tokoh moderat", "Gates, yang juga ..."
        if b - a >= 2 and "eng" not in kinds:
            self.evidence = "name-shape"
            return span
        return None

    def _run_kinds(self, lo: int, hi: int) -> list[str]:
        """Token kinds of a run, with title complements and initials resolved."""
        toks = self.toks
        kinds = [t.kind for t in toks[lo:hi]]
        for k in range(1, len(kinds)):
            word, prev = toks[lo + k].text.casefold(), toks[lo + k - 1].text.casefold()
            if kinds[k - 1] == "title" and (word in lx.TITLE_PARTS or (word == "agung" and prev == "jaksa")):
                kinds[k] = "title"  # "Jaksa Agung", "Ketua Umum", "Juru Bicara"
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
        # (unless the run was cut short by a registry name: "Presiden Putin")
        cut = hi < len(toks) and self.used[hi] and toks[hi].joined
        if len(kinds) >= 2 and kinds[-1] == "title" and kinds[-2] == "unk" and not cut:
            kinds[-1] = "unk"
        return kinds

    def _jurisdiction_before(self, k: int) -> bool:
        """Token k follows a title of an office over a place ("Bupati", "Wakil Gubernur", "Konsul")."""
        toks = self.toks
        if k == 0 or not toks[k].joined:
            return False
        prev = toks[k - 1].text.casefold().rstrip(".")
        if prev in lx.TITLE_PARTS and k >= 2 and toks[k - 1].joined:
            prev = toks[k - 2].text.casefold().rstrip(".")
        return prev in lx.JURISDICTION_TITLES

    def _title_across_conjunction(self, lo: int) -> bool:
        """ "Menteri Kelautan dan Perikanan X": the title stands before a "dan" inside the office name."""
        toks = self.toks
        if lo < 2 or toks[lo].kind != "org" or not toks[lo].joined:
            return False
        if toks[lo - 1].text.casefold() != "dan" or not toks[lo - 1].joined:
            return False
        return self._title_in_run_ending(lo - 2)

    def _org_follows(self, hi: int) -> bool:
        """After the run: ", Name" or "(ACRONYM)", so the run's last word named an organisation."""
        toks = self.toks
        if hi >= len(toks):
            return False
        if toks[hi].comma and capish(toks[hi]) and toks[hi].kind not in ("time", "place"):
            return True
        gap = self.text[toks[hi - 1].end : toks[hi].start]
        return gap.strip() == "(" and toks[hi].kind == "acr"

    def _person_apposition(self, hi: int) -> bool:
        """After the run: ", yang ...", ", seorang ...", ", wakil presiden ..." or ", <another name>"."""
        toks = self.toks
        if hi >= len(toks) or not toks[hi].comma:
            return False
        nxt = toks[hi]
        key = nxt.text.casefold()
        if nxt.kind == "lower":
            return key in ("yang", "seorang") or key in lx.TITLES
        return nxt.kind == "unk" and hi + 1 < len(toks) and toks[hi + 1].joined and toks[hi + 1].kind == "unk"

    def _opens_clause(self, lo: int) -> bool:
        """The token starts a sentence or a clause: after a comma or a conjunction ("bahwa", "sejak")."""
        tok = self.toks[lo]
        if tok.sent_start or tok.comma:
            return True
        prev = self.toks[lo - 1]
        return (
            tok.joined and prev.kind in ("lower", "stop", "cue") and prev.text.casefold() in lx.CLAUSE_OPENERS
        )

    def _verb_follows(self, hi: int) -> bool:
        toks = self.toks
        if hi >= len(toks) or not toks[hi].joined or toks[hi].kind != "lower":
            return False
        word = toks[hi].text.casefold()
        return word in lx.AUXILIARIES or (len(word) > 5 and VERB_PREFIX.match(word) is not None)

    def _role_before(self, lo: int) -> bool:
        """A lower-case role word shortly before: "kata pengamat politik X", "pemimpin MDC X"."""
        toks = self.toks
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

    def _apposition(self, lo: int) -> bool:
        """ "Kepala Dinas Perumahan DKI Jakarta, Arifin": a name after a comma that follows a title phrase."""
        toks = self.toks
        if lo == 0 or not toks[lo].comma:
            return False
        return self._title_in_run_ending(lo - 1)

    def _title_in_run_ending(self, k: int) -> bool:
        """Whether the joined, capitalised run of words ending at token *k* holds a title."""
        toks = self.toks
        while k >= 0 and capish(toks[k]):
            if toks[k].kind == "title":
                return True
            if not toks[k].joined:
                break
            k -= 1
        return False

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
            for k in self._coordinated_with(a, b) + self._listed_with(a, b):
                if not self.used[k]:
                    self._add(k, k + 1, None, "coordination")

    def _coordinated_with(self, a: int, b: int) -> list[int]:
        toks = self.toks
        out = []
        # forward: "<person> dan X", "<person> - X"
        if (
            b + 1 < len(toks)
            and toks[b].joined
            and toks[b].text.casefold() in _COORDINATORS
            and toks[b + 1].joined
        ):
            k = b + 1
            if self._lone_name(k):
                out.append(k)
        elif b < len(toks) and self._dash_between(b - 1, b) and self._lone_name(b):
            out.append(b)
        # backward: "X dan <person>", "X - <person>"
        if a >= 2 and toks[a].joined and toks[a - 1].text.casefold() in _COORDINATORS and toks[a - 1].joined:
            if self._lone_name(a - 2):
                out.append(a - 2)
        elif a >= 1 and self._dash_between(a - 1, a) and self._lone_name(a - 1):
            out.append(a - 1)
        return out

    def _listed_with(self, a: int, b: int) -> list[int]:
        """ "Neneng Sri Wahyuni, Yulianis, dan Oktarina Putri": lone name-like words in a list of persons."""
        toks = self.toks
        out = []
        k = b
        while k < len(toks) and toks[k].comma and self._lone_name(k):
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            if nxt is None or not (nxt.comma or (nxt.joined and nxt.text.casefold() in _COORDINATORS)):
                break
            out.append(k)
            k += 1
        k = a - 1
        while k >= 0 and k + 1 < len(toks) and toks[k + 1].comma and self._lone_name(k) and toks[k].comma:
            out.append(k)
            k -= 1
        return out

    def _dash_between(self, i: int, j: int) -> bool:
        return self.text[self.toks[i].end : self.toks[j].start].strip() in ("-", "–", "&")

    def _lone_name(self, k: int) -> bool:
        """Token k is one name-like word standing alone (not part of a longer capitalised run)."""
        toks = self.toks
        if toks[k].kind != "unk" or self.used[k] or toks[k].headline:
            return False
        before_joined = k > 0 and toks[k].joined and capish(toks[k - 1])
        after_joined = k + 1 < len(toks) and toks[k + 1].joined and capish(toks[k + 1])
        return not before_joined and not after_joined


def find_mentions(text: str, registry: PeopleRegistry) -> list[Mention]:
    """Every person mention in ``text``, in text order."""
    return _Analysis(text, registry).run()


def find_person_spans(text: str, registry: PeopleRegistry) -> list[tuple[int, int]]:
    """Character spans of person mentions as written in ``text`` (titles excluded), in text order."""
    return sorted({(m.start, m.end) for m in find_mentions(text, registry)})
