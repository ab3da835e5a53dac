"""The hostile battery's scaling cases (issue 17), timed at three sizes: HTML pages and EPUB
chapters with unterminated ``<!--``, ``</a`` or ``<![CDATA[``, and 20,000 labels read by
each reader that colours them. Linear growth doubles the time when the size doubles.

    python bench/scaling.py [--repeat N]     (part of ``make bench``)

Prints the median of N runs (default 5) per case and size, and each size's time over the
smallest's. tests/test_scaling.py checks the same cases by counted work.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests import scaling_inputs as inputs

Make = Callable[[int], Callable[[], Any]]


def cases(folder: Path) -> list[tuple[str, Make, tuple[int, ...]]]:
    out: list[tuple[str, Make, tuple[int, ...]]] = []
    for name, unit in inputs.UNTERMINATED.items():
        sizes = (12_500, 25_000, 50_000)
        big = inputs.units_in_400k(unit)
        page = (big // 4, big // 2, big)
        out += [
            (f"HTML, {unit} × n", inputs.make_html(unit), sizes),
            (f"HTML, 100/200/400 KB page, {name}", inputs.make_html(unit, bare=True), page),
            (f"EPUB chapter, {unit} × n", inputs.make_epub(unit), sizes),
            (f"EPUB, 100/200/400 KB chapter, {name}", inputs.make_epub(unit, bare=True), page),
        ]
    labels = (5_000, 10_000, 20_000)
    out += [
        ("REFI-QDA, n codes", inputs.make_refi_qda, labels),
        ("W3C, n labels", inputs.make_w3c, labels),
        ("doccano, n labels", inputs.make_doccano(folder), labels),
        ("Label Studio, n labels", inputs.make_label_studio(folder), labels),
        ("brat, n types", inputs.make_brat(folder), labels),
    ]
    return out


def median_seconds(run: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per case and size")
    repeat = parser.parse_args().repeat
    print(f"{'case':<44} {'n':>8} {'median s':>9} {'× smallest':>10}")
    with tempfile.TemporaryDirectory() as folder:
        for name, make, sizes in cases(Path(folder)):
            first = None
            for n in sizes:
                seconds = median_seconds(make(n), repeat)
                first = first or seconds
                print(f"{name:<44} {n:>8,} {seconds:>9.3f} {seconds / first:>10.1f}", flush=True)


if __name__ == "__main__":
    main()
