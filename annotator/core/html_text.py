"""The readable text of a web page saved from a browser, read with libxml2's HTML parser.

Scripts, styles, navigation and hidden elements are dropped; entities are decoded;
paragraphs and headings are separated by blank lines and ``<br>`` is a line break;
``<pre>`` keeps its whitespace. Nothing is fetched: no images, no stylesheets.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from lxml import etree

from annotator.core.web_encodings import web_codec

SKIP = {
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "nav", "button", "select", "datalist", "dialog", "head",
}  # fmt: skip
BLOCK = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote",
    "pre", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot",
    "figure", "figcaption", "address", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "form",
    "fieldset", "legend", "details", "summary", "caption", "body", "html",
}  # fmt: skip
VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
}  # fmt: skip
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
SPACES = re.compile(r"[ \t\n\r\f\v]+")  # HTML's ASCII whitespace; NBSP stays
BREAK = "\x00"  # stands for <br> inside a paragraph until whitespace is collapsed
CELL = "\x01"  # a table cell's start, a tab once whitespace is collapsed
_MARKERS = {ord(BREAK): None, ord(CELL): None}  # dropped from the page's own text


class _Extractor:
    """The parser's target: libxml2 reports every element's start and end, the ones HTML
    ends implicitly (an unclosed ``<head>``, ``<p>`` or ``<li>``) included, and void
    elements as a start and an end at once."""

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.buffer: list[str] = []
        self.skipping: str | None = None  # tag name of the element being skipped
        self.skip_depth = 0  # elements open inside it, itself included
        self.pre_depth = 0
        self.title: list[str] = []
        self.in_title = False
        self.h1: list[str] = []
        self.h1_depth = 0
        self.first_h1: str | None = None

    def start(self, tag: str, attributes: Mapping[str, str]) -> None:
        if self.skipping is not None:
            self.skip_depth += 1
            if tag == "title" and self.skipping == "head":
                self.in_title = True
            return
        if tag == "title":
            self.in_title = True
            return
        hidden = (
            "hidden" in attributes
            or (attributes.get("aria-hidden") or "").lower() == "true"
            or (attributes.get("role") or "").lower() == "navigation"
            or HIDDEN_STYLE.search(attributes.get("style") or "") is not None
            or (tag == "input" and (attributes.get("type") or "").lower() == "hidden")
        )
        if (tag in SKIP or hidden) and tag not in VOID:
            self.skipping, self.skip_depth = tag, 1
            return
        if tag == "br":
            self.buffer.append(BREAK)
        elif tag in ("td", "th"):
            self.buffer.append(CELL)
        elif tag == "tr":
            self.buffer.append(BREAK)  # table rows are lines of one paragraph
        elif tag in BLOCK:
            self._flush()
        if tag == "pre":
            self.pre_depth += 1
        if tag == "h1":
            self.h1_depth += 1

    def end(self, tag: str) -> None:
        if tag == "title" and self.in_title:
            self.in_title = False
        if self.skipping is not None:
            self.skip_depth -= 1
            if self.skip_depth == 0:
                self.skipping = None
            return
        if tag == "title" or tag in VOID:
            return
        if tag in BLOCK:
            self._flush()
        if tag == "pre" and self.pre_depth:
            self.pre_depth -= 1
        if tag == "h1" and self.h1_depth:
            self.h1_depth -= 1
            if self.first_h1 is None and self.h1:
                self.first_h1 = " ".join("".join(self.h1).split())

    def data(self, data: str) -> None:
        if BREAK in data or CELL in data:
            data = data.translate(_MARKERS)  # browsers drop NUL too
        if self.in_title:
            self.title.append(data)
            return
        if self.skipping is not None:
            return
        if self.h1_depth and self.first_h1 is None:
            self.h1.append(data)
        if self.pre_depth:
            self.buffer.append(data.replace("\n", BREAK))
        else:
            self.buffer.append(data)

    def _flush(self) -> None:
        raw = "".join(self.buffer)
        self.buffer = []
        lines = []
        for line in raw.split(BREAK):
            if self.pre_depth:
                lines.append(line.rstrip())
            else:
                cells = (SPACES.sub(" ", cell).strip() for cell in line.split(CELL))
                lines.append("\t".join(cell for cell in cells if cell))
        text = "\n".join(lines).strip("\n")
        if text.strip():
            self.paragraphs.append(text)

    def close(self) -> tuple[str, str]:
        self._flush()
        title = " ".join("".join(self.title).split()) or (self.first_h1 or "")
        return title, "\n\n".join(self.paragraphs) + ("\n" if self.paragraphs else "")


# A DOCTYPE's internal subset (``<!DOCTYPE html [ <!ENTITY x "y"> ]>``) at the start of a
# page, after an XML declaration if there is one: HTML ends a DOCTYPE at its first ">".
_DOCTYPE_SUBSET = re.compile(r"[\s\ufeff]*(?:<\?xml[^<>]*>\s*)?<!doctype[^<>\[]*\[", re.I)
_SUBSET_END = re.compile(r"\][\t\n\f\r ]*>")
_END_BR = re.compile(r"</(br)(?=[\t\n\f\r />])", re.I)  # HTML reads </br> as <br>


def html_to_text(html: str) -> tuple[str, str]:
    """``(title, text)`` of an HTML page; the title may be empty.

    libxml2's HTML parser reads the page in time linear in its length, as a browser
    tokenizes it (an unterminated comment runs to the end); nothing is fetched, no DTD
    is loaded and no entity but HTML's own is expanded."""
    subset = _DOCTYPE_SUBSET.match(html)
    if subset:
        end = _SUBSET_END.search(html, subset.end())
        html = html[end.end() :] if end else html[subset.end() :]
    html = _END_BR.sub(r"<\1", html).replace(BREAK, "")  # browsers drop NUL; libxml2 keeps U+FFFD
    if not html.strip():
        return "", ""
    # Bytes with their encoding named: libxml2 then ignores the page's <meta charset>.
    # huge_tree lifts libxml2's 10 MB limit on one comment or text run, past which it drops
    # or shows the rest of the page without a word; the page's size is capped before.
    parser = etree.HTMLParser(
        target=_Extractor(), encoding="utf-8", no_network=True, huge_tree=True
    )
    parser.feed(html.encode("utf-8", "replace"))
    return parser.close()


# Each try stops at the tag's end or the next tag, so the search is linear.
_META_CHARSET = re.compile(
    rb"""<meta[^<>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)


def declared_charset(data: bytes) -> str | None:
    """The Python codec of the encoding a page declares in a ``<meta>`` tag near its start
    (outside comments), as a browser reads the label; None if there is none or it is no
    web encoding (a browser ignores it)."""
    match = _META_CHARSET.search(_without_comments(data[:8192]))
    return web_codec(match.group(1).decode("ascii")) if match else None


def _without_comments(data: bytes) -> bytes:
    """``data`` without its comments; an unterminated one runs to the end."""
    kept: list[bytes] = []
    at = 0
    while (start := data.find(b"<!--", at)) >= 0:
        kept.append(data[at:start])
        end = data.find(b"-->", start + 4)
        if end < 0:
            return b"".join(kept)
        at = end + 3
    kept.append(data[at:])
    return b"".join(kept)
