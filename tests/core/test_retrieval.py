"""Retrieval: every annotation a query keeps, with exactly N code points of context."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.model import Annotation, Document
from annotator.core.retrieval import Query, QueryError, parse_attribute, retrieve

MOMENT = datetime(2026, 1, 1, tzinfo=UTC)


def doc(doc_id, title, text, published=None):
    return Document(doc_id, title, "s.txt", text, "0" * 64, MOMENT, published=published)


def ann(ann_id, doc_id, label, start, end, who="ana", note=None, attributes=()):
    return Annotation(
        ann_id, doc_id, label, start, end, note, who, MOMENT, MOMENT, tuple(attributes)
    )


TEXT = "Police said 40 cameras 😀 were installed. The bureau declined to say where."
A = doc("a", "Cameras in Kowloon", TEXT, "2024-02-22")
B = doc("b", "Budget hearing", "The minister said the budget grew by 4 per cent.", None)
CORPUS = [
    (
        A,
        [
            ann("1", "a", "statistic", 12, 22, attributes=(("value", 40),)),
            ann("2", "a", "claim", 0, 40, who="bo"),
            ann("3", "a", "refusal", 52, 73, note="no reason given"),
        ],
    ),
    (B, [ann("4", "b", "claim", 0, 47), ann("5", "b", "statistic", 37, 47)]),
]


def rows(query):
    return [(h.document.id, h.annotation.id) for h in retrieve(CORPUS, query)]


def test_filters_of_one_kind_are_alternatives_and_kinds_must_all_hold():
    assert rows(Query()) == [("a", "2"), ("a", "1"), ("a", "3"), ("b", "4"), ("b", "5")]
    assert rows(Query(labels=("claim", "refusal"))) == [("a", "2"), ("a", "3"), ("b", "4")]
    assert rows(Query(labels=("claim",), annotators=("ana",))) == [("b", "4")]
    assert rows(Query(attributes=(parse_attribute("value=40.0"),))) == [("a", "1")]
    assert rows(Query(attributes=(("value", "40"),))) == []  # text is not the number
    assert rows(Query(match=r"reason")) == [("a", "3")]  # in the note
    assert rows(Query(match=r"^The bureau", context=60)) == []  # anchors: per part
    assert rows(Query(match=r"bureau", labels=("statistic",))) == [("a", "1")]  # context
    assert rows(Query(match=r"bureau", labels=("statistic",), context=5)) == []
    assert rows(Query(documents=("kowloon",))) == [("a", "2"), ("a", "1"), ("a", "3")]
    assert rows(Query(since="2024")) == rows(Query(documents=("Cameras",)))
    assert rows(Query(until="2024-02")) == rows(Query(documents=("Cameras",)))
    assert rows(Query(until="2024-01")) == []  # and b has no date: left out by either


def test_a_bad_query_is_refused_with_what_is_wrong():
    with pytest.raises(QueryError, match="unterminated"):
        retrieve(CORPUS, Query(match="["))
    with pytest.raises(QueryError, match="NAME=VALUE"):
        parse_attribute("value")
    assert parse_attribute("done=true") == ("done", True)
    assert parse_attribute("unit= cameras") == ("unit", " cameras")


@given(
    st.text(alphabet="ab 😀\n.é", min_size=1, max_size=40),
    st.data(),
    st.integers(0, 12),
)
def test_the_context_is_n_code_points_each_side_or_what_the_text_has(text, data, width):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    [hit] = retrieve(
        [(doc("d", "T", text), [ann("x", "d", "claim", start, end)])], Query(context=width)
    )
    assert hit.quote == text[start:end]
    assert hit.left + hit.quote + hit.right in text
    assert len(hit.left) == min(width, start) and len(hit.right) == min(width, len(text) - end)
    assert text.startswith(hit.left + hit.quote, start - len(hit.left))
