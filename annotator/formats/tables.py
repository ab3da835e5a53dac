"""Analysis formats: CSV (one row per annotation) and JSON Lines (one document per line)."""

from __future__ import annotations

import csv
import io
import json
import re

from annotator.core.attributes import format_value
from annotator.core.model import AnnotationSet
from annotator.formats.annotation_set import annotation_dict, document_dict

CSV_COLUMNS = (
    "document_id",
    "document_title",
    "annotation_id",
    "label",
    "start",
    "end",
    "quote",
    "prefix",
    "suffix",
    "note",
    "annotator",
    "created_at",
    "updated_at",
)
EXCEL_BOM = "\ufeff"
ATTRIBUTE_PREFIX = "attribute:"


def attribute_columns(aset: AnnotationSet) -> list[str]:
    """Attribute names in the order the labels define them, then any other names the
    annotations carry (sorted): one CSV column each."""
    names = dict.fromkeys(spec.name for label in aset.labels for spec in label.attributes)
    extra = {name for doc in aset.documents for a in doc.annotations for name, _ in a.attributes}
    return [*names, *sorted(extra - names.keys())]


def to_csv(aset: AnnotationSet, *, texts: dict[str, str] | None = None, excel: bool = False) -> str:
    """RFC 4180 CSV (CRLF line ends, quotes doubled), one row per annotation, in set order.

    Each attribute gets a column ``attribute:NAME`` after the fixed ones; yes/no values
    read ``yes``/``no``. An empty note or unset attribute is an empty field. ``excel``
    starts the text with the BOM Excel needs to read UTF-8 and puts ``'`` before each
    text cell that would be a formula there (see :func:`_neutralised`). ``texts`` supplies quotes
    for documents the set carries without text. When any annotation is orphaned (left
    on an earlier version of its document), a column ``orphaned`` (``yes`` or empty)
    follows ``updated_at``; when any was accepted from a suggestion, columns ``source``
    and ``rule`` follow.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    extra = attribute_columns(aset)
    orphans = any(a.orphaned for doc in aset.documents for a in doc.annotations)
    flag = ["orphaned"] if orphans else []
    suggested = any(a.source or a.rule for doc in aset.documents for a in doc.annotations)
    flag += ["source", "rule"] if suggested else []
    writer.writerow([*CSV_COLUMNS, *flag, *(ATTRIBUTE_PREFIX + name for name in extra)])
    for doc in aset.documents:
        text = doc.text if doc.text is not None else (texts or {}).get(doc.id)
        for j, ann in enumerate(doc.annotations):
            row = annotation_dict(ann, text)
            values = ann.attribute_map
            if text is None and doc.contexts:
                row.update(zip(("quote", "prefix", "suffix"), doc.contexts[j], strict=True))
            cells = [
                doc.id,
                doc.title,
                ann.id,
                ann.label,
                ann.start,
                ann.end,
                row.get("quote", ""),
                row.get("prefix", ""),
                row.get("suffix", ""),
                ann.note or "",
                ann.annotator,
                row["created_at"],
                row["updated_at"],
                *(["yes" if ann.orphaned else ""] if orphans else []),
                *([ann.source or "", ann.rule or ""] if suggested else []),
                *(format_value(values[n]) if n in values else "" for n in extra),
            ]
            writer.writerow([_neutralised(c) for c in cells] if excel else cells)
    return (EXCEL_BOM if excel else "") + out.getvalue()


# What starts a formula in a spreadsheet cell (OWASP, "CSV Injection"), and a plain
# number, which starts with - or + yet computes nothing.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def _neutralised(cell: object) -> object:
    """A text cell a spreadsheet would run as a formula, with ``'`` before it (Excel
    shows the text, without the quote mark); a plain number like ``-3.5`` as it is."""
    if isinstance(cell, str) and cell.startswith(_FORMULA_START) and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def to_jsonl(aset: AnnotationSet, *, texts: dict[str, str] | None = None) -> str:
    """One JSON object per line: a document with its annotations, as in the JSON set.

    U+2028, U+2029 and U+0085 are written as escapes, so a line is a line to any reader.
    """
    lines = [
        json.dumps(
            document_dict(doc, text=(texts or {}).get(doc.id)),
            ensure_ascii=False,
            separators=(",", ":"),
        ).translate(_LINE_BREAKS)
        for doc in aset.documents
    ]
    return "".join(line + "\n" for line in lines)


# Characters some line splitters (Python's str.splitlines among them) break lines at:
# escaped, so that every reader sees exactly one document per line.
_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})
