"""What the window's first screen shows, read from an SQLite file with the standard
library's ``sqlite3`` alone (no SQLAlchemy, no Alembic), so that the window paints it
before the store is opened.

Read-only: the file is opened ``mode=ro``, nothing is written, no lock file is touched.
Anything unusual (no such file, another schema revision, a file SQLite cannot read) gives
``None``: the caller then opens the store as usual, which explains or repairs it.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from annotator.core.annotation_rows import AnnotationRows
from annotator.core.messages import FILE_PROBLEM, say
from annotator.core.model import Annotation, Document, DocumentSummary, Label
from annotator.store.errors import NO_DOCUMENT, StoreError
from annotator.store.plain_reads import document_rows, label_from, lenient_annotations, summaries

# The migrations' head revision (tests/store/test_first_screen.py keeps them equal): a
# file at another revision is opened by the store, which upgrades it or says why not.
SCHEMA_HEAD = "0011"
CURRENT_DOCUMENT = "current_document"  # the setting naming the document open last
INITIALISED = "initialised"  # set once the default labels are in

DOCUMENT = (
    "SELECT id, title, source, text, sha256, created_at, format, encoding, original_name, "
    "author, published, version, previous_id, confidence, encoding_chosen "
    "FROM documents WHERE id = ?"
)
COUNTS = (
    "SELECT document_id, annotator, count(*), coalesce(sum(orphaned), 0) "
    "FROM annotations GROUP BY document_id, annotator"
)


@dataclass(frozen=True)
class FirstScreen:
    """A snapshot of one database as the window first shows it. Its methods answer as
    :class:`annotator.store.store.Store`'s of the same name do, for what the snapshot
    holds: the labels, the document list (counted for any annotator), the document open
    last, its memo and rejected suggestions; its annotations are read from the file when
    asked for (those of the first screen, then the rest). The window is built on it and,
    once painted, attached to the real store."""

    location: str
    _labels: list[Label]
    _listing: list[tuple[str, str, object, int, str | None]]
    # document id -> annotator -> (annotations, orphaned annotations)
    _counts: dict[str, dict[str, tuple[int, int]]]
    _settings: dict[str, str]
    document_: Document | None
    _memos: dict[str | None, str] = field(default_factory=dict)
    _rejected: set[tuple[str, int, int]] = field(default_factory=set)

    def labels(self) -> list[Label]:
        return list(self._labels)

    def documents(self, annotator: str | None = None) -> list[DocumentSummary]:
        counts = {}
        for doc_id, by in self._counts.items():
            if annotator is not None:
                counts[doc_id] = by.get(annotator, (0, 0))
            else:
                counts[doc_id] = (sum(n for n, _ in by.values()), sum(o for _, o in by.values()))
        return summaries(self._listing, counts)

    def annotators(self, document_id: str | None = None) -> list[str]:
        if document_id is None:
            return sorted({a for by in self._counts.values() for a in by})
        return sorted(self._counts.get(document_id, {}))

    def setting(self, key: str) -> str | None:
        return self._settings.get(key)

    def set_setting(self, key: str, value: str) -> None:
        """Not written: the window sets what it read (the store writes later ones)."""

    def document(self, document_id: str) -> Document:
        if self.document_ is None or self.document_.id != document_id:
            # The window opens no other before it is attached to the store.
            raise StoreError(say(NO_DOCUMENT, location=self.location, document_id=document_id))
        return self.document_

    def annotations(self, document_id: str, *, before: int | None = None) -> list[Annotation]:
        self.document(document_id)
        try:
            with closing(_connect(self.location)) as conn:
                return lenient_annotations(conn, document_id, before)
        except sqlite3.Error as exc:
            raise StoreError(say(FILE_PROBLEM, file=self.location, problem=str(exc))) from None

    def annotation_rows(self, document_id: str, *, before: int | None = None) -> AnnotationRows:
        self.document(document_id)
        try:
            with closing(_connect(self.location)) as conn:
                try:
                    return document_rows(conn, document_id, before)
                except TypeError:  # a time with a zone, which another program stored
                    return AnnotationRows(lenient_annotations(conn, document_id, before))
        except sqlite3.Error as exc:
            raise StoreError(say(FILE_PROBLEM, file=self.location, problem=str(exc))) from None

    def memo(self, document_id: str | None) -> str:
        return self._memos.get(document_id, "")

    def rejected_suggestions(self, document_id: str) -> set[tuple[str, int, int]]:
        self.document(document_id)
        return set(self._rejected)

    def changes_elsewhere(self) -> bool:
        return False

    # What suggestions learn from is read once the store is attached (it tells them the
    # corpus changed): until then, nothing learnt and no rule off.
    def hand_tagged(
        self, except_document: str | None = None, *, only_document: str | None = None
    ) -> dict[str, object]:
        return {}

    def rules_off(self) -> set[str]:
        return set()


def read_first_screen(database: Path, preferred: str | None = None) -> FirstScreen | None:
    """The first screen of the SQLite file ``database``: ``preferred`` if it is a listed
    document, else the one open last, else the first listed; None when the file is not
    an Annotator database at :data:`SCHEMA_HEAD` that reads without a problem."""
    try:
        if not database.is_file() or database.stat().st_size == 0:
            return None
        location = str(database.expanduser().resolve(strict=True))
        with closing(_connect(location)) as conn:
            return _read(conn, location, preferred)
    except (sqlite3.Error, OSError, ValueError, TypeError, KeyError, IndexError):
        return None  # unusual: the store opens it, and says what is wrong


def _connect(location: str) -> sqlite3.Connection:
    """A read-only connection to the SQLite file at the absolute path ``location``."""
    return sqlite3.connect(Path(location).as_uri() + "?mode=ro", uri=True)


def _read(conn: sqlite3.Connection, location: str, preferred: str | None) -> FirstScreen | None:
    revisions = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    if revisions != [(SCHEMA_HEAD,)]:
        return None
    labels = [
        label_from(name, color, hotkey, description, json.loads(specs) if specs else None)
        for name, color, hotkey, description, specs in conn.execute(
            "SELECT name, color, hotkey, description, attributes FROM labels "
            "ORDER BY position, name"
        )
    ]
    listing = conn.execute(
        "SELECT id, title, done, version, previous_id FROM documents ORDER BY position, version"
    ).fetchall()
    counts: dict[str, dict[str, tuple[int, int]]] = {}
    for doc_id, annotator, n, orphans in conn.execute(COUNTS):
        counts.setdefault(doc_id, {})[annotator] = (n, int(orphans))
    settings = dict(conn.execute("SELECT key, value FROM settings").fetchall())
    shown = _chosen(summaries(listing, {}), (preferred, settings.get(CURRENT_DOCUMENT)))
    if shown is None or INITIALISED not in settings:
        return None  # a version since replaced, a new database: the store's path
    doc_id, title, source, text, sha256, created, *rest, chosen = conn.execute(
        DOCUMENT, (shown,)
    ).fetchone()
    created_at = datetime.fromisoformat(created)
    document = Document(doc_id, title, source, text, sha256, created_at, *rest, bool(chosen))
    memos = {
        None: _memo(conn, "document_id IS NULL", ()),
        shown: _memo(conn, "document_id = ?", (shown,)),
    }
    rejected = {
        (label, start, end)
        for label, start, end in conn.execute(
            "SELECT label, start_offset, end_offset FROM suggestion_rejections "
            "WHERE document_id = ?",
            (shown,),
        )
    }
    return FirstScreen(location, labels, listing, counts, settings, document, memos, rejected)


def _chosen(listed: list[DocumentSummary], candidates: tuple[str | None, ...]) -> str | None:
    """The document the window opens first, as :meth:`open_initial_document` chooses:
    the first of ``candidates`` given, else the first listed document; None for a
    candidate the list lacks (a version since replaced: the store finds its newest)."""
    ids = {d.id for d in listed}
    for candidate in candidates:
        if candidate:
            return candidate if candidate in ids else None
    return listed[0].id if listed else None


def _memo(conn: sqlite3.Connection, where: str, params: tuple[str, ...]) -> str:
    row = conn.execute(
        f"SELECT text FROM memos WHERE {where} ORDER BY id DESC LIMIT 1", params
    ).fetchone()
    return row[0] if row and row[0] else ""
