"""Where the window keeps its own layout between launches (``window.ini``, Qt's bytes),
and the move of older launches' preferences out of it.

Everything else a launch remembers is a typed preference
(:mod:`annotator.app.preferences`); the work itself lives in the database.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from annotator.app import preferences

# Keys that window.ini held before preferences.json, and the preference each became.
_MOVED = {
    "annotator/name": "annotator",
    "database/last": "last_database",
    "annotator/show": "shown_annotators",
    "text/snap_to_words": "snap_to_words",
    "suggestions/show": "show_suggestions",
}


def window_settings() -> QSettings:
    """Where the window's layout is kept: ``window.ini`` in the user config folder."""
    return QSettings(str(preferences.config_folder() / "window.ini"), QSettings.Format.IniFormat)


def move_old_preferences() -> None:
    """Carry the preferences an older Annotator kept in ``window.ini`` into
    ``preferences.json``, once (nothing is lost on upgrading)."""
    if preferences.stored():
        return
    ini = window_settings()
    defaults = preferences.Preferences()
    moved: dict[str, Any] = {}
    for key, name in _MOVED.items():
        if not ini.contains(key):
            continue
        if isinstance(getattr(defaults, name), bool):
            moved[name] = bool(ini.value(key, getattr(defaults, name), type=bool))
        else:
            value = ini.value(key)
            if isinstance(value, str) and value.strip():
                moved[name] = value.strip()
    if moved:
        preferences.update(**moved)
    if preferences.stored():  # kept: only now do they leave window.ini
        for key in _MOVED:
            ini.remove(key)
        ini.sync()


def remember_database(location: str) -> None:
    """Keep ``location`` (a store's location: a file, or a server's URL) as the database
    to reopen next launch. A URL is kept without its password, which is asked for again
    (or read from ``~/.pgpass``)."""
    if location in ("", ":memory:"):
        return
    if "://" in location:
        from annotator.store.database import without_password  # a server: SQLAlchemy's URL

        location = without_password(location)
    preferences.update(last_database=location)


def remembered_database() -> str | None:
    """The database the window had open last: a server's URL, or an SQLite file if it
    still exists."""
    value = preferences.load().last_database
    if value and ("://" in value or Path(value).is_file()):
        return value
    return None


def launch_database(target: str | None) -> str | None:
    """The database a launch opens first for ``target`` (``--db``): it, else
    ``$ANNOTATOR_DB``, else the one remembered; None: the default database."""
    return target or os.environ.get("ANNOTATOR_DB") or remembered_database()
