"""What the window keeps between launches (``window.ini``): its layout and its database.

The work itself lives in the database; these are comfort settings, and a missing or
unreadable value only means the default is used.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

LAST_DATABASE = "database/last"


def window_settings() -> QSettings:
    """Where the window's layout is kept: ``window.ini`` in the user config folder."""
    from platformdirs import user_config_dir

    folder = Path(user_config_dir("annotator", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat)


def remember_database(location: str) -> None:
    """Keep ``location`` (a store's location) as the database to reopen next launch,
    if it is an SQLite file; URLs are not kept (they may need a password)."""
    if "://" in location or location in ("", ":memory:"):
        return
    settings = window_settings()
    settings.setValue(LAST_DATABASE, location)
    settings.sync()


def remembered_database() -> str | None:
    """The SQLite file the window had open last, if it still exists."""
    value = window_settings().value(LAST_DATABASE)
    if isinstance(value, str) and value and Path(value).is_file():
        return value
    return None
