"""The helper process that runs the suggestion engine for every window."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from multiprocessing import get_context
from typing import TYPE_CHECKING

from annotator.app.suggestions import rule_folders
from annotator.core.suggest.worker import warm, watch_parent

if TYPE_CHECKING:
    pass


# One helper process for every window: the engine is pure Python, and in a thread it
# would hold the interpreter lock, so every paint and key of the window would wait for it
# (measured: a launch went from 0.65 s to 1.5 s). Spawned, not forked: the window's
# process has threads. Queued documents no longer shown are cancelled.
_executor: ProcessPoolExecutor | ThreadPoolExecutor | None = None


def worker() -> ProcessPoolExecutor | ThreadPoolExecutor:
    """The helper that runs the engine (started on first use)."""
    global _executor
    if _executor is None:
        try:
            pool = ProcessPoolExecutor(
                max_workers=1,
                mp_context=get_context("spawn"),
                initializer=watch_parent,
                initargs=(os.getpid(),),
            )
            pool.submit(warm, rule_folder_names())  # the rules are read while the window starts
            _executor = pool
        except (RuntimeError, OSError):
            # No helper process here (e.g. a script embedding the window without the
            # main-module guard that spawning needs): a thread does the work instead.
            _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="suggest")
    return _executor


def forget_broken_worker() -> None:
    """After the helper process died: the next document starts another."""
    global _executor
    _executor = None


def rule_folder_names() -> tuple[str, ...]:
    """The rule folders, as the helper process is given them."""
    return tuple(str(folder) for folder in rule_folders())
