"""Suggestions held as arrays: read back as they were given, found, walked, joined."""

from __future__ import annotations

import random

from annotator.core.spans import Interval, SpanIndex
from annotator.core.suggest import Suggestion
from annotator.core.suggest.learned import combine
from annotator.core.suggest.rows import SuggestionRows, combined, order


def made(seed: int, count: int) -> list[Suggestion]:
    rng = random.Random(seed)
    found = {}
    for _ in range(count):
        start = rng.randrange(0, 5000)
        label = rng.choice(["claim", "statistic", "refusal", "市民 😀"])
        s = Suggestion(
            label,
            start,
            start + rng.randint(1, 300),
            rng.choice([0.65, 0.8, 1.0]),
            f"number '{rng.randrange(9)}' counting 😀",
            f"{label}:rule-{rng.randrange(3)}",
        )
        found[s.key] = s
    return list(found.values())


def test_rows_give_back_every_suggestion_in_order():
    given = made(1, 2000)
    rows = SuggestionRows(given)
    assert list(rows) == sorted(given, key=order)
    assert rows[-1] == max(given, key=order)
    assert rows[3:5] == sorted(given, key=order)[3:5]
    assert SuggestionRows(list(rows), ordered=True)[::-1] == list(rows)[::-1]


def test_rows_find_overlap_and_delete_as_a_span_index_does():
    given = made(2, 1500)
    rows = SuggestionRows(given)
    index = SpanIndex(Interval(s.start, s.end, s.key) for s in given)
    for start, end in [(0, 1), (100, 160), (2500, 2501), (4999, 5400), (7, 7)]:
        ours = [rows[r].key for r in rows.overlapping(start, end)]
        assert ours == [iv.key for iv in index.overlapping(start, end)]
    s = rows[700]
    assert rows.find(s.key) == 700 and s in rows
    assert rows.position(s.start, s.end, s.label, after=True) == 701
    rows.delete(700)
    index.remove(s.key)
    assert rows.find(s.key) is None and len(rows) == len(given) - 1
    assert [rows[r].key for r in rows.overlapping(s.start, s.end)] == [
        iv.key for iv in index.overlapping(s.start, s.end)
    ]


def test_pieces_joined_are_the_whole_and_learned_ones_win():
    every = sorted(made(3, 3000), key=order)
    cut = [s for s in every if s.start < 2000], [s for s in every if s.start >= 2000]
    assert list(SuggestionRows.joined(SuggestionRows(part) for part in cut)) == every
    mine = [s._replace(reason="you tagged this phrase in «A»") for s in every[::7]]
    mine += made(4, 50)
    mine = sorted({s.key: s for s in mine}.values(), key=order)
    assert list(combined(SuggestionRows(every), mine)) == combine(every, mine)
