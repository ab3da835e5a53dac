"""Annotators in the window: the remembered name and the first launch's invitation, the
name dialog, working as someone else, showing everyone's / mine / one annotator's
annotations, and others' spans drawn so they can be told apart."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from annotator.app import preferences
from annotator.app.opening import open_store
from annotator.core.annotators import AnnotatorFilter, annotator_color
from annotator.ui.annotators import NameDialog
from annotator.ui.highlighter import OTHERS_TINT, TINT
from annotator.ui.table_models import AnnotationTableModel
from tests.ui.conftest import answer_next_modal, db_annotations, label_tint

CLAIM, REFUSAL, STATISTIC = "#0072b2", "#d55e00", "#009e73"
MINE_PHRASE = "615 new CCTV cameras"  # tagged by "tester", the $ANNOTATOR_USER of tests
BOB_PHRASE = "refused to answer questions"
CAROL_PHRASE = "90,000"
# Two names with different colours (the colour comes from a hash of the name).
assert annotator_color("bob") != annotator_color("carol")


def first_launch(monkeypatch, login: str = "alice") -> None:
    """No $ANNOTATOR_USER: the login name is the one to start from."""
    monkeypatch.delenv("ANNOTATOR_USER")
    for variable in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.setenv(variable, login)


def seed_three_annotators(db_path) -> dict[str, int]:
    """The seed article with a statistic by tester, a refusal by bob and a statistic by
    carol; returns where each starts."""
    store = open_store(str(db_path), seed=True)
    doc = store.documents()[0].id
    text = store.document(doc).text
    starts = {}
    for who, label, phrase in (
        ("tester", "statistic", MINE_PHRASE),
        ("bob", "refusal", BOB_PHRASE),
        ("carol", "statistic", CAROL_PHRASE),
    ):
        start = starts[who] = text.index(phrase)
        store.add_annotation(doc, label, start, start + len(phrase), who)
    store.close()
    return starts


def listed(app) -> list[tuple[str, str]]:
    """(quote, annotator) of every row the annotation list shows."""
    model, view = app.window.annotations_model, app.window.annotations_view
    column = AnnotationTableModel.ANNOTATOR_COLUMN
    return [
        (model.data(model.index(row, 1)), model.data(model.index(row, column)))
        for row in range(model.rowCount())
        if not view.isRowHidden(row)
    ]


def menu(app):
    """The Annotator menu as it is when opened (its lists of names read again)."""
    annotator_menu = app.window.annotator_menu
    annotator_menu.aboutToShow.emit()
    return annotator_menu


def choose(app, *path: str) -> None:
    """Open the Annotator menu from the menu bar with a click, then click the entries of
    ``path`` in turn (a submenu's, then one of its entries), as a user does."""
    bar, menu = app.window.menuBar(), app.window.annotator_menu
    click = app.qtbot.mouseClick
    click(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(menu.menuAction()).center())
    for text in path:
        app.qtbot.waitUntil(lambda menu=menu: QApplication.activePopupWidget() is menu)
        QApplication.processEvents()  # as the event loop does while it is open
        action = next(a for a in menu.actions() if a.text() == text)
        click(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
        menu = action.menu() or menu
    app.qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)  # it closed


def ok_button(dialog: NameDialog):
    box = dialog.findChild(QDialogButtonBox)
    return box.button(QDialogButtonBox.StandardButton.Ok)


# -- the name, remembered, and the first launch's invitation ----------------------------


def test_first_launch_invites_without_a_dialog_and_the_second_does_not(
    make_window, monkeypatch, db_path
):
    first_launch(monkeypatch)
    app = make_window()
    window = app.window
    assert window.annotator == "alice"
    assert window.invitation.isVisible()
    assert "“alice”" in window.invitation.message.text()
    assert QApplication.activeModalWidget() is None  # nothing waits for an answer
    assert window.annotator_button.text() == "Annotating as alice"
    # The window works as usual while it shows: a tag records the login name.
    app.tag(MINE_PHRASE, Qt.Key.Key_3)
    assert db_annotations(db_path)[0][3] == "alice"
    assert preferences.load().annotator == "alice"
    window.close()

    again = make_window()
    assert again.window.annotator == "alice"
    assert not again.window.invitation.isVisible()
    assert not again.window.invitation.isVisibleTo(again.window)


def test_dismissing_the_invitation_keeps_the_login_name(make_window, monkeypatch, qtbot):
    first_launch(monkeypatch, "jdoe")
    app = make_window()
    invitation = app.window.invitation
    qtbot.mouseClick(invitation.close_button, Qt.MouseButton.LeftButton)
    assert not invitation.isVisible()
    assert app.window.annotator == "jdoe"
    app.window.close()
    assert not make_window().window.invitation.isVisibleTo(app.window)


def test_change_name_from_the_invitation_refuses_an_empty_name_then_is_remembered(
    make_window, monkeypatch, qtbot, db_path
):
    first_launch(monkeypatch, "jdoe")
    app = make_window()
    seen = {}

    def answer(dialog: NameDialog) -> None:
        seen["offered"] = dialog.field.text()
        dialog.field.selectAll()
        qtbot.keyClicks(dialog.field, "   ")  # only spaces
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
        seen["still open"] = dialog.isVisible()
        seen["problem"] = dialog.problem.text() if dialog.problem.isVisible() else ""
        dialog.field.selectAll()
        qtbot.keyClicks(dialog.field, "  Jane Doe ")
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

    timer = answer_next_modal(NameDialog, answer)
    qtbot.mouseClick(app.window.invitation.change_button, Qt.MouseButton.LeftButton)
    timer.stop()
    assert seen == {
        "offered": "jdoe",
        "still open": True,
        "problem": "The name is empty: type the name your annotations should carry.",
    }
    window = app.window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # the dialog gone
    assert window.annotator == "Jane Doe"
    assert not window.invitation.isVisible()
    assert window.annotator_button.text() == "Annotating as Jane Doe"
    app.tag(MINE_PHRASE, Qt.Key.Key_3)
    assert [row[3] for row in db_annotations(db_path)] == ["Jane Doe"]
    window.close()

    again = make_window()
    assert again.window.annotator == "Jane Doe"
    assert not again.window.invitation.isVisibleTo(again.window)
    again.window.close()
    monkeypatch.setenv("ANNOTATOR_USER", "override")  # the environment still wins
    assert make_window().window.annotator == "override"


def test_cancelling_the_name_dialog_changes_nothing(app, qtbot, db_path):
    timer = answer_next_modal(NameDialog, lambda dialog: dialog.reject())
    choose(app, "&Change my name…")
    timer.stop()
    assert app.window.annotator == "tester"
    assert preferences.load().annotator is None


# -- working as someone else -------------------------------------------------------------


def test_work_as_another_annotator_then_tag_with_the_keyboard(make_window, db_path, qtbot):
    seed_three_annotators(db_path)
    app = make_window()
    window = app.window
    annotator_menu = menu(app)
    names = [a.text() for a in annotator_menu.work_as_menu.actions() if a.text()]
    assert names == ["bob", "carol", "tester", "Someone &else…"]
    assert annotator_menu.work_as_action("tester").isChecked()

    choose(app, "&Work as", "bob")
    assert window.annotator == "bob"
    assert window.annotator_button.text() == "Annotating as bob"
    start = app.tag("Hong Kong Police Commissioner", Qt.Key.Key_1)
    assert ("claim", start, start + 29, "bob") in db_annotations(db_path)
    assert menu(app).work_as_action("bob").isChecked()

    # Someone new: "Someone else…" asks for the name.
    def answer(dialog: NameDialog) -> None:
        dialog.field.selectAll()
        qtbot.keyClicks(dialog.field, "dana")
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)

    timer = answer_next_modal(NameDialog, answer)
    choose(app, "&Work as", "Someone &else…")
    timer.stop()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # the dialog gone
    assert window.annotator == "dana"
    start = app.tag("2,000 new security cameras", Qt.Key.Key_3)
    assert ("statistic", start, start + 26, "dana") in db_annotations(db_path)


def test_the_same_span_and_label_is_tagged_again_by_another_annotator(make_window, db_path):
    """Each annotator makes their own annotation (agreement compares them): bob's claim
    on a passage does not stop tester's claim on it."""
    starts = seed_three_annotators(db_path)
    app = make_window()
    app.tag(BOB_PHRASE, Qt.Key.Key_2)
    start = starts["bob"]
    end = start + len(BOB_PHRASE)
    assert sorted(r for r in db_annotations(db_path) if r[1] == start) == [
        ("refusal", start, end, "bob"),
        ("refusal", start, end, "tester"),
    ]
    app.tag(BOB_PHRASE, Qt.Key.Key_2)  # tester's twin: shown, not made again
    assert len(db_annotations(db_path)) == 4
    assert "Already tagged" in app.window.statusBar().currentMessage()


# -- whose annotations are shown ---------------------------------------------------------


def test_show_mine_everyone_or_one_annotator_in_list_text_margin_strip_and_counts(
    make_window, db_path
):
    starts = seed_three_annotators(db_path)
    app = make_window()
    window = app.window
    highlighter = window.text_view.highlighter

    def starting_markers() -> list[int]:
        return [start for start, _label in highlighter.starts_in(0, len(app.text))]

    def strip_labels() -> set[str]:
        return {label for label, _top, _bottom in window.overview.runs()}

    # Everyone's, the default.
    assert window.annotator_filter == AnnotatorFilter.everyone()
    assert menu(app).show_everyone_action.isChecked()
    assert [who for _quote, who in listed(app)] == ["bob", "tester", "carol"]
    assert all(app.background_at(s) is not None for s in starts.values())
    assert strip_labels() == {"refusal", "statistic"}
    assert "3 annotations" in window.counts_label.text()
    assert window.documents_model.documents()[0].annotation_count == 3

    # Mine only.
    choose(app, "Show &mine only (tester)")
    assert listed(app) == [(MINE_PHRASE, "tester")]
    assert app.background_at(starts["tester"]) == label_tint(STATISTIC)
    assert app.background_at(starts["bob"]) is None
    assert app.background_at(starts["carol"]) is None
    assert starting_markers() == [starts["tester"]]
    assert strip_labels() == {"statistic"}
    assert "1 annotation (claim 0 · refusal 1" not in window.counts_label.text()
    assert "1 annotation (claim 0 · refusal 0 · statistic 1)" in window.counts_label.text()
    assert window.documents_model.documents()[0].annotation_count == 1
    assert window.annotator_button.text() == "Annotating as tester · showing mine (tester) only"
    # Only others' rows need the Annotator column.
    assert window.annotations_view.isColumnHidden(AnnotationTableModel.ANNOTATOR_COLUMN)

    # One chosen annotator.
    annotator_menu = menu(app)
    assert [a.text() for a in annotator_menu.show_only_menu.actions()] == [
        "bob",
        "carol",
        "tester",
    ]
    choose(app, "Show &only", "bob")
    assert listed(app) == [(BOB_PHRASE, "bob")]
    assert app.background_at(starts["bob"]) is not None
    assert app.background_at(starts["tester"]) is None
    assert starting_markers() == [starts["bob"]]
    assert strip_labels() == {"refusal"}
    assert "1 annotation (claim 0 · refusal 1 · statistic 0)" in window.counts_label.text()
    assert window.annotator_button.text() == "Annotating as tester · showing bob's only"
    assert menu(app).show_only_action("bob").isChecked()
    assert not menu(app).show_everyone_action.isChecked()
    assert not window.annotations_view.isColumnHidden(AnnotationTableModel.ANNOTATOR_COLUMN)
    window.close()

    # Remembered for the next launch.
    again = make_window()
    assert again.window.annotator_filter == AnnotatorFilter.of("bob")
    assert listed(again) == [(BOB_PHRASE, "bob")]
    choose(again, "Show &everyone's annotations")
    assert len(listed(again)) == 3


def test_mine_follows_the_current_annotator(make_window, db_path):
    starts = seed_three_annotators(db_path)
    app = make_window()
    choose(app, "Show &mine only (tester)")
    assert listed(app) == [(MINE_PHRASE, "tester")]
    choose(app, "&Work as", "carol")
    assert listed(app) == [(CAROL_PHRASE, "carol")]
    assert app.background_at(starts["carol"]) == label_tint(STATISTIC)  # her own now
    assert app.background_at(starts["tester"]) is None


def test_keyboard_navigation_delete_and_undo_skip_what_the_filter_hides(
    make_window, db_path, qtbot
):
    starts = seed_three_annotators(db_path)
    app = make_window()
    window = app.window
    mine = app.tag("Hong Kong Police Commissioner", Qt.Key.Key_1)
    choose(app, "Show &mine only (tester)")
    app.click_at(0)
    visited = []
    for _ in range(4):
        app.key(Qt.Key.Key_F8)
        visited.append(window.current_annotation().start)
    assert visited == [mine, starts["tester"], mine, starts["tester"]]  # never bob's or carol's
    app.key(Qt.Key.Key_Delete)  # the tester's statistic, selected last
    assert ("statistic", starts["tester"], starts["tester"] + 20, "tester") not in (
        db_annotations(db_path)
    )
    assert listed(app) == [("Hong Kong Police Commissioner", "tester")]
    app.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(db_annotations(db_path)) == 4
    assert [quote for quote, _who in listed(app)] == ["Hong Kong Police Commissioner", MINE_PHRASE]
    assert window.current_annotation().start == starts["tester"]


def test_undoing_a_change_to_a_hidden_annotation_keeps_it_hidden(make_window, db_path):
    starts = seed_three_annotators(db_path)
    app = make_window()
    app.click_at(starts["bob"] + 1)  # bob's refusal, shown while everyone's are
    assert app.window.current_annotation().annotator == "bob"
    app.key(Qt.Key.Key_Delete)
    assert len(db_annotations(db_path)) == 2
    choose(app, "Show &mine only (tester)")
    app.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ("refusal", starts["bob"], starts["bob"] + len(BOB_PHRASE), "bob") in (
        db_annotations(db_path)
    )
    assert listed(app) == [(MINE_PHRASE, "tester")]
    assert app.background_at(starts["bob"]) is None
    assert "1 annotation " in app.window.counts_label.text()


def test_a_tag_hidden_by_the_filter_is_stored_and_said_so(make_window, db_path):
    seed_three_annotators(db_path)
    app = make_window()
    choose(app, "Show &only", "bob")
    start = app.tag("Hong Kong Police Commissioner", Qt.Key.Key_1)
    assert ("claim", start, start + 29, "tester") in db_annotations(db_path)
    assert listed(app) == [(BOB_PHRASE, "bob")]
    assert app.background_at(start) is None
    message = app.window.statusBar().currentMessage()
    assert "as tester; not shown" in message and "bob's annotations only" in message
    assert app.window.documents_model.documents()[0].annotation_count == 1  # bob's


def test_changes_from_another_window_arrive_through_the_filter(make_window, db_path):
    seed_three_annotators(db_path)
    app = make_window()
    choose(app, "Show &mine only (tester)")
    other = open_store(str(db_path))
    try:
        doc = other.documents()[0].id
        text = other.document(doc).text
        for who, phrase in (("bob", "surveillance equipment"), ("tester", "facial recognition")):
            start = text.index(phrase)
            other.add_annotation(doc, "claim", start, start + len(phrase), who)
    finally:
        other.close()
    app.qtbot.waitUntil(lambda: len(listed(app)) == 2, timeout=3000)
    assert sorted(listed(app)) == [(MINE_PHRASE, "tester"), ("facial recognition", "tester")]
    assert app.background_at(app.text.index("surveillance equipment")) is None
    assert app.window.documents_model.documents()[0].annotation_count == 2


# -- telling annotators apart ------------------------------------------------------------


def underline(fmt: QTextCharFormat) -> tuple[QTextCharFormat.UnderlineStyle, str] | None:
    if fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline:
        return None
    return fmt.underlineStyle(), fmt.underlineColor().name()


def test_others_spans_are_lighter_and_underlined_in_their_colour(make_window, db_path):
    starts = seed_three_annotators(db_path)
    app = make_window()
    dashes = QTextCharFormat.UnderlineStyle.DashUnderline
    # Mine: the label's tint, no underline.
    mine = app.format_at(starts["tester"])
    assert mine.background().color() == label_tint(STATISTIC)
    assert underline(mine) is None
    # Bob's and carol's: a lighter tint of their label, dashes in each one's colour.
    bob, carol = app.format_at(starts["bob"]), app.format_at(starts["carol"])
    assert bob.background().color() == label_tint(REFUSAL, TINT * OTHERS_TINT)
    assert carol.background().color() == label_tint(STATISTIC, TINT * OTHERS_TINT)
    assert underline(bob) == (dashes, annotator_color("bob"))
    assert underline(carol) == (dashes, annotator_color("carol"))
    # The list names them beside their colour; tooltips name them.
    model = app.window.annotations_model
    column = AnnotationTableModel.ANNOTATOR_COLUMN
    row = model.row_of(app.window.text_view.annotation_ids_at(starts["bob"])[-1])
    assert model.data(model.index(row, column)) == "bob"
    swatch = model.data(model.index(row, column), Qt.ItemDataRole.DecorationRole)
    assert swatch.name() == annotator_color("bob")
    assert "by bob" in model.data(model.index(row, 1), Qt.ItemDataRole.ToolTipRole)
    tip = app.window.describe_annotations(app.view.annotation_ids_at(starts["bob"] + 2))
    assert tip == f"refusal {starts['bob']}–{starts['bob'] + len(BOB_PHRASE)} by bob"
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Annotator"

    # Working as bob: his are drawn as one's own, tester's as another's.
    choose(app, "&Work as", "bob")
    assert app.background_at(starts["bob"]) == label_tint(REFUSAL)
    assert underline(app.format_at(starts["bob"])) is None
    assert underline(app.format_at(starts["tester"])) == (dashes, annotator_color("tester"))
    # A fresh tag is one's own at once.
    start = app.tag("Hong Kong Police Commissioner", Qt.Key.Key_1)
    assert app.background_at(start) == label_tint(CLAIM)
    assert underline(app.format_at(start)) is None


def test_one_annotator_alone_looks_as_before(app):
    start = app.tag(MINE_PHRASE, Qt.Key.Key_3)
    assert app.background_at(start) == label_tint(STATISTIC)
    assert underline(app.format_at(start)) is None
    assert app.window.annotations_view.isColumnHidden(AnnotationTableModel.ANNOTATOR_COLUMN)
