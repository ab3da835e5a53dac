"""Benchmarks: a 1 MB document with 10,000 spans, in the real widgets and a real SQLite file.

Run with ``make bench``. Prints medians in milliseconds. Not part of the test suite.
"""

from __future__ import annotations

import os
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtWidgets import QApplication
from timing import median_ms

from annotator.app_state import open_store
from annotator.core.model import NewDocument
from annotator.core.offsets import PositionMap
from annotator.core.text import normalise_text
from annotator.resources import seed_documents
from annotator.ui.app import create_window

SIZE = 1_000_000
SPANS = 10_000
LABELS = ("claim", "refusal", "statistic")


def long_text() -> str:
    seed = seed_documents()[0].text
    extra = "\nFamily 👨‍👩‍👧 and 😀 in 市民 text, مرحبا.\n"
    parts, size = [], 0
    while size < SIZE:
        parts.append(seed + extra)
        size += len(seed) + len(extra)
    return normalise_text("".join(parts))[:SIZE]


def main() -> None:
    app = QApplication.instance() or QApplication([])
    rng = random.Random(42)
    text = long_text()
    results: list[tuple[str, float]] = []
    results.append(("PositionMap of 1 MB text", median_ms(lambda: PositionMap(text))))

    with tempfile.TemporaryDirectory() as folder:
        store = open_store(str(Path(folder) / "bench.db"))
        doc = store.import_documents([NewDocument("Long", "bench", text)])[0].document
        spans = []
        for _ in range(SPANS):
            start = rng.randrange(0, SIZE - 200)
            spans.append((start, start + rng.randint(3, 120)))
        t0 = time.perf_counter()
        for start, end in spans[:200]:
            store.add_annotation(doc.id, rng.choice(LABELS), start, end, "bench")
        per_commit = (time.perf_counter() - t0) * 1000 / 200
        results.append(("add_annotation, one commit each (mean of 200)", per_commit))
        with store.engine.begin() as conn:
            from annotator.store.models import AnnotationRow

            now = store.annotations(doc.id)[0].created_at
            conn.execute(
                AnnotationRow.__table__.insert(),
                [
                    {
                        "id": f"bench-{i}",
                        "document_id": doc.id,
                        "label": rng.choice(LABELS),
                        "start_offset": s,
                        "end_offset": e,
                        "note": None,
                        "annotator": "bench",
                        "created_at": now,
                        "updated_at": now,
                    }
                    for i, (s, e) in enumerate(spans[200:])
                ],
            )
        annotations = store.annotations(doc.id)
        assert len(annotations) == SPANS
        results.append(
            ("load 10k annotations from SQLite", median_ms(lambda: store.annotations(doc.id)))
        )

        window = create_window(store, doc.id)
        window.show()
        app.processEvents()
        view = window.text_view

        def open_and_paint() -> None:
            window.open_document(doc.id)
            view.viewport().repaint()

        results.append(
            ("open document (load + highlight + first paint)", median_ms(open_and_paint))
        )

        def show_and_paint() -> None:
            view.show_text(text, annotations)
            view.viewport().repaint()

        results.append(("show_text 1 MB with 10k spans + first paint", median_ms(show_and_paint)))
        window.open_document(doc.id)

        def tag_one() -> None:
            start = rng.randrange(0, SIZE - 50)
            view.select_span(start, start + 20)
            window.tag_selection("claim")
            view.viewport().repaint()

        results.append(("tag one span (commit + highlight + paint)", median_ms(tag_one, 21)))

        def delete_one() -> None:
            window._select_annotation(window.annotations_model.annotation(0), move_text=True)
            window.delete_current_annotation()
            view.viewport().repaint()

        results.append(
            ("delete one span (commit + rehighlight + paint)", median_ms(delete_one, 21))
        )

        def caret_move() -> None:
            view.place_caret(rng.randrange(0, SIZE))
            window._on_caret_moved(view.caret_offset())

        results.append(("caret move -> annotation lookup + row select", median_ms(caret_move, 51)))
        window.close()
        store.close()

    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"document: {SIZE:,} code points, {SPANS:,} spans; medians in ms")
    for name, ms in results:
        print(f"  {name:<52} {ms:9.2f}")


if __name__ == "__main__":
    main()
