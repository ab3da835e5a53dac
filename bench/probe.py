"""Run by the benchmark suite in a fresh process: launch the window on a database the way
``annotator --db`` does, and report on stdout when it is interactive (shown and painted)
and how much memory the process holds then.

    python bench/probe.py DATABASE [DOCUMENT_ID]
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    from PySide6.QtCore import QTimer

    from annotator.app.opening import open_store
    from annotator.ui.app import application, create_window, settle

    app = application()
    store = open_store(sys.argv[1], seed=True)
    window = create_window(store, sys.argv[2] if len(sys.argv) > 2 else None)
    window.show()
    settle()  # as run() does

    def ready() -> None:
        window.repaint()
        # The parent times the whole launch, interpreter start included, up to this line.
        print(f"ready {time.perf_counter():.6f} rss_mb {rss_mb():.1f}", flush=True)
        app.quit()

    QTimer.singleShot(0, ready)  # after the first events: the window is up
    app.exec()
    store.close()


if __name__ == "__main__":
    main()
