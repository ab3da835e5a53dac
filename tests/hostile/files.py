"""Cases around files: folder imports (symlinks out, FIFOs, sparse files, /proc and /sys),
special files named directly, and exports (-o onto a FIFO or device node, --excel
formulas, dates that are not dates)."""

from __future__ import annotations

import csv
import io
import os
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from tests.fuzz.samples import SAMPLES
from tests.hostile.case import Case, Expect, Run, link_names, null_device, outside
from tests.hostile.common import base_db

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


def run_sql(db: Path, statement: str) -> None:
    with closing(sqlite3.connect(db)) as conn:
        conn.execute(statement)
        conn.commit()


FORMULAS = ['=HYPERLINK("http://example.com/x","click")', "+1+2", "@SUM(A1)", "-2+3", "\t=1"]


def _formula_db(folder: Path, db: Path) -> list[str]:
    for i, formula in enumerate(FORMULAS):
        run_sql(db, f"UPDATE annotations SET note = '{formula}' WHERE rowid = {i + 1}")
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
                run_sql(db, "UPDATE labels SET description = ''');DROP TABLE labels;--'"),
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
                    run_sql(db, f"UPDATE annotations SET {c} = '{v}' WHERE rowid = 2"),
                    ["-o", str(f / "o.json")],
                )[1],
                finding=dates,
                names="",
            )
        )
    return cases


def file_cases() -> list[Case]:
    return [*folder_cases(), *export_cases()]
