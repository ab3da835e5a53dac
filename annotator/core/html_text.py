"""The readable text of a web page saved from a browser, with the standard library only.

Scripts, styles, navigation and hidden elements are dropped; entities are decoded;
paragraphs and headings are separated by blank lines and ``<br>`` is a line break;
``<pre>`` keeps its whitespace. Nothing is fetched: no images, no stylesheets.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

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
HEAD_CONTENT = {"title", "meta", "link", "style", "script", "base", "noscript", "template"}
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
SPACES = re.compile(r"[ \t\n\r\f\v]+")  # HTML's ASCII whitespace; NBSP stays
BREAK = "\x00"  # stands for <br> inside a paragraph until whitespace is collapsed
CELL = "\x01"  # a table cell's start, a tab once whitespace is collapsed
_MARKERS = {ord(BREAK): None, ord(CELL): None}  # dropped from the page's own text


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.buffer: list[str] = []
        self.skipping: str | None = None  # tag name of the element being skipped
        self.skip_depth = 0
        self.pre_depth = 0
        self.title: list[str] = []
        self.in_title = False
        self.h1: list[str] = []
        self.h1_depth = 0
        self.first_h1: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title" and self.skipping in (None, "head"):
            self.in_title = True
            return
        if self.skipping is not None:
            if not self._implicitly_ends_skip(tag):
                if tag == self.skipping and tag not in VOID:
                    self.skip_depth += 1
                return
            self.skipping, self.skip_depth = None, 0
        attributes = dict(attrs)
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

    def _implicitly_ends_skip(self, tag: str) -> bool:
        """Whether ``tag`` closes the skipped element without its end tag, as in HTML:
        body content ends an unclosed ``<head>``; a block ends an unclosed ``<p>``; the
        next item ends an unclosed ``<li>``, ``<dt>``, ``<dd>`` or ``<option>``."""
        skipped = self.skipping
        if skipped == "head":
            return tag not in HEAD_CONTENT
        if skipped == "p" and self.skip_depth == 1:
            return tag in BLOCK
        if skipped in ("li", "dt", "dd", "option") and self.skip_depth == 1:
            return tag == skipped or (skipped in ("dt", "dd") and tag in ("dt", "dd"))
        return False

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.in_title:
            self.in_title = False
            return
        if tag == "br" and self.skipping is None:  # </br> is a line break too
            self.buffer.append(BREAK)
            return
        if self.skipping is not None:
            if tag == self.skipping:
                self.skip_depth -= 1
                if self.skip_depth == 0:
                    self.skipping = None
            return
        if tag in BLOCK:
            self._flush()
        if tag == "pre" and self.pre_depth:
            self.pre_depth -= 1
        if tag == "h1" and self.h1_depth:
            self.h1_depth -= 1
            if self.first_h1 is None and self.h1:
                self.first_h1 = " ".join("".join(self.h1).split())

    def handle_data(self, data: str) -> None:
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

    def result(self) -> tuple[str, str]:
        self._flush()
        title = " ".join("".join(self.title).split()) or (self.first_h1 or "")
        return title, "\n\n".join(self.paragraphs) + ("\n" if self.paragraphs else "")


def html_to_text(html: str) -> tuple[str, str]:
    """``(title, text)`` of an HTML page; the title may be empty."""
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    return parser.result()


_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)


_COMMENT = re.compile(rb"<!--.*?-->", re.DOTALL)


def declared_charset(data: bytes) -> str | None:
    """The Python codec of the encoding a page declares in a ``<meta>`` tag near its start
    (outside comments), as a browser reads the label; None if there is none or it is no
    web encoding (a browser ignores it)."""
    match = _META_CHARSET.search(_COMMENT.sub(b"", data[:8192]))
    return web_codec(match.group(1).decode("ascii")) if match else None
