"""Where two readings of the same bytes (two decodings) disagree, word by word."""

from __future__ import annotations

from typing import NamedTuple

from annotator.core.reanchor import equal_blocks


class Difference(NamedTuple):
    """Whole words that read differently: ``[start, end)`` in the first text and
    ``[other_start, other_end)`` in the second."""

    start: int
    end: int
    other_start: int
    other_end: int


def differences(text: str, other: str, limit: int = 50) -> list[Difference]:
    """The first ``limit`` stretches where ``text`` and ``other`` differ, each widened to
    whole words (letters and digits on either side), in text order; overlapping ones
    are merged. Time is that of :func:`annotator.core.reanchor.equal_blocks`."""
    out: list[Difference] = []
    a = b = 0
    for block in [*equal_blocks(text, other), None]:
        a1, b1 = (len(text), len(other)) if block is None else block[:2]
        if a1 > a or b1 > b:
            start, end = _word_around(text, a, a1)
            other_start, other_end = _word_around(other, b, b1)
            if out and start <= out[-1].end:  # touches the one before: one passage
                last = out.pop()
                start, other_start = last.start, last.other_start
            out.append(Difference(start, end, other_start, other_end))
            if len(out) > limit:
                return out[:limit]
        if block is not None:
            a, b = block[0] + block[2], block[1] + block[2]
    return out


def _word_around(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end


def first_difference(text: str, other: str) -> str:
    """The first words ``other`` reads differently from ``text`` (at most 40
    characters), or ``""`` if they are the same."""
    found = differences(text, other, limit=1)
    if not found:
        return ""
    words = other[found[0].other_start : found[0].other_end]
    return words if len(words) <= 40 else words[:39] + "…"
