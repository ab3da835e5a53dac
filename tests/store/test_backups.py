"""Backups: made with SQLite's backup API beside the database, rotated, checked and
restored without destroying what they replace; damaged files refused untouched."""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
from contextlib import closing, contextmanager
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from annotator.app.opening import open_store
from annotator.cli import main
from annotator.core.model import NewDocument
from annotator.store import Store, StoreError
from annotator.store.backups import (
    EVERY_SETTING,
    KEEP_SETTING,
    backup_folder,
    backup_if_due,
    list_backups,
    make_backup,
    quick_check,
)
from annotator.store.database import head_revision
from annotator.store.errors import DamagedDatabase

T0 = datetime(2026, 1, 1, 12, 0)


def tagged_database(db_path, phrase="one two three"):
    store = open_store(str(db_path))
    doc = store.import_documents([NewDocument("t", "s", phrase)])[0].document
    store.tag(doc.id, "claim", 0, 3, "me")
    store.close()
    return doc.id


def rows(path, sql="SELECT label, start_offset, end_offset FROM annotations ORDER BY 2"):
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


@contextmanager
def timeout_alarm(seconds):
    """Fail (rather than hang the suite) if the block takes longer than ``seconds``."""

    def fail(_signum, _frame):
        raise AssertionError(f"still blocked after {seconds} s")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_a_backup_is_a_sound_private_copy_and_old_ones_rotate(db_path):
    tagged_database(db_path)
    made = [make_backup(db_path, keep=3, now=T0 + timedelta(hours=h)) for h in range(5)]
    kept = list_backups(db_path)
    assert [b.path for b in kept] == [b.path for b in reversed(made[2:])]  # newest first
    assert not made[0].path.exists() and not made[1].path.exists()
    newest = kept[0].path
    assert rows(newest) == rows(db_path) == [("claim", 0, 3)]
    assert rows(newest, "PRAGMA integrity_check") == [("ok",)]
    assert mode(newest) == 0o600 and mode(backup_folder(db_path)) == 0o700


def test_automatic_backups_at_most_once_per_interval(db_path):
    tagged_database(db_path)
    assert backup_if_due(db_path, now=T0) is not None
    assert backup_if_due(db_path, now=T0 + timedelta(hours=23)) is None
    assert backup_if_due(db_path, now=T0 + timedelta(hours=25)) is not None
    assert backup_if_due(db_path, every=timedelta(0), now=T0 + timedelta(days=9)) is None
    assert len(list_backups(db_path)) == 2


def test_opening_backs_up_once_a_day_by_the_database_s_settings(db_path):
    tagged_database(db_path)  # a new database: nothing to back up yet
    assert list_backups(db_path) == []
    open_store(str(db_path)).close()  # an existing one, never backed up: now
    assert len(list_backups(db_path)) == 1
    open_store(str(db_path)).close()  # not again the same day
    assert len(list_backups(db_path)) == 1
    assert main(["backup", "--db", str(db_path), "--every-hours", "0", "--keep", "2"]) == 0
    store = open_store(str(db_path))
    assert store.setting(EVERY_SETTING) == "0.0" and store.setting(KEEP_SETTING) == "2"
    store.close()
    for _ in range(3):
        assert main(["backup", "--db", str(db_path)]) == 0
    assert len(list_backups(db_path)) == 2  # kept: the newest two


def test_restore_brings_back_the_backup_and_keeps_the_file_it_replaces(db_path, capsys):
    doc_id = tagged_database(db_path)
    main(["backup", "--db", str(db_path)])
    store = open_store(str(db_path))
    store.tag(doc_id, "statistic", 4, 7, "me")  # made after the backup
    store.close()
    assert main(["restore", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert rows(db_path) == [("claim", 0, 3)]
    kept = next(p for p in backup_folder(db_path).iterdir() if p.name.startswith("before-"))
    assert str(kept) in out
    assert rows(kept) == [("claim", 0, 3), ("statistic", 4, 7)]  # nothing lost
    assert mode(db_path) == 0o600
    Store.open(str(db_path)).close()  # opens at head


def test_a_damaged_backup_is_not_restored(db_path, tmp_path, capsys):
    tagged_database(db_path)
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x07" * 4000)
    before = db_path.read_bytes()
    assert main(["restore", "--db", str(db_path), str(bad)]) == 1
    assert "not a usable backup" in capsys.readouterr().err
    assert db_path.read_bytes() == before


def damage(path):
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the first page's b-tree
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("kind", ["damaged", "not a database"])
def test_a_damaged_file_is_refused_untouched_naming_the_backup(db_path, kind, capsys):
    tagged_database(db_path)
    main(["backup", "--db", str(db_path)])
    if kind == "damaged":
        with sqlite3.connect(db_path) as conn:
            conn.execute("PRAGMA journal_mode=DELETE")  # no WAL beside it to recover from
        damage(db_path)
    else:
        db_path.write_bytes(b"Dear diary,\n" * 500)
    before = db_path.read_bytes()
    with pytest.raises(DamagedDatabase, match="restore it with 'annotator restore"):
        Store.open(str(db_path))
    assert db_path.read_bytes() == before
    assert main(["stats", "--db", str(db_path)]) == 1
    err = capsys.readouterr().err
    assert str(db_path) in err and "damaged" in err and "Traceback" not in err
    assert db_path.read_bytes() == before
    assert main(["restore", "--db", str(db_path)]) == 0
    assert rows(db_path) == [("claim", 0, 3)]


def test_a_new_database_file_is_readable_by_its_owner_only(db_path):
    open_store(str(db_path)).close()
    assert mode(db_path) == 0o600


def tagged_at_revision(db_path, revision: str) -> None:
    """A tagged database, then migrated down to the older schema ``revision``."""
    from alembic import command

    from annotator.store.database import alembic_config, create_db_engine, to_url

    tagged_database(db_path)
    engine = create_db_engine(to_url(str(db_path)))
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)
    engine.dispose()


def test_a_database_is_backed_up_before_its_schema_is_upgraded(db_path):
    tagged_at_revision(db_path, "0005")
    open_store(str(db_path)).close()  # upgrades to head
    (backup,) = list_backups(db_path)
    assert rows(backup.path, "SELECT version_num FROM alembic_version") == [("0005",)]


def test_backups_are_for_files_only():
    with pytest.raises(StoreError, match="SQLite database files only"):
        from annotator.cli.common import database_file

        database_file("postgresql+psycopg://u@localhost/x")


def test_backing_up_a_missing_database_makes_no_file(tmp_path, capsys):
    missing = tmp_path / "none.db"
    assert main(["backup", "--db", str(missing)]) == 1
    assert "none.db: no such database file to back up" in capsys.readouterr().err
    assert not missing.exists()
    assert not backup_folder(missing).exists()


def test_restore_is_refused_while_the_database_is_open_elsewhere(db_path, capsys):
    tagged_database(db_path)
    main(["backup", "--db", str(db_path)])
    store = open_store(str(db_path))  # a window, say, still open on it
    store.tag(store.documents()[0].id, "statistic", 4, 7, "me")
    assert main(["restore", "--db", str(db_path)]) == 1
    assert "open in another window" in capsys.readouterr().err
    store.tag(store.documents()[0].id, "refusal", 8, 13, "me")  # still its database
    store.close()
    assert [r[0] for r in rows(db_path)] == ["claim", "statistic", "refusal"]


@pytest.mark.parametrize("kind", ["missing", "itself", "foreign"])
def test_restore_refuses_what_is_not_a_backup(db_path, tmp_path, kind, capsys):
    tagged_database(db_path)
    other = {"missing": tmp_path / "typo.db", "itself": db_path, "foreign": tmp_path / "f.db"}[kind]
    if kind == "foreign":
        with closing(sqlite3.connect(other)) as conn:
            conn.execute("CREATE TABLE contacts (name TEXT)")
    assert main(["restore", "--db", str(db_path), str(other)]) == 1
    assert "not a usable backup" in capsys.readouterr().err or kind == "itself"
    assert rows(db_path) == [("claim", 0, 3)]
    assert kind != "missing" or not other.exists()  # not created by looking at it


def test_checking_a_file_writes_nothing_even_beside_a_left_over_wal(db_path, tmp_path):
    tagged_database(db_path)
    writer = sqlite3.connect(db_path)  # a process that will be "killed" with its WAL
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("INSERT INTO settings VALUES ('x', 'y')")
    writer.commit()
    copy = tmp_path / "copy.db"
    for suffix in ("", "-wal"):
        copy.with_name(copy.name + suffix).write_bytes(
            db_path.with_name(db_path.name + suffix).read_bytes()
        )
    writer.close()
    files = [copy, copy.with_name("copy.db-wal")]  # (SQLite may add its -shm index)
    before = [p.read_bytes() for p in files]
    assert quick_check(copy) is None
    assert [p.read_bytes() for p in files] == before


def test_a_locked_database_is_not_called_damaged(db_path):
    tagged_database(db_path)
    holder = sqlite3.connect(db_path)
    holder.execute("PRAGMA journal_mode=DELETE")
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        assert quick_check(db_path) is None
    finally:
        holder.rollback()
        holder.close()


def test_odd_backup_settings_and_a_blocked_backup_folder_never_stop_opening(db_path, capsys):
    tagged_database(db_path)
    assert main(["backup", "--db", str(db_path), "--every-hours", "inf"]) == 0
    assert main(["stats", "--db", str(db_path)]) == 0
    store = open_store(str(db_path))
    store.set_setting(EVERY_SETTING, "1e400")
    store.close()
    for backup in list_backups(db_path):
        backup.path.unlink()
    backup_folder(db_path).rmdir()
    backup_folder(db_path).write_text("not a folder")
    assert main(["stats", "--db", str(db_path)]) == 0
    assert "No backup was made" in capsys.readouterr().err


@pytest.mark.parametrize("kind", ["only a revision", "unknown revision", "a column renamed"])
def test_restore_refuses_a_file_that_only_looks_like_an_annotator_database(
    db_path, tmp_path, kind, capsys
):
    tagged_database(db_path)
    fake = tmp_path / "fake.db"
    if kind == "a column renamed":
        fake.write_bytes(make_backup(db_path).path.read_bytes())
        with closing(sqlite3.connect(fake)) as conn:
            conn.execute("ALTER TABLE settings RENAME COLUMN value TO worth")
            conn.commit()
    else:
        with closing(sqlite3.connect(fake)) as conn:
            conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
            revision = head_revision() if kind == "only a revision" else "f00dface"
            conn.execute("INSERT INTO alembic_version VALUES (?)", (revision,))
            conn.commit()
    before = db_path.read_bytes()
    assert main(["restore", "--db", str(db_path), str(fake)]) == 1
    err = capsys.readouterr().err
    assert f"{fake}: not a usable backup (not an Annotator database: " in err
    assert {
        "only a revision": f"schema revision {head_revision()} has a table",
        "unknown revision": "schema revision 'f00dface' is not one Annotator knows",
        "a column renamed": "table 'settings' lacks the column(s) value",
    }[kind] in err
    assert db_path.read_bytes() == before and "Traceback" not in err


def test_restore_accepts_a_backup_of_an_older_schema_and_opening_upgrades_it(db_path):
    tagged_at_revision(db_path, "0005")
    old = make_backup(db_path).path
    open_store(str(db_path)).close()  # upgraded
    assert main(["restore", "--db", str(db_path), str(old)]) == 0
    assert rows(db_path, "SELECT version_num FROM alembic_version") == [("0005",)]
    open_store(str(db_path)).close()
    assert rows(db_path, "SELECT version_num FROM alembic_version") == [(head_revision(),)]


@pytest.mark.parametrize("command", ["stats", "import", "backup", "restore"])
def test_db_naming_a_loop_of_links_is_refused(tmp_path, command, capsys):
    loop = tmp_path / "loop.db"
    loop.symlink_to("loop.db")
    document = tmp_path / "doc.txt"
    document.write_text("A document.")
    args = {"stats": [], "import": [str(document)], "backup": [], "restore": [str(document)]}
    assert main([command, "--db", str(loop), *args[command]]) == 1
    assert capsys.readouterr().err == (
        f"annotator: error: {loop}: a loop of symbolic links, not a database file\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.txt", "loop.db"]


def special_paths(tmp_path):
    fifo = tmp_path / "pipe.db"
    os.mkfifo(fifo)
    link = tmp_path / "link.db"
    link.symlink_to("/dev/null")
    return {
        "device": Path("/dev/null"),
        "fifo": fifo,
        "link to a device": link,
        "folder": tmp_path,
        "/proc file": Path("/proc/self/status"),
    }


@pytest.mark.parametrize("kind", ["device", "fifo", "link to a device", "folder", "/proc file"])
@pytest.mark.parametrize("command", ["stats", "import", "backup", "restore"])
def test_db_naming_anything_but_a_regular_file_is_refused(tmp_path, kind, command, capsys):
    path = special_paths(tmp_path)[kind]
    document = tmp_path / "doc.txt"
    document.write_text("A document.")
    args = {"stats": [], "import": [str(document)], "backup": [], "restore": [str(document)]}
    with timeout_alarm(20):  # a FIFO opened for reading would block
        assert main([command, "--db", str(path), *args[command]]) == 1
    err = capsys.readouterr().err
    shown = path.resolve()  # the path as opened, links followed
    assert f"{shown}: " in err and "Traceback" not in err
    assert any(
        why in err
        for why in ("not a regular file", "a folder, not a database", "a file of the operating")
    ), err
    assert not Path("/dev/null.lock").exists() and not (tmp_path / "pipe.db.lock").exists()
