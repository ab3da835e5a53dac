from __future__ import annotations

import os
import sys
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager

# pytest-qt aborts without a display unless Qt is told to render offscreen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from tests.databases import BACKENDS, make_database

# The longest tests run first, so that no process is left running one alone at the end
# while the others wait (make test runs them in parallel).
LONGEST = (
    "tests/hostile/test_battery.py",
    "tests/store/test_restore_race.py",
    "tests/test_scaling.py",
    "tests/store/test_crash_safety.py",
    "tests/fuzz/test_hostile_inputs.py",
    "tests/packaging/",
)


@contextmanager
def tracing_memory() -> Iterator[None]:
    """``tracemalloc`` on for the block, turned on and off only while the app's threads
    wait (the suggestion helper's, which any earlier test of this process may have left
    running and busy).

    On Python 3.11, ``start()`` and ``stop()`` swap the allocator hooks and free their
    state with no lock against other threads' allocations (those of a thread entering
    or leaving Python run without the interpreter lock): such a thread then writes
    through freed state and the process crashes, at once or later (CPython gh-128679,
    fixed in 3.12 and 3.13 only)."""
    settle_threads()
    tracemalloc.start()
    try:
        yield
    finally:
        settle_threads()
        tracemalloc.stop()


def settle_threads() -> None:
    """Wait until no thread of the app can be allocating: the suggestion helper (if a test
    of this process started one) has nothing queued or running."""
    helper = sys.modules.get("annotator.ui.suggestion_worker")  # not imported: none runs
    if helper is not None and not helper.wait_idle(120):
        pytest.fail("the suggestion helper was still busy after 120 s")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: not item.nodeid.startswith(LONGEST))  # stable otherwise


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path_factory, monkeypatch):
    """Keep every test away from the user's real data and settings folders and identity."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))  # preferences, window.ini
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))  # the log
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("ANNOTATOR_DB", raising=False)
    monkeypatch.setenv("ANNOTATOR_USER", "tester")


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "annotations.db"


@pytest.fixture(params=BACKENDS)
def db(request, tmp_path):
    """A fresh database: an SQLite file, then a PostgreSQL database (tests/databases.py)."""
    yield from make_database(request.param, tmp_path)


@pytest.fixture
def pg(tmp_path):
    """A fresh PostgreSQL database only, for what SQLite has no counterpart of."""
    yield from make_database("postgresql", tmp_path)
