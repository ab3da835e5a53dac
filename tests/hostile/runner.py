"""Runs the hostile battery and classifies each outcome.

    python -m tests.hostile.runner [--workers N] [--only SUBSTRING] [--pg-url URL]

Each case runs as a user would run ``annotator``, in a process of its own: a worker
process imports Annotator once, then forks one child per case (cheaper than starting
Python 300 times). The child gets its own process group, an address-space and file-size
limit, a fresh HOME and XDG folders inside the case's folder, and a time limit; its
stdout and stderr go to files. The outcome is one of:

- accepted: exit 0, as expected of a benign case;
- clean refusal: exit 1, every stderr line an ``annotator:`` message, one naming the file;
- traceback: "Traceback" on stderr, an uncaught exception, or death by a signal;
- hang: still running at the time limit (killed with its process group);
- data changed: after a refusal the database differs (bytes after a checkpoint), or any
  file, device, FIFO or link outside the case's inputs changed, or the secret beside the
  inputs reached a database;
- wrong outcome: accepted when a refusal was expected or the reverse, a refusal that
  names no file, or a case's own check failed.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import queue
import resource
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from dataclasses import asdict, dataclass
from pathlib import Path

from tests.hostile.case import SECRET, Case, Run, outside

ROOT = Path(__file__).resolve().parents[2]
FILE_LIMIT = 1 << 30  # largest file a case may write, bytes
KINDS = ("accepted", "clean refusal", "traceback", "hang", "data changed", "wrong outcome")
FAILURES = KINDS[2:]
CAPTURED = (".stdout", ".stderr")


@dataclass
class Outcome:
    name: str
    category: str
    expect: str
    finding: str
    kind: str  # one of KINDS, or "skipped"
    detail: str = ""
    seconds: float = 0.0


# -- snapshots: what must not change -------------------------------------------------


def _sqlite_bytes(path: Path) -> tuple[bytes, bytes] | None:
    """The database's bytes after a checkpoint, or None if it is no readable database."""
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=rw", uri=True)) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error:
        return None
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes(), wal.read_bytes() if wal.exists() else b""


def _fingerprint(path: Path) -> tuple:
    info = path.lstat()
    if stat.S_ISLNK(info.st_mode):
        return ("link", os.readlink(path))
    if stat.S_ISREG(info.st_mode):
        if info.st_size > 64 << 20:  # sparse or big inputs: size and the first MiB
            with path.open("rb") as handle:
                return ("big", info.st_size, hashlib.sha256(handle.read(1 << 20)).hexdigest())
        return ("file", hashlib.sha256(path.read_bytes()).hexdigest())
    if stat.S_ISDIR(info.st_mode):
        return ("dir",)
    return ("special", stat.S_IFMT(info.st_mode), info.st_rdev)


def snapshot(folder: Path, db: Path | None) -> dict[str, tuple]:
    """Every entry under ``folder`` (links not followed) but the case's home and captured
    output; ``db`` (and its journal) as its bytes after a checkpoint when it is a
    readable database."""
    seen: dict[str, tuple] = {}
    journal = set()
    if db is not None and db.is_file() and not db.is_symlink():
        state = _sqlite_bytes(db)
        if state is not None:
            seen[db.name] = ("db", hashlib.sha256(b"".join(state)).hexdigest())
            journal = {db.name, db.name + "-wal", db.name + "-shm"}
    for root, dirs, files in os.walk(folder):
        here = Path(root)
        if here == folder:
            dirs[:] = [d for d in dirs if d != "home" and not d.endswith(".backups")]
        for name in [*dirs, *files]:
            path = here / name
            key = str(path.relative_to(folder))
            if key in journal or key in CAPTURED or key.endswith("-shm"):
                continue
            seen[key] = _fingerprint(path)
    return seen


def leaked(folder: Path) -> list[str]:
    """Database files under ``folder`` that hold the secret's marker."""
    found = []
    for path in folder.rglob("*"):
        if path.is_symlink() or not path.is_file() or "outside" in path.parts:
            continue
        if path.name.endswith((".db", ".db-wal")) and SECRET.encode() in path.read_bytes():
            found.append(str(path.relative_to(folder)))
    return found


def changes(before: dict[str, tuple], after: dict[str, tuple], protected: set[str]) -> list[str]:
    """Keys of ``protected`` (or special files and links anywhere) changed or gone."""
    out = []
    for key, print_ in before.items():
        watched = key in protected or print_[0] in ("special", "link") or key.startswith("outside")
        if watched and after.get(key) != print_:
            out.append(f"{key} {'changed' if key in after else 'is gone'}")
    return out


# -- one case in a forked child ------------------------------------------------------


def _child(run: Run, folder: Path) -> None:
    """In the forked child: limits, a private environment, then the command."""
    code = 99
    try:
        os.setpgid(0, 0)
        resource.setrlimit(resource.RLIMIT_AS, (run.memory, run.memory))
        resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_LIMIT, FILE_LIMIT))
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        for fd, name in ((1, ".stdout"), (2, ".stderr")):
            target = os.open(folder / name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.dup2(target, fd)
        # Whatever stood for them before the fork (pytest's capture) writes elsewhere.
        sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
        sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)  # noqa: SIM115
        os.chdir(folder)
        home = folder / "home"
        os.environ.update(
            HOME=str(home),
            XDG_DATA_HOME=str(home / "data"),
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_STATE_HOME=str(home / "state"),
            XDG_CACHE_HOME=str(home / "cache"),
            ANNOTATOR_USER="battery",
            **run.env,
        )
        os.environ.pop("ANNOTATOR_DB", None)
        from tests.hostile.actions import perform

        code = perform(run.argv)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 2
    except BaseException:
        traceback.print_exc()
        code = 99
    finally:
        with contextlib.suppress(BaseException):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)


def _wait(pid: int, timeout: float) -> tuple[int | None, int | None]:
    """(exit code, signal) of the child, or (None, None) when it hung and was killed."""
    deadline = time.monotonic() + timeout
    pause = 0.002
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            if os.WIFSIGNALED(status):
                return None, os.WTERMSIG(status)
            return os.waitstatus_to_exitcode(status), None
        if time.monotonic() > deadline:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            return None, None
        time.sleep(pause)
        pause = min(pause * 2, 0.05)


def execute(case: Case, folder: Path, base: Path) -> Outcome:
    """Build ``case`` in ``folder``, run it in a forked child and classify the result."""
    started = time.monotonic()
    outcome = Outcome(case.name, case.category, case.expect, case.finding, "")
    folder.mkdir(parents=True)
    (folder / "outside").mkdir()
    outside(folder).write_text(f"{SECRET}\n", encoding="utf-8")
    (folder / "home").mkdir()
    try:
        run = case.build(folder, base)
    except Exception:
        outcome.kind, outcome.detail = (
            "wrong outcome",
            "building the case failed: " + (traceback.format_exc(limit=3).strip().splitlines()[-1]),
        )
        return outcome
    before = snapshot(folder, run.db)
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        _child(run, folder)
    try:
        code, killed_by = _wait(pid, run.timeout)
    finally:
        if run.cleanup is not None:
            run.cleanup()
    outcome.seconds = time.monotonic() - started
    out = (folder / ".stdout").read_text("utf-8", "replace")
    err = (folder / ".stderr").read_text("utf-8", "replace")
    after = snapshot(folder, run.db)
    protected = set() if run.db is None else {str(run.db.relative_to(folder))}
    changed = changes(before, after, protected if case.expect != "accept" else set())
    if run.db_may_change or code == 0:
        changed = [c for c in changed if c.split()[0] not in protected]
    changed += [f"{name} holds the secret" for name in leaked(folder)]
    last = err.strip().splitlines()[-1:] or [""]
    if code is None and killed_by is None:
        outcome.kind, outcome.detail = "hang", f"killed after {run.timeout:.0f} s"
    elif killed_by is not None or code == 99 or "Traceback" in err or "MemoryError" in err:
        lines = [line for line in err.strip().splitlines() if line and not line[0].isspace()]
        said = lines[-1] if lines else ""
        outcome.kind = "traceback"
        outcome.detail = f"signal {killed_by}" if killed_by is not None else said
    elif changed:
        outcome.kind, outcome.detail = "data changed", "; ".join(changed)
    else:
        outcome.kind, outcome.detail = _judge(case, run, folder, code, out, err, last[0])
    return outcome


def _judge(
    case: Case, run: Run, folder: Path, code: int, out: str, err: str, last: str
) -> tuple[str, str]:
    problem = run.check(folder, out, err) if run.check is not None else None
    if problem:
        return "wrong outcome", problem
    if code == 0:
        if case.expect == "refuse":
            return "wrong outcome", "accepted; a refusal was expected"
        return "accepted", ""
    if case.expect == "accept":
        return "wrong outcome", f"exit {code}, expected to be accepted: {last[:200]}"
    if code != 1:
        return "wrong outcome", f"exit {code}, not 1: {last[:200]}"
    lines = err.strip().splitlines()
    named = run.names if run.names is not None else _last_path(run.argv)
    if not lines or any(not line.startswith("annotator") for line in lines):
        return "wrong outcome", f"a refusal that is not an annotator message: {last[:200]}"
    if named and not any(name in line for name in named.split("|") for line in lines):
        return "wrong outcome", f"the message does not name {named}: {last[:200]}"
    return "clean refusal", ""


def _last_path(argv: list[str]) -> str:
    paths = [a for a in argv if not a.startswith("-") and ("/" in a or "." in a)]
    return Path(paths[-1]).name if paths else ""


# -- workers and the parent ----------------------------------------------------------


def worker(base: Path, work: Path, pg_url: str) -> None:
    """Read case names from stdin, one a line; write each outcome as a JSON line."""
    if pg_url:
        os.environ["BATTERY_PG_URL"] = pg_url
    import annotator.cli  # noqa: F401  (imported once, shared by every forked child)
    from annotator.store import Store
    from tests.hostile import actions  # noqa: F401
    from tests.hostile.cases import by_name

    # One new database made here: every child then makes its own from the schema this
    # one's migrations left (annotator/store/fresh_schema.py), as a long-lived process does.
    Store.open(str(Path(tempfile.mkdtemp(prefix="warm-", dir=work)) / "warm.db")).close()

    cases = by_name()
    for line in sys.stdin:
        name = line.strip()
        folder = Path(tempfile.mkdtemp(prefix="case-", dir=work))
        try:
            outcome = execute(cases[name], folder / "c", base)
        except Exception:
            outcome = Outcome(name, cases[name].category, cases[name].expect, "", "wrong outcome")
            outcome.detail = "runner: " + traceback.format_exc(limit=2).strip().splitlines()[-1]
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        print(json.dumps(asdict(outcome)), flush=True)


def run_battery(
    workers: int = 2, only: str = "", pg_url: str = "", echo: bool = False
) -> list[Outcome]:
    """Every case (or those whose name holds ``only``), ``workers`` at a time."""
    from tests.hostile.base import make_base
    from tests.hostile.cases import all_cases

    chosen = [case for case in all_cases() if only in case.name]
    results: list[Outcome] = []
    todo: queue.Queue[Case] = queue.Queue()
    for case in sorted(chosen, key=lambda c: c.category not in SLOW_FIRST):
        if case.needs_pg and not pg_url:
            results.append(Outcome(case.name, case.category, case.expect, case.finding, "skipped"))
        else:
            todo.put(case)
    lock = threading.Lock()
    with tempfile.TemporaryDirectory(prefix="battery-") as scratch:
        base = Path(scratch) / "base"
        make_base(base)
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
        command = [sys.executable, "-m", "tests.hostile.runner", "--worker", str(base), scratch]

        def drive() -> None:
            process = subprocess.Popen(
                [*command, pg_url],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                cwd=ROOT,
                env=env,
            )
            assert process.stdin is not None and process.stdout is not None
            try:
                while True:
                    try:
                        case = todo.get_nowait()
                    except queue.Empty:
                        break
                    process.stdin.write(case.name + "\n")
                    process.stdin.flush()
                    reply = process.stdout.readline()
                    if not reply:
                        outcome = Outcome(
                            case.name,
                            case.category,
                            case.expect,
                            case.finding,
                            "wrong outcome",
                            "the worker died",
                        )
                        with lock:
                            results.append(outcome)
                        break
                    outcome = Outcome(**json.loads(reply))
                    outcome.finding = case.finding
                    with lock:
                        results.append(outcome)
                    if echo:
                        print(
                            f"{outcome.kind:14} {outcome.seconds:5.1f} s  {case.name}", flush=True
                        )
            finally:
                process.stdin.close()
                process.wait()

        threads = [threading.Thread(target=drive) for _ in range(max(1, workers))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    order = {case.name: i for i, case in enumerate(chosen)}
    return sorted(results, key=lambda o: order[o.name])


SLOW_FIRST = ("PostgreSQL", "processes")


def summary(results: list[Outcome]) -> str:
    """The table docs/reliability.md shows, then one line per failure."""
    ran = [o for o in results if o.kind != "skipped"]
    counts = {kind: sum(o.kind == kind for o in ran) for kind in KINDS}
    head = ["cases", *KINDS]
    row = [str(len(ran)), *(str(counts[k]) for k in KINDS)]
    widths = [max(len(h), len(r)) for h, r in zip(head, row, strict=True)]
    lines = [
        "| " + " | ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)) + " |",
        "|" + "|".join("-" * (w + 2) for w in widths) + "|",
        "| " + " | ".join(r.rjust(w) for r, w in zip(row, widths, strict=True)) + " |",
    ]
    skipped = [o for o in results if o.kind == "skipped"]
    if skipped:
        lines.append(f"({len(skipped)} PostgreSQL case(s) skipped: no ANNOTATOR_TEST_PG_URL)")
    categories: dict[str, list[Outcome]] = {}
    for outcome in ran:
        categories.setdefault(outcome.category, []).append(outcome)
    lines.append("")
    for category, members in categories.items():
        bad = sum(o.kind in FAILURES for o in members)
        lines.append(f"  {category:34} {len(members):4} case(s)  {bad} failing")
    failed = [o for o in ran if o.kind in FAILURES]
    if failed:
        lines.append("")
    for outcome in failed:
        finding = f" [{outcome.finding}]" if outcome.finding else ""
        lines.append(f"{outcome.kind.upper()}: {outcome.name}{finding}: {outcome.detail[:300]}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["--worker"]:
        worker(Path(args[1]), Path(args[2]), args[3] if len(args) > 3 else "")
        return 0
    parser = argparse.ArgumentParser(prog="make fuzz", description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--only", default="", help="run the cases whose name holds this")
    parser.add_argument("--pg-url", default=os.environ.get("ANNOTATOR_TEST_PG_URL", ""))
    parser.add_argument("-v", "--verbose", action="store_true", help="a line per case")
    ns = parser.parse_args(args)
    started = time.monotonic()
    results = run_battery(ns.workers, ns.only, ns.pg_url.strip(), echo=ns.verbose)
    print(summary(results))
    print(f"\n{len(results)} case(s) in {time.monotonic() - started:.0f} s")
    return 1 if any(o.kind in FAILURES for o in results) else 0


if __name__ == "__main__":
    sys.exit(main())
