"""Deleting and relabelling several annotations at once: one transaction, all or nothing."""

from __future__ import annotations

import pytest

from annotator.core.model import NewDocument
from annotator.store import StoreError


def every_row(db):
    return db.rows("SELECT * FROM annotations ORDER BY id")


@pytest.fixture
def doc(store):
    text = "Police said 2,000 cameras would come; officials refused to say where."
    return store.import_documents([NewDocument("T", "src", text)])[0].document


def test_deleting_several_refuses_if_any_changed_elsewhere_and_deletes_none(store, doc, db):
    a = store.add_annotation(doc.id, "claim", 0, 6, "me")
    b = store.add_annotation(doc.id, "statistic", 12, 17, "me")
    c = store.add_annotation(doc.id, "refusal", 48, 55, "me")
    store.set_note(b, "changed in another window")  # b as read is stale now
    before = every_row(db)
    with pytest.raises(StoreError, match="changed or deleted elsewhere"):
        store.delete_annotations([a, b, c])
    assert every_row(db) == before
    store.delete_annotation(c.id)  # deleted elsewhere: refused just the same
    with pytest.raises(StoreError, match="changed or deleted elsewhere"):
        store.delete_annotations([a, c])
    assert [row[0] for row in every_row(db)] == sorted([a.id, b.id])
    store.delete_annotations([a, *store.annotations(doc.id)[1:]])
    assert every_row(db) == []


def test_relabelling_several_skips_those_labelled_already_and_would_be_twins(store, doc):
    claim = store.add_annotation(doc.id, "claim", 12, 17, "me")
    twin_to_be = store.add_annotation(doc.id, "statistic", 12, 17, "me")
    other = store.add_annotation(doc.id, "refusal", 48, 55, "me")
    theirs = store.add_annotation(doc.id, "statistic", 12, 17, "someone else")
    result = store.relabel_annotations([claim, twin_to_be, other, theirs], "claim")
    assert [a.id for a in result.changed] == [other.id, theirs.id]
    assert {a.label for a in result.changed} == {"claim"}
    assert result.changed[0].updated_at == result.changed[1].updated_at  # one moment
    assert result.twins == (twin_to_be,)
    labels = {a.id: a.label for a in store.annotations(doc.id)}
    assert labels == {
        claim.id: "claim",
        twin_to_be.id: "statistic",
        other.id: "claim",
        theirs.id: "claim",
    }


def test_relabelling_several_refuses_if_any_changed_elsewhere_and_changes_none(store, doc, db):
    a = store.add_annotation(doc.id, "claim", 0, 6, "me")
    b = store.add_annotation(doc.id, "statistic", 12, 17, "me")
    store.resize_annotation(b, 12, 19)
    before = every_row(db)
    with pytest.raises(StoreError, match="changed or deleted elsewhere"):
        store.relabel_annotations([a, b], "refusal")
    with pytest.raises(StoreError, match="no label"):
        store.relabel_annotations([a], "nonsense")
    assert every_row(db) == before
