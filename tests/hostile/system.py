"""Cases around the files and processes: folder imports (symlinks, FIFOs, sparse files,
/proc), exports (-o onto a FIFO or device, --excel formulas, dates that are not dates),
damaged databases, ``--db`` naming a device, SIGKILL mid-import, backups and restore,
PostgreSQL (a server that never answers, an unencoded ``@`` in a password)."""

from __future__ import annotations

import csv
import io
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

from tests.fuzz.samples import SAMPLES
from tests.fuzz.test_hostile_inputs import a_set, tiny
from tests.hostile.case import Case, Expect, Run, link_names, null_device, outside, write
from tests.hostile.common import base_db, never_says

# -- folder imports and files named directly -----------------------------------------


def folder_case(
    name: str,
    expect: Expect,
    make: Callable[[Path, Path], str],
    *,
    finding: str = "",
    timeout: float = 30.0,
) -> Case:
    """A folder of good documents plus what ``make`` adds (it returns the name a
    refusal must give), imported as a folder."""

    def build(folder: Path, base: Path) -> Run:
        db = base_db(folder, base)
        docs = folder / "in" / "docs"
        docs.mkdir(parents=True)
        (docs / "good.txt").write_text("A good document in the folder.\n", encoding="utf-8")
        named = make(docs, folder)
        return Run(
            ["import", "--db", str(db), str(docs)],
            db=db,
            names=named,
            timeout=timeout,
            db_may_change=True,
        )

    return Case(f"folder {name}", "folders and special files", expect, build, finding)


def named_case(
    name: str,
    expect: Expect,
    make: Callable[[Path, Path], Path],
    *,
    finding: str = "",
    timeout: float = 30.0,
) -> Case:
    """One special file named on the command line."""

    def build(folder: Path, base: Path) -> Run:
        db = base_db(folder, base)
        (folder / "in").mkdir()
        path = make(folder / "in", folder)
        return Run(
            ["import", "--db", str(db), str(path)], db=db, names=link_names(path), timeout=timeout
        )

    return Case(f"named {name}", "folders and special files", expect, build, finding)


def _link(name: str, target: Callable[[Path], str | Path]) -> Callable[[Path, Path], str]:
    def make(docs: Path, folder: Path) -> str:
        (docs / name).symlink_to(target(folder))
        return link_names(docs / name)

    return make


def _samples(docs: Path, folder: Path) -> str:
    for name, data in SAMPLES.items():
        (docs / name).write_bytes(data)
    return ""


def _fifo(docs: Path, folder: Path) -> str:
    os.mkfifo(docs / "pipe.txt")
    return "pipe.txt"


def _sparse(docs: Path, folder: Path) -> str:
    with (docs / "sparse.txt").open("wb") as handle:
        handle.truncate(1 << 30)
    return "sparse.txt"


def _linked(name: str, target: str) -> Callable[[Path, Path], Path]:
    def make(where: Path, folder: Path) -> Path:
        (where / name).symlink_to(target)
        return where / name

    return make


def folder_cases() -> list[Case]:
    links = "symlinks out of the imported folder"
    proc = "/proc and /sys pass the regular-file check"
    return [
        folder_case("of every kind of document", "accept", _samples),
        folder_case(
            "notes.txt -> a file outside", "refuse", _link("notes.txt", outside), finding=links
        ),
        folder_case("z.txt -> /dev/zero", "refuse", _link("z.txt", lambda f: "/dev/zero")),
        folder_case("pipe.txt a FIFO", "refuse", _fifo, timeout=10),
        folder_case("sparse.txt of 1 GiB", "refuse", _sparse),
        folder_case(
            "status.txt -> /proc/self/status",
            "refuse",
            _link("status.txt", lambda f: "/proc/self/status"),
            finding=proc,
        ),
        folder_case(
            "state.txt -> /sys/power/state",
            "refuse",
            _link("state.txt", lambda f: "/sys/power/state"),
            finding=proc,
        ),
        folder_case("a link to a folder outside", "accept", _link("away", lambda f: f / "outside")),
        folder_case(
            "link.txt -> good.txt inside",
            "accept",
            lambda d, f: (d / "link.txt").symlink_to("good.txt") or "",
        ),
        named_case(
            "status.txt -> /proc/self/status",
            "refuse",
            _linked("status.txt", "/proc/self/status"),
            finding=proc,
        ),
        named_case(
            "environ.txt -> /proc/self/environ",
            "refuse",
            _linked("environ.txt", "/proc/self/environ"),
            finding=proc,
        ),
        named_case("z.txt -> /dev/zero", "refuse", _linked("z.txt", "/dev/zero")),
        named_case(
            "a FIFO", "refuse", lambda w, f: (os.mkfifo(w / "p.txt"), w / "p.txt")[1], timeout=10
        ),
        named_case(
            "a FIFO named .json",
            "refuse",
            lambda w, f: (os.mkfifo(w / "p.json"), w / "p.json")[1],
            timeout=10,
        ),
        named_case("a FIFO as --format brat", "refuse", _brat_fifo, timeout=10),
        named_case("a device named .txt", "refuse", lambda w, f: null_device(w / "n.txt")),
        named_case("a missing file", "refuse", lambda w, f: w / "missing.txt"),
        named_case(
            "a folder of nothing", "refuse", lambda w, f: (w / "empty").mkdir() or w / "empty"
        ),
    ]


def _brat_fifo(where: Path, folder: Path) -> Path:
    brat = where / "brat"
    brat.mkdir()
    os.mkfifo(brat / "a.txt")
    (brat / "a.ann").write_text("T1\tclaim 0 1\tx\n", encoding="utf-8")
    return brat


# -- exports -------------------------------------------------------------------------


def export_case(
    name: str,
    expect: Expect,
    prepare: Callable[[Path, Path], list[str]],
    *,
    finding: str = "",
    check=None,
    names: str | None = None,
) -> Case:
    """``annotator export --db work.db`` plus what ``prepare`` returns."""

    def build(folder: Path, base: Path) -> Run:
        db = base_db(folder, base)
        args = prepare(folder, db)
        return Run(["export", "--db", str(db), *args], db=db, check=check, names=names, timeout=15)

    return Case(f"export {name}", "exports", expect, build, finding)


def _sql(db: Path, statement: str) -> None:
    with closing(sqlite3.connect(db)) as conn:
        conn.execute(statement)
        conn.commit()


FORMULAS = ['=HYPERLINK("http://example.com/x","click")', "+1+2", "@SUM(A1)", "-2+3", "\t=1"]


def _formula_db(folder: Path, db: Path) -> list[str]:
    for i, formula in enumerate(FORMULAS):
        _sql(db, f"UPDATE annotations SET note = '{formula}' WHERE rowid = {i + 1}")
    return ["--format", "csv", "--excel", "-o", str(folder / "out.csv")]


def _no_formulas(folder: Path, out: str, err: str) -> str | None:
    text = (folder / "out.csv").read_text("utf-8-sig")
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            if cell[:1] in ("=", "+", "@", "\t", "\r") or (cell[:1] == "-" and not _number(cell)):
                return f"a cell starts a formula: {cell[:40]!r}"
    return None


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _formulas_kept(folder: Path, out: str, err: str) -> str | None:
    text = (folder / "out.csv").read_text("utf-8")
    cells = {cell for row in csv.reader(io.StringIO(text)) for cell in row}
    return None if set(FORMULAS) <= cells else "plain CSV changed a note"


def _dev_target(kind: str) -> Callable[[Path, Path], list[str]]:
    def prepare(folder: Path, db: Path) -> list[str]:
        target = folder / "target"
        if kind == "fifo":
            os.mkfifo(target)
        else:
            null_device(target)
        return ["-o", str(target)]

    return prepare


def export_cases() -> list[Case]:
    device = "export -o onto a device"
    dates = "export over a date that is not a date"
    cases = [
        export_case(
            f"as {fmt}",
            "accept",
            lambda f, db, fmt=fmt: [
                "--format",
                fmt,
                "-o",
                str(f / ("out" if fmt == "brat" else f"out.{fmt}")),
            ],
        )
        for fmt in ("json", "csv", "jsonl", "w3c", "refi-qda", "doccano", "label-studio", "brat")
    ]
    cases += [
        export_case(
            "-o onto a FIFO", "refuse", _dev_target("fifo"), finding=device, names="target"
        ),
        export_case(
            "-o onto a device node", "refuse", _dev_target("device"), finding=device, names="target"
        ),
        export_case(
            "--format brat -o onto a device node",
            "refuse",
            lambda f, db: ["--format", "brat", *_dev_target("device")(f, db)],
            finding=device,
            names="target",
        ),
        export_case(
            "-o onto a folder",
            "refuse",
            lambda f, db: ((f / "there").mkdir(), ["-o", str(f / "there")])[1],
            names="there",
        ),
        export_case(
            "-o into a missing folder",
            "refuse",
            lambda f, db: ["-o", str(f / "no" / "such" / "out.json")],
            names="out.json",
        ),
        export_case(
            "--excel with formula cells",
            "accept",
            _formula_db,
            check=_no_formulas,
            finding="CSV formulas",
        ),
        export_case(
            "plain CSV keeps formula text",
            "accept",
            lambda f, db: [*_formula_db(f, db)[:2], "-o", str(f / "out.csv")],
            check=_formulas_kept,
        ),
        export_case(
            "a description of SQL",
            "accept",
            lambda f, db: (
                _sql(db, "UPDATE labels SET description = ''');DROP TABLE labels;--'"),
                ["-o", str(f / "o.json")],
            )[1],
        ),
    ]
    for column, value in [
        ("created_at", "garbage"),
        ("updated_at", "2026-13-45"),
        ("created_at", "12345"),
        ("updated_at", ""),
    ]:
        cases.append(
            export_case(
                f"{column} = {value!r}",
                "either",
                lambda f, db, c=column, v=value: (
                    _sql(db, f"UPDATE annotations SET {c} = '{v}' WHERE rowid = 2"),
                    ["-o", str(f / "o.json")],
                )[1],
                finding=dates,
                names="",
            )
        )
    return cases


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
    _sql(db, "UPDATE alembic_version SET version_num = 'ffffffffffff'")
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


def system_cases() -> list[Case]:
    return [
        *folder_cases(),
        *export_cases(),
        *database_cases(),
        *(sigkill_case(delay) for delay in (0.8, 1.2, 1.6, 2.0, 2.6)),
        restore_race_case(),
        *backup_cases(),
        *pg_cases(),
    ]
