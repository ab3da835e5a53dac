"""Text out of Word (.docx) files and PDFs, guarded against hostile files.

DOCX, ODT and EPUB files are zip archives: before anything is parsed, their declared
uncompressed sizes and compression ratios are checked, so a small file that inflates to
gigabytes is refused; members are then inflated a chunk at a time and the bytes actually
read are capped too, since a header can lie. Nothing is ever written to disk, so member
names (``../../evil``) are only looked up, never used as paths. XML is parsed with entity
resolution off; a member that declares XML entities, or whose text is cut by an entity
reference, is refused (its text would be wrong), and so is an archive whose XML holds more
elements than :data:`MAX_ELEMENTS`, counted in the bytes as they inflate, before any tree
is built (a tree costs over 100 bytes an element: 14 MB of tiny paragraphs took 2.4 GB).
PDFs give their text layer, a page per paragraph block; a PDF without one is reported as
probably scanned.
"""

from __future__ import annotations

import io
import logging
import re
import time
import zipfile
from dataclasses import dataclass
from typing import Any

from annotator.core.messages import N_, say

MAX_UNPACKED = 200 * 1024 * 1024  # bytes an archive may unpack to (declared, and read)
MAX_RATIO = 200  # uncompressed / compressed, per member
MAX_MEMBERS = 10_000  # files inside an archive
CHUNK = 1 << 20  # bytes inflated at a time
# XML elements an archive's parsed members may hold, together: generous (Word writes about
# one per 30 bytes of XML, so this is a document.xml of some 120 MB); an import of 3.8
# million tiny ones peaks at 680 MB.
MAX_ELEMENTS = 4_000_000
_XML_CODECS = ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
_ENTITY_DECLARATION = re.compile(
    b"|".join(re.escape("<!ENTITY".encode(codec)) for codec in _XML_CODECS)
)
_DOCTYPES = {codec: "<!DOCTYPE".encode(codec) for codec in _XML_CODECS}
# The public DTDs of (X)HTML and of EPUB 2's NCX, which books name as a matter of course
# (never loaded); any other DTD in a member is refused.
_STANDARD_DTDS = re.compile(r'PUBLIC\s+["\'](-//W3C//DTD X?HTML|-//NISO//DTD ncx)', re.I)
MAX_TEXT = 50 * 1024 * 1024  # characters a document may extract to
MAX_SECONDS = 60  # a PDF's text extraction, checked between pages
_HYPHENATED = re.compile(r"(?<=[^\W\d_])-\n(?=[^\W\d_])")


# pypdf logs warnings about damaged files on its own; the one-line error is ours to give.
logging.getLogger("pypdf").setLevel(logging.ERROR)


class ExtractError(ValueError):
    """A document file whose text cannot be taken out; the message says why."""


def _why(exc: BaseException, *, named: bool = True) -> str:
    """A library's exception as part of a one-line message: its type (unless ``named``
    is false), then its text on one line (libxml2 ends its own with a newline), cut short."""
    text = " ".join(str(exc).split())
    if len(text) > 200:
        text = text[:199] + "…"
    return f"{type(exc).__name__}: {text}" if named else text


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
    archive = _Archive(data, say(N_("Word document")))
    names = archive.names()
    if "word/document.xml" not in names:
        raise ExtractError(say(N_("not a Word document (no word/document.xml inside)")))
    has_properties = "docProps/core.xml" in names
    copy = archive.stored_copy()  # python-docx inflates members whole: give it no chance
    try:
        import docx

        document = docx.Document(io.BytesIO(copy))
        body = document.element.body
    except Exception as exc:  # python-docx raises many types for broken files
        raise ExtractError(say(N_("not a readable Word document ({why})"), why=_why(exc))) from None
    _refuse_entity_references(document.element, "word/document.xml")
    if has_properties:
        _refuse_entity_references(document.core_properties._element, "docProps/core.xml")
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


class _Archive:
    """A zip archive whose declared sizes have been checked, read with a cap on the bytes
    actually inflated (a header may understate them), shared by all reads."""

    def __init__(self, data: bytes, kind: str) -> None:
        self.kind = kind
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, ValueError, OSError, EOFError):
            raise ExtractError(
                say(N_("not {kind} (not a zip archive; truncated?)"), kind=_a(kind))
            ) from None
        members = self.zip.infolist()
        if len(members) > MAX_MEMBERS:
            raise ExtractError(
                say(
                    N_("refused: {count} files inside, more than {MAX_MEMBERS:,} (a zip bomb?)"),
                    count=len(members),
                    MAX_MEMBERS=MAX_MEMBERS,
                )
            )
        total = 0
        for member in members:
            total += member.file_size
            if member.compress_size and member.file_size / member.compress_size > MAX_RATIO:
                ratio = member.file_size // member.compress_size
                raise ExtractError(
                    say(
                        N_("refused: {filename} would unpack {ratio} times its size (a zip bomb?)"),
                        filename=member.filename,
                        ratio=ratio,
                    )
                )
        if total > MAX_UNPACKED:
            raise ExtractError(
                say(
                    N_("refused: it would unpack to {size:.0f} MiB, more than {limit} MiB"),
                    size=total / 2**20,
                    limit=MAX_UNPACKED // 2**20,
                )
            )
        self.left = MAX_UNPACKED
        self.elements_left = MAX_ELEMENTS

    def names(self) -> set[str]:
        return set(self.zip.namelist())

    def read(self, name: str, *, xml: bool | None = False) -> bytes:
        """A member's bytes; ``KeyError`` if there is none of that name,
        :class:`ExtractError` if it cannot be inflated or the archive's budget runs out.

        With ``xml`` (``None``: when the member starts like XML), the member is XML to be
        parsed: its elements count against :data:`MAX_ELEMENTS` as it inflates, and one
        that declares entities is refused."""
        info = self.zip.getinfo(name)
        chunks = []
        try:
            with self.zip.open(info) as member:
                # read(n) inflates at most about n bytes; read() would inflate all at once.
                while chunk := member.read(CHUNK):
                    self.left -= len(chunk)
                    if self.left < 0:
                        raise ExtractError(
                            say(
                                N_("refused: it unpacks to more than {limit} MiB"),
                                limit=MAX_UNPACKED // 2**20,
                            )
                        )
                    if xml is None:
                        xml = chunk[:64].lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n\x00")[:1] == b"<"
                    if xml:
                        self._count_elements(chunk)
                    chunks.append(chunk)
        except ExtractError:
            raise
        except Exception as exc:  # zipfile and zlib raise several types for broken data
            raise ExtractError(
                say(
                    N_("not a readable {kind} ({name}: {why})"),
                    kind=self.kind,
                    name=name,
                    why=_why(exc),
                )
            ) from None
        data = b"".join(chunks)
        if xml and _ENTITY_DECLARATION.search(data):
            raise ExtractError(
                say(
                    N_(
                        "refused: {name} declares XML entities (text made of entities is not "
                        "read, and may be a billion laughs)"
                    ),
                    name=name,
                )
            )
        if xml:
            self._refuse_dtd(data, name)
        return data

    def _refuse_dtd(self, data: bytes, name: str) -> None:
        """Refuse a member whose XML names a DTD: no Office program writes one, and a DTD
        is where entities that expand without end or reach other files are declared. An
        EPUB's (X)HTML and NCX may name their standard public DTDs (never loaded)."""
        for codec, doctype in _DOCTYPES.items():
            at = data.find(doctype)
            if at < 0:
                continue
            width = len(doctype) // len("<!DOCTYPE")
            declared = data[at : at + 300 * width].decode(codec, "replace")
            declared = declared.split(">", 1)[0] + (">" if ">" in declared else "…")
            standard = "[" not in declared and (
                declared.lower().replace(" ", "") == "<!doctypehtml>"
                or _STANDARD_DTDS.search(declared) is not None
            )
            if self.kind == "EPUB book" and standard:
                return
            shown = " ".join(declared.split())[:120]
            raise ExtractError(
                say(
                    N_(
                        "refused: {name} declares a DTD ({shown}); DTDs are not read, as they "
                        "can declare entities that expand without end or reach other files"
                    ),
                    name=name,
                    shown=shown,
                )
            )

    def read_xml(self, name: str) -> bytes:
        """:meth:`read` of a member that is XML to be parsed."""
        return self.read(name, xml=True)

    def _count_elements(self, chunk: bytes) -> None:
        # Every element starts with a "<" not followed by "/": an upper bound, counted in
        # C before any tree is built (a "</" split between chunks counts one too many).
        self.elements_left -= chunk.count(b"<") - chunk.count(b"</")
        if self.elements_left < 0:
            raise ExtractError(
                say(
                    N_(
                        "refused: more than {MAX_ELEMENTS:,} XML elements inside, more than a "
                        "real document has (reading them would take gigabytes of memory)"
                    ),
                    MAX_ELEMENTS=MAX_ELEMENTS,
                )
            )

    def stored_copy(self) -> bytes:
        """The same members in an uncompressed archive, each read through :meth:`read`
        (as XML when it starts like XML: the reader parses those)."""
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as copy:
            for name in dict.fromkeys(self.zip.namelist()):  # a repeated name: the last
                copy.writestr(name, self.read(name, xml=None))
        return out.getvalue()


def _a(kind: str) -> str:
    if kind[0] in "AEIOU":
        return say(N_("an {kind}"), kind=kind)
    return say(N_("a {kind}"), kind=kind)


def _xml(archive: _Archive, name: str) -> Any:
    """A member parsed as XML without entity expansion or network access."""
    from lxml import etree

    kind = archive.kind
    try:
        data = archive.read_xml(name)
    except KeyError:
        raise ExtractError(
            say(N_("not {kind} ({name} is missing)"), kind=_a(kind), name=name)
        ) from None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise ExtractError(
            say(
                N_("not a readable {kind} ({name}: {why})"),
                kind=kind,
                name=name,
                why=_why(exc, named=False),
            )
        ) from None
    _refuse_entity_references(root, name)
    return root


def _refuse_entity_references(root: Any, name: str) -> None:
    """An entity reference left in a tree (declared in a DTD never loaded) stands where
    text should be: the text would be cut short or hold ``&name;``, so refuse it."""
    from lxml import etree

    for entity in root.iter(etree.Entity):
        raise ExtractError(
            say(
                N_(
                    "refused: {name} uses the XML entity {text}, which is not read (its "
                    "text would be missing)"
                ),
                name=name,
                text=entity.text,
            )
        )


class _TextBudget:
    """Raises once more than :data:`MAX_TEXT` characters have been taken out."""

    def __init__(self) -> None:
        self.left = MAX_TEXT

    def take(self, text: str) -> str:
        self.left -= len(text)
        if self.left < 0:
            raise ExtractError(
                say(
                    N_("more than {millions} million characters of text"),
                    millions=MAX_TEXT // 2**20,
                )
            )
        return text


ODF_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
ODF_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
ODF_DC = "{http://purl.org/dc/elements/1.1/}"
ODF_META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"


def odt_text(data: bytes) -> Extracted:
    """An OpenDocument text: headings, paragraphs, lists and tables in reading order,
    as for Word files; title and author from meta.xml, else the first heading."""
    archive = _Archive(data, say(N_("OpenDocument text")))
    root = _xml(archive, "content.xml")
    body = root.find(".//{urn:oasis:names:tc:opendocument:xmlns:office:1.0}text")
    if body is None:
        raise ExtractError(say(N_("not an OpenDocument text (no office:text body)")))
    blocks: list[str] = []
    heading = ""
    budget = _TextBudget()

    def walk(container: Any) -> None:
        nonlocal heading
        for child in container:
            tag = child.tag
            if tag in (ODF_TEXT + "p", ODF_TEXT + "h"):
                text = _odf_inline(child, budget)
                if tag == ODF_TEXT + "h" and not heading and text.strip():
                    heading = " ".join(text.split())
                blocks.append(text)
            elif tag == ODF_TABLE + "table":
                rows = []
                for row in child.iter(ODF_TABLE + "table-row"):
                    cells = [
                        " ".join(_odf_inline(p, budget) for p in cell.iter(ODF_TEXT + "p")).strip()
                        for cell in row
                        if cell.tag == ODF_TABLE + "table-cell"
                    ]
                    rows.append("\t".join(cells))
                blocks.append("\n".join(rows))
            elif tag in (ODF_TEXT + "list", ODF_TEXT + "list-item", ODF_TEXT + "section"):
                walk(child)

    walk(body)
    title, author = "", None
    if "meta.xml" in archive.names():
        meta = _xml(archive, "meta.xml")
        found = meta.find(f".//{ODF_DC}title")
        title = (found.text or "").strip() if found is not None else ""
        creator = meta.find(f".//{ODF_META}initial-creator")
        if creator is None:
            creator = meta.find(f".//{ODF_DC}creator")
        author = (creator.text or "").strip() or None if creator is not None else None
    text = "\n\n".join(block for block in blocks if block.strip())
    return Extracted(text=text + ("\n" if text else ""), title=title or heading, author=author)


def _odf_inline(element: Any, budget: _TextBudget) -> str:
    parts: list[str] = [budget.take(element.text or "")]
    for child in element:
        tag = child.tag
        if tag == ODF_TEXT + "s":
            count = child.get(ODF_TEXT + "c", "1")
            # Not a number: ODF's default, one space. Checked against the budget before
            # the spaces are made, since text:c="1000000000" is ten bytes in the file.
            spaces = int(count) if count.isascii() and count.isdigit() else 1
            parts.append(budget.take(" " * min(spaces, budget.left + 1)))
        elif tag == ODF_TEXT + "tab":
            parts.append("\t")
        elif tag == ODF_TEXT + "line-break":
            parts.append("\n")
        elif tag in (ODF_TEXT + "note", ODF_TEXT + "tracked-changes"):
            pass  # footnotes and change records are not the running text
        else:
            parts.append(_odf_inline(child, budget))
        parts.append(budget.take(child.tail or ""))
    return "".join(parts)


def epub_text(data: bytes) -> Extracted:
    """An EPUB book: its chapters' readable text in spine order, a blank line between
    chapters; title and author from the package metadata."""
    from annotator.core.html_text import html_to_text

    archive = _Archive(data, say(N_("EPUB book")))

    container = _xml(archive, "META-INF/container.xml")
    rootfile = container.find(".//{urn:oasis:names:tc:opendocument:xmlns:container}rootfile")
    if rootfile is None or not rootfile.get("full-path"):
        raise ExtractError(say(N_("not an EPUB book (no package file named in container.xml)")))
    package_path = rootfile.get("full-path")
    package = _xml(archive, package_path)
    opf = "{http://www.idpf.org/2007/opf}"
    folder = package_path.rsplit("/", 1)[0] + "/" if "/" in package_path else ""
    manifest = {
        item.get("id"): item.get("href") for item in package.iter(opf + "item") if item.get("id")
    }
    chapters = []
    budget = _TextBudget()  # a spine may name one chapter a million times
    for ref in package.iter(opf + "itemref"):
        href = manifest.get(ref.get("idref"))
        if not href:
            continue
        try:
            raw = archive.read_xml(folder + href.split("#")[0])
        except KeyError:
            continue
        _title, chapter = html_to_text(raw.decode("utf-8", "replace"))
        if chapter.strip():
            chapters.append(budget.take(chapter.strip("\n")))
    title_node = package.find(f".//{ODF_DC}title")
    creator = package.find(f".//{ODF_DC}creator")
    text = "\n\n".join(chapters)
    return Extracted(
        text=text + ("\n" if text else ""),
        title=(title_node.text or "").strip() if title_node is not None else "",
        author=((creator.text or "").strip() or None) if creator is not None else None,
    )


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
                raise ExtractError(
                    say(
                        N_("encrypted PDF that cannot be opened ({why})"),
                        why=_why(exc, named=False),
                    )
                ) from None
            if not unlocked:
                raise ExtractError(say(N_("encrypted PDF (it needs a password)")))
        pages = []
        started, length = time.monotonic(), 0
        for page in reader.pages:
            text = (page.extract_text() or "").strip("\n")
            length += len(text)
            if length > MAX_TEXT:
                raise ExtractError(
                    say(
                        N_("more than {millions} million characters of text"),
                        millions=MAX_TEXT // 2**20,
                    )
                )
            if time.monotonic() - started > MAX_SECONDS:
                raise ExtractError(
                    say(
                        N_("gave up after {MAX_SECONDS} s (a hostile PDF?)"),
                        MAX_SECONDS=MAX_SECONDS,
                    )
                )
            pages.append(text)
        metadata = reader.metadata
        title = _characters(str(metadata.title or "")) if metadata else ""
        author = _characters(str(metadata.author or "")) or None if metadata else None
    except ExtractError:
        raise
    except Exception as exc:  # pypdf raises many types for broken files
        raise ExtractError(say(N_("not a readable PDF ({why})"), why=_why(exc))) from None
    text = "\n\n".join(page for page in pages if page.strip())
    if not text.strip():
        raise ExtractError(say(N_("no extractable text (scanned image?)")))
    if join_hyphens:
        text = _HYPHENATED.sub("", text)
    return Extracted(text=_characters(text) + "\n", title=title.strip(), author=author)


def _characters(text: str) -> str:
    """``text`` with surrogate pairs joined into their characters and lone surrogates
    (a font's broken character map) made U+FFFD, so that it is text that UTF-8 can hold."""
    if text.isascii():
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
