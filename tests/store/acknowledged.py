"""The parent's side of :mod:`tests.store.change_stream`: start it, read what it
acknowledged, and compare that with what the database holds."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

Record = tuple[object, ...]
State = dict[str, Record]  # annotation id -> record


def spawn(db: Path, annotator: str, seed: int, count: int | None = None) -> subprocess.Popen:
    """The change stream in a child process with the same interpreter, stdout piped."""
    args = [sys.executable, "-m", "tests.store.change_stream", str(db), annotator, str(seed)]
    if count is not None:
        args.append(str(count))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        args,
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


@dataclass
class Transcript:
    """What a child said: the effects it acknowledged, in order, and the change it had
    announced but not acknowledged when it died (if any)."""

    acked: list[list[list[object]]] = field(default_factory=list)
    pending: list[list[object]] | None = None
    ready: bool = False

    def read(self, line: str) -> None:
        """Take one line; a last line cut short by the kill (no newline) is ignored."""
        if not line.endswith("\n"):
            return
        kind, _, body = line.rstrip("\n").partition(" ")
        if kind == "ready":
            self.ready = True
        elif kind == "intent":
            self.pending = json.loads(body)["effect"]
        elif kind == "ack":
            self.acked.append(json.loads(body)["effect"])
            self.pending = None
        else:
            raise AssertionError(f"unexpected line from the child: {line!r}")


def applied(state: State, effect: list[list[object]], found: State | None = None) -> State | None:
    """``state`` after ``effect``. An annotation to be made (id ``None``) takes the one
    id of ``found`` not in ``state`` with that record; None if there is not exactly one."""
    out = dict(state)
    for ann_id, rec in effect:
        if ann_id is None:
            assert found is not None
            new = [i for i, r in found.items() if i not in out and r == tuple(rec)]
            if len(new) != 1:
                return None
            out[new[0]] = tuple(rec)
        elif rec is None:
            out.pop(str(ann_id), None)
        else:
            out[str(ann_id)] = tuple(rec)
    return out


def stored(db: Path, annotator: str | None = None) -> State:
    """The annotations in the database (of ``annotator``, if given), read-only: the WAL
    a killed process left is not checkpointed away, so the next child recovers it."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        rows = conn.execute(
            "SELECT id, label, start_offset, end_offset, note, attributes, annotator "
            "FROM annotations"
        ).fetchall()
    conn.close()
    return {
        i: (label, start, end, note, _attributes(attributes))
        for i, label, start, end, note, attributes, who in rows
        if annotator is None or who == annotator
    }


def integrity(db: Path) -> str:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return "\n".join(row[0] for row in conn.execute("PRAGMA integrity_check"))
    finally:
        conn.close()


def _attributes(stored_json: str | None) -> str | None:
    if not stored_json:
        return None
    values = json.loads(stored_json)
    return json.dumps(values, sort_keys=True) if values else None
