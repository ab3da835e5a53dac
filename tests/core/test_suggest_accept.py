"""What accepting many suggestions at once stores (annotator.core.suggest.accepted_together)."""

from __future__ import annotations

from annotator.core.suggest import Suggestion, accepted_together


def s(label, start, end, confidence, rule="r"):
    return Suggestion(label, start, end, confidence, "why", f"{label}:{rule}")


def test_of_two_overlapping_of_a_label_the_more_confident_is_kept():
    low, high = s("refusal", 0, 30, 0.6), s("refusal", 10, 20, 0.9)
    assert accepted_together([low, high]) == [high]
    assert accepted_together([high, low]) == [high]


def test_labels_do_not_exclude_each_other_and_apart_spans_all_stay():
    claim, stat = s("claim", 0, 50, 0.5), s("statistic", 10, 15, 0.9)
    apart = s("claim", 50, 60, 0.4)  # touches the first claim's end: no shared code point
    assert accepted_together([apart, stat, claim]) == [claim, stat, apart]


def test_a_chain_keeps_what_the_more_confident_leave_free():
    # b beats a and c; a and c do not overlap each other but both overlap b.
    a, b, c = s("claim", 0, 10, 0.5), s("claim", 8, 14, 0.8), s("claim", 12, 20, 0.5)
    assert accepted_together([a, b, c]) == [b]
    d = s("claim", 14, 20, 0.1)  # free once c is out
    assert accepted_together([a, b, c, d]) == [b, d]


def test_ties_go_to_the_earlier_then_the_longer_then_the_rule_name():
    first, later = s("claim", 0, 10, 0.7), s("claim", 5, 15, 0.7)
    assert accepted_together([later, first]) == [first]
    short, long = s("claim", 0, 5, 0.7), s("claim", 0, 9, 0.7)
    assert accepted_together([short, long]) == [long]
    x, y = s("claim", 0, 5, 0.7, "b"), s("claim", 0, 5, 0.7, "a")
    assert accepted_together([x, y]) == [y]


def test_nothing_in_nothing_out():
    assert accepted_together([]) == []
