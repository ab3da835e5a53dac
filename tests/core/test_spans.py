from __future__ import annotations

import random

from annotator.core.spans import Interval, SpanIndex, SpanTable, context, trim_span


def test_trim_span_strips_surrounding_whitespace():
    text = "  hello world \n\t"
    assert trim_span(text, 0, len(text)) == (2, 13)
    assert text[2:13] == "hello world"


def test_trim_span_whitespace_only_and_empty():
    text = "a \u00a0\u2028\u3000 b"
    assert trim_span(text, 1, 6) is None
    assert trim_span(text, 3, 3) is None


def test_trim_span_clamps_to_text():
    assert trim_span("abc", -5, 99) == (0, 3)


def test_context_is_at_most_width():
    text = "0123456789"
    assert context(text, 4, 6, width=3) == ("123", "678")
    assert context(text, 0, 10, width=3) == ("", "")


def brute(intervals, start, end):
    return sorted(
        (iv for iv in intervals if iv.start < end and iv.end > start),
        key=lambda iv: (iv.start, -iv.end, str(iv.key)),
    )


def test_index_matches_brute_force_with_adds_and_removes():
    rng = random.Random(7)
    index = SpanIndex(bucket_width=16)
    live: dict[int, Interval] = {}
    for step in range(600):
        if live and rng.random() < 0.3:
            key = rng.choice(list(live))
            assert index.remove(key) == live.pop(key)
        else:
            start = rng.randint(0, 300)
            iv = Interval(start, start + rng.randint(1, 80), step)
            index.add(iv)
            live[step] = iv
        a = rng.randint(0, 380)
        b = a + rng.randint(1, 40)
        assert index.overlapping(a, b) == brute(live.values(), a, b)
    assert len(index) == len(live)


def test_at_lists_outermost_first():
    index = SpanIndex([Interval(0, 10, "outer"), Interval(2, 5, "inner"), Interval(5, 8, "x")])
    assert [iv.key for iv in index.at(3)] == ["outer", "inner"]
    assert [iv.key for iv in index.at(5)] == ["outer", "x"]
    assert index.at(10) == []


def test_empty_interval_not_stored_and_readding_replaces():
    index = SpanIndex()
    index.add(Interval(3, 3, "empty"))
    assert "empty" not in index
    index.add(Interval(0, 5, "k"))
    index.add(Interval(10, 12, "k"))
    assert index.at(1) == []
    assert index.get("k") == Interval(10, 12, "k")


def test_any_in_agrees_with_a_brute_force_scan():
    rng = random.Random(11)
    for _ in range(50):
        intervals = []
        for i in range(rng.randint(0, 60)):
            start = rng.randrange(0, 20_000)
            intervals.append(Interval(start, start + rng.randint(0, 3000), i))
        index = SpanIndex(intervals, bucket_width=rng.choice([16, 256, 2048]))
        for _ in range(100):
            start = rng.randrange(0, 24_000)
            end = start + rng.randint(0, 500)
            naive = end > start and any(
                iv.start < end and iv.end > start and iv.end > iv.start for iv in intervals
            )
            assert index.any_in(start, end) == naive


def test_an_index_built_at_once_equals_one_built_interval_by_interval():
    rng = random.Random(11)
    for _ in range(50):
        intervals = []
        for _ in range(rng.randint(0, 200)):
            start = rng.randint(0, 500)
            key = rng.randint(0, 60)  # repeated keys: the last one given wins
            intervals.append(Interval(start, start + rng.randint(-3, 90), key))
        at_once = SpanIndex(intervals, bucket_width=32)
        one_by_one = SpanIndex(bucket_width=32)
        for iv in intervals:
            one_by_one.add(iv)
        assert len(at_once) == len(one_by_one)
        for _ in range(20):
            a = rng.randint(0, 600)
            b = a + rng.randint(1, 120)
            assert at_once.overlapping(a, b) == one_by_one.overlapping(a, b)
            assert at_once.any_in(a, b) == bool(one_by_one.overlapping(a, b))
        assert at_once._buckets == one_by_one._buckets


def test_span_table_matches_brute_force_with_adds_replacements_and_removes():
    rng = random.Random(11)
    table = SpanTable(bucket_width=16)
    live: dict[str, tuple[int, int, str, str]] = {}
    for _step in range(600):
        if live and rng.random() < 0.3:
            key = rng.choice(list(live))
            start, end, _key, _label = live.pop(key)
            assert table.remove(key) == (start, end)
        else:
            key = f"k{rng.randint(0, 120)}"  # sometimes a key already there: replaced
            start = rng.randint(0, 300)
            span = (start, start + rng.randint(1, 80), key, rng.choice("abc"))
            table.add(key, span[3], span[0], span[1])
            live[key] = span
        a = rng.randint(0, 380)
        b = a + rng.randint(1, 40)
        wanted = sorted(
            (s for s in live.values() if s[0] < b and s[1] > a), key=lambda s: (s[0], -s[1], s[2])
        )
        assert table.overlapping(a, b) == wanted
    assert len(table) == len(live)
    assert all(table.label(key) == span[3] for key, span in live.items())


def test_span_table_built_at_once_keeps_the_last_span_of_a_key_and_no_empty_one():
    table = SpanTable([("k", "a", 0, 5), ("e", "a", 3, 3), ("k", "b", 10, 12)])
    assert "e" not in table and len(table) == 1
    assert table.overlapping(0, 20) == [(10, 12, "k", "b")]
