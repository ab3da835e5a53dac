"""What a format's ``render`` takes and gives (:mod:`annotator.formats.registry`)."""

from __future__ import annotations

from dataclasses import dataclass

# One file's bytes, or a folder's files by relative path (forward slashes).
Rendered = bytes | dict[str, bytes]


@dataclass(frozen=True, slots=True)
class RenderOptions:
    compact: bool = False  # JSON on one line
    excel: bool = False  # CSV: the BOM Excel needs for UTF-8
    with_paths: bool = False  # REFI-QDA: each document's source (a local path) as its description
