"""Bulk export and import against their floors (issue 24): ``annotator export`` and
``annotator import`` of documents x 100 annotations, as the user runs them (in-process,
through ``annotator.cli.main``), each next to the fastest plain-library path for the
same data in the same run:

- export's floor: a compact ``json.dumps`` (CPython's C encoder; ``indent`` would make
  it fall back to Python) of the same data, written to a file;
- import's floor: ``json.loads`` of the exported file, then a bare ``sqlite3``
  ``executemany`` of the same document and annotation rows into a database file with
  the app's schema.

    python bench/bulk.py            (1,000 documents; part of ``make bench``)
    python bench/bulk.py 10000      (10,000 documents: ~1 GB of files, minutes; ``make bench-bulk``)

Prints one row per job: median, floor, ratio (target ≤ 1.5). Nothing here asserts.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from workloads import corpus_set  # noqa: E402

from annotator.cli import main as cli  # noqa: E402
from annotator.store import Store  # noqa: E402

MAX_RATIO = 1.5


def timed(fn: Callable[[], object], *, collect: bool = True) -> float:
    """Milliseconds ``fn`` takes; with ``collect`` False, without cyclic garbage
    collection (the floors: the app pauses it where it builds large structures, and
    left on, it costs the plain path more than the work itself at 10,000 documents)."""
    gc.collect()
    if not collect:
        gc.disable()
    start = time.perf_counter()
    try:
        with (
            open(os.devnull, "w") as quiet,
            contextlib.redirect_stdout(quiet),
            contextlib.redirect_stderr(quiet),
        ):
            fn()
        return (time.perf_counter() - start) * 1000
    finally:
        gc.enable()


def gc_free(fn: Callable[[], object]) -> Callable[[], None]:
    """``fn`` run without cyclic garbage collection: the floors are the fastest plain
    path, and the app pauses it where it builds large structures."""

    def run() -> None:
        gc.disable()
        try:
            fn()
        finally:
            gc.enable()

    return run


def export_floor(plain: dict, out: Path) -> None:
    out.write_bytes(json.dumps(plain, ensure_ascii=False, separators=(",", ":")).encode())


def import_floor(file: Path, db: Path) -> None:
    """json.loads, then the rows the app stores, by a bare executemany (``db`` has the
    app's schema and the set's labels already)."""
    raw = json.loads(file.read_bytes())
    with sqlite3.connect(db) as conn:
        conn.executemany(
            "INSERT INTO documents (id, title, source, text, sha256, created_at, position,"
            " format, encoding, original_name, author, published, version)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    d["id"],
                    d["title"],
                    d["source"],
                    d["text"],
                    d["sha256"],
                    d["imported_at"],
                    i,
                    d["format"],
                    d["encoding"],
                    d["original_name"],
                    d["author"],
                    d["published"],
                    d.get("version", 1),
                )
                for i, d in enumerate(raw["documents"])
            ],
        )
        conn.executemany(
            "INSERT INTO annotations (id, document_id, label, start_offset, end_offset, note,"
            " annotator, created_at, updated_at, attributes, orphaned, source, rule)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    a["id"],
                    d["id"],
                    a["label"],
                    a["start"],
                    a["end"],
                    a["note"],
                    a["annotator"],
                    a["created_at"],
                    a["updated_at"],
                    json.dumps(a["attributes"]) if a["attributes"] else None,
                    a.get("orphaned", False),
                    a.get("source"),
                    a.get("rule"),
                )
                for d in raw["documents"]
                for a in d["annotations"]
            ],
        )


def labelled_database(path: Path, labels: list[dict]) -> None:
    """An empty database with the app's schema and ``labels``, for the import floor."""
    Store.open(str(path)).close()
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM labels")
        conn.executemany(
            "INSERT INTO labels (name, color, hotkey, description, position) VALUES (?,?,?,?,?)",
            [
                (x["name"], x["color"], x["hotkey"], x["description"], i)
                for i, x in enumerate(labels)
            ],
        )


def run(documents: int, repeat: int) -> list[tuple[str, float, float]]:
    """[(job, median ms, floor median ms)] for export and import of ``documents`` x 100."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        source = root / "source.db"
        store = Store.open(str(source))
        store.import_bundle([], [("bench", corpus_set(documents))])
        store.close()
        out = root / "set.json"
        floor_out = root / "floor.json"
        db = str(source)
        exports, export_floors, imports, import_floors = [], [], [], []
        for i in range(repeat):
            exports.append(timed(lambda: cli(["export", "--db", db, "-o", str(out)])))
            plain = json.loads(out.read_bytes())
            export_floors.append(timed(lambda p=plain: export_floor(p, floor_out), collect=False))
            del plain
            floor_out.unlink()
            empty = root / f"empty{i}.db"
            imports.append(timed(lambda e=empty: cli(["import", "--db", str(e), str(out)])))
            empty.unlink()
            bare = root / f"bare{i}.db"
            labelled_database(bare, json.loads(out.read_bytes())["labels"])
            import_floors.append(timed(lambda b=bare: import_floor(out, b), collect=False))
            bare.unlink()
        size = out.stat().st_size / 2**20
    name = f"{documents:,} x 100"
    return [
        (
            f"export {name} ({size:.0f} MiB)",
            statistics.median(exports),
            statistics.median(export_floors),
        ),
        (f"import {name}", statistics.median(imports), statistics.median(import_floors)),
    ]


def main(argv: list[str]) -> int:
    documents = int(argv[0]) if argv else 1000
    repeat = 3 if documents <= 1000 else 1
    print(f"{'job':<34} {'median':>10} {'floor':>10} {'ratio':>9}  ok")
    for job, value, floor in run(documents, repeat):
        ratio = value / floor
        ok = "yes" if ratio <= MAX_RATIO else "NO"
        print(f"{job:<34} {value:>8.0f}ms {floor:>8.0f}ms {ratio:>5.2f}≤{MAX_RATIO:g}  {ok}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
