"""Times as the window shows them: local, readable."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from annotator.core.timestamps import local_time


@pytest.fixture
def hong_kong(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Hong_Kong")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_stored_utc_time_is_shown_in_local_time_day_first(hong_kong):
    stored = datetime(2026, 12, 6, 17, 22, 54, 750000)  # naive: UTC, as stored
    assert local_time(stored) == "7 Dec 2026, 01:22"
    assert local_time(stored.replace(tzinfo=UTC)) == "7 Dec 2026, 01:22"
