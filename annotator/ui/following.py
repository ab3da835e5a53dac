"""How the analysis windows follow changes: once for changes arriving together while
shown, once on showing again for those that arrived while hidden."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class Follower(QObject):
    """Calls ``refresh`` ``delay_ms`` after the last of :meth:`changed` while ``widget`` is
    shown; changes while it is hidden wait for it to be shown."""

    def __init__(self, widget: QWidget, refresh: Callable[[], object], delay_ms: int) -> None:
        super().__init__(widget)
        self._widget = widget
        self._refresh = refresh
        self.pending = False
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self._run)
        widget.installEventFilter(self)

    def changed(self, *_args: object) -> None:
        if self._widget.isVisible():
            self._timer.start()
        else:
            self.pending = True

    def _run(self) -> None:
        self.pending = False
        self._refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Show and self.pending:
            self._run()
        return False
