from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.main import main
from tests.helpers import check_export
from tests.ui.conftest import db_annotations, label_tint

BLUE, RED, GREEN = "#0072b2", "#d55e00", "#009e73"


def test_launch_gives_text_focus_and_a_caret_without_dialogs(app):
    assert app.window.document.title == "Hong Kong goes for mass surveillance"
    assert QApplication.focusWidget() is app.view
    assert QApplication.activeModalWidget() is None
    assert app.view.isReadOnly()
    assert app.view.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
    assert app.window.documents_model.rowCount() == 1
    assert "0 annotations" in app.window.counts_label.text()


def test_tag_claim_refusal_statistic_with_the_keyboard(app, db_path, tmp_path):
    text = app.text
    phrases = [
        ("the cameras will not compromise the privacy of citizens", Qt.Key.Key_1, "claim", BLUE),
        ("refused to answer questions", Qt.Key.Key_2, "refusal", RED),
        ("615 new CCTV cameras", Qt.Key.Key_3, "statistic", GREEN),
    ]
    for phrase, key, label, color in phrases:
        start = text.index(phrase)
        app.select_chars(start, len(phrase))
        app.key(key)
        end = start + len(phrase)
        # Highlighted at once, in the label's colour, exactly over the span.
        assert app.background_at(start) == label_tint(color)
        assert app.background_at(end - 1) == label_tint(color)
        assert app.background_at(start - 1) is None
        assert app.background_at(end) is None
        # The new row is in the list and selected.
        row = app.selected_row()
        assert app.list_rows()[row] == (label, phrase, f"{start}–{end}")
    assert db_annotations(db_path) == sorted(
        (label, text.index(p), text.index(p) + len(p), "tester") for p, _k, label, _c in phrases
    )
    assert app.window.documents_model.data(app.window.documents_model.index(0, 1)) == 3
    assert "3 annotations (claim 1 · refusal 1 · statistic 1)" in app.window.counts_label.text()
    out = tmp_path / "out.json"
    assert main(["export", "--db", str(db_path), "-o", str(out)]) == 0
    exported = check_export(out.read_bytes())
    quotes = {(a["label"], a["quote"]) for a in exported["documents"][0]["annotations"]}
    assert quotes == {(label, phrase) for phrase, _k, label, _c in phrases}


def test_word_and_line_selection_keys(make_window, tmp_path):
    doc = tmp_path / "short.txt"
    doc.write_text("First line here\nSecond line of text\nThird\n", encoding="utf-8")
    app = make_window()
    assert app.window.import_files([doc])
    # Ctrl+Shift+Right selects words; the trailing space is trimmed.
    app.click_at(0)
    app.key(
        Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier, 2
    )
    app.key(Qt.Key.Key_1)
    # Down, Home, Shift+End selects the whole second line.
    app.key(Qt.Key.Key_Down)
    app.key(Qt.Key.Key_Home)
    app.key(Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    app.key(Qt.Key.Key_3)
    # Shift+Home from the end of the third line.
    app.key(Qt.Key.Key_Down)
    app.key(Qt.Key.Key_End)
    app.key(Qt.Key.Key_Home, Qt.KeyboardModifier.ShiftModifier)
    app.key(Qt.Key.Key_2)
    assert [(label, quote) for label, quote, _span in app.list_rows()] == [
        ("claim", "First line"),
        ("statistic", "Second line of text"),
        ("refusal", "Third"),
    ]


def test_selection_is_trimmed_and_whitespace_creates_nothing(app, db_path):
    text = app.text
    start = text.index("Published")
    app.set_selection(start - 2, start + len("Published 22 February 2024") + 1)  # "\n\n…\n"
    app.key(Qt.Key.Key_3)
    assert db_annotations(db_path) == [("statistic", start, start + 26, "tester")]
    assert app.list_rows()[0][1] == "Published 22 February 2024"
    blank = text.index("\n\n")
    app.set_selection(blank, blank + 2)
    app.key(Qt.Key.Key_1)
    app.click_at(5)
    app.key(Qt.Key.Key_2)  # no selection at all
    assert len(db_annotations(db_path)) == 1
    assert "Select some text first" in app.window.statusBar().currentMessage()


def test_same_span_and_label_twice_is_not_duplicated(app, db_path):
    app.select_chars(0, 9)
    app.key(Qt.Key.Key_1)
    app.select_chars(0, 9)
    app.key(Qt.Key.Key_1)
    app.select_chars(0, 9)
    app.key(Qt.Key.Key_3)
    assert [row[0] for row in db_annotations(db_path)] == ["claim", "statistic"]


def test_document_with_emoji_and_crlf_before_the_span(make_window, tmp_path, db_path):
    raw = (
        "\ufeffFamily 👨‍👩‍👧 and flag 🇭🇰\r\n"
        "Math 𝔘𝔫𝔦 e\u0301 市民 مرحبا\r\n"
        "\tTab\u00a0nbsp\u2028sep\r"
        "The police said 2,000 cameras 😀 were enough.\r\n"
    )
    path = tmp_path / "torture.txt"
    path.write_bytes(raw.encode("utf-8"))
    app = make_window()
    assert app.window.import_files([path])
    text = app.text
    assert text == raw[1:].replace("\r\n", "\n").replace("\r", "\n")
    phrase = "2,000 cameras 😀"
    start = text.index(phrase)
    app.select_chars(start, len(phrase) + 1)  # the emoji is one Shift+Right
    app.key(Qt.Key.Key_3)
    end = start + len(phrase)
    assert db_annotations(db_path) == [("statistic", start, end, "tester")]
    assert app.background_at(start) == label_tint(GREEN)
    assert app.background_at(end - 1) == label_tint(GREEN)
    assert app.background_at(start - 1) is None
    assert app.background_at(end) is None
    assert app.list_rows() == [("statistic", phrase, f"{start}–{end}")]
    # A span over the family emoji alone, selected by setting a cursor.
    fam = text.index("👨")
    app.set_selection(fam, fam + len("👨‍👩‍👧"))
    app.key(Qt.Key.Key_1)
    out = tmp_path / "out.json"
    assert main(["export", "--db", str(db_path), "-o", str(out)]) == 0
    exported = check_export(out.read_bytes())
    doc = next(d for d in exported["documents"] if d["title"].startswith("Family"))
    assert [a["quote"] for a in doc["annotations"]] == ["👨‍👩‍👧", phrase]


def test_label_buttons_and_context_menu_tag_too(app, db_path):
    text = app.text
    start = text.index("Hong Kong Police")
    app.select_chars(start, 9)
    button = app.window.label_bar.widgetForAction(app.window.label_actions["refusal"])
    assert "2" in button.text()
    app.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    start2 = text.index("Raymond Siu")
    app.select_chars(start2, 11)
    menu = app.view.build_context_menu(app.view.cursorRect().center())
    entries = {a.text(): a for a in menu.actions()}
    assert "Tag as statistic" in entries and "Copy" in " ".join(entries)
    entries["Tag as statistic"].trigger()
    assert db_annotations(db_path) == [
        ("refusal", start, start + 9, "tester"),
        ("statistic", start2, start2 + 11, "tester"),
    ]
    assert QApplication.focusWidget() is app.view


def test_the_highlight_is_drawn_and_stored_before_the_list_catches_up(app, db_path):
    start = app.text.index("615 new")
    app.set_selection(start, start + 7)
    app.qtbot.keyClick(app.view, Qt.Key.Key_3)  # handled; no further event processed yet
    assert db_annotations(db_path) == [("statistic", start, start + 7, "tester")]
    assert app.background_at(start) == label_tint(GREEN)
    assert app.window.annotations_model.rowCount() == 1
    assert app.selected_row() is None  # the list and details follow...
    QApplication.processEvents()  # ...on the next turn of the event loop
    assert app.selected_row() == 0
    assert "statistic" in app.window.details.summary.text()
    assert "1 annotation (claim 0 · refusal 0 · statistic 1)" in app.window.counts_label.text()


def test_a_key_pressed_before_the_list_caught_up_acts_on_the_new_annotation(app, db_path):
    app.tag("615 new", Qt.Key.Key_3)  # selected: the statistic
    start = app.text.index("refused")
    app.set_selection(start, start + 7)
    # Two keys in a row with no turn of the event loop between them (a slow disk, a
    # fast typist): the second acts on the refusal just made, not on the statistic.
    app.qtbot.keyClick(app.view, Qt.Key.Key_2)
    app.qtbot.keyClick(app.view, Qt.Key.Key_1)  # relabel it as a claim
    assert sorted(row[0] for row in db_annotations(db_path)) == ["claim", "statistic"]
    app.qtbot.keyClick(app.view, Qt.Key.Key_Delete)
    QApplication.processEvents()
    assert [row[0] for row in db_annotations(db_path)] == ["statistic"]
