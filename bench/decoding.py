"""How long telling an encoding takes (issue 18): ``decode_bytes`` on 1 MB of news prose
saved as Windows-1252 and as Shift_JIS, and on 10 MB of Windows-1252.

    python bench/decoding.py [--repeat N]     (part of ``make bench``)

Prints the median of N runs (default 5) per input. The detector weighs a sample of the
bytes, so the time hardly grows with the file; nothing here asserts.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.core.decoding import decode_bytes  # noqa: E402

TEXTS = ROOT / "eval" / "encodings" / "texts" / "dev"


def sized(code: str, encoding: str, size: int) -> bytes:
    """``size`` bytes (or just under) of a corpus text, repeated, in ``encoding``."""
    text = (TEXTS / f"{code}.txt").read_text(encoding="utf-8")
    unit = text.encode(encoding, errors="replace")
    data = unit * (size // len(unit) + 1)
    return data[: data.rfind(b"\n", 0, size) + 1]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    inputs = {
        "1 MB Windows-1252 (French)": sized("fr", "cp1252", 2**20),
        "1 MB Shift_JIS (Japanese)": sized("ja", "shift_jis", 2**20),
        "10 MB Windows-1252 (French)": sized("fr", "cp1252", 10 * 2**20),
    }
    print(f"decode_bytes, median of {args.repeat} runs")
    for label, data in inputs.items():
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            decoded = decode_bytes(data)
            times.append(time.perf_counter() - start)
        print(f"  {label:30} {statistics.median(times):7.3f} s  ({decoded.encoding})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
