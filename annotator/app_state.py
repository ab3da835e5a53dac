"""Opening the database every entry point shares: first use installs the labels."""

from __future__ import annotations

from annotator.resources import default_labels, seed_documents
from annotator.store import Store
from annotator.store.database import default_database_target


def open_store(target: str | None, *, seed: bool = False) -> Store:
    """Open ``target`` (a path or URL; default location when ``None``).

    A new database gets the default labels. With ``seed`` (the window does this) a
    database that has never held a document gets the seed article, once. The command
    line does not seed, so an import into a new database holds exactly what was imported.
    Raises :class:`annotator.store.StoreError` with a message fit for the user.
    """
    store = Store.open(target or default_database_target())
    try:
        store.initialise(default_labels())
        if seed:
            store.seed(seed_documents())
    except BaseException:
        store.close()
        raise
    return store
