"""Storing an import does not scan the documents already stored once per new document
(issue 18: 3,000 files into a window took 30 s on the GUI thread, each one matched
against the whole table by source and title). Counted in SQLite's own instructions,
not clocks."""

from __future__ import annotations

from sqlalchemy import event

from annotator.app.resources import default_labels
from annotator.core.model import NewDocument
from annotator.store import Store

NEW = 100  # documents in the measured import


def documents(prefix: str, count: int) -> list[NewDocument]:
    return [
        NewDocument(
            title=f"{prefix} {i}",
            source=f"/corpus/{prefix}/{i}.txt",
            text=f"{prefix} {i}\n\nThe council said {i} cameras were installed.\n",
        )
        for i in range(count)
    ]


def instructions_to_import(tmp_path, stored: int) -> int:
    """SQLite virtual-machine instructions (in hundreds) that importing :data:`NEW`
    documents takes in a database already holding ``stored`` others."""
    store = Store.open(str(tmp_path / f"held-{stored}.db"))
    try:
        store.add_labels(default_labels())
        store.import_documents(documents("earlier", stored))
        steps = 0

        def count() -> int:
            nonlocal steps
            steps += 1
            return 0  # go on

        def watch(conn, *_statement) -> None:  # every statement, on whichever connection
            conn.connection.driver_connection.set_progress_handler(count, 100)

        event.listen(store.engine, "before_cursor_execute", watch)
        results = store.import_documents(documents("new", NEW))
        assert [r.created for r in results] == [True] * NEW
        return steps
    finally:
        store.close()


def test_each_stored_document_costs_an_import_once_not_once_per_new_document(tmp_path):
    few, many = instructions_to_import(tmp_path, 200), instructions_to_import(tmp_path, 1600)
    # Reading each stored document's source and title once costs about 20 instructions
    # (0.2 hundreds) a document; a scan per new document cost about 1,000 (10 hundreds:
    # 2,604 and 16,604 here), growing with the size of the import.
    per_stored = (many - few) / (1600 - 200)
    assert per_stored <= 1, (few, many)
