"""Review of team work in the store: every path that changes a stored annotation moves
its version on, on SQLite as on PostgreSQL."""

from __future__ import annotations

import json

from annotator.app.opening import open_store
from annotator.cli import main
from annotator.core.model import NewDocument

TEXT = "The minister said 2,000 cameras would be installed; police declined to comment."


def test_a_set_import_with_replace_moves_the_version_on(db, tmp_path):
    store = open_store(db.target)
    try:
        doc = store.import_documents([NewDocument("t", "s", TEXT)])[0].document.id
        seen = store.add_annotation(doc, "statistic", 18, 31, "alice")
    finally:
        store.close()
    exported = tmp_path / "set.json"
    assert main(["export", "--db", db.target, "-o", str(exported)]) == 0
    data = json.loads(exported.read_bytes())
    [ann] = data["documents"][0]["annotations"]
    ann["note"] = "a colleague's note"
    ann["updated_at"] = "2027-01-01T00:00:00.000Z"
    exported.write_text(json.dumps(data), encoding="utf-8")
    assert main(["import", "--replace", "--db", db.target, str(exported)]) == 0
    assert db.rows("SELECT note, version FROM annotations") == [("a colleague's note", 2)]
    store = open_store(db.target)
    try:
        [now] = store.annotations(doc)
        assert now.version == seen.version + 1
    finally:
        store.close()


def test_a_password_given_in_the_urls_query_is_shown_and_kept_nowhere(pg, tmp_path):
    from sqlalchemy.engine import make_url

    from annotator.store.database import without_password

    url = make_url(pg.target)
    password = url.password
    assert password
    in_query = (
        url._replace(password=None)
        .update_query_dict({"password": password})
        .render_as_string(hide_password=False)
    )
    store = open_store(in_query)  # psycopg takes it from the query as well
    try:
        assert store.labels()
        assert password not in store.location
        kept = without_password(store.location)
        assert password not in kept and password not in without_password(in_query)
        assert make_url(kept).query == {} and make_url(kept).database == url.database
    finally:
        store.close()
