"""The benchmark suite (issue 6): workloads W1-W8 on the real window, store and SQLite
files, each against its target and, where one applies, a floor measured in the same run.

    make bench        (QT_QPA_PLATFORM=offscreen python bench/suite.py)

Prints a table (metric, median, target, floor, ratio) and writes the same as JSON to
``bench/results/latest.json``. Not part of the test suite: nothing here asserts.
"""

from __future__ import annotations

import json
import math
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from bulk import gc_free, import_floor, labelled_database  # noqa: E402
from installed import compile_package  # noqa: E402
from PySide6.QtGui import QFont  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QPlainTextEdit  # noqa: E402
from workloads import corpus_set, document_database  # noqa: E402

from annotator.app.exports import export  # noqa: E402
from annotator.app.opening import open_store  # noqa: E402
from annotator.formats.annotation_set import parse_annotation_set  # noqa: E402
from annotator.store import Store  # noqa: E402
from annotator.ui.app import create_window, settle  # noqa: E402

RESULTS = HERE / "results"


@dataclass
class Metric:
    id: str
    name: str
    value: float  # ms, or MB for memory
    unit: str
    target: float | None  # the absolute limit, if any
    floor: float | None = None  # what bare Qt / plain json+sqlite3 take in this run
    max_ratio: float | None = None  # value may be at most this many floors

    @property
    def ratio(self) -> float | None:
        return None if self.floor is None else self.value / self.floor

    @property
    def ok(self) -> bool:
        within = self.target is None or self.value <= self.target
        ratio = self.ratio
        return within and (self.max_ratio is None or ratio is None or ratio <= self.max_ratio)


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def median_of(fn: Callable[[], object], repeat: int) -> float:
    return statistics.median(timed(fn) for _ in range(repeat))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1)]


def bare_floor(text: str, like: QPlainTextEdit) -> float:
    """A bare QPlainTextEdit, as large and in the same font, loading and painting ``text``."""
    bare = QPlainTextEdit()
    bare.setReadOnly(True)
    bare.setFont(QFont(like.font()))
    bare.resize(like.size())
    bare.show()

    def load() -> None:
        bare.setPlainText(text)
        bare.viewport().repaint()

    result = median_of(load, 5)
    bare.close()
    return result


def open_document_ms(window, document_id: str, repeat: int) -> float:
    view = window.text_view

    def open_and_paint() -> None:
        window.open_document(document_id)
        view.viewport().repaint()

    times = []
    for _ in range(repeat):
        window._document = None  # so each call loads afresh, as switching to it does
        times.append(timed(open_and_paint))
    return statistics.median(times)


def loaded_document_ms(window, document_id: str, repeat: int) -> float:
    """Open to everything loaded and painted: the list and the strip filled too (a long
    document shows its first screen first; see ``FIRST_SCREEN_FIRST``)."""
    app = QApplication.instance()

    def open_and_load() -> None:
        window.open_document(document_id)
        window.text_view.viewport().repaint()
        while window._loading is not None:
            app.processEvents()
        window.text_view.viewport().repaint()  # paints whatever in the window changed

    times = []
    for _ in range(repeat):
        window._document = None
        times.append(timed(open_and_load))
    return statistics.median(times)


def shown_window(store: Store, document_id: str | None = None):
    """The main window on ``store``, shown at a fixed size and settled, as ``run`` does."""
    window = create_window(store, document_id)
    window.resize(1330, 820)
    window.show()
    QTest.qWaitForWindowExposed(window)
    settle()
    # Suggestions are computed on a worker after the document is shown; measured apart
    # from them (they would share the interpreter with what is measured).
    while not window.suggestions.ready:
        QApplication.instance().processEvents()
        time.sleep(0.005)
    settle()
    return window


def document_workloads(folder: Path, metrics: list[Metric]) -> None:
    app = QApplication.instance()
    assert app is not None
    path = folder / "w1.db"
    doc_id = document_database(path, 1_000_000, 10_000)
    store = open_store(str(path))
    window = shown_window(store, doc_id)
    view = window.text_view
    text = window.document.text

    # W1: open to first paint, against a bare QPlainTextEdit with the same text.
    w1 = open_document_ms(window, doc_id, 7)
    floor = bare_floor(text, view)
    metrics.append(Metric("W1", "open 1 MB, 10,000 annotations", w1, "ms", 150, floor, 3))
    full = loaded_document_ms(window, doc_id, 7)
    metrics.append(Metric("W1", "… and everything loaded (list, strip)", full, "ms", None))
    assert window.annotations_model.rowCount() == 10_000

    # W2: the label key on a selection, until the highlight is painted and the row stored.
    window.activateWindow()
    rng = random.Random(5)
    samples, caught_up = [], []
    for i in range(202):
        start = rng.randrange(0, len(text) - 60)
        view.select_span(start, start + 25)
        view.setFocus()
        window.repaint()  # the selection is on screen before its label key is pressed

        def press() -> None:
            QTest.keyClick(view, "1")
            view.viewport().repaint()

        def press_and_catch_up() -> None:
            press()
            app.processEvents()  # the list and details follow on the next turn
            view.viewport().repaint()  # paints whatever in the window changed

        if i % 2:
            caught_up.append(timed(press_and_catch_up))
        else:
            samples.append(timed(press))
            app.processEvents()
    tagged = len(store.annotations(doc_id))
    assert tagged > 10_000, "the label key did not tag (no active window?)"
    metrics.append(Metric("W2", "tag a selection, median", statistics.median(samples), "ms", 5))
    metrics.append(
        Metric("W2", "tag a selection, 99th percentile", percentile(samples, 0.99), "ms", 16)
    )
    metrics.append(
        Metric("W2", "… and list, details caught up", statistics.median(caught_up), "ms", None)
    )

    # W3: page through the whole document, each page painted.
    bar = view.verticalScrollBar()
    bar.setValue(0)
    pages = []
    while True:
        pages.append(
            timed(lambda: (bar.setValue(bar.value() + bar.pageStep()), view.viewport().repaint()))
        )
        if bar.value() >= bar.maximum():
            break
    metrics.append(Metric("W3", f"page down, slowest of {len(pages)} pages", max(pages), "ms", 16))
    metrics.append(Metric("W3", "page down, median page", statistics.median(pages), "ms", 16))
    window.close()
    store.close()

    # W7: resident memory of a fresh process with W1 open.
    rss = launch(path, doc_id)[1]
    metrics.append(Metric("W7", "resident memory with W1 open", rss, "MB", 250))

    # W8: ten times the text and the annotations.
    big = folder / "w8.db"
    big_id = document_database(big, 10_000_000, 100_000)
    store = open_store(str(big))
    window = shown_window(store, big_id)
    w8 = open_document_ms(window, big_id, 3)
    metrics.append(Metric("W8", "open 10 MB, 100,000 annotations (vs W1)", w8, "ms", None, w1, 12))
    window.close()
    store.close()


def launch(path: Path, document_id: str | None = None) -> tuple[float, float]:
    """(ms from spawning the app on ``path`` to its window painted, MB resident then)."""
    args = [sys.executable, str(HERE / "probe.py"), str(path)]
    if document_id:
        args.append(document_id)
    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, text=True)
    line = process.stdout.readline() if process.stdout else ""
    elapsed = (time.perf_counter() - start) * 1000
    process.wait(timeout=60)
    fields = line.split()
    if not fields or fields[0] != "ready":
        raise RuntimeError(f"the probe did not start: {line!r}")
    return elapsed, float(fields[3])


def corpus_workloads(folder: Path, metrics: list[Metric]) -> None:
    aset = corpus_set()
    path = folder / "w4.db"
    store = Store.open(str(path))
    store.import_bundle([], [("bench", aset)])
    ids = [d.id for d in store.documents()]
    store.close()
    open_store(str(path)).close()  # labels installed, as after a first launch

    # W4: launch to interactive window (a fresh process, interpreter start included).
    launches = [launch(path)[0] for _ in range(5)]
    metrics.append(
        Metric(
            "W4", "launch on 1,000 x 100 to window painted", statistics.median(launches), "ms", 1000
        )
    )

    # W5: switch to another document.
    store = open_store(str(path))
    window = shown_window(store)
    rng = random.Random(9)
    switches = []
    for _ in range(21):
        target = rng.choice(ids)
        switches.append(
            timed(lambda t=target: (window.open_document(t), window.text_view.viewport().repaint()))
        )
    metrics.append(Metric("W5", "switch document", statistics.median(switches), "ms", 50))
    window.close()

    # W6: export everything / import that into an empty database.
    exported = export(store).data
    plain = json.loads(exported)
    w6_export = median_of(lambda: export(store), 5)
    # Compact: ``indent`` would make CPython skip its C encoder.
    dumps_floor = median_of(
        gc_free(lambda: json.dumps(plain, ensure_ascii=False, separators=(",", ":")).encode()), 5
    )
    metrics.append(
        Metric("W6", "export 1,000 x 100 as JSON", w6_export, "ms", 1500, dumps_floor, 1.5)
    )
    store.close()

    counter = iter(range(1000))

    def import_into_empty() -> None:
        fresh = Store.open(str(folder / f"empty{next(counter)}.db"))
        fresh.import_bundle([], [("bench", parse_annotation_set(exported, file="bench"))])
        fresh.close()

    w6_import = median_of(import_into_empty, 5)
    (folder / "set.json").write_bytes(exported)

    def floor_import() -> None:
        bare = folder / f"plain{next(counter)}.db"
        labelled_database(bare, plain["labels"])
        floor_ms.append(timed(gc_free(lambda: import_floor(folder / "set.json", bare))))

    floor_ms: list[float] = []
    for _ in range(5):
        floor_import()
    floor = statistics.median(floor_ms)
    metrics.append(
        Metric("W6", "import that file into an empty database", w6_import, "ms", 3000, floor, 1.5)
    )


def write_report(path: Path, metrics: list[Metric], **extra: object) -> None:
    """``metrics`` (and ``extra`` keys) as the JSON a bench run leaves in bench/results/."""
    path.parent.mkdir(exist_ok=True)
    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "metrics": [{**asdict(m), "ratio": m.ratio, "ok": m.ok} for m in metrics],
        **extra,
    }
    path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


def machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return (
        f"{platform.machine()}, {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}"
    )


def show(metrics: list[Metric]) -> str:
    lines = [f"{'id':<4} {'metric':<46} {'median':>9} {'target':>8} {'floor':>8} {'ratio':>6}  ok"]
    for m in metrics:
        target = "" if m.target is None else f"≤{m.target:g}"
        floor = "" if m.floor is None else f"{m.floor:.1f}"
        ratio = (
            ""
            if m.ratio is None
            else f"{m.ratio:.2f}" + (f"≤{m.max_ratio:g}" if m.max_ratio else "")
        )
        lines.append(
            f"{m.id:<4} {m.name:<46} {m.value:>7.1f}{m.unit:>2} {target:>8} {floor:>8} {ratio:>6}  "
            + ("yes" if m.ok else "NO")
        )
    return "\n".join(lines)


def main() -> int:
    QApplication.instance() or QApplication(sys.argv[:1])
    compile_package()  # W4 and W7 launch processes: as installed, no sources compiled
    metrics: list[Metric] = []
    with tempfile.TemporaryDirectory() as folder:
        document_workloads(Path(folder), metrics)
        corpus_workloads(Path(folder), metrics)
    print(f"machine: {machine()}")
    print(show(metrics))
    write_report(RESULTS / "latest.json", metrics)
    print(f"written to {RESULTS / 'latest.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
