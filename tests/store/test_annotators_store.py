"""Who made the annotations: the distinct annotators of a database or a document, and
document counts of one annotator's annotations."""

from __future__ import annotations

from annotator.core.model import NewDocument


def _two_documents(store):
    first, second = store.import_documents(
        [NewDocument("One", "one.txt", "alpha beta gamma"), NewDocument("Two", "two.txt", "delta")]
    )
    return first.document.id, second.document.id


def test_annotators_are_distinct_and_sorted(store):
    one, two = _two_documents(store)
    assert store.annotators() == []
    store.add_annotation(one, "claim", 0, 5, "carol")
    store.add_annotation(one, "claim", 6, 10, "alice")
    store.add_annotation(one, "refusal", 6, 10, "alice")
    store.add_annotation(two, "claim", 0, 5, "Bob")
    store.add_annotation(two, "statistic", 0, 5, "Émile")
    # Code point order, the same on every database (not the server's collation).
    assert store.annotators() == ["Bob", "alice", "carol", "Émile"]


def test_annotators_of_one_document(store):
    one, two = _two_documents(store)
    store.add_annotation(one, "claim", 0, 5, "carol")
    store.add_annotation(two, "claim", 0, 5, "bob")
    store.add_annotation(two, "refusal", 0, 5, "alice")
    assert store.annotators(one) == ["carol"]
    assert store.annotators(two) == ["alice", "bob"]
    assert store.annotators("no-such-document") == []


def test_document_counts_of_one_annotator(store):
    one, two = _two_documents(store)
    store.add_annotation(one, "claim", 0, 5, "alice")
    store.add_annotation(one, "claim", 6, 10, "bob")
    store.add_annotation(one, "refusal", 6, 10, "bob")
    store.add_annotation(two, "claim", 0, 5, "bob")
    counts = {doc.title: doc.annotation_count for doc in store.documents()}
    assert counts == {"One": 3, "Two": 1}
    counts = {doc.title: doc.annotation_count for doc in store.documents(annotator="bob")}
    assert counts == {"One": 2, "Two": 1}
    counts = {doc.title: doc.annotation_count for doc in store.documents(annotator="alice")}
    assert counts == {"One": 1, "Two": 0}
    assert [doc.title for doc in store.documents(annotator="nobody")] == ["One", "Two"]
