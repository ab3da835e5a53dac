"""Analysis of a stored corpus, as ``annotator retrieve``, ``cooccurrence`` and
``crosstab`` (and the window) run it: the newest version of every document with its
annotations, and the rows and tables made from them."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from json.encoder import encode_basestring as _string  # json's own (C)
from typing import Any

from annotator.core.cooccurrence import Cooccurrence, cooccurrence
from annotator.core.crosstab import Crosstab, crosstab
from annotator.core.model import Annotation, Document
from annotator.core.retrieval import Hit, MemoHit, Query, retrieve, search_memos
from annotator.formats.annotation_set import gc_paused
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
    return [(e.document, e.annotations) for e in store.export_documents(newest=True)]


def find(store: Store, query: Query) -> list[Hit]:
    done = None if query.done is None else {d.id for d in store.documents() if d.done}
    with gc_paused():  # 100,000 annotations: a third of reading and retrieving went to it
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


def render(hits: Sequence[Hit], form: str) -> bytes:
    """``hits`` as ``form`` (``json``, ``csv`` or ``table``) in UTF-8: what
    :func:`render_json`, :func:`render_csv` or :func:`render_table` give, encoded a line at
    a time (one string of 100,000 rows holding a character beyond U+FFFF takes 4 bytes a
    character: JSON took half as long again)."""
    if form == "json":
        if not hits:
            return b"[]\n"
        return b"[\n" + b",\n".join([line.encode() for line in _json_lines(hits)]) + b"\n]\n"
    if form == "csv":
        return b"".join([line.encode() for line in _csv_lines(hits)])
    return b"\n".join([line.encode() for line in _table_lines(hits)]) + b"\n"


def render_json(hits: Sequence[Hit]) -> str:
    """A JSON list, one object to a line: each line is ``json.dumps(as_dict(hit),
    ensure_ascii=False)``."""
    if not hits:
        return "[]\n"
    return "[\n" + ",\n".join(_json_lines(hits)) + "\n]\n"


def _json_lines(hits: Sequence[Hit]) -> list[str]:
    """Each hit's line of :func:`render_json`, written field by field with json's own
    string encoder (a ``json.dumps`` per row took twice as long on 100,000 rows)."""
    lines = []
    document = None
    head = ""
    for hit in hits:
        if hit.document is not document:
            document = hit.document
            head = (
                f'  {{"document_id": {_string(document.id)}, '
                f'"document_title": {_string(document.title)}, "id": '
            )
        # Unpacked once: attribute lookups and format specs took a third of the time.
        id_, _, label, start, end, note, annotator, _, _, attributes = hit.annotation[:10]
        lines.append(
            f'{head}{_string(id_)}, "label": {_string(label)}, "start": {start}, '
            f'"end": {end}, "quote": {_string(hit.quote)}, "left": {_string(hit.left)}, '
            f'"right": {_string(hit.right)}, '
            f'"annotator": {"null" if annotator is None else _string(annotator)}, '
            f'"note": {"null" if note is None else _string(note)}, "attributes": '
            f"{json.dumps(dict(attributes), ensure_ascii=False) if attributes else '{}'}}}"
        )
    return lines


def render_csv(hits: Sequence[Hit]) -> str:
    """:data:`FIELDS` as columns (``None`` as an empty cell, the attributes as a JSON
    object with sorted keys), CRLF line ends."""
    return "".join(_csv_lines(hits))


class _Rows(list[str]):
    """A file for :func:`csv.writer` that keeps each row it writes as an item."""

    write = list.append


def _csv_lines(hits: Sequence[Hit]) -> list[str]:
    rows = _Rows()
    writer = csv.writer(rows, lineterminator="\r\n")
    writer.writerow(FIELDS)
    writer.writerows(
        (
            hit.document.id,
            hit.document.title,
            ann.id,
            ann.label,
            ann.start,
            ann.end,
            hit.quote,
            hit.left,
            hit.right,
            "" if ann.annotator is None else ann.annotator,
            "" if ann.note is None else ann.note,
            json.dumps(dict(ann.attributes), ensure_ascii=False, sort_keys=True)
            if ann.attributes
            else "{}",
        )
        for hit in hits
        for ann in (hit.annotation,)
    )
    return rows


def _one_line(text: str) -> str:
    return " ".join(text.split())


def render_table(hits: Sequence[Hit], width: int = 40) -> str:
    """Key word in context: the left context, the quote in brackets, the right context;
    then label, span and document."""
    return "\n".join(_table_lines(hits, width)) + "\n"


def _table_lines(hits: Sequence[Hit], width: int = 40) -> list[str]:
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
    return lines


MEMO_FIELDS = ("document_id", "document_title", "start", "end", "quote", "left", "right")


def find_memos(store: Store, query: Query) -> list[MemoHit]:
    """The places the memos hold the query's text (see :func:`search_memos`)."""
    memos = store.memos()
    listed = store.documents()  # the newest versions, in order; memos are kept on them
    done = {d.id for d in listed if d.done}
    documents = [store.document(d.id) for d in listed if d.id in memos]
    return search_memos(memos, documents, query, done=done)


def memo_dict(hit: MemoHit) -> dict[str, Any]:
    """A memo's place: its document (``None`` for the project's memo) and the code points
    ``start`` to ``end`` of the memo, with ``left`` and ``right`` its context."""
    document = hit.document
    return {
        "document_id": None if document is None else document.id,
        "document_title": None if document is None else document.title,
        "start": hit.start,
        "end": hit.end,
        "quote": hit.quote,
        "left": hit.left,
        "right": hit.right,
    }


def render_memos(hits: Sequence[MemoHit], form: str) -> bytes:
    """Memo places as ``json`` (a list, one object to a line), ``csv`` (:data:`MEMO_FIELDS`
    as columns, the project's document empty) or a key-word-in-context ``table``."""
    rows = [memo_dict(hit) for hit in hits]
    if form == "json":
        lines = ",\n".join("  " + json.dumps(row, ensure_ascii=False) for row in rows)
        return (f"[\n{lines}\n]\n" if rows else "[]\n").encode()
    if form == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(MEMO_FIELDS)
        writer.writerows(["" if row[f] is None else row[f] for f in MEMO_FIELDS] for row in rows)
        return out.getvalue().encode()
    lines = [
        f"{_one_line(hit.left)[-40:]:>40} [{_one_line(hit.quote)}] {_one_line(hit.right)[:40]:<40}"
        f"  memo · {hit.document.title if hit.document else 'the project'}"
        for hit in hits
    ]
    lines.append(f"{len(hits)} place(s) in memos")
    return ("\n".join(lines) + "\n").encode()


def count_cooccurrence(store: Store, scope: str) -> Cooccurrence:
    """Co-occurrence of the database's labels over its documents (newest versions)."""
    labels = [label.name for label in store.labels()]
    with gc_paused():
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
