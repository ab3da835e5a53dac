"""Suggestions that learn, in the window, driven with real keys and menus: a phrase tagged
by hand outlined where else it occurs (here and in other documents) with its reason and
its rule's record; a rule switched off from the Suggestions menu, undone with Ctrl+Z,
remembered after a relaunch and switched on again."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from annotator.app.opening import open_store
from annotator.core.model import Label, NewDocument
from annotator.store.learning import RULES_OFF
from tests.ui.test_suggestions_gui import (
    choose,
    click_entry,
    open_ones,
    outline_rects,
    suggestions_menu,
    walk_to,
)

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
LEARNED = "hedge:learned-phrase"

TEXT = (
    "Budget hearing\n\n"
    "The minister may well resign over 2,000 cameras. 😀 Later the mayor MAY\nwell agree, "
    "and dismay may wellness. They may  well object.\n\nIt may well rain.\n"
)
OTHERS = ["MAY\nwell", "may  well", "may well"]  # after the first, tagged
MEMO = "Memo\n\nStaff may well leave by June.\n"


@pytest.fixture
def ids(db_path):
    store = open_store(str(db_path), seed=True)
    try:
        store.add_labels([Label("hedge", "#aa00aa", "4")])
        results = store.import_documents(
            [NewDocument("Hearing", "hearing.txt", TEXT), NewDocument("Memo", "memo.txt", MEMO)]
        )
        return [r.document.id for r in results]
    finally:
        store.close()


@pytest.fixture
def open_window(make_window, ids):
    def make():
        app = make_window(show_document=ids[0])
        app.window.resize(1330, 820)
        app.window.splitter.setSizes([290, 640, 400])
        wait(app)
        return app

    return make


@pytest.fixture
def app(open_window):
    return open_window()


def wait(app):
    app.qtbot.waitUntil(lambda: app.window.suggestions.ready, timeout=10000)
    QApplication.processEvents()


def learned_ones(app):
    return [s for s in open_ones(app) if s.rule == LEARNED]


def tooltip(app, suggestion):
    [rect, *_] = outline_rects(app, suggestion)
    point = rect.center().toPoint()
    event = QHelpEvent(QEvent.Type.ToolTip, point, app.view.viewport().mapToGlobal(point))
    QApplication.sendEvent(app.view.viewport(), event)
    return QToolTip.text()


def settings_off(db_path):
    with sqlite3.connect(db_path) as conn:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (RULES_OFF,)).fetchone()
    return json.loads(row[0]) if row else []


def tag_may_well(app):
    start = app.tag("may well", Qt.Key.Key_4)
    wait(app)
    return start


def test_a_phrase_tagged_by_keys_is_outlined_where_else_it_occurs(app, db_path, ids):
    assert learned_ones(app) == []
    tagged = tag_may_well(app)
    found = learned_ones(app)
    assert [app.text[s.start : s.end] for s in found] == OTHERS  # not "may wellness"
    other = found[0]
    assert other.start == app.text.index("MAY") and other.label == "hedge"
    assert tagged not in {s.start for s in found}
    assert outline_rects(app, other)
    text = tooltip(app, other)
    assert "you tagged this phrase in «Hearing»" in text
    assert f"Rule «{LEARNED}»: accepted 0, rejected 0 in this database" in text
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT label, source, rule FROM annotations").fetchall() == [
            ("hedge", None, None)
        ]
    # Undoing the tag takes what it taught away, at once.
    app.key(Qt.Key.Key_Z, CTRL)
    assert learned_ones(app) == []
    assert outline_rects(app, other) == []


def test_another_document_gets_them_when_opened(app, ids):
    tag_may_well(app)
    for _ in range(5):
        if app.window.document.id == ids[1]:
            break
        app.key(Qt.Key.Key_PageDown, CTRL)
    assert app.window.document.id == ids[1]
    wait(app)
    [memo] = learned_ones(app)  # one, as the hand tag's own document has several
    assert app.text[memo.start : memo.end] == "may well"
    assert "you tagged this phrase in «Hearing»" in tooltip(app, memo)


def test_the_tooltip_gives_the_rules_record(app):
    tag_may_well(app)
    first, second, third = learned_ones(app)
    walk_to(app, first)
    app.key(Qt.Key.Key_Return)  # accepted
    walk_to(app, second)
    app.key(Qt.Key.Key_X)  # rejected
    assert learned_ones(app) == [third]
    assert f"Rule «{LEARNED}»: accepted 1, rejected 1 in this database" in tooltip(app, third)


def test_a_rule_switched_off_from_the_menu_is_undone_and_remembered(app, open_window, db_path, ids):
    tag_may_well(app)
    learned = learned_ones(app)
    other = learned[0]
    walk_to(app, other)
    choose(app, f"Stop suggesting «{LEARNED}»")
    assert learned_ones(app) == [] and outline_rects(app, other) == []
    assert settings_off(db_path) == [LEARNED]
    assert [s for s in open_ones(app) if s.label != "hedge"], "other rules go on"
    app.key(Qt.Key.Key_Z, CTRL)  # undo: it comes back
    assert learned_ones(app) == learned and outline_rects(app, other)
    assert settings_off(db_path) == []
    app.key(Qt.Key.Key_Z, CTRL | SHIFT)  # redo: off again
    assert learned_ones(app) == [] and settings_off(db_path) == [LEARNED]
    app.window.close()
    again = open_window()
    assert learned_ones(again) == []  # remembered in the database
    menu = suggestions_menu(again)
    rules_off = click_entry(again, menu, "Rules switched off")
    click_entry(again, rules_off, f"Suggest «{LEARNED}» again")
    wait(again)
    assert [again.text[s.start : s.end] for s in learned_ones(again)] == OTHERS
    assert settings_off(db_path) == []


def test_a_phrase_tagged_in_another_window_is_learned_once_caught_up(open_window, make_window, ids):
    mine = open_window()
    theirs = make_window(show_document=ids[1])  # Memo, in a window of its own
    wait(theirs)
    theirs.tag("may well", Qt.Key.Key_4)
    wait(theirs)
    mine.window.activateWindow()
    mine.qtbot.waitUntil(lambda: QApplication.activeWindow() is mine.window)
    mine.window.refresh_from_store()  # what the window's timer does when others commit
    wait(mine)
    every = ["may well", *OTHERS]  # the first one too: it was tagged in Memo, not here
    assert sorted(mine.text[s.start : s.end] for s in learned_ones(mine)) == sorted(every)


def test_learned_suggestions_follow_a_label_renamed_while_they_were_hidden(app, ids):
    app.window.open_document(ids[1])
    wait(app)
    app.tag("may well", Qt.Key.Key_4)
    app.window.open_document(ids[0])
    wait(app)
    assert {s.label for s in learned_ones(app)} == {"hedge"}
    app.window.suggestions.set_shown(False)
    labels = [replace(lb, name="maybe") if lb.name == "hedge" else lb for lb in app.window.labels]
    assert app.window.apply_scheme(labels, [("hedge", "maybe")])
    app.window.suggestions.set_shown(True)
    wait(app)
    found = [s for s in open_ones(app) if s.rule == "maybe:learned-phrase"]
    assert len(found) == len(OTHERS) + 1  # every occurrence here, the first one too
