"""Plain value types handed between the store, the formats and the UI.

All offsets are Unicode code points into ``Document.text``, end exclusive.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from annotator.core.messages import N_, say

if TYPE_CHECKING:
    from annotator.core.decoding import Reading

# An attribute's value: text and choices are str, numbers int or float, yes/no bool.
AttributeValue = str | int | float | bool
ATTRIBUTE_KINDS = ("text", "number", "choice", "boolean")


@dataclass(frozen=True, slots=True)
class AttributeSpec:
    """A typed field that annotations with a label may carry, e.g. a claim's speaker.

    ``kind`` is one of :data:`ATTRIBUTE_KINDS`; ``choices`` lists what a ``choice``
    attribute may hold (and is empty for the other kinds).
    """

    name: str
    kind: str = "text"
    choices: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True, slots=True)
class Label:
    """A category of annotation, e.g. ``claim``; ``color`` is ``#rrggbb``."""

    name: str
    color: str
    hotkey: str | None = None
    description: str = ""
    attributes: tuple[AttributeSpec, ...] = ()


@dataclass(frozen=True, slots=True)
class NewDocument:
    """A document about to be imported; ``text`` is already normalised.

    ``format`` is what it was extracted from (text, markdown, html, ...), ``encoding``
    the character encoding its bytes were decoded from, ``original_name`` its file name;
    ``published`` is an ISO date (``2024-02-22``) when known. A text file whose encoding
    was guessed carries how sure the guess was (``confidence``, 0..1), the next-best
    readings (``alternatives``) and its ``original`` bytes, so it can be read again.
    """

    title: str
    source: str
    text: str
    format: str = "text"
    encoding: str | None = None
    original_name: str | None = None
    author: str | None = None
    published: str | None = None
    confidence: float | None = None
    alternatives: tuple[Reading, ...] = ()
    original: bytes | None = None
    # The user named the encoding (``--encoding``, a reading picked in the window).
    encoding_chosen: bool = False


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
    # 1 for a first import; each changed text of the same source is the next number and
    # names the version it replaced (see docs/documents.md, "Changed documents").
    version: int = 1
    previous_id: str | None = None
    # How sure the guess of ``encoding`` was (0..1), None where the bytes left no doubt
    # (or it was imported before confidences were kept); ``encoding_chosen`` when the
    # user named the encoding.
    confidence: float | None = None
    encoding_chosen: bool = False

    @property
    def length(self) -> int:
        return len(self.text)

    def encoding_note(self) -> str:
        """The encoding as people read it: ``cp1252 (97% sure)``, ``cp1252 (chosen by
        you)``, ``utf-8``; ``—`` for formats that have none."""
        return describe_encoding(self.encoding, self.confidence, chosen=self.encoding_chosen)


def describe_encoding(encoding: str | None, confidence: float | None, *, chosen: bool) -> str:
    """See :meth:`Document.encoding_note`."""
    if encoding is None:
        return "—"
    if chosen:
        return say(N_("{encoding} (chosen by you)"), encoding=encoding)
    if confidence is None:
        return encoding
    return say(N_("{encoding} ({percent} sure)"), encoding=encoding, percent=f"{confidence:.0%}")


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """What the document list shows, without the text."""

    id: str
    title: str
    annotation_count: int
    done: bool = False
    version: int = 1
    # Annotations of its earlier versions that could not be carried over to this one.
    orphans: int = 0


class Annotation(NamedTuple):
    """A span of a document marked with a label.

    A named tuple rather than a dataclass: a book's ten thousand annotations are built
    in a third of the time. Change one with ``_replace``."""

    id: str
    document_id: str
    label: str
    start: int
    end: int
    note: str | None
    annotator: str
    created_at: datetime
    updated_at: datetime
    # (name, value) pairs sorted by name: a tuple keeps the annotation hashable.
    attributes: tuple[tuple[str, AttributeValue], ...] = ()
    # Left behind on its version when a changed text replaced it: it could not be placed
    # in the new text (its span still refers to this version's text).
    orphaned: bool = False
    # Moves on with every change to the stored annotation: an edit of version n is
    # refused once the stored one is no longer n (optimistic concurrency, migration 0008).
    version: int = 1
    # How it was made: None by hand (or unknown), "suggested" when accepted from the
    # suggestion engine, then with ``rule`` naming the rule that suggested it (0009).
    source: str | None = None
    rule: str | None = None

    @property
    def attribute_map(self) -> dict[str, AttributeValue]:
        return dict(self.attributes)


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
    version: int = 1
    previous_id: str | None = None
    # The document's memo (a paragraph or more of analysis), None for none.
    memo: str | None = None


@dataclass(frozen=True, slots=True)
class AnnotationSet:
    """Labels and documents with their annotations: what the JSON format holds."""

    labels: tuple[Label, ...]
    documents: tuple[SetDocument, ...]
    exported_at: datetime | None = None
    generator_name: str = "annotator"
    generator_version: str = ""
    # What reading it from another format could not carry over, for the import report.
    notes: tuple[str, ...] = ()
    # Labels the file only names (their colour is the reader's pick, nothing else is
    # given): the import colours new ones after the database's and keeps existing ones
    # without saying they differ.
    undefined_labels: frozenset[str] = frozenset()
    # The project's memo (the database's), None for none.
    memo: str | None = None


@dataclass(frozen=True, slots=True)
class StreamedSet:
    """An annotation set read while it is merged, a document at a time: ``head`` is what
    the file says before its documents (``head.documents`` is empty); ``documents``
    yields them, each checked, in file order, once (reading may raise as it goes);
    ``tail()``, once they are read, is ``head`` with what came after them (a memo)."""

    head: AnnotationSet
    documents: Iterable[SetDocument]
    tail: Callable[[], AnnotationSet]


@dataclass(frozen=True, slots=True)
class DocumentExport:
    """A stored document with its annotations, as the store hands them out for export."""

    document: Document
    annotations: tuple[Annotation, ...]


@dataclass(frozen=True, slots=True)
class VersionSummary:
    """One version of a document, as the list of its versions shows it."""

    id: str
    title: str
    version: int
    created_at: datetime  # when this version was imported
    annotation_count: int
    orphans: int  # of its annotations, those that could not be carried to the next version


@dataclass(frozen=True, slots=True)
class Orphan:
    """An orphaned annotation with the version it stays on and its quote there."""

    annotation: Annotation
    version: int
    quote: str
