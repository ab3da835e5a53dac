"""Label-scheme files: the labels (with colours, hotkeys and attributes) as JSON, to
share a coding scheme without any annotations. An annotation set's labels can be read as
a scheme too."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from annotator.core.labels import scheme_problems
from annotator.core.messages import N_, joined, say
from annotator.core.model import Label
from annotator.core.reading import FileReadError, read_file
from annotator.core.set_errors import SetFormatError
from annotator.formats.annotation_set import (
    FORMAT_NAME,
    MAX_SET_BYTES,
    label_dict,
    load_json,
)
from annotator.formats.pretty import pretty_dumps
from annotator.formats.set_reader import SetReader

SCHEME_FORMAT = "annotator-label-scheme"
SCHEME_VERSION = 1


def render_scheme(labels: Sequence[Label]) -> bytes:
    """The scheme file's bytes (UTF-8, indented, ending in a newline)."""
    data = {
        "format": SCHEME_FORMAT,
        "format_version": SCHEME_VERSION,
        "labels": [label_dict(label) for label in labels],
    }
    return (pretty_dumps(data) + "\n").encode("utf-8")


def parse_scheme(data: bytes, *, file: str) -> list[Label]:
    """The labels of a scheme file, or of an annotation set. Raises
    :class:`SetFormatError` naming the file and the JSON path of the problem."""
    raw = load_json(data, file=file, what=say(N_("a label scheme")))
    reader = SetReader(file)
    if not isinstance(raw, dict) or raw.get("format") not in (SCHEME_FORMAT, FORMAT_NAME):
        raise SetFormatError(
            file,
            "format",
            say(
                N_("not a label scheme (expected format {SCHEME_FORMAT})"),
                SCHEME_FORMAT=repr(SCHEME_FORMAT),
            ),
        )
    if raw["format"] == SCHEME_FORMAT:
        version = reader.get(raw, "format_version", "", int)
        if version != SCHEME_VERSION:
            raise SetFormatError(
                file,
                "format_version",
                say(N_("version {version} is not one this Annotator reads"), version=version),
            )
    labels = reader.labels(reader.get(raw, "labels", "", list))
    problems = scheme_problems(labels)
    if problems:
        raise SetFormatError(file, "labels", joined("; ", problems))
    return labels


def read_scheme(path: Path) -> list[Label]:
    """:func:`parse_scheme` of the file at ``path``, read through the guarded read; a
    file it refuses or cannot read is a :class:`SetFormatError` naming it and why."""
    try:
        data = read_file(path, limit=MAX_SET_BYTES, what=say(N_("a label scheme")))
    except FileReadError as exc:
        raise SetFormatError(exc.file, "", exc.reason) from None
    return parse_scheme(data, file=str(path))
