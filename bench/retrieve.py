"""How long retrieving and co-occurrence take (issue 22) on the 1,000 documents × 100
annotations of the suite's W4 corpus: ``annotator retrieve`` and ``annotator
cooccurrence`` as whole processes (interpreter start included), and retrieval inside one
process once the corpus is read.

    python bench/retrieve.py [--repeat N]     (part of ``make bench``)

Prints the median of N runs (default 3); targets from the issue: a whole ``retrieve`` on
100,000 annotations ≤ 2 s, in every format. The processes read their modules' bytecode
from a cache of their own, written by one run before the timed ones (as installing the
program compiles it), even where PYTHONDONTWRITEBYTECODE is set. Nothing here asserts.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from workloads import corpus_set  # noqa: E402

from annotator.app.analysis import corpus  # noqa: E402
from annotator.app.opening import open_store  # noqa: E402
from annotator.core.retrieval import Query, retrieve  # noqa: E402
from annotator.store import Store  # noqa: E402


def whole(args: list[str], env: dict[str, str]) -> float:
    """Seconds for ``python -m annotator ARGS``, its output thrown away."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "annotator", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        check=True,
    )
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "w4.db")
        store = Store.open(path)
        store.import_bundle([], [("bench", corpus_set())])
        store.close()
        open_store(path).close()
        db = ["--db", path]
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "bytecode")
        whole(["retrieve", *db, "--label", "none"], env)  # compiles; not timed
        rows = {
            "retrieve, every annotation, JSON (process)": ["retrieve", *db, "--format", "json"],
            "retrieve, every annotation, CSV (process)": ["retrieve", *db, "--format", "csv"],
            "retrieve, every annotation, table (process)": ["retrieve", *db],
            "retrieve --label refusal --match (process)": [
                "retrieve",
                *db,
                "--label",
                "refusal",
                "--match",
                "said",
            ],
            "cooccurrence --scope sentence (process)": ["cooccurrence", *db, "--scope", "sentence"],
        }
        for name, command in rows.items():
            times = [whole(command, env) for _ in range(args.repeat)]
            print(f"{name:<48} {statistics.median(times) * 1000:8.0f} ms")
        store = open_store(path)
        documents = list(corpus(store))
        store.close()
        query = Query(labels=("refusal",), match="said")
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            retrieve(documents, query)
            times.append(time.perf_counter() - start)
        name = "retrieve in one process, corpus read"
        print(f"{name:<48} {statistics.median(times) * 1000:8.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
