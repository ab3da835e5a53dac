"""Carrying annotations from one version of a text to the next.

Each span of the old text is placed in the new text by the first of these that works:

1. **exact**: the diff of the two texts maps the span's start or end through text that
   did not change, and the new text there equals the quote;
2. **quote**: an occurrence of the quote whose surroundings agree with the recorded
   context (:data:`CONTEXT_WIDTH` code points each side): one side identical, or at
   least half of the context matching character by character;
3. **fuzzy**: where both ends of the span are in unchanged text, what now lies between
   them; else the substring near the span's expected place (within :data:`FUZZY_REACH`
   code points, plus the quote's length) with the fewest edits (Levenshtein) from the
   quote. Taken when its similarity ``1 - edits / len(quote)`` is at least
   :data:`FUZZY_THRESHOLD`, for quotes of :data:`FUZZY_MIN_LENGTH` code points or more,
   and only if it holds the same digits in the same order (a changed number is other
   data: a statistic is never moved onto another value);
4. otherwise **orphaned**: not placed at all.

Exact and quote placements always land on text equal to the quote. The diff works by
lines, then sentences, then words, then characters, each level only inside what the
level above found changed, so two long texts with small edits cost little more than
comparing them. Offsets are code points, end exclusive. No Qt, no database.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import NamedTuple

from annotator.core.messages import N_, say
from annotator.core.spans import CONTEXT_WIDTH

EXACT, QUOTE, FUZZY, ORPHANED = "exact", "quote", "fuzzy", "orphaned"
HOW = (EXACT, QUOTE, FUZZY, ORPHANED)
FUZZY_THRESHOLD = 0.8  # documented in docs/documents.md ("Changed documents")
FUZZY_MIN_LENGTH = 10  # shorter quotes (a number, a name) are never placed fuzzily
FUZZY_MAX_LENGTH = 5000  # longer ones are not searched fuzzily (the cost grows with both)
FUZZY_REACH = 500  # how far from its expected place a fuzzy match may start or end
MAX_OCCURRENCES = 500  # quote occurrences weighed on each side of the expected place

# Levels of the diff: each splits a changed stretch into units compared as wholes.
_LINES = re.compile(r"[^\n]*\n|[^\n]+")
_SENTENCES = re.compile(r"[^.!?;。！？\n]*[.!?;。！？]+\s*|[^.!?;。！？\n]+\n?|\n")
_WORDS = re.compile(r"\w+|\s+|[^\w\s]")
_LEVELS = (_LINES, _SENTENCES, _WORDS)
_MAX_UNITS = 50_000  # a stretch of more units than this is left as changed
_MAX_CELLS = 250_000  # character diffs only where len(old) * len(new) is at most this


class Placement(NamedTuple):
    """Where a span went: ``how`` is one of :data:`HOW`; ``start``/``end`` are offsets
    in the new text (``-1`` when orphaned); ``score`` is the similarity of the new text
    there to the quote (1.0 for exact and quote placements; for an orphan the best
    similarity seen, or 0)."""

    how: str
    start: int
    end: int
    score: float

    @property
    def placed(self) -> bool:
        return self.how != ORPHANED


class Block(NamedTuple):
    """``old[old_start:old_start + length] == new[new_start:new_start + length]``."""

    old_start: int
    new_start: int
    length: int


def reanchor(old: str, new: str, spans: Sequence[tuple[int, int]]) -> list[Placement]:
    """Place each ``(start, end)`` span of ``old`` in ``new``; one placement per span,
    in the order given (see the module docstring for how)."""
    diff = TextDiff(old, new)
    return [diff.place(start, end) for start, end in spans]


class TextDiff:
    """The unchanged blocks shared by two texts, and placement of spans through them."""

    def __init__(self, old: str, new: str) -> None:
        self.old, self.new = old, new
        self.blocks = equal_blocks(old, new)
        self._starts = [b.old_start for b in self.blocks]

    def _block_at(self, position: int) -> Block | None:
        """The equal block holding old code point ``position``, if any."""
        i = bisect_right(self._starts, position) - 1
        if i >= 0:
            block = self.blocks[i]
            if position < block.old_start + block.length:
                return block
        return None

    def expected(self, position: int) -> int:
        """Where old offset ``position`` is expected in the new text: through an equal
        block if it is in one, else in proportion across the changed stretch."""
        i = bisect_right(self._starts, position) - 1
        if i >= 0:
            a, b, n = self.blocks[i]
            if position <= a + n:
                return b + position - a
            old_lo, new_lo = a + n, b + n
        else:
            old_lo, new_lo = 0, 0
        if i + 1 < len(self.blocks):
            old_hi, new_hi = self.blocks[i + 1].old_start, self.blocks[i + 1].new_start
        else:
            old_hi, new_hi = len(self.old), len(self.new)
        if old_hi <= old_lo:
            return new_lo
        return new_lo + (position - old_lo) * (new_hi - new_lo) // (old_hi - old_lo)

    def place(self, start: int, end: int) -> Placement:
        """Place the old span ``[start, end)`` in the new text."""
        old, new = self.old, self.new
        if not 0 <= start <= end <= len(old):
            raise ValueError(
                say(
                    N_("span {start}-{end} does not fit the old text ({count})"),
                    start=start,
                    end=end,
                    count=len(old),
                )
            )
        length = end - start
        if length == 0:
            return self._place_point(start)
        quote = old[start:end]
        # Exact: an end of the span anchored in unchanged text, the quote unchanged.
        for block, position, at_end in (
            (self._block_at(start), start, False),
            (self._block_at(end - 1), end, True),
        ):
            if block is None:
                continue
            mapped = block.new_start + position - block.old_start
            new_start = mapped - length if at_end else mapped
            if new_start >= 0 and new.startswith(quote, new_start):
                return Placement(EXACT, new_start, new_start + length, 1.0)
        prefix = old[max(0, start - CONTEXT_WIDTH) : start]
        suffix = old[end : end + CONTEXT_WIDTH]
        expected = self.expected(start)
        found = place_by_quote(new, quote, prefix, suffix, expected)
        if found is not None:
            return Placement(QUOTE, found, found + length, 1.0)
        anchored = self._between_anchors(start, end)
        if anchored is not None:
            return anchored
        return place_fuzzily(new, quote, expected, self.expected(end))

    def _between_anchors(self, start: int, end: int) -> Placement | None:
        """A fuzzy placement from the diff alone: both ends of the span in unchanged text,
        what lies between them edited, and similar enough to the quote. (A search for the
        fewest edits would cut a span short rather than take in inserted words.)"""
        first, last = self._block_at(start), self._block_at(end - 1)
        if first is None or last is None or end - start < FUZZY_MIN_LENGTH:
            return None
        new_start = first.new_start + start - first.old_start
        new_end = last.new_start + end - last.old_start
        quote = self.old[start:end]
        if not len(quote) // 2 <= new_end - new_start <= 2 * len(quote):
            return None
        found = self.new[new_start:new_end]
        edits = edit_distances(quote, found, anchored=True)[-1]
        score = 1 - edits / len(quote)
        if score < FUZZY_THRESHOLD or _digits(quote) != _digits(found):
            return None
        return Placement(FUZZY, new_start, new_end, score)

    def _place_point(self, position: int) -> Placement:
        """An empty span: where its position maps through unchanged text, else where its
        whole context (prefix and suffix together) occurs, else nowhere."""
        i = bisect_right(self._starts, position) - 1
        if i >= 0:
            a, b, n = self.blocks[i]
            if position <= a + n:
                return Placement(EXACT, b + position - a, b + position - a, 1.0)
        prefix = self.old[max(0, position - CONTEXT_WIDTH) : position]
        suffix = self.old[position : position + CONTEXT_WIDTH]
        at = self.new.find(prefix + suffix)
        if prefix + suffix and at >= 0:
            return Placement(QUOTE, at + len(prefix), at + len(prefix), 1.0)
        return Placement(ORPHANED, -1, -1, 0.0)


# -- the diff --------------------------------------------------------------------------


def equal_blocks(old: str, new: str) -> list[Block]:
    """Blocks of text the two strings share, in order in both (an alignment)."""
    out: list[Block] = []
    _align(old, new, 0, len(old), 0, len(new), 0, out)
    return out


def _align(
    old: str, new: str, a0: int, a1: int, b0: int, b1: int, level: int, out: list[Block]
) -> None:
    """Append the equal blocks of ``old[a0:a1]`` and ``new[b0:b1]`` to ``out``."""
    head = common_prefix(old, a0, a1, new, b0, b1)
    if head:
        out.append(Block(a0, b0, head))
        a0, b0 = a0 + head, b0 + head
    tail = common_suffix(old, a0, a1, new, b0, b1)
    a1, b1 = a1 - tail, b1 - tail
    if a0 < a1 and b0 < b1:
        if level < len(_LEVELS):
            _align_units(old, new, a0, a1, b0, b1, level, out)
        elif (a1 - a0) * (b1 - b0) <= _MAX_CELLS:
            matcher = SequenceMatcher(None, old[a0:a1], new[b0:b1], autojunk=False)
            out.extend(Block(a0 + i, b0 + j, n) for i, j, n in matcher.get_matching_blocks() if n)
    if tail:
        out.append(Block(a1, b1, tail))


def _align_units(
    old: str, new: str, a0: int, a1: int, b0: int, b1: int, level: int, out: list[Block]
) -> None:
    pattern = _LEVELS[level]
    units_a = pattern.findall(old, a0, a1)
    units_b = pattern.findall(new, b0, b1)
    if len(units_a) == 1 and len(units_b) == 1:
        _align(old, new, a0, a1, b0, b1, level + 1, out)  # nothing to split at this level
        return
    if max(len(units_a), len(units_b)) > _MAX_UNITS:
        return
    at_a, at_b = _offsets(units_a, a0), _offsets(units_b, b0)
    matcher = SequenceMatcher(None, units_a, units_b)  # frequent units are junk here
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.append(Block(at_a[i1], at_b[j1], at_a[i2] - at_a[i1]))
        elif tag == "replace":
            _align(old, new, at_a[i1], at_a[i2], at_b[j1], at_b[j2], level + 1, out)


def _offsets(units: list[str], start: int) -> list[int]:
    out = [start]
    for unit in units:
        start += len(unit)
        out.append(start)
    return out


def common_prefix(a: str, a0: int, a1: int, b: str, b0: int, b1: int) -> int:
    """Length of the common prefix of ``a[a0:a1]`` and ``b[b0:b1]``."""
    limit = min(a1 - a0, b1 - b0)
    equal, step = 0, 64
    while equal < limit:
        upto = min(limit, equal + step)
        if a[a0 + equal : a0 + upto] == b[b0 + equal : b0 + upto]:
            equal, step = upto, step * 2
            continue
        while upto - equal > 1:  # the first ``equal`` agree, the first ``upto`` do not
            middle = (equal + upto) // 2
            if a[a0 + equal : a0 + middle] == b[b0 + equal : b0 + middle]:
                equal = middle
            else:
                upto = middle
        return equal
    return equal


def common_suffix(a: str, a0: int, a1: int, b: str, b0: int, b1: int) -> int:
    """Length of the common suffix of ``a[a0:a1]`` and ``b[b0:b1]``."""
    limit = min(a1 - a0, b1 - b0)
    equal, step = 0, 64
    while equal < limit:
        upto = min(limit, equal + step)
        if a[a1 - upto : a1 - equal] == b[b1 - upto : b1 - equal]:
            equal, step = upto, step * 2
            continue
        while upto - equal > 1:
            middle = (equal + upto) // 2
            if a[a1 - middle : a1 - equal] == b[b1 - middle : b1 - equal]:
                equal = middle
            else:
                upto = middle
        return equal
    return equal


# -- by quote ----------------------------------------------------------------------------


def place_by_quote(new: str, quote: str, prefix: str, suffix: str, expected: int) -> int | None:
    """The start of the occurrence of ``quote`` in ``new`` whose context best agrees with
    ``prefix`` and ``suffix``, if it agrees enough: one side identical (to the text's
    edge where the recorded side is shorter than :data:`CONTEXT_WIDTH`), or at least half
    of the recorded context matching character by character. Both sides identical beats
    one, one beats a partial match (the more matching the better); ties go to the
    occurrence nearest ``expected``."""
    best: tuple[int, int, int] | None = None  # (sides identical, matched, -distance)
    best_at = None
    need = len(prefix) + len(suffix)
    width = len(quote)
    for at in _occurrences(new, quote, expected):
        before = new[max(0, at - CONTEXT_WIDTH) : at]
        after = new[at + width : at + width + CONTEXT_WIDTH]
        same = (before == prefix) + (after == suffix)
        if same:
            matched = 0  # not needed to rank: identical sides and nearness decide
        else:
            matched = common_suffix(prefix, 0, len(prefix), before, 0, len(before))
            matched += common_prefix(suffix, 0, len(suffix), after, 0, len(after))
            if matched * 2 < need:
                continue
        key = (same, matched, -abs(at - expected))
        if best is None or key > best:
            best, best_at = key, at
    return best_at


def _occurrences(text: str, needle: str, around: int) -> list[int]:
    """Starts of ``needle`` in ``text``: up to :data:`MAX_OCCURRENCES` each side of
    ``around``, nearest first on each side."""
    found = []
    at = around
    for _ in range(MAX_OCCURRENCES):
        at = text.find(needle, at)
        if at < 0:
            break
        found.append(at)
        at += 1
    end = around + len(needle) - 1  # rfind looks for the whole needle before this
    for _ in range(MAX_OCCURRENCES):
        at = text.rfind(needle, 0, end)
        if at < 0:
            break
        found.append(at)
        end = at + len(needle) - 1
    return found


# -- fuzzily -------------------------------------------------------------------------------


def place_fuzzily(new: str, quote: str, expected_start: int, expected_end: int) -> Placement:
    """The substring of ``new`` near ``[expected_start, expected_end)`` closest to
    ``quote`` in edits, as a fuzzy placement if similar enough, else an orphan."""
    m = len(quote)
    if m < FUZZY_MIN_LENGTH or m > FUZZY_MAX_LENGTH:
        return Placement(ORPHANED, -1, -1, 0.0)
    reach = FUZZY_REACH + m
    lo = max(0, min(expected_start, expected_end - m) - reach)
    hi = min(len(new), max(expected_end, expected_start + m) + reach)
    window = new[lo:hi]
    ends = edit_distances(quote, window, anchored=False)
    if not ends:
        return Placement(ORPHANED, -1, -1, 0.0)
    fewest = min(ends)
    score = 1 - fewest / m
    if score < FUZZY_THRESHOLD:
        return Placement(ORPHANED, -1, -1, max(score, 0.0))
    target = expected_end - lo
    end = min(
        (j + 1 for j, d in enumerate(ends) if d == fewest), key=lambda e: (abs(e - target), e)
    )
    # The start: the same number of edits, reading backwards from the end.
    first = max(0, end - m - fewest)
    starts = edit_distances(quote[::-1], window[first:end][::-1], anchored=True)
    length = min(
        (n + 1 for n, d in enumerate(starts) if d == fewest), key=lambda n: (abs(n - m), n)
    )
    start = lo + end - length
    if _digits(quote) != _digits(new[start : lo + end]):
        return Placement(ORPHANED, -1, -1, score)  # a changed number is other data
    return Placement(FUZZY, start, lo + end, score)


def _digits(text: str) -> list[str]:
    return [ch for ch in text if ch.isdigit()]


def edit_distances(pattern: str, text: str, *, anchored: bool) -> list[int]:
    """For each ``j``, the fewest edits (insertions, deletions, substitutions) turning
    ``pattern`` into a substring of ``text`` ending at ``j + 1``: any substring, or with
    ``anchored`` only ``text[:j + 1]``. Myers' bit-parallel algorithm (Hyyrö's form)."""
    m = len(pattern)
    if m == 0:
        return [0 if not anchored else j + 1 for j in range(len(text))]
    peq: dict[str, int] = {}
    for i, ch in enumerate(pattern):
        peq[ch] = peq.get(ch, 0) | (1 << i)
    mask = (1 << m) - 1
    top = 1 << (m - 1)
    pv, mv, score = mask, 0, m
    carry = 1 if anchored else 0
    out = []
    for ch in text:
        eq = peq.get(ch, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | ~(xh | pv)
        mh = pv & xh
        if ph & top:
            score += 1
        elif mh & top:
            score -= 1
        ph = (ph << 1) | carry
        mh <<= 1
        pv = (mh | ~(xv | ph)) & mask
        mv = ph & xv & mask
        out.append(score)
    return out


# A text imported under the title of a known document (from another path) is its new
# version only if at least this share of the old text is unchanged in it.
TITLE_MATCH_SHARED = 0.5


def version_diff(old: str, new: str, *, same_source: bool) -> TextDiff | None:
    """The diff of ``old`` and ``new`` if ``new`` counts as a new version of the document
    whose text is ``old``: always when it comes from the same source (path), and under the
    same title only when :data:`TITLE_MATCH_SHARED` of ``old`` is unchanged; else None."""
    diff = TextDiff(old, new)
    if not same_source:
        shared = sum(block.length for block in diff.blocks)
        if shared < TITLE_MATCH_SHARED * len(old):
            return None
    return diff
