"""A long document's suggestions in the window: the helper is given a piece at a time
(never the whole text), the piece on screen comes first and shows before the rest is
done, and in the end the window offers exactly what the engine makes of the whole text."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.app.opening import open_store
from annotator.core.model import NewDocument
from annotator.core.suggest import load_rules, pending, suggest
from annotator.core.suggest.pieces import BEHIND, MARGIN, PIECE
from annotator.ui.suggestion_worker import Helper, rule_folder_names

PARAGRAPH = (
    "The council said 40 cameras were installed in June, and the police declined to "
    "comment on the cost. A spokesman said the figures would be published. "
)


@pytest.fixture
def long_text() -> str:
    # About 700,000 code points: six pieces; each paragraph numbered, so that every
    # suggestion is at a place of its own.
    return "".join(f"Part {i}. {PARAGRAPH * 3}\n\n" for i in range(1500))


@pytest.fixture
def doc_id(db_path, long_text):
    store = open_store(str(db_path), seed=True)
    try:
        [result] = store.import_documents([NewDocument("Long", "long.txt", long_text)])
        return result.document.id
    finally:
        store.close()


@pytest.fixture
def sent(monkeypatch):
    """The sizes of the texts the window sends the helper, by task."""
    sizes: list[tuple[str, int]] = []
    submit = Helper.submit

    def counted(self, task, *args):
        sizes.append((task.__name__, len(args[0]) if args and isinstance(args[0], str) else 0))
        return submit(self, task, *args)

    monkeypatch.setattr(Helper, "submit", counted)
    return sizes


def test_a_long_document_goes_to_the_helper_a_piece_at_a_time(make_window, doc_id, long_text, sent):
    app = make_window(show_document=doc_id)
    controller = app.window.suggestions
    # the piece on screen shows while the rest is still being computed
    app.qtbot.waitUntil(
        lambda: controller.status.text() == "suggesting…" and bool(controller.painted),
        timeout=60000,
    )
    app.qtbot.waitUntil(lambda: controller.ready, timeout=120000)
    pieces = [size for task, size in sent if task == "compute_piece"]
    assert not {"compute", "learn"} & {task for task, _size in sent}
    learning = [size for task, size in sent if task == "learn_piece"]
    assert max(learning, default=0) <= PIECE + PIECE // 4 + 2 * MARGIN + BEHIND
    assert len(pieces) >= len(long_text) // (PIECE + PIECE // 4)
    assert max(pieces) <= PIECE + PIECE // 4 + 2 * MARGIN + BEHIND
    whole = suggest(long_text, load_rules([Path(f) for f in rule_folder_names()]))
    labels = {label.name for label in app.window.labels}
    wanted = [s for s in pending(whole, [], set()) if s.label in labels]  # none annotated
    assert controller.open_suggestions == wanted
    assert controller.status.text() == f"{len(wanted)} suggestions"
