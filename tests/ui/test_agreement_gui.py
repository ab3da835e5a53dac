"""View ▸ Agreement: the window driven with keys and clicks, read as the user reads it."""

from __future__ import annotations

import json

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from annotator.app.opening import open_store
from annotator.core.agreement import Marked, agreement_report
from annotator.core.model import NewDocument
from annotator.main import main
from tests.ui.conftest import db_annotations

BUDGET = (
    "The minister said 615 people were arrested. Police refused to comment on the "
    "90,000 figure. Officials claim growth of 12 percent."
)
PRESS = "Second statement: officials claim 3 arrests and 40 percent support."
MARKS = [
    ("alice", "budget", "statistic", "615 people"),
    ("bob", "budget", "statistic", "615"),
    ("carol", "budget", "statistic", "615 people"),
    ("alice", "budget", "claim", "The minister said 615 people were arrested"),
    ("bob", "budget", "claim", "The minister said 615 people were arrested"),
    ("carol", "budget", "refusal", "refused to comment"),
    ("alice", "budget", "statistic", "12 percent"),
    ("bob", "budget", "statistic", "12 percent"),
    ("alice", "press", "statistic", "3 arrests"),
    ("bob", "press", "statistic", "40 percent"),
    ("alice", "press", "claim", "officials claim 3 arrests and 40 percent support"),
]


def populate(db_path) -> dict[str, str]:
    """Two documents annotated by alice, bob and carol; the budget marked done."""
    store = open_store(str(db_path))
    try:
        texts = {"budget": ("Budget report", BUDGET), "press": ("Press release", PRESS)}
        results = store.import_documents(
            [NewDocument(title, f"{key}.txt", text) for key, (title, text) in texts.items()]
        )
        ids = {key: r.document.id for key, r in zip(texts, results, strict=True)}
        for who, key, label, phrase in MARKS:
            start = texts[key][1].index(phrase)
            store.add_annotation(ids[key], label, start, start + len(phrase), who)
        store.set_done(ids["budget"], True)
    finally:
        store.close()
    return ids


def expected(ids, keys=("budget", "press"), annotators=None):
    texts = {"budget": BUDGET, "press": PRESS}
    marks = []
    for who, key, label, phrase in MARKS:
        if key in keys and (annotators is None or who in annotators):
            start = texts[key].index(phrase)
            marks.append(Marked(who, ids[key], label, start, start + len(phrase)))
    return agreement_report([(ids[k], texts[k]) for k in keys], marks)


def cells(dialog):
    table = dialog.table
    return [
        tuple(table.item(r, c).text() for c in range(table.columnCount()))
        for r in range(table.rowCount())
    ]


def row(dialog, scope, measure, annotators):
    found = [c for c in cells(dialog) if c[:3] == (scope, measure, annotators)]
    assert len(found) == 1, (scope, measure, annotators)
    return found[0]


def press_space_on(app, view, name):
    """Make ``name`` current in the list and press Space, as a keyboard user does."""
    item = view.findItems(name, Qt.MatchFlag.MatchExactly)[0]
    view.setFocus()
    view.setCurrentItem(item)
    app.qtbot.keyClick(view, Qt.Key.Key_Space)
    return item


def test_agreement_window_reports_filters_and_saves_what_the_cli_prints(
    make_window, db_path, tmp_path, monkeypatch, capsys
):
    ids = populate(db_path)
    before = db_annotations(db_path)
    app = make_window(show_document=ids["budget"])
    app.key(Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = app.window._agreement_dialog
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(6)]
    assert headers == ["Scope", "Measure", "Annotators", "Value", "Documents", "Tokens"]
    assert "a token an annotator left unlabelled counts as 'no label'" in dialog.units.text()
    assert "a token is a maximal run of word characters" in dialog.units.text()
    assert "Documents: 2 chosen, 2 annotated by at least two" in dialog.summary.text()
    report = expected(ids)
    kappa = report.get("cohen_kappa", None, ("alice", "bob"))
    assert row(dialog, "All labels", "Cohen's kappa", "alice, bob") == (
        "All labels",
        "Cohen's kappa",
        "alice, bob",
        f"{kappa.value:.3f}",
        "2",
        str(kappa.tokens),
    )
    f1 = report.get("span_f1_overlap", "statistic", ("alice", "bob"))
    assert row(dialog, "statistic", "span F1, overlapping", "alice, bob")[3:] == (
        f"{f1.value:.3f}",
        "2",
        "",
    )
    scopes = {c[0] for c in cells(dialog)}
    assert scopes == {"All labels", "claim", "refusal", "statistic"}

    # Only documents marked done: a click on the checkbox, and the table follows.
    app.qtbot.mouseClick(dialog.done_only, Qt.MouseButton.LeftButton)
    assert dialog.done_only.isChecked()
    done = expected(ids, keys=("budget",))
    kappa = done.get("cohen_kappa", None, ("alice", "bob"))
    assert row(dialog, "All labels", "Cohen's kappa", "alice, bob")[3:] == (
        f"{kappa.value:.3f}",
        "1",
        str(kappa.tokens),
    )
    assert {c[4] for c in cells(dialog)} == {"1"}

    # Save JSON: the same file `annotator agreement --done-only --format json` prints.
    target = tmp_path / "agreement.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    app.qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = json.loads(target.read_text(encoding="utf-8"))
    assert main(["agreement", "--db", str(db_path), "--done-only", "--format", "json"]) == 0
    assert saved == json.loads(capsys.readouterr().out)

    # Uncheck carol and bob with the keyboard: one annotator is not enough, and it says so.
    for name in ("carol", "bob"):
        item = press_space_on(app, dialog.annotators, name)
        assert item.checkState() == Qt.CheckState.Unchecked
    assert dialog.message.isVisible()
    assert "at least two annotators; only 'alice' was chosen" in dialog.message.text()
    assert dialog.table.rowCount() == 0
    assert not dialog.save_button.isEnabled() and not dialog.copy_button.isEnabled()
    press_space_on(app, dialog.annotators, "carol")
    assert {c[2] for c in cells(dialog)} == {"alice, carol"}
    assert not dialog.message.isVisible()

    # Copy puts the table on the clipboard, tab-separated, headers first.
    app.qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    lines = QApplication.clipboard().text().splitlines()
    assert lines[0] == "Scope\tMeasure\tAnnotators\tValue\tDocuments\tTokens"
    assert [tuple(line.split("\t")) for line in lines[1:]] == cells(dialog)
    assert db_annotations(db_path) == before  # a report changes nothing


def test_current_document_labels_and_a_fresh_tag(make_window, db_path):
    ids = populate(db_path)
    app = make_window(show_document=ids["press"])
    # View ▸ Agreement…, clicked in the open menu.
    view_menu = next(a.menu() for a in app.window.menuBar().actions() if a.text() == "&View")
    view_menu.popup(app.window.mapToGlobal(QPoint(0, 0)))
    app.qtbot.waitExposed(view_menu)
    where = view_menu.actionGeometry(app.window.agreement_action).center()
    app.qtbot.mouseClick(view_menu, Qt.MouseButton.LeftButton, pos=where)
    dialog = app.window._agreement_dialog
    assert "Press release" in dialog.current_document.text()
    app.qtbot.mouseClick(dialog.current_document, Qt.MouseButton.LeftButton)
    assert dialog.current_document.isChecked()
    assert "Documents: 1 chosen" in dialog.summary.text()
    press = expected(ids, keys=("press",))
    kappa = press.get("cohen_kappa", None, ("alice", "bob"))
    assert row(dialog, "All labels", "Cohen's kappa", "alice, bob")[3:] == (
        f"{kappa.value:.3f}",
        "1",
        "12",
    )
    assert {c[2] for c in cells(dialog) if c[1] == "Cohen's kappa"} == {"alice, bob"}

    # One label: the all-labels scope becomes the chosen labels, the others go away.
    for name in ("claim", "refusal"):
        press_space_on(app, dialog.labels, name)
    assert {c[0] for c in cells(dialog)} == {"All chosen labels", "statistic"}
    assert "Filters: documents “Press release”; labels statistic" in dialog.summary.text()

    # Tag in the window as the current user, reopen the report: a new annotator appears.
    app.window.activateWindow()
    app.qtbot.waitUntil(lambda: QApplication.activeWindow() is app.window)
    app.tag("3 arrests and 40 percent", Qt.Key.Key_3)  # statistic
    start = PRESS.index("3 arrests and 40 percent")
    assert ("statistic", start, start + 24, "tester") in db_annotations(db_path)
    app.key(Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert app.window._agreement_dialog is dialog
    names = [dialog.annotators.item(i).text() for i in range(dialog.annotators.count())]
    assert names == ["alice", "bob", "carol", "tester"]
    assert dialog.current_document.isChecked()  # choices kept across a refresh
    # Bob's "40 percent" lies inside tester's span: no exact match, one overlapping.
    assert row(dialog, "statistic", "span F1, exact", "bob, tester")[3:] == ("0.000", "1", "")
    assert row(dialog, "statistic", "span F1, overlapping", "bob, tester")[3] == "1.000"
