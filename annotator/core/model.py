"""Plain value types handed between the store, the formats and the UI.

All offsets are Unicode code points into ``Document.text``, end exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Label:
    """A category of annotation, e.g. ``claim``; ``color`` is ``#rrggbb``."""

    name: str
    color: str
    hotkey: str | None = None
    description: str = ""


@dataclass(frozen=True, slots=True)
class NewDocument:
    """A document about to be imported; ``text`` is already normalised."""

    title: str
    source: str
    text: str


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    title: str
    source: str
    text: str
    sha256: str
    created_at: datetime

    @property
    def length(self) -> int:
        return len(self.text)


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """What the document list shows, without the text."""

    id: str
    title: str
    annotation_count: int


@dataclass(frozen=True, slots=True)
class Annotation:
    id: str
    document_id: str
    label: str
    start: int
    end: int
    note: str | None
    annotator: str
    created_at: datetime
    updated_at: datetime
