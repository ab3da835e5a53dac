"""Undo and redo of annotation changes, as plain data.

A :class:`Step` says what changed (annotations that came into being and annotations that
went away); undoing swaps the two. The history knows nothing of the database or the
window: whoever applies a step (the main window, through the store) does the work.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.model import Annotation


@dataclass(frozen=True, slots=True)
class Step:
    """One user action: ``added`` appeared, ``removed`` disappeared; ``name`` is what the
    Edit menu shows ("tag 'claim'")."""

    name: str
    added: tuple[Annotation, ...] = ()
    removed: tuple[Annotation, ...] = ()

    def inverse(self) -> Step:
        return Step(self.name, added=self.removed, removed=self.added)


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
            raise IndexError("nothing to undo")
        self._cursor -= 1
        return self._steps[self._cursor].inverse()

    def redo(self) -> Step:
        """The change that redoes the next undone step."""
        if not self.can_redo():
            raise IndexError("nothing to redo")
        self._cursor += 1
        return self._steps[self._cursor - 1]

    def forget(self) -> None:
        self._steps.clear()
        self._cursor = 0
