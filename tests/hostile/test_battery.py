"""The hostile battery in CI (``make fuzz`` runs the same with a table), and the runner's
own classification, checked on cases made to fail each way."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tests.hostile.case import Case, Run, null_device, write
from tests.hostile.runner import FAILURES, execute, run_battery, summary


@pytest.mark.timeout(900)
def test_the_battery_has_no_traceback_hang_data_change_or_wrong_outcome():
    """Every case imports, exports or refuses as it says; PostgreSQL cases run when
    ANNOTATOR_TEST_PG_URL is set (CI sets it)."""
    started = time.monotonic()
    results = run_battery(workers=2, pg_url=os.environ.get("ANNOTATOR_TEST_PG_URL", "").strip())
    table = summary(results)
    print(f"{table}\n\n{len(results)} case(s) in {time.monotonic() - started:.0f} s")
    assert len(results) >= 300
    assert not [o for o in results if o.kind in FAILURES], table


def _import_text(folder: Path, base: Path) -> Run:
    db = folder / "t.db"
    return Run(["import", "--db", str(db), str(write(folder, "in/t.txt", "A text.\n"))], db=db)


def _replace_device(folder: Path, base: Path) -> Run:
    return Run(["@clobber", str(null_device(folder / "node"))])


RUNNER_CASES = [
    (Case("imports", "self-test", "accept", _import_text), "accepted"),
    (Case("refused as expected", "self-test", "refuse", lambda f, b: Run(
        ["import", "--db", str(f / "t.db"), str(write(f, "in/x.exe", "MZ"))])), "clean refusal"),
    (Case("accepted, refusal expected", "self-test", "refuse", _import_text), "wrong outcome"),
    (Case("hangs", "self-test", "accept", lambda f, b: Run(["@sleep", "60"], timeout=1)), "hang"),
    (Case("raises", "self-test", "accept", lambda f, b: Run(["@raise"])), "traceback"),
    (Case("replaces a device", "self-test", "either", _replace_device), "data changed"),
    (Case("leaks the secret", "self-test", "either", lambda f, b: Run(
        ["import", "--db", str(f / "t.db"), str(f / "outside" / "secret.txt")])), "data changed"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "kind"), RUNNER_CASES, ids=[c.name for c, _ in RUNNER_CASES])
def test_the_runner_tells_each_outcome(tmp_path, case, kind):
    outcome = execute(case, tmp_path / "case", tmp_path)
    assert outcome.kind == kind, outcome
