"""Where the default database lives: ``annotations.db`` in the user data folder."""

from __future__ import annotations

from pathlib import Path


def default_database_file() -> Path:
    """``annotations.db`` in Annotator's user data folder (``$XDG_DATA_HOME/annotator`` on
    Linux); neither the file nor its folder is made."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("annotator", appauthor=False)) / "annotations.db"
