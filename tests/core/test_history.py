"""Random annotation and label-scheme changes (create, delete, relabel, resize, note,
attributes, rename and delete a label, delete and relabel several at once), then undo all
and redo all, through a real SQLite store: the database must equal the start, then the
end, in every column."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.app.resources import default_labels
from annotator.core.history import History, SchemeChange, Step
from annotator.core.model import NewDocument
from annotator.store import Store, StoreError

TEXT = "Police said 2,000 cameras 😀 would come; officials refused to say where."
LABELS = ("claim", "refusal", "statistic")


def rows(path):
    """Annotations and labels, every column: the state undo must restore exactly."""
    with sqlite3.connect(path) as conn:
        return (
            conn.execute("SELECT * FROM annotations ORDER BY id").fetchall(),
            conn.execute("SELECT * FROM labels ORDER BY name").fetchall(),
        )


pick = st.integers(0, 50)
operations = st.lists(
    st.one_of(
        st.tuples(
            st.just("create"), st.sampled_from(LABELS), st.integers(0, 60), st.integers(1, 10)
        ),
        st.tuples(st.just("delete"), pick),
        st.tuples(st.just("relabel"), pick, st.sampled_from(LABELS)),
        st.tuples(st.just("resize"), pick, st.integers(-3, 3), st.integers(-3, 3)),
        st.tuples(st.just("note"), pick, st.sampled_from(["", "why?", "市民 😀"])),
        st.tuples(
            st.just("attributes"), pick, st.sampled_from([{}, {"value": 2000}, {"unit": "x"}])
        ),
        st.tuples(st.just("rename label"), st.sampled_from(LABELS)),
        st.tuples(st.just("delete label"), st.sampled_from(LABELS)),
        st.tuples(st.just("replace label"), st.sampled_from(LABELS), st.sampled_from(LABELS)),
        st.tuples(st.just("delete many"), pick, st.integers(1, 4)),
        st.tuples(st.just("relabel many"), pick, st.integers(1, 4), st.sampled_from(LABELS)),
    ),
    max_size=25,
)


def one_step(store: Store, doc_id: str, op: tuple) -> Step | None:
    """Perform ``op`` as the window does and return its undo step (None if it was a no-op)."""
    kind = op[0]
    if kind == "create":
        _kind, label, begin, length = op
        if label not in {lb.name for lb in store.labels()}:
            return None
        end = min(begin + length, len(TEXT))
        ann, created = store.tag(doc_id, label, begin, end, "me")
        return Step("tag", added=(ann,)) if created else None  # tagged already: a no-op
    if kind == "replace label":  # delete one label and give its name to another
        before = tuple(store.labels())
        gone = next((lb for lb in before if lb.name.startswith(op[1])), None)
        heir = next((lb for lb in before if lb.name.startswith(op[2])), None)
        if gone is None or heir is None or gone == heir:
            return None
        after = tuple(
            lb if lb.name != heir.name else replace(lb, name=gone.name)
            for lb in before
            if lb != gone
        )
        removed = tuple(store.annotations_with_labels([gone.name]))
        step = Step(
            kind, removed=removed, scheme=SchemeChange(before, after, ((heir.name, gone.name),))
        )
        store.apply_change(step.added, step.removed, step.scheme)
        return step
    if kind in ("rename label", "delete label"):
        before = tuple(store.labels())
        target = next((lb for lb in before if lb.name.startswith(op[1])), None)
        if target is None:
            return None
        if kind == "rename label":
            new = target.name + "'"
            after = tuple(replace(lb, name=new) if lb == target else lb for lb in before)
            step = Step(kind, scheme=SchemeChange(before, after, ((target.name, new),)))
        else:
            gone = tuple(store.annotations_with_labels([target.name]))
            after = tuple(lb for lb in before if lb != target)
            step = Step(kind, removed=gone, scheme=SchemeChange(before, after))
        store.apply_change(step.added, step.removed, step.scheme)
        return step
    current = store.annotations(doc_id)
    if not current:
        return None
    if kind in ("delete many", "relabel many"):
        first = op[1] % len(current)
        chosen = current[first : first + op[2]]
        if kind == "delete many":
            store.delete_annotations(chosen)
            return Step(kind, removed=tuple(chosen))
        label = next((lb.name for lb in store.labels() if lb.name.startswith(op[3])), None)
        if label is None:
            return None
        result = store.relabel_annotations(chosen, label)  # twins are skipped
        if not result.changed:
            return None
        before = {ann.id: ann for ann in chosen}
        return Step(kind, added=result.changed, removed=tuple(before[a.id] for a in result.changed))
    old = current[op[1] % len(current)]
    try:
        if kind == "delete":
            store.delete_annotation(old.id)
            return Step(kind, removed=(old,))
        if kind == "relabel":
            label = next((lb.name for lb in store.labels() if lb.name.startswith(op[2])), None)
            if label is None or label == old.label:
                return None
            new = store.relabel_annotation(old, label)
        elif kind == "resize":
            start, end = old.start + op[2], old.end + op[3]
            if not 0 <= start < end <= len(TEXT):
                return None
            new = store.resize_annotation(old, start, end)
        elif kind == "note":
            new = store.set_note(old, op[2])
        else:
            new = store.set_attributes(old, op[2])
    except StoreError:  # a twin of another annotation: refused, nothing changed
        return None
    return Step(kind, added=(new,), removed=(old,))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(operations)
def test_undo_all_then_redo_all(tmp_path_factory, ops):
    path = tmp_path_factory.mktemp("history") / "h.db"
    store = Store.open(str(path))
    try:
        store.add_labels(default_labels())
        doc = store.import_documents([NewDocument("T", "s", TEXT)])[0].document
        store.add_annotation(doc.id, "claim", 0, 6, "someone else")  # there before the session
        start = rows(path)
        history = History()
        for op in ops:
            step = one_step(store, doc.id, op)
            if step is not None:
                history.record(step)
        final = rows(path)
        while history.can_undo():
            step = history.undo()
            store.apply_change(step.added, step.removed, step.scheme)
        assert rows(path) == start
        while history.can_redo():
            step = history.redo()
            store.apply_change(step.added, step.removed, step.scheme)
        assert rows(path) == final
    finally:
        store.close()


def test_history_cursor_and_limit():
    history = History(limit=2)
    for name in ("a", "b", "c"):
        history.record(Step(name))
    assert history.undo_name() == "c"
    history.undo()
    history.undo()
    assert not history.can_undo() and history.redo_name() == "b"
