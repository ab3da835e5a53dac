"""Reading the documents' list, versions and orphans (inside a store's session)."""

from __future__ import annotations

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from annotator.core.messages import N_, say
from annotator.core.model import (
    Annotation,
    Document,
    DocumentExport,
    DocumentSummary,
    Orphan,
    VersionSummary,
)
from annotator.store.annotation_reads import from_columns, load_annotations, replaced_versions
from annotator.store.document_import import version_chain
from annotator.store.errors import StoreError
from annotator.store.models import (
    ANNOTATION_COLUMNS,
    DOCUMENT_COLUMNS,
    AnnotationRow,
    DocumentRow,
)
from annotator.store.plain_reads import summaries


def documents(s: Session, annotator: str | None = None) -> list[DocumentSummary]:
    """The newest version of every document, in import order, with annotation counts
    and the number of orphaned annotations its versions hold (only ``annotator``'s
    annotations counted, if given)."""
    counts = select(
        AnnotationRow.document_id,
        func.count(),
        func.coalesce(func.sum(case((AnnotationRow.orphaned, 1), else_=0)), 0),
    ).group_by(AnnotationRow.document_id)
    if annotator is not None:
        counts = counts.where(AnnotationRow.annotator == annotator)
    query = select(
        DocumentRow.id,
        DocumentRow.title,
        DocumentRow.done,
        DocumentRow.version,
        DocumentRow.previous_id,
    ).order_by(DocumentRow.position, DocumentRow.version)
    per_document = {doc: (n, int(o)) for doc, n, o in s.execute(counts)}
    return summaries(s.execute(query).all(), per_document)


def versions(s: Session, location: str, document_id: str) -> list[VersionSummary]:
    """Every version of the document ``document_id`` belongs to, newest first."""
    rows = {
        row.id: row
        for row in s.execute(
            select(
                DocumentRow.id,
                DocumentRow.title,
                DocumentRow.version,
                DocumentRow.previous_id,
                DocumentRow.created_at,
            )
        )
    }
    if document_id not in rows:
        raise StoreError(
            say(
                N_("{location}: no document with id {document_id}"),
                location=location,
                document_id=document_id,
            )
        )
    chain = version_chain(rows, document_id)
    counts = {
        doc: (n, int(o))
        for doc, n, o in s.execute(
            select(
                AnnotationRow.document_id,
                func.count(),
                func.coalesce(func.sum(case((AnnotationRow.orphaned, 1), else_=0)), 0),
            )
            .where(AnnotationRow.document_id.in_(chain))
            .group_by(AnnotationRow.document_id)
        )
    }
    return [
        VersionSummary(
            id=doc_id,
            title=rows[doc_id].title,
            version=rows[doc_id].version,
            created_at=rows[doc_id].created_at,
            annotation_count=counts.get(doc_id, (0, 0))[0],
            orphans=counts.get(doc_id, (0, 0))[1],
        )
        for doc_id in chain
    ]


def orphans(s: Session, location: str, document_id: str) -> list[Orphan]:
    """The orphaned annotations of every version of the document ``document_id``
    belongs to, newest version first, each in text order, with its quote."""
    links = {
        row.id: row
        for row in s.execute(select(DocumentRow.id, DocumentRow.previous_id, DocumentRow.version))
    }
    if document_id not in links:
        raise StoreError(
            say(
                N_("{location}: no document with id {document_id}"),
                location=location,
                document_id=document_id,
            )
        )
    out = []
    for doc_id in version_chain(links, document_id):
        query = (
            select(*ANNOTATION_COLUMNS)
            .where(AnnotationRow.document_id == doc_id, AnnotationRow.orphaned)
            .order_by(
                AnnotationRow.start_offset,
                AnnotationRow.end_offset,
                AnnotationRow.label,
                AnnotationRow.id,
            )
        )
        found = [from_columns(row) for row in s.execute(query)]
        if not found:
            continue
        text = s.scalar(select(DocumentRow.text).where(DocumentRow.id == doc_id)) or ""
        version = links[doc_id].version
        out.extend(Orphan(ann, version, text[ann.start : ann.end]) for ann in found)
    return out


def exported(s: Session, *, newest: bool = False) -> list[DocumentExport]:
    """Every document with its annotations, in import order; with ``newest``, only the
    versions no newer version replaced (the others not read)."""
    by_doc: dict[str, list[Annotation]] = {}
    for ann in load_annotations(s, None, newest=newest):
        by_doc.setdefault(ann.document_id, []).append(ann)
    query = select(*DOCUMENT_COLUMNS).order_by(DocumentRow.position, DocumentRow.version)
    if newest:
        query = query.where(DocumentRow.id.not_in(replaced_versions()))
    return [
        DocumentExport(Document(*row), tuple(by_doc.get(row[0], ()))) for row in s.execute(query)
    ]
