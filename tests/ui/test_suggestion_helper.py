"""The suggestion helper: one plain child process that imports only the engine, answers
in order, skips what was cancelled while queued, is replaced when it dies, and gives way
to a thread of the window's process where no process can start."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tracemalloc
from concurrent.futures import BrokenExecutor
from pathlib import Path

import pytest

from annotator.core.suggest import load_rules, suggest
from annotator.core.suggest.worker import compute, warm
from annotator.ui import suggestion_worker
from annotator.ui.suggestion_worker import Helper, forget_broken_worker, rule_folder_names
from tests.conftest import tracing_memory

TEXT = (
    "The minister promised that 2,000 cameras would be installed by June.\n\n"
    "A spokesman declined to comment on the cost.\n"
)


@pytest.fixture
def helper():
    made = Helper()
    yield made
    made.stop()


def engine_run(text: str) -> list:
    """What the engine makes of ``text`` in this process."""
    return suggest(text, load_rules([Path(f) for f in rule_folder_names()]))


def test_the_helper_is_a_plain_process_that_answers_as_the_engine_does(helper):
    assert helper.process is not None
    command = Path(f"/proc/{helper.process.pid}/cmdline").read_bytes().split(b"\0")
    assert b"annotator.core.suggest.worker" in command
    found = helper.submit(compute, TEXT, rule_folder_names()).result(timeout=60)
    assert found == engine_run(TEXT)
    assert {s.label for s in found} >= {"refusal", "statistic"}


def test_the_helper_imports_only_the_engine(tmp_path):
    script = (
        "import json, sys\n"
        "from annotator.core.suggest.worker import TASKS\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith(('annotator', 'PySide6', "
        "'sqlalchemy', 'multiprocessing')))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    loaded = set(json.loads(done.stdout))
    assert not {m for m in loaded if m.startswith(("PySide6", "sqlalchemy", "multiprocessing"))}
    assert "annotator.core.model" not in loaded and "annotator.store" not in loaded
    assert "annotator.core.suggest.engine" in loaded


def test_a_job_cancelled_while_queued_never_runs(helper):
    first = helper.submit(compute, TEXT * 200, rule_folder_names())
    second = helper.submit(compute, TEXT, rule_folder_names())
    assert second.cancel()
    assert first.result(timeout=60)
    assert second.cancelled()
    third = helper.submit(warm, rule_folder_names())
    assert third.result(timeout=60) > 0


def test_a_rule_error_comes_back_as_the_error(tmp_path, helper):
    (tmp_path / "bad.toml").write_text('label = "claim"\n[[rule]]\nname = "x"\n')
    future = helper.submit(compute, TEXT, (str(tmp_path),))
    error = future.exception(timeout=60)
    assert type(error).__name__ == "RuleError" and "bad.toml" in str(error)
    assert helper.submit(compute, TEXT, rule_folder_names()).result(timeout=60)


def test_a_killed_helper_is_replaced():
    forget_broken_worker()
    first = suggestion_worker.worker()
    assert first.submit(warm, rule_folder_names()).result(timeout=60) > 0
    os.kill(first.process.pid, signal.SIGKILL)
    first.process.wait()
    error = first.submit(compute, TEXT, rule_folder_names()).exception(timeout=60)
    assert isinstance(error, BrokenExecutor)
    assert first.broken
    second = suggestion_worker.worker()
    assert second is not first and second.process.pid != first.process.pid
    assert second.submit(compute, TEXT, rule_folder_names()).result(timeout=60)
    forget_broken_worker()


def test_where_no_process_can_start_a_thread_does_the_work(monkeypatch):
    monkeypatch.setattr(sys, "executable", "/nonexistent/python")
    helper = Helper()
    assert helper.process is None
    assert helper.submit(compute, TEXT, rule_folder_names()).result(timeout=60)


def test_a_helper_that_dies_at_once_gives_way_to_a_thread(monkeypatch):
    monkeypatch.setattr(sys, "executable", "/bin/false")
    helper = Helper()
    found = helper.submit(compute, TEXT, rule_folder_names()).result(timeout=60)
    assert found == engine_run(TEXT)
    assert helper.process is None and not helper.broken


def test_wait_idle_returns_once_every_submitted_job_is_done(helper):
    # The helper process stopped: its first job cannot finish, nor those queued after it.
    os.kill(helper.process.pid, signal.SIGSTOP)
    try:
        jobs = [helper.submit(compute, TEXT, rule_folder_names()) for _ in range(3)]
        assert not helper.wait_idle(0.2)
        assert not all(job.done() for job in jobs)
    finally:
        os.kill(helper.process.pid, signal.SIGCONT)
    assert helper.wait_idle(60)
    assert [job.result(timeout=0) for job in jobs] == [engine_run(TEXT)] * 3
    # A cancelled job counts as done too, and a helper with nothing to do is idle at once.
    os.kill(helper.process.pid, signal.SIGSTOP)
    try:
        running = helper.submit(compute, TEXT, rule_folder_names())
        queued = helper.submit(compute, TEXT, rule_folder_names())
        assert queued.cancel()
    finally:
        os.kill(helper.process.pid, signal.SIGCONT)
    assert helper.wait_idle(60)
    assert running.result(timeout=0) == engine_run(TEXT) and queued.cancelled()
    assert helper.wait_idle(0)


def test_the_module_waits_for_the_helper_it_started(monkeypatch):
    monkeypatch.setattr(suggestion_worker, "_helper", None)
    assert suggestion_worker.wait_idle(0)  # none started: nothing can be busy
    started = suggestion_worker.worker()  # it reads the rules at once
    try:
        assert suggestion_worker.wait_idle(60)
        job = started.submit(compute, TEXT, rule_folder_names())
        assert suggestion_worker.wait_idle(60) and job.done()
    finally:
        forget_broken_worker()


def test_memory_is_traced_only_once_the_helper_has_done_its_jobs(monkeypatch):
    monkeypatch.setattr(suggestion_worker, "_helper", None)
    started = suggestion_worker.worker()
    try:
        jobs = [started.submit(compute, TEXT * 200, rule_folder_names()) for _ in range(3)]
        with tracing_memory():
            # tracemalloc started only with the helper's thread waiting on its queue.
            assert all(job.done() for job in jobs) and tracemalloc.is_tracing()
            late = started.submit(compute, TEXT * 200, rule_folder_names())
        assert late.done() and not tracemalloc.is_tracing()  # and stopped only after it
    finally:
        forget_broken_worker()
