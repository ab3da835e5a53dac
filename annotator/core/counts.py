"""Annotation counts per document and label, for ``annotator stats`` and the GUI."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from annotator.core.model import DocumentSummary, Label


@dataclass(frozen=True, slots=True)
class CountRow:
    document_id: str
    title: str
    counts: tuple[int, ...]  # in label order

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True, slots=True)
class CountTable:
    labels: tuple[str, ...]
    rows: tuple[CountRow, ...]

    def totals(self) -> tuple[int, ...]:
        return tuple(sum(row.counts[i] for row in self.rows) for i in range(len(self.labels)))

    def as_dict(self) -> dict[str, Any]:
        return {
            "labels": list(self.labels),
            "documents": [
                {
                    "id": row.document_id,
                    "title": row.title,
                    "counts": dict(zip(self.labels, row.counts, strict=True)),
                    "total": row.total,
                }
                for row in self.rows
            ],
            "totals": dict(zip(self.labels, self.totals(), strict=True)),
            "total": sum(self.totals()),
        }


def count_table(
    labels: Sequence[Label],
    documents: Sequence[DocumentSummary],
    counts: Mapping[tuple[str, str], int],
) -> CountTable:
    """Counts for every document (in the order given) and label (label order).

    ``counts`` maps (document id, label name) to a number; labels found there but
    missing from ``labels`` are appended in name order.
    """
    names = [label.name for label in labels]
    names.extend(sorted({name for _doc, name in counts} - set(names)))
    rows = tuple(
        CountRow(doc.id, doc.title, tuple(counts.get((doc.id, n), 0) for n in names))
        for doc in documents
    )
    return CountTable(tuple(names), rows)


def _width(text: str) -> int:
    """Terminal columns, roughly: wide East Asian characters and emoji take two,
    combining marks and zero-width joiners none."""
    return sum(_char_width(ch) for ch in text)


def _char_width(ch: str) -> int:
    if unicodedata.combining(ch) or ch in "\u200b\u200c\u200d\u200e\u200f\ufe0e\ufe0f":
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def _cut(text: str, width: int) -> str:
    out, used = "", 0
    for ch in text:
        w = _width(ch)
        if used + w > width - 1 and _width(text) > width:
            return out + "…"
        out += ch
        used += w
    return out


def render_table(table: CountTable, title_width: int = 48) -> str:
    """A plain-text table: a row per document, a column per label, totals last."""
    headers = ["document", *table.labels, "total"]
    body = [
        [_cut(row.title, title_width), *map(str, row.counts), str(row.total)] for row in table.rows
    ]
    body.append(["total", *map(str, table.totals()), str(sum(table.totals()))])
    widths = [max(_width(r[i]) for r in [headers, *body]) for i in range(len(headers))]

    def line(cells: list[str]) -> str:
        first = cells[0] + " " * (widths[0] - _width(cells[0]))
        rest = [c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True)]
        return "  ".join([first, *rest]).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(headers), rule, *map(line, body[:-1]), rule, line(body[-1])]) + "\n"
