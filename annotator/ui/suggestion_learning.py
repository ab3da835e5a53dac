"""Learning from the phrases tagged by hand (part of the window's suggestions controller,
:class:`annotator.ui.suggestions.SuggestionsController`): every other document's read
from the database into compact lists (:class:`~annotator.core.suggest.tag_lists.TagList`),
the document shown's made from its annotation rows when they are sent to the helper, and
what was taught remembered as a count, a weight and a sorted array of phrase hashes, not
as a copy of the phrases."""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from itertools import chain
from typing import TYPE_CHECKING, Any

from annotator.core.annotation_rows import RowSpan
from annotator.core.model import Annotation
from annotator.core.suggest import SUGGESTED, Suggestion
from annotator.core.suggest.learned import MAX_PHRASE, Tagged
from annotator.core.suggest.tag_lists import MASK, TagList, key_hash, weight
from annotator.store import StoreError
from annotator.ui.i18n import tr, tr_said

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer

    from annotator.ui.main_view import MainView


def by_hand(annotation: Annotation | RowSpan) -> bool:
    """Whether ``annotation`` teaches a phrase: made by hand, placed, not too long."""
    return (
        annotation.source != SUGGESTED
        and not annotation.orphaned
        and 0 < annotation.end - annotation.start <= MAX_PHRASE
    )


def has(keys: array[int], key: int) -> bool:
    """Whether the sorted ``keys`` hold ``key``."""
    at = bisect_left(keys, key)
    return at < len(keys) and keys[at] == key


class Taught:
    """The phrases sent to the helper: the other documents' lists, then those tagged
    in the document shown (read from its rows each time they are iterated)."""

    def __init__(self, others: Sequence[TagList], here: Callable[[], Iterable[Tagged]]) -> None:
        self._others = others
        self._here = here

    def __iter__(self) -> Iterator[Tagged]:
        return chain(chain.from_iterable(self._others), self._here())


class LearningMixin:
    """Needs ``_main``, ``_document_id``, ``_usable``, ``_learn``, ``_learn_job``,
    ``_learned``, ``_teach_later``, ``_records``, ``_off`` and ``_schedule`` of the
    controller."""

    _main: MainView
    _document_id: str | None
    _learned: list[Suggestion]
    _teach_later: list[Annotation]
    _records: dict[str, tuple[int, int]] | None
    _off: set[str]
    _teach_timer: QTimer
    _learn_job: tuple[str, Future[Any]] | None

    def _init_learning(self) -> None:
        self._others: list[TagList] = []  # phrases tagged by hand in other documents
        # Every document's hand tags, read once (a switch of documents reads only those
        # changed since: 100,000 tags took 0.8 s to read at every switch).
        self._corpus: dict[str, TagList] | None = None
        self._corpus_stale: set[str] = set()
        # What _learned was found from: (how many phrases, their weight), and the sorted
        # hashes of their (label, phrase key)s.
        self._taught: tuple[int, int] | None = None
        self._keys_taught: array[int] = array("q")
        self._learning_due = self._learning_again = False  # _read_learning before use

    def _forget_taught(self) -> None:
        self._taught, self._keys_taught = None, array("q")

    def corpus_changed(self) -> None:
        """The database changed elsewhere (another window or process): read every hand
        tag again before they are next used."""
        self._corpus = None
        self._learning_due = True
        self._schedule()

    def _read_learning(self, *, again: bool = False) -> None:
        """Read the phrases tagged by hand in the other documents (all of them ``again``,
        or where none were read yet; else only those of the documents changed since) and
        the rules off. The shown document's own come from its list."""
        store = self._main.workspace.store
        here = self._document_id
        try:
            if again or self._corpus is None:
                self._corpus = None  # the old lists go before the new ones are read
                self._corpus = store.hand_tagged(except_document=here)
                self._corpus_stale = {here} if here is not None else set()  # not read
            else:
                for doc in self._corpus_stale - {here}:
                    found = store.hand_tagged(only_document=doc).get(doc)
                    if found is None:
                        self._corpus.pop(doc, None)
                    else:
                        self._corpus[doc] = found
                self._corpus_stale &= {here}
            self._off = store.rules_off()
        except StoreError as exc:
            self._main.status_bar.showMessage(
                tr("Could not read what to learn: {problem}").format(problem=tr_said(exc)), 8000
            )
            return
        finally:
            self._learning_due = self._learning_again = False
        self._others = [tags for doc, tags in self._corpus.items() if doc != here]
        self._records = None

    def _tagged_here(self, spans: Iterable[Annotation | RowSpan] | None = None) -> Iterator[Tagged]:
        """The phrases tagged by hand in the document shown (of ``spans``, or of all its
        rows), made as they are read."""
        document = self._main.document()
        if document is None:
            return
        text, title = document.text, document.title
        if spans is None:
            spans = self._main.annotations.rows().each_row_span()
        for a in spans:
            if by_hand(a):
                yield Tagged(a.label, text[a.start : a.end], title)

    def _teach_now(self) -> None:
        added, self._teach_later = self._teach_later, []
        if added and self._usable() and not self._main.loading():
            self._teach(added)

    def _teach(self, added: Sequence[Annotation] = ()) -> None:
        """Look for the phrases tagged by hand in the document shown (in the helper
        process), if they changed since they were last looked for. ``added``: only these
        annotations came (a tag), so only they are looked at here (a tag in a document of
        thousands of annotations stays quick)."""
        document = self._main.document()
        if self._document_id is None or document is None or document.id != self._document_id:
            return
        others = self._others
        if added and self._taught is not None:
            old = self._keys_taught
            new = [t for t in self._tagged_here(added) if not has(old, key_hash(t.label, t.text))]
            if not new:
                return
            count, sum_ = self._taught
            taught = (count + len(new), sum_ + sum(weight(*t) for t in new) & MASK)
            keys = array("q", old)
            for key in {key_hash(t.label, t.text) for t in new}:
                keys.insert(bisect_left(keys, key), key)
        else:
            count = sum(len(tags) for tags in others)
            sum_ = sum(tags.weight for tags in others)
            for t in self._tagged_here():
                count += 1
                sum_ += weight(*t)
            taught = (count, sum_ & MASK)
            if taught == self._taught:
                return
            every = chain(chain.from_iterable(others), self._tagged_here())
            # (no set first: 100,000 of them took 7 MB for a moment; a key twice is found too)
            keys = array("q", sorted(key_hash(t.label, t.text) for t in every))
        self._taught = taught
        # What a phrase no longer tagged suggested goes at once; new ones come when found.
        if keys != self._keys_taught:
            text = document.text
            self._learned = [
                s for s in self._learned if has(keys, key_hash(s.label, text[s.start : s.end]))
            ]
        self._keys_taught = keys
        if self._learn_job is not None:
            self._learn_job[1].cancel()
            self._learn_job = None
        if not taught[0]:
            self._learned = []
            return
        self._learn(document.text, Taught(others, self._tagged_here))

    def _learn(self, text: str, tagged: Iterable[Tagged]) -> None: ...

    def _usable(self) -> bool: ...

    def _schedule(self, *_args: object) -> None: ...
