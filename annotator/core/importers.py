"""Reading document files into :class:`NewDocument` values (plain text and Markdown)."""

from __future__ import annotations

import os
from pathlib import Path

from annotator.core.model import NewDocument
from annotator.core.text import TextDecodeError, decode_utf8, guess_title, normalise_text

SUFFIXES = (".txt", ".text", ".md", ".markdown")
MAX_BYTES = 64 * 1024 * 1024


class DocumentReadError(ValueError):
    """A file that cannot be imported; the message names the file and the reason."""


def shown_path(path: Path) -> str:
    """``path`` as text that can always be printed and stored: file names that are not
    valid UTF-8 get U+FFFD where their undecodable bytes were."""
    return os.fsencode(path).decode("utf-8", "replace")


def read_document(path: Path) -> NewDocument:
    """Read a UTF-8 text or Markdown file: BOM dropped, line ends made LF, nothing else.

    Raises :class:`DocumentReadError` for a missing, unreadable, oversized, empty,
    non-UTF-8 or unsupported file.
    """
    where = shown_path(path)
    if path.is_dir():
        raise DocumentReadError(f"{where}: is a folder, not a file")
    if path.suffix.lower() not in SUFFIXES:
        raise DocumentReadError(
            f"{where}: unsupported file type {path.suffix or '(none)'!r} "
            f"(supported: {', '.join(SUFFIXES)})"
        )
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DocumentReadError(
                f"{where}: file is {size / 2**20:.0f} MiB, more than the "
                f"{MAX_BYTES // 2**20} MiB a document may have"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise DocumentReadError(f"{where}: no such file") from None
    except IsADirectoryError:
        raise DocumentReadError(f"{where}: is a folder, not a file") from None
    except OSError as exc:
        raise DocumentReadError(f"{where}: cannot read ({exc.strerror or exc})") from None
    try:
        text = normalise_text(decode_utf8(data))
    except TextDecodeError as exc:
        raise DocumentReadError(f"{where}: {exc}") from None
    if not text.strip():
        raise DocumentReadError(f"{where}: the file holds no text")
    resolved = path.resolve()
    return NewDocument(
        title=guess_title(text, shown_path(Path(resolved.stem))),
        source=shown_path(resolved),
        text=text,
    )


def read_documents(paths: list[Path]) -> list[NewDocument]:
    """Read every file or raise on the first bad one, so an import is all or nothing."""
    return [read_document(path) for path in paths]
