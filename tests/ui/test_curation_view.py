from __future__ import annotations

import json
import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.app.opening import open_store
from annotator.ui.curation_view import CurationDialog
from tests.ui.conftest import answer_next_modal

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier

CAMERAS = "615 new CCTV cameras"
PRIVACY = "the cameras will not compromise the privacy of citizens"
REFUSAL = "have so far refused to answer questions about the surveillance equipment"
AUTHORITIES = "Authorities in the region " + REFUSAL
ENOUGH = "2,000 CCTV cameras are “really relatively not enough”"


def gold_rows(db_path, annotator="gold"):
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "SELECT label, start_offset, end_offset FROM annotations WHERE annotator = ? "
            "ORDER BY start_offset, end_offset, label",
            (annotator,),
        ).fetchall()


def span_of(text, phrase):
    start = text.index(phrase)
    return start, start + len(phrase)


@pytest.fixture
def spans(db_path):
    """The seed article annotated by ana and ben: two spans they agree on, one refusal
    whose boundaries differ, one claim only ana made, one span ben labelled otherwise."""
    store = open_store(str(db_path), seed=True)
    try:
        doc = store.documents()[0]
        text = store.document(doc.id).text
        marks = [
            ("ana", "statistic", CAMERAS),
            ("ben", "statistic", CAMERAS),
            ("ana", "claim", PRIVACY),
            ("ben", "claim", PRIVACY),
            ("ana", "refusal", AUTHORITIES),
            ("ben", "refusal", REFUSAL),
            ("ana", "claim", ENOUGH),
        ]
        made = [
            store.add_annotation(doc.id, label, *span_of(text, phrase), who)
            for who, label, phrase in marks
        ]
        # Both give the privacy claim's speaker; they differ on its stance.
        store.set_attributes(made[2], {"speaker": "Raymond Siu", "stance": "supports"})
        store.set_attributes(made[3], {"speaker": "Raymond Siu", "stance": "neutral"})
    finally:
        store.close()
    return text


@pytest.fixture
def app(spans, make_window):
    """The main window, opened on the annotated seed article."""
    return make_window()


def open_curation(app) -> CurationDialog:
    """Open the curation window the way a user does: Ctrl+Shift+G in the main window."""
    app.key(Qt.Key.Key_G, CTRL | SHIFT)
    dialog = app.window.findChild(CurationDialog)
    assert dialog is not None and dialog.isVisible()
    app.qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def rows(dialog):
    """The list as the user reads it: (status, label, quote, marked by, lacking)."""
    model = dialog.model
    return [
        tuple(model.data(model.index(row, col)) for col in (0, 1, 2, 4, 5))
        for row in range(model.rowCount())
    ]


def go_to(qtbot, dialog, quote):
    """Choose the candidate quoting ``quote`` with the arrow keys, as a user does."""
    (target,) = [row for row, r in enumerate(rows(dialog)) if r[2] == quote]
    moves = target - dialog.table.currentIndex().row()
    for _ in range(abs(moves)):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Down if moves > 0 else Qt.Key.Key_Up)
    assert [c.start for c in dialog.chosen()] == [dialog.model.candidate(target).start]


def pick(qtbot, combo, text):
    """Choose ``text`` in ``combo`` with the arrow keys, as a keyboard user does."""
    combo.setFocus()
    moves = combo.findText(text) - combo.currentIndex()
    for _ in range(abs(moves)):
        qtbot.keyClick(combo, Qt.Key.Key_Down if moves > 0 else Qt.Key.Key_Up)
    assert combo.currentText() == text


def status_of(dialog, quote, label=None):
    found = [r[0] for r in rows(dialog) if r[2] == quote and (label is None or r[1] == label)]
    assert len(found) == 1, rows(dialog)
    return found[0]


def test_the_view_menu_opens_it_on_the_current_document_with_every_candidate(app, spans):
    view_menu = next(
        a.menu() for a in app.window.menuBar().actions() if a.text().replace("&", "") == "View"
    )
    assert app.window.curate_action in view_menu.actions()
    assert app.window.curate_action.shortcut().toString() == "Ctrl+Shift+G"
    dialog = open_curation(app)
    assert dialog.windowTitle() == f"Curate “{app.window.document.title}”"
    assert rows(dialog) == [
        ("agreed", "claim", PRIVACY, "ana, ben", "—"),
        ("disputed", "refusal", AUTHORITIES, "ana", "ben (boundary)"),
        ("disputed", "refusal", REFUSAL, "ben", "ana (boundary)"),
        ("agreed", "statistic", CAMERAS, "ana, ben", "—"),
        ("disputed", "claim", ENOUGH, "ana", "ben (missing)"),
    ]
    assert "2 annotators (ana, ben) · 5 candidates: 2 agreed · 3 disputed" in (
        dialog.summary.text()
    )
    # The first candidate is chosen; the lanes show who marked it, and the main window's
    # text selects it.
    assert dialog.lane_texts() == [("ana", "marked"), ("ben", "marked"), ("gold", "not in gold")]
    start, end = span_of(spans, PRIVACY)
    assert app.window.text_view.selected_span() == (start, end)


def test_keys_choose_accept_and_reject_into_the_gold_layer(app, spans, db_path, qtbot):
    dialog = open_curation(app)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)  # the ana's refusal
    assert dialog.chosen()[0].key.label == "refusal"
    assert dialog.lane_texts() == [("ana", "marked"), ("ben", "boundary"), ("gold", "not in gold")]
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    refusal = span_of(spans, AUTHORITIES)
    assert gold_rows(db_path) == [("refusal", *refusal)]
    assert status_of(dialog, AUTHORITIES) == "accepted"
    assert "Accepted refusal" in dialog.message.text()
    # The list moved on to the next candidate, ben's refusal; R rejects it (not in gold).
    assert dialog.chosen()[0].key.start == span_of(spans, REFUSAL)[0]
    qtbot.keyClick(dialog.table, Qt.Key.Key_R)
    assert status_of(dialog, REFUSAL) == "rejected"
    assert gold_rows(db_path) == [("refusal", *refusal)]
    # Back up to the accepted one and reject it with Delete: it leaves the gold layer.
    qtbot.keyClick(dialog.table, Qt.Key.Key_Up)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Up)
    assert dialog.chosen()[0].key.start == refusal[0]
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert gold_rows(db_path) == []
    assert status_of(dialog, AUTHORITIES) == "rejected"
    # A (or the button) accepts a rejected candidate after all.
    qtbot.keyClick(dialog.table, Qt.Key.Key_Up)
    qtbot.keyClick(dialog.table, Qt.Key.Key_A)
    assert status_of(dialog, AUTHORITIES) == "accepted"
    assert gold_rows(db_path) == [("refusal", *refusal)]
    # The main window's list shows the gold annotation beside ana's.
    listed = [r for r in app.list_rows() if r[2] == f"{refusal[0]}–{refusal[1]}"]
    assert [r[0] for r in listed] == ["refusal", "refusal"]


def test_accept_all_agreed_is_one_undo_step_in_the_window(app, spans, db_path, qtbot):
    dialog = open_curation(app)
    before = len(app.list_rows())
    qtbot.mouseClick(dialog.accept_all_button, Qt.MouseButton.LeftButton)
    privacy, cameras = span_of(spans, PRIVACY), span_of(spans, CAMERAS)
    assert gold_rows(db_path) == [("claim", *privacy), ("statistic", *cameras)]
    assert status_of(dialog, PRIVACY) == "accepted"
    assert status_of(dialog, CAMERAS) == "accepted"
    assert not dialog.accept_all_button.isEnabled()  # nothing agreed is left
    assert len(app.list_rows()) == before + 2
    assert app.window.undo_action.text() == "&Undo accept 2 agreed spans"
    # Ctrl+Z in the main window takes both out at once.
    app.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is app.window)
    app.key(Qt.Key.Key_Z, CTRL)
    assert gold_rows(db_path) == []
    assert len(app.list_rows()) == before
    qtbot.waitUntil(lambda: status_of(dialog, PRIVACY) == "agreed")
    assert status_of(dialog, CAMERAS) == "agreed"
    assert dialog.accept_all_button.isEnabled()
    # Redo from the curation window (the window's Undo and Redo work there too).
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Y, CTRL)
    assert gold_rows(db_path) == [("claim", *privacy), ("statistic", *cameras)]
    qtbot.waitUntil(lambda: status_of(dialog, CAMERAS) == "accepted")
    qtbot.keyClick(dialog.table, Qt.Key.Key_Z, CTRL)
    assert gold_rows(db_path) == []


def test_accept_all_leaves_out_what_was_rejected(app, spans, db_path, qtbot):
    dialog = open_curation(app)
    assert dialog.chosen()[0].key.label == "claim"  # the agreed privacy claim
    qtbot.keyClick(dialog.table, Qt.Key.Key_R)
    qtbot.keyClick(dialog.table, Qt.Key.Key_A, CTRL | SHIFT)
    assert gold_rows(db_path) == [("statistic", *span_of(spans, CAMERAS))]
    assert status_of(dialog, PRIVACY) == "rejected"


def test_the_gold_layer_can_be_the_curators_own_name(app, spans, db_path, qtbot):
    app.tag("Raymond Siu", Qt.Key.Key_1)  # the curator (tester) tagged a claim before
    dialog = open_curation(app)
    assert "3 annotators (ana, ben, tester)" in dialog.summary.text()
    assert status_of(dialog, "Raymond Siu") == "disputed"
    assert status_of(dialog, CAMERAS) == "disputed"  # tester lacks it
    pick(qtbot, dialog.gold_combo, "tester (my name)")
    # Now tester's annotations are the gold layer, not an annotator's.
    assert "2 annotators (ana, ben)" in dialog.summary.text()
    assert status_of(dialog, "Raymond Siu") == "accepted"
    assert status_of(dialog, CAMERAS) == "agreed"
    go_to(qtbot, dialog, CAMERAS)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert gold_rows(db_path, "tester") == [
        ("claim", *span_of(spans, "Raymond Siu")),
        ("statistic", *span_of(spans, CAMERAS)),
    ]
    assert gold_rows(db_path, "gold") == []
    assert dialog.lane_texts()[-1] == ("tester", "not in gold")  # moved on to the next


def test_it_follows_changes_made_in_the_main_window(app, spans, qtbot):
    dialog = open_curation(app)
    app.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is app.window)
    app.tag("Raymond Siu", Qt.Key.Key_1)  # tester becomes a third annotator
    qtbot.waitUntil(lambda: "3 annotators" in dialog.summary.text())
    assert status_of(dialog, "Raymond Siu") == "disputed"
    assert status_of(dialog, PRIVACY) == "disputed"  # tester did not mark it
    app.key(Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: "2 annotators" in dialog.summary.text())
    assert status_of(dialog, PRIVACY) == "agreed"


def test_the_show_filter_keeps_what_is_left_to_decide(app, spans, qtbot):
    dialog = open_curation(app)
    pick(qtbot, dialog.filter_combo, "Disputed")
    assert [r[0] for r in rows(dialog)] == ["disputed"] * 3
    assert dialog.chosen()[0].key.label == "refusal"  # the first disputed one
    pick(qtbot, dialog.filter_combo, "To decide")
    assert dialog.chosen()[0].key.label == "refusal"  # still chosen
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    # The accepted row leaves "To decide"; the next one is chosen.
    assert [r[2] for r in rows(dialog)] == [PRIVACY, REFUSAL, CAMERAS, ENOUGH]
    assert dialog.chosen()[0].key.start == span_of(spans, REFUSAL)[0]
    pick(qtbot, dialog.filter_combo, "Accepted")
    assert [r[:3] for r in rows(dialog)] == [("accepted", "refusal", AUTHORITIES)]


def test_gold_keeps_the_attribute_values_all_annotators_gave(app, spans, db_path, qtbot):
    dialog = open_curation(app)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # the privacy claim
    with sqlite3.connect(db_path) as conn:
        (stored,) = conn.execute(
            "SELECT attributes FROM annotations WHERE annotator = 'gold'"
        ).fetchone()
    assert json.loads(stored) == {"speaker": "Raymond Siu"}


def test_a_candidate_accepted_elsewhere_meanwhile_is_not_added_twice(app, spans, db_path, qtbot):
    dialog = open_curation(app)
    other = open_store(str(db_path))
    try:
        doc = app.window.document
        other.add_annotation(doc.id, "claim", *span_of(spans, PRIVACY), "gold")
    finally:
        other.close()
    assert status_of(dialog, PRIVACY) == "agreed"  # not seen yet
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert gold_rows(db_path) == [("claim", *span_of(spans, PRIVACY))]
    assert dialog.message.text() == "Already in the gold layer."
    assert status_of(dialog, PRIVACY) == "accepted"
    assert not app.window.undo_action.isEnabled()  # nothing was changed here


def test_a_refused_change_shows_a_message_and_changes_nothing(app, spans, db_path, qtbot):
    dialog = open_curation(app)
    qtbot.mouseClick(dialog.accept_all_button, Qt.MouseButton.LeftButton)
    # Another window deletes the gold claim; rejecting it here finds it gone already.
    other = open_store(str(db_path))
    try:
        gold = [a for a in other.annotations(app.window.document.id) if a.annotator == "gold"]
        other.delete_annotations([a for a in gold if a.label == "claim"])
    finally:
        other.close()
    go_to(qtbot, dialog, PRIVACY)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert gold_rows(db_path) == [("statistic", *span_of(spans, CAMERAS))]
    assert status_of(dialog, PRIVACY) == "rejected"
    # Undoing "accept 2" now cannot replay (the claim is gone): a dialog says so and
    # the database keeps what it has.
    said = []
    timer = answer_next_modal(QMessageBox, lambda box: (said.append(box.text()), box.accept()))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Z, CTRL)  # the window's Undo works here too
    timer.stop()
    assert len(said) == 1 and "The undo history was cleared." in said[0]
    assert not app.window.undo_action.isEnabled()
    assert gold_rows(db_path) == [("statistic", *span_of(spans, CAMERAS))]


def test_an_unannotated_document_says_so(make_window, qtbot):
    app = make_window()  # the seed article, which nobody annotated
    dialog = open_curation(app)
    assert rows(dialog) == []
    assert dialog.lanes_hint.text() == "Nobody has annotated this document yet."
    assert "0 annotators (nobody yet) · 0 candidates" in dialog.summary.text()
    assert not dialog.accept_all_button.isEnabled()
    assert not dialog.accept_button.isEnabled()


def test_a_candidate_deleted_elsewhere_is_not_accepted(app, spans, db_path, qtbot):
    dialog = open_curation(app)
    other = open_store(str(db_path))
    try:
        doc_id = app.window.document.id
        other.delete_annotations(
            [a for a in other.annotations(doc_id) if a.start == span_of(spans, PRIVACY)[0]]
        )
    finally:
        other.close()
    assert dialog.chosen()[0].key.start == span_of(spans, PRIVACY)[0]  # still shown
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert gold_rows(db_path) == []
    assert dialog.message.text().startswith("The chosen candidate is gone")
    assert PRIVACY not in [r[2] for r in rows(dialog)]  # the list caught up
    assert not app.window.undo_action.isEnabled()
