"""``annotator --db FILE`` paints first, then loads the rest: the window shows the document
and its highlights before SQLAlchemy is imported, then attaches to the store without any
visible change, and a key pressed before that is handled once it is attached.

Each check runs the program's entry point in a fresh interpreter (offscreen), watching the
first paint and the attaching, and reports what it saw.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from annotator.app.opening import open_store
from annotator.core.model import NewDocument

ROOT = Path(__file__).resolve().parents[2]
TEXT = "The council said 40 cameras were installed. The mayor declined to comment.\n"

LAUNCH = """
import json, sys
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from annotator.ui import app as ui_app, window_documents
from annotator.ui.main_window import MainWindow

window_documents.FIRST_SCREEN_FIRST = {first_screen_first}
report = {{}}


def tinted(window, offset):
    view = window.text_view
    block = view.document().findBlock(offset)
    view.highlighter.ensure_block(block)
    inside = offset - block.position()
    for fmt in block.layout().formats():
        if fmt.start <= inside < fmt.start + fmt.length:
            return fmt.format.background().color().name()
    return None


def seen(window):
    return {{
        "rows": window.annotations_model.rowCount(),
        "documents": window.documents_model.rowCount(),
        "counts": window.counts_label.text(),
        "title": window.windowTitle(),
        "tint": tinted(window, {tinted!r}),
        "last_tint": tinted(window, {last!r}),
    }}


wait = ui_app.wait_for_first_paint


def watched_wait(window):
    def at_paint(_painter, _area):
        if "at_paint" not in report:
            report["at_paint"] = dict(seen(window), sqlalchemy="sqlalchemy" in sys.modules)

    window.text_view.add_overlay(at_paint)
    wait(window)
    report["before"] = dict(seen(window), attached=window.attached)
    # Selected, and its key pressed, before the store is attached: handled after.
    cursor = window.text_view.textCursor()
    cursor.setPosition({start})
    cursor.setPosition({end}, cursor.MoveMode.KeepAnchor)
    window.text_view.setTextCursor(cursor)
    report["image_before"] = window.centralWidget().grab().toImage()
    QTimer.singleShot(0, lambda: QTest.keyClick(window.text_view, Qt.Key.Key_3))


attach = MainWindow.attach


def watched_attach(self, store):
    report["sqlalchemy_before_attach"] = "sqlalchemy" in sys.modules
    attach(self, store)
    report["after"] = dict(seen(self), attached=self.attached)
    image = self.centralWidget().grab().toImage()
    before = report.pop("image_before")
    report["same_image"] = image == before
    if not report["same_image"]:
        before.save({folder!r} + "/before.png")
        image.save({folder!r} + "/after.png")


settle = ui_app.settle


def watched_settle():  # the window is up, on either path: close it soon
    settle()
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            QTimer.singleShot(300, widget.close)


ui_app.wait_for_first_paint = watched_wait
MainWindow.attach = watched_attach
ui_app.settle = watched_settle
from annotator.main import main

code = main(["--db", {db!r}])
report["code"] = code
print(json.dumps(report))
"""


def database(path: Path, annotations: int) -> Path:
    """A database with one document holding ``annotations`` claims, one per word."""
    store = open_store(str(path))
    try:
        doc = store.import_documents([NewDocument("Council", "a.txt", TEXT)])[0].document
        words = [i for i, c in enumerate(TEXT) if c != " " and (i == 0 or TEXT[i - 1] == " ")]
        for start in words[:annotations]:
            store.add_annotation(doc.id, "claim", start, start + 2, "ana")
    finally:
        store.close()
    return path


def launch(db: Path, *, first_screen_first: int = 2000) -> dict:
    start = TEXT.index("40")
    script = LAUNCH.format(
        db=str(db),
        folder=str(db.parent),
        first_screen_first=first_screen_first,
        tinted=0,
        last=TEXT.rindex(" ") + 1,
        start=start,
        end=start + 2,
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def statistics(db: Path) -> list[tuple[int, int]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT start_offset, end_offset FROM annotations WHERE label = 'statistic'"
        ).fetchall()
    conn.close()
    return rows


def test_the_window_paints_its_document_before_sqlalchemy_then_attaches_unchanged(tmp_path):
    db = database(tmp_path / "a.db", annotations=5)
    report = launch(db)
    assert report["code"] == 0
    painted = report["at_paint"]
    assert painted["sqlalchemy"] is False  # the first highlighted frame came first
    assert painted["tint"] is not None  # highlighted
    assert painted["title"].startswith("Council")
    assert painted["rows"] == 5 and painted["documents"] == 1
    assert report["before"]["attached"] is False
    assert report["after"]["attached"] is True
    assert report["sqlalchemy_before_attach"] is True  # the store opens after the paint
    # Nothing moves nor changes when the store takes over.
    assert report["after"] == dict(report["before"], attached=True)
    assert report["same_image"] is True
    # The key pressed before the store was attached tagged the selection.
    assert statistics(db) == [(TEXT.index("40"), TEXT.index("40") + 2)]


def test_a_long_document_loads_the_rest_once_attached(tmp_path):
    db = database(tmp_path / "a.db", annotations=12)
    report = launch(db, first_screen_first=3)
    painted, after = report["at_paint"], report["after"]
    assert painted["sqlalchemy"] is False and painted["tint"] is not None
    assert painted["rows"] == 0 and "loading annotations" in painted["counts"]
    assert after["rows"] == 12 and after["last_tint"] is not None
    assert "12 annotations" in after["counts"]
    assert statistics(db) == [(TEXT.index("40"), TEXT.index("40") + 2)]


def test_an_unusual_database_takes_the_stores_path(tmp_path):
    db = database(tmp_path / "a.db", annotations=5)
    with sqlite3.connect(db) as conn:  # its default labels to be installed: by the store
        conn.execute("DELETE FROM settings WHERE key = 'initialised'")
    conn.close()
    report = launch(db)
    assert "at_paint" not in report and "after" not in report  # no first screen
    assert report["code"] == 0
    with sqlite3.connect(db) as conn:
        assert conn.execute(
            "SELECT count(*) FROM settings WHERE key = 'initialised'"
        ).fetchall() == [(1,)]
    conn.close()
