"""Benchmark: 1,000 documents x 100 annotations, exported to JSON and imported into an
empty database, against plain json.dumps / json.loads of the same data in the same run.

Run with ``make bench``. Prints medians in milliseconds.
"""

from __future__ import annotations

import json
import platform
import random
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import median_ms

from annotator.core.model import Annotation, AnnotationSet, Label, SetDocument
from annotator.core.text import text_sha256
from annotator.exporting import export
from annotator.formats.annotation_set import dumps, parse_annotation_set, to_dict
from annotator.resources import default_labels, seed_documents
from annotator.store import Store

DOCUMENTS = 1000
PER_DOCUMENT = 100
REPEAT = 5


def make_set() -> AnnotationSet:
    rng = random.Random(3)
    seed = seed_documents()[0].text
    labels: tuple[Label, ...] = tuple(default_labels())
    t0 = datetime(2026, 1, 1)
    docs = []
    for d in range(DOCUMENTS):
        text = f"Document {d} 😀\n{seed}"
        doc_id = f"doc-{d:04d}"
        anns = []
        for a in range(PER_DOCUMENT):
            start = rng.randrange(0, len(text) - 80)
            moment = t0 + timedelta(milliseconds=rng.randrange(10**9))
            anns.append(
                Annotation(
                    f"{doc_id}-{a:03d}",
                    doc_id,
                    rng.choice(labels).name,
                    start,
                    start + rng.randint(1, 80),
                    None if a % 3 else "a note",
                    rng.choice(["alice", "bob"]),
                    moment,
                    moment,
                )
            )
        anns.sort(key=lambda x: (x.start, x.end, x.label, x.id))
        docs.append(
            SetDocument(
                doc_id, f"Doc {d}", "bench", text_sha256(text), len(text), text, tuple(anns)
            )
        )
    return AnnotationSet(labels, tuple(docs), exported_at=t0, generator_version="bench")


def main() -> None:
    aset = make_set()
    payload = dumps(to_dict(aset)).encode("utf-8")
    plain = json.loads(payload)
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(str(Path(folder) / "full.db"))
        store.import_bundle([], [("bench", aset)])
        export_ms = median_ms(lambda: export(store), REPEAT)
        store.close()
        dumps_ms = median_ms(
            lambda: json.dumps(plain, ensure_ascii=False, indent=2).encode(), REPEAT
        )
        counter = iter(range(100))

        def import_into_empty() -> None:
            fresh = Store.open(str(Path(folder) / f"empty{next(counter)}.db"))
            fresh.import_bundle([], [("bench", parse_annotation_set(payload, file="bench"))])
            fresh.close()

        import_ms = median_ms(import_into_empty, REPEAT)
        loads_ms = median_ms(lambda: json.loads(payload), REPEAT)
    print(f"machine: {platform.machine()}, Python {platform.python_version()}")
    print(
        f"annotation set: {DOCUMENTS:,} documents x {PER_DOCUMENT} annotations, "
        f"{len(payload) / 2**20:.1f} MiB; medians of {REPEAT} in ms"
    )
    print(f"  export to JSON (database -> bytes)        {export_ms:8.1f}")
    ratio = export_ms / dumps_ms
    print(f"  json.dumps of the same data               {dumps_ms:8.1f}   ratio {ratio:.1f}x")
    print(f"  import into an empty database (bytes ->)  {import_ms:8.1f}")
    ratio = import_ms / loads_ms
    print(f"  json.loads of the same bytes              {loads_ms:8.1f}   ratio {ratio:.1f}x")


if __name__ == "__main__":
    main()
