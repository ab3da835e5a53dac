"""The helper process that runs the suggestion engine for every window."""

from __future__ import annotations

import atexit
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Callable
from concurrent.futures import BrokenExecutor, Future
from typing import Any

from annotator.app.suggestions import rule_folders
from annotator.core.suggest.worker import TASKS, packed, receive, send, unpacked

# One helper process for every window: the engine is pure Python, and in a thread it
# would hold the interpreter lock, so every paint and key of the window would wait for it
# (measured: a launch went from 0.65 s to 1.5 s). A plain child process
# (``python -m annotator.core.suggest.worker``) that imports only the engine, fed one
# request at a time over a pipe by a thread of the window's process; queued documents no
# longer shown are cancelled before they are sent.
_helper: Helper | None = None


class Helper:
    """Runs :data:`annotator.core.suggest.worker.TASKS` one at a time, in order, in a
    helper process (or, where none can start, in a thread of this process). ``submit``
    returns a future; one cancelled before its turn never runs. If the process dies,
    the futures of what it was doing and what was queued fail with ``BrokenExecutor``
    and this helper is ``broken`` (:func:`worker` then starts another)."""

    def __init__(self, in_process: bool = False) -> None:
        self.process: subprocess.Popen[bytes] | None = None
        if not in_process:
            try:
                self.process = subprocess.Popen(
                    [sys.executable, "-m", "annotator.core.suggest.worker", str(os.getpid())],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    close_fds=True,
                    env=_environment(),
                )
            except OSError:
                self.process = None  # no helper process here: the thread does the work
        self.broken = False
        self._answered = False  # whether the process has answered anything yet
        self._jobs: queue.SimpleQueue[tuple[Future[Any], str, tuple[Any, ...] | bytes]] = (
            queue.SimpleQueue()
        )
        self._unfinished = 0  # jobs submitted and not yet done (guarded by _settled)
        self._settled = threading.Condition()
        # A daemon thread: one blocked on a long job does not hold up the app's exit.
        self._thread = threading.Thread(target=self._run, name="suggest", daemon=True)
        self._thread.start()
        atexit.register(self.stop)

    def submit(self, task: Callable[..., Any], *args: Any) -> Future[Any]:
        """Queue ``task`` (one of ``TASKS``) with ``args``; its future."""
        future: Future[Any] = Future()
        if self.broken:
            future.set_exception(BrokenExecutor("the suggestion helper stopped"))
        else:
            # Pickled now (in a thread too: the task is given what the process would be),
            # so what it is given goes at once, not when the helper is free.
            with self._settled:
                self._unfinished += 1
            self._jobs.put((future, task.__name__, packed((task.__name__, args))))
        return future

    def wait_idle(self, timeout: float) -> bool:
        """Wait until every job submitted so far is done (its thread then only waits for
        the next); whether it was within ``timeout`` seconds."""
        with self._settled:
            return self._settled.wait_for(lambda: self._unfinished == 0, timeout)

    def stop(self) -> None:
        """End the helper process (at exit: what it was doing is not waited for)."""
        process = self.process
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()

    def _run(self) -> None:
        while True:
            # One job a call: what it sent and received is not held while the next waits.
            try:
                self._run_one(*self._jobs.get())
            finally:
                with self._settled:
                    self._unfinished -= 1
                    self._settled.notify_all()

    def _run_one(self, future: Future[Any], name: str, args: tuple[Any, ...] | bytes) -> None:
        if not future.set_running_or_notify_cancel():
            return  # cancelled while queued
        if self.broken:
            future.set_exception(BrokenExecutor("the suggestion helper stopped"))
            return
        try:
            ok, value = self._call(name, args)
        except (EOFError, OSError, ValueError) as exc:
            if not self._answered:  # it could not even start: work in this process
                self.stop()
                self.process = None
                ok, value = self._call(name, args)
            else:
                self.broken = True
                self.stop()
                future.set_exception(BrokenExecutor(f"the suggestion helper stopped ({exc})"))
                return
        if ok:
            future.set_result(value)
        else:
            future.set_exception(value)

    def _call(self, name: str, args: tuple[Any, ...] | bytes) -> tuple[bool, Any]:
        """Run one job; ``args`` as given, or as the request :func:`packed` made."""
        process = self.process
        if process is None:
            if isinstance(args, bytes):
                args = unpacked(args)[1]
            try:
                return True, TASKS[name](*args)
            except Exception as exc:  # the window says what went wrong
                return False, exc
        assert process.stdin is not None and process.stdout is not None
        send(process.stdin.fileno(), args if isinstance(args, bytes) else (name, args))
        answer = receive(process.stdout.fileno())
        self._answered = True
        return answer


def _environment() -> dict[str, str]:
    """The helper's environment: this one, with this ``annotator`` package first on the
    import path (the window may have found it by its script's folder)."""
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": root if not path else root + os.pathsep + path}


def worker() -> Helper:
    """The helper that runs the engine (started on first use, and again after it broke)."""
    global _helper
    if _helper is None or _helper.broken:
        _helper = Helper()
        # The rules are read while the window goes on starting.
        from annotator.core.suggest.worker import warm

        _helper.submit(warm, rule_folder_names())
    return _helper


def wait_idle(timeout: float) -> bool:
    """:meth:`Helper.wait_idle` of the helper, if one was started (else at once True)."""
    helper = _helper
    return helper is None or helper.wait_idle(timeout)


def forget_broken_worker() -> None:
    """After the helper process died: the next document starts another."""
    global _helper
    if _helper is not None:
        _helper.stop()
    _helper = None


def rule_folder_names() -> tuple[str, ...]:
    """The rule folders, as the helper process is given them."""
    return tuple(str(folder) for folder in rule_folders())
