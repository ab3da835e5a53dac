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
    """A document about to be imported; ``text`` is already normalised.

    ``format`` is what it was extracted from (text, markdown, html, ...), ``encoding``
    the character encoding its bytes were decoded from, ``original_name`` its file name;
    ``published`` is an ISO date (``2024-02-22``) when known.
    """

    title: str
    source: str
    text: str
    format: str = "text"
    encoding: str | None = None
    original_name: str | None = None
    author: str | None = None
    published: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    title: str
    source: str
    text: str
    sha256: str
    created_at: datetime  # when it was imported
    format: str = "text"
    encoding: str | None = None
    original_name: str | None = None
    author: str | None = None
    published: str | None = None

    @property
    def length(self) -> int:
        return len(self.text)


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """What the document list shows, without the text."""

    id: str
    title: str
    annotation_count: int
    done: bool = False


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


@dataclass(frozen=True, slots=True)
class SetDocument:
    """A document as an annotation set carries it; ``text`` is ``None`` in a set
    exported without texts (it is then identified by ``sha256`` alone)."""

    id: str
    title: str
    source: str
    sha256: str
    length: int
    text: str | None
    annotations: tuple[Annotation, ...] = ()
    # Without a text, the (quote, prefix, suffix) read for each annotation, so they can
    # be checked against the matching document's text on import.
    contexts: tuple[tuple[str, str, str], ...] = ()
    format: str = "text"
    encoding: str | None = None
    original_name: str | None = None
    imported_at: datetime | None = None
    author: str | None = None
    published: str | None = None


@dataclass(frozen=True, slots=True)
class AnnotationSet:
    """Labels and documents with their annotations: what the JSON format holds."""

    labels: tuple[Label, ...]
    documents: tuple[SetDocument, ...]
    exported_at: datetime | None = None
    generator_name: str = "annotator"
    generator_version: str = ""


@dataclass(frozen=True, slots=True)
class DocumentExport:
    """A stored document with its annotations, as the store hands them out for export."""

    document: Document
    annotations: tuple[Annotation, ...]
