"""The window and a team database server that never answers: a launch that would reopen it
opens the default database and says why; File ▸ Open team database… explains and keeps the
window. A password holding an unencoded ``@`` is shown and remembered nowhere, in part
or whole."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from annotator.app import preferences
from annotator.main import main
from annotator.ui.settings import remember_database
from tests.silent_server import silent_server
from tests.ui.test_databases import close_window_when_shown


@pytest.fixture
def silent_port(monkeypatch):
    monkeypatch.setenv("ANNOTATOR_CONNECT_TIMEOUT", "1")  # libpq's least is 2 s
    with silent_server() as port:
        yield port


@pytest.fixture
def launches(qapp):
    """Launches end when the test closes their window, not the test's application."""
    qapp.setQuitOnLastWindowClosed(False)
    yield
    qapp.setQuitOnLastWindowClosed(True)


def test_a_launch_that_would_reopen_a_silent_server_opens_the_default_database(
    silent_port, launches, capsys
):
    remember_database(f"postgresql+psycopg://alice@127.0.0.1:{silent_port}/corpus")
    seen: list[tuple[str, str]] = []
    timer = close_window_when_shown(seen)
    assert main([]) == 0
    timer.stop()
    [(title, status)] = seen
    assert title == "Hong Kong goes for mass surveillance"  # the default database, seeded
    reason = f"cannot reach the database server at 127.0.0.1:{silent_port} within 2 s"
    assert reason in status and "opened the default one" in status
    assert reason in capsys.readouterr().err


def test_a_remembered_url_keeps_no_part_of_a_password():
    remember_database("postgresql+psycopg://alice:p@ss@db.example.org/corpus")
    assert preferences.load().last_database == "postgresql+psycopg://alice@db.example.org/corpus"
    settings = preferences.preferences_file().read_text()
    assert "p@ss" not in settings and "ss@" not in settings


def test_opening_a_silent_server_explains_and_keeps_the_window(app, silent_port, monkeypatch):
    url = f"postgresql+psycopg://alice:p@ss@127.0.0.1:{silent_port}/corpus"
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: (url, True))
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _p, title, text, *_a: shown.append((title, text))
    )
    before = (app.window.document, app.window.windowTitle())

    app.window.open_team_database_action.trigger()

    [(title, text)] = shown
    assert title == "Could not open the database"
    assert text == (
        f"postgresql+psycopg://alice:***@127.0.0.1:{silent_port}/corpus: cannot reach the "
        f"database server at 127.0.0.1:{silent_port} within 2 s (is it running, and is this "
        "its address? $ANNOTATOR_CONNECT_TIMEOUT sets the wait)"
    )
    assert app.window.isVisible() and (app.window.document, app.window.windowTitle()) == before
