from __future__ import annotations

from datetime import UTC, datetime
from itertools import count

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.curation import (
    ACCEPTED,
    AGREED,
    BOUNDARY,
    DISPUTED,
    GOLD,
    LABEL,
    MISSING,
    OPEN,
    REJECTED,
    STATUSES,
    Disagreement,
    SpanKey,
    annotators_of,
    candidates,
    gold_annotation,
    layers,
    shared_attributes,
    tally,
    to_accept,
)
from annotator.core.model import Annotation

MOMENT = datetime(2026, 1, 31, 12, 0, tzinfo=UTC)
_ids = count()


def ann(
    annotator: str,
    label: str,
    start: int,
    end: int,
    *,
    attributes: tuple = (),
    orphaned: bool = False,
) -> Annotation:
    return Annotation(
        f"a{next(_ids)}",
        "doc",
        label,
        start,
        end,
        None,
        annotator,
        MOMENT,
        MOMENT,
        attributes,
        orphaned,
    )


def by_key(found):
    return {c.key: c for c in found}


def test_identical_spans_of_several_annotators_are_one_agreed_candidate():
    a, b = ann("ana", "claim", 0, 10), ann("ben", "claim", 0, 10)
    (only,) = candidates([a, b])
    assert only.key == SpanKey("claim", 0, 10)
    assert only.annotators == ("ana", "ben")
    assert only.sources == (a, b)
    assert only.lacking == ()
    assert only.agreed and not only.accepted
    assert only.status() == AGREED


def test_a_single_annotators_spans_are_open_not_agreed():
    (only,) = candidates([ann("ana", "claim", 0, 10)])
    assert not only.agreed
    assert only.lacking == ()
    assert only.status() == OPEN
    assert to_accept([only]) == []


def test_disagreement_kinds_boundary_label_and_missing():
    found = by_key(
        candidates(
            [
                ann("ana", "claim", 0, 10),
                ann("ben", "claim", 0, 12),  # same label, other end: boundary
                ann("cy", "refusal", 0, 10),  # same span, other label: label
                ann("ana", "statistic", 30, 35),  # nobody else near: missing
            ]
        )
    )
    claim = found[SpanKey("claim", 0, 10)]
    assert claim.annotators == ("ana",)
    assert claim.lacking == (
        Disagreement("ben", BOUNDARY, (SpanKey("claim", 0, 12),)),
        Disagreement("cy", LABEL, (SpanKey("refusal", 0, 10),)),
    )
    assert claim.kinds == (BOUNDARY, LABEL)
    assert claim.status() == DISPUTED
    statistic = found[SpanKey("statistic", 30, 35)]
    assert statistic.lacking == (Disagreement("ben", MISSING), Disagreement("cy", MISSING))
    assert statistic.kinds == (MISSING,)
    # ben's and cy's spans are candidates of their own, disputed the other way round.
    assert found[SpanKey("claim", 0, 12)].lacking[0] == Disagreement(
        "ana", BOUNDARY, (SpanKey("claim", 0, 10),)
    )
    assert found[SpanKey("refusal", 0, 10)].lacking[0].kind == LABEL


def test_boundary_wins_over_label_when_an_annotator_has_both():
    found = by_key(
        candidates(
            [
                ann("ana", "claim", 5, 15),
                ann("ben", "refusal", 5, 15),
                ann("ben", "claim", 3, 15),
            ]
        )
    )
    (ben,) = found[SpanKey("claim", 5, 15)].lacking
    assert ben.kind == BOUNDARY
    assert ben.spans == (SpanKey("claim", 3, 15), SpanKey("refusal", 5, 15))


def test_touching_spans_do_not_overlap():
    found = by_key(candidates([ann("ana", "claim", 0, 10), ann("ben", "claim", 10, 20)]))
    assert found[SpanKey("claim", 0, 10)].lacking == (Disagreement("ben", MISSING),)


def test_agreed_needs_every_annotator_of_the_document():
    found = by_key(
        candidates(
            [
                ann("ana", "claim", 0, 10),
                ann("ben", "claim", 0, 10),
                ann("cy", "statistic", 50, 60),  # cy annotated the document elsewhere
            ]
        )
    )
    claim = found[SpanKey("claim", 0, 10)]
    assert not claim.agreed
    assert claim.lacking == (Disagreement("cy", MISSING),)


def test_gold_layer_marks_accepted_and_gold_only_spans_are_candidates():
    a, b = ann("ana", "claim", 0, 10), ann("ben", "claim", 0, 10)
    held = ann(GOLD, "claim", 0, 10)
    extra = ann(GOLD, "refusal", 20, 25)
    found = by_key(candidates([a, b], [held, extra]))
    assert found[SpanKey("claim", 0, 10)].gold == (held,)
    assert found[SpanKey("claim", 0, 10)].status() == ACCEPTED
    gold_only = found[SpanKey("refusal", 20, 25)]
    assert gold_only.annotators == ()
    assert gold_only.status() == ACCEPTED
    assert [d.kind for d in gold_only.lacking] == [MISSING, MISSING]


def test_rejected_keys_show_as_rejected_unless_gold_holds_them():
    found = candidates([ann("ana", "claim", 0, 10), ann("ben", "claim", 0, 10)])
    key = SpanKey("claim", 0, 10)
    assert found[0].status({key}) == REJECTED
    assert to_accept(found, {key}) == []
    accepted = candidates(
        [ann("ana", "claim", 0, 10), ann("ben", "claim", 0, 10)], [ann(GOLD, "claim", 0, 10)]
    )
    assert accepted[0].status({key}) == ACCEPTED


def test_layers_split_off_the_gold_annotator_and_drop_orphans():
    a = ann("ana", "claim", 0, 10)
    mine = ann("curator", "claim", 0, 10)
    orphan = ann("ben", "claim", 0, 10, orphaned=True)
    gold_orphan = ann("curator", "claim", 3, 4, orphaned=True)
    assert layers([a, mine, orphan, gold_orphan], "curator") == ([a], [mine])
    assert annotators_of([a, mine, orphan]) == ("ana", "curator")
    # candidates() ignores orphans on its own too: ben does not count as an annotator.
    (only,) = candidates([a, orphan])
    assert only.annotators == ("ana",) and only.lacking == ()


def test_candidates_come_in_text_order_and_tally_counts_every_status():
    found = candidates(
        [
            ann("ana", "statistic", 40, 45),
            ann("ben", "statistic", 40, 45),
            ann("ana", "claim", 0, 10),
            ann("ben", "refusal", 0, 10),
            ann("ana", "claim", 0, 5),
        ],
        [ann(GOLD, "claim", 0, 5)],
    )
    assert [c.key for c in found] == [
        SpanKey("claim", 0, 5),
        SpanKey("claim", 0, 10),
        SpanKey("refusal", 0, 10),
        SpanKey("statistic", 40, 45),
    ]
    counts = tally(found, {SpanKey("refusal", 0, 10)})
    assert list(counts) == list(STATUSES)
    assert counts == {AGREED: 1, DISPUTED: 1, OPEN: 0, ACCEPTED: 1, REJECTED: 1}
    assert [c.key for c in to_accept(found)] == [SpanKey("statistic", 40, 45)]


def test_shared_attributes_keep_only_values_everyone_gave_alike():
    a = ann("ana", "claim", 0, 9, attributes=(("speaker", "Siu"), ("stance", "supports")))
    b = ann("ben", "claim", 0, 9, attributes=(("speaker", "Siu"), ("stance", "opposes")))
    assert shared_attributes([a, b]) == (("speaker", "Siu"),)
    assert shared_attributes([]) == ()
    # 1 and True are equal in Python, but not the same value.
    c = ann("ana", "statistic", 0, 9, attributes=(("value", 1),))
    d = ann("ben", "statistic", 0, 9, attributes=(("value", True),))
    assert shared_attributes([c, d]) == ()


def test_gold_annotation_copies_label_span_and_shared_attributes():
    a = ann("ana", "claim", 3, 9, attributes=(("speaker", "Siu"),))
    b = ann("ben", "claim", 3, 9, attributes=(("speaker", "Siu"),))
    (cand,) = candidates([a, b])
    made = gold_annotation(cand, "doc", GOLD, "new-id", MOMENT)
    assert made == Annotation(
        "new-id", "doc", "claim", 3, 9, None, GOLD, MOMENT, MOMENT, (("speaker", "Siu"),)
    )


# -- properties ----------------------------------------------------------------------

NAMES = ("ana", "ben", "cy")
LABELS = ("claim", "refusal")
spans = st.tuples(
    st.sampled_from(NAMES),
    st.sampled_from(LABELS),
    st.integers(0, 30),
    st.integers(1, 8),
    st.booleans(),
)
PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def oracle_kind(theirs: list[Annotation], key: SpanKey) -> str:
    near = [t for t in theirs if t.start < key.end and key.start < t.end]
    if any(t.label == key.label for t in near):
        return BOUNDARY
    return LABEL if near else MISSING


@PROPERTY
@given(st.lists(spans, max_size=25), st.lists(spans, max_size=5))
def test_candidates_agree_with_a_brute_force_reading(marks, gold_marks):
    annotations = [ann(n, lb, s, s + w, orphaned=o and s % 3 == 0) for n, lb, s, w, o in marks]
    gold = [ann(GOLD, lb, s, s + w) for _n, lb, s, w, _o in gold_marks]
    found = candidates(annotations, gold)
    live = [a for a in annotations if not a.orphaned]
    everyone = sorted({a.annotator for a in live})
    keys = [c.key for c in found]
    assert len(set(keys)) == len(keys)
    assert keys == sorted(keys, key=lambda k: (k.start, k.end, k.label))
    assert {SpanKey(a.label, a.start, a.end) for a in live + gold} == set(keys)
    # Every live annotation is the source of exactly one candidate, the one of its key.
    sources = [s for c in found for s in c.sources]
    assert sorted(s.id for s in sources) == sorted(a.id for a in live)
    for cand in found:
        marked = sorted({a.annotator for a in live if SpanKey(a.label, a.start, a.end) == cand.key})
        assert list(cand.annotators) == marked
        assert [d.annotator for d in cand.lacking] == [n for n in everyone if n not in marked]
        for d in cand.lacking:
            theirs = [a for a in live if a.annotator == d.annotator]
            assert d.kind == oracle_kind(theirs, cand.key)
            assert set(d.spans) == {
                SpanKey(t.label, t.start, t.end)
                for t in theirs
                if t.start < cand.end and cand.start < t.end
            }
        assert cand.agreed == (len(everyone) >= 2 and marked == everyone)
        assert cand.accepted == any(SpanKey(g.label, g.start, g.end) == cand.key for g in gold)
        assert cand.status() in STATUSES
    assert sum(tally(found).values()) == len(found)
    assert all(c.agreed and not c.accepted for c in to_accept(found))
