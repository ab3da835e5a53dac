"""What a battery case is: a name, what it expects, and how to build its files.

A case's ``build`` writes its hostile inputs into the case's own folder and returns a
:class:`Run`: the ``annotator`` command line to run there, and what to check. Nothing a
case makes is committed; every file comes from code.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Expect = Literal["accept", "refuse", "either"]
# Every case's folder holds this file outside its inputs; the runner checks it never
# changes and that its marker never reaches a database.
SECRET = "BATTERY-SECRET-7f3a9c"


@dataclass
class Run:
    """One run of a case: ``argv`` for ``annotator`` (or an action of :mod:`actions`,
    whose name starts with ``@``), run in the case's folder."""

    argv: list[str]
    # The database a refusal must leave exactly as it was (None: no database to keep).
    db: Path | None = None
    # What a refusal's message must name (default: the last path in argv; "": nothing;
    # alternatives between "|").
    names: str | None = None
    timeout: float = 30.0
    memory: int = 2 << 30  # address-space limit of the run, bytes
    env: dict[str, str] = field(default_factory=dict)
    # After the run: a problem with the result (a wrong outcome), or None.
    check: Callable[[Path, str, str], str | None] | None = None
    # A refused folder import keeps its good files (docs/command-line.md, on import).
    db_may_change: bool = False
    # Run in the worker after the case (stop a server, drop a database).
    cleanup: Callable[[], None] | None = None


@dataclass(frozen=True)
class Case:
    name: str
    category: str
    expect: Expect
    build: Callable[[Path, Path], Run]  # (case folder, base samples folder) -> Run
    finding: str = ""  # the issue-17 finding it checks; "" for what already held
    needs_pg: bool = False


def write(folder: Path, name: str, data: bytes | str) -> Path:
    """``data`` as the file ``folder/name`` (folders made as needed)."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def link_names(path: Path) -> str:
    """What a refusal of ``path`` may name: its own name or, for a link, where it leads
    (``|`` between alternatives)."""
    if not path.is_symlink():
        return path.name
    target = os.readlink(path)
    return f"{path.name}|{target}|/{Path(target).name}"


def outside(folder: Path) -> Path:
    """The secret file beside the case's inputs (made by the runner)."""
    return folder / "outside" / "secret.txt"


def null_device(path: Path) -> Path:
    """A character device node with /dev/null's numbers, made at ``path`` (root only):
    a device a buggy write could replace, but never one whose contents matter."""
    os.mknod(path, 0o666 | 0o020000, os.makedev(1, 3))
    return path
