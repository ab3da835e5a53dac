"""What a case's child process runs: ``annotator`` itself (its ``main``), or one of the
actions below, for what the command line cannot do alone (the window's scheme import,
an import killed mid-way, restores racing imports)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path


def perform(argv: list[str]) -> int:
    """Exit code of ``annotator ARGV``, or of the action ``argv[0]`` names."""
    if argv and argv[0].startswith("@"):
        return ACTIONS[argv[0]](argv[1:])
    from annotator.cli import main

    return main(argv)


def scheme(argv: list[str]) -> int:
    """The labels dialog's "Import scheme": the file's labels, or its message."""
    from annotator.core.set_errors import SetFormatError
    from annotator.formats.scheme import read_scheme

    path = Path(argv[0])
    try:
        labels = read_scheme(path)
    except OSError as exc:
        print(f"annotator: error: {path}: {exc.strerror}", file=sys.stderr)
        return 1
    except SetFormatError as exc:
        print(f"annotator: error: {exc}", file=sys.stderr)
        return 1
    for label in labels:
        label.name.encode("utf-8")
    print(f"{len(labels)} label(s)")
    return 0


def annotator_process(*args: str) -> subprocess.Popen[bytes]:
    """``annotator ARGS`` in a fresh Python process."""
    return subprocess.Popen(
        [sys.executable, "-m", "annotator", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def sigkill(argv: list[str]) -> int:
    """``annotator import --db DB FILE`` killed with SIGKILL after DELAY seconds; then
    the database must open, pass its integrity check and hold the documents it held
    before or those plus the import's, never part of it."""
    delay, db, file = float(argv[0]), argv[1], argv[2]
    before = _count(db)
    process = annotator_process("import", "--db", db, file)
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()
    from annotator.cli import main

    code = main(["stats", "--db", db])
    with closing(sqlite3.connect(db)) as conn:
        (check,) = conn.execute("PRAGMA integrity_check").fetchone()
    after = _count(db)
    if check != "ok" or after not in (before, before + 1):
        print(f"annotator: after SIGKILL: {check}; {before} -> {after} documents", file=sys.stderr)
        return 3
    return code


def _count(db: str) -> int:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute("SELECT count(*) FROM documents").fetchone()[0]


def restore_race(argv: list[str]) -> int:
    """Imports in a loop (another process) while this one restores the database from
    its backup ROUNDS times; every import acknowledged must be in the restored database
    or in a file the restores kept."""
    db, rounds = Path(argv[0]), int(argv[1])
    inputs = sorted(Path(argv[2]).glob("*.txt"))
    script = (
        "import sys\nfrom annotator.cli import main\n"
        "for path in sys.argv[2:]:\n"
        "    if main(['import', '--db', sys.argv[1], path]) == 0:\n"
        "        print('ACK', path, flush=True)\n"
    )
    writer = subprocess.Popen(
        [sys.executable, "-c", script, str(db), *map(str, inputs)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    from annotator.cli import main
    from annotator.store.backups import list_backups

    backup = list_backups(db)[0].path
    for i in range(rounds):
        time.sleep(0.003 * (i % 7))
        main(["restore", "--db", str(db), str(backup)])  # refused while in use: fine
    out, err = writer.communicate(timeout=120)
    if "Traceback" in err:
        sys.stderr.write(err)
        return 99
    acknowledged = [line.split(" ", 1)[1] for line in out.splitlines() if line.startswith("ACK")]
    files = [db, *db.with_name(db.name + ".backups").glob("before-restore-*.db")]
    texts: set[str] = set()
    for file in files:
        try:
            with closing(sqlite3.connect(f"file:{file}?mode=ro", uri=True)) as conn:
                texts.update(row[0] for row in conn.execute("SELECT text FROM documents"))
        except sqlite3.Error:
            continue  # a file an opener had just made: it holds nothing
    marks = [Path(p).read_text("utf-8").strip() for p in acknowledged]
    lost = [mark for mark in marks if not any(mark in text for text in texts)]
    if lost:
        print(
            f"annotator: {len(lost)} acknowledged import(s) in no file: {lost[:3]}", file=sys.stderr
        )
        return 3
    return 0


def sleep(argv: list[str]) -> int:
    """The runner's self-test: a case that hangs."""
    time.sleep(float(argv[0]))
    return 0


def fail(argv: list[str]) -> int:
    """The runner's self-test: a case that ends in a traceback."""
    raise RuntimeError("raised on purpose")


def clobber(argv: list[str]) -> int:
    """The runner's self-test: replace the file at ``argv[0]`` (a device node in the
    case's folder) with a regular file, as an atomic write over any path would."""
    target = Path(argv[0])
    partial = target.with_name(target.name + ".partial")
    partial.write_bytes(b"replaced")
    os.replace(partial, target)
    return 0


ACTIONS = {
    "@scheme": scheme,
    "@sigkill": sigkill,
    "@restore-race": restore_race,
    "@sleep": sleep,
    "@raise": fail,
    "@clobber": clobber,
}
