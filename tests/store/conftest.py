from __future__ import annotations

import pytest

from annotator.app.resources import default_labels
from annotator.store import Store


@pytest.fixture
def store(db):
    """A fresh database with the default labels (no seed document), on each backend."""
    s = Store.open(db.target)
    s.add_labels(default_labels())
    yield s
    s.close()


@pytest.fixture
def sqlite_store(db_path):
    """As ``store``, on an SQLite file only: for what only SQLite has (pragmas, files)."""
    s = Store.open(str(db_path))
    s.add_labels(default_labels())
    yield s
    s.close()
