"""Where two readings of the same bytes (two decodings) disagree, word by word."""

from __future__ import annotations

import re
from typing import NamedTuple

from annotator.core.reanchor import TextDiff, equal_blocks


class Difference(NamedTuple):
    """Whole words that read differently: ``[start, end)`` in the first text and
    ``[other_start, other_end)`` in the second."""

    start: int
    end: int
    other_start: int
    other_end: int


def differences(
    text: str, other: str, limit: int = 50, *, diff: TextDiff | None = None
) -> list[Difference]:
    """The first ``limit`` stretches where ``text`` and ``other`` differ, each widened to
    whole words (letters and digits on either side), in text order; overlapping ones
    are merged. Time is that of :func:`annotator.core.reanchor.equal_blocks` (none if
    their ``diff`` is given)."""
    out: list[Difference] = []
    a = b = 0
    blocks = equal_blocks(text, other) if diff is None else diff.blocks
    for block in [*blocks, None]:
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


_VISIBLE = re.compile(r"\S")

# A passage: per reading, its stretch of text as (characters, disagreed on) segments.
Segments = list[tuple[str, bool]]


def passages(
    best: str, others: list[str], *, limit: int = 8, context: int = 40
) -> list[list[Segments]]:
    """Side by side, the first ``limit`` passages where any of ``others`` reads ``best``'s
    bytes differently: for each passage, ``best``'s stretch then each other reading's,
    split into segments with the words that reading disagrees on marked. A passage is
    the differing words with about ``context`` characters either side, "…" where the
    text goes on."""
    maps = [TextDiff(best, other) for other in others]
    found = [differences(best, other, diff=m) for other, m in zip(others, maps, strict=True)]
    spans = sorted({(d.start, d.end) for diffs in found for d in diffs})
    windows: list[tuple[int, int]] = []
    for start, end in spans:
        lo, hi = _word_around(best, max(0, start - context), min(len(best), end + context))
        while lo < start and best[lo].isspace():
            lo += 1
        while hi > end and best[hi - 1].isspace():
            hi -= 1
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(hi, windows[-1][1]))
        elif len(windows) == limit:
            break
        else:
            windows.append((lo, hi))
    out = []
    for lo, hi in windows:
        columns = [_segments(best, lo, hi, spans)]
        for other, diffs, mapping in zip(others, found, maps, strict=True):
            other_lo, other_hi = mapping.expected(lo), mapping.expected(hi)
            marked = [(d.other_start, d.other_end) for d in diffs]
            columns.append(_segments(other, other_lo, other_hi, marked))
        out.append(columns)
    return out


def _segments(text: str, lo: int, hi: int, marked: list[tuple[int, int]]) -> Segments:
    """``text[lo:hi]`` with the ``marked`` spans marked, and "…" where it goes on."""
    out: Segments = [("…", False)] if text[max(0, lo - 1000) : lo].strip() else []
    at = lo
    for start, end in marked:
        start, end = max(start, lo), min(end, hi)
        if start >= end or start < at:
            continue
        if start > at:
            out.append((text[at:start], False))
        out.append((text[start:end], True))
        at = end
    if at < hi:
        out.append((text[at:hi], False))
    if _VISIBLE.search(text, hi):
        out.append(("…", False))
    return out
