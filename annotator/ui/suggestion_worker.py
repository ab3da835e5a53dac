"""The helper process that runs the suggestion engine for every window."""

from __future__ import annotations

import os

# Imported with the window, not when the helper starts: imported later, the pool's module
# is torn down before this one at exit, and collecting the pool then prints an error.
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from multiprocessing import get_context

from annotator.app.suggestions import rule_folders
from annotator.core.suggest.worker import warm, watch_parent

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
            # The rules are read while the window starts; once the helper runs, it holds
            # the pool's semaphores and their names can go.
            pool.submit(warm, rule_folder_names()).add_done_callback(
                lambda _done, pool=pool: unlink_semaphores(pool)
            )
            _executor = pool
        except (RuntimeError, OSError):
            # No helper process here (e.g. a script embedding the window without the
            # main-module guard that spawning needs): a thread does the work instead.
            _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="suggest")
    return _executor


def unlink_semaphores(pool: ProcessPoolExecutor) -> int:
    """Remove the names of the semaphores of ``pool``'s queues, now that its one helper
    process has them open (the pool starts no other: it has one worker, and a broken one
    is replaced by a new pool). Named, they outlive a killed window, and the resource
    tracker prints "leaked semaphore objects" as it cleans up; unnamed, nothing is left
    to leak. Returns how many were unlinked."""
    from multiprocessing import util
    from multiprocessing.synchronize import SemLock

    names = set()
    for queue in (getattr(pool, "_call_queue", None), getattr(pool, "_result_queue", None)):
        for lock in (getattr(queue, name, None) for name in ("_rlock", "_wlock", "_sem")):
            name = getattr(getattr(lock, "_semlock", None), "name", None)
            if name:
                names.add(name)
    count = 0
    # Each semaphore's own clean-up (unlink, and forget it in the tracker), run now
    # rather than at exit: it is then taken off the list of what exit runs.
    for finalizer in list(getattr(util, "_finalizer_registry", {}).values()):
        args = getattr(finalizer, "_args", None) or ()
        if getattr(finalizer, "_callback", None) is SemLock._cleanup and args[0] in names:
            try:
                finalizer()
            except OSError:
                continue
            count += 1
    return count


def forget_broken_worker() -> None:
    """After the helper process died: the next document starts another."""
    global _executor
    _executor = None


def rule_folder_names() -> tuple[str, ...]:
    """The rule folders, as the helper process is given them."""
    return tuple(str(folder) for folder in rule_folders())
