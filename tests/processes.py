"""Watching a program started in a subprocess (Linux ``/proc``)."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path


def catches(pid: int, number: int = signal.SIGTERM) -> bool:
    """Whether process ``pid`` has a handler of its own for signal ``number``."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    mask = next(line.split()[1] for line in status.splitlines() if line.startswith("SigCgt:"))
    return bool(int(mask, 16) >> (number - 1) & 1)


def children(pid: int) -> list[int]:
    """The processes ``pid`` started that are still there."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(n) for n in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def wait_for(condition, seconds: float, what: str) -> None:
    """Poll ``condition`` until it holds; fail naming ``what`` after ``seconds``."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def terminate(process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    """Send ``process`` SIGTERM and wait for it; it must end as a window closed by hand
    does: exit code 0, no traceback on its standard error."""
    process.send_signal(signal.SIGTERM)
    _out, err = process.communicate(timeout=seconds)
    assert process.returncode == 0, err.decode()
    assert b"Traceback" not in err
