"""What the annotation tools' task files (doccano, Label Studio) share: offsets in UTF-16
code units, reading the file, and turning texts with labelled spans into a set.

A tool's file carries texts as the tool saw them (perhaps with CRLF or a BOM) and spans
over them; :class:`TaskSetBuilder` stores each text as Annotator does (normalised, see
:func:`annotator.core.text.normalise_text`) and moves the spans with it.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from annotator.core.ids import document_id_for
from annotator.core.labels import ColourAllocator
from annotator.core.messages import N_, say
from annotator.core.model import Annotation, AnnotationSet, Label, SetDocument
from annotator.core.reading import read_file as guarded_read
from annotator.core.text import BOM, normalise_text, text_sha256
from annotator.formats.annotation_set import MAX_SET_BYTES
from annotator.formats.checks import checked

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
# Characters some line splitters break lines at: escaped in JSON Lines output.
LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})
# Annotations read from a tool's file are named by what they are, so that importing the
# same file twice finds them already there.
_ANNOTATION_NAMESPACE = uuid.UUID("0b6f3a52-53f4-4c8e-9d5e-3f1f6c2a7d41")
TITLE_WORDS = 8


def utf16_offsets(text: str) -> Callable[[int], int]:
    """Code point offset in ``text`` → UTF-16 code unit offset (a JavaScript index)."""
    if not _ASTRAL.search(text):
        return int
    units = [0] * (len(text) + 1)
    at = 0
    for i, ch in enumerate(text):
        at += 2 if ord(ch) > 0xFFFF else 1
        units[i + 1] = at
    return units.__getitem__


def codepoint_offsets(text: str) -> tuple[int, Callable[[int], int | None]]:
    """The length of ``text`` in UTF-16 code units, and a map from a code unit offset
    to the code point offset (``None`` for an offset between the halves of a pair)."""
    if not _ASTRAL.search(text):
        return len(text), int
    points: list[int | None] = []
    for i, ch in enumerate(text):
        points.append(i)
        if ord(ch) > 0xFFFF:
            points.append(None)
    points.append(len(text))
    return len(points) - 1, points.__getitem__


def read_file(path: Path) -> bytes:
    """The bytes of a tool's file through the guarded read, or :class:`DocumentReadError`
    naming it: missing, unreadable, not a regular file, too large."""
    return guarded_read(path, limit=MAX_SET_BYTES, what=say(N_("a file of annotations")))


def file_time(path: Path) -> datetime:
    """When the file was last written (naive UTC, whole milliseconds): the time given to
    annotations whose file says nothing of when they were made. The same file gives the
    same time, so importing it again skips what is already there."""
    moment = datetime.fromtimestamp(path.stat().st_mtime, UTC).replace(tzinfo=None)
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)


def json_kind(value: object) -> str:
    """What a JSON value is, in words for a message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    return {dict: "an object", list: "a list", str: "a string"}.get(type(value), "a number")


def first_words(text: str) -> str:
    """The first few words of ``text`` as a title."""
    words = text.split()
    if not words:
        return "(empty)"
    title = " ".join(words[:TITLE_WORDS])
    return title + "…" if len(words) > TITLE_WORDS else title


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled span as a tool's file gives it, in code points over the text as the
    file holds it (before normalisation)."""

    label: str
    start: int
    end: int
    annotator: str
    created_at: datetime
    updated_at: datetime
    note: str | None = None


@dataclass
class _Doc:
    title: str
    source: str
    text: str
    annotations: dict[str, Annotation] = field(default_factory=dict)


class TaskSetBuilder:
    """Collects texts and their spans into an :class:`AnnotationSet`. Texts that are the
    same once normalised become one document; the same span (label, offsets, annotator)
    given twice becomes one annotation; labels get palette colours."""

    def __init__(self, file: str, generator: str) -> None:
        self.file = file
        self.generator = generator
        self.labels: dict[str, Label] = {}
        self.palette = ColourAllocator()
        self.docs: dict[str, _Doc] = {}  # by sha256

    def add(self, raw_text: str, title: str | None, source: str, spans: list[Span]) -> None:
        """One text and its spans (already checked to lie inside ``raw_text``); without a
        title, the text's first words are the title."""
        text = normalise_text(raw_text)
        moved = _normalised_offsets(raw_text, text)
        sha = text_sha256(text)
        title = " ".join(title.split()) if title and title.strip() else first_words(text)
        doc = self.docs.setdefault(sha, _Doc(title, source, text))
        doc_id = document_id_for(sha)
        for span in spans:
            if span.label not in self.labels:
                self.labels[span.label] = Label(span.label, self.palette.next())
            start, end = moved(span.start), moved(span.end)
            key = "\0".join((doc_id, span.annotator, span.label, str(start), str(end)))
            ann_id = str(uuid.uuid5(_ANNOTATION_NAMESPACE, key))
            doc.annotations.setdefault(
                ann_id,
                Annotation(
                    ann_id,
                    doc_id,
                    span.label,
                    start,
                    end,
                    span.note,
                    span.annotator,
                    span.created_at,
                    span.updated_at,
                ),
            )

    def build(self) -> AnnotationSet:
        documents = tuple(
            SetDocument(
                document_id_for(sha),
                doc.title,
                doc.source,
                sha,
                len(doc.text),
                doc.text,
                tuple(
                    sorted(doc.annotations.values(), key=lambda a: (a.start, a.end, a.label, a.id))
                ),
            )
            for sha, doc in self.docs.items()
        )
        aset = AnnotationSet(
            tuple(self.labels.values()),
            documents,
            generator_name=self.generator,
            undefined_labels=frozenset(self.labels),  # these formats only name labels
        )
        return checked(aset, self.file)


def _normalised_offsets(raw: str, text: str) -> Callable[[int], int]:
    """Offset in ``raw`` → offset in ``text`` = ``normalise_text(raw)``: a dropped BOM
    and the CR of a CRLF take no room, so an offset just after them moves back."""
    if raw == text:
        return int
    moved = [0] * (len(raw) + 1)
    at = 0
    for i, ch in enumerate(raw):
        moved[i] = at
        dropped = (i == 0 and ch == BOM) or (ch == "\r" and raw.startswith("\n", i + 1))
        if not dropped:
            at += 1
    moved[len(raw)] = at
    assert at == len(text)
    return moved.__getitem__
