"""Accepting every suggestion in the window and ``annotator suggest --apply`` store the
same annotations for the same database (one rule in annotator.core.suggest decides)."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime

from PySide6.QtWidgets import QApplication

from annotator.app.opening import open_store
from annotator.core.model import Annotation, NewDocument
from annotator.main import main
from tests.ui.test_suggestions_gui import click_entry, suggestions_menu

# Real reporting forms, and a second document so the command line must keep to one.
TEXT = (
    "Council refuses to publish audit\n\n"
    "The council said on Monday that 1,200 complaints had been received, up from 850. "
    "A spokeswoman declined to say how many were upheld. 😀 Requests for the audit were "
    "denied, and the finance director did not respond to questions.\n"
)
OTHER = "Another report\n\nPolice said 40 officers were hurt. The mayor declined to comment.\n"
# (The other document's hand tag stays: both databases start with it.)


def stored(path):
    with sqlite3.connect(path) as conn:
        return sorted(
            conn.execute(
                "SELECT document_id, label, start_offset, end_offset, source, rule FROM annotations"
            ).fetchall()
        )


def test_window_accept_all_and_cli_apply_store_the_same(make_window, db_path, tmp_path):
    store = open_store(str(db_path), seed=True)
    [report, other] = store.import_documents(
        [NewDocument("Audit", "audit.txt", TEXT), NewDocument("Other", "other.txt", OTHER)]
    )
    # A hand tag of "declined to" in the other document: learned, it is suggested in the
    # audit inside the rules' longer refusal, so two refusal suggestions overlap there.
    start = OTHER.index("declined to")
    moment = datetime(2026, 1, 1, tzinfo=UTC)
    hand = Annotation(
        "h1", other.document.id, "refusal", start, start + 11, None, "ana", moment, moment
    )
    store.apply_change([hand], [])
    store.close()
    copy = tmp_path / "copy.db"
    shutil.copy(db_path, copy)

    app = make_window(show_document=report.document.id)
    suggestions = app.window.suggestions
    app.qtbot.waitUntil(lambda: suggestions.ready, timeout=10000)
    labels = sorted({s.label for s in suggestions.open_suggestions})
    assert {"claim", "refusal", "statistic"} <= set(labels)
    refusals = [s for s in suggestions.open_suggestions if s.label == "refusal"]
    assert any(a.start < b.end and b.start < a.end for a in refusals for b in refusals if a != b), (
        refusals
    )  # the case the one rule decides
    for label in labels:
        QApplication.processEvents()
        submenu = click_entry(app, suggestions_menu(app), "Accept all of a label")
        click_entry(app, submenu, f"acceptAll:{label}")
    assert not suggestions.open_suggestions

    assert main(["suggest", "--db", str(copy), "--document", "Audit", "--apply"]) == 0
    window_rows, cli_rows = stored(db_path), stored(copy)
    mine = [r for r in window_rows if r[0] == report.document.id]
    assert mine and window_rows == cli_rows
    made = [r for r in mine if r[1] == "refusal"]
    assert not any(a[2] < b[3] and b[2] < a[3] for a in made for b in made if a != b)
