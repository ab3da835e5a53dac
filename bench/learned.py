"""Phrase learning speed: phrases tagged by hand looked for in ~1 MB of news text.

    python bench/learned.py [--size BYTES] [--runs N] [--phrases N ...]

The text is bench/suggest.py's corpus; the phrases are word n-grams (1 to 4 words) taken
at random from it, so most of them occur, many often. For each number of phrases, prints
the time to compile them (once per change of the phrases, in the window's helper
process) and the median time to find them all in the text, with one regular expression
per phrase for comparison where that is still bearable. Asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from suggest import corpus  # noqa: E402

from annotator.core.suggest.learned import Tagged, compile_phrases, learned  # noqa: E402


def phrases(text: str, count: int, seed: int = 20) -> list[Tagged]:
    words = re.findall(r"\w+(?:[’'.,-]\w+)*", text)
    pick = random.Random(seed)
    out = []
    for _ in range(count):
        at = pick.randrange(len(words) - 4)
        out.append(Tagged("hedge", " ".join(words[at : at + pick.randint(1, 4)]), "Bench"))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="bytes of text")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--phrases", type=int, nargs="*", default=[10, 100, 1000, 10000])
    ns = parser.parse_args()
    text = corpus(ns.size)
    print(f"{len(text.encode('utf-8')) / 1e6:.2f} MB ({len(text):,} code points)")
    for count in ns.phrases:
        tagged = phrases(text, count)
        start = time.perf_counter()
        compiled = compile_phrases(tagged)
        built = time.perf_counter() - start
        times, found = [], []
        for _ in range(ns.runs):
            start = time.perf_counter()
            found = learned(text, compiled)
            times.append(time.perf_counter() - start)
        line = (
            f"{count:>6} phrases: compile {built * 1000:7.1f} ms, find median "
            f"{statistics.median(times) * 1000:7.1f} ms ({len(found):,} suggestions)"
        )
        if count <= 100:
            start = time.perf_counter()
            for key in {" ".join(t.text.lower().split()) for t in tagged}:
                body = r"\s+".join(re.escape(w) for w in key.split())
                sum(1 for _ in re.finditer(rf"(?<!\w){body}(?!\w)", text, re.IGNORECASE))
            line += f"; one expression per phrase: {(time.perf_counter() - start) * 1000:.0f} ms"
        print(line)
    print(reading_the_tags(text, ns.runs))
    return 0


def reading_the_tags(text: str, runs: int) -> str:
    """Reading 10,000 phrases tagged by hand in ``text`` back from an SQLite database, as
    the window does when a document opens (``Store.hand_tagged``)."""
    import tempfile
    from datetime import UTC, datetime

    from annotator.app.opening import open_store
    from annotator.core.model import Annotation, NewDocument

    with tempfile.TemporaryDirectory() as folder:
        store = open_store(str(Path(folder) / "bench.db"))
        try:
            [made] = store.import_documents([NewDocument("Bench", "bench.txt", text)])
            moment = datetime(2026, 1, 1, tzinfo=UTC)
            step = len(text) // 10_000
            store.apply_change(
                [
                    Annotation(
                        f"a{i}",
                        made.document.id,
                        "claim",
                        i * step,
                        i * step + 20,
                        None,
                        "bench",
                        moment,
                        moment,
                    )
                    for i in range(10_000)
                ],
                [],
            )
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                store.hand_tagged()
                times.append(time.perf_counter() - start)
        finally:
            store.close()
    return f"reading 10,000 hand tags back: median {statistics.median(times) * 1000:.1f} ms"


if __name__ == "__main__":
    raise SystemExit(main())
