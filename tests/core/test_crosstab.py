"""Cross-tabulation: counts per category equal a brute-force count made here, in the
promised order."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.crosstab import NONE, CrosstabError, crosstab
from annotator.core.model import Annotation, AttributeSpec, Document, Label

MOMENT = datetime(2026, 1, 1, tzinfo=UTC)
SCHEME = (
    Label("claim", "#0072b2", attributes=(AttributeSpec("stance", "choice", ("for", "against")),)),
    Label("refusal", "#d55e00", attributes=(AttributeSpec("reason"),)),
    Label("statistic", "#009e73", attributes=(AttributeSpec("value", "number"),)),
)


def doc(doc_id, author=None, source="s.txt", published=None):
    return Document(
        doc_id, doc_id, source, "x" * 100, "0" * 64, MOMENT, author=author, published=published
    )


def ann(ann_id, doc_id, label, who="ana", orphaned=False, **attributes):
    return Annotation(
        ann_id, doc_id, label, 0, 1, None, who, MOMENT, MOMENT,
        tuple(sorted(attributes.items())), orphaned,
    )  # fmt: skip


A = doc("a", author="Lee", source="hkfp.org", published="2024-02-22")
B = doc("b", author="Chan", source="scmp.com", published="2023")
C = doc("c", author=None, source="hkfp.org", published=None)
CORPUS = [
    (
        A,
        [
            ann("1", "a", "statistic", value=2000),
            ann("2", "a", "statistic", who="bo", value=2000.0),
            ann("3", "a", "statistic", value=12.5),
            ann("4", "a", "claim", stance="for"),
            ann("5", "a", "statistic", orphaned=True, value=7),
        ],
    ),
    (B, [ann("6", "b", "statistic", who="bo"), ann("7", "b", "refusal", who="bo", reason="law")]),
    (C, [ann("8", "c", "statistic", who="cy", value=12.5), ann("9", "c", "claim", who="cy")]),
]


def pairs(label, by):
    table = crosstab(CORPUS, SCHEME, label, by)
    return list(zip(table.categories, table.column(label), strict=True))


def test_each_breakdown_counts_the_labels_annotations_most_frequent_first():
    assert pairs("statistic", "annotator") == [("ana", 2), ("bo", 2), ("cy", 1)]
    assert pairs("statistic", "author") == [("Lee", 3), ("Chan", 1), (NONE, 1)]
    assert pairs("statistic", "source") == [("hkfp.org", 4), ("scmp.com", 1)]
    assert pairs("statistic", "year") == [("2024", 3), ("2023", 1), (NONE, 1)]
    # 2000 and 2000.0 are one category; numbers tie by value; the orphan is not counted.
    assert pairs("statistic", "attribute:value") == [("12.5", 2), ("2000", 2), (NONE, 1)]
    # A choice attribute lists every choice, those never chosen with 0.
    assert pairs("claim", "attribute:stance") == [("for", 1), ("against", 0), (NONE, 1)]


def test_without_a_label_every_label_is_a_column():
    table = crosstab(CORPUS, SCHEME, None, "annotator")
    assert table.labels == ("claim", "refusal", "statistic")
    assert table.categories == ("ana", "bo", "cy")
    assert table.counts == ((1, 0, 2), (0, 1, 2), (1, 0, 1))
    assert table.totals() == (3, 3, 2) and table.label_totals() == (2, 1, 5)
    assert table.shares() == (3 / 8, 3 / 8, 2 / 8)


def test_unknown_labels_breakdowns_and_attributes_are_named():
    with pytest.raises(CrosstabError, match="label 'quote': no such label"):
        crosstab(CORPUS, SCHEME, "quote", "annotator")
    with pytest.raises(CrosstabError, match="'colour': one of annotator, author"):
        crosstab(CORPUS, SCHEME, "claim", "colour")
    with pytest.raises(CrosstabError, match="label 'claim' has no attribute 'reason'"):
        crosstab(CORPUS, SCHEME, "claim", "attribute:reason")
    assert crosstab(CORPUS, SCHEME, None, "attribute:reason").categories == ("law", NONE)


VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 3), st.sampled_from([1.0, 2.5, -0.0]),
    st.sampled_from(["a", "B", "b", " ", "1"]),
)  # fmt: skip


@st.composite
def corpora(draw):
    out = []
    for d in range(draw(st.integers(0, 4))):
        document = doc(
            f"d{d}",
            author=draw(st.sampled_from([None, "", "Lee", "lee", "Chan"])),
            source=draw(st.sampled_from(["p", "q"])),
            published=draw(st.sampled_from([None, "2024", "2023-05-01", "spring"])),
        )
        spans = []
        for i in range(draw(st.integers(0, 6))):
            value = draw(VALUES)
            spans.append(
                ann(
                    f"d{d}-{i}", document.id, draw(st.sampled_from(["claim", "refusal"])),
                    who=draw(st.sampled_from(["ana", "bo"])), orphaned=draw(st.booleans()),
                    **({} if value is None else {"reason": value}),
                )
            )  # fmt: skip
        out.append((document, spans))
    return out


def brute_category(document, annotation, by):
    """The category worked out plainly, breakdown by breakdown."""
    if by == "annotator":
        return annotation.annotator
    if by == "author":
        return document.author if document.author else NONE
    if by == "source":
        return document.source
    if by == "year":
        published = document.published or ""
        return published[:4] if published[:4].isdigit() else NONE
    value = dict(annotation.attributes).get("reason")
    if value is True or value is False:
        return {True: "yes", False: "no"}[value]
    if isinstance(value, float) and value == int(value):
        return str(int(value))
    return NONE if value is None or str(value).strip() == "" else str(value)


@given(corpora(), st.sampled_from(["annotator", "author", "source", "year", "attribute:reason"]))
def test_counts_equal_a_brute_force_count(corpus, by):
    table = crosstab(corpus, SCHEME, "refusal", by)
    expected: dict[str, int] = {}
    for document, spans in corpus:
        for a in spans:
            if a.label == "refusal" and not a.orphaned:
                key = brute_category(document, a, by)
                expected[key] = expected.get(key, 0) + 1
    got = dict(zip(table.categories, table.column("refusal"), strict=True))
    assert got == expected and len(table.categories) == len(expected)
    counts = [got[c] for c in table.categories if c != NONE]
    assert counts == sorted(counts, reverse=True)  # most frequent first
    assert NONE not in table.categories[:-1]  # and (none) last
