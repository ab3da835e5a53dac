"""A restore cannot lose work: it swaps the files under an exclusive lock that every
opener of the database waits on (annotator/store/file_lock.py), so a write made while
it runs lands in the restored file, and one made before it in the file it keeps."""

from __future__ import annotations

import os
import random
import sqlite3
import stat
import subprocess
import sys
import threading
from contextlib import closing

import pytest

from annotator.app.opening import open_store
from annotator.cli import main
from annotator.store import backups, database, file_lock
from annotator.store.backups import make_backup, restore
from annotator.store.errors import StoreError
from tests.store.acknowledged import ROOT, integrity
from tests.store.import_stream import SOURCE

# Restores, each after at least one acknowledged import (fewer with $RACE_ROUNDS).
ROUNDS = int(os.environ.get("RACE_ROUNDS", "1000"))


def race_numbers(path) -> list[int]:
    """The numbers of the race documents in the database file ``path``, in order."""
    with closing(sqlite3.connect(path)) as conn:
        titles = conn.execute("SELECT title FROM documents WHERE source = ?", (SOURCE,))
        return sorted(int(title.removeprefix("n")) for (title,) in titles)


def child_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


class Acks:
    """The child's acknowledgements, read from its stdout in a thread."""

    def __init__(self, child: subprocess.Popen) -> None:
        self.numbers: list[int] = []
        self.done = False
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._read, args=(child,), daemon=True)
        self._thread.start()

    def _read(self, child: subprocess.Popen) -> None:
        for line in child.stdout:
            kind, _, number = line.partition(" ")
            with self._changed:
                if kind == "ack":
                    self.numbers.append(int(number))
                self._changed.notify_all()
        with self._changed:
            self.done = True
            self._changed.notify_all()

    def wait_beyond(self, count: int) -> None:
        with self._changed:
            self._changed.wait_for(lambda: len(self.numbers) > count or self.done, timeout=60)

    def join(self) -> None:
        self._thread.join(timeout=60)


@pytest.mark.timeout(600)  # a minute alone; a machine shared with other work takes longer
def test_restores_racing_imports_lose_no_acknowledged_import(db_path, tmp_path):
    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    open_store(str(db_path)).close()
    backup = make_backup(db_path).path  # small, without race documents
    stop = tmp_path / "stop"
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.store.import_stream", str(db_path), str(stop), str(seed)],
        cwd=ROOT,
        env=child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    acks = Acks(child)
    kept_numbers: list[int] = []  # of every file the restores kept, in order
    restored = refused = acked_before = 0
    try:
        while restored < ROUNDS:
            acks.wait_beyond(acked_before)  # an import since the last restore began
            assert not acks.done, f"seed {seed}: the importer stopped: {child.stderr.read()}"
            threading.Event().wait(rng.uniform(0, 0.008))  # in the gap between imports or not
            acked_before = len(acks.numbers)
            try:
                kept = restore(db_path, backup, wait_s=0.5)  # waits out an import under way
            except StoreError as exc:  # an import held the database open all that time
                assert "open in another window or program" in str(exc), str(exc)
                refused += 1
                continue
            restored += 1
            assert kept is not None
            assert integrity(kept) == "ok", f"seed {seed}: {kept}"
            kept_numbers += race_numbers(kept)
            for suffix in ("", "-wal", "-shm"):
                kept.with_name(kept.name + suffix).unlink(missing_ok=True)
    finally:
        stop.touch()
        child.wait(timeout=60)
        acks.join()
    errors = child.stderr.read()
    assert child.returncode == 0, f"seed {seed}: {errors}"
    assert integrity(db_path) == "ok"
    found = kept_numbers + race_numbers(db_path)
    acknowledged = len(acks.numbers)
    # Each acknowledged import is in exactly one file, the one the path named when it was
    # made: in the order made, every file holding those between two restores.
    assert found == list(range(acknowledged)), f"seed {seed}"
    print(f"{ROUNDS} restores, {refused} refused while open; {acknowledged} imports kept")


def test_an_import_arriving_during_a_restore_waits_and_lands_in_the_restored_file(
    db_path, tmp_path, monkeypatch
):
    open_store(str(db_path)).close()
    backup = make_backup(db_path).path
    document = tmp_path / "late.txt"
    document.write_text("Arrived while the backup was being copied in.")
    arrived: list[object] = []
    copy = backups._copy

    def copy_while_an_import_arrives(source, target, **options):
        # The database has been moved aside and the backup not yet copied in: before the
        # lock, an import here made a new file, and the restore then orphaned it.
        child = subprocess.Popen(
            [sys.executable, "-m", "annotator", "import", "--db", str(db_path), str(document)],
            cwd=ROOT,
            env=child_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        arrived.append(child)
        arrived.append(child.stderr.readline())  # it says it waits (or it ends)
        copy(source, target, **options)

    monkeypatch.setattr(backups, "_copy", copy_while_an_import_arrives)
    kept = restore(db_path, backup)
    child, said = arrived
    _out, err = child.communicate(timeout=60)
    assert f"waiting for a restore of {db_path} to finish" in said, said + err
    assert child.returncode == 0, err
    with closing(sqlite3.connect(db_path)) as conn:
        titles = [title for (title,) in conn.execute("SELECT title FROM documents")]
    assert titles == [document.read_text()]  # in the restored file, where the next reader looks
    with closing(sqlite3.connect(kept)) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (0,)


def test_an_opener_gives_up_with_a_message_when_a_restore_never_finishes(
    db_path, monkeypatch, capsys
):
    open_store(str(db_path)).close()
    before = db_path.read_bytes()
    monkeypatch.setattr(file_lock, "WAIT_S", 0.2)
    lock = file_lock.hold_exclusive(db_path)  # as a restore that hangs would
    try:
        assert main(["stats", "--db", str(db_path)]) == 1
        assert main(["backup", "--db", str(db_path)]) == 1
    finally:
        lock.release()
    err = capsys.readouterr().err
    assert f"waiting for a restore of {db_path} to finish" in err
    assert f"{db_path}: a restore of it has not finished after 0 s" in err
    assert "Traceback" not in err and db_path.read_bytes() == before
    assert main(["stats", "--db", str(db_path)]) == 0  # once it has


def test_restore_is_refused_while_an_older_annotator_has_the_database_open(db_path, capsys):
    open_store(str(db_path)).close()
    backup = make_backup(db_path).path
    older = sqlite3.connect(db_path)  # takes no lock, as Annotator before the lock did not
    older.execute("PRAGMA journal_mode=WAL")
    older.execute("INSERT INTO settings VALUES ('older', 'yes')")
    older.commit()
    try:
        with pytest.raises(StoreError, match="open in another window or program"):
            restore(db_path, backup)
    finally:
        older.close()
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("SELECT value FROM settings WHERE key = 'older'").fetchone() == ("yes",)


def test_the_lock_file_is_private_and_restore_leaves_it_in_place(db_path):
    open_store(str(db_path)).close()
    lock = file_lock.lock_path(db_path)
    inode = lock.stat().st_ino
    restore(db_path, make_backup(db_path).path)
    assert lock.stat().st_ino == inode and stat.S_IMODE(lock.stat().st_mode) == 0o600


def test_a_schema_upgrade_that_finds_the_database_locked_waits_then_says_so(
    db_path, monkeypatch, capsys
):
    open_store(str(db_path)).close()
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")  # as a restore leaves it: opening sets WAL
    reader = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM documents").fetchall()  # a read lock, held
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 20)
    monkeypatch.setattr(database, "LOCK_WAIT_S", 0.3)
    try:
        assert main(["stats", "--db", str(db_path)]) == 1
    finally:
        reader.rollback()
    err = capsys.readouterr().err
    assert f"{db_path}: cannot open it: another program kept it locked" in err
    assert "Traceback" not in err
    monkeypatch.setattr(database, "LOCK_WAIT_S", 30.0)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM documents").fetchall()
    threading.Timer(0.3, reader.rollback).start()  # a reader that finishes meanwhile
    assert main(["stats", "--db", str(db_path)]) == 0  # waited for it
    reader.close()
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
