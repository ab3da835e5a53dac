"""Work that runs in a thread of its own while the window stays usable."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from annotator.ui.progress import Cancelled

Progress = Callable[[int, int], None]


class BackgroundWork(QThread):
    """Runs ``work(progress)`` in its own thread. ``work`` must touch neither Qt nor the
    database: it may only compute and return.

    ``progress(done, total)`` emits :attr:`progressed` (delivered in the GUI thread) and
    raises :class:`Cancelled` once :meth:`cancel` was called, so the work stops at its
    next step. When the thread ends (``finished``), exactly one of :attr:`result`,
    :attr:`error` or :attr:`cancelled` says how.
    """

    progressed = Signal(int, int)

    def __init__(self, work: Callable[[Progress], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._stop = threading.Event()
        self.result: Any = None
        self.error: Exception | None = None
        self.cancelled = False

    def run(self) -> None:
        try:
            self.result = self._work(self._progress)
        except Cancelled:
            self.cancelled = True
        except Exception as exc:  # handed to the GUI thread, which tells the user
            self.error = exc

    def cancel(self) -> None:
        """Ask the work to stop at its next step; what it made is then discarded."""
        self._stop.set()

    @property
    def cancel_requested(self) -> bool:
        return self._stop.is_set()

    def _progress(self, done: int, total: int) -> None:
        if self._stop.is_set():
            raise Cancelled
        self.progressed.emit(done, total)
