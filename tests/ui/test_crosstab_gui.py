"""View ▸ Cross-tabulation, driven as a user drives it: the label and the breakdown chosen
in the lists, the table and chart read, both saved and read back, the window following
edits; the Statistics window's button opens it."""

from __future__ import annotations

import csv
from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from annotator.app.opening import open_store
from annotator.core.model import NewDocument


def cells(dialog):
    table = dialog.table
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def headers(dialog):
    table = dialog.table
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


def choose(app, combo, text):
    """Pick ``text`` in a list by typing its first word (a space would open the list)."""
    app.qtbot.wait(QApplication.keyboardInputInterval() + 50)  # a new search, not more of one
    combo.setFocus()
    app.qtbot.keyClicks(combo, text.split(" ")[0])
    assert combo.currentText() == text


def focus_main(app):
    app.window.activateWindow()
    app.qtbot.waitUntil(lambda: QApplication.activeWindow() is app.window)


# Statistics with their values and annotators, in two documents with different authors
# and years; a claim too. The expected counts below are made from this list alone.
STATS = [
    ("Report", "40 cameras", "ana", 40),
    ("Report", "12 more", "bo", 12),
    ("Report", "30 towers", "ana", 30.0),
    ("Memo", "40 of them", "bo", 40.0),
    ("Memo", "5 schools", "bo", None),
]
TEXTS = {
    "Report": "Police said 40 cameras and 30 towers were installed; 12 more would follow.\n",
    "Memo": "The bureau counted 40 of them near 5 schools. It said nothing else.\n",
}


def populate(db_path):
    store = open_store(str(db_path))
    store.import_documents(
        [
            NewDocument("Report", "hkfp.org", TEXTS["Report"], author="Lee", published="2024-03"),
            NewDocument("Memo", "scmp.com", TEXTS["Memo"], author="Chan", published="2023"),
        ]
    )
    ids = {d.title: d.id for d in store.documents()}
    for title, phrase, who, value in STATS:
        start = TEXTS[title].index(phrase)
        made = store.add_annotation(ids[title], "statistic", start, start + len(phrase), who)
        if value is not None:
            store.set_attributes(made, {"value": value})
    start = TEXTS["Memo"].index("It said")
    store.add_annotation(ids["Memo"], "claim", start, start + 7, "ana")
    store.close()


def expected_by_value():
    """(category, count) most frequent first, ties by value, (none) last."""
    counts = Counter(
        "(none)" if v is None else str(int(v)) if v == int(v) else str(v) for *_, v in STATS
    )
    named = sorted((c for c in counts if c != "(none)"), key=lambda c: (-counts[c], float(c)))
    return [(c, counts[c]) for c in named] + [("(none)", counts["(none)"])]


def test_a_label_by_an_attribute_shown_saved_and_following_edits(
    make_window, db_path, tmp_path, monkeypatch
):
    populate(db_path)
    app = make_window()
    app.key(Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = app.window._crosstab_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Cross-tabulation" and not dialog.isModal()
    labels = [dialog.label_combo.itemText(i) for i in range(dialog.label_combo.count())]
    assert labels == ["claim", "refusal", "statistic", "All labels"]

    choose(app, dialog.label_combo, "statistic")
    breakdowns = [dialog.by_combo.itemText(i) for i in range(dialog.by_combo.count())]
    assert breakdowns == [
        "Annotator", "Author", "Source", "Publication year",
        "Attribute: value", "Attribute: unit", "Attribute: what_counted",
    ]  # fmt: skip
    choose(app, dialog.by_combo, "Attribute: value")
    total = len(STATS)
    want = expected_by_value()
    assert headers(dialog) == ["Category", "Count", "Share"]
    assert cells(dialog) == [
        *([c, str(n), f"{n / total:.1%}"] for c, n in want),
        ["Total", str(total), "100.0%"],
    ]
    bars = [(bar.label, bar.corpus) for bar in dialog.chart.bars]
    assert bars == want

    # Save the table and the chart, as the buttons ask for files.
    answer = {"path": str(tmp_path / "by-value.csv")}
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (answer["path"], ""))
    app.qtbot.mouseClick(dialog.save_table_button, Qt.MouseButton.LeftButton)
    with open(tmp_path / "by-value.csv", encoding="utf-8", newline="") as saved:
        rows = list(csv.DictReader(saved))
    assert [(r["category"], int(r["count"]), float(r["share"])) for r in rows] == [
        (c, n, round(n / total, 4)) for c, n in want
    ]
    answer["path"] = str(tmp_path / "by-value.png")
    app.qtbot.mouseClick(dialog.save_chart_button, Qt.MouseButton.LeftButton)
    image = QImage(str(tmp_path / "by-value.png"))
    assert not image.isNull() and image.width() == dialog.chart.width() * image.devicePixelRatio()
    centre = dialog.chart.bar_rect(0, "corpus").center()
    ratio = image.devicePixelRatio()
    pixel = image.pixelColor(int(centre.x() * ratio), int(centre.y() * ratio))
    assert pixel.name() == "#009e73"  # the statistic label's colour

    # A statistic tagged in the main window counts at once, under (none).
    focus_main(app)
    app.window.open_document(next(d.id for d in app.window.store.documents() if d.title == "Memo"))
    app.tag("nothing else", Qt.Key.Key_3)
    none_row = ["(none)", "2", f"{2 / (total + 1):.1%}"]
    app.qtbot.waitUntil(lambda: cells(dialog)[len(want) - 1] == none_row)
    # And undoing it takes it away again.
    app.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    app.qtbot.waitUntil(lambda: cells(dialog)[-1] == ["Total", str(total), "100.0%"])


def test_document_fields_annotators_and_every_label(make_window, db_path):
    populate(db_path)
    app = make_window()
    dialog = app.window.show_crosstab()
    choose(app, dialog.label_combo, "statistic")
    choose(app, dialog.by_combo, "Author")
    by_author = Counter({"Report": "Lee", "Memo": "Chan"}[doc] for doc, *_ in STATS)
    assert cells(dialog)[:-1] == [
        [a, str(n), f"{n / len(STATS):.1%}"] for a, n in by_author.most_common()
    ]
    choose(app, dialog.by_combo, "Publication year")
    assert [row[:2] for row in cells(dialog)] == [["2024", "3"], ["2023", "2"], ["Total", "5"]]
    choose(app, dialog.by_combo, "Source")
    assert [row[0] for row in cells(dialog)] == ["hkfp.org", "scmp.com", "Total"]

    # Every label: a column per label, then the total and its share; the breakdown stays.
    choose(app, dialog.by_combo, "Annotator")
    choose(app, dialog.label_combo, "All labels")
    assert dialog.by_combo.currentText() == "Annotator"
    assert headers(dialog) == ["Category", "claim", "refusal", "statistic", "Total", "Share"]
    per = Counter(who for _d, _p, who, _v in STATS)
    per["ana"] += 1  # the claim
    assert cells(dialog) == [
        ["ana", "1", "0", str(per["ana"] - 1), str(per["ana"]), f"{per['ana'] / 6:.1%}"],
        ["bo", "0", "0", str(per["bo"]), str(per["bo"]), f"{per['bo'] / 6:.1%}"],
        ["Total", "1", "0", "5", "6", "100.0%"],
    ]
    assert [(b.label, b.corpus) for b in dialog.chart.bars] == [("ana", 3), ("bo", 3)]


def test_the_statistics_window_links_to_it(app):
    app.tag("615", Qt.Key.Key_3)
    app.key(Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    stats = app.window._stats_dialog
    assert stats.isVisible() and app.window._crosstab_dialog is None
    app.qtbot.mouseClick(stats.crosstab_button, Qt.MouseButton.LeftButton)
    dialog = app.window._crosstab_dialog
    assert dialog is not None and dialog.isVisible()
    assert cells(dialog) == [["Total", "0", "—"]]  # claims, the first label: none yet
    choose(app, dialog.label_combo, "statistic")
    assert cells(dialog) == [["tester", "1", "100.0%"], ["Total", "1", "100.0%"]]
    assert dialog.chart.bars[0].color == "#009e73"


def test_reopening_rereads_and_a_failed_save_says_why(make_window, db_path, tmp_path, monkeypatch):
    populate(db_path)
    app = make_window()
    dialog = app.window.show_crosstab()
    choose(app, dialog.label_combo, "claim")
    assert cells(dialog) == [["ana", "1", "100.0%"], ["Total", "1", "100.0%"]]
    dialog.close()
    # Another process tags a claim while the window is closed; reopening shows it.
    other = open_store(str(db_path))
    memo = next(d.id for d in other.documents() if d.title == "Memo")
    other.add_annotation(memo, "claim", 0, 3, "cy")
    other.close()
    focus_main(app)
    app.key(Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert dialog.isVisible() and dialog.label_combo.currentText() == "claim"
    assert cells(dialog) == [["ana", "1", "50.0%"], ["cy", "1", "50.0%"], ["Total", "2", "100.0%"]]

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text, *a: warnings.append(text))
    target = tmp_path / "missing" / "claims.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    app.qtbot.mouseClick(dialog.save_table_button, Qt.MouseButton.LeftButton)
    assert len(warnings) == 1 and str(target) in warnings[0] and "does not exist" in warnings[0]
    assert not target.parent.exists()


def test_the_chart_shows_the_thirty_most_frequent_and_the_table_every_category(
    make_window, db_path
):
    store = open_store(str(db_path))
    text = "word " * 40
    [made] = store.import_documents([NewDocument("Many hands", "many.txt", text)])
    for i in range(35):  # annotator i tags i + 1 words
        for w in range(i + 1 if i < 5 else 1):
            store.add_annotation(made.document.id, "claim", 5 * w, 5 * w + 4, f"coder{i:02}")
    store.close()
    app = make_window()
    dialog = app.window.show_crosstab()
    assert dialog.label_combo.currentText() == "claim"
    assert dialog.by_combo.currentText() == "Annotator"
    assert dialog.table.rowCount() == 35 + 1
    assert [b.label for b in dialog.chart.bars][:6] == [
        "coder04", "coder03", "coder02", "coder01", "coder00", "coder05",
    ]  # fmt: skip
    assert len(dialog.chart.bars) == 30
    assert dialog.chart.title == "Annotations of 'claim' by annotator (the 30 most frequent of 35)"
