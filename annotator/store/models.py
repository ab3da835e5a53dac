"""The relational schema. Changes go through a new migration in ``migrations/versions``."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.sql.expression import false
from sqlalchemy.types import TypeDecorator

from annotator.core.values import MAX_LABEL

# PostgreSQL's text cannot hold U+0000, which documents may contain. There a text with
# NUL (or one that could be mistaken for an escaped one) is stored escaped: MARK, then
# the text with ESCAPE doubled and each NUL written as ESCAPE + "0". Code points in
# Python are unchanged; SQLite stores every text as it is.
ESCAPE = "\ue000"
MARK = ESCAPE + "NUL:"


def escape_nul(value: str) -> str:
    """``value`` as PostgreSQL can hold it (unchanged unless it holds NUL or MARK)."""
    if "\x00" not in value and not value.startswith(MARK):
        return value
    return MARK + value.replace(ESCAPE, ESCAPE + ESCAPE).replace("\x00", ESCAPE + "0")


def unescape_nul(value: str) -> str:
    """The inverse of :func:`escape_nul`."""
    if not value.startswith(MARK):
        return value
    out: list[str] = []
    chars = iter(value[len(MARK) :])
    for ch in chars:
        out.append(("\x00" if next(chars) == "0" else ESCAPE) if ch == ESCAPE else ch)
    return "".join(out)


class NulSafeText(TypeDecorator[str]):
    """Text that may hold U+0000 on every backend (escaped on PostgreSQL only)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        if value is None or dialect.name != "postgresql":
            return value
        return escape_nul(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> str | None:
        if value is None or dialect.name != "postgresql":
            return value
        return unescape_nul(value)


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class DocumentRow(Base):
    __tablename__ = "documents"
    # A version is replaced by at most one newer version (migration 0007).
    __table_args__ = (Index("ix_documents_previous_id", "previous_id", unique=True),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    title: Mapped[str] = mapped_column(NulSafeText)
    source: Mapped[str] = mapped_column(NulSafeText)
    text: Mapped[str] = mapped_column(NulSafeText)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # Import order: documents imported together keep the order they were given in.
    position: Mapped[int] = mapped_column(Integer)
    format: Mapped[str] = mapped_column(String(20), server_default="text")
    encoding: Mapped[str | None] = mapped_column(String(40))
    original_name: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(40))
    done: Mapped[bool] = mapped_column(Boolean, server_default=false())
    # Versions (migration 0007): a changed text of a known source is a new document that
    # names the one it replaced; each version has at most one successor.
    # (No foreign key: adding one would rebuild the table. Store.delete_document relinks.)
    version: Mapped[int] = mapped_column(Integer, server_default="1")
    previous_id: Mapped[str | None] = mapped_column(String(36))
    # Decodings (0010): how sure a guessed encoding was (NULL where the bytes left no
    # doubt, or imported before), and whether the user named the encoding instead.
    confidence: Mapped[float | None] = mapped_column(Float)
    encoding_chosen: Mapped[bool] = mapped_column(Boolean, server_default=false())


class OriginalRow(Base):
    """The bytes a document with a guessed or chosen encoding was decoded from (0010),
    kept apart so that listing documents never reads them."""

    __tablename__ = "document_originals"

    document_id: Mapped[str] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    data: Mapped[bytes] = mapped_column(LargeBinary)


class LabelRow(Base):
    __tablename__ = "labels"

    name: Mapped[str] = mapped_column(String(MAX_LABEL), primary_key=True)
    color: Mapped[str] = mapped_column(String(7))
    hotkey: Mapped[str | None] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer)
    # A list of attribute definitions (core.attributes.spec_to_dict), or NULL for none.
    attributes: Mapped[list[dict[str, object]] | None] = mapped_column(JSON(none_as_null=True))


class AnnotationRow(Base):
    __tablename__ = "annotations"
    __table_args__ = (
        CheckConstraint("start_offset >= 0 AND end_offset >= start_offset", name="span"),
        # A document's annotations in text order, read without sorting (migration 0006).
        Index(
            "ix_annotations_position", "document_id", "start_offset", "end_offset", "label", "id"
        ),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    label: Mapped[str] = mapped_column(
        ForeignKey("labels.name", onupdate="CASCADE", ondelete="RESTRICT")
    )
    start_offset: Mapped[int] = mapped_column(Integer)
    end_offset: Mapped[int] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(NulSafeText)
    annotator: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    # {name: value} for the label's attributes that are set, or NULL for none.
    attributes: Mapped[dict[str, object] | None] = mapped_column(JSON(none_as_null=True))
    # Could not be placed in a newer version's text; stays on its own version (0007).
    orphaned: Mapped[bool] = mapped_column(Boolean, server_default="0")
    # Optimistic concurrency (0008): 1 when made, one more with every change.
    version: Mapped[int] = mapped_column(Integer, server_default="1")
    # "suggested" (accepted from the suggestion engine) or NULL, and the rule (0009).
    source: Mapped[str | None] = mapped_column(String(20))
    rule: Mapped[str | None] = mapped_column(Text)


class RejectionRow(Base):
    """A suggestion someone rejected in a document: not suggested there again (0009)."""

    __tablename__ = "suggestion_rejections"

    document_id: Mapped[str] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    label: Mapped[str] = mapped_column(String(MAX_LABEL), primary_key=True)
    start_offset: Mapped[int] = mapped_column(Integer, primary_key=True)
    end_offset: Mapped[int] = mapped_column(Integer, primary_key=True)
    rule: Mapped[str | None] = mapped_column(Text)
    rejected_by: Mapped[str] = mapped_column(String(200))
    rejected_at: Mapped[datetime] = mapped_column(DateTime)


class MemoRow(Base):
    """A memo (0011): a document's (kept under its newest version, see
    :mod:`annotator.store.memos`) or, without a document, the project's."""

    __tablename__ = "memos"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str | None] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), unique=True
    )
    text: Mapped[str] = mapped_column(NulSafeText)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class SettingRow(Base):
    """Small per-database state: whether the defaults were installed, the open document."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# Column tuples in Annotation's field order (attributes as stored: a dict or None);
# loading them is ~4× faster than ORM objects.
ANNOTATION_COLUMNS = (
    AnnotationRow.id,
    AnnotationRow.document_id,
    AnnotationRow.label,
    AnnotationRow.start_offset,
    AnnotationRow.end_offset,
    AnnotationRow.note,
    AnnotationRow.annotator,
    AnnotationRow.created_at,
    AnnotationRow.updated_at,
    AnnotationRow.attributes,
    AnnotationRow.orphaned,
    AnnotationRow.version,
    AnnotationRow.source,
    AnnotationRow.rule,
)


DOCUMENT_COLUMNS = (
    DocumentRow.id,
    DocumentRow.title,
    DocumentRow.source,
    DocumentRow.text,
    DocumentRow.sha256,
    DocumentRow.created_at,
    DocumentRow.format,
    DocumentRow.encoding,
    DocumentRow.original_name,
    DocumentRow.author,
    DocumentRow.published,
    DocumentRow.version,
    DocumentRow.previous_id,
    DocumentRow.confidence,
    DocumentRow.encoding_chosen,
)
