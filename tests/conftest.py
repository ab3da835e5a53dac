from __future__ import annotations

import os

# pytest-qt aborts without a display unless Qt is told to render offscreen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path_factory, monkeypatch):
    """Keep every test away from the user's real data and settings folders and identity."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))  # window.ini (QSettings)
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))  # the log
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("ANNOTATOR_DB", raising=False)
    monkeypatch.setenv("ANNOTATOR_USER", "tester")


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "annotations.db"
