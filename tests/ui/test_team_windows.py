"""Two people's windows on one PostgreSQL database: each sees the other's work within two
seconds (LISTEN/NOTIFY), and the server's password is never written down."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy.engine import make_url

from annotator.app import preferences
from annotator.store import Store
from annotator.ui.settings import remembered_database
from tests.ui.conftest import Driver, label_tint

STATISTIC = "#009e73"
CLAIM = "#0072b2"
SHOWN_WITHIN_MS = 2000


def their_note_lands_unseen(window: Driver, target: str, monkeypatch) -> list[str]:
    """The window tags a statistic; someone else's note on it lands between the window's
    last refresh and its own next edit (the refresh is held back so that the moment is
    certain); the annotation's row is then selected in the list, which has the focus.
    Returns the texts of the warnings the window shows from then on."""
    window.tag("615 new CCTV cameras", Qt.Key.Key_3)
    [shown] = window.window.annotations_model.annotations()
    window.window._catch_up_timer.stop()
    other = Store.open(target)
    try:
        [theirs] = other.annotations(shown.document_id)
        other.set_note(theirs, "their note")
    finally:
        other.close()
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: errors.append(text))
    table = window.window.annotations_view
    table.setFocus()
    table.selectRow(0)
    return errors


def test_a_tag_in_one_window_appears_in_the_other_on_a_server(make_window, pg):
    first, second = make_window(pg.target), make_window(pg.target)
    first.window.activateWindow()
    first.qtbot.waitUntil(lambda: QApplication.activeWindow() is first.window)
    start = first.text.index("615 new CCTV cameras")
    row = ("statistic", "615 new CCTV cameras", f"{start}–{start + 20}")
    assert second.background_at(start) is None and row not in second.list_rows()
    # The notice may already land while the key's events are processed: not checked after.
    first.tag("615 new CCTV cameras", Qt.Key.Key_3)

    second.qtbot.waitUntil(
        lambda: row in second.list_rows() and second.background_at(start) == label_tint(STATISTIC),
        timeout=SHOWN_WITHIN_MS,
    )
    assert QApplication.activeWindow() is first.window  # the second caught up by itself
    assert pg.rows("SELECT label, start_offset, annotator FROM annotations") == [
        ("statistic", start, "tester")
    ]

    # And back: the second window's change reaches the first.
    second.window.activateWindow()
    second.qtbot.waitUntil(lambda: QApplication.activeWindow() is second.window)
    claim = second.tag("Raymond Siu", Qt.Key.Key_1)
    first.qtbot.waitUntil(
        lambda: first.background_at(claim) == label_tint(CLAIM), timeout=SHOWN_WITHIN_MS
    )


def test_someone_elses_change_of_the_same_annotation_is_not_overwritten(
    make_window, pg, monkeypatch
):
    window = make_window(pg.target)
    errors = their_note_lands_unseen(window, pg.target, monkeypatch)
    window.key(Qt.Key.Key_F2)
    window.qtbot.keyClicks(window.window.details.note, "my note")
    window.qtbot.keyClick(
        window.window.details.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    window.qtbot.waitUntil(lambda: bool(errors), timeout=SHOWN_WITHIN_MS)
    assert "changed or deleted elsewhere" in errors[0]
    assert pg.rows("SELECT note, version FROM annotations") == [("their note", 2)]


def test_the_servers_password_is_kept_in_no_setting_and_no_log(make_window, pg):
    url = make_url(pg.target)
    assert url.password
    window = make_window(pg.target)
    window.tag("615 new CCTV cameras", Qt.Key.Key_3)
    assert url.password not in window.window.windowTitle()
    window.window.close()
    remembered = remembered_database()
    assert remembered == url._replace(password=None).render_as_string(hide_password=False)
    assert preferences.load().last_database == remembered
    home = preferences.preferences_file().parents[2]  # this test's config, data, log
    assert (home / "config").is_dir()
    for path in home.rglob("*"):
        if path.is_file():
            assert url.password.encode() not in path.read_bytes(), path
