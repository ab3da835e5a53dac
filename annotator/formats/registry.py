"""Every interchange format Annotator reads or writes, in one list.

A format is one module holding plain functions over :class:`AnnotationSet`: ``render``
(the set and the texts of its documents, to the bytes of one file, or to the files of a
folder by relative path) and, if it can be imported, ``read`` (a file or folder to an
annotation set) and ``recognises`` (whether a file or folder is in this format). Adding a
format means adding its module and one entry to :data:`FORMATS` (and its name to
:mod:`annotator.core.choices`, which the command line's ``--format`` choices come from
without loading the formats; a test checks they agree); the window's export and import
dialogs come from here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from annotator.core.messages import N_, say
from annotator.core.model import AnnotationSet
from annotator.formats import doccano, label_studio, refi_qda, w3c
from annotator.formats.rendering import Rendered, RenderOptions

Render = Callable[[AnnotationSet, Mapping[str, str], RenderOptions], Rendered]


@dataclass(frozen=True, slots=True)
class Format:
    name: str  # on the command line
    title: str  # in the window
    suffix: str  # of the file written; "" for a folder
    render: Render
    read: Callable[[Path], AnnotationSet] | None = None
    recognises: Callable[[Path], bool] | None = None
    # Reads the file leaving out the spans that cannot be placed (listed in its notes).
    read_rest: Callable[[Path], AnnotationSet] | None = None

    @property
    def folder(self) -> bool:
        return not self.suffix


def _json(aset: AnnotationSet, texts: Mapping[str, str], options: RenderOptions) -> Rendered:
    from annotator.formats.annotation_set import render_bytes

    return render_bytes(aset, texts=texts, compact=options.compact)


def _csv(aset: AnnotationSet, texts: Mapping[str, str], options: RenderOptions) -> Rendered:
    from annotator.formats.tables import to_csv

    return to_csv(aset, texts=texts, excel=options.excel).encode("utf-8")


def _jsonl(aset: AnnotationSet, texts: Mapping[str, str], options: RenderOptions) -> Rendered:
    from annotator.formats.tables import to_jsonl

    return to_jsonl(aset, texts=texts).encode("utf-8")


def _brat(aset: AnnotationSet, texts: Mapping[str, str], options: RenderOptions) -> Rendered:
    from annotator.formats.brat import render

    return render(aset, texts, options)


def _brat_read(path: Path) -> AnnotationSet:
    from annotator.formats.brat import read

    return read(path)


def _brat_recognises(path: Path) -> bool:
    from annotator.formats.brat import recognises

    return recognises(path)


FORMATS: tuple[Format, ...] = (
    Format("json", "JSON annotation set (.json)", ".json", _json),
    Format("csv", "CSV, one row per annotation (.csv)", ".csv", _csv),
    Format("jsonl", "JSON Lines, one document per line (.jsonl)", ".jsonl", _jsonl),
    Format(
        "w3c",
        "W3C Web Annotation, JSON-LD (.jsonld)",
        ".jsonld",
        w3c.render,
        w3c.read,
        w3c.recognises,
    ),
    Format(
        "refi-qda",
        "REFI-QDA project for ATLAS.ti, NVivo, MAXQDA, QualCoder (.qdpx)",
        ".qdpx",
        refi_qda.render,
        refi_qda.read,
        refi_qda.recognises,
        partial(refi_qda.read, skip_unplaceable=True),
    ),
    Format(
        "doccano",
        "doccano JSONL, sequence labelling (.jsonl)",
        ".jsonl",
        doccano.render,
        doccano.read,
        doccano.recognises,
    ),
    Format(
        "label-studio",
        "Label Studio JSON tasks (.json)",
        ".json",
        label_studio.render,
        label_studio.read,
        label_studio.recognises,
    ),
    Format("brat", "brat standoff folder (.txt + .ann)", "", _brat, _brat_read, _brat_recognises),
)


def names() -> tuple[str, ...]:
    return tuple(fmt.name for fmt in FORMATS)


def get(name: str) -> Format:
    for fmt in FORMATS:
        if fmt.name == name:
            return fmt
    raise ValueError(
        say(N_("unknown format {name} (known: {items})"), name=repr(name), items=", ".join(names()))
    )


def readable() -> tuple[Format, ...]:
    """The formats that can be imported."""
    return tuple(fmt for fmt in FORMATS if fmt.read is not None)


def recognise(path: Path) -> Format | None:
    """The importable format ``path`` (a file or folder) is in, if any recognises it."""
    for fmt in readable():
        if fmt.recognises is not None and fmt.recognises(path):
            return fmt
    return None
