"""Builders most cases share: one file imported into a copy of the base database."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from tests.hostile.case import Case, Expect, Run, write

Data = Callable[[], bytes]
Check = Callable[[Path, str, str], str | None]


def base_db(folder: Path, base: Path, name: str = "work.db", source: str = "base.db") -> Path:
    """A copy of the base database (five annotations in two documents; or ``other.db``,
    one unrelated document) in ``folder``."""
    db = folder / name
    shutil.copyfile(base / source, db)
    return db


def import_case(
    name: str,
    category: str,
    expect: Expect,
    filename: str,
    data: Data | None = None,
    *,
    derive: Callable[[Path], bytes] | None = None,
    finding: str = "",
    check: Check | None = None,
    timeout: float = 30.0,
    memory: int = 2 << 30,
    options: tuple[str, ...] = (),
) -> Case:
    """``annotator import`` of ``data()`` (or ``derive(base folder)``) as ``in/filename``
    into a database holding one other document; a refusal must leave it as it was."""

    def build(folder: Path, base: Path) -> Run:
        db = base_db(folder, base, source="other.db")
        made = data() if data is not None else derive(base)  # type: ignore[misc]
        path = write(folder / "in", filename, made)
        return Run(
            ["import", "--db", str(db), *options, str(path)],
            db=db,
            check=check,
            timeout=timeout,
            memory=memory,
        )

    return Case(name, category, expect, build, finding)


def texts(folder: Path, db: str = "work.db") -> list[str]:
    """Every document text in the case's database."""
    with closing(sqlite3.connect(folder / db)) as conn:
        return [row[0] for row in conn.execute("SELECT text FROM documents")]


def text_lacks(*pieces: str) -> Check:
    """A check: no stored text holds any of ``pieces``."""

    def check(folder: Path, out: str, err: str) -> str | None:
        for text in texts(folder):
            for piece in pieces:
                if piece in text:
                    return f"the stored text holds {piece!r}"
        return None

    return check


def text_has(piece: str) -> Check:
    def check(folder: Path, out: str, err: str) -> str | None:
        if not any(piece in text for text in texts(folder)):
            return f"no stored text holds {piece!r}"
        return None

    return check


def says(piece: str) -> Check:
    """A check: stderr says ``piece``."""

    def check(folder: Path, out: str, err: str) -> str | None:
        return None if piece in err else f"stderr does not say {piece!r}: {err.strip()[-200:]}"

    return check


def never_says(*pieces: str) -> Check:
    def check(folder: Path, out: str, err: str) -> str | None:
        for piece in pieces:
            if piece in out + err:
                return f"the output shows {piece!r}"
        return None

    return check
