"""Normalisation of imported text and the document fingerprint.

The normalised text is stored once and never changed again: every offset refers to it.
"""

from __future__ import annotations

import hashlib

from annotator.core.messages import N_, say

BOM = "\ufeff"


class TextDecodeError(ValueError):
    """Raised when bytes are not valid UTF-8; the message says where."""


def normalise_text(text: str) -> str:
    """Drop one leading BOM and turn CRLF and lone CR into LF; change nothing else.

    No Unicode normalisation and no whitespace changes: offsets into the result are
    what researchers' scripts will index with.
    """
    if text.startswith(BOM):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_utf8(data: bytes) -> str:
    """Decode UTF-8 or raise :class:`TextDecodeError` naming the byte.

    A BOM is kept: :func:`normalise_text` removes exactly one.
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise TextDecodeError(
            say(
                N_("not valid UTF-8: byte 0x{byte} at offset {offset} (line {line})"),
                byte=f"{data[exc.start]:02x}",
                offset=exc.start,
                line=line,
            )
        ) from None


def text_sha256(text: str) -> str:
    """Hex SHA-256 of the UTF-8 encoded text: the document's identity across databases."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def guess_title(text: str, fallback: str) -> str:
    """First non-empty line (Markdown heading marks removed), else ``fallback``."""
    for line in text.split("\n"):
        line = line.strip().lstrip("#").strip()
        if line:
            return line if len(line) <= 120 else line[:119].rstrip() + "…"
    return fallback
