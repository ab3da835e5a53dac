"""Regenerate docs/main-window.png and docs/retrieve-window.png: the real main window on
the seed article after a few minutes of annotating, and the Retrieve window listing its
refusals. Run under a virtual X server: ``make screenshot`` (xvfb-run).

It works on a throwaway database and settings folder, never on yours.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET = HERE / "main-window.png"
RETRIEVE = HERE / "retrieve-window.png"
# Further refusals, tagged before the Retrieve window is opened on every refusal.
REFUSALS = [
    "he was told that no such statistics were kept",
    "Nor was he told whether they had automatic tracking or facial-recognition capabilities",
    "He was also not told whether the police had tried to identify individuals",
    "it is not appropriate for disclosure",
]

# What a researcher marks in the seed article: (phrase, label, attributes, note).
WORK = [
    (
        "Hong Kong Police Commissioner Raymond Siu assures that the cameras will not "
        "compromise the privacy of citizens",
        "claim",
        {"speaker": "Raymond Siu", "stance": "supports"},
        None,
    ),
    (
        "2,000 new security cameras",
        "statistic",
        {"value": 2000, "unit": "cameras", "what_counted": "new security cameras"},
        None,
    ),
    (
        "refused to answer questions about the surveillance equipment",
        "refusal",
        {"what_requested": "number, location, capabilities of cameras"},
        "No reason given.",
    ),
    ("615 new CCTV cameras", "statistic", {"value": 615, "unit": "cameras"}, None),
    ("90,000 in Singapore", "statistic", {"value": 90000, "unit": "cameras"}, None),
]


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="annotator-shot-"))
    os.environ.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        ANNOTATOR_USER="researcher",
    )
    os.environ.pop("ANNOTATOR_DB", None)

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from annotator.app.opening import open_store
    from annotator.ui.app import application, create_window

    app = application("light")
    store = open_store(str(home / "shot.db"), seed=True)
    window = create_window(store)
    window.resize(1360, 800)
    window.show()
    QTest.qWaitForWindowExposed(window)
    view = window.text_view
    for phrase, label, values, note in WORK:
        start = window.document.text.index(phrase)
        view.setFocus()
        view.select_span(start, start + len(phrase))
        window.tag_selection(label)  # what the label key does
        tagged = next(
            a
            for a in window.annotations_model.annotations()
            if a.start == start and a.label == label
        )
        if values:
            window.set_attributes(tagged.id, next(iter(values)), values)
        if note:
            window.details.note.setPlainText(note)
            window.set_note(tagged.id, note)
    # Leave the refusal selected, so the details panel shows its attributes and note.
    start = window.document.text.index("refused to answer")
    view.setFocus()
    view.place_caret(start + 3)
    view.ensureCursorVisible()
    point = view.cursorRect().center()
    view.place_caret(0)  # the click below moves the caret, as a user's click does
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    QTest.qWait(300)
    app.processEvents()
    window.grab().save(str(TARGET))
    print(f"wrote {TARGET}")
    for phrase in REFUSALS:
        start = window.document.text.index(phrase)
        view.select_span(start, start + len(phrase))
        window.tag_selection("refusal")
    retrieve = window.show_retrieve()
    retrieve.resize(1360, 420)
    QTest.qWaitForWindowExposed(retrieve)
    retrieve.filters.label_buttons["refusal"].click()
    QTest.qWait(300)
    app.processEvents()
    retrieve.grab().save(str(RETRIEVE))
    print(f"wrote {RETRIEVE}")
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
