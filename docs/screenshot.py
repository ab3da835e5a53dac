"""Regenerate the screenshots kept in docs/: the main window on the seed article after a
few minutes of annotating (main-window.png) and the Retrieve window listing its refusals
(retrieve-window.png), then the first launch, a 1024×640 window, the dark and
high-contrast themes and the Traditional Chinese interface. Run under a virtual X server:
``make screenshot`` (all of them) or ``xvfb-run -a -s "-screen 0 1600x1000x24" python
docs/screenshot.py NAME`` (one).

Each shot runs in a process of its own (a theme and a language are per process), on a
throwaway database and settings folder, never yours.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
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
EXPLAINED = {"suggestions_explained": True}
SHOTS = {
    # name: (window size, preferences)
    "main-window": ((1360, 800), EXPLAINED),
    "first-launch": ((1360, 800), {}),
    "small-window": ((1024, 640), EXPLAINED),
    "dark": ((1360, 800), {"theme": "dark", **EXPLAINED}),
    "high-contrast": ((1360, 800), {"theme": "high-contrast", **EXPLAINED}),
    "chinese": ((1360, 800), {"language": "zh_Hant", **EXPLAINED}),
}


def shoot(name: str) -> None:
    """One screenshot (two for main-window: the Retrieve window too)."""
    (width, height), chosen = SHOTS[name]
    home = Path(tempfile.mkdtemp(prefix="annotator-shot-"))
    os.environ.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        ANNOTATOR_USER="researcher",
    )
    os.environ.pop("ANNOTATOR_DB", None)
    folder = home / "config" / "annotator"
    folder.mkdir(parents=True)
    (folder / "preferences.json").write_text(json.dumps(chosen), encoding="utf-8")

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from annotator.app import preferences
    from annotator.app.opening import open_store
    from annotator.ui.app import application, create_window

    app = application(preferences.load().theme)
    store = open_store(str(home / "shot.db"), seed=True)
    window = create_window(store)
    window.resize(width, height)
    window.show()
    QTest.qWaitForWindowExposed(window)
    view = window.text_view
    if name != "first-launch":
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
    QTest.qWait(3000)  # the suggestions come from a helper process
    app.processEvents()
    target = HERE / f"{name}.png"
    window.grab().save(str(target))
    print(f"wrote {target}")
    if name == "main-window":
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
        target = HERE / "retrieve-window.png"
        retrieve.grab().save(str(target))
        print(f"wrote {target}")
    store.close()


def main(argv: list[str]) -> int:
    if argv:
        for name in argv:
            if name not in SHOTS:
                print(f"screenshot: no shot {name!r}; one of {', '.join(SHOTS)}", file=sys.stderr)
                return 2
        if len(argv) == 1:
            shoot(argv[0])
            return 0
    for name in argv or SHOTS:
        subprocess.run([sys.executable, __file__, name], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
