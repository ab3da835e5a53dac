"""Counting the work a call does, deterministically, for scaling tests (no clocks).

Every Python call and every call into C is one unit; a call into a method of a string
(``str.find``, ``bytes.startswith``...) also counts the string's length, as such a method
may scan all of it: a parser that searches the rest of the page once per tag scores
quadratically even though its scans run in C. Work done inside C libraries (libxml2's
tokenizer) is not seen; ``bench/scaling.py`` times those.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any


class TooMuchWork(AssertionError):
    """Raised inside the measured call once it has done more than its budget."""


def work(run: Callable[[], Any], budget: float | None = None) -> int:
    """Units of work ``run()`` does; raises :class:`TooMuchWork` as soon as they pass
    ``budget``, so a quadratic case fails quickly instead of running for minutes."""
    total = 0

    def count(_frame: Any, event: str, arg: Any) -> None:
        nonlocal total
        if event == "call":
            total += 1
        elif event == "c_call":
            owner = getattr(arg, "__self__", None)
            total += 1 + (len(owner) if isinstance(owner, str | bytes | bytearray) else 0)
        else:
            return
        if budget is not None and total > budget:
            raise TooMuchWork(f"more than {budget:,.0f} units of work")

    sys.setprofile(count)
    try:
        run()
    finally:
        sys.setprofile(None)
    return total


def assert_linear(make: Callable[[int], Callable[[], Any]], n: int, *, growth: float = 6) -> None:
    """``make(k)`` builds an input of size ``k`` and returns the call that reads it; the
    work for ``4 n`` may be at most ``growth`` times the work for ``n`` (linear is 4)."""
    first = make(n)
    first()  # imports and caches filled on first use are not the input's work
    small = work(first)
    big = make(4 * n)
    try:
        large = work(big, budget=growth * small)
    except TooMuchWork:
        raise AssertionError(
            f"4× the input ({4 * n:,}) took more than {growth}× the work of {n:,} ({small:,})"
        ) from None
    assert large <= growth * small
