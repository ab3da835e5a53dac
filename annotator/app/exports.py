"""Exports of the database in every format, with the filters CLI and GUI share."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from annotator import __version__
from annotator.core.files import open_atomically
from annotator.core.filters import ExportFilter
from annotator.core.messages import N_, say
from annotator.core.model import AnnotationSet, DocumentExport
from annotator.formats import registry
from annotator.formats.annotation_set import gc_paused, set_document, to_dict
from annotator.formats.rendering import Rendered, RenderOptions
from annotator.formats.set_writer import document_json, write_set
from annotator.store import Store
from annotator.store.errors import StoreError
from annotator.store.export_reads import ExportReader, UnreadableValue
from annotator.store.stored_dates import unreadable_date


@dataclass(frozen=True, slots=True)
class ExportOptions:
    format: str = "json"
    compact: bool = False
    include_text: bool = True
    excel: bool = False
    with_paths: bool = False
    filter: ExportFilter = field(default_factory=ExportFilter)


@dataclass(frozen=True, slots=True)
class ExportResult:
    data: Rendered  # a file's bytes, or a folder's files by relative path
    documents: int
    annotations: int


def export(
    store: Store,
    options: ExportOptions = ExportOptions(),
    *,
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ExportResult:
    """Render the chosen part of the database as UTF-8 bytes in ``options.format``.

    ``progress(done, total)`` is called as documents are prepared; it may raise to stop.
    """
    with gc_paused():  # a million annotations read and written: collections cost more
        if options.format == STREAMED:
            chunks: list[bytes] = []
            counts = _stream(store, options, chunks.append, now=now, progress=progress)
            return ExportResult(b"".join(chunks), *counts)
        return _export(store, options, now=now, progress=progress)


STREAMED = "json"  # the format written a document at a time by :func:`export_file`


@dataclass(frozen=True, slots=True)
class Written:
    documents: int
    annotations: int
    size: int  # bytes


def export_file(
    store: Store, options: ExportOptions, path: Path, *, now: datetime | None = None
) -> Written:
    """:func:`export` in the :data:`STREAMED` format straight into the file ``path``, a
    document at a time (memory bounded by the largest document, whatever the database's
    size); ``path`` is replaced only once all is written (``OSError`` naming it)."""
    assert options.format == STREAMED
    with gc_paused(), open_atomically(path) as handle:
        documents, annotations = _stream(store, options, handle.write, now=now, progress=None)
        size = handle.tell()
    return Written(documents, annotations, size)


def _stream(
    store: Store,
    options: ExportOptions,
    write: Callable[[bytes], object],
    *,
    now: datetime | None,
    progress: Callable[[int, int], None] | None,
) -> tuple[int, int]:
    """The JSON set to ``write`` a document at a time; (documents, annotations) written."""
    chosen = options.filter
    memos = store.memos()
    head = AnnotationSet(
        labels=tuple(store.labels()),
        documents=(),
        exported_at=now or _now_ms(),
        generator_version=__version__,
        memo=memos.get(None),
    )
    counts = [0, 0]

    def documents(reader: ExportReader) -> Iterator[str]:
        heads = reader.heads()
        taken = _taken(heads, chosen)
        every = chosen.keeps_every_annotation
        for done, (document, rows) in enumerate(reader.documents(), 1):
            if document.id in taken:
                kept = rows if every else [row for row in rows if chosen.keeps_row(row)]
                doc = set_document(
                    document, (), include_text=options.include_text, memo=memos.get(document.id)
                )
                counts[0] += 1
                counts[1] += len(kept)
                yield document_json(doc, kept, document.text, compact=options.compact)
            if progress is not None:
                progress(done, len(heads))

    try:
        with store.export_reader() as reader:
            write_set(write, to_dict(head), documents(reader), compact=options.compact)
    except UnreadableValue as exc:
        raise _unreadable(store, exc) from None
    return counts[0], counts[1]


def _taken(heads: list[tuple[str, str, str | None]], chosen: ExportFilter) -> set[str]:
    """The ids of the documents ``chosen`` keeps, with their earlier versions (which hold
    their orphaned annotations)."""
    previous = {doc_id: previous_id for doc_id, _title, previous_id in heads}
    taken: set[str] = set()
    for doc_id, title, _previous in heads:
        at: str | None = doc_id if chosen.keeps(doc_id, title) else None
        while at is not None and at not in taken:
            taken.add(at)
            at = previous.get(at)
    return taken


def _export(
    store: Store,
    options: ExportOptions,
    *,
    now: datetime | None,
    progress: Callable[[int, int], None] | None,
) -> ExportResult:
    aset, texts = export_set(store, options, now=now, progress=progress)
    data = registry.get(options.format).render(
        aset,
        texts,
        RenderOptions(compact=options.compact, excel=options.excel, with_paths=options.with_paths),
    )
    count = sum(len(d.annotations) for d in aset.documents)
    return ExportResult(data, len(aset.documents), count)


def export_set(
    store: Store,
    options: ExportOptions,
    *,
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[AnnotationSet, dict[str, str]]:
    """The chosen part of the database as a set, and its documents' texts by id: what
    every format but the streamed one renders."""
    items = _stored_documents(store)
    chosen = options.filter
    heads = [(item.document.id, item.document.title, item.document.previous_id) for item in items]
    taken = _taken(heads, chosen)
    memos = store.memos()
    documents = []
    texts: dict[str, str] = {}
    for done, item in enumerate(items, 1):
        if item.document.id in taken:
            kept = [a for a in item.annotations if chosen.keeps_annotation(a)]
            memo = memos.get(item.document.id)
            documents.append(
                set_document(item.document, kept, include_text=options.include_text, memo=memo)
            )
            texts[item.document.id] = item.document.text
        if progress is not None:
            progress(done, len(items))
    aset = AnnotationSet(
        labels=tuple(store.labels()),
        documents=tuple(documents),
        exported_at=now or _now_ms(),
        generator_version=__version__,
        memo=memos.get(None),
    )
    return aset, texts


def _stored_documents(store: Store) -> list[DocumentExport]:
    """Every stored document and annotation, or :class:`StoreError` naming the row and
    column of a value that cannot be read (a date that is not one, which SQLite lets
    another program write): the export is refused rather than written without it."""
    try:
        return store.export_documents()
    except (ValueError, TypeError) as exc:
        raise _unreadable(store, exc) from None


def _unreadable(store: Store, exc: Exception) -> StoreError:
    """The refusal of an export over a stored value that cannot be read, naming it."""
    found = unreadable_date(store.engine, ("documents", "annotations"))
    problem = found or f"a stored value cannot be read ({exc})"
    return StoreError(say(N_("Cannot export: {problem}. Nothing was written."), problem=problem))


def _now_ms() -> datetime:
    moment = datetime.now(UTC)
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)
