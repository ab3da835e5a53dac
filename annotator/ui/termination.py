"""Ending the window when the system asks: SIGTERM (a logout, ``kill``, a service
manager) closes every window as the user would, so the last keys of a memo are saved and
the layout is kept, and the program exits with 0.

Python runs a signal handler only when the interpreter next runs, and the event loop is
Qt's: the signal's wake-up byte, written to a socket Qt watches, is what makes it run.
"""

from __future__ import annotations

import contextlib
import signal
import socket
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication


@contextlib.contextmanager
def closing_on_termination(app: QApplication) -> Iterator[None]:
    """While inside, SIGTERM closes all of ``app``'s windows (then, as when the last one is
    closed by hand, its event loop returns). The handler before is restored on leaving."""
    reader, writer = socket.socketpair()
    for end in (reader, writer):
        end.setblocking(False)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(lambda *_: _drain(reader))

    def close_all(_number: int, _frame: Any) -> None:
        QTimer.singleShot(0, app.closeAllWindows)  # after the handler, from the event loop

    old_fd = signal.set_wakeup_fd(writer.fileno())
    old_handler: Callable[..., Any] | int | None = signal.signal(signal.SIGTERM, close_all)
    if old_handler is None:  # one set outside Python: the default, as far as it can be told
        old_handler = signal.SIG_DFL
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old_handler)
        signal.set_wakeup_fd(old_fd)
        notifier.setEnabled(False)
        reader.close()
        writer.close()


def _drain(reader: socket.socket) -> None:
    """Read the wake-up bytes; the pending handler runs as this Python code does."""
    with contextlib.suppress(OSError):
        while reader.recv(64):
            pass
