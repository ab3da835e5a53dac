"""Co-occurrence counts, checked against a brute-force count over every pair."""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import combinations

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.cooccurrence import cooccurrence, pairs, pairs_of, unit_starts
from annotator.core.model import Annotation

MOMENT = datetime(2026, 1, 1, tzinfo=UTC)
LABELS = ("claim", "refusal", "statistic")


def ann(i, label, start, end):
    return Annotation(str(i), "d", label, start, end, None, "ana", MOMENT, MOMENT)


def brute(text, spans, scope):
    """Every unordered pair looked at, the scope decided from its definition."""

    def unit(offset):
        return sum(1 for s in unit_starts(text, scope) if s <= offset)

    counts = {(a, b): 0 for a in LABELS for b in LABELS}
    for x, y in combinations(spans, 2):
        if scope == "overlap":
            together = x.start < y.end and y.start < x.end
        else:
            together = unit(x.start) == unit(y.start)
        if together:
            counts[x.label, y.label] += 1
            if x.label != y.label:
                counts[y.label, x.label] += 1
    return counts


TEXT = "Police said 40 cameras. The bureau declined!\n\nIt said “no”. Later: 3 more."


def test_a_known_text_counts_as_defined():
    spans = [
        ann(1, "claim", 0, 23),
        ann(2, "statistic", 12, 22),
        ann(3, "refusal", 24, 44),
        ann(4, "claim", 46, 59),
        ann(5, "statistic", 67, 73),
    ]
    overlap = cooccurrence([(TEXT, spans)], LABELS, "overlap")
    assert overlap.count("claim", "statistic") == overlap.count("statistic", "claim") == 1
    assert overlap.count("claim", "refusal") == 0
    sentence = cooccurrence([(TEXT, spans)], LABELS, "sentence")
    assert sentence.count("claim", "statistic") == 1 and sentence.count("claim", "refusal") == 0
    paragraph = cooccurrence([(TEXT, spans)], LABELS, "paragraph")
    assert paragraph.count("claim", "refusal") == 1  # the first paragraph
    assert paragraph.count("claim", "statistic") == 2  # one in each paragraph
    assert paragraph.count("claim", "claim") == 0  # never two claims in one paragraph
    assert unit_starts(TEXT, "sentence") == [0, 24, 46, 60]


@given(
    st.lists(
        st.tuples(st.sampled_from(LABELS), st.integers(0, 70), st.integers(1, 12)), max_size=14
    ),
    st.sampled_from(("overlap", "sentence", "paragraph")),
)
def test_counts_equal_a_brute_force_count(raw, scope):
    spans = [
        ann(i, label, start, min(start + length, len(TEXT)))
        for i, (label, start, length) in enumerate(raw)
        if start < len(TEXT)
    ]
    table = cooccurrence([(TEXT, spans)], LABELS, scope)
    expected = brute(TEXT, spans, scope)
    for a in LABELS:
        for b in LABELS:
            assert table.count(a, b) == expected[a, b], (a, b)
    assert len(pairs(TEXT, spans, scope)) == sum(
        expected[a, b] for a in LABELS for b in LABELS if a <= b
    )
    for a in LABELS:
        for b in LABELS:
            found = pairs_of([(TEXT, spans)], a, b, scope)  # what a matrix cell retrieves
            assert len(found) == expected[a, b]
            assert all({x.label, y.label} == {a, b} and x.id != y.id for x, y in found)
