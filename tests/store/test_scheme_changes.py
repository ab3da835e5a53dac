"""Label-scheme edits in the store: renames carry annotations, deletes are refused while
annotations remain, and every change is undone exactly by its inverse."""

from __future__ import annotations

from dataclasses import replace

import pytest

from annotator.app.opening import open_store
from annotator.core.history import SchemeChange, Step
from annotator.core.model import AttributeSpec, Label
from annotator.store import StoreError


@pytest.fixture
def store(db):
    s = open_store(db.target, seed=True)
    yield s
    s.close()


def apply(store, step):
    store.apply_change(step.added, step.removed, step.scheme)


def test_rename_swap_recolour_reorder_and_undo(store):
    doc = store.documents()[0].id
    claim = store.add_annotation(doc, "claim", 0, 4, "t")
    stat = store.add_annotation(doc, "statistic", 5, 9, "t")
    before = tuple(store.labels())
    c, r, s = before
    # Swap the names of claim and statistic, recolour, and reorder, in one step.
    after = (
        replace(r, color="#000000"),
        replace(s, name="claim"),
        replace(c, name="statistic", attributes=(AttributeSpec("x", "number"),)),
    )
    step = Step(
        "edit labels",
        scheme=SchemeChange(before, after, (("claim", "statistic"), ("statistic", "claim"))),
    )
    apply(store, step)
    assert tuple(store.labels()) == after
    by_id = {a.id: a.label for a in store.annotations(doc)}
    assert by_id == {claim.id: "statistic", stat.id: "claim"}
    apply(store, step.inverse())
    assert tuple(store.labels()) == before
    assert store.annotations(doc) == [claim, stat]


def test_delete_a_label_in_use_with_its_annotations_and_bring_both_back(store):
    docs = [d.id for d in store.documents()]
    made = [store.add_annotation(docs[0], "refusal", i, i + 3, "t", note="n") for i in (0, 10)]
    before = tuple(store.labels())
    after = tuple(lb for lb in before if lb.name != "refusal")
    removed = tuple(store.annotations_with_labels(["refusal"]))
    assert sorted(removed, key=lambda a: a.start) == made
    bare = Step("delete label 'refusal'", scheme=SchemeChange(before, after))
    with pytest.raises(StoreError, match="still used by 2 annotation"):
        apply(store, bare)
    assert tuple(store.labels()) == before  # nothing changed
    step = Step("delete label 'refusal'", removed=removed, scheme=SchemeChange(before, after))
    apply(store, step)
    assert [lb.name for lb in store.labels()] == ["claim", "statistic"]
    assert store.annotations(docs[0]) == []
    apply(store, step.inverse())
    assert tuple(store.labels()) == before
    assert store.annotations(docs[0]) == made


def test_a_scheme_changed_elsewhere_is_refused(store):
    before = tuple(store.labels())
    store.add_labels([Label("opinion", "#cc79a7")])
    step = Step("add", scheme=SchemeChange(before, (*before, Label("x", "#000000"))))
    with pytest.raises(StoreError, match="changed elsewhere"):
        apply(store, step)
    assert [lb.name for lb in store.labels()] == ["claim", "refusal", "statistic", "opinion"]


def test_a_rename_may_take_the_name_of_a_label_deleted_in_the_same_edit(store):
    doc = store.documents()[0].id
    claim = store.add_annotation(doc, "claim", 0, 4, "t")
    refusal = store.add_annotation(doc, "refusal", 5, 9, "t")
    before = tuple(store.labels())
    c, _r, s = before
    after = (replace(c, name="refusal"), s)
    step = Step(
        "edit labels",
        removed=(refusal,),
        scheme=SchemeChange(before, after, (("claim", "refusal"),)),
    )
    apply(store, step)
    assert tuple(store.labels()) == after
    assert [(a.id, a.label) for a in store.annotations(doc)] == [(claim.id, "refusal")]
    apply(store, step.inverse())
    assert tuple(store.labels()) == before
    assert store.annotations(doc) == [claim, refusal]


def test_definitions_that_stored_values_would_not_fit_are_refused(store):
    doc = store.documents()[0].id
    stat = store.add_annotation(doc, "statistic", 0, 4, "t")
    stat = store.set_attributes(stat, {"unit": "cameras", "value": 2000})
    before = tuple(store.labels())
    c, r, s = before
    as_number = tuple(
        AttributeSpec(a.name, "number") if a.name == "unit" else a for a in s.attributes
    )
    step = Step("edit", scheme=SchemeChange(before, (c, r, replace(s, attributes=as_number))))
    with pytest.raises(StoreError, match=r"unit = 'cameras': expected a number"):
        apply(store, step)
    assert tuple(store.labels()) == before
    # The same holds when the label is renamed in the same edit.
    renamed = replace(s, name="figure", attributes=as_number)
    step = Step("edit", scheme=SchemeChange(before, (c, r, renamed), (("statistic", "figure"),)))
    with pytest.raises(StoreError, match="expected a number"):
        apply(store, step)
    assert tuple(store.labels()) == before
    # Relabelling onto a label that defines the attribute otherwise is refused too.
    claim_with_unit = replace(c, attributes=(*c.attributes, AttributeSpec("unit", "number")))
    apply(store, Step("edit", scheme=SchemeChange(before, (claim_with_unit, r, s))))
    with pytest.raises(StoreError, match="would not fit label 'claim'"):
        store.relabel_annotation(stat, "claim")
    with pytest.raises(StoreError, match="would not fit"):
        store.relabel_annotations([stat], "claim")
    with pytest.raises(StoreError, match="would not fit"):
        store.set_attributes(stat, {"value": "many"})
    assert store.annotations(doc) == [stat]
