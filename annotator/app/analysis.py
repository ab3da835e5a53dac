"""Analysis of a stored corpus, as ``annotator retrieve`` and ``annotator cooccurrence``
(and the window) run it: the newest version of every document with its annotations, and
the rows and tables made from them."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from annotator.core.cooccurrence import Cooccurrence, cooccurrence
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
