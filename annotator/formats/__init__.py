"""Reading and writing annotation sets without Qt or a database, e.g. in a notebook::

from annotator.formats import load_annotation_set
aset = load_annotation_set("annotations.json")
for doc in aset.documents:
    for ann in doc.annotations:
        print(ann.label, doc.text[ann.start:ann.end])
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.files import write_atomically
from annotator.core.messages import message_of
from annotator.core.model import Annotation, AnnotationSet, Label, SetDocument
from annotator.core.reading import FileReadError, open_file
from annotator.core.set_errors import SetFormatError
from annotator.formats.annotation_set import (
    FORMAT_NAME,
    FORMAT_VERSION,
    parse_annotation_set,
    render,
    render_bytes,
    set_document,
    to_dict,
)
from annotator.formats.set_stream import stream_annotation_set
from annotator.formats.tables import CSV_COLUMNS, to_csv, to_jsonl

__all__ = [
    "CSV_COLUMNS",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "Annotation",
    "AnnotationSet",
    "Label",
    "SetDocument",
    "SetFormatError",
    "dump_annotation_set",
    "dumps_annotation_set",
    "load_annotation_set",
    "parse_annotation_set",
    "render",
    "set_document",
    "to_csv",
    "to_dict",
    "to_jsonl",
]


def load_annotation_set(path: str | Path) -> AnnotationSet:
    """Read and validate the annotation set at ``path``.

    Raises :class:`SetFormatError` (file, JSON path, problem) for anything invalid and
    ``OSError`` when the file cannot be read or is refused by the guarded read (not a
    regular file, under ``/proc``, ``/sys`` or ``/dev``). Read a document at a time: a
    set of any size reads.
    """
    path = Path(path)
    try:
        with open_file(path) as (handle, _size):
            return stream_annotation_set(handle, file=str(path))
    except FileReadError as exc:
        raise OSError(message_of(exc)) from None


def dumps_annotation_set(aset: AnnotationSet, *, compact: bool = False) -> str:
    """The set as JSON text (pretty unless ``compact``), ending in a newline."""
    return render(aset, compact=compact)


def dump_annotation_set(aset: AnnotationSet, path: str | Path, *, compact: bool = False) -> None:
    """Write the set to ``path`` as UTF-8 JSON (LF line ends on every platform), through
    :func:`annotator.core.files.write_atomically`: never half a file, and ``OSError``
    naming the path for a device, pipe, folder or system path."""
    write_atomically(Path(path), render_bytes(aset, compact=compact))
