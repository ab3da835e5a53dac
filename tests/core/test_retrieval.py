"""Retrieval: every annotation a query keeps, with exactly N code points of context."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.model import Annotation, Document
from annotator.core.retrieval import (
    AttributeTest,
    Query,
    QueryError,
    parse_attribute,
    query_from_dict,
    query_to_dict,
    retrieve,
)

MOMENT = datetime(2026, 1, 1, tzinfo=UTC)


def doc(doc_id, title, text, published=None, author=None):
    return Document(
        doc_id, title, "s.txt", text, "0" * 64, MOMENT, author=author, published=published
    )


def ann(ann_id, doc_id, label, start, end, who="ana", note=None, attributes=()):
    return Annotation(
        ann_id, doc_id, label, start, end, note, who, MOMENT, MOMENT, tuple(attributes)
    )


TEXT = "Police said 40 cameras 😀 were installed. The bureau declined to say where."
A = doc("a", "Cameras in Kowloon", TEXT, "2024-02-22", author="Mary Chan")
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


def rows(query, done=None):
    return [(h.document.id, h.annotation.id) for h in retrieve(CORPUS, query, done=done)]


def test_filters_of_one_kind_are_alternatives_and_kinds_must_all_hold():
    assert rows(Query()) == [("a", "2"), ("a", "1"), ("a", "3"), ("b", "4"), ("b", "5")]
    assert rows(Query(labels=("claim", "refusal"))) == [("a", "2"), ("a", "3"), ("b", "4")]
    assert rows(Query(labels=("claim",), annotators=("ana",))) == [("b", "4")]
    assert rows(Query(attributes=(parse_attribute("value=40.0"),))) == [("a", "1")]
    assert rows(Query(attributes=(AttributeTest("value", "equals", "40"),))) == []  # text

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
    assert parse_attribute("done=true") == AttributeTest("done", "equals", True)
    assert parse_attribute("unit= cameras") == AttributeTest("unit", "equals", " cameras")
    with pytest.raises(QueryError, match="not a number"):
        parse_attribute("value=a..9")
    with pytest.raises(QueryError, match="YYYY"):
        retrieve(CORPUS, Query(since="22 Feb 2024"))


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


def test_typed_attribute_tests_equal_range_and_contains():
    corpus = [
        (
            doc("d", "T", "x" * 50),
            [
                ann("n1", "d", "statistic", 0, 1, attributes=(("value", 5),)),
                ann("n2", "d", "statistic", 1, 2, attributes=(("value", 12.5),)),
                ann("n3", "d", "statistic", 2, 3, attributes=(("value", "12"),)),
                ann("n4", "d", "statistic", 3, 4, attributes=(("value", True),)),
                ann("t1", "d", "refusal", 4, 5, attributes=(("reason", "Security grounds"),)),
                ann("t2", "d", "refusal", 5, 6),
            ],
        )
    ]

    def ids(*tests):
        return [h.annotation.id for h in retrieve(corpus, Query(attributes=tests))]

    assert ids(parse_attribute("value=5..12.5")) == ["n1", "n2"]  # bounds included
    assert ids(parse_attribute("value=6..")) == ["n2"]  # text and booleans are no numbers
    assert ids(parse_attribute("value=..5")) == ["n1"]
    assert ids(parse_attribute("reason~SECURITY")) == ["t1"]  # case ignored
    assert ids(parse_attribute("value~12")) == ["n2", "n3"]  # contains: the text form
    assert ids(parse_attribute("value=true")) == ["n4"]
    assert ids(parse_attribute("value=5..12.5"), parse_attribute("value~2")) == ["n2"]


def test_document_filters_and_plain_text_match_and_ids():
    assert rows(Query(authors=("chan",))) == [("a", "2"), ("a", "1"), ("a", "3")]
    assert rows(Query(done=True), done={"b"}) == [("b", "4"), ("b", "5")]
    assert rows(Query(done=False), done={"b"}) == [("a", "2"), ("a", "1"), ("a", "3")]
    with pytest.raises(ValueError, match="done"):
        rows(Query(done=True))
    assert rows(Query(match="POLICE SAID", regex=False, match_in=("quote",))) == [("a", "2")]
    assert rows(Query(match="40 c", regex=False, match_in=("quote",))) == [("a", "2"), ("a", "1")]
    assert rows(Query(match="(", regex=False)) == []  # plain text: no pattern to break
    assert rows(Query(match="reason", match_in=("quote", "context"))) == []  # only in a note
    assert rows(Query(ids=frozenset({"5", "1"}))) == [("a", "1"), ("b", "5")]


def test_a_saved_query_reads_back_as_it_was():
    query = Query(
        labels=("claim",),
        attributes=(parse_attribute("value=1..2"), parse_attribute("unit~cam")),
        match="bureau",
        regex=False,
        match_in=("note",),
        since="2024",
        done=False,
        ids=frozenset({"b", "a"}),
        context=10,
    )
    import json

    assert query_from_dict(json.loads(json.dumps(query_to_dict(query)))) == query
    assert query_to_dict(Query()) == {}
    assert query_from_dict({"labels": ["claim"], "from_a_newer_version": 1}) == Query(
        labels=("claim",)
    )
    with pytest.raises(QueryError, match="saved query"):
        query_from_dict({"attributes": [{"nome": "x"}]})


@given(
    st.text(alphabet="aAbß İ\n", min_size=1, max_size=30),
    st.text(alphabet="aAbß İ", min_size=1, max_size=3),
    st.data(),
    st.integers(0, 6),
    st.sampled_from([("context",), ("quote",)]),
)
def test_a_plain_match_is_found_where_the_rows_text_holds_it_case_ignored(
    text, needle, data, width, places
):
    spans = []
    for i in range(data.draw(st.integers(1, 6))):
        start = data.draw(st.integers(0, len(text) - 1))
        end = data.draw(st.integers(start + 1, len(text)))
        spans.append(ann(str(i), "d", "claim", start, end))
    query = Query(match=needle, regex=False, match_in=places, context=width)
    got = {h.annotation.id for h in retrieve([(doc("d", "T", text), spans)], query)}

    def shown(a):
        return (
            (max(0, a.start - width), a.end + width) if places == ("context",) else (a.start, a.end)
        )

    want = {a.id for a in spans if needle.casefold() in text[slice(*shown(a))].casefold()}
    assert got == want


# Patterns that look at the text around (or match nothing) and patterns that do not.
PATTERNS = [
    *("a", "ab$", r"b\b", r"\Ba", "a(?=b)", "a(?!b)", "^a", r"(?<=b)a", "a.b", "a*", "b+a?"),
    *(r"\b", r"\ba", r"\bab\b", r"\Bb", r"\b\w+", r"\b(?:a|)", r"\b.", r"\B", r"\ba|b\b"),
]


@settings(max_examples=300)
@given(
    st.lists(st.text(alphabet="ab. \n", min_size=1, max_size=25), min_size=1, max_size=3),
    st.sampled_from(PATTERNS),
    st.data(),
    st.integers(0, 4),
)
def test_a_regex_finds_what_a_search_of_each_stretch_finds(texts, pattern, data, width):
    import re

    corpus = []
    for d, text in enumerate(texts):
        spans = []
        for i in range(data.draw(st.integers(0, 4))):
            start = data.draw(st.integers(0, len(text) - 1))
            end = data.draw(st.integers(start + 1, len(text)))
            spans.append(ann(f"{d}-{i}", str(d), "claim", start, end))
        corpus.append((doc(str(d), "T", text), spans))
    query = Query(match=pattern, match_in=("context",), context=width)
    got = {h.annotation.id for h in retrieve(corpus, query)}
    compiled = re.compile(pattern)
    want = {
        a.id
        for document, spans in corpus
        for a in spans
        if compiled.search(document.text, max(0, a.start - width), a.end + width)
    }
    assert got == want


def test_memos_are_searched_with_the_query_text_and_document_filters():
    from annotator.core.retrieval import search_memos

    memos = {
        None: "Across outlets the Bureau refuses; the BUREAU never gives a reason.",
        "a": "Kowloon: the bureau's figures differ from the police's.",
        "b": "Nothing on the bureau here? Yes: bureau.",
    }
    documents = [A, B]

    def found(query, done=None):
        return [
            (h.document.id if h.document else None, h.quote, h.left, h.right)
            for h in search_memos(memos, documents, query, done=done)
        ]

    plain = Query(match="bureau", regex=False, context=4)
    assert found(plain) == [
        (None, "Bureau", "the ", " ref"),
        (None, "BUREAU", "the ", " nev"),
        ("a", "bureau", "the ", "'s f"),
        ("b", "bureau", "the ", " her"),
        ("b", "bureau", "es: ", "."),
    ]
    assert found(Query(match=r"\bbureau\b", context=0)) == [("a", "bureau", "", ""),
        ("b", "bureau", "", ""), ("b", "bureau", "", "")]  # fmt: skip
    by_author = found(Query(match="bureau", regex=False, authors=("chan",)))
    assert by_author == found(Query(match="bureau", regex=False, documents=("Kowloon",)))
    assert by_author == [("a", "bureau", "Kowloon: the ", "'s figures differ from the police's.")]
    assert [d for d, *_ in found(Query(match="bureau", regex=False, done=True), {"b"})] == [
        "b",
        "b",
    ]
    assert found(Query(match="bureau", labels=("claim",))) == []  # memos have no label
    assert found(Query(match="bureau", match_in=("quote", "note"))) == []  # not asked
    assert found(Query(match="x*")) == []  # empty matches are no places
    assert found(Query()) == []
