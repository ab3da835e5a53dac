"""The application core: the open database and its undo history, which every edit goes
through.

Every edit (tag, relabel, resize, note, attributes, delete, a label-scheme edit, accepted
or rejected suggestions, rules switched, curation decisions) is one operation: it is
committed to the store in one transaction, recorded as one undo step, and announced to
every listener as :class:`Changes`. Memos and document changes are announced too, but are
no undo steps. The window and the command line make the same calls;
the window listens once and its views follow what the changes say (Anki's collection
operations and ``operation_did_execute`` are the model). Knows no Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from annotator.core.attributes import AttributeValue
from annotator.core.history import History, SchemeChange, Step
from annotator.core.identity import current_annotator
from annotator.core.messages import N_, message_of, say
from annotator.core.model import (
    Annotation,
    AnnotationSet,
    Document,
    Label,
    NewDocument,
    StreamedSet,
)
from annotator.store import StoreError

if TYPE_CHECKING:
    from annotator.store import ImportResult, SetImportReport, Store
    from annotator.store.set_import import Progress
    from annotator.store.store import Relabelled

Kind = Literal["do", "undo", "redo"]


@dataclass(frozen=True, slots=True)
class Changes:
    """What one operation changed: ``step`` as it was applied (for an undo, the inverse
    of the step undone), whether it was done, undone or redone, whether the documents
    themselves changed (``listed``; such operations are not undone), and whose memos
    changed (``memos``: document ids as given, ``None`` for the project's; not undone
    either, and with an empty ``step``)."""

    step: Step
    kind: Kind = "do"
    listed: bool = False  # documents came, went, were re-read, renamed or marked done
    memos: frozenset[str | None] = frozenset()

    @property
    def documents(self) -> frozenset[str]:
        """The documents whose annotations or rejected suggestions changed."""
        step = self.step
        touched = {a.document_id for a in (*step.added, *step.removed)}
        touched.update(r.document_id for r in (*step.rejected, *step.unrejected))
        return frozenset(touched)

    @property
    def scheme(self) -> bool:
        return self.step.scheme is not None


# Called after every operation with what changed and who asked for it (``None`` for undo
# and redo, which every view follows): a view skips the changes it made itself.
Listener = Callable[[Changes, object | None], None]


class HistoryLost(StoreError):
    """An undo or redo that cannot be replayed any more; the history has been cleared."""


class Workspace:
    """The open :class:`Store`, who is annotating, and the undo history.

    Every method that edits commits before it returns and raises :class:`StoreError`
    (changing nothing, recording nothing) if the database refuses the change.
    """

    def __init__(self, store: Store, annotator: str | None = None, history_limit: int = 1000):
        self._store = store
        self.annotator = annotator or current_annotator()
        self._history = History(limit=history_limit)
        self._listeners: list[Listener] = []

    @property
    def store(self) -> Store:
        return self._store

    def attach(self, store: Store) -> None:
        """Work on ``store``: the same database as the one it was made with, now open
        (see :meth:`annotator.ui.main_window.MainWindow.attach`)."""
        self._store = store

    # -- listening --------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _announce(self, changes: Changes, initiator: object | None) -> Changes:
        for listener in list(self._listeners):
            listener(changes, initiator)
        return changes

    # -- the history ------------------------------------------------------------------

    def undo_name(self) -> str | None:
        return self._history.undo_name()

    def redo_name(self) -> str | None:
        return self._history.redo_name()

    def undo(self) -> Changes | None:
        """Undo the last step (committed at once, like any change); ``None`` if there is
        none. Raises :class:`HistoryLost` if it cannot be replayed any more."""
        if self._history.undo_name() is None:
            return None
        return self._replay(self._history.undo(), "undo")

    def redo(self) -> Changes | None:
        """Redo the last undone step; ``None`` if there is none."""
        if self._history.redo_name() is None:
            return None
        return self._replay(self._history.redo(), "redo")

    def _replay(self, step: Step, kind: Kind) -> Changes:
        newest = {d.id for d in self._store.documents()}
        if any(not a.orphaned and a.document_id not in newest for a in step.added):
            # A newer version took the document's place (its annotations moved there), or
            # it was deleted: replaying the step would put annotations out of sight (an
            # old version shows only its orphans).
            self._history.forget()
            raise HistoryLost(
                say(
                    N_(
                        "The document this step changed has a newer version since (or was "
                        "deleted).\n\nThe undo history was cleared."
                    )
                )
            )
        try:
            self._store.apply_step(step)
        except StoreError as exc:
            # The database moved on without this history (another window, an import).
            self._history.forget()
            raise HistoryLost(
                say(N_("{exc}\n\nThe undo history was cleared."), exc=message_of(exc))
            ) from exc
        return self._announce(Changes(step, kind), None)

    # -- operations -------------------------------------------------------------------

    def apply(self, step: Step, *, initiator: object | None = None) -> Changes:
        """Make a change built elsewhere (accepted or rejected suggestions, curation
        decisions, rules switched, a label-scheme edit) in one transaction and record it
        as one undo step."""
        self._store.apply_step(step)
        self._history.record(step)
        return self._announce(Changes(step), initiator)

    def check(self, step: Step) -> None:
        """Raise :class:`StoreError` if the database would refuse ``step`` (tried, then
        rolled back)."""
        self._store.apply_step(step, dry_run=True)

    def tag(
        self,
        document_id: str,
        label: str,
        start: int,
        end: int,
        *,
        initiator: object | None = None,
    ) -> tuple[Annotation, bool]:
        """Tag ``[start, end)`` of the document with ``label`` as the annotator; returns
        the annotation and whether it is new (``False``: the same tag by the same
        annotator was there already, and nothing changed)."""
        annotation, created = self._store.tag(document_id, label, start, end, self.annotator)
        if created:
            step = Step(say(N_("tag '{label}'"), label=label), added=(annotation,))
            self._history.record(step)
            self._announce(Changes(step), initiator)
        return annotation, created

    def _replace(
        self, old: Annotation, new: Annotation, name: str, initiator: object | None
    ) -> Annotation:
        step = Step(name, (new,), (old,))
        self._history.record(step)
        self._announce(Changes(step), initiator)
        return new

    def relabel(
        self, old: Annotation, label: str, *, initiator: object | None = None
    ) -> Annotation:
        """Give ``old`` (as shown) another label."""
        new = self._store.relabel_annotation(old, label)
        name = say(N_("relabel '{old}' as '{new}'"), old=old.label, new=label)
        return self._replace(old, new, name, initiator)

    def relabel_all(
        self, olds: Sequence[Annotation], label: str, *, initiator: object | None = None
    ) -> Relabelled:
        """Relabel ``olds`` (none of them ``label`` already) in one step. One that would
        become an exact twin of another is left alone (``twins``); if any was changed or
        deleted elsewhere, nothing changes."""
        result = self._store.relabel_annotations(olds, label)
        if result.changed:
            before = {ann.id: ann for ann in olds}
            old = tuple(before[ann.id] for ann in result.changed)
            name = (
                say(N_("relabel '{old}' as '{new}'"), old=old[0].label, new=label)
                if len(old) == 1
                else say(N_("relabel {n} annotations as '{label}'"), n=len(old), label=label)
            )
            step = Step(name, added=tuple(result.changed), removed=old)
            self._history.record(step)
            self._announce(Changes(step), initiator)
        return result

    def resize(
        self, old: Annotation, start: int, end: int, *, initiator: object | None = None
    ) -> Annotation:
        """Give ``old`` the span ``[start, end)``."""
        new = self._store.resize_annotation(old, start, end)
        return self._replace(old, new, say(N_("resize '{label}'"), label=old.label), initiator)

    def set_note(
        self, old: Annotation, note: str | None, *, initiator: object | None = None
    ) -> Annotation:
        """Save ``old``'s note (blank or ``None`` clears it)."""
        new = self._store.set_note(old, note)
        name = say(N_("edit note on '{label}'"), label=old.label)
        return self._replace(old, new, name, initiator)

    def set_attributes(
        self,
        old: Annotation,
        values: dict[str, AttributeValue],
        name: str,
        *,
        initiator: object | None = None,
    ) -> Annotation:
        """Save ``old``'s attribute values (``name``, the one changed, names the step)."""
        new = self._store.set_attributes(old, values)
        step = say(N_("edit {name} on '{label}'"), name=name, label=old.label)
        return self._replace(old, new, step, initiator)

    def delete(
        self, annotations: Sequence[Annotation], *, initiator: object | None = None
    ) -> Changes | None:
        """Delete ``annotations`` (as shown: if one was changed or deleted elsewhere since,
        nothing is deleted) in one step."""
        if not annotations:
            return None
        self._store.delete_annotations(annotations)
        count = len(annotations)
        name = (
            say(N_("delete {n} annotations"), n=count)
            if count > 1
            else say(N_("delete '{label}'"), label=annotations[0].label)
        )
        step = Step(name, removed=tuple(annotations))
        self._history.record(step)
        return self._announce(Changes(step), initiator)

    def scheme_step(
        self,
        before: Sequence[Label],
        after: Sequence[Label],
        renames: Sequence[tuple[str, str]] = (),
        removed: Sequence[str] = (),
        name: str = say(N_("edit labels")),
    ) -> Step:
        """The step that turns the scheme ``before`` (as shown: applying the step fails if
        the stored one differs) into ``after``: ``renames`` (old, new) carry their
        annotations along, the annotations of ``removed`` labels are deleted."""
        gone = tuple(self._store.annotations_with_labels(list(removed))) if removed else ()
        change = SchemeChange(tuple(before), tuple(after), tuple(renames))
        return Step(name, removed=gone, scheme=change)

    # -- memos (not undone: the memo editor undoes its own typing) ---------------------

    def memo(self, document_id: str | None) -> str:
        """The memo of a document (by any version's id) or, for ``None``, the project's."""
        return self._store.memo(document_id)

    def set_memo(
        self, document_id: str | None, text: str, *, initiator: object | None = None
    ) -> Changes:
        """Save the memo of a document (``None``: the project's; blank text removes it)
        and announce it."""
        self._store.set_memo(document_id, text)
        return self._announce(
            Changes(Step(say(N_("edit memo"))), memos=frozenset({document_id})), initiator
        )

    # -- documents (not undone: the undo history goes on) ------------------------------

    def _listed(self, name: str, initiator: object | None) -> None:
        self._announce(Changes(Step(name), listed=True), initiator)

    def import_bundle(
        self,
        documents: Sequence[NewDocument],
        sets: Sequence[tuple[str, AnnotationSet | StreamedSet]],
        *,
        replace: bool = False,
        progress: Progress | None = None,
        initiator: object | None = None,
    ) -> tuple[list[ImportResult], list[SetImportReport]]:
        """Import documents and merge annotation sets (named by file) in one transaction
        (:meth:`Store.import_bundle`)."""
        done = self._store.import_bundle(documents, sets, replace=replace, progress=progress)
        self._listed("import", initiator)
        return done

    def import_version(
        self, document_id: str, doc: NewDocument, *, initiator: object | None = None
    ) -> ImportResult:
        """Store ``doc`` as the next version of the document (annotations carried over)."""
        result = self._store.import_version(document_id, doc)
        self._listed("new version", initiator)
        return result

    def set_done(self, document_id: str, done: bool, *, initiator: object | None = None) -> None:
        """Mark a document done with its annotating, or not."""
        self._store.set_done(document_id, done)
        self._listed("mark done" if done else "mark not done", initiator)

    def update_document_metadata(
        self,
        document_id: str,
        *,
        title: str,
        author: str | None,
        published: str | None,
        initiator: object | None = None,
    ) -> Document:
        """Change a document's title, author and date of publication."""
        document = self._store.update_document_metadata(
            document_id, title=title, author=author, published=published
        )
        self._listed("edit properties", initiator)
        return document
