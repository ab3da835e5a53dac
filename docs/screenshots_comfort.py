"""Regenerate the comfort screenshots kept in docs/ (issue 23): the first launch, a
1024×640 window, the dark and high-contrast themes, and the Traditional Chinese interface.
Run under a virtual X server: ``xvfb-run -a -s "-screen 0 1600x1000x24" python
docs/screenshots_comfort.py``. Each shot starts from a throwaway database and settings
folder, never yours.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHOTS = {
    # name: (window size, preferences, tag a few spans first)
    "first-launch": ((1360, 800), {}, False),
    "small-window": ((1024, 640), {"suggestions_explained": True}, True),
    "dark": ((1360, 800), {"theme": "dark", "suggestions_explained": True}, True),
    "high-contrast": ((1360, 800), {"theme": "high-contrast", "suggestions_explained": True}, True),
    "chinese": ((1360, 800), {"language": "zh_Hant", "suggestions_explained": True}, True),
}
TAGS = [
    ("Hong Kong Police Commissioner Raymond Siu assures that the cameras will not", "claim"),
    ("2,000 new security cameras", "statistic"),
    ("refused to answer questions about the surveillance equipment", "refusal"),
    ("615 new CCTV cameras", "statistic"),
]


def shoot(name: str) -> None:
    """One screenshot, in a process of its own (a theme and a language are per process)."""
    (width, height), chosen, tag = SHOTS[name]
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
    if tag:
        for phrase, label in TAGS:
            start = window.document.text.index(phrase)
            window.text_view.select_span(start, start + len(phrase))
            window.tag_selection(label)
        window.text_view.place_caret(0)
    QTest.qWait(3000)  # the suggestions come from a helper process
    app.processEvents()
    target = HERE / f"{name}.png"
    window.grab().save(str(target))
    print(f"wrote {target}")
    store.close()


def main(argv: list[str]) -> int:
    if argv:
        shoot(argv[0])
        return 0
    for name in SHOTS:
        subprocess.run([sys.executable, __file__, name], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
