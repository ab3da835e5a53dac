from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest

from annotator.app.opening import open_store
from annotator.core.model import Label, NewDocument
from annotator.core.text import normalise_text

T = datetime(2026, 1, 31, 12, 0, 0)
CRLF_BORN = normalise_text(
    "\ufeffLine one 😀 with emoji\r\nLine two: 市民的私隱\rThe end 👨‍👩‍👧.\r\n"
)
PLAIN = "A plain document.\n\nIt says 2,000 cameras and refuses to say more.\n"


@pytest.fixture
def rich_db(db_path):
    """A database with emoji, CRLF-born text, overlapping spans, notes, several
    annotators and a custom label, beside the seed article."""
    store = open_store(str(db_path), seed=True)
    store.add_labels([Label("opinion", "#9467bd", "4", "A view, not a fact.")])
    results = store.import_documents(
        [NewDocument("Emoji & CRLF", "crlf.txt", CRLF_BORN), NewDocument("Plain", "p.md", PLAIN)]
    )
    crlf, plain = (r.document for r in results)
    e = CRLF_BORN.index("😀")
    store.add_annotation(crlf.id, "claim", 0, e + 1, "alice", note="starts the file")
    store.add_annotation(crlf.id, "statistic", e, e + 1, "bob")
    store.add_annotation(crlf.id, "opinion", CRLF_BORN.index("市"), len(CRLF_BORN) - 1, "alice")
    n = PLAIN.index("2,000")
    store.add_annotation(plain.id, "statistic", n, n + 13, "bob", note='quote "this", ok')
    store.add_annotation(plain.id, "refusal", n + 18, len(PLAIN) - 1, "carol")
    store.add_annotation(plain.id, "claim", 0, len(PLAIN) - 1, "alice", note="multi\nline")
    seed = store.documents()[0]
    store.add_annotation(seed.id, "claim", 0, 9, "alice")
    store.close()
    return db_path


def db_state(path):
    """Everything in the database, for 'nothing changed' checks."""
    with sqlite3.connect(path) as conn:
        return [
            (t, conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall())
            for t in ("documents", "labels", "annotations", "settings", "alembic_version")
        ]


def db_bytes(path):
    """The database files' bytes after a checkpoint (the -shm index aside)."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes(), wal.read_bytes() if wal.exists() else b""
