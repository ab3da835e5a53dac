"""Reading document files into :class:`NewDocument` values: text in any common encoding,
Markdown as written, the readable text of saved web pages, Word files and PDFs."""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.decoding import NUL_BYTES, Decoded, DecodeError, decode_bytes
from annotator.core.html_text import declared_charset, html_to_text
from annotator.core.messages import FILE_PROBLEM, N_, message_of, say
from annotator.core.model import NewDocument
from annotator.core.office import ExtractError, docx_text, epub_text, odt_text, pdf_text
from annotator.core.reading import DocumentReadError, read_file, shown_path
from annotator.core.text import BOM, guess_title, normalise_text

FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pdf": "pdf",
    ".odt": "odt",
    ".epub": "epub",
}
SUFFIXES = tuple(FORMATS)
MAX_BYTES = 50 * 1024 * 1024  # a document's file; documented in docs/command-line.md
MAX_TEXT = 50 * 1024 * 1024  # characters of extracted text


def read_document(
    path: Path,
    *,
    join_hyphens: bool = False,
    folder: Path | None = None,
    encoding: str | None = None,
) -> NewDocument:
    """Read one document file through the guarded read
    (:func:`annotator.core.reading.read_file`). The text is normalised once (a BOM
    removed, CRLF and CR made LF) and nothing else is changed.

    Raises :class:`DocumentReadError` for a missing, unreadable, oversized, empty,
    binary or unsupported file, one that is not a regular file or lies under ``/proc``,
    ``/sys`` or ``/dev``, and (given the ``folder`` it was found in) a symbolic link
    out of that folder, naming the file and the reason. ``join_hyphens`` joins words
    hyphenated across line ends in PDFs.
    """
    where = shown_path(path)
    if path.is_dir():
        raise DocumentReadError(
            say(FILE_PROBLEM, file=where, problem=say(N_("is a folder, not a file")))
        )
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        unsupported = say(
            N_("unsupported file type {suffix} (supported: {supported})"),
            suffix=repr(path.suffix or "(none)"),
            supported=", ".join(SUFFIXES),
        )
        raise DocumentReadError(say(FILE_PROBLEM, file=where, problem=unsupported))
    data = read_file(path, limit=MAX_BYTES, what=say(N_("a document")), folder=folder)
    return document_from_bytes(data, path, fmt, join_hyphens=join_hyphens, encoding=encoding)


def document_from_bytes(
    data: bytes,
    path: Path,
    fmt: str,
    *,
    join_hyphens: bool = False,
    encoding: str | None = None,
) -> NewDocument:
    """The document a file's bytes hold, read as :func:`read_document` reads the file at
    ``path`` (which is not opened: it names the source) in the format ``fmt``. A named
    ``encoding`` is recorded as chosen by the user."""
    where = shown_path(path)
    forced = encoding is not None
    author = None
    decoded: Decoded | None = None
    try:
        if fmt == "html":
            decoded = _decode_html(data, encoding)
            html, encoding = decoded.text, decoded.encoding
            if "\x00" in html:
                raise DecodeError(say(NUL_BYTES))
            title, text = html_to_text(html)
        elif fmt in ("docx", "pdf", "odt", "epub"):
            if fmt == "pdf":
                extracted = pdf_text(data, join_hyphens=join_hyphens)
            else:
                extracted = {"docx": docx_text, "odt": odt_text, "epub": epub_text}[fmt](data)
            title, text, author, encoding = extracted.title, extracted.text, extracted.author, None
        else:
            decoded = decode_bytes(data, encoding)
            title, text, encoding = "", decoded.text, decoded.encoding
    except (DecodeError, ExtractError, LookupError) as exc:
        raise DocumentReadError(say(FILE_PROBLEM, file=where, problem=message_of(exc))) from None
    text = normalise_text(text)
    if len(text) > MAX_TEXT:
        too_long = say(
            N_("more than {millions} million characters of text"), millions=MAX_TEXT // 2**20
        )
        raise DocumentReadError(say(FILE_PROBLEM, file=where, problem=too_long))
    if not text.replace(BOM, "").strip():  # byte-order marks past the first are invisible
        empty = say(N_("the file holds no text"))
        raise DocumentReadError(say(FILE_PROBLEM, file=where, problem=empty))

    resolved = path.resolve()
    stem = shown_path(Path(resolved.stem))
    return NewDocument(
        title=" ".join(title.split()) or guess_title(text, stem),
        source=shown_path(resolved),
        text=text,
        format=fmt,
        encoding=encoding,
        original_name=shown_path(Path(resolved.name)),
        author=author,
        **_decoding_record(decoded, data, chosen=forced and decoded is not None),
    )


def _decoding_record(decoded: Decoded | None, data: bytes, *, chosen: bool) -> dict[str, Any]:
    """What a document records of a decoding that was not certain from the bytes alone:
    its confidence, the other readings and the original bytes (to read them again), and
    whether the user chose it."""
    record: dict[str, Any] = {"encoding_chosen": True} if chosen else {}
    if (
        decoded is None
        or decoded.encoding in ("utf-8", "ascii")
        or decoded.encoding.startswith(("utf-16", "utf-32", "utf_16", "utf_32"))
    ):
        return record
    return {
        **record,
        "confidence": decoded.confidence,
        "alternatives": decoded.alternatives,
        "original": data,
    }


def _decode_html(data: bytes, encoding: str | None = None) -> Decoded:
    """A page's characters: the ``encoding`` the user named; else a BOM first; then UTF-8
    when the bytes are UTF-8 with something beyond ASCII (a page saved as UTF-8 whatever
    its tag says); then its ``<meta charset>`` read as a browser reads it; then detection."""
    if encoding is not None or data.startswith(
        (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    ):
        return decode_bytes(data, encoding)
    if not data.isascii():
        try:
            return Decoded(data.decode("utf-8"), "utf-8")
        except UnicodeDecodeError:
            pass
    declared = declared_charset(data)  # a web encoding's codec, or None
    if declared:
        try:
            return Decoded(data.decode(declared), declared)
        except UnicodeDecodeError:
            pass  # a wrong declaration: detect instead
    return decode_bytes(data)


def read_documents(paths: list[Path]) -> list[NewDocument]:
    """Read every file or raise on the first bad one, so an import is all or nothing."""
    return [read_document(path) for path in paths]


def files_in_folder(folder: Path) -> Iterator[Path]:
    """Supported files under ``folder``, recursively, in name order; hidden files and
    folders (names starting with a dot) are skipped, symbolic links to folders not followed.
    Symbolic links to files are listed: reading them with ``folder=folder`` refuses those
    that lead out of the folder."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            # Hidden files and Office's "~$" lock files are not documents.
            if name.startswith((".", "~$")):
                continue
            if Path(name).suffix.lower() in FORMATS:
                yield Path(root) / name
