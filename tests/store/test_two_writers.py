"""Several writers on one SQLite file: none sees "database is locked", none loses a
write, and each store learns of the others' commits."""

from __future__ import annotations

import random
import sqlite3
import threading
import time

import pytest

from annotator.app.opening import open_store
from annotator.app.resources import seed_documents
from annotator.core.model import NewDocument
from annotator.store import Store, StoreError, database
from tests.store.acknowledged import State, Transcript, applied, integrity, spawn, stored

TEXT = "The police said 615 new CCTV cameras would be installed by March."


def _document(store: Store) -> str:
    return store.import_documents([NewDocument(title="t", source="s", text=TEXT)])[0].document.id


def wait_for(condition, seconds: float = 2.0) -> bool:
    """Whether ``condition()`` holds within ``seconds`` (a notification is delivered
    asynchronously; the pragma is read at once)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def _count(db_path, sql: str) -> int:
    with sqlite3.connect(db_path) as conn:
        count = conn.execute(sql).fetchone()[0]
    conn.close()
    return count


def test_changes_elsewhere_tells_of_other_connections_commits_not_its_own(store, db):
    doc = _document(store)
    assert not store.changes_elsewhere()
    store.tag(doc, "claim", 0, 10, "me")
    store.set_setting("x", "1")
    assert not store.changes_elsewhere()  # its own commits do not count

    other = Store.open(db.target)
    try:
        assert not other.changes_elsewhere()
        other.tag(doc, "claim", 11, 17, "you")
        other.tag(doc, "statistic", 16, 19, "you")
        store.labels()  # reading changes nothing
        assert wait_for(store.changes_elsewhere)
        assert not store.changes_elsewhere()  # told once
        assert not other.changes_elsewhere()
        store.set_note(store.annotations(doc)[0], "seen by the other")
        assert wait_for(other.changes_elsewhere)
    finally:
        other.close()


def test_a_write_outwaits_a_writer_that_holds_the_lock_past_the_busy_timeout(db_path, monkeypatch):
    # SQLite gives up after 50 ms here; the other writer holds on for 0.5 s.
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 50)
    store = open_store(str(db_path))
    doc = _document(store)
    holder = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO settings (key, value) VALUES ('held', 'yes')")
    release = threading.Timer(0.5, lambda: holder.execute("COMMIT"))
    release.start()
    try:
        annotation, created = store.tag(doc, "claim", 0, 10, "me")
    finally:
        release.join()
        holder.close()
    assert created
    assert store.annotations(doc) == [annotation]
    assert store.setting("held") == "yes"
    store.close()


def test_a_writer_that_never_lets_go_gets_a_clear_message_and_nothing_changes(db_path, monkeypatch):
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 20)
    monkeypatch.setattr(database, "LOCK_WAIT_S", 0.3)
    store = open_store(str(db_path))
    doc = _document(store)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError, match="busy") as caught:
            store.tag(doc, "claim", 0, 10, "me")
        assert "locked" not in str(caught.value)
        assert str(db_path) in str(caught.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert store.annotations(doc) == []
    store.tag(doc, "claim", 0, 10, "me")  # the store works on once the lock is free
    store.close()


def test_two_processes_and_this_one_write_at_once_and_every_write_is_kept(db_path):
    seed = random.randrange(1_000_000)
    store = open_store(str(db_path))
    article = seed_documents()[0]
    doc = store.import_documents([NewDocument(title="a", source="s", text=article.text)])[0]
    length = doc.document.length
    children = {name: spawn(db_path, name, seed + i, 300) for i, name in enumerate(("a", "b"))}
    said: dict[str, tuple[str, str]] = {}
    readers = [
        threading.Thread(target=lambda n=name, c=child: said.__setitem__(n, c.communicate()))
        for name, child in children.items()
    ]
    for reader in readers:
        reader.start()

    # Meanwhile this process tags as fast as it can (up to 500 spans), and reads, with
    # its own store.
    rng = random.Random(seed)
    mine: State = {}
    heard = 0
    while any(reader.is_alive() for reader in readers):
        if len(mine) < 500:
            start = rng.randrange(length - 1)
            end = min(length, start + rng.randint(1, 30))
            annotation, created = store.tag(doc.document.id, "claim", start, end, "here")
            if created:
                mine[annotation.id] = ("claim", start, end, None, None)
        heard += store.changes_elsewhere()
        store.annotations(doc.document.id)

    checked = len(mine)
    for name, child in children.items():
        out, errors = said[name]
        assert child.returncode == 0 and not errors, f"seed {seed}, writer {name}: {errors}"
        transcript = Transcript()
        for line in out.splitlines(keepends=True):
            transcript.read(line)
        assert transcript.pending is None
        assert len(transcript.acked) == 300
        model: State = {}
        for effect in transcript.acked:
            model = applied(model, effect)  # type: ignore[assignment]
        assert stored(db_path, name) == model, f"seed {seed}, writer {name}"
        checked += len(transcript.acked)
    assert stored(db_path, "here") == mine
    assert heard > 0
    assert integrity(db_path) == "ok"
    store.close()
    print(f"{checked} concurrent writes checked ({len(mine)} from this process)")
