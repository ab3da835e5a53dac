"""Changed documents in the database: versions, annotations carried over, orphans kept."""

from __future__ import annotations

import pytest

from annotator.app.exports import ExportOptions, export
from annotator.core.model import NewDocument
from annotator.core.set_errors import SetConflictError
from annotator.formats.annotation_set import parse_annotation_set
from annotator.store import Store
from annotator.store.database import (
    create_db_engine,
    current_revision,
    head_revision,
    migrate,
    to_url,
)
from tests.helpers import check_export

V1 = (
    "Budget report\n\n"
    "The minister said 2,000 cameras would be installed by June.\n"
    "A spokesman declined to comment on the cost of the system.\n"
    "Police counted 300 protesters outside the council building.\n"
)
# Version 2: a line added at the top, a word changed in the claim, the protest deleted.
V2 = (
    "Budget report\n\nUpdated on Friday.\n\n"
    "The minister said 2,000 cameras would surely be installed by June.\n"
    "A spokesman declined to comment on the cost of the system.\n"
)


def tag(store, doc_id, text, quote, label, note=None):
    start = text.index(quote)
    return store.add_annotation(doc_id, label, start, start + len(quote), "me", note)


@pytest.fixture
def first(store):
    """Version 1 of /data/report.txt with four annotations."""
    doc = store.import_documents([NewDocument("Budget report", "/data/report.txt", V1)])[0]
    doc = doc.document
    made = {
        "claim": tag(store, doc.id, V1, "The minister said 2,000 cameras would be", "claim"),
        "number": tag(store, doc.id, V1, "2,000 cameras", "statistic"),
        "refusal": tag(store, doc.id, V1, "declined to comment", "refusal", "no figure"),
        "protest": tag(store, doc.id, V1, "300 protesters", "statistic", "police figure"),
    }
    return doc, made


def test_a_changed_text_of_the_same_source_is_a_new_version(store, first, db):
    doc, made = first
    result = store.import_documents([NewDocument("Budget report", "/data/report.txt", V2)])[0]
    new, carried = result.document, result.carried
    assert result.created and carried is not None
    assert (new.version, new.previous_id) == (2, doc.id)
    assert (carried.exact, carried.quote, carried.fuzzy, carried.orphaned) == (2, 0, 1, 1)
    # The list shows the newest version in the old one's place, with its orphans.
    [listed] = store.documents()
    assert (listed.id, listed.version, listed.annotation_count, listed.orphans) == (
        new.id,
        2,
        3,
        1,
    )
    # Carried annotations keep their ids, notes and labels and sit on the same words.
    moved = {a.id: a for a in store.annotations(new.id)}
    assert set(moved) == {made[k].id for k in ("claim", "number", "refusal")}
    refusal = moved[made["refusal"].id]
    assert V2[refusal.start : refusal.end] == "declined to comment"
    assert refusal.note == "no figure" and not refusal.orphaned
    claim = moved[made["claim"].id]
    assert V2[claim.start : claim.end] == "The minister said 2,000 cameras would surely be"
    # The orphan stays on version 1, flagged, with its span still valid there.
    [orphan] = store.orphans(new.id)
    assert orphan.version == 1 and orphan.quote == "300 protesters"
    assert orphan.annotation.id == made["protest"].id and orphan.annotation.orphaned
    assert orphan.annotation.note == "police figure"
    assert carried.orphans[0].annotation == orphan.annotation
    assert store.orphans(doc.id) == store.orphans(new.id)
    old = store.document(doc.id)
    assert old.text == V1 and old.version == 1
    assert [a.id for a in store.annotations(doc.id)] == [made["protest"].id]
    assert [(v.version, v.annotation_count, v.orphans) for v in store.versions(doc.id)] == [
        (2, 3, 0),
        (1, 1, 1),
    ]
    assert db.rows("SELECT count(*) FROM annotations") == [(4,)]


def test_importing_either_text_again_changes_nothing(store, first, db):
    store.import_documents([NewDocument("Budget report", "/data/report.txt", V2)])
    before = db.rows("SELECT * FROM annotations ORDER BY id")
    for text in (V1, V2):
        [result] = store.import_documents([NewDocument("Budget report", "/data/report.txt", text)])
        assert not result.created and result.carried is None
    assert db.rows("SELECT * FROM annotations ORDER BY id") == before
    assert len(store.documents()) == 1


def test_a_third_version_carries_on_and_orphans_stay_where_they_were(store, first):
    doc, _made = first
    second = store.import_documents([NewDocument("Budget report", "/data/report.txt", V2)])
    v3 = V2.replace("A spokesman declined to comment on the cost of the system.\n", "")
    [third] = store.import_documents([NewDocument("Budget report", "/data/report.txt", v3)])
    assert third.document.version == 3
    assert third.document.previous_id == second[0].document.id
    orphans = store.orphans(third.document.id)
    assert [(o.version, o.quote) for o in orphans] == [
        (2, "declined to comment"),
        (1, "300 protesters"),
    ]
    assert store.documents()[0].orphans == 2
    assert [v.version for v in store.versions(doc.id)] == [3, 2, 1]


def test_same_title_from_another_file_is_a_version_if_the_texts_are_related(store, first):
    doc, _made = first
    [related] = store.import_documents([NewDocument("Budget report", "/mail/report (1).txt", V2)])
    assert related.document.previous_id == doc.id
    unrelated = "Budget report\n\nAn entirely different text about the harbour.\n"
    [other] = store.import_documents([NewDocument("Budget report", "/x/other.txt", unrelated)])
    assert other.carried is None and other.document.version == 1
    assert len(store.documents()) == 2


def test_files_of_one_import_are_never_versions_of_each_other(store):
    a = NewDocument("Notes", "/a/notes.txt", "Notes\nfirst text here, long enough\n")
    b = NewDocument("Notes", "/b/notes.txt", "Notes\nfirst text here, long enough!\n")
    results = store.import_documents([a, b])
    assert [r.document.version for r in results] == [1, 1]
    assert len(store.documents()) == 2


def test_a_new_version_is_all_or_nothing_with_the_rest_of_the_import(store, first, db):
    doc, _made = first
    before = [db.rows(f"SELECT * FROM {t} ORDER BY 1") for t in ("documents", "annotations")]
    # A set in the same import conflicts with an annotation: nothing at all may change.
    exported = export(store, ExportOptions()).data.replace(b"no figure", b"other note")
    conflicting = parse_annotation_set(exported, file="team.json")
    with pytest.raises(SetConflictError):
        store.import_bundle(
            [NewDocument("Budget report", "/data/report.txt", V2)], [("team.json", conflicting)]
        )
    after = [db.rows(f"SELECT * FROM {t} ORDER BY 1") for t in ("documents", "annotations")]
    assert after == before
    assert store.documents()[0].id == doc.id


def test_an_annotation_that_would_become_a_twin_is_orphaned_instead(store):
    text = "Alpha beta gamma. Alpha beta gamma. The end of it all.\n"
    [doc] = store.import_documents([NewDocument("T", "/t.txt", text)])
    first = store.add_annotation(doc.document.id, "claim", 0, 16, "me")
    second = store.add_annotation(doc.document.id, "claim", 18, 34, "me")
    [new] = store.import_documents([NewDocument("T", "/t.txt", text[18:])])
    carried = new.carried
    # Both would land on the one "Alpha beta gamma" left: one does, the other is kept.
    assert (carried.exact + carried.quote, carried.orphaned) == (1, 1)
    [placed] = store.annotations(new.document.id)
    [orphan] = carried.orphans
    assert {placed.id, orphan.annotation.id} == {first.id, second.id}
    assert (placed.start, placed.end) == (0, 16)


def test_orphans_are_exported_and_a_set_brings_versions_back(store, first, db, tmp_path):
    store.import_documents([NewDocument("Budget report", "/data/report.txt", V2)])
    out = export(store, ExportOptions())
    parsed = check_export(out.data)  # the shipped JSON Schema holds
    old, new = parsed["documents"]
    assert (old.get("version", 1), new["version"], new["previous_id"]) == (1, 2, old["id"])
    assert [a["quote"] for a in old["annotations"]] == ["300 protesters"]
    assert old["annotations"][0]["orphaned"] is True
    assert all("orphaned" not in a for a in new["annotations"])
    # Choosing the newest version by title or id brings the version with its orphans.
    chosen = export(store, ExportOptions(filter=_by_id(new["id"])))
    assert [d["id"] for d in check_export(chosen.data)["documents"]] == [old["id"], new["id"]]
    # Into an empty database and out again: the same bytes, versions and orphans intact.
    copy = Store.open(str(tmp_path / "copy.db"))
    try:
        copy.import_bundle([], [("set.json", parse_annotation_set(out.data, file="set.json"))])
        again = export(
            copy, ExportOptions(), now=parse_annotation_set(out.data, file="x").exported_at
        )
        assert again.data == out.data
        [listed] = copy.documents()
        assert (listed.version, listed.orphans) == (2, 1)
    finally:
        copy.close()


def _by_id(document_id):
    from annotator.core.filters import ExportFilter

    return ExportFilter(documents=(document_id,))


def test_undo_of_deleting_an_orphan_brings_it_back_orphaned(store, first):
    store.import_documents([NewDocument("Budget report", "/data/report.txt", V2)])
    [orphan] = store.orphans(store.documents()[0].id)
    store.delete_annotations([orphan.annotation])
    assert store.documents()[0].orphans == 0
    store.apply_change([orphan.annotation], [])
    assert store.orphans(store.documents()[0].id) == [orphan]


def test_deleting_a_middle_version_links_the_next_to_the_one_before(store, first):
    doc, _made = first
    [v2] = store.import_documents([NewDocument("Budget report", "/data/report.txt", V2)])
    [v3] = store.import_documents([NewDocument("Budget report", "/data/report.txt", V2 + "x\n")])
    store.delete_document(v2.document.id)
    assert store.document(v3.document.id).previous_id == doc.id
    assert [v.id for v in store.versions(doc.id)] == [v3.document.id, doc.id]


def test_upgrade_from_0006_keeps_documents_and_annotations(db):
    engine = create_db_engine(to_url(db.target))
    migrate(engine, "0006")
    engine.dispose()
    db.rows(
        "INSERT INTO labels (name, color, hotkey, description, position) "
        "VALUES ('claim', '#0072b2', '1', '', 0)"
    )
    db.rows(
        "INSERT INTO documents (id, title, source, text, sha256, created_at, position, "
        "format, done) VALUES ('d1', 'Budget report', '/data/report.txt', ?, 'x', "
        "'2026-01-01 00:00:00.000000', 0, 'text', TRUE)",
        V1,
    )
    db.rows(
        "INSERT INTO annotations (id, document_id, label, start_offset, end_offset, note, "
        "annotator, created_at, updated_at) VALUES ('a1', 'd1', 'claim', 15, 44, 'kept', "
        "'me', '2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000')"
    )
    before = db.rows("SELECT * FROM annotations")
    store = Store.open(db.target)
    try:
        assert current_revision(store.engine) == head_revision()
        assert db.rows("SELECT version, previous_id, done FROM documents") == [(1, None, 1)]
        assert db.rows("SELECT * FROM annotations") == [(*before[0], 0, 1, None, None)]
        [listed] = store.documents()
        assert (listed.id, listed.version, listed.orphans, listed.done) == ("d1", 1, 0, True)
        [ann] = store.annotations("d1")
        assert not ann.orphaned and ann.note == "kept"
        # An upgraded database takes new versions like a new one.
        [v2] = store.import_documents([NewDocument("Budget report", "/data/report.txt", V2)])
        assert v2.document.previous_id == "d1" and v2.carried.exact == 1
    finally:
        store.close()
