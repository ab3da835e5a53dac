"""Text out of Word (.docx) files and PDFs, guarded against hostile files.

A DOCX is a zip archive: before anything is parsed, its declared uncompressed size and
compression ratio are checked, so a small file that inflates to gigabytes is refused.
python-docx parses XML with entity resolution off. PDFs give their text layer, a page per
paragraph block; a PDF without one is reported as probably scanned.
"""

from __future__ import annotations

import io
import logging
import re
import time
import zipfile
from dataclasses import dataclass
from typing import Any

MAX_UNPACKED = 200 * 1024 * 1024  # bytes a DOCX may unpack to
MAX_RATIO = 200  # uncompressed / compressed, per member
MAX_TEXT = 50 * 1024 * 1024  # characters a document may extract to
MAX_SECONDS = 60  # a PDF's text extraction, checked between pages
_HYPHENATED = re.compile(r"(?<=[^\W\d_])-\n(?=[^\W\d_])")


# pypdf logs warnings about damaged files on its own; the one-line error is ours to give.
logging.getLogger("pypdf").setLevel(logging.ERROR)


class ExtractError(ValueError):
    """A document file whose text cannot be taken out; the message says why."""


@dataclass(frozen=True, slots=True)
class Extracted:
    text: str
    title: str = ""
    author: str | None = None


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Inside a paragraph: formatting, deleted or moved-away text, and field codes are not text.
_NOT_TEXT = {W + name for name in ("pPr", "rPr", "del", "moveFrom", "instrText", "delText")}
_CONTAINERS = {W + name for name in ("customXml", "ins", "moveTo", "smartTag", "hyperlink")}


def docx_text(data: bytes) -> Extracted:
    """Paragraphs and table cells in reading order, a blank line between paragraphs and
    a tab between the cells of a row; tracked insertions, content controls, fields and
    nested tables included, deletions left out. Title from the document properties,
    else the first heading."""
    has_properties = _check_zip(data)
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
        body = document.element.body
    except Exception as exc:  # python-docx raises many types for broken files
        raise ExtractError(f"not a readable Word document ({type(exc).__name__}: {exc})") from None
    blocks, heading = _blocks(body)
    text = "\n\n".join(block for block in blocks if block.strip())
    title, author = "", None
    if has_properties:
        properties = document.core_properties
        title = (properties.title or "").strip()
        author = (properties.author or "").strip() or None
    return Extracted(text=text + ("\n" if text else ""), title=title or heading, author=author)


def _blocks(container: Any) -> tuple[list[str], str]:
    """Texts of the paragraphs and tables in ``container``, and its first heading."""
    blocks: list[str] = []
    heading = ""
    for child in container:
        tag = child.tag
        if tag == W + "p":
            text = _paragraph(child)
            if not heading and text.strip() and _is_heading(child):
                heading = " ".join(text.split())
            blocks.append(text)
        elif tag == W + "tbl":
            blocks.append(_table(child))
        elif tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                inner, first = _blocks(content)
                blocks.extend(inner)
                heading = heading or first
        elif tag in _CONTAINERS:
            inner, first = _blocks(child)
            blocks.extend(inner)
            heading = heading or first
    return blocks, heading


def _paragraph(element: Any) -> str:
    parts: list[str] = []

    def walk(node: Any) -> None:
        for child in node:
            tag = child.tag
            if tag in _NOT_TEXT:
                continue
            if tag == W + "t":
                parts.append(child.text or "")
            elif tag == W + "tab":
                parts.append("\t")
            elif tag in (W + "br", W + "cr"):
                parts.append("\n")
            elif tag == W + "noBreakHyphen":
                parts.append("-")
            else:
                walk(child)  # runs, insertions, fields, smart tags, inline controls

    walk(element)
    return "".join(parts)


def _table(element: Any) -> str:
    rows = []
    for row in element.iter(W + "tr"):
        if _owning_table(row) is not element:
            continue  # a row of a nested table: part of its cell's text
        cells = []
        for cell in row:
            if cell.tag == W + "tc":
                inner, _ = _blocks(cell)
                cells.append(" ".join(" ".join(b.split()) for b in inner if b.strip()))
            elif cell.tag == W + "sdt":
                content = cell.find(W + "sdtContent")
                for tc in [] if content is None else content.findall(W + "tc"):
                    inner, _ = _blocks(tc)
                    cells.append(" ".join(" ".join(b.split()) for b in inner if b.strip()))
        rows.append("\t".join(cells))
    return "\n".join(rows)


def _owning_table(row: Any) -> Any:
    node = row.getparent()
    while node is not None and node.tag != W + "tbl":
        node = node.getparent()
    return node


def _is_heading(paragraph: Any) -> bool:
    properties = paragraph.find(W + "pPr")
    style = properties.find(W + "pStyle") if properties is not None else None
    name = style.get(W + "val", "") if style is not None else ""
    return name.startswith("Heading") or name == "Title"


def _check_zip(data: bytes) -> bool:
    """Refuse archives that are not Word files or would unpack too far; returns whether
    the document has a properties part (docProps/core.xml)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ExtractError("not a Word document (not a zip archive; truncated?)") from None
    total = 0
    for member in archive.infolist():
        total += member.file_size
        if member.compress_size and member.file_size / member.compress_size > MAX_RATIO:
            ratio = member.file_size // member.compress_size
            raise ExtractError(
                f"refused: {member.filename} would unpack {ratio} times its size (a zip bomb?)"
            )
    if total > MAX_UNPACKED:
        raise ExtractError(
            f"refused: it would unpack to {total / 2**20:.0f} MiB, more than "
            f"{MAX_UNPACKED // 2**20} MiB"
        )
    names = set(archive.namelist())
    if "word/document.xml" not in names:
        raise ExtractError("not a Word document (no word/document.xml inside)")
    return "docProps/core.xml" in names


def pdf_text(data: bytes, *, join_hyphens: bool = False) -> Extracted:
    """The text layer, one block per page, pages separated by a blank line. Hyphenated
    line ends are left as they are, unless ``join_hyphens``: then a letter, a hyphen at
    the end of a line and a letter starting the next are joined ("surveil-\nlance")."""
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                unlocked = reader.decrypt("")
            except Exception as exc:
                raise ExtractError(f"encrypted PDF that cannot be opened ({exc})") from None
            if not unlocked:
                raise ExtractError("encrypted PDF (it needs a password)")
        pages = []
        started, length = time.monotonic(), 0
        for page in reader.pages:
            text = (page.extract_text() or "").strip("\n")
            length += len(text)
            if length > MAX_TEXT:
                raise ExtractError(f"more than {MAX_TEXT // 2**20} million characters of text")
            if time.monotonic() - started > MAX_SECONDS:
                raise ExtractError(f"gave up after {MAX_SECONDS} s (a hostile PDF?)")
            pages.append(text)
        metadata = reader.metadata
        title = (metadata.title or "") if metadata else ""
        author = (metadata.author or None) if metadata else None
    except ExtractError:
        raise
    except Exception as exc:  # pypdf raises many types for broken files
        raise ExtractError(f"not a readable PDF ({type(exc).__name__}: {exc})") from None
    text = "\n\n".join(page for page in pages if page.strip())
    if not text.strip():
        raise ExtractError("no extractable text (scanned image?)")
    if join_hyphens:
        text = _HYPHENATED.sub("", text)
    return Extracted(text=text + "\n", title=str(title).strip(), author=author)
