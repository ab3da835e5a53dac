"""A database shared by a team: people's edits of one annotation never silently overwrite
each other, and a server's password is asked for and kept nowhere."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy.engine import make_url

from annotator.app.opening import open_store
from annotator.core.model import NewDocument
from annotator.store import Store, StoreError
from annotator.store.errors import PasswordNeeded

TEXT = "The minister said 2,000 cameras would be installed; police declined to comment."


@pytest.fixture
def shared(db):
    """Two people's stores on one database, and an annotation both have on screen."""
    alice = open_store(db.target)
    bob = open_store(db.target)
    doc = alice.import_documents([NewDocument("t", "s", TEXT)])[0].document.id
    ann = alice.add_annotation(doc, "statistic", 18, 31, "alice")
    yield alice, bob, ann
    alice.close()
    bob.close()


def test_an_edit_of_a_version_someone_changed_since_is_refused_with_a_clear_message(shared, db):
    alice, bob, ann = shared
    [seen_by_bob] = bob.annotations(ann.document_id)
    assert seen_by_bob == ann and ann.version == 1
    changed = alice.set_note(ann, "police figure")
    assert changed.version == 2
    for edit in (
        lambda: bob.set_note(seen_by_bob, "my note"),
        lambda: bob.relabel_annotation(seen_by_bob, "claim"),
        lambda: bob.resize_annotation(seen_by_bob, 18, 23),
        lambda: bob.set_attributes(seen_by_bob, {"value": 2000}),
        lambda: bob.delete_annotations([seen_by_bob]),
        lambda: bob.apply_change([], [seen_by_bob]),
    ):
        with pytest.raises(StoreError, match="changed or deleted elsewhere"):
            edit()
    assert db.rows("SELECT note, label, start_offset, end_offset, version FROM annotations") == [
        ("police figure", "statistic", 18, 31, 2)
    ]
    # Seen afresh, Bob's edit goes through and the version moves on again.
    [fresh] = bob.annotations(ann.document_id)
    assert bob.set_note(fresh, "both notes").version == 3


def test_every_kind_of_change_moves_the_version_on(shared):
    alice, _bob, ann = shared
    ann = alice.set_note(ann, "n")
    ann = alice.relabel_annotation(ann, "claim")
    ann = alice.resize_annotation(ann, 18, 23)
    ann = alice.set_attributes(ann, {"speaker": "the minister"})
    assert ann.version == 5
    assert alice.annotations(ann.document_id) == [ann]
    alice.delete_annotations([ann])
    alice.apply_change([ann], [])  # undo brings it back exactly, version and all
    assert alice.annotations(ann.document_id) == [ann]


def test_two_people_saving_the_same_version_at_the_same_moment_one_wins(pg):
    """On a server, edits really run at once: of two edits of one version, exactly one
    is kept and the other is refused, round after round."""
    alice, bob = open_store(pg.target), open_store(pg.target)
    try:
        doc = alice.import_documents([NewDocument("t", "s", TEXT)])[0].document.id
        alice.add_annotation(doc, "statistic", 18, 31, "alice")
        rounds = 25
        for i in range(rounds):
            [current] = alice.annotations(doc)
            start = threading.Barrier(2)
            outcomes: dict[str, str] = {}

            def save(store: Store, who: str, current=current, start=start, outcomes=outcomes, i=i):
                start.wait()
                try:
                    store.set_note(current, f"{who} {i}")
                    outcomes[who] = "kept"
                except StoreError as exc:
                    outcomes[who] = str(exc)

            threads = [
                threading.Thread(target=save, args=(alice, "alice")),
                threading.Thread(target=save, args=(bob, "bob")),
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            kept = [who for who, outcome in outcomes.items() if outcome == "kept"]
            assert len(kept) == 1, outcomes
            [refused] = [o for o in outcomes.values() if o != "kept"]
            assert "changed or deleted elsewhere" in refused
            [after] = alice.annotations(doc)
            assert after.note == f"{kept[0]} {i}" and after.version == current.version + 1
        assert alice.annotations(doc)[0].version == 1 + rounds
    finally:
        alice.close()
        bob.close()


def test_a_password_is_asked_for_used_and_kept_nowhere(pg, tmp_path, monkeypatch):
    url = make_url(pg.target)
    password = url.password
    assert password, "the test server's URL carries the test role's password"
    bare = url._replace(password=None).render_as_string(hide_password=False)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-such-pgpass"))

    with pytest.raises(PasswordNeeded) as refused:
        open_store(bare)  # no one to ask
    assert password not in str(refused.value)

    questions: list[str] = []
    answers = iter(["wrong", password])

    def ask(question: str) -> str:
        questions.append(question)
        return next(answers)

    store = open_store(bare, ask_password=ask)
    try:
        assert store.documents() == []
        assert len(questions) == 2 and "password authentication failed" in questions[1]
        assert all(password not in q and url.username in q for q in questions)
        assert password not in store.location
    finally:
        store.close()
    with pytest.raises(PasswordNeeded):
        open_store(bare, ask_password=lambda _q: None)  # the user cancelled


def test_a_password_in_pgpass_is_used_without_asking(pg, tmp_path, monkeypatch):
    url = make_url(pg.target)
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"{url.host}:{url.port or 5432}:*:{url.username}:{url.password}\n")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    bare = url._replace(password=None).render_as_string(hide_password=False)

    def never(_question: str) -> str:
        raise AssertionError("asked for a password ~/.pgpass gives")

    store = open_store(bare, ask_password=never)
    assert store.labels()
    store.close()


def test_the_command_line_without_a_password_says_where_to_give_it(pg, monkeypatch, capsys):
    from annotator.cli import main

    url = make_url(pg.target)
    bare = url._replace(password=None).render_as_string(hide_password=False)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent/pgpass")
    assert main(["stats", "--db", bare]) == 1  # stdin is no terminal here: nobody to ask
    err = capsys.readouterr().err
    assert "asks for a password" in err and "~/.pgpass" in err
    assert main(["stats", "--db", pg.target]) == 0  # with the password in the URL
    assert url.password not in capsys.readouterr().err


def test_nul_characters_in_titles_and_notes_are_kept_on_every_backend(db):
    store = open_store(db.target)
    try:
        [result] = store.import_documents([NewDocument("a\x00title", "src\x00", "te\x00xt")])
        doc = result.document
        ann = store.add_annotation(doc.id, "claim", 0, 4, "me", note="n\x00te \ue000NUL:x")
        reopened = Store.open(db.target)
        try:
            assert reopened.document(doc.id).title == "a\x00title"
            assert reopened.document(doc.id).text == "te\x00xt"
            assert reopened.annotations(doc.id) == [ann]
        finally:
            reopened.close()
    finally:
        store.close()


def test_an_unreadable_url_is_a_clear_error_that_shows_no_password(tmp_path, capsys):
    from annotator.cli import main

    assert main(["stats", "--db", "postgresql+psycopg://alice:s3cret@host:port/db"]) == 1
    err = capsys.readouterr().err
    assert "not a database path or URL" in err and "alice:***@host" in err
    assert "s3cret" not in err
