"""Review: the agreement window leaves the gold layer out until it is ticked."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.test_agreement_gold import populate
from tests.ui.test_agreement_gui import cells, press_space_on


def test_the_agreement_window_compares_the_gold_layer_only_when_ticked(make_window, db_path):
    populate(str(db_path))
    app = make_window()
    app.key(Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = app.window._agreement_dialog
    gold = dialog.annotators.findItems("gold", Qt.MatchFlag.MatchExactly)[0]
    assert gold.checkState() == Qt.CheckState.Unchecked
    assert {c[2] for c in cells(dialog)} == {"alice, bob"}
    [fleiss] = [c for c in cells(dialog) if c[:2] == ("All labels", "Fleiss' kappa")]
    assert fleiss[4] == "4"

    press_space_on(app, dialog.annotators, "gold")
    assert gold.checkState() == Qt.CheckState.Checked
    assert "alice, bob, gold" in {c[2] for c in cells(dialog)}
    # Kept across a refresh (the window reopened on the report).
    app.window.show_agreement()
    gold = dialog.annotators.findItems("gold", Qt.MatchFlag.MatchExactly)[0]
    assert gold.checkState() == Qt.CheckState.Checked
