"""``Store.export_documents(newest=True)``, which ``retrieve`` and ``cooccurrence`` read:
exactly the full export less every version a newer one replaced, on a corpus with a chain
of versions, an orphan, notes and attributes."""

from __future__ import annotations

import pytest

from annotator.core.model import NewDocument
from annotator.store.annotation_reads import _orm_annotations, load_annotations

V1 = "The minister said 2,000 cameras would be installed. Police counted 300 protesters.\n"
V2 = "Updated.\n\nThe minister said 2,000 cameras would be installed. Police counted them.\n"
V3 = "Updated twice.\n\nThe minister said 2,000 cameras would be installed. Police counted them.\n"
OTHER = "A spokesman declined to comment.\n"


def tag(store, doc_id, text, phrase, label, note=None):
    start = text.index(phrase)
    return store.add_annotation(doc_id, label, start, start + len(phrase), "me", note)


@pytest.fixture
def versions(store):
    first = store.import_documents([NewDocument("Report", "/data/report.txt", V1)])[0].document
    tag(store, first.id, V1, "The minister said 2,000 cameras", "claim", "on radio")
    store.set_attributes(tag(store, first.id, V1, "2,000", "statistic"), {"value": 2000})
    tag(store, first.id, V1, "300 protesters", "statistic", "police figure")  # orphaned by V2
    other = store.import_documents([NewDocument("Other", "/data/other.txt", OTHER)])[0].document
    tag(store, other.id, OTHER, "declined to comment", "refusal")
    second = store.import_documents([NewDocument("Report", "/data/report.txt", V2)])[0]
    assert second.carried.orphaned == 1
    tag(store, second.document.id, V2, "Updated", "claim")
    third = store.import_documents([NewDocument("Report", "/data/report.txt", V3)])[0].document
    assert third.version == 3
    return first, second.document, third, other


def test_newest_is_the_full_export_less_replaced_versions(store, versions):
    first, second, third, other = versions
    everything = store.export_documents()
    assert [e.document.id for e in everything] == [first.id, second.id, third.id, other.id]
    replaced = {e.document.previous_id for e in everything if e.document.previous_id}
    kept = [e for e in everything if e.document.id not in replaced]
    newest = store.export_documents(newest=True)
    assert [e.document.id for e in newest] == [third.id, other.id]
    assert [(e.document, sorted(e.annotations)) for e in newest] == [
        (e.document, sorted(e.annotations)) for e in kept
    ]
    [report, _other] = newest
    assert {a.label for a in report.annotations} == {"claim", "statistic"}
    assert any(a.attributes == (("value", 2000),) for a in report.annotations)
    assert not any(a.orphaned for a in report.annotations)  # the orphan stays on version 1
    assert any(a.orphaned for a in everything[0].annotations)


def test_only_the_newest_versions_annotations_are_read(store, versions):
    newest = sorted(a for e in store.export_documents(newest=True) for a in e.annotations)
    with store._unit() as s:
        assert sorted(load_annotations(s, None, newest=True)) == newest
        # The SQLAlchemy read PostgreSQL takes, run on whichever backend the test has.
        assert sorted(_orm_annotations(s, None, None, newest=True)) == newest
        assert len(load_annotations(s, None)) == len(newest) + 1  # the orphan on version 1
