"""Opening the database every entry point shares: first use installs labels and seeds."""

from __future__ import annotations

from datetime import UTC, datetime

from annotator import __version__
from annotator.core.annotation_set import build_annotation_set, dumps
from annotator.resources import default_labels, seed_documents
from annotator.store import Store
from annotator.store.database import default_database_target


def open_store(target: str | None) -> Store:
    """Open ``target`` (a path or URL; default location when ``None``), seeding a new one.

    Raises :class:`annotator.store.StoreError` with a message fit for the user.
    """
    store = Store.open(target or default_database_target())
    try:
        store.initialise(default_labels(), seed_documents())
    except BaseException:
        store.close()
        raise
    return store


def export_json(store: Store) -> bytes:
    """The whole database as a UTF-8 JSON annotation set (format version 1)."""
    annotation_set = build_annotation_set(
        store.labels(),
        store.export_documents(),
        generator_version=__version__,
        exported_at=datetime.now(UTC),
    )
    return dumps(annotation_set).encode("utf-8")
