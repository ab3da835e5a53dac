"""Opening the database every entry point shares: first use installs labels and seeds."""

from __future__ import annotations

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
