"""The analysis windows' corpus: read once, then only the documents an operation changed
(everything again when documents themselves change); what it answers always equals a fresh
read of the database."""

from __future__ import annotations

import pytest

from annotator.app.analysis import corpus as fresh_corpus
from annotator.app.live_corpus import LiveCorpus
from annotator.app.resources import default_labels
from annotator.app.workspace import Workspace
from annotator.core.model import NewDocument
from annotator.core.retrieval import Query
from annotator.store import Store

TEXT = "The ministry said 40 cameras were installed. It declined to say where.\n"
OTHER = "A second report: 12 cameras, said the police.\n"


@pytest.fixture
def space(db_path):
    store = Store.open(str(db_path))
    store.add_labels(default_labels())
    workspace = Workspace(store, "ana")
    yield workspace
    store.close()


def follows(space: Workspace) -> LiveCorpus:
    live = LiveCorpus(space.store)
    space.subscribe(lambda changes, _initiator: live.changed(changes))
    return live


def same_as_the_database(live: LiveCorpus, store: Store) -> bool:
    read = {d.id: sorted(anns) for d, anns in fresh_corpus(store)}
    return {d.id: sorted(anns) for d, anns in live.entries()} == read


def test_reads_once_then_follows_tags_undo_and_imports(space):
    [first], _ = space.import_bundle([NewDocument("Report", "r.txt", TEXT)], [])
    doc = first.document.id
    live = follows(space)
    assert live.entries()[0][1] == () and live.reads == 1
    ann, _new = space.tag(doc, "statistic", 18, 28)
    assert [a.id for a in live.entries()[0][1]] == [ann.id] and live.reads == 1
    space.tag(doc, "refusal", 48, 69)
    assert [h.quote for h in live.find(Query(labels=("refusal",)))] == ["declined to say where"]
    space.undo()
    assert live.find(Query(labels=("refusal",))) == [] and live.reads == 1
    assert same_as_the_database(live, space.store)

    space.import_bundle([NewDocument("Second", "s.txt", OTHER)], [])  # documents came
    assert len(live.entries()) == 2 and live.reads == 2
    space.set_done(doc, True)
    assert [h.annotation.id for h in live.find(Query(done=True))] == [ann.id]
    assert same_as_the_database(live, space.store)


def test_changes_elsewhere_are_read_again(space, db_path):
    [first], _ = space.import_bundle([NewDocument("Report", "r.txt", TEXT)], [])
    live = follows(space)
    assert live.find(Query()) == []
    other = Store.open(str(db_path))
    other.add_annotation(first.document.id, "claim", 0, 17, "bo")
    other.close()
    assert live.find(Query()) == []  # not told yet
    live.changed(None)
    assert [h.quote for h in live.find(Query())] == ["The ministry said"]
    assert same_as_the_database(live, space.store)


def test_memos_are_read_once_and_again_after_a_memo_changes(space):
    [first], _ = space.import_bundle([NewDocument("Report", "r.txt", TEXT)], [])
    live = follows(space)
    query = Query(match="bureau", regex=False)
    assert live.find_memos(query) == []
    space.set_memo(first.document.id, "The bureau is silent.")
    space.set_memo(None, "Every bureau, everywhere.")
    found = [(h.document.title if h.document else None, h.quote) for h in live.find_memos(query)]
    assert found == [(None, "bureau"), ("Report", "bureau")]
    assert live.memos() == space.store.memos()
