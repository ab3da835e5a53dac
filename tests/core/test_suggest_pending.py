"""Which suggestions stay open, and the annotation an acceptance makes."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.model import Annotation
from annotator.core.suggest import SUGGESTED, Suggestion, as_annotation, pending

NOW = datetime(2026, 11, 26, 12, 0, 0)


def suggestion(label: str, start: int, end: int) -> Suggestion:
    return Suggestion(label, start, end, 0.9, "reason", f"{label}:rule")


def annotation(label: str, start: int, end: int) -> Annotation:
    return Annotation("a", "d", label, start, end, None, "me", NOW, NOW)


def test_an_overlapping_annotation_of_the_same_label_closes_a_suggestion():
    found = [suggestion("statistic", 10, 20), suggestion("claim", 0, 30)]
    assert pending(found, [annotation("statistic", 15, 25)]) == [found[1]]
    assert pending(found, [annotation("refusal", 10, 20)]) == found  # another label
    assert pending(found, [annotation("statistic", 20, 25)]) == found  # touching only


def test_rejected_suggestions_are_left_out_and_order_is_kept():
    found = [suggestion("claim", 0, 5), suggestion("claim", 6, 9), suggestion("refusal", 6, 9)]
    assert pending(found, [], {("claim", 6, 9)}) == [found[0], found[2]]


@given(
    st.lists(st.tuples(st.sampled_from("ab"), st.integers(0, 30), st.integers(1, 10))),
    st.lists(st.tuples(st.sampled_from("ab"), st.integers(0, 30), st.integers(1, 10))),
)
def test_pending_against_a_naive_check(raw_suggestions, raw_annotations):
    found = [suggestion(label, s, s + n) for label, s, n in raw_suggestions]
    anns = [annotation(label, s, s + n) for label, s, n in raw_annotations]
    expected = [
        x
        for x in found
        if not any(
            a.label == x.label and set(range(a.start, a.end)) & set(range(x.start, x.end))
            for a in anns
        )
    ]
    assert pending(found, anns) == expected


def test_an_accepted_suggestion_records_source_and_rule():
    s = suggestion("statistic", 3, 9)
    made = as_annotation(s, "doc", "alice", NOW)
    assert (made.document_id, made.label, made.start, made.end) == ("doc", "statistic", 3, 9)
    assert (made.annotator, made.source, made.rule) == ("alice", SUGGESTED, "statistic:rule")
    assert made.created_at == made.updated_at == NOW and made.note is None
    assert as_annotation(s, "doc", "alice", NOW, label="claim").label == "claim"
    assert as_annotation(s, "doc", "alice", NOW).id != made.id
