"""How fast the Retrieve window answers (issue 22: within 100 ms after the first query) on
the 1,000 documents × 100 annotations of the suite's W4 corpus, in a real main window.

    QT_QPA_PLATFORM=offscreen python bench/retrieve_window.py [--repeat N]   (make bench)

Times, from a filter's change to the rows shown (the table painted): the first opening
(the corpus read), then each query of a researcher's session. Prints medians of N runs
(default 5). Nothing here asserts.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from PySide6.QtWidgets import QApplication  # noqa: E402
from workloads import corpus_set  # noqa: E402

from annotator.app.opening import open_store  # noqa: E402
from annotator.store import Store  # noqa: E402
from annotator.ui.app import create_window  # noqa: E402


def timed(app: QApplication, act: Callable[[], object]) -> float:
    start = time.perf_counter()
    act()
    app.processEvents()  # the table repaints
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "w4.db")
        store = Store.open(path)
        store.import_bundle([], [("bench", corpus_set())])
        store.close()
        store = open_store(path)
        window = create_window(store, None)
        window.resize(1400, 900)
        window.show()
        settle = time.perf_counter() + 4  # the launch's own reading (suggestions) first
        while time.perf_counter() < settle:
            app.processEvents()
            time.sleep(0.01)
        first = timed(app, window.show_retrieve)
        dialog = window._retrieve_dialog
        filters = dialog.filters
        print(f"{'first opening: corpus read, every annotation':<52} {first * 1000:8.0f} ms")

        def query(set_up: Callable[[], object]) -> Callable[[], object]:
            def run() -> object:
                filters._quiet = True  # set the controls; then one query, as after typing
                set_up()
                filters._quiet = False
                return dialog.run_query()

            return run

        cases: dict[str, Callable[[], object]] = {
            "every annotation (100,000 rows)": query(lambda: None),
            "one label clicked": query(lambda: filters.label_buttons["refusal"].setChecked(True)),
            "plain text typed (every label)": query(
                lambda: (
                    filters.label_buttons["refusal"].setChecked(False),
                    filters.match.setText("police"),
                )
            ),
            "regular expression": query(
                lambda: (filters.regex.setChecked(True), filters.match.setText(r"\bcamera"))
            ),
            "annotator and published since": query(
                lambda: (
                    filters.regex.setChecked(False),
                    filters.match.setText(""),
                    filters.annotator.setCurrentIndex(1),
                    filters.since.setText("2024"),
                )
            ),
        }
        for name, act in cases.items():
            times = [timed(app, act) for _ in range(args.repeat)]
            print(f"{name:<52} {statistics.median(times) * 1000:8.0f} ms")
        dialog.filters.show_query(type(filters.query())())
        times = [timed(app, lambda: dialog.model.sort(1)) for _ in range(args.repeat)]
        print(f"{'sort 100,000 rows by quote':<52} {statistics.median(times) * 1000:8.0f} ms")
        window.close()
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
