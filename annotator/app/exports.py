"""Exports of the database in every format, with the filters CLI and GUI share."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from annotator import __version__
from annotator.core.filters import ExportFilter
from annotator.core.messages import N_, say
from annotator.core.model import AnnotationSet, DocumentExport
from annotator.formats import registry
from annotator.formats.annotation_set import gc_paused, set_document
from annotator.formats.rendering import Rendered, RenderOptions
from annotator.store import Store
from annotator.store.errors import StoreError
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
        return _export(store, options, now=now, progress=progress)


def _export(
    store: Store,
    options: ExportOptions,
    *,
    now: datetime | None,
    progress: Callable[[int, int], None] | None,
) -> ExportResult:
    fmt = registry.get(options.format)
    items = _stored_documents(store)
    chosen = options.filter
    # A chosen document brings its earlier versions, which hold its orphaned annotations.
    previous = {item.document.id: item.document.previous_id for item in items}
    taken: set[str] = set()
    for item in items:
        at: str | None = item.document.id if chosen.keeps_document(item.document) else None
        while at is not None and at not in taken:
            taken.add(at)
            at = previous.get(at)
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
    data = fmt.render(
        aset,
        texts,
        RenderOptions(compact=options.compact, excel=options.excel, with_paths=options.with_paths),
    )
    count = sum(len(d.annotations) for d in documents)
    return ExportResult(data, len(documents), count)


def _stored_documents(store: Store) -> list[DocumentExport]:
    """Every stored document and annotation, or :class:`StoreError` naming the row and
    column of a value that cannot be read (a date that is not one, which SQLite lets
    another program write): the export is refused rather than written without it."""
    try:
        return store.export_documents()
    except (ValueError, TypeError) as exc:
        found = unreadable_date(store.engine, ("documents", "annotations"))
        problem = found or f"a stored value cannot be read ({exc})"
        raise StoreError(
            say(N_("Cannot export: {problem}. Nothing was written."), problem=problem)
        ) from None


def _now_ms() -> datetime:
    moment = datetime.now(UTC)
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000)
