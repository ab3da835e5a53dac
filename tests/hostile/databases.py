"""Cases around databases and processes: damaged SQLite files, ``--db`` naming a device,
FIFO or /proc file, SIGKILL mid-import, restores racing imports, backups and restore of
files that are not Annotator databases, PostgreSQL (a server that never answers, an
unencoded ``@`` in a password, values the server refuses)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from tests.fuzz.test_hostile_inputs import a_set, tiny
from tests.hostile.case import Case, Expect, Run, link_names, write
from tests.hostile.common import base_db, never_says
from tests.hostile.files import run_sql

# -- damaged databases and --db paths ------------------------------------------------


def db_case(
    name: str,
    expect: Expect,
    make: Callable[[Path, Path], Path],
    *,
    command: str = "stats",
    finding: str = "",
    timeout: float = 15.0,
) -> Case:
    """``annotator stats`` (or ``import``) with ``--db`` what ``make`` returns."""

    def build(folder: Path, base: Path) -> Run:
        db = make(folder, base)
        args = ["--db", str(db)]
        if command == "import":
            args.append(str(write(folder, "in/new.txt", "A new document.\n")))
        keep = db if db.is_file() and not db.is_symlink() else None
        return Run([command, *args], db=keep, names=link_names(db), timeout=timeout)

    return Case(f"--db {name} ({command})", "damaged databases", expect, build, finding)


def _truncated(folder: Path, base: Path) -> Path:
    return write(folder, "t.db", (base / "base.db").read_bytes()[:20_000])


def _corrupted(folder: Path, base: Path) -> Path:
    data = bytearray((base / "base.db").read_bytes())
    data[4096 * 3 : 4096 * 3 + 600] = bytes(600)
    return write(folder, "c.db", bytes(data))


def _sqlite(name: str, statements: list[str]) -> Callable[[Path, Path], Path]:
    def make(folder: Path, base: Path) -> Path:
        path = folder / name
        with closing(sqlite3.connect(path)) as conn:
            for statement in statements:
                conn.execute(statement)
            conn.commit()
        return path

    return make


FOREIGN = ["CREATE TABLE foo (x)", "INSERT INTO foo VALUES (1)"]
IMPOSTOR = [
    "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)",
    "INSERT INTO alembic_version VALUES ('0001')",
    "CREATE TABLE documents (x)",
]


def _killed_writer(folder: Path, base: Path) -> Path:
    """The base database with a WAL left by a process killed after committing."""
    db = base_db(folder, base, "w.db")
    script = (
        "import sqlite3, sys, time\n"
        "c = sqlite3.connect(sys.argv[1])\nc.execute('PRAGMA journal_mode=WAL')\n"
        "c.execute(\"UPDATE documents SET title = 'Survived' WHERE rowid = 1\")\n"
        "c.commit()\nprint('done', flush=True)\ntime.sleep(60)\n"
    )
    process = subprocess.Popen([sys.executable, "-c", script, str(db)], stdout=subprocess.PIPE)
    assert process.stdout is not None
    process.stdout.readline()
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert db.with_name("w.db-wal").exists()
    return db


def _device(name: str, major_minor: tuple[int, int]) -> Callable[[Path, Path], Path]:
    def make(folder: Path, base: Path) -> Path:
        path = folder / name
        os.mknod(path, 0o666 | 0o020000, os.makedev(*major_minor))
        return path

    return make


def database_cases() -> list[Case]:
    device = "--db naming a device skips the damaged-file check"
    cases = []
    for command in ("stats", "import"):
        cases += [
            db_case("truncated", "refuse", _truncated, command=command),
            db_case(
                "garbage",
                "refuse",
                lambda f, b: write(f, "g.db", os.urandom(0) + bytes(range(256)) * 64),
                command=command,
            ),
            db_case(
                "header only",
                "refuse",
                lambda f, b: write(f, "h.db", (b / "base.db").read_bytes()[:100]),
                command=command,
            ),
            db_case("zeroed pages", "refuse", _corrupted, command=command),
            db_case("with foreign tables", "refuse", _sqlite("f.db", FOREIGN), command=command),
            db_case(
                "an impostor with alembic_version",
                "refuse",
                _sqlite("i.db", IMPOSTOR),
                command=command,
            ),
            db_case("from the future", "refuse", _sqlite_future, command=command),
            db_case(
                "a folder",
                "refuse",
                lambda f, b: (f / "d.db").mkdir() or f / "d.db",
                command=command,
            ),
            db_case(
                "a device node",
                "refuse",
                _device("dev.db", (1, 3)),
                command=command,
                finding=device,
            ),
            db_case(
                "a zero device",
                "refuse",
                _device("zero.db", (1, 5)),
                command=command,
                finding=device,
            ),
            db_case(
                "a FIFO",
                "refuse",
                lambda f, b: (os.mkfifo(f / "p.db"), f / "p.db")[1],
                command=command,
                finding=device,
                timeout=10,
            ),
            db_case(
                "-> /proc/self/status",
                "refuse",
                lambda f, b: ((f / "s.db").symlink_to("/proc/self/status"), f / "s.db")[1],
                command=command,
                finding=device,
            ),
            db_case("WAL of a killed writer", "accept", _killed_writer, command=command),
        ]
    cases.append(db_case("an empty file", "either", lambda f, b: write(f, "e.db", b"")))
    return cases


def _sqlite_future(folder: Path, base: Path) -> Path:
    db = base_db(folder, base, "future.db")
    run_sql(db, "UPDATE alembic_version SET version_num = 'ffffffffffff'")
    return db


# -- processes: SIGKILL mid-import, restores racing imports ---------------------------


def _big_set() -> bytes:
    text = "ab " * 14_000
    return json.dumps(a_set(text, [tiny(text, i) for i in range(40_000)])).encode()


def sigkill_case(delay: float) -> Case:
    def build(folder: Path, base: Path) -> Run:
        db = base_db(folder, base)
        path = write(folder, "in/big.json", _big_set())
        return Run(["@sigkill", str(delay), str(db), str(path)], timeout=60)

    return Case(f"SIGKILL of an import after {delay} s", "processes", "accept", build)


def restore_race_case() -> Case:
    def build(folder: Path, base: Path) -> Run:
        db = base_db(folder, base, "r.db")
        backups = db.with_name("r.db.backups")
        backups.mkdir()
        shutil.copyfile(base / "base.db", backups / "backup-20260101T000000000000Z.db")
        for i in range(40):
            write(folder, f"in/race/{i:03}.txt", f"Race document number {i} of this run.\n")
        return Run(["@restore-race", str(db), "200", str(folder / "in" / "race")], timeout=90)

    return Case(
        "restore racing 40 imports", "processes", "accept", build, "restore races with openers"
    )


# -- backups and restore --------------------------------------------------------------


def restore_case(
    name: str,
    expect: Expect,
    make: Callable[[Path, Path], Path],
    *,
    finding: str = "",
    timeout: float = 15.0,
) -> Case:
    def build(folder: Path, base: Path) -> Run:
        db = base_db(folder, base)
        backup = make(folder, base)
        return Run(
            ["restore", "--db", str(db), str(backup)], db=db, names=backup.name, timeout=timeout
        )

    return Case(f"restore {name}", "backups", expect, build, finding)


def backup_cases() -> list[Case]:
    return [
        restore_case(
            "a real backup", "accept", lambda f, b: shutil.copyfile(b / "base.db", f / "copy.db")
        ),
        restore_case(
            "a non-Annotator SQLite with alembic_version",
            "refuse",
            _sqlite("impostor.db", IMPOSTOR),
            finding="restore accepts any SQLite",
        ),
        restore_case("a non-Annotator SQLite", "refuse", _sqlite("foreign.db", FOREIGN)),
        restore_case("garbage", "refuse", lambda f, b: write(f, "g.db", b"x" * 5000)),
        restore_case("a truncated backup", "refuse", _truncated),
        restore_case(
            "a FIFO", "refuse", lambda f, b: (os.mkfifo(f / "p.db"), f / "p.db")[1], timeout=10
        ),
        restore_case("a device node", "refuse", _device("n.db", (1, 3))),
        restore_case(
            "a database from the future",
            "refuse",
            _sqlite_future,
            finding="restore accepts any SQLite",
        ),
        Case(
            "backup of a damaged database",
            "backups",
            "refuse",
            lambda f, b: Run(
                ["backup", "--db", str(_corrupted(f, b))], db=f / "c.db", names="c.db"
            ),
        ),
        Case(
            "restore with no backups",
            "backups",
            "refuse",
            lambda f, b: Run(
                ["restore", "--db", str(base_db(f, b, "lone.db"))],
                db=f / "lone.db",
                names="lone.db",
            ),
        ),
    ]


# -- PostgreSQL ----------------------------------------------------------------------


def _silent_server() -> tuple[int, Callable[[], None]]:
    """A local server that accepts connections and never answers."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    return server.getsockname()[1], server.close


def silent_case(command: list[str]) -> Case:
    def build(folder: Path, base: Path) -> Run:
        port, stop = _silent_server()
        url = f"postgresql+psycopg://annotator:secret@127.0.0.1:{port}/annotations"
        return Run(
            [command[0], "--db", url, *command[1:]],
            names=str(port),
            timeout=45,
            cleanup=stop,
            check=never_says("secret"),
        )

    return Case(
        f"PostgreSQL server that never answers ({command[0]})",
        "PostgreSQL",
        "refuse",
        build,
        "no connect timeout",
    )


def at_password_case(command: str) -> Case:
    def build(folder: Path, base: Path) -> Run:
        url = "postgresql+psycopg://alice:se@cret@127.0.0.1:9/annotations"
        return Run(
            [command, "--db", url], names="127.0.0.1", timeout=30, check=never_says("cret", "se@")
        )

    return Case(
        f"password with an unencoded @ ({command})",
        "PostgreSQL",
        "refuse",
        build,
        "password with @ printed in part",
    )


def pg_import_case(
    name: str,
    expect: Expect,
    make: Callable[[Path], bytes],
    finding: str = "",
) -> Case:
    """An import into a fresh PostgreSQL database (needs ANNOTATOR_TEST_PG_URL)."""

    def build(folder: Path, base: Path) -> Run:
        from tests.databases import PgServer

        server = PgServer(os.environ["BATTERY_PG_URL"])
        url = server.create()
        path = write(folder, "in/s.json", make(base))
        check = _pg_empty(url) if expect == "refuse" else None
        return Run(
            ["import", "--db", url, str(path)],
            timeout=60,
            check=check,
            cleanup=lambda: server.drop(url),
        )

    return Case(f"PostgreSQL import {name}", "PostgreSQL", expect, build, finding, needs_pg=True)


def _pg_empty(url: str) -> Callable[[Path, str, str], str | None]:
    def check(folder: Path, out: str, err: str) -> str | None:
        from sqlalchemy import NullPool, create_engine, text

        engine = create_engine(url, poolclass=NullPool)
        try:
            with engine.connect() as conn:
                count = conn.execute(text("SELECT count(*) FROM documents")).scalar()
        except Exception:  # no schema at all: nothing was written
            return None
        finally:
            engine.dispose()
        return None if not count else f"{count} document(s) written before the refusal"

    return check


def _long_label(base: Path) -> bytes:
    data = json.loads((base / "set.json").read_bytes())
    old = data["labels"][0]["name"]
    data["labels"][0]["name"] = "L" * 150
    for document in data["documents"]:
        for annotation in document["annotations"]:
            if annotation["label"] == old:
                annotation["label"] = "L" * 150
    return json.dumps(data).encode()


def _huge_version(base: Path) -> bytes:
    data = json.loads((base / "set.json").read_bytes())
    data["documents"][0]["version"] = 2**63
    return json.dumps(data).encode()


def pg_cases() -> list[Case]:
    return [
        silent_case(["stats"]),
        silent_case(["export"]),
        at_password_case("stats"),
        at_password_case("export"),
        pg_import_case("of the base set", "accept", lambda b: (b / "set.json").read_bytes()),
        pg_import_case(
            "of a set with a 150-character label",
            "refuse",
            _long_label,
            "SQLite to PostgreSQL fails on lengths",
        ),
        pg_import_case(
            "of a set with a 2^63 version",
            "refuse",
            _huge_version,
            "integer ranges",
        ),
    ]


def database_and_process_cases() -> list[Case]:
    return [
        *database_cases(),
        *(sigkill_case(delay) for delay in (0.8, 1.2, 1.6, 2.0, 2.6)),
        restore_race_case(),
        *backup_cases(),
        *pg_cases(),
    ]
