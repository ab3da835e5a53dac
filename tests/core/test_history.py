"""Random annotation changes, then undo all and redo all, through a real SQLite store."""

from __future__ import annotations

import sqlite3

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.history import History, Step
from annotator.core.model import NewDocument
from annotator.resources import default_labels
from annotator.store import Store

TEXT = "Police said 2,000 cameras 😀 would come; officials refused to say where."
LABELS = ("claim", "refusal", "statistic")


def rows(path):
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT * FROM annotations ORDER BY id").fetchall()


operations = st.lists(
    st.one_of(
        st.tuples(
            st.just("create"), st.sampled_from(LABELS), st.integers(0, 60), st.integers(1, 10)
        ),
        st.tuples(st.just("delete"), st.integers(0, 50)),
    ),
    max_size=25,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
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
            if op[0] == "create":
                _kind, label, begin, length = op
                ann = store.add_annotation(
                    doc.id, label, begin, min(begin + length, len(TEXT)), "me"
                )
                history.record(Step("tag", added=(ann,)))
            else:
                current = store.annotations(doc.id)
                if not current:
                    continue
                victim = current[op[1] % len(current)]
                store.delete_annotation(victim.id)
                history.record(Step("delete", removed=(victim,)))
        final = rows(path)
        while history.can_undo():
            step = history.undo()
            store.apply_change(step.added, step.removed)
        assert rows(path) == start
        while history.can_redo():
            step = history.redo()
            store.apply_change(step.added, step.removed)
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
