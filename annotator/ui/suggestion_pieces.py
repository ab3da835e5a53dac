"""Computing a document's suggestions a piece at a time (part of the window's
suggestions controller, :class:`annotator.ui.suggestions.SuggestionsController`): the
helper process is given one piece of the text at a time, the piece on screen first
(:mod:`annotator.core.suggest.pieces`), and each piece's suggestions show as they come."""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from annotator.core.suggest.learned import Tagged
from annotator.core.suggest.model import Suggestion
from annotator.core.suggest.pieces import Learning, Plan, pieces
from annotator.core.suggest.rows import SuggestionRows
from annotator.core.suggest.worker import compute_piece, learn_piece
from annotator.ui.suggestion_worker import rule_folder_names, worker

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer

    from annotator.ui.text_view import DocumentView


class PiecesMixin:
    """Needs ``_view``, ``_poll``, ``_document_id``, ``_job``, ``_all``, ``_plan``,
    ``_text``, ``_pieced``, ``_given``, ``_recompute`` and ``_take`` of the controller."""

    _view: DocumentView
    _poll: QTimer
    _document_id: str | None
    _job: tuple[str, Future[Any]] | None
    _all: SuggestionRows
    _plan: Plan | None
    _text: str
    _pieced: dict[int, SuggestionRows]
    _given: tuple[int, dict[str, list[tuple[int, int]]]]
    _learn_job: tuple[str, Future[Any]] | None
    _learning: Learning | None

    def _recompute(self, *_args: object) -> None: ...

    def _take(
        self, document_id: str, future: Future[Any], found: SuggestionRows | None = None
    ) -> None: ...

    def _take_learned(
        self, document_id: str, future: Future[Any], found: list[Suggestion] | None = None
    ) -> None: ...

    def _learn(self, text: str, tagged: Iterable[Tagged]) -> None:
        """Have the helper look for the phrases ``tagged`` in ``text`` (the document
        shown), a piece at a time."""
        self._learning = Learning(text, tagged, pieces(text))
        self._next_learning()

    def _next_learning(self) -> bool:
        step = None if self._learning is None else self._learning.next()
        if step is None or self._document_id is None:
            return False
        self._learn_job = (self._document_id, worker().submit(learn_piece, *step))
        self._poll.start()
        return True

    def _take_learned_piece(self, document_id: str, future: Future[Any]) -> None:
        learning = self._learning
        if future.cancelled() or learning is None or document_id != self._document_id:
            return
        if isinstance(future.exception(), LookupError):  # the helper has other phrases
            learning.forget()
            self._next_learning()
            return
        if future.exception() is not None:
            self._learning = None
            self._take_learned(document_id, future)
            return
        learning.take(*future.result())
        if not self._next_learning():
            self._learning = None
            self._take_learned(document_id, future, learning.result)

    def _compute(self, text: str) -> None:
        """Have the helper process compute the suggestions of the document shown, a piece
        at a time, the piece on screen first; each shows as it comes."""
        assert self._document_id is not None
        first = self._view.first_visible_offset()
        self._plan, self._text, self._pieced = Plan(len(text), pieces(text), first, set()), text, {}
        self._next_piece()

    def _next_piece(self) -> bool:
        """Send the next piece to the helper; False if none is left."""
        step = None if self._plan is None else self._plan.next()
        if step is None or self._document_id is None:
            self._plan, self._text = None, ""
            return False
        index, piece, given = step
        self._given = (index, given)
        chunk = self._text[piece.lead : piece.tail]
        future = worker().submit(compute_piece, chunk, piece, given, rule_folder_names())
        self._job = (self._document_id, future)
        self._poll.start()
        return True

    def _take_piece(self, document_id: str, future: Future[Any]) -> None:
        """A piece's suggestions: shown at once with those of the pieces before; the
        next piece sent; once none is left, all of them as the engine's result."""
        plan = self._plan
        if future.cancelled() or plan is None or document_id != self._document_id:
            return
        if future.exception() is not None:
            self._plan, self._text = None, ""
            self._take(document_id, future)
            return
        received, onward, unsafe = future.result()
        found = SuggestionRows(received)  # the objects received go: arrays are kept
        del received
        index, given = self._given
        whole = plan.whole
        plan.take(index, given, onward, unsafe)
        if whole and index == 0:
            self._pieced = {}  # the text run whole: it replaces every piece
        self._pieced[index] = found
        # Each piece's start where the one before it stops: one after another, in order.
        merged = SuggestionRows.joined(self._pieced[i] for i in sorted(self._pieced))
        if self._next_piece():
            if not plan.whole:
                self._all = merged
                self._recompute()
            return
        self._pieced = {}  # all of them are in merged now
        self._take(document_id, future, merged)
