"""The window and the command line make the same operations of the workspace: the same
steps, done once from the window (menus and keys) and once with ``annotator`` commands,
leave identical databases (import, a rule switched off, accept all)."""

from __future__ import annotations

import shutil
import sqlite3

from PySide6.QtWidgets import QApplication

from annotator.app.opening import open_store
from annotator.main import main
from tests.ui.test_suggestions_gui import choose, click_entry, open_ones, suggestions_menu, walk_to

TEXT = (
    "Council refuses to publish audit\n\n"
    "The council said on Monday that 1,200 complaints had been received, up from 850. "
    "A spokeswoman declined to say how many were upheld. 😀 Requests for the audit were "
    "denied, and the finance director did not respond to questions. Police said 40 "
    "officers were hurt.\n"
)

# What the database holds that an operation decides, without the moments it was done
# (timestamps) and the ids drawn at random for new annotations.
QUERIES = {
    "documents": "SELECT id, title, source, text, sha256, format, encoding, original_name, "
    "version FROM documents",
    "annotations": "SELECT document_id, label, start_offset, end_offset, note, annotator, "
    "attributes, orphaned, version, source, rule FROM annotations",
    "labels": "SELECT name, color, hotkey, description, attributes, position FROM labels",
    "rejections": "SELECT * FROM suggestion_rejections",
    # (Which document the window shows is the window's, not an operation's.)
    "settings": "SELECT key, value FROM settings WHERE key != 'current_document'",
}


def contents(path):
    with sqlite3.connect(path) as conn:
        return {name: sorted(map(repr, conn.execute(sql))) for name, sql in QUERIES.items()}


def test_the_same_steps_in_the_window_and_on_the_command_line_give_one_database(
    make_window, db_path, tmp_path
):
    open_store(str(db_path), seed=True).close()  # both start from the same database
    by_cli = tmp_path / "cli.db"
    shutil.copy(db_path, by_cli)
    paper = tmp_path / "audit.txt"
    paper.write_text(TEXT, encoding="utf-8")

    # In the window: import, switch the first refusal suggestion's rule off, accept all.
    app = make_window()
    window = app.window
    assert window.import_files([paper])
    app.qtbot.waitUntil(lambda: window.document.title == "Council refuses to publish audit")
    suggestions = window.suggestions
    app.qtbot.waitUntil(lambda: suggestions.ready, timeout=10000)
    refusals = [s for s in open_ones(app) if s.label == "refusal"]
    assert len({s.rule for s in refusals}) >= 2  # one rule goes, another stays
    rule_off = refusals[0].rule
    walk_to(app, refusals[0])
    choose(app, f"Stop suggesting «{rule_off}»")
    app.qtbot.waitUntil(lambda: suggestions.ready, timeout=10000)
    labels = sorted({s.label for s in open_ones(app)})
    assert {"claim", "refusal", "statistic"} <= set(labels)
    for label in labels:
        QApplication.processEvents()
        submenu = click_entry(app, suggestions_menu(app), "Accept all of a label")
        click_entry(app, submenu, f"acceptAll:{label}")
    assert not open_ones(app)
    who = window.annotator

    # On the command line, the same steps.
    db = ["--db", str(by_cli)]
    assert main(["import", *db, str(paper)]) == 0
    assert main(["suggest", *db, "--rule-off", rule_off]) == 0
    title = ["--document", "Council refuses"]
    assert main(["suggest", *db, *title, "--apply", "--as", who]) == 0

    window_db, cli_db = contents(db_path), contents(by_cli)
    made = [row for row in window_db["annotations"] if "'suggested'" in row]
    assert len(made) >= 4 and all(repr(who) in row for row in made)
    assert not any(repr(rule_off) in row for row in made)
    for table in QUERIES:
        assert window_db[table] == cli_db[table], table
