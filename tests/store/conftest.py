from __future__ import annotations

import pytest

from annotator.resources import default_labels
from annotator.store import Store


@pytest.fixture
def store(db_path):
    """A fresh database with the default labels (no seed document)."""
    s = Store.open(str(db_path))
    s.add_labels(default_labels())
    yield s
    s.close()
