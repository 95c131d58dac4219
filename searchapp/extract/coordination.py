"""Names standing beside a person's: joined to it by "dan", "atau", "serta" or a dash ("Hidayat dan
Airlangga", "Prabowo - Hatta"), or listed with it between commas ("Neneng Sri Wahyuni, Yulianis, dan
Oktarina Putri"). A lone name-like word there names a person too."""

from __future__ import annotations

from collections.abc import Sequence

from searchapp.extract.tokens import Tok, capish

_COORDINATORS = frozenset({"dan", "atau", "serta"})


def coordinated_with(toks: Sequence[Tok], used: Sequence[bool], text: str, a: int, b: int) -> list[int]:
    """The lone names joined to the mention at tokens [a, b) by a coordinator or a dash, after or before it."""
    out = []
    # forward: "<person> dan X", "<person> - X"
    if b + 1 < len(toks) and toks[b].joined and toks[b].text.casefold() in _COORDINATORS and toks[b + 1].joined:
        if lone_name(toks, used, b + 1):
            out.append(b + 1)
    elif b < len(toks) and dash_between(toks, text, b - 1, b) and lone_name(toks, used, b):
        out.append(b)
    # backward: "X dan <person>", "X - <person>"
    if a >= 2 and toks[a].joined and toks[a - 1].text.casefold() in _COORDINATORS and toks[a - 1].joined:
        if lone_name(toks, used, a - 2):
            out.append(a - 2)
    elif a >= 1 and dash_between(toks, text, a - 1, a) and lone_name(toks, used, a - 1):
        out.append(a - 1)
    return out


def listed_with(toks: Sequence[Tok], used: Sequence[bool], a: int, b: int) -> list[int]:
    """The lone names listed with the mention at tokens [a, b) between commas, after or before it."""
    out = []
    k = b
    while k < len(toks) and toks[k].comma and lone_name(toks, used, k):
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if nxt is None or not (nxt.comma or (nxt.joined and nxt.text.casefold() in _COORDINATORS)):
            break
        out.append(k)
        k += 1
    k = a - 1
    while k >= 0 and k + 1 < len(toks) and toks[k + 1].comma and lone_name(toks, used, k) and toks[k].comma:
        out.append(k)
        k -= 1
    return out


def dash_between(toks: Sequence[Tok], text: str, i: int, j: int) -> bool:
    """Only a dash or an ampersand between tokens i and j: "Prabowo - Hatta"."""
    return text[toks[i].end : toks[j].start].strip() in ("-", "–", "&")


def lone_name(toks: Sequence[Tok], used: Sequence[bool], k: int) -> bool:
    """Token k is one name-like word standing alone (not part of a longer capitalised run), and not
    already part of a mention (``used``)."""
    if toks[k].kind != "unk" or used[k] or toks[k].headline:
        return False
    before_joined = k > 0 and toks[k].joined and capish(toks[k - 1])
    after_joined = k + 1 < len(toks) and toks[k + 1].joined and capish(toks[k + 1])
    return not before_joined and not after_joined
