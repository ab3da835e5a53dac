"""The workspace: every edit is committed, recorded for undo and announced once, with who
made it; undo and redo replay through the database and are announced to everyone."""

from __future__ import annotations

import sqlite3

import pytest

from annotator.app.resources import default_labels
from annotator.app.workspace import Changes, HistoryLost, Workspace
from annotator.core.model import Label, NewDocument
from annotator.store import Store, StoreError

TEXT = "The ministry said 40 cameras were installed. It declined to say where.\n"


@pytest.fixture
def workspace(db_path):
    store = Store.open(str(db_path))
    store.add_labels(default_labels())
    space = Workspace(store, "ana")
    heard: list[tuple[Changes, object | None]] = []
    space.subscribe(lambda changes, initiator: heard.append((changes, initiator)))
    space.heard = heard  # type: ignore[attr-defined]
    yield space
    store.close()


def rows(db_path):
    with sqlite3.connect(db_path) as conn:
        return sorted(
            conn.execute("SELECT label, start_offset, end_offset, annotator, note FROM annotations")
        )


def imported(space: Workspace) -> str:
    [result], _reports = space.import_bundle([NewDocument("Report", "report.txt", TEXT)], [])
    return result.document.id


def test_an_edit_is_committed_recorded_and_announced_with_its_initiator(workspace, db_path):
    doc = imported(workspace)
    workspace.heard.clear()
    me = object()
    annotation, created = workspace.tag(doc, "statistic", 18, 28, initiator=me)
    assert created and rows(db_path) == [("statistic", 18, 28, "ana", None)]
    [(changes, initiator)] = workspace.heard
    assert initiator is me and changes.kind == "do" and changes.documents == {doc}
    assert changes.step.added == (annotation,) and workspace.undo_name() == "tag 'statistic'"

    again, created = workspace.tag(doc, "statistic", 18, 28, initiator=me)
    assert not created and again.id == annotation.id
    assert len(workspace.heard) == 1  # nothing changed: nothing announced or recorded


def test_undo_and_redo_replay_through_the_database_and_tell_everyone(workspace, db_path):
    doc = imported(workspace)
    annotation, _ = workspace.tag(doc, "claim", 0, 44)
    noted = workspace.set_note(annotation, "check the figure")
    relabelled = workspace.relabel(noted, "statistic")
    assert rows(db_path) == [("statistic", 0, 44, "ana", "check the figure")]
    workspace.heard.clear()

    undone = workspace.undo()
    assert undone is not None and undone.kind == "undo"
    assert undone.step.removed == (relabelled,) and undone.step.added == (noted,)
    assert rows(db_path) == [("claim", 0, 44, "ana", "check the figure")]
    assert workspace.undo() is not None and workspace.undo() is not None
    assert rows(db_path) == [] and workspace.undo() is None
    assert [(c.kind, i) for c, i in workspace.heard] == [("undo", None)] * 3

    assert workspace.redo() is not None
    assert rows(db_path) == [("claim", 0, 44, "ana", None)]
    assert workspace.redo_name() == "edit note on 'claim'"


def test_a_refused_edit_changes_nothing_and_records_nothing(workspace, db_path):
    doc = imported(workspace)
    annotation, _ = workspace.tag(doc, "claim", 0, 44)
    workspace.delete([annotation])
    workspace.heard.clear()
    with pytest.raises(StoreError):
        workspace.resize(annotation, 0, 10)  # deleted since it was shown
    assert workspace.heard == [] and workspace.undo_name() == "delete 'claim'"
    assert rows(db_path) == []


def test_an_undo_the_database_moved_past_clears_the_history(workspace, db_path):
    doc = imported(workspace)
    annotation, _ = workspace.tag(doc, "claim", 0, 44)
    workspace.store.delete_annotations([annotation])  # elsewhere: another window
    with pytest.raises(HistoryLost, match="undo history was cleared"):
        workspace.undo()
    assert workspace.undo_name() is None and workspace.redo_name() is None


def test_bulk_relabel_and_delete_are_one_step_each(workspace, db_path):
    doc = imported(workspace)
    a, _ = workspace.tag(doc, "claim", 0, 44)
    b, _ = workspace.tag(doc, "refusal", 45, 71)
    twin, _ = workspace.tag(doc, "claim", 45, 71)
    result = workspace.relabel_all([a, b], "statistic")
    assert (
        len(result.changed) == 2 and workspace.undo_name() == "relabel 2 annotations as 'statistic'"
    )
    result = workspace.relabel_all(list(result.changed)[1:], "claim")  # b's span has a claim
    assert result.twins and not result.changed
    workspace.delete(list(workspace.store.annotations(doc)))
    assert rows(db_path) == [] and workspace.undo_name() == "delete 3 annotations"
    workspace.undo()
    assert len(rows(db_path)) == 3 and twin.id in {x.id for x in workspace.store.annotations(doc)}


def test_a_scheme_edit_made_on_labels_changed_elsewhere_is_refused(workspace):
    shown = workspace.store.labels()
    workspace.store.add_labels([Label("hedge", "#777777")])  # another window added one
    step = workspace.scheme_step(shown, [*shown, Label("source", "#123456")])
    with pytest.raises(StoreError, match="changed elsewhere"):
        workspace.check(step)
    with pytest.raises(StoreError):
        workspace.apply(step)
    assert "source" not in {label.name for label in workspace.store.labels()}


def test_document_operations_are_announced_but_leave_undo_alone(workspace):
    doc = imported(workspace)
    workspace.tag(doc, "claim", 0, 44)
    workspace.heard.clear()
    workspace.set_done(doc, True)
    workspace.update_document_metadata(doc, title="Cameras", author=None, published=None)
    assert [c.listed for c, _ in workspace.heard] == [True, True]
    assert workspace.undo_name() == "tag 'claim'"
    assert workspace.store.document(doc).title == "Cameras"


def test_a_memo_is_saved_and_announced_but_is_no_undo_step(workspace, db_path):
    doc = imported(workspace)
    workspace.tag(doc, "statistic", 18, 28)
    workspace.heard.clear()
    panel = object()
    workspace.set_memo(doc, "Forty cameras: check the tender.", initiator=panel)
    workspace.set_memo(None, "Project: who counts the cameras?", initiator=panel)
    assert [(c.memos, c.documents, c.listed, i) for c, i in workspace.heard] == [
        ({doc}, frozenset(), False, panel),
        ({None}, frozenset(), False, panel),
    ]
    assert workspace.memo(doc) == "Forty cameras: check the tender."
    with sqlite3.connect(db_path) as conn:
        stored = conn.execute("SELECT document_id, text FROM memos ORDER BY id").fetchall()
    assert stored == [
        (doc, "Forty cameras: check the tender."),
        (None, "Project: who counts the cameras?"),
    ]
    # Undo undoes the tag, the last annotation edit; the memos stay as written.
    assert workspace.undo_name() == "tag 'statistic'"
    workspace.undo()
    assert rows(db_path) == [] and workspace.undo_name() is None
    assert workspace.memo(None) == "Project: who counts the cameras?"


def test_a_memo_the_database_refuses_is_not_announced(workspace):
    with pytest.raises(StoreError):
        workspace.set_memo("gone", "text")
    assert workspace.heard == []
