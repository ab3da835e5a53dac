"""Analysis of a stored corpus, as ``annotator retrieve``, ``cooccurrence`` and
``crosstab`` (and the window) run it: the newest version of every document with its
annotations, and the rows and tables made from them."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from annotator.core.cooccurrence import Cooccurrence, cooccurrence
from annotator.core.crosstab import Crosstab, crosstab
from annotator.core.model import Annotation, Document
from annotator.core.retrieval import Hit, Query, retrieve
from annotator.store import Store

FIELDS = (
    "document_id",
    "document_title",
    "id",
    "label",
    "start",
    "end",
    "quote",
    "left",
    "right",
    "annotator",
    "note",
    "attributes",
)


def corpus(store: Store) -> list[tuple[Document, tuple[Annotation, ...]]]:
    """Every document (its newest version) with its annotations, in the documents' order,
    read in one snapshot (:meth:`Store.export_documents`)."""
    everything = store.export_documents()
    replaced = {e.document.previous_id for e in everything if e.document.previous_id}
    return [(e.document, e.annotations) for e in everything if e.document.id not in replaced]


def find(store: Store, query: Query) -> list[Hit]:
    done = None if query.done is None else {d.id for d in store.documents() if d.done}
    return retrieve(corpus(store), query, done=done)


def as_dict(hit: Hit) -> dict[str, Any]:
    ann = hit.annotation
    return {
        "document_id": hit.document.id,
        "document_title": hit.document.title,
        "id": ann.id,
        "label": ann.label,
        "start": ann.start,
        "end": ann.end,
        "quote": hit.quote,
        "left": hit.left,
        "right": hit.right,
        "annotator": ann.annotator,
        "note": ann.note,
        "attributes": dict(ann.attributes),
    }


def render_json(hits: Sequence[Hit]) -> str:
    """A JSON list, one object to a line (json's C encoder: indenting would take the slow
    one, five times longer on 100,000 rows)."""
    if not hits:
        return "[]\n"
    rows = ",\n".join("  " + json.dumps(as_dict(h), ensure_ascii=False) for h in hits)
    return "[\n" + rows + "\n]\n"


def render_csv(hits: Sequence[Hit]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(FIELDS)
    for hit in hits:
        row = as_dict(hit)
        row["attributes"] = json.dumps(row["attributes"], ensure_ascii=False, sort_keys=True)
        writer.writerow(["" if row[f] is None else row[f] for f in FIELDS])
    return out.getvalue()


def _one_line(text: str) -> str:
    return " ".join(text.split())


def render_table(hits: Sequence[Hit], width: int = 40) -> str:
    """Key word in context: the left context, the quote in brackets, the right context;
    then label, span and document."""
    lines = []
    for hit in hits:
        left = _one_line(hit.left)[-width:]
        right = _one_line(hit.right)[:width]
        ann = hit.annotation
        lines.append(
            f"{left:>{width}} [{_one_line(hit.quote)}] {right:<{width}}  "
            f"{ann.label} {ann.start}–{ann.end} · {hit.document.title}"
        )
    lines.append(f"{len(hits)} annotation(s)")
    return "\n".join(lines) + "\n"


def count_cooccurrence(store: Store, scope: str) -> Cooccurrence:
    """Co-occurrence of the database's labels over its documents (newest versions)."""
    labels = [label.name for label in store.labels()]
    return cooccurrence(((d.text, anns) for d, anns in corpus(store)), labels, scope)


def cooccurrence_json(table: Cooccurrence) -> str:
    data = {"scope": table.scope, "labels": list(table.labels), "counts": table.counts}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def cooccurrence_table(table: Cooccurrence) -> str:
    width = max([len(label) for label in table.labels] + [5])
    head = " " * width + "".join(f"  {label:>{width}}" for label in table.labels)
    rows = [
        f"{label:<{width}}" + "".join(f"  {n:>{width}}" for n in counts)
        for label, counts in zip(table.labels, table.counts, strict=True)
    ]
    scope = table.scope
    title = "pairs that overlap" if scope == "overlap" else f"pairs that share a {scope}"
    return "\n".join([title, head, *rows]) + "\n"


def crosstabulate(store: Store, label: str | None, by: str) -> Crosstab:
    """The annotations of ``label`` (every label when ``None``) per category of ``by``
    over the database's documents (newest versions); raises
    :class:`~annotator.core.crosstab.CrosstabError` for an unknown label or attribute."""
    return crosstab(corpus(store), store.labels(), label, by)


def crosstab_json(table: Crosstab) -> str:
    """``{"label", "by", "categories", "counts"}``: a count per category for one label;
    without a label, ``"labels"`` too and a row of counts (one per label) per category."""
    data: dict[str, Any] = {"label": table.label, "by": table.by}
    if table.label is None:
        data["labels"] = list(table.labels)
        data["categories"] = list(table.categories)
        data["counts"] = [list(row) for row in table.counts]
    else:
        data["categories"] = list(table.categories)
        data["counts"] = list(table.column(table.label))
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def crosstab_rows(table: Crosstab) -> list[list[str]]:
    """The header and a row per category: the category, the count (one per label when
    every label is counted, then their total) and its share of all counted, 0.0 to 1.0."""
    many = table.label is None
    head = ["category", *(table.labels if many else ["count"])]
    head += ["total", "share"] if many else ["share"]
    rows = [head]
    for name, row, total, share in zip(
        table.categories, table.counts, table.totals(), table.shares(), strict=True
    ):
        cells = [name, *map(str, row)] + ([str(total)] if many else [])
        rows.append([*cells, f"{share:.4f}"])
    return rows


def crosstab_csv(table: Crosstab) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(crosstab_rows(table))
    return out.getvalue()


def crosstab_table(table: Crosstab) -> str:
    """Aligned columns, shares as percentages, and a total line."""
    rows = crosstab_rows(table)
    body = [[*r[:-1], f"{float(r[-1]):.1%}"] for r in rows[1:]]
    many, grand = table.label is None, table.total()
    sums = [*map(str, table.label_totals()), str(grand)] if many else [str(grand)]
    total = ["total", *sums, "100.0%" if grand else "—"]
    grid = [rows[0], *body, total]
    widths = [max(len(r[i]) for r in grid) for i in range(len(grid[0]))]

    def line(cells: list[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = [c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True)]
        return "  ".join([first, *rest]).rstrip()

    rule = "  ".join("-" * w for w in widths)
    what = "every label" if many else repr(table.label)
    title = f"annotations of {what} by {table.by}"
    return "\n".join([title, line(rows[0]), rule, *map(line, body), rule, line(total)]) + "\n"
