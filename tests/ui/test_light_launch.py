"""The window's launch loads only what it shows: the dialogs, analyses and formats come
when their action is first used, and the suggestion helper process starts after the first
paint, or not at all with suggestions hidden.

Each check runs the window in a fresh interpreter (offscreen) and reports what it had
imported and which processes it had started, at each paint and after.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from annotator.app import preferences
from annotator.app.opening import open_store
from annotator.core.model import NewDocument

ROOT = Path(__file__).resolve().parents[2]
ON_FIRST_USE = (
    "annotator.app.agreement",
    "annotator.app.analysis",
    "annotator.app.exports",
    "annotator.app.imports",
    "annotator.core.importers",  # and lxml, for HTML
    "annotator.formats",
    "annotator.ui.agreement_dialog",
    "annotator.ui.backup_dialog",
    "annotator.ui.cooccurrence_view",
    "annotator.ui.crosstab_view",
    "annotator.ui.curation_view",
    "annotator.ui.encoding_review",
    "annotator.ui.export_dialog",
    "annotator.ui.guide_view",
    "annotator.ui.labels_dialog",
    "annotator.ui.preferences_dialog",
    "annotator.ui.properties_dialog",
    "annotator.ui.reread_dialog",
    "annotator.ui.retrieve_view",
    "annotator.ui.stats_dialog",
    "annotator.ui.team_database",
    "annotator.ui.versions_dialog",
    "lxml",
)

LAUNCH = """
import json, os, sys, time
from PySide6.QtWidgets import QApplication
from annotator.app.opening import open_store
from annotator.ui.app import application, create_window

watched = {watched!r}

def loaded():
    return sorted(m for m in sys.modules if any(m == w or m.startswith(w + ".") for w in watched))

def helpers():
    tasks = f"/proc/{{os.getpid()}}/task"
    return sum(len(open(f"{{tasks}}/{{t}}/children").read().split()) for t in os.listdir(tasks))

app = application()
store = open_store({db!r}, seed=True)
window = create_window(store)
report = {{"built": helpers(), "paints": [], "loaded": None, "after": {{}}}}
window.text_view.add_overlay(lambda _p, _a: report["paints"].append(helpers()))
window.show()
deadline = time.monotonic() + 60
while (not report["paints"] or helpers() < {helpers_wanted}) and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.01)
for _ in range(20):  # a few more turns of the event loop: nothing else starts
    app.processEvents()
    time.sleep(0.01)
report["helpers"] = helpers()
report["loaded"] = loaded()
for name in ("retrieve_action", "agreement_action"):
    getattr(window, name).trigger()
    app.processEvents()
    report["after"][name] = loaded()
report["shown"] = [type(w).__name__ for w in app.topLevelWidgets()
                   if w.isVisible() and w is not window]
window.close()
store.close()
print(json.dumps(report))
"""


def launch(db: Path, helpers_wanted: int) -> dict:
    script = LAUNCH.format(watched=ON_FIRST_USE, db=str(db), helpers_wanted=helpers_wanted)
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def make_database(path: Path) -> Path:
    store = open_store(str(path))
    try:
        text = "The council said 40 cameras were installed.\n"
        store.import_documents([NewDocument(title="Council", source="a.txt", text=text)])
    finally:
        store.close()
    return path


def test_dialogs_analyses_and_formats_load_when_their_action_is_first_used(tmp_path):
    report = launch(make_database(tmp_path / "a.db"), helpers_wanted=1)
    assert report["paints"] and report["loaded"] == []
    retrieve = set(report["after"]["retrieve_action"])
    assert {"annotator.ui.retrieve_view", "annotator.app.analysis"} <= retrieve
    assert "annotator.ui.agreement_dialog" not in retrieve
    agreement = set(report["after"]["agreement_action"]) - retrieve
    assert {"annotator.ui.agreement_dialog", "annotator.app.agreement"} <= agreement
    assert {"RetrieveDialog", "AgreementDialog"} <= set(report["shown"])


def test_the_suggestion_helper_starts_after_the_first_paint(tmp_path):
    report = launch(make_database(tmp_path / "a.db"), helpers_wanted=1)
    assert report["built"] == 0
    assert report["paints"][0] == 0  # the first paint came before the helper
    assert report["helpers"] == 1


def test_no_suggestion_helper_when_suggestions_are_hidden(tmp_path):
    preferences.update(show_suggestions=False)
    report = launch(make_database(tmp_path / "a.db"), helpers_wanted=0)
    assert report["paints"] and set(report["paints"]) == {0}
    assert report["helpers"] == 0
