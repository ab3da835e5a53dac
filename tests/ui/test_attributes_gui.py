"""Attributes in the details panel: typed in with the keyboard, validated, undoable."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from annotator.app.opening import open_store
from annotator.core.history import SchemeChange


def stored_attributes(db_path):
    with sqlite3.connect(db_path) as conn:
        return [
            (label, json.loads(attrs) if attrs else None)
            for label, attrs in conn.execute(
                "SELECT label, attributes FROM annotations ORDER BY start_offset"
            )
        ]


def editor(app, name):
    found = app.window.details.findChild(QWidget, f"attribute:{name}")
    assert isinstance(found, QLineEdit | QComboBox)
    return found


def test_a_statistic_offers_its_attributes_and_saves_a_number(app, db_path, qtbot):
    app.tag("2,000 new security cameras", Qt.Key.Key_3)
    names = [name for name in app.window.details.editors]
    assert names == ["value", "unit", "what_counted"]
    value = editor(app, "value")
    value.setFocus()
    qtbot.waitUntil(value.hasFocus)
    app.type("2,000", value)
    qtbot.keyClick(value, Qt.Key.Key_Tab)  # leaving the field saves it
    assert stored_attributes(db_path) == [("statistic", {"value": 2000})]
    unit = editor(app, "unit")
    assert unit.hasFocus()
    app.type("cameras", unit)
    qtbot.keyClick(unit, Qt.Key.Key_Return)
    assert stored_attributes(db_path) == [("statistic", {"unit": "cameras", "value": 2000})]
    assert app.window.undo_action.text() == "&Undo edit unit on 'statistic'"
    app.view.setFocus()
    app.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_attributes(db_path) == [("statistic", {"value": 2000})]
    assert editor(app, "unit").text() == ""
    app.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_attributes(db_path) == [("statistic", None)]
    assert editor(app, "value").text() == ""
    app.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert stored_attributes(db_path) == [("statistic", {"value": 2000})]
    assert editor(app, "value").text() == "2000"


def test_a_bad_number_is_refused_with_a_message_and_nothing_saved(app, db_path, qtbot):
    app.tag("615", Qt.Key.Key_3)
    value = editor(app, "value")
    value.setFocus()
    qtbot.waitUntil(value.hasFocus)
    app.type("six hundred", value)
    qtbot.keyClick(value, Qt.Key.Key_Return)
    problem = app.window.details.problem
    assert problem.isVisible()
    assert "value: 'six hundred' is not a number" in problem.text()
    assert stored_attributes(db_path) == [("statistic", None)]
    qtbot.keyClick(value, Qt.Key.Key_Escape)  # gives up: back to the stored value
    assert value.text() == "" and not problem.isVisible()
    assert app.view.hasFocus()


def test_a_claims_stance_is_chosen_with_the_keyboard(app, db_path, qtbot):
    app.tag("assures that the cameras will not compromise the privacy", Qt.Key.Key_1)
    stance = editor(app, "stance")
    assert [stance.itemText(i) for i in range(stance.count())] == [
        "—",
        "supports",
        "opposes",
        "neutral",
        "unclear",
    ]
    stance.setFocus()
    qtbot.waitUntil(stance.hasFocus)
    qtbot.keyClick(stance, Qt.Key.Key_Down)
    qtbot.keyClick(stance, Qt.Key.Key_Down)
    assert stored_attributes(db_path) == [("claim", {"stance": "opposes"})]
    speaker = editor(app, "speaker")
    speaker.setFocus()
    app.type("Raymond Siu", speaker)
    qtbot.keyClick(speaker, Qt.Key.Key_Return)
    assert stored_attributes(db_path) == [
        ("claim", {"speaker": "Raymond Siu", "stance": "opposes"})
    ]
    start = app.text.index("assures")
    tip = app.window.describe_annotations(app.view.annotation_ids_at(start + 3))
    assert "speaker: Raymond Siu" in tip and "stance: opposes" in tip
    # Back to "—" unsets it.
    qtbot.keyClick(stance, Qt.Key.Key_Up)
    qtbot.keyClick(stance, Qt.Key.Key_Up)
    assert stored_attributes(db_path) == [("claim", {"speaker": "Raymond Siu"})]


def test_each_label_shows_its_own_fields_and_values_follow_the_selection(app, db_path, qtbot):
    app.tag("refused to answer questions", Qt.Key.Key_2)
    assert list(app.window.details.editors) == ["what_requested", "stated_reason"]
    field = editor(app, "what_requested")
    field.setFocus()
    app.type("camera numbers and locations", field)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    app.tag("615 new CCTV cameras", Qt.Key.Key_3)
    assert list(app.window.details.editors) == ["value", "unit", "what_counted"]
    app.click_at(app.text.index("refused") + 2)  # back to the refusal
    assert editor(app, "what_requested").text() == "camera numbers and locations"
    # Relabelling the refusal keeps its value (shown as another label's attribute).
    app.window.annotations_view.setFocus()
    app.key(Qt.Key.Key_1)
    assert list(app.window.details.editors) == ["speaker", "stance"]
    assert "what_requested = camera numbers and locations" in app.window.details.summary.text()
    assert stored_attributes(db_path)[0] == (
        "claim",
        {"what_requested": "camera numbers and locations"},
    )
    # Kept, never dropped silently; the user may clear it (one undoable step).
    clear = app.window.details.clear_others
    assert clear.isVisible()
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert stored_attributes(db_path)[0] == ("claim", None)
    assert not clear.isVisible()
    assert app.window.undo_action.text() == "&Undo edit other attributes on 'claim'"
    app.view.setFocus()
    app.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_attributes(db_path)[0] == (
        "claim",
        {"what_requested": "camera numbers and locations"},
    )


def test_a_value_being_typed_is_saved_when_f8_moves_to_the_next_annotation(app, db_path, qtbot):
    app.tag("615 new CCTV cameras", Qt.Key.Key_3)
    app.tag("2,000 new security cameras", Qt.Key.Key_3)  # the first in the text
    unit = editor(app, "unit")
    unit.setFocus()
    qtbot.waitUntil(unit.hasFocus)
    app.type("cameras", unit)
    qtbot.keyClick(unit, Qt.Key.Key_F8)  # next annotation, the field still focused
    assert app.window.current_annotation().start == app.text.index("615")
    assert stored_attributes(db_path) == [
        ("statistic", {"unit": "cameras"}),
        ("statistic", None),
    ]
    assert editor(app, "unit").text() == ""  # the next one's (empty) value


def test_labels_changed_elsewhere_keep_the_field_being_typed_in(app, db_path, qtbot):
    app.tag("615 new CCTV cameras", Qt.Key.Key_3)
    unit = editor(app, "unit")
    unit.setFocus()
    qtbot.waitUntil(unit.hasFocus)
    app.type("came", unit)
    # Another window recolours a label; this window catches up (as on activation).
    other = open_store(str(db_path))
    before = tuple(other.labels())
    after = (replace(before[0], color="#cc79a7"), *before[1:])
    other.apply_change((), (), SchemeChange(before, after))
    other.close()
    app.window.refresh_from_store()
    assert (
        app.window.label_actions["claim"].icon().pixmap(8, 8).toImage().pixelColor(4, 4).name()
        == "#cc79a7"
    )
    assert editor(app, "unit") is unit and unit.hasFocus() and unit.text() == "came"
    app.type("ras", unit)
    qtbot.keyClick(unit, Qt.Key.Key_Return)
    assert stored_attributes(db_path) == [("statistic", {"unit": "cameras"})]
