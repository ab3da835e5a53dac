from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication

from annotator.app.opening import open_store
from annotator.core.model import NewDocument
from annotator.ui.app import create_window
from annotator.ui.highlighter import TINT, tint


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class Driver:
    """Drives a main window the way a user does, and reads what the user sees."""

    def __init__(self, qtbot, window):
        self.qtbot = qtbot
        self.window = window
        self.view = window.text_view

    @property
    def text(self) -> str:
        return self.window.document.text

    def qt_pos(self, offset: int) -> int:
        # Independent of PositionMap: the stored text is LF-only, so Qt = UTF-16 units.
        return utf16_len(self.text[:offset])

    def click_at(self, offset: int) -> None:
        """Left-click in the text so the caret lands before code point ``offset``."""
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(self.qt_pos(offset))
        self.view.ensureCursorVisible()
        self.view.setTextCursor(cursor)  # scroll there first, as a user would
        self.view.ensureCursorVisible()
        point = self.view.cursorRect(cursor).center()
        self.qtbot.mouseClick(self.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
        assert self.view.textCursor().position() == self.qt_pos(offset)

    def key(self, key, modifier=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
        for _ in range(times):
            self.qtbot.keyClick(self.view, key, modifier)
            QApplication.processEvents()  # as the event loop does between two keys

    def type(self, text: str, widget=None) -> None:
        self.qtbot.keyClicks(widget or self.view, text)

    def select_chars(self, start: int, count: int) -> None:
        """Click before ``start`` and extend with Shift+Right ``count`` times."""
        self.click_at(start)
        self.key(Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier, count)

    def set_selection(self, start: int, end: int) -> None:
        """Select Qt positions of code points ``start..end`` by setting a cursor."""
        cursor = self.view.textCursor()
        cursor.setPosition(self.qt_pos(start))
        cursor.setPosition(self.qt_pos(end), QTextCursor.MoveMode.KeepAnchor)
        self.view.setTextCursor(cursor)

    def tag(self, phrase: str, key) -> int:
        """Select the first ``phrase`` in the text and press ``key``; returns its start."""
        start = self.text.index(phrase)
        self.set_selection(start, start + len(phrase))
        self.key(key)
        return start

    def format_at(self, offset: int):
        """The highlight format drawn at code point ``offset``, or None."""
        position = self.qt_pos(offset)
        block = self.view.document().findBlock(position)
        self.view.highlighter.ensure_block(block)  # as painting it would
        inside = position - block.position()
        ranges = block.layout().formats()
        for fmt_range in ranges:
            if fmt_range.start <= inside < fmt_range.start + fmt_range.length:
                return QTextCharFormat(fmt_range.format)  # a copy outlives the list
        return None

    def background_at(self, offset: int) -> QColor | None:
        fmt = self.format_at(offset)
        return None if fmt is None else fmt.background().color()

    def list_rows(self) -> list[tuple[str, str, str]]:
        model = self.window.annotations_model
        return [
            tuple(model.data(model.index(row, col)) for col in range(3))
            for row in range(model.rowCount())
        ]

    def selected_row(self) -> int | None:
        rows = self.window.annotations_view.selectionModel().selectedRows()
        return rows[0].row() if rows else None


def answer_next_modal(kind, act):
    """When a modal dialog of ``kind`` opens (``exec()`` blocks the test), call
    ``act(dialog)`` on it, as the user would answer it. Keep the returned timer alive."""
    timer = QTimer()
    timer.setInterval(10)

    def check():
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind):
            timer.stop()
            act(widget)

    timer.timeout.connect(check)
    timer.start()
    return timer


def label_tint(color: str, strength: float = TINT) -> QColor:
    """The highlight of a span of ``color`` (nested ``strength``) in the app's palette."""
    return tint(QColor(color), strength, QApplication.palette())


def db_annotations(db_path):
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "SELECT label, start_offset, end_offset, annotator FROM annotations "
            "ORDER BY start_offset, end_offset, label"
        ).fetchall()


@pytest.fixture
def make_window(qtbot, db_path):
    """Open a main window (and its own store) on ``db_path``, shown and focused."""
    stores = []

    def make(path=db_path, show_document=None):
        store = open_store(str(path), seed=True)
        stores.append(store)
        window = create_window(store, show_document)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        return Driver(qtbot, window)

    yield make
    for store in stores:
        store.close()


@pytest.fixture
def app(make_window):
    return make_window()


BRIEF = (
    "The Security Bureau declined to say how many cameras 😀 use facial recognition.\n"
    "An official said 615 cameras were enough. The bureau refused to give a date.\n"
)


@pytest.fixture
def corpus(db_path):
    """The seed article with three tags, and a second document by another annotator."""
    store = open_store(str(db_path), seed=True)
    seed = store.documents()[0].id
    text = store.document(seed).text
    [brief] = store.import_documents([NewDocument("Bureau brief", "brief.txt", BRIEF)])
    bid = brief.document.id

    def tag(doc_id, body, label, phrase, who="ana", note=None):
        start = body.index(phrase)
        return store.add_annotation(doc_id, label, start, start + len(phrase), who, note)

    tag(seed, text, "statistic", "615 new CCTV cameras")
    tag(seed, text, "refusal", "refused to answer questions", note="no reason given")
    tag(seed, text, "claim", "Hong Kong", who="bo")
    tag(bid, BRIEF, "refusal", "declined to say how many cameras 😀", who="bo")
    tag(bid, BRIEF, "statistic", "615 cameras")
    tag(bid, BRIEF, "refusal", "refused to give a date")
    store.update_document_metadata(bid, title="Bureau brief", author="Mary Chan", published=None)
    store.close()
    return db_path, {seed: text, bid: BRIEF}


@pytest.fixture
def chinese():
    """Traditional Chinese for the test, English again after it."""
    from annotator.ui.i18n import install_translation

    app = QApplication.instance()
    assert install_translation(app, "zh_Hant") == "zh_Hant"
    try:
        yield
    finally:
        install_translation(app, "en")
    assert QApplication.translate("", "Curate") == "Curate"
