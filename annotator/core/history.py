"""Undo and redo of annotation changes, as plain data.

A :class:`Step` says what changed (annotations that came into being and annotations that
went away, suggestions rejected or offered again, and for label-scheme edits the scheme
before and after); undoing swaps the two. The history is linear, so a step is only ever
undone in the state it produced. It knows nothing of the database or the window: whoever
applies a step (the main window, through the store) does the work.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.messages import N_, say
from annotator.core.model import Annotation, Label
from annotator.core.suggest.model import Rejection


@dataclass(frozen=True, slots=True)
class SchemeChange:
    """The whole label scheme before and after an edit, in order; ``renames`` are the
    (old, new) names of labels renamed, whose annotations follow them."""

    before: tuple[Label, ...]
    after: tuple[Label, ...]
    renames: tuple[tuple[str, str], ...] = ()

    def inverse(self) -> SchemeChange:
        return SchemeChange(self.after, self.before, tuple((n, o) for o, n in self.renames))


@dataclass(frozen=True, slots=True)
class Step:
    """One user action: ``added`` appeared, ``removed`` disappeared, ``scheme`` changed
    (applied after ``removed`` goes and before ``added`` comes), suggestions were
    ``rejected`` or offered again (``unrejected``), suggestion rules were switched off
    (``rules_off``) or on (``rules_on``); ``name`` is what the Edit menu shows ("tag
    'claim'")."""

    name: str
    added: tuple[Annotation, ...] = ()
    removed: tuple[Annotation, ...] = ()
    scheme: SchemeChange | None = None
    rejected: tuple[Rejection, ...] = ()
    unrejected: tuple[Rejection, ...] = ()
    rules_off: tuple[str, ...] = ()
    rules_on: tuple[str, ...] = ()

    def inverse(self) -> Step:
        scheme = None if self.scheme is None else self.scheme.inverse()
        return Step(
            self.name,
            added=self.removed,
            removed=self.added,
            scheme=scheme,
            rejected=self.unrejected,
            unrejected=self.rejected,
            rules_off=self.rules_on,
            rules_on=self.rules_off,
        )


@dataclass
class History:
    """A linear history with a cursor: new steps discard what had been undone."""

    limit: int = 1000
    _steps: list[Step] = field(default_factory=list)
    _cursor: int = 0  # steps[:cursor] are done, steps[cursor:] undone

    def record(self, step: Step) -> None:
        del self._steps[self._cursor :]
        self._steps.append(step)
        if len(self._steps) > self.limit:
            del self._steps[: len(self._steps) - self.limit]
        self._cursor = len(self._steps)

    def can_undo(self) -> bool:
        return self._cursor > 0

    def can_redo(self) -> bool:
        return self._cursor < len(self._steps)

    def undo_name(self) -> str | None:
        return self._steps[self._cursor - 1].name if self.can_undo() else None

    def redo_name(self) -> str | None:
        return self._steps[self._cursor].name if self.can_redo() else None

    def undo(self) -> Step:
        """The change that undoes the last step (apply it, then it counts as undone)."""
        if not self.can_undo():
            raise IndexError(say(N_("nothing to undo")))
        self._cursor -= 1
        return self._steps[self._cursor].inverse()

    def redo(self) -> Step:
        """The change that redoes the next undone step."""
        if not self.can_redo():
            raise IndexError(say(N_("nothing to redo")))
        self._cursor += 1
        return self._steps[self._cursor - 1]

    def forget(self) -> None:
        self._steps.clear()
        self._cursor = 0
