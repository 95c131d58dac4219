"""The query language, parsed into a small syntax tree (pure functions, no index needed).

    nato rusia              both words (every word is required)
    nato OR rusia           either word
    -rusia, NOT rusia       without the word
    "pertahanan NATO"       the words as written, in this order
    (nato OR pakta) rusia   grouping
    outlet:kontan           field filters: outlet, orang/person, tanggal/date
    orang:"jens stoltenberg"
    tanggal:2022-02         a year, month or day; ranges tanggal:2022-01..2022-03,
    tanggal:>2022-01-15     tanggal:[2022-01 TO 2022-03], tanggal:<2022, tanggal:>=2022-02

The parser never fails: what it cannot make sense of (an unbalanced quote or parenthesis, a lone
``OR``, ``:::``) is read as plain words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FIELD_ALIASES = {
    "outlet": "outlet", "media": "outlet", "sumber": "outlet",
    "orang": "person", "person": "person", "tokoh": "person",
    "tanggal": "date", "date": "date",
}
MAX_DEPTH = 20


@dataclass(frozen=True)
class Word:
    text: str


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]


@dataclass(frozen=True)
class Field:
    name: str  # outlet, person or date
    value: str


@dataclass(frozen=True)
class Not:
    node: Node


@dataclass(frozen=True)
class And:
    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    nodes: tuple[Node, ...]


Node = Word | Phrase | Field | Not | And | Or

_TOKEN_RE = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<open>\()
  | (?P<close>\))
  | (?P<field>(?P<fname>[A-Za-z]+):(?:"(?P<fquoted>[^"]*)"|\[(?P<frange>[^\]]*)\]|(?P<fvalue>[^\s()"]+)))
  | (?P<phrase>"(?P<quoted>[^"]*)")
  | (?P<minus>-(?=[^\s-]))
  | (?P<word>[^\s()"]+)
  | (?P<stray>["])
    """,
    re.VERBOSE,
)
_WORD_CHARS_RE = re.compile(r"[^\W_]+(?:[-.,][^\W_]+)*")


def _tokens(text: str) -> list[tuple[str, object]]:
    tokens: list[tuple[str, object]] = []
    for match in _TOKEN_RE.finditer(text):
        kind = match.lastgroup
        if kind == "space" or kind == "stray":
            continue
        if match.group("field"):
            name = FIELD_ALIASES.get(match.group("fname").lower())
            value = match.group("fquoted") or match.group("frange") or match.group("fvalue") or ""
            if match.group("frange") is not None:
                value = _range_to_dots(value)
            if name and value.strip():
                tokens.append(("field", Field(name, value.strip())))
            else:  # unknown field (foo:bar) or empty value: plain words
                tokens += [("word", w) for w in _WORD_CHARS_RE.findall(match.group("field"))]
        elif match.group("phrase") is not None:
            words = tuple(_WORD_CHARS_RE.findall(match.group("quoted")))
            if words:
                tokens.append(("phrase", words))
        elif kind == "word":
            word = match.group()
            if word in ("OR", "AND", "NOT"):
                tokens.append((word, None))
            elif word in ("||",):
                tokens.append(("OR", None))
            elif word in ("&&",):
                tokens.append(("AND", None))
            else:
                tokens += [("word", w) for w in _WORD_CHARS_RE.findall(word)]
        else:
            tokens.append((kind, None))
    return tokens


def _range_to_dots(value: str) -> str:
    parts = re.split(r"\s+TO\s+", value.strip(), flags=re.IGNORECASE)
    return "..".join(p.strip() for p in parts) if len(parts) == 2 else value


class _Parser:
    def __init__(self, tokens: list[tuple[str, object]]) -> None:
        self.tokens = tokens
        self.i = 0

    def peek(self) -> str | None:
        return self.tokens[self.i][0] if self.i < len(self.tokens) else None

    def take(self) -> tuple[str, object]:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def parse(self) -> Node | None:
        node = self.or_expr(0)
        while self.i < len(self.tokens):  # stray ")" and the like: keep reading
            self.take()
            more = self.or_expr(0)
            node = _and([n for n in (node, more) if n is not None])
        return node

    def or_expr(self, depth: int) -> Node | None:
        nodes = [self.and_expr(depth)]
        while self.peek() == "OR":
            self.take()
            nodes.append(self.and_expr(depth))
        nodes = [n for n in nodes if n is not None]
        if not nodes:
            return None
        return nodes[0] if len(nodes) == 1 else Or(tuple(nodes))

    def and_expr(self, depth: int) -> Node | None:
        nodes = []
        while self.peek() not in (None, "OR", "close"):
            if self.peek() == "AND":
                self.take()
                continue
            node = self.unary(depth)
            if node is not None:
                nodes.append(node)
        return _and(nodes)

    def unary(self, depth: int) -> Node | None:
        kind = self.peek()
        if kind in ("NOT", "minus"):
            self.take()
            if self.peek() in (None, "OR", "close", "AND"):
                return None
            node = self.unary(depth)
            return Not(node) if node is not None else None
        return self.atom(depth)

    def atom(self, depth: int) -> Node | None:
        kind, value = self.take()
        if kind == "open":
            if depth >= MAX_DEPTH:
                return None
            node = self.or_expr(depth + 1)
            if self.peek() == "close":
                self.take()
            return node
        if kind == "word":
            return Word(str(value))
        if kind == "phrase":
            words = tuple(value)  # type: ignore[arg-type]
            return Phrase(words) if len(words) > 1 else Word(words[0])
        if kind == "field":
            return value  # type: ignore[return-value]
        return None  # a stray ")" or operator


def _and(nodes: list[Node]) -> Node | None:
    if not nodes:
        return None
    return nodes[0] if len(nodes) == 1 else And(tuple(nodes))


def parse_query(text: str) -> Node | None:
    """The syntax tree of *text*; None when it holds no searchable word or filter."""
    return _Parser(_tokens(_SPACED_NUMBER_RE.sub(_join_number, text))).parse()


# "16 216" (a thousands separator written as a space) is one number, as in the indexed text.
_SPACED_NUMBER_RE = re.compile(r"(?<![\w.,])\d{1,3}(?: \d{3})+(?![\w]|[.,]\d)")


def _join_number(match: re.Match) -> str:
    return match.group().replace(" ", "")


def date_values(node: Node | None) -> list[str]:
    """The values of the query's date operators (``tanggal:``, ``date:``), wherever they stand."""
    if node is None or isinstance(node, (Word, Phrase)):
        return []
    if isinstance(node, Field):
        return [node.value] if node.name == "date" else []
    if isinstance(node, Not):
        return date_values(node.node)
    return [value for child in node.nodes for value in date_values(child)]


def positive_words(node: Node | None) -> list[str]:
    """Words and phrase words that the results must or may contain (for highlighting, suggestions)."""
    if node is None or isinstance(node, (Not, Field)):
        return []
    if isinstance(node, Word):
        return [node.text]
    if isinstance(node, Phrase):
        return list(node.words)
    return [word for child in node.nodes for word in positive_words(child)]
