"""Memos, inside the caller's transaction: a paragraph or more of analysis per document
and one for the project (migration 0011).

A document's memo belongs to the document, not to one version of its text: it is kept
under the newest version, moves on to a newer version when one is imported and back to
the one before when the newest is deleted. Reading or writing through any version's id
reaches it. The project's memo is the row naming no document. A blank memo is no memo
(no row).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, delete, select, update
from sqlalchemy.orm import Session

from annotator.core.messages import N_, say
from annotator.store.errors import StoreError
from annotator.store.models import DocumentRow, MemoRow
from annotator.store.rows import now_utc


def newest(s: Session, document_id: str) -> str:
    """The id of the newest version of the document ``document_id`` is a version of."""
    at, seen = document_id, {document_id}
    while True:
        after = s.scalar(select(DocumentRow.id).where(DocumentRow.previous_id == at))
        if after is None or after in seen:
            return at
        at = after
        seen.add(at)


def _subject(s: Session, document_id: str | None) -> ColumnElement[bool]:
    """Where the memo of ``document_id`` (None: the project) is."""
    if document_id is None:
        return MemoRow.document_id.is_(None)
    return MemoRow.document_id == newest(s, document_id)


def read(s: Session, document_id: str | None) -> str:
    """The memo of a document (by any version's id) or of the project; "" for none."""
    query = select(MemoRow.text).where(_subject(s, document_id)).order_by(MemoRow.id.desc())
    return s.scalars(query).first() or ""


def write(s: Session, document_id: str | None, text: str, now: datetime | None = None) -> None:
    """Save the memo of a document (by any version's id) or of the project; blank
    ``text`` removes it. :class:`StoreError` if there is no such document."""
    if document_id is not None and s.get(DocumentRow, document_id) is None:
        raise StoreError(
            say(
                N_("no document with id {document_id} (deleted elsewhere?)"),
                document_id=document_id,
            )
        )
    subject = _subject(s, document_id)
    if not text.strip():
        s.execute(delete(MemoRow).where(subject))
        return
    moment = now or now_utc()
    done = s.execute(update(MemoRow).where(subject).values(text=text, updated_at=moment))
    if not done.rowcount:
        target = None if document_id is None else newest(s, document_id)
        s.add(MemoRow(document_id=target, text=text, updated_at=moment))
        s.flush()


def read_all(s: Session) -> dict[str | None, str]:
    """Every memo: {id of a document's newest version, or None for the project: text}."""
    rows = s.execute(select(MemoRow.document_id, MemoRow.text).order_by(MemoRow.id))
    return {document_id: text for document_id, text in rows}


def follow(s: Session, old_id: str, new_id: str | None) -> None:
    """The document's memo moves from version ``old_id`` to ``new_id`` (a newer version
    imported, or the newest deleted), unless ``new_id`` is None or has one already."""
    if (
        new_id is not None
        and s.scalar(select(MemoRow.id).where(MemoRow.document_id == new_id)) is None
    ):
        s.execute(update(MemoRow).where(MemoRow.document_id == old_id).values(document_id=new_id))


def merge(
    s: Session,
    wanted: list[tuple[str | None, str, str]],
    *,
    replace: bool,
    now: datetime,
) -> list[str]:
    """Take the memos of an imported set, ``wanted`` as (document id here or None for
    the project, the file's memo, what to call it): where the database has none the
    file's is stored; where it has another, it is kept, or with ``replace`` the file's
    replaces it. Returns notes for the import report."""
    notes: list[str] = []
    for document_id, text, what in wanted:
        here = read(s, document_id)
        if here == text:
            continue
        if not here or replace:
            write(s, document_id, text, now)
            if here:
                notes.append(f"{what} was replaced by the file's")
        else:
            notes.append(
                f"{what} differs in the file; the database's is kept "
                "(import with --replace to take the file's)"
            )
    return notes
