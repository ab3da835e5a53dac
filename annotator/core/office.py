"""Text out of Word (.docx) files and PDFs, guarded against hostile files.

A DOCX is a zip archive: before anything is parsed, its declared uncompressed size and
compression ratio are checked, so a small file that inflates to gigabytes is refused.
python-docx parses XML with entity resolution off. PDFs give their text layer, a page per
paragraph block; a PDF without one is reported as probably scanned.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

MAX_UNPACKED = 200 * 1024 * 1024  # bytes a DOCX may unpack to
MAX_RATIO = 200  # uncompressed / compressed, per member
_HYPHENATED = re.compile(r"(?<=[^\W\d_])-\n(?=[^\W\d_])")


class ExtractError(ValueError):
    """A document file whose text cannot be taken out; the message says why."""


@dataclass(frozen=True, slots=True)
class Extracted:
    text: str
    title: str = ""
    author: str | None = None


def docx_text(data: bytes) -> Extracted:
    """Paragraphs and table cells in reading order, a blank line between paragraphs and
    a tab between the cells of a row; title from the document properties or the first
    heading."""
    _check_zip(data)
    try:
        import docx
        from docx.table import Table

        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many types for broken files
        raise ExtractError(f"not a readable Word document ({type(exc).__name__}: {exc})") from None
    blocks: list[str] = []
    heading = ""
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            rows = []
            for row in item.rows:
                cells = [" ".join(p.text for p in cell.paragraphs).strip() for cell in row.cells]
                rows.append("\t".join(_unique_cells(cells)))
            blocks.append("\n".join(rows))
            continue
        text = item.text
        if not heading and text.strip() and _is_heading(item.style.name if item.style else ""):
            heading = text.strip()
        blocks.append(text)
    text = "\n\n".join(block for block in blocks if block.strip())
    properties = document.core_properties
    return Extracted(
        text=text + ("\n" if text else ""),
        title=(properties.title or "").strip() or heading,
        author=(properties.author or "").strip() or None,
    )


def _is_heading(style: str) -> bool:
    return style.startswith("Heading") or style == "Title"


def _unique_cells(cells: list[str]) -> list[str]:
    # Merged cells repeat the same cell object along the row: keep one copy.
    out: list[str] = []
    for cell in cells:
        if not out or cell != out[-1] or not cell:
            out.append(cell)
    return out


def _check_zip(data: bytes) -> None:
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
    if "word/document.xml" not in archive.namelist():
        raise ExtractError("not a Word document (no word/document.xml inside)")


def pdf_text(data: bytes, *, join_hyphens: bool = False) -> Extracted:
    """The text layer, one block per page, pages separated by a blank line. Hyphenated
    line ends are left as they are, unless ``join_hyphens``: then a letter, a hyphen at
    the end of a line and a letter starting the next are joined ("surveil-\nlance")."""
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception:
                raise ExtractError("encrypted PDF (it needs a password)") from None
        pages = [(page.extract_text() or "").strip("\n") for page in reader.pages]
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
