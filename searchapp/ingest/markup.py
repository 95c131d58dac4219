"""Text an export left as HTML (a CMS's ``post_content``, a feed's ``content:encoded``) as a reader sees
it: tags gone, a paragraph or a line break a new line, character references decoded (``&nbsp;``,
``&quot;``), scripts and styles dropped; read with the standard library's HTML parser.

A text is read as HTML only when it holds a tag of an article's markup (``<p>``, ``<br>``, ``</strong>``
…) or character references: a plain text that writes ``a < b`` or ``<Tuhan>`` is left as it is.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

# The tags of an article's markup: a text holding one is HTML. A script or a style alone is no article's
# markup (text that quotes one stays text, shown escaped); inside HTML it is dropped.
_TAG = re.compile(r"</?(?:p|br|div|span|strong|b|em|i|u|a|h[1-6]|ul|ol|li|blockquote|figure|figcaption|img|"
                  r"iframe|table|tr|td|th|tbody|section|article|header|footer|sup|sub|small)\b[^>]*>",
                  re.IGNORECASE)
_REFERENCE = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,6});")
_BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "figure",
                     "figcaption", "section", "article", "header", "footer", "ul", "ol", "table"})
_HIDDEN = frozenset({"script", "style"})
_SPACES = re.compile(r"[ \t\xa0]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*")


def holds_markup(text: str) -> bool:
    """Whether *text* holds an article's HTML tags or character references."""
    return "<" in text and _TAG.search(text) is not None or "&" in text and _REFERENCE.search(text) is not None


def markup_to_text(text: str) -> str:
    """*text* without its HTML: blocks on lines of their own, a blank line between paragraphs."""
    if not holds_markup(text):
        return text
    if not _TAG.search(text):
        return html.unescape(text).replace("\xa0", " ")
    parser = _TextParser()
    parser.feed(text)
    parser.close()
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parser.parts).split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n" if tag == "br" else "\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)
