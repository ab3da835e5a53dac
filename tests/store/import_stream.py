"""A child process that imports one document after another into an SQLite database,
opening and closing it for each as ``annotator import`` does, and acknowledges each on
stdout (``ack N``) once the import has returned; it stops when the file ``STOP`` exists.

    python -m tests.store.import_stream DB STOP SEED
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from annotator.app.opening import open_store
from annotator.core.model import NewDocument

SOURCE = "race"


def text_of(number: int) -> str:
    return f"race document {number}"


def main(db: str, stop: str, seed: str) -> int:
    rng = random.Random(int(seed))
    number = 0
    while not Path(stop).exists():
        store = open_store(db)
        try:
            store.import_documents([NewDocument(f"n{number}", SOURCE, text_of(number))])
        finally:
            store.close()
        print(f"ack {number}", flush=True)
        number += 1
        time.sleep(rng.uniform(0, 0.01))  # a gap between imports, for a restore to take
    print(f"done {number}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
