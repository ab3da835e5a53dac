"""Schema revisions read without alembic (opening a database already at head never imports
it): the same answers alembic gives, and alembic loaded only when there is work for it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import NullPool, create_engine

from annotator.app.opening import open_store
from annotator.store.database import (
    alembic_config,
    current_revision,
    head_revision,
    known_revisions,
    older_revisions,
)
from tests.fixtures.schema import make

ROOT = Path(__file__).resolve().parents[2]


def test_head_and_known_revisions_are_alembics():
    script = ScriptDirectory.from_config(alembic_config())
    assert head_revision() == script.get_current_head()
    assert known_revisions() == {rev.revision for rev in script.walk_revisions()}
    assert older_revisions() == known_revisions() - {head_revision()}


def alembics_revision(url):
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()


def test_the_stored_revision_is_the_one_alembic_reads(db, tmp_path):
    empty = f"sqlite:///{tmp_path / 'empty.db'}"
    assert current_revision(create_engine(empty, poolclass=NullPool)) is None
    for fixture in sorted(make.FOLDER.glob("*.sqlite")):
        copy = shutil.copy(fixture, tmp_path / fixture.name)
        url = f"sqlite:///{copy}"
        assert current_revision(create_engine(url, poolclass=NullPool)) == fixture.stem
        assert alembics_revision(url) == fixture.stem
    open_store(db.target).close()
    store = open_store(db.target)
    try:
        assert current_revision(store.engine) == alembics_revision(db.url) == head_revision()
    finally:
        store.close()


def loads_alembic(*args: str) -> bool:
    """Whether ``annotator ARGS`` in a fresh interpreter imported alembic."""
    code = (
        "import sys; from annotator.main import main; code = main(sys.argv[1:]); "
        "print(code, 'alembic' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, check=True
    )
    status, loaded = done.stdout.split()[-2:]
    assert status == "0", done.stderr
    return loaded == "True"


def test_only_a_database_to_migrate_loads_alembic(tmp_path):
    old = shutil.copy(make.FOLDER / "0001.sqlite", tmp_path / "old.db")
    assert loads_alembic("stats", "--db", str(old))  # upgraded to head on the way
    assert not loads_alembic("retrieve", "--db", str(old), "--format", "json")
    fresh = tmp_path / "new.db"
    assert loads_alembic("stats", "--db", str(fresh))  # created
    assert not loads_alembic("retrieve", "--db", str(fresh))
