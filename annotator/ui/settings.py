"""What the window keeps between launches (``window.ini``): its layout and its database.

The work itself lives in the database; these are comfort settings, and a missing or
unreadable value only means the default is used.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from annotator.store.database import without_password

LAST_DATABASE = "database/last"


def window_settings() -> QSettings:
    """Where the window's layout is kept: ``window.ini`` in the user config folder."""
    from platformdirs import user_config_dir

    folder = Path(user_config_dir("annotator", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat)


def remember_database(location: str) -> None:
    """Keep ``location`` (a store's location: a file, or a server's URL) as the database
    to reopen next launch. A URL is kept without its password, which is asked for again
    (or read from ``~/.pgpass``)."""
    if location in ("", ":memory:"):
        return
    if "://" in location:
        location = without_password(location)
    settings = window_settings()
    settings.setValue(LAST_DATABASE, location)
    settings.sync()


def remembered_database() -> str | None:
    """The database the window had open last: a server's URL, or an SQLite file if it
    still exists."""
    value = window_settings().value(LAST_DATABASE)
    if isinstance(value, str) and value and ("://" in value or Path(value).is_file()):
        return value
    return None
