"""Opening the database every entry point shares: first use installs the labels."""

from __future__ import annotations

from collections.abc import Callable

from annotator.app.resources import default_labels, seed_documents
from annotator.store import Store
from annotator.store.database import default_database_target, with_password
from annotator.store.errors import PasswordNeeded
from annotator.store.file_lock import Waiting

# Asked for a database server's password: given the question (which names the server and
# user, never a password), returns the password, or None when the user declines.
PasswordPrompt = Callable[[str], str | None]
PASSWORD_TRIES = 3


def open_store(
    target: str | None,
    *,
    seed: bool = False,
    ask_password: PasswordPrompt | None = None,
    on_wait: Waiting | None = None,
) -> Store:
    """Open ``target`` (a path or URL; default location when ``None``).

    A new database gets the default labels. With ``seed`` (the window does this) a
    database that has never held a document gets the seed article, once. The command
    line does not seed, so an import into a new database holds exactly what was imported.
    A server that wants a password neither the URL nor ``~/.pgpass`` gives is asked
    through ``ask_password`` (up to three times); the password is used for this
    connection and kept nowhere else. ``on_wait`` is told when opening waits for a
    restore of the database to finish (see :meth:`Store.open`). Raises
    :class:`annotator.store.StoreError` with a message fit for the user
    (:class:`PasswordNeeded` when no password would do).
    """
    location = target or default_database_target()
    tries = 0
    while True:
        try:
            store = Store.open(location, on_wait=on_wait)
            break
        except PasswordNeeded as exc:
            tries += 1
            if ask_password is None or tries > PASSWORD_TRIES:
                raise
            question = f"Password for {exc.url.split('://', 1)[-1]}"
            if exc.refused:
                question = f"{exc}. {question}"
            password = ask_password(question)
            if password is None:
                raise
            location = with_password(exc.url, password)
    try:
        store.initialise(default_labels())
        if seed:
            store.seed(seed_documents())
    except BaseException:
        store.close()
        raise
    return store
