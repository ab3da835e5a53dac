"""View ▸ Retrieve driven as a researcher drives it: filters typed and clicked, a header
clicked to sort, Enter to open the passage, queries saved and reopened, rows exported and
compared with what ``annotator retrieve`` prints."""

from __future__ import annotations

import csv
import io
import json

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QInputDialog

from annotator.main import main
from annotator.store import Store
from tests.ui.conftest import BRIEF, answer_next_modal

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def rows(dialog):
    model = dialog.model
    return [tuple(model.index(r, c).data() for c in (1, 3, 6)) for r in range(model.rowCount())]


def wait_rows(dialog, want):
    dialog.filters.changed.emit()  # as the pause after typing ends
    QApplication.processEvents()
    assert sorted(rows(dialog)) == sorted(want)


def open_retrieve(driver):
    driver.qtbot.keyClick(driver.window, Qt.Key.Key_F, CTRL_SHIFT)
    dialog = driver.window._retrieve_dialog
    driver.qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    return dialog


def cli_rows(capsys, db, *args):
    assert main(["retrieve", "--db", str(db), "--format", "json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_every_annotation_in_context_and_filters_typed_and_clicked(corpus, make_window, capsys):
    db, _texts = corpus
    driver = make_window(db)
    dialog = open_retrieve(driver)
    everything = cli_rows(capsys, db)
    assert len(rows(dialog)) == len(everything) == 6
    assert dialog.count.text() == "6 annotations in 2 documents"
    by_quote = {r["quote"]: r for r in everything}
    for row in range(dialog.model.rowCount()):
        quote = dialog.model.index(row, 1).data()
        left, right = dialog.model.index(row, 0).data(), dialog.model.index(row, 2).data()
        want = by_quote[quote]
        assert left == " ".join(want["left"].split()) and right == " ".join(want["right"].split())

    driver.qtbot.keyClicks(dialog.filters.match, "CAMERAS")  # plain text: case ignored
    wait_rows(dialog, [(r["quote"], r["label"], r["annotator"]) for r in cli_rows(
        capsys, db, "--match", "(?i)cameras")])  # fmt: skip
    driver.qtbot.mouseClick(dialog.filters.label_buttons["refusal"], Qt.MouseButton.LeftButton)
    wanted = cli_rows(capsys, db, "--match", "(?i)cameras", "--label", "refusal")
    assert len(wanted) == 3  # the third has the cameras in its context
    wait_rows(dialog, [(r["quote"], r["label"], r["annotator"]) for r in wanted])
    dialog.filters.annotator.setCurrentIndex(dialog.filters.annotator.findText("bo"))
    wait_rows(dialog, [("declined to say how many cameras 😀", "refusal", "bo")])
    dialog.filters.places["context"].click()  # the quote and the note only
    dialog.filters.places["quote"].click()
    wait_rows(dialog, [])
    dialog.filters.match.clear()
    driver.qtbot.keyClicks(dialog.filters.match, "no reason")  # the note
    dialog.filters.annotator.setCurrentIndex(0)
    wait_rows(dialog, [("refused to answer questions", "refusal", "ana")])

    dialog.filters.match.clear()
    dialog.filters.label_buttons["refusal"].click()
    driver.qtbot.keyClicks(dialog.filters.author, "chan")
    wait_rows(dialog, [(r["quote"], r["label"], r["annotator"]) for r in everything
                       if r["document_title"] == "Bureau brief"])  # fmt: skip
    driver.qtbot.keyClicks(dialog.filters.since, "2024")  # the brief has no date
    wait_rows(dialog, [])
    dialog.filters.author.clear()
    wait_rows(dialog, [(r["quote"], r["label"], r["annotator"]) for r in everything
                       if r["document_title"] != "Bureau brief"])  # fmt: skip


def test_a_bad_filter_says_what_is_wrong_and_keeps_the_rows(corpus, make_window):
    db, _texts = corpus
    dialog = open_retrieve(make_window(db))
    before = rows(dialog)
    dialog.filters.regex.click()
    dialog.filters.match.setText("(unclosed")
    dialog.filters.changed.emit()
    assert dialog.problem.isVisible() and "not a regular expression" in dialog.problem.text()
    assert rows(dialog) == before
    dialog.filters.match.setText("")
    dialog.filters.since.setText("Feb 2024")
    dialog.filters.changed.emit()
    assert "Published from 'Feb 2024'" in dialog.problem.text()
    dialog.filters.since.setText("")
    dialog.filters.changed.emit()
    assert not dialog.problem.isVisible()


def test_typed_attribute_filters(corpus, make_window):
    db, _texts = corpus
    driver = make_window(db)
    window = driver.window
    dialog = open_retrieve(driver)
    # Give two statistics a number through the window's own editing, as a user would.
    for quote, value in (("615 new CCTV cameras", 615), ("615 cameras", 12)):
        hit = next(h for h in dialog.model.hits() if h.quote == quote)
        window.show_annotation(hit.document.id, hit.annotation.id)
        assert window.set_attributes(hit.annotation.id, "value", {"value": value})
    filters = dialog.filters
    filters.attribute.setCurrentIndex(filters.attribute.findData("value"))
    assert filters.operator.currentData() == "between" and filters.upper.isVisible()
    driver.qtbot.keyClicks(filters.value, "100")
    wait_rows(dialog, [("615 new CCTV cameras", "statistic", "ana")])
    driver.qtbot.keyClicks(filters.upper, "500")
    wait_rows(dialog, [])
    filters.value.clear()
    wait_rows(dialog, [("615 cameras", "statistic", "ana")])


def test_enter_opens_the_document_at_the_span(corpus, make_window):
    db, texts = corpus
    driver = make_window(db)
    window = driver.window
    dialog = open_retrieve(driver)
    row = next(r for r, h in enumerate(dialog.model.hits()) if h.quote == "615 cameras")
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(dialog.model.index(row, 1))
    hit = dialog.model.hit(row)
    driver.qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert dialog.isVisible()  # Enter opened the row, it did not close the window
    assert window.document.id == hit.document.id
    assert window.current_annotation().id == hit.annotation.id
    start, end = hit.annotation.start, hit.annotation.end
    assert window.text_view.selected_span() == (start, end)
    assert texts[hit.document.id][start:end] == "615 cameras"

    other = next(r for r, h in enumerate(dialog.model.hits()) if h.quote == "Hong Kong")
    rect = dialog.table.visualRect(dialog.model.index(other, 1))

    driver.qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.document.id == hit.document.id  # one click only chooses the row
    driver.qtbot.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_annotation().id == dialog.model.hit(other).annotation.id


def test_a_header_click_sorts_and_a_second_reverses(corpus, make_window, qtbot):
    db, _texts = corpus
    dialog = open_retrieve(make_window(db))
    header = dialog.table.horizontalHeader()
    corpus_order = [h.annotation.id for h in dialog.model.hits()]
    for column, key in ((1, lambda h: h.quote.casefold()), (4, lambda h: h.document.title)):
        at = QPoint(header.sectionViewportPosition(column) + 5, 5)
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
        shown = [key(h) for h in dialog.model.hits()]
        assert shown == sorted(shown) and shown != list(reversed(shown))
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
        shown = [key(h) for h in dialog.model.hits()]
        assert shown == sorted(shown, reverse=True)
    assert sorted(corpus_order) == sorted(h.annotation.id for h in dialog.model.hits())


def test_rows_follow_tags_undo_and_changes_from_another_process(corpus, make_window):
    db, _texts = corpus
    driver = make_window(db)
    dialog = open_retrieve(driver)
    driver.window.activateWindow()
    driver.qtbot.waitUntil(lambda: QApplication.activeWindow() is driver.window)
    driver.tag("surveillance equipment", Qt.Key.Key_1)
    driver.qtbot.waitUntil(lambda: any(q == "surveillance equipment" for q, _l, _a in rows(dialog)))
    driver.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    driver.qtbot.waitUntil(lambda: all(q != "surveillance equipment" for q, _l, _a in rows(dialog)))
    other = Store.open(str(db))
    brief = next(d for d in other.documents() if d.title == "Bureau brief")
    start = BRIEF.index("An official said")
    other.add_annotation(brief.id, "claim", start, start + 16, "cy")
    other.close()
    driver.qtbot.waitUntil(
        lambda: ("An official said", "claim", "cy") in rows(dialog), timeout=4000
    )
    assert dialog.filters.annotator.findText("cy") != -1  # a new annotator to choose


def test_saved_queries_live_in_the_database(corpus, make_window):
    db, _texts = corpus
    driver = make_window(db)
    dialog = open_retrieve(driver)
    dialog.filters.label_buttons["refusal"].click()
    dialog.filters.match.setText("refused")
    dialog.filters.changed.emit()
    wanted = rows(dialog)
    assert len(wanted) == 2
    keep = answer_next_modal(QInputDialog, lambda d: (d.setTextValue("refusals"), d.accept()))
    save = next(b for b in dialog.findChildren(type(dialog.show_all)) if "Save" in b.text())
    driver.qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    del keep
    driver.window.close()

    again = open_retrieve(make_window(db))
    assert rows(again) != wanted  # a new window starts with every annotation
    saved = again.saved
    assert saved.findText("refusals") != -1
    saved.setCurrentIndex(saved.findText("refusals"))
    saved.activated.emit(saved.currentIndex())
    assert rows(again) == wanted
    assert again.filters.label_buttons["refusal"].isChecked()
    assert again.filters.match.text() == "refused"
    again.delete_saved.click()
    assert again.saved.findText("refusals") == -1 and again.saved_queries() == {}


@pytest.mark.parametrize("kind", ["csv", "json"])
def test_export_writes_what_the_command_line_prints(corpus, make_window, capsys, tmp_path, kind):
    db, _texts = corpus
    dialog = open_retrieve(make_window(db))
    dialog.filters.label_buttons["statistic"].click()
    dialog.filters.label_buttons["refusal"].click()
    path = tmp_path / f"rows.{kind}"
    assert dialog.export_to(path, kind)
    assert main(["retrieve", "--db", str(db), "--label", "statistic", "--label", "refusal",
                 "--format", kind]) == 0  # fmt: skip
    printed = capsys.readouterr().out
    written = path.read_text(encoding="utf-8")
    if kind == "json":
        assert json.loads(written) == json.loads(printed) and len(json.loads(written)) == 5
    else:
        assert list(csv.reader(io.StringIO(written))) == list(csv.reader(io.StringIO(printed)))


def test_the_keyboard_alone_finds_and_opens_a_passage(corpus, make_window):
    db, _texts = corpus
    driver = make_window(db)
    dialog = open_retrieve(driver)
    driver.qtbot.waitUntil(dialog.filters.match.hasFocus)  # type at once
    driver.qtbot.keyClicks(dialog.filters.match, "give a date")
    dialog.filters.changed.emit()  # as the pause after typing ends
    driver.qtbot.keyClick(dialog.filters.match, Qt.Key.Key_Return)  # to the rows
    assert dialog.table.hasFocus() and dialog.isVisible()
    driver.qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # open the passage
    hit = dialog.model.hit(0)  # the first row: the keyboard went there
    assert "refused to give a date" in [h.quote for h in dialog.model.hits()]
    assert driver.window.current_annotation().id == hit.annotation.id
    assert driver.window.text_view.selected_span() == (hit.annotation.start, hit.annotation.end)


def test_retrieve_searches_the_memos_and_opens_the_place(corpus, make_window):
    db, _texts = corpus
    driver = make_window(db)
    window = driver.window
    brief = next(d for d in window.documents_model.documents() if d.title == "Bureau brief")
    window.open_document(brief.id)
    driver.key(Qt.Key.Key_M, CTRL_SHIFT)  # Document ▸ Memo: typed as a user types
    editor = window.memo_panel.document_editor
    driver.qtbot.keyClicks(editor, "Why ")
    editor.insertPlainText("😀")  # QTest types no character beyond 16 bits
    driver.qtbot.keyClicks(editor, " does the Bureau never explain?")
    driver.qtbot.keyClick(editor, Qt.Key.Key_Return)
    driver.qtbot.keyClicks(editor, "Ask the bureau again.")
    window.memo_panel.save()
    memo = editor.toPlainText()
    assert memo == "Why 😀 does the Bureau never explain?\nAsk the bureau again."
    window.memo_panel.focus_project_memo()
    driver.qtbot.keyClicks(window.memo_panel.project_editor, "Each bureau refuses alike.")
    window.memo_panel.save()

    dialog = open_retrieve(driver)
    driver.qtbot.keyClicks(dialog.filters.match, "bureau")
    dialog.filters.changed.emit()
    places = [(h.document.title if h.document else None, h.quote) for h in dialog.memo_hits]
    assert places == [(None, "bureau"), ("Bureau brief", "Bureau"), ("Bureau brief", "bureau")]
    assert dialog.memos.isVisible() and dialog.memos.count() == 3
    assert "[Bureau]" in dialog.memos.item(1).text()

    window.open_document(next(d.id for d in window.documents_model.documents() if d != brief))
    dialog.activateWindow()
    dialog.memos.setFocus()
    dialog.memos.setCurrentRow(2)
    driver.qtbot.keyClick(dialog.memos, Qt.Key.Key_Return)  # opens the brief at its memo
    assert window.document.id == brief.id
    editor = window.memo_panel.document_editor
    assert editor.textCursor().selectedText() == "bureau"
    cursor = editor.textCursor()
    code_points = len(memo.encode("utf-16-le")[: 2 * cursor.selectionStart()].decode("utf-16-le"))
    assert code_points == memo.rindex("bureau")  # the emoji before it counted once

    dialog.filters.places["memo"].click()  # memos ticked off
    assert not dialog.memos.isVisible() and dialog.memo_hits == []
    dialog.filters.places["memo"].click()
    dialog.filters.label_buttons["refusal"].click()  # memos have no label
    assert dialog.memo_hits == []
