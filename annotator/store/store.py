"""The operations the app performs on a database, one unit of work each."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, delete, func, insert, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from annotator.core.annotation_rows import AnnotationRows
from annotator.core.attributes import as_attributes
from annotator.core.history import SchemeChange, Step
from annotator.core.messages import FILE_PROBLEM, say
from annotator.core.model import (
    Annotation,
    AnnotationSet,
    AttributeValue,
    Document,
    DocumentExport,
    DocumentSummary,
    Label,
    NewDocument,
    Orphan,
    StreamedSet,
    VersionSummary,
)
from annotator.core.suggest.model import Rejection
from annotator.core.suggest.tag_lists import TagList
from annotator.store import database, document_reads, export_reads, learning, memos
from annotator.store import errors as said
from annotator.store.annotation_reads import from_columns, load_annotation_rows, load_annotations
from annotator.store.column_limits import check_new_documents
from annotator.store.database import (
    IMMEDIATE,
    create_db_engine,
    describe,
    is_busy,
    migrate,
    older_revisions,
    reason,
    sqlite_file,
    to_url,
    unreachable,
)
from annotator.store.document_import import ImportBatch, ImportResult, import_one
from annotator.store.errors import StoreError
from annotator.store.file_lock import DatabaseLock, Waiting, hold_shared
from annotator.store.first_screen import INITIALISED
from annotator.store.integrity import check_kind, prepare_file
from annotator.store.models import (
    ANNOTATION_COLUMNS,
    AnnotationRow,
    DocumentRow,
    LabelRow,
    OriginalRow,
    RejectionRow,
    SettingRow,
)
from annotator.store.rows import (
    BATCH,
    annotation_of,
    document_of,
    forget_rejections,
    label_of,
    new_id,
    now_utc,
    present,
    refuse_clash,
    refuse_duplicate,
    refuse_span,
    rejected_keys,
    remember_rejections,
    twin_of,
)
from annotator.store.scheme import add_labels, change_scheme
from annotator.store.set_import import Progress, SetImportReport, merge_annotation_set

SEEDED = "seeded"
CHANGES_CHANNEL = "annotator_changes"  # PostgreSQL: see migration 0008
PID = "SELECT pg_backend_pid()"


@dataclass(frozen=True, slots=True)
class Relabelled:
    """What :meth:`Store.relabel_annotations` did: the annotations as they are now, and
    those left alone because they would have become an exact twin of another."""

    changed: tuple[Annotation, ...]
    twins: tuple[Annotation, ...]


class Store:
    """An open Annotator database. Every method is one transaction, committed on return.

    A store is used from one thread. It writes through one connection it keeps open, so
    it can tell other connections' commits (other windows, processes, stores or people)
    from its own: see :meth:`changes_elsewhere`."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._lengths: dict[str, int] = {}  # document id -> length of its (unchanging) text
        self.location = describe(engine.url.render_as_string(hide_password=False))
        self.notices: list[str] = []  # for the user, from opening (e.g. a failed backup)
        self._lock: DatabaseLock | None = None  # SQLite: held while open (Store.open)
        # SQLite: every write goes through this connection (reads take any from the pool),
        # so its PRAGMA data_version moves only when another connection commits.
        self._writer: Connection | None = None
        self._data_version: int | None = None
        # PostgreSQL: a connection that LISTENs for the changes every write announces
        # (migration 0008), and the server process of this store's own writer.
        self._listener: Connection | None = None
        self._writer_pid: str | None = None
        try:
            if engine.dialect.name == "sqlite":
                self._writer = engine.connect().execution_options(**{IMMEDIATE: True})
                self._data_version = self._read_data_version()
            elif engine.dialect.name == "postgresql":
                self._writer = engine.connect()
                self._writer_pid = str(self._writer.exec_driver_sql(PID).scalar())
                self._writer.rollback()
                self._listener = engine.connect().execution_options(isolation_level="AUTOCOMMIT")
                self._listener.exec_driver_sql(f"LISTEN {CHANGES_CHANNEL}")
        except SQLAlchemyError as exc:
            self.close()
            problem = unreachable(engine.url, exc) or say(said.CANNOT_OPEN, reason=reason(exc))
            raise StoreError(say(FILE_PROBLEM, file=self.location, problem=problem)) from None

    @classmethod
    def open(cls, target: str, *, on_wait: Waiting | None = None) -> Store:
        """Open (creating or upgrading as needed) the database at a path or URL.

        An SQLite file is checked first (``PRAGMA quick_check``): a damaged file or one
        that is not a database raises :class:`DamagedDatabase` and is left untouched; a
        path that is not a regular file raises :class:`StoreError`. A new file is created
        readable by its owner only. The store holds the file's lock (shared) until it is
        closed, so no restore swaps the file under it; while one does, opening waits
        (``on_wait`` is told so) and then opens the restored file."""
        url = to_url(target)
        file = sqlite_file(url)
        lock = None
        if file is not None:
            check_kind(file)
            lock = hold_shared(file, on_wait=on_wait)
        try:
            notices = [] if file is None else prepare_file(file, older_revisions())
            engine = create_db_engine(url)
            try:
                migrate(engine)
                store = cls(engine)
            except StoreError:
                engine.dispose()
                raise
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        store.notices = notices
        store._lock = lock
        return store

    def _error(self, template: str, **params: object) -> StoreError:
        """A :class:`StoreError` whose message (``template``, marked with ``N_``) starts
        with this database's ``{location}``."""
        return StoreError(say(template, location=self.location, **params))

    def close(self) -> None:
        for connection in (self._writer, self._listener):
            if connection is not None:
                connection.close()
        self._writer = self._listener = None
        self._engine.dispose()
        if self._lock is not None:
            self._lock.release()  # after every connection of this store is closed
            self._lock = None

    @property
    def file(self) -> Path | None:
        """The SQLite database file (None for a database server)."""
        return sqlite_file(self._engine.url.render_as_string(hide_password=False))

    @property
    def engine(self) -> Engine:
        return self._engine

    def changes_elsewhere(self) -> bool:
        """Whether another connection (another window, process or store) has committed a
        change to the database since the last call (or since the store was opened); this
        store's own changes do not count. Cheap enough to ask on a timer: on SQLite one
        pragma, no transaction; on PostgreSQL the notifications already received on the
        listening connection (``LISTEN/NOTIFY``), no round trip when there are none."""
        if self._listener is not None:
            return self._notified_elsewhere()
        if self._writer is None or self._data_version is None:
            return False
        if self._writer.in_transaction():
            return False  # in the middle of a change of its own (an import): ask later
        try:
            version = self._read_data_version()
        except StoreError:
            return False  # asked again on the next tick
        changed, self._data_version = version != self._data_version, version
        return changed

    def _notified_elsewhere(self) -> bool:
        assert self._listener is not None
        driver = self._listener.connection.driver_connection
        try:
            pids = {n.payload for n in driver.notifies(timeout=0)}  # type: ignore[union-attr]
        except Exception:
            return False  # asked again on the next tick
        return bool(pids - {self._writer_pid})

    def _read_data_version(self) -> int:
        assert self._writer is not None
        driver = self._writer.connection.driver_connection
        try:
            return driver.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error as exc:
            raise StoreError(say(FILE_PROBLEM, file=self.location, problem=str(exc))) from exc

    @contextmanager
    def _unit(self, *, write: bool = False, dry_run: bool = False) -> Iterator[Session]:
        """One transaction; ``write`` takes SQLite's write lock at the start (waiting for
        other writers, see :mod:`annotator.store.database`) so a read-then-write unit
        cannot fail half-way; ``dry_run`` rolls it back at the end, to see whether it
        would succeed."""
        if write and self._writer is not None:
            if self._writer.in_transaction():
                raise self._error(said.STILL_SAVING)
            session = self._sessions(bind=self._writer)
        else:
            session = self._sessions()
        try:
            if write:
                session.connection(execution_options={IMMEDIATE: True})
            yield session
            if dry_run:
                session.flush()
                session.rollback()
            else:
                session.commit()
        except (SQLAlchemyError, sqlite3.Error) as exc:  # the driver's: SQLite fast paths
            session.rollback()
            if is_busy(exc):
                raise self._error(said.BUSY, LOCK_WAIT_S=database.LOCK_WAIT_S) from exc
            orig = getattr(exc, "orig", None)
            problem = str(orig if orig is not None else exc)
            raise StoreError(say(FILE_PROBLEM, file=self.location, problem=problem)) from exc

        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    # -- first use -------------------------------------------------------------------

    def initialise(self, labels: Sequence[Label]) -> bool:
        """On a database's first use, add the default labels.

        Returns whether this was the first use. Runs once per database: labels the user
        deletes later are not brought back."""
        with self._unit(write=True) as s:
            if s.get(SettingRow, INITIALISED) is not None:
                return False
            add_labels(s, labels)
            s.add(SettingRow(key=INITIALISED, value=now_utc().isoformat()))
            return True

    def seed(self, seeds: Sequence[NewDocument]) -> bool:
        """Import the seed documents into a database that has never held a document.

        Runs once per database (a deleted seed is not brought back); returns whether
        the seeds were imported."""
        with self._unit(write=True) as s:
            if s.get(SettingRow, SEEDED) is not None:
                return False
            empty = s.scalar(select(DocumentRow.id).limit(1)) is None
            if empty:
                batch = ImportBatch(s)
                for doc in seeds:
                    import_one(s, doc, batch)
            s.add(SettingRow(key=SEEDED, value=now_utc().isoformat()))
            return empty

    # -- labels ----------------------------------------------------------------------

    def labels(self) -> list[Label]:
        with self._unit() as s:
            rows = s.scalars(select(LabelRow).order_by(LabelRow.position, LabelRow.name))
            return [label_of(row) for row in rows]

    def add_labels(self, labels: Sequence[Label]) -> None:
        """Add the labels the database lacks; existing names are left as they are."""
        with self._unit(write=True) as s:
            add_labels(s, labels)

    # -- documents -------------------------------------------------------------------

    def documents(self, annotator: str | None = None) -> list[DocumentSummary]:
        """The newest version of every document, in import order, with annotation counts
        and the number of orphaned annotations its versions hold (only ``annotator``'s
        annotations counted, if given)."""
        with self._unit() as s:
            return document_reads.documents(s, annotator)

    def versions(self, document_id: str) -> list[VersionSummary]:
        """Every version of the document ``document_id`` belongs to, newest first."""
        with self._unit() as s:
            return document_reads.versions(s, self.location, document_id)

    def orphans(self, document_id: str) -> list[Orphan]:
        """The orphaned annotations of every version of the document ``document_id``
        belongs to, newest version first, each in text order, with its quote."""
        with self._unit() as s:
            return document_reads.orphans(s, self.location, document_id)

    def annotators(self, document_id: str | None = None) -> list[str]:
        """The distinct names of those who made annotations (of one document, if given),
        sorted by code point (in Python: the same on every database)."""
        query = select(AnnotationRow.annotator).distinct()
        if document_id is not None:
            query = query.where(AnnotationRow.document_id == document_id)
        with self._unit() as s:
            return sorted(s.scalars(query))

    def label_counts(self) -> dict[tuple[str, str], int]:
        """Number of annotations per (document id, label name)."""
        query = select(AnnotationRow.document_id, AnnotationRow.label, func.count()).group_by(
            AnnotationRow.document_id, AnnotationRow.label
        )
        with self._unit() as s:
            return {(doc, label): n for doc, label, n in s.execute(query)}

    def document(self, document_id: str) -> Document:
        with self._unit() as s:
            row = s.get(DocumentRow, document_id)
            if row is None:
                raise self._error(said.NO_DOCUMENT, document_id=document_id)
            return document_of(row)

    def document_by_sha256(self, sha256: str) -> Document | None:
        with self._unit() as s:
            row = s.scalar(select(DocumentRow).where(DocumentRow.sha256 == sha256))
            return None if row is None else document_of(row)

    def import_documents(self, documents: Sequence[NewDocument]) -> list[ImportResult]:
        """Import all of ``documents`` in one transaction, skipping texts already present.

        A changed text of a known source becomes that document's next version and takes
        its annotations over (see :func:`import_one`)."""
        check_new_documents(documents)
        with self._unit(write=True) as s:
            batch = ImportBatch(s)
            return [import_one(s, doc, batch) for doc in documents]

    def import_bundle(
        self,
        documents: Sequence[NewDocument],
        sets: Sequence[tuple[str, AnnotationSet | StreamedSet]],
        *,
        replace: bool = False,
        progress: Progress | None = None,
    ) -> tuple[list[ImportResult], list[SetImportReport]]:
        """Import documents and merge annotation sets (named by file) in one transaction.

        Any error (a :class:`SetFormatError` for a set's content, a :class:`StoreError`
        for the database, or whatever ``progress`` raises to cancel) leaves the
        database as it was.
        """
        check_new_documents(documents)
        with self._unit(write=True) as s:
            batch = ImportBatch(s)
            results = []
            for done, doc in enumerate(documents):
                if progress is not None:
                    progress(done, len(documents))
                results.append(import_one(s, doc, batch))
            moment = now_utc()
            reports = [
                merge_annotation_set(
                    s, aset, file=name, replace=replace, now=moment, progress=progress
                )
                for name, aset in sets
            ]
            return results, reports

    def original(self, document_id: str) -> bytes | None:
        """The bytes the document was decoded from, kept where its encoding was guessed
        or chosen (from migration 0010 on); None otherwise."""
        with self._unit() as s:
            return s.scalar(select(OriginalRow.data).where(OriginalRow.document_id == document_id))

    def import_version(self, document_id: str, doc: NewDocument) -> ImportResult:
        """Store ``doc`` as the next version of the document ``document_id`` (its newest
        version), carrying its annotations over as an import of a changed file does.
        A text already stored changes nothing (``created`` is False)."""
        check_new_documents([doc])
        with self._unit(write=True) as s:
            row = s.get(DocumentRow, document_id)
            if row is None:
                raise self._error(said.NO_DOCUMENT, document_id=document_id)
            if s.scalar(select(DocumentRow.id).where(DocumentRow.previous_id == row.id)):
                raise StoreError(
                    say(said.NEWER_VERSION, title=repr(row.title), version=row.version)
                )
            return import_one(s, doc, ImportBatch(s), of=row)

    def update_document_metadata(
        self, document_id: str, *, title: str, author: str | None, published: str | None
    ) -> Document:
        """Change what a researcher may edit about a document; the text never changes."""
        with self._unit(write=True) as s:
            row = s.get(DocumentRow, document_id)
            if row is None:
                raise self._error(said.NO_DOCUMENT, document_id=document_id)
            row.title, row.author, row.published = title, author or None, published or None
            s.flush()
            return document_of(row)

    def set_done(self, document_id: str, done: bool) -> None:
        """Mark a document as done (or not) with its annotating."""
        with self._unit(write=True) as s:
            row = s.get(DocumentRow, document_id)
            if row is None:
                raise self._error(said.NO_DOCUMENT, document_id=document_id)
            row.done = done

    def delete_document(self, document_id: str) -> None:
        """Delete a document and, with it, its annotations. A version's successor then
        follows on from the version before it."""
        with self._unit(write=True) as s:
            before = s.scalar(select(DocumentRow.previous_id).where(DocumentRow.id == document_id))
            after = s.scalar(select(DocumentRow.id).where(DocumentRow.previous_id == document_id))
            memos.follow(s, document_id, None if after else before)  # stays with the document
            s.execute(delete(DocumentRow).where(DocumentRow.id == document_id))
            if after is not None:
                s.execute(
                    update(DocumentRow).where(DocumentRow.id == after).values(previous_id=before)
                )

    # -- annotations -----------------------------------------------------------------

    def annotations(self, document_id: str, *, before: int | None = None) -> list[Annotation]:
        """The document's annotations ordered by (start, end, label, id); with ``before``,
        only those that start before that code point. A time another program stored
        unreadably reads as :data:`UNREADABLE_TIME`, so the document still opens (export
        refuses such a database instead, naming the row)."""
        with self._unit() as s:
            return load_annotations(s, document_id, before, lenient=True)

    def annotation_rows(self, document_id: str, *, before: int | None = None) -> AnnotationRows:
        """:meth:`annotations` as compact rows (what the window holds)."""
        with self._unit() as s:
            return load_annotation_rows(s, document_id, before)

    def add_annotation(
        self,
        document_id: str,
        label: str,
        start: int,
        end: int,
        annotator: str,
        note: str | None = None,
    ) -> Annotation:
        """Create an annotation over code points ``[start, end)`` of the document's text,
        as :meth:`tag` does; :class:`StoreError` if the annotator has it already."""
        annotation, created = self.tag(document_id, label, start, end, annotator, note)
        if not created:
            raise StoreError(say(said.IDENTICAL))
        return annotation

    def tag(
        self,
        document_id: str,
        label: str,
        start: int,
        end: int,
        annotator: str,
        note: str | None = None,
    ) -> tuple[Annotation, bool]:
        """The annotator's annotation with exactly this label and span: found (as it is)
        or created (with ``note``). The one way annotations are made one at a time.

        Returns ``(annotation, created)``. Checked inside the transaction, so two windows
        on one database cannot make the same annotation twice."""
        with self._unit(write=True) as s:
            if s.get_bind().dialect.name == "sqlite":
                return self._tag_sqlite(s, document_id, label, start, end, annotator, note)
            existing = twin_of(s, document_id, label, start, end, annotator)
            if existing is not None:
                return existing, False
            return self._add_annotation(s, document_id, label, start, end, annotator, note), True

    def _tag_sqlite(
        self,
        s: Session,
        document_id: str,
        label: str,
        start: int,
        end: int,
        annotator: str,
        note: str | None,
    ) -> tuple[Annotation, bool]:
        """:meth:`tag` in three statements straight to the driver: the label key's whole
        path is a few milliseconds, and SQLAlchemy's statement handling was a third of it."""
        driver = s.connection().connection.driver_connection
        twin = driver.execute(
            "SELECT id, note, created_at, updated_at, attributes, orphaned, version, source, "
            "rule FROM annotations WHERE document_id = ? AND label = ? AND start_offset = ? "
            "AND end_offset = ? AND annotator = ? LIMIT 1",
            (document_id, label, start, end, annotator),
        ).fetchone()
        if twin is not None:
            found, note, created, updated, stored, orphaned, version, source, rule = twin
            return Annotation(
                found,
                document_id,
                label,
                start,
                end,
                note,
                annotator,
                datetime.fromisoformat(created),
                datetime.fromisoformat(updated),
                as_attributes(json.loads(stored)) if stored else (),
                bool(orphaned),
                version,
                source,
                rule,
            ), False
        length = self._text_length(s, document_id)
        if not 0 <= start < end <= length:
            refuse_span(s, document_id, start, end, length)
        if driver.execute("SELECT 1 FROM labels WHERE name = ?", (label,)).fetchone() is None:
            raise self._error(said.NO_LABEL, label=repr(label))
        moment = now_utc()
        stamp = f"{moment:%Y-%m-%d %H:%M:%S.%f}"  # SQLAlchemy's SQLite DateTime form
        annotation = Annotation(
            new_id(), document_id, label, start, end, note, annotator, moment, moment
        )
        driver.execute(
            "INSERT INTO annotations (id, document_id, label, start_offset, end_offset, "
            "note, annotator, created_at, updated_at, attributes) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
            (annotation.id, document_id, label, start, end, note, annotator, stamp, stamp),
        )
        return annotation, True

    def _add_annotation(
        self,
        s: Session,
        document_id: str,
        label: str,
        start: int,
        end: int,
        annotator: str,
        note: str | None = None,
    ) -> Annotation:
        length = self._text_length(s, document_id)
        if not 0 <= start < end <= length:
            refuse_span(s, document_id, start, end, length)
        if s.scalar(select(LabelRow.name).where(LabelRow.name == label)) is None:
            raise self._error(said.NO_LABEL, label=repr(label))
        moment = now_utc()
        annotation = Annotation(
            new_id(), document_id, label, start, end, note, annotator, moment, moment
        )
        # A Core insert: the ORM's unit of work costs more than the insert itself.
        s.execute(
            insert(AnnotationRow),
            {
                "id": annotation.id,
                "document_id": document_id,
                "label": label,
                "start_offset": start,
                "end_offset": end,
                "note": note,
                "annotator": annotator,
                "created_at": moment,
                "updated_at": moment,
            },
        )
        return annotation

    def _text_length(self, s: Session, document_id: str) -> int:
        """The length of a document's text in code points. Texts never change (and a
        document's id is made from its text), so each is read once: reading a long text
        costs more than tagging."""
        length = self._lengths.get(document_id)
        if length is None:
            # Counted here, not by SQL: SQLite's length() stops at a NUL character.
            text = s.scalar(select(DocumentRow.text).where(DocumentRow.id == document_id))
            if text is None:
                raise self._error(said.NO_DOCUMENT, document_id=document_id)
            length = self._lengths[document_id] = len(text)
        return length

    def _current_row(self, s: Session, expected: Annotation) -> AnnotationRow:
        """The annotation's row, provided nobody changed it since ``expected`` was read."""
        # FOR UPDATE (PostgreSQL): a concurrent change of the row is waited for and then
        # seen here, so two people's edits of one version cannot both pass this check.
        row = s.get(AnnotationRow, expected.id, with_for_update=True, populate_existing=True)
        if row is None or annotation_of(row) != expected:
            raise StoreError(say(said.THIS_ONE_CHANGED))
        return row

    def _current_rows(self, s: Session, expected: Sequence[Annotation]) -> list[AnnotationRow]:
        """The rows of ``expected`` in order, as :meth:`_current_row`, read in batches."""
        ids = [ann.id for ann in expected]
        found: dict[str, AnnotationRow] = {}
        for first in range(0, len(ids), BATCH):
            query = (
                select(AnnotationRow)
                .where(AnnotationRow.id.in_(ids[first : first + BATCH]))
                .with_for_update()
            )
            found.update((row.id, row) for row in s.scalars(query))
        for ann in expected:
            row = found.get(ann.id)
            if row is None or annotation_of(row) != ann:
                raise StoreError(say(said.ONE_OF_THEM_CHANGED))
        return [found[ann.id] for ann in expected]

    def relabel_annotation(self, expected: Annotation, label: str) -> Annotation:
        """Give an annotation another (existing) label; its update time moves on."""
        with self._unit(write=True) as s:
            row = self._current_row(s, expected)
            if s.get(LabelRow, label) is None:
                raise self._error(said.NO_LABEL, label=repr(label))
            refuse_clash(s, label, [row])
            row.label = label
            row.updated_at = now_utc()
            row.version += 1
            s.flush()
            refuse_duplicate(s, row)
            return annotation_of(row)

    def relabel_annotations(self, expected: Sequence[Annotation], label: str) -> Relabelled:
        """Give annotations another (existing) label in one transaction, all with one
        update time. Those that have it already are left out; so is one that would become
        an exact twin (same document, label, span and annotator) of another, which comes
        back in ``twins``. Raises :class:`StoreError`, changing nothing, if any of
        ``expected`` was changed or deleted elsewhere since it was read."""
        with self._unit(write=True) as s:
            if s.get(LabelRow, label) is None:
                raise self._error(said.NO_LABEL, label=repr(label))
            rows = self._current_rows(s, expected)
            refuse_clash(s, label, [row for row in rows if row.label != label])
            documents = list({row.document_id for row in rows})
            columns = (
                AnnotationRow.document_id,
                AnnotationRow.start_offset,
                AnnotationRow.end_offset,
                AnnotationRow.annotator,
            )
            query = select(*columns).where(
                AnnotationRow.label == label, AnnotationRow.document_id.in_(documents)
            )
            # What the label covers already: a twin of one of these is refused.
            taken = {tuple(covered) for covered in s.execute(query)}
            moment = now_utc()
            changed: list[Annotation] = []
            twins: list[Annotation] = []
            for ann, row in zip(expected, rows, strict=True):
                if row.label == label:
                    continue
                key = (row.document_id, row.start_offset, row.end_offset, row.annotator)
                if key in taken:
                    twins.append(ann)
                    continue
                taken.add(key)
                row.label = label
                row.updated_at = moment
                row.version += 1
                changed.append(annotation_of(row))
            s.flush()
            return Relabelled(tuple(changed), tuple(twins))

    def resize_annotation(self, expected: Annotation, start: int, end: int) -> Annotation:
        """Move an annotation's span to code points ``[start, end)`` of its text."""
        with self._unit(write=True) as s:
            row = self._current_row(s, expected)
            length = self._text_length(s, row.document_id)
            if not 0 <= start < end <= length:
                raise StoreError(say(said.SPAN_OUTSIDE, start=start, end=end, length=length))
            row.start_offset, row.end_offset = start, end
            row.updated_at = now_utc()
            row.version += 1
            s.flush()
            refuse_duplicate(s, row)
            return annotation_of(row)

    def set_note(self, expected: Annotation, note: str | None) -> Annotation:
        """Set (or, with a blank text, clear) an annotation's note."""
        with self._unit(write=True) as s:
            row = self._current_row(s, expected)
            row.note = note if note and note.strip() else None
            row.updated_at = now_utc()
            row.version += 1
            s.flush()
            return annotation_of(row)

    def set_attributes(
        self, expected: Annotation, values: Mapping[str, AttributeValue]
    ) -> Annotation:
        """Replace an annotation's attribute values (checked by the caller against its
        label's definitions); an empty mapping clears them."""
        with self._unit(write=True) as s:
            row = self._current_row(s, expected)
            row.attributes = dict(as_attributes(values)) or None
            refuse_clash(s, row.label, [row])
            row.updated_at = now_utc()
            row.version += 1
            s.flush()
            return annotation_of(row)

    def annotations_with_labels(self, names: Sequence[str]) -> list[Annotation]:
        """Every annotation, in any document, whose label is one of ``names``."""
        with self._unit() as s:
            query = select(*ANNOTATION_COLUMNS).where(AnnotationRow.label.in_(names))
            return [from_columns(row) for row in s.execute(query)]

    def apply_step(self, step: Step, dry_run: bool = False) -> None:
        """Make ``step`` (an undo step, or its inverse) in one transaction: every part
        of it, as :meth:`apply_change` says."""
        self.apply_change(
            step.added,
            step.removed,
            step.scheme,
            rejected=step.rejected,
            unrejected=step.unrejected,
            rules_off=step.rules_off,
            rules_on=step.rules_on,
            dry_run=dry_run,
        )

    def apply_change(
        self,
        added: Sequence[Annotation],
        removed: Sequence[Annotation],
        scheme: SchemeChange | None = None,
        *,
        rejected: Sequence[Rejection] = (),
        unrejected: Sequence[Rejection] = (),
        rules_off: Sequence[str] = (),
        rules_on: Sequence[str] = (),
        dry_run: bool = False,
    ) -> None:
        """Remove annotations, change the label scheme, then (re-)create annotations
        exactly as given (same ids and times), and remember suggestions as ``rejected``
        or forget their rejection (``unrejected``), and switch suggestion rules off or on
        (``rules_off``, ``rules_on``), in one transaction: what undo and redo do, and what
        a label-scheme edit does. Raises :class:`StoreError`, changing
        nothing, if an annotation to remove is no longer exactly as given (changed or
        deleted elsewhere), one to add already exists or its document is gone, the labels
        are not ``scheme.before`` any more, or a label to delete still has annotations.
        With ``dry_run`` nothing is kept either way: only the error, if any, tells."""
        with self._unit(write=True, dry_run=dry_run) as s:
            forget_rejections(s, unrejected)
            remember_rejections(s, rejected, now_utc())
            if rules_off or rules_on:
                learning.switch_rules(s, rules_off, rules_on)
            for row in self._current_rows(s, removed):
                s.delete(row)
            s.flush()
            if scheme is not None:
                change_scheme(s, scheme)
            if present(s, AnnotationRow.id, [ann.id for ann in added]):
                raise StoreError(say(said.EXISTS_ALREADY))
            documents = list({ann.document_id for ann in added})
            if len(present(s, DocumentRow.id, documents)) < len(documents):
                raise self._error(said.DOCUMENT_GONE)
            for ann in added:
                s.add(
                    AnnotationRow(
                        id=ann.id,
                        document_id=ann.document_id,
                        label=ann.label,
                        start_offset=ann.start,
                        end_offset=ann.end,
                        note=ann.note,
                        annotator=ann.annotator,
                        created_at=ann.created_at,
                        updated_at=ann.updated_at,
                        attributes=dict(ann.attributes) or None,
                        orphaned=ann.orphaned,
                        version=ann.version,
                        source=ann.source,
                        rule=ann.rule,
                    )
                )
            s.flush()

    def delete_annotation(self, annotation_id: str) -> bool:
        """Delete an annotation; returns whether it existed."""
        with self._unit(write=True) as s:
            result = s.execute(delete(AnnotationRow).where(AnnotationRow.id == annotation_id))
            return bool(result.rowcount)

    def delete_annotations(self, expected: Sequence[Annotation]) -> None:
        """Delete annotations in one transaction. Raises :class:`StoreError`, deleting
        none, if any was changed or deleted elsewhere since ``expected`` was read."""
        with self._unit(write=True) as s:
            for row in self._current_rows(s, expected):
                s.delete(row)
            s.flush()

    # -- rejected suggestions ----------------------------------------------------------

    def rejected_suggestions(self, document_id: str) -> set[tuple[str, int, int]]:
        """The (label, start, end) of every suggestion rejected in the document."""
        with self._unit() as s:
            return rejected_keys(s, document_id)

    def rejections(self, document_id: str) -> list[Rejection]:
        """Every rejection remembered in the document, in span order."""
        query = select(RejectionRow).where(RejectionRow.document_id == document_id)
        with self._unit() as s:
            rows = s.scalars(query.order_by(RejectionRow.start_offset, RejectionRow.end_offset))
            return [
                Rejection(
                    r.document_id, r.label, r.start_offset, r.end_offset, r.rule, r.rejected_by
                )
                for r in rows
            ]

    # -- what suggestions learn ---------------------------------------------------------

    def hand_tagged(
        self, except_document: str | None = None, *, only_document: str | None = None
    ) -> dict[str, TagList]:
        """Each document's phrases tagged by hand, by document id, but those of
        ``except_document``, or only those of ``only_document`` (see
        :func:`annotator.store.learning.hand_tagged`)."""
        with self._unit() as s:
            return learning.hand_tagged(s, except_document, only_document)

    def rule_records(self) -> dict[str, tuple[int, int]]:
        """Per rule: (accepted, rejected) in this database."""
        with self._unit() as s:
            return learning.rule_records(s)

    def rules_off(self) -> set[str]:
        """The suggestion rules switched off in this database."""
        with self._unit() as s:
            return learning.rules_off(s)

    def memo(self, document_id: str | None) -> str:
        """A document's memo (by any version's id) or, for None, the project's; "" if none."""
        with self._unit() as s:
            return memos.read(s, document_id)

    def set_memo(self, document_id: str | None, text: str) -> None:
        """Save a document's memo (by any version's id) or the project's; blank: none."""
        with self._unit(write=True) as s:
            memos.write(s, document_id, text)

    def memos(self) -> dict[str | None, str]:
        """Every memo in one query: {newest version's id, or None (project): text}."""
        with self._unit() as s:
            return memos.read_all(s)

    # -- settings --------------------------------------------------------------------

    def setting(self, key: str) -> str | None:
        with self._unit() as s:
            row = s.get(SettingRow, key)
            return None if row is None else row.value

    def set_setting(self, key: str, value: str) -> None:
        with self._unit(write=True) as s:
            row = s.get(SettingRow, key)
            if row is None:
                s.add(SettingRow(key=key, value=value))
            else:
                row.value = value

    # -- export ----------------------------------------------------------------------

    def export_documents(self, *, newest: bool = False) -> list[DocumentExport]:
        """Every document with its annotations, in import order, from one snapshot; with
        ``newest``, only the versions no newer version replaced (the others not read)."""
        with self._unit() as s:
            return document_reads.exported(s, newest=newest)

    @contextmanager
    def export_reader(self) -> Iterator[export_reads.ExportReader]:
        """Reads for an export streamed from one snapshot, while the block runs."""
        with self._unit() as s:
            yield export_reads.ExportReader(s)
