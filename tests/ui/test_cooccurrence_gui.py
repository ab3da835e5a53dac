"""View ▸ Co-occurrence: the matrix shows what ``annotator cooccurrence`` counts, clicking a
cell retrieves its pairs (checked against pairs found here by brute force), and the matrix
follows a tag made in the main window."""

from __future__ import annotations

import json
from itertools import combinations

from PySide6.QtCore import Qt

from annotator.main import main
from annotator.store import Store
from tests.ui.conftest import BRIEF

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def open_matrix(driver):
    driver.qtbot.keyClick(driver.window, Qt.Key.Key_C, CTRL_SHIFT)
    dialog = driver.window._cooccurrence_dialog
    driver.qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    return dialog


def shown(dialog):
    m = dialog.matrix
    return [[int(m.item(r, c).text()) for c in range(m.columnCount())] for r in range(m.rowCount())]


def overlapping_pairs(db, a, b):
    """Every pair of distinct annotations of one document, labelled a and b, sharing a
    code point: looked at one pair at a time."""
    store = Store.open(str(db))
    try:
        found = set()
        for doc in store.documents():
            for x, y in combinations(store.annotations(doc.id), 2):
                labelled = sorted((x.label, y.label)) == sorted((a, b))
                if labelled and x.start < y.end and y.start < x.end:
                    found.add(frozenset((x.id, y.id)))
        return found
    finally:
        store.close()


def test_the_matrix_counts_what_the_command_line_counts_and_a_cell_retrieves_its_pairs(
    corpus, make_window, capsys
):
    db, _texts = corpus
    store = Store.open(str(db))
    brief = next(d for d in store.documents() if d.title == "Bureau brief")
    start = BRIEF.index("An official said")
    store.add_annotation(brief.id, "claim", start, BRIEF.index(" were enough"), "ana")
    store.close()
    driver = make_window(db)
    dialog = open_matrix(driver)
    for scope in ("sentence", "overlap", "paragraph"):
        dialog.scope.setCurrentIndex(dialog.scope.findData(scope))
        assert main(["cooccurrence", "--db", str(db), "--scope", scope, "--format", "json"]) == 0
        printed = json.loads(capsys.readouterr().out)
        labels = [dialog.matrix.horizontalHeaderItem(c).text() for c in range(3)]
        assert labels == printed["labels"] and shown(dialog) == printed["counts"]

    dialog.scope.setCurrentIndex(dialog.scope.findData("overlap"))
    claim, statistic = labels.index("claim"), labels.index("statistic")
    assert shown(dialog)[claim][statistic] == 1
    rect = dialog.matrix.visualItemRect(dialog.matrix.item(claim, statistic))
    driver.qtbot.mouseClick(dialog.matrix.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    retrieve = driver.window._retrieve_dialog
    assert retrieve is not None and retrieve.isVisible()
    pairs = overlapping_pairs(db, "claim", "statistic")
    assert {h.annotation.id for h in retrieve.model.hits()} == set().union(*pairs)
    assert [h.quote for h in retrieve.model.hits()] == [
        "An official said 615 cameras",
        "615 cameras",
    ]
    assert retrieve.restriction.text().startswith("1 pair of claim and statistic that overlap")
    assert not retrieve.filters.regex.isChecked()  # the window's plain-text default kept
    retrieve.show_all.click()
    assert retrieve.model.rowCount() == 7


def test_the_matrix_follows_a_tag(corpus, make_window):
    db, _texts = corpus
    driver = make_window(db)
    dialog = open_matrix(driver)
    dialog.scope.setCurrentIndex(dialog.scope.findData("overlap"))
    labels = [dialog.matrix.horizontalHeaderItem(c).text() for c in range(3)]
    claim, statistic = labels.index("claim"), labels.index("statistic")
    assert shown(dialog)[claim][statistic] == 0
    driver.window.activateWindow()
    driver.tag("In Hong Kong, 615 new CCTV cameras", Qt.Key.Key_1)  # around a statistic
    driver.qtbot.waitUntil(lambda: shown(dialog)[claim][statistic] == 1)
    assert shown(dialog)[statistic][claim] == 1
    driver.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    driver.qtbot.waitUntil(lambda: shown(dialog)[claim][statistic] == 0)
