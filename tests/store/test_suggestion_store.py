"""Suggestions in the database: accepted ones keep source and rule through undo and
every export; rejections are remembered per document."""

from __future__ import annotations

from annotator.app.exports import ExportOptions, export
from annotator.core.history import Step
from annotator.core.model import NewDocument
from annotator.core.suggest import Rejection, Suggestion, as_annotation
from annotator.formats.annotation_set import parse_annotation_set
from annotator.store import Store, StoreError
from annotator.store.store import now_utc
from tests.helpers import check_export

TEXT = "Officials declined to comment on the 2,000 cameras."


def test_an_accepted_suggestion_keeps_its_source_and_rule(store, db, tmp_path):
    doc = store.import_documents([NewDocument("t", "s", TEXT)])[0].document.id
    s = Suggestion("refusal", 10, 29, 0.9, "refusal phrase", "refusal:declined")
    made = as_annotation(s, doc, "alice", now_utc())
    store.apply_change([made], [])
    assert store.annotations(doc) == [made]
    assert db.rows("SELECT source, rule, annotator FROM annotations") == [
        ("suggested", "refusal:declined", "alice")
    ]
    changed = store.set_note(made, "checked")
    assert (changed.source, changed.rule) == ("suggested", "refusal:declined")
    store.apply_change([], [changed])  # undo of the acceptance
    assert store.annotations(doc) == []
    store.apply_change([changed], [])
    data = export(store, ExportOptions()).data
    parsed = check_export(data)
    [ann] = parsed["documents"][0]["annotations"]
    assert (ann["source"], ann["rule"]) == ("suggested", "refusal:declined")
    back = parse_annotation_set(data, file="x")
    assert back.documents[0].annotations[0] == changed._replace(version=1)  # sets: no versions


def test_by_hand_annotations_carry_no_source(store):
    doc = store.import_documents([NewDocument("t", "s", TEXT)])[0].document.id
    ann = store.add_annotation(doc, "statistic", 37, 51, "me")
    assert (ann.source, ann.rule) == (None, None)
    assert store.annotations(doc) == [ann]


def test_rejections_are_remembered_per_document_and_can_be_taken_back(store, db):
    docs = [
        r.document.id
        for r in store.import_documents([NewDocument("a", "s", TEXT), NewDocument("b", "s", "x y")])
    ]
    refusal = Rejection(docs[0], "refusal", 10, 29, "refusal:declined", "alice")
    statistic = Rejection(docs[0], "statistic", 37, 51, None, "alice")
    store.apply_change([], [], rejected=[refusal, statistic])
    store.apply_change([], [], rejected=[refusal._replace(by="bob")])  # again
    assert store.rejected_suggestions(docs[0]) == {("refusal", 10, 29), ("statistic", 37, 51)}
    assert store.rejected_suggestions(docs[1]) == set()
    other = Store.open(db.target)  # another window sees them
    assert other.rejected_suggestions(docs[0]) == {("refusal", 10, 29), ("statistic", 37, 51)}
    other.close()
    assert db.rows("SELECT rejected_by FROM suggestion_rejections ORDER BY label") == [
        ("alice",),
        ("alice",),
    ]
    store.apply_change([], [], unrejected=[statistic])
    assert store.rejected_suggestions(docs[0]) == {("refusal", 10, 29)}
    store.delete_document(docs[0])
    assert db.rows("SELECT count(*) FROM suggestion_rejections") == [(0,)]


def test_rejections_go_with_a_change_and_its_undo_in_one_transaction(store, db):
    doc = store.import_documents([NewDocument("t", "s", TEXT)])[0].document.id
    gone = Rejection(doc, "refusal", 10, 29, "refusal:declined", "alice")
    step = Step("reject suggested 'refusal'", rejected=(gone,))
    store.apply_change(step.added, step.removed, rejected=step.rejected)
    assert store.rejections(doc) == [gone]
    assert store.rejected_suggestions(doc) == {("refusal", 10, 29)}
    undo = step.inverse()
    assert (undo.rejected, undo.unrejected) == ((), (gone,))
    store.apply_change(undo.added, undo.removed, unrejected=undo.unrejected)
    assert store.rejections(doc) == []
    # A change that fails keeps the rejections as they were: nothing half done.
    made = as_annotation(
        Suggestion("refusal", 10, 29, 0.9, "r", "refusal:declined"), doc, "a", now_utc()
    )
    store.apply_change([made], [])
    before = db.rows("SELECT * FROM suggestion_rejections")
    try:
        store.apply_change([made], [], rejected=[gone])  # the annotation exists already
    except StoreError:
        pass
    else:
        raise AssertionError("adding an annotation twice was accepted")
    assert db.rows("SELECT * FROM suggestion_rejections") == before == []
