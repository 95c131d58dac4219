"""Is one text a rewrite of the other? Read word by word, for pairs whose fingerprints half agree.

Fingerprints (`searchapp.extract.fingerprint`) see shared runs of three words: a wire story carried
as it is agrees in most positions, but a rewrite that paraphrases sentence by sentence (`mengatakan`
for `menjelaskan`, clauses turned around) keeps only a third to a half of its 3-word runs, as many as a
different article that repeats the same background paragraphs. What tells them apart is where the
shared words sit: a rewrite tells the same facts in the same order, so its words line up with the
other's from the lead to the end; a follow-up, a reaction or another day's report shares a block of
background and has a lead (or an end) of its own; an outlet's templated report (a daily price list,
a verdict of another defendant, a show's time slot) lines up everywhere but gives other figures.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from difflib import SequenceMatcher

# In both texts, at least this share of the words lines up, in order, with the other's.
MIN_ALIGNED = 0.55
# ...and in each quarter of each text at least this share: no lead or end of its own.
MIN_QUARTER = 0.3
QUARTERS = 4
# A text whose first quarter is not this share lined up opens with a lead of its own: a reaction, a
# roundup, another angle on the same report (even when the rest is the other text word for word).
OWN_LEAD = 0.1
# A copy cut short (an outlet keeping the first paragraphs of a wire story): the shorter text lines up
# for this share of its words, from the opening of both texts, and is at least this share as long.
MIN_COVERED = 0.85
CUT_LEAD = 0.9
MIN_CUT_LENGTH = 0.4
# A text another outlet carried, cut short or carried on with paragraphs of its own, and lightly edited: the
# shorter text stands in the longer word for word, in runs of `CARRIED_RUN` words or more, for this share of its
# words, all of them in the longer's opening (as long as the shorter, a quarter more and 20 words), the first in
# the first fifth of each, and as long as a copy cut short (`MIN_CUT_LENGTH`). A paraphrase keeps runs this long
# only in quotes; a reaction or a roundup opens with its own, or holds the text as a small part of it.
CARRIED_RUN = 6
MIN_CARRIED = 0.7
CARRIED_SPAN = (1.25, 20)
CARRIED_OPENING = 0.2
# A figure (number, date, amount) in place of another figure of the other text contradicts it;
# a rewrite may change a date's form or a day, not this many figures, nor as many as it keeps.
MAX_CONTRADICTED = 3

_TOKEN = re.compile(r"[^\W\d_]+|\d+(?:[.,:]\d+)*")


@dataclass(frozen=True)
class Alignment:
    aligned: float  # the smaller share of a text's words lined up with the other's
    quarter: float  # the smallest share in any quarter of either text
    agreed: int  # figures lined up in both
    contradicted: int  # figures standing where the other text has a different figure
    lead: float  # the smaller share lined up in the first quarter of a text
    covered: float = 0.0  # the share of the shorter text lined up
    length: float = 0.0  # the shorter text's length, a share of the longer's

    @property
    def own_lead(self) -> bool:
        """Whether one of the texts opens with what the other does not tell."""
        return self.lead < OWN_LEAD

    @property
    def figures_differ(self) -> bool:
        """Whether the texts give other figures where they line up: `MAX_CONTRADICTED` of them, or at least
        as many as they share (another day's prices, another defendant's sentence)."""
        return self.contradicted >= MAX_CONTRADICTED or (self.contradicted > 0 and self.contradicted >= self.agreed)

    @property
    def rewrite(self) -> bool:
        return self.aligned >= MIN_ALIGNED and self.quarter >= MIN_QUARTER and not self.figures_differ

    @property
    def cut(self) -> bool:
        """Whether the shorter text is the other's opening, nearly word for word: a copy cut short."""
        return (self.covered >= MIN_COVERED and self.lead >= CUT_LEAD and self.length >= MIN_CUT_LENGTH
                and not self.figures_differ)


# Words that scale the figure before them: `945 ribu` is `945.000`, `1,5 juta` is `1.500.000`.
MULTIPLIERS = {"ribu": 10 ** 3, "rb": 10 ** 3, "juta": 10 ** 6, "jt": 10 ** 6, "miliar": 10 ** 9, "milyar": 10 ** 9,
               "triliun": 10 ** 12}


def _number(figure: str) -> Decimal | None:
    """A figure as Indonesian writes it: dots between thousands and a comma before decimals (`2.500`, `1,5`);
    a dot before one or two digits is a decimal point (`1.5`). None for a time or a code (`21:30`, `1.2.3`).
    Decimal, so that `8.444,87 triliun` is exactly `8.444.870.000.000.000`."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?", figure):
        return Decimal(figure.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d+\.\d{1,2}", figure):
        return Decimal(figure)
    return None


def words(text: str) -> list[str]:
    """Lower-case words and figures (`553.422.694` and `553422694` are one figure, and so are `945 ribu`
    and `945.000`: one outlet writes a figure out in full where another scales it by a word; the word
    stays, so a text has as many words as before)."""
    tokens = _TOKEN.findall(text.casefold())
    found = []
    for token, after in zip(tokens, [*tokens[1:], ""], strict=False):
        if token[0].isalpha():
            found.append(token)
        elif after in MULTIPLIERS and (value := _number(token)) is not None:
            found.append(str(int(value * MULTIPLIERS[after])))
        else:
            found.append(re.sub(r"[.,:]", "", token))
    return found


def _written_apart(one: list[str], two: list[str]) -> bool:
    """Whether *two* figures are the *one* figure written apart: an hour and its minutes, or thousands and
    the rest (`2130`, `21 30`; `03.45`, `3 45`), the second part of two or three digits; not a range or a
    score (`2-3`, `2-1`) nor a law's article and paragraph (`Pasal 2 ayat 1`)."""
    return (len(one) == 1 and len(two) == 2 and len(two[1]) in (2, 3)
            and one[0].lstrip("0") == "".join(two).lstrip("0"))


def _same_figure(a: str, b: str) -> bool:
    """One figure written two ways: equal, or a year or a time shortened (`2018`, `18`; `03.45`, `3:45`);
    not an amount that ends as another does (`1.500.000`, `500.000`)."""
    return a == b or (min(len(a), len(b)) >= 2 and max(len(a), len(b)) <= 4 and (a.endswith(b) or b.endswith(a)))


def _shares(lined: list[bool], own_end: bool = False) -> tuple[float, float, float]:
    """The share of lined-up words in the whole text, in its emptiest quarter (but the last, when the
    text may end with its own) and in its first quarter."""
    count = len(lined)
    bounds = [count * part // QUARTERS for part in range(QUARTERS + 1)]
    quarters = [sum(lined[start:stop]) / (stop - start) for start, stop in zip(bounds, bounds[1:], strict=False)
                if stop > start]
    first = quarters[0] if quarters else 0.0
    if own_end:
        quarters = quarters[:-1]
    return sum(lined) / count, min(quarters, default=0.0), first


def align(first: list[str], second: list[str]) -> Alignment:
    """How two texts' `words` line up (difflib's longest matching blocks, in order)."""
    if not first or not second:
        return Alignment(0.0, 0.0, 0, 0, 0.0)
    lined_a, lined_b = [False] * len(first), [False] * len(second)
    agreed: set[str] = set()
    contradicted_a: set[str] = set()
    contradicted_b: set[str] = set()
    for tag, a_start, a_stop, b_start, b_stop in SequenceMatcher(
            None, first, second, autojunk=False).get_opcodes():
        if tag == "equal":
            lined_a[a_start:a_stop] = [True] * (a_stop - a_start)
            lined_b[b_start:b_stop] = [True] * (b_stop - b_start)
            agreed.update(word for word in first[a_start:a_stop] if word.isdigit())
        elif tag == "replace":
            figures_a = [word for word in first[a_start:a_stop] if word.isdigit()]
            figures_b = [word for word in second[b_start:b_stop] if word.isdigit()]
            if _written_apart(figures_a, figures_b) or _written_apart(figures_b, figures_a):
                agreed.add("".join(figures_a))  # one figure written apart or together: `03.45`, `3 45`
            elif figures_a and figures_b:
                contradicted_a.update(x for x in figures_a if not any(_same_figure(x, y) for y in figures_b))
                contradicted_b.update(y for y in figures_b if not any(_same_figure(x, y) for x in figures_a))
    # The longer text may end with its own paragraphs (a later version, a fuller edit): its lead and
    # body must retell the other's, its end need not; a different lead makes a different story.
    share_a, quarter_a, lead_a = _shares(lined_a, own_end=len(first) > len(second))
    share_b, quarter_b, lead_b = _shares(lined_b, own_end=len(second) >= len(first))
    return Alignment(min(share_a, share_b), min(quarter_a, quarter_b), len(agreed),
                     max(len(contradicted_a), len(contradicted_b)), min(lead_a, lead_b),
                     share_a if len(first) <= len(second) else share_b,
                     min(len(first), len(second)) / max(len(first), len(second)))


@dataclass(frozen=True)
class Text:
    """A text as two texts are compared: its `words` in order, and counted."""

    words: list[str]
    counts: Counter[str]

    @classmethod
    def of(cls, text: str) -> Text:
        found = words(text)
        return cls(found, Counter(found))


def could_be_rewrite(first: Text, second: Text) -> bool:
    """Whether two texts share words enough for `align` to find a rewrite or a copy cut short: no more
    words line up than the two hold in common (most pairs a fingerprint brings fail this)."""
    shared = sum((first.counts & second.counts).values())
    shorter, longer = sorted((len(first.words), len(second.words)))
    return shared >= MIN_ALIGNED * longer or (shorter >= MIN_CUT_LENGTH * longer and shared >= MIN_COVERED * shorter)


def is_rewrite(first: Text, second: Text) -> bool:
    """Whether two texts tell the same facts in the same order (one rewritten from the other, or cut short)."""
    if not could_be_rewrite(first, second):
        return False
    alignment = align(first.words, second.words)
    return alignment.rewrite or alignment.cut


def is_carried(first: Text, second: Text) -> bool:
    """Whether the shorter text stands in the longer one's opening word for word, in long runs (`MIN_CARRIED`):
    a copy another outlet cut short or carried on, lightly edited, its figures contradicted no more than a rewrite's
    (`Alignment.figures_differ`), the first run in each text's first fifth (either way round). One outlet's own text
    carried on is its next piece (a full-time report after the half-time one), which the caller rules out."""
    shorter, longer = sorted((first.words, second.words), key=len)
    if (not shorter or len(shorter) < MIN_CUT_LENGTH * len(longer)
            or sum((first.counts & second.counts).values()) < MIN_CARRIED * len(shorter)):
        return False
    runs = [block for block in SequenceMatcher(None, shorter, longer, autojunk=False).get_matching_blocks()
            if block.size >= CARRIED_RUN]
    stretch, line = CARRIED_SPAN
    return (sum(run.size for run in runs) >= MIN_CARRIED * len(shorter)
            and runs[0].a <= CARRIED_OPENING * len(shorter) and runs[0].b <= CARRIED_OPENING * len(longer)
            and all(run.b + run.size <= stretch * len(shorter) + line for run in runs)
            and not align(first.words, second.words).figures_differ)
