"""File ▸ Import of an annotation set larger than the cap a set was once read whole
under: the window reads it as the command line does, a document at a time while it is
stored, all or nothing."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from annotator.app import imports
from annotator.core.text import text_sha256
from annotator.formats import annotation_set as set_module
from annotator.main import main
from tests.ui.test_files_gui import Dialogs, dump

DOCUMENTS = 450  # more than two batches of the merge (store.set_import.BATCH)


def many_documents_set(tmp_path, documents: int = DOCUMENTS) -> tuple:
    """An exported set of one document with two annotations, grown to ``documents``
    documents (each its own text, id and annotations); (path, the parsed set)."""
    source = tmp_path / "source.db"
    seed = tmp_path / "seed.txt"
    seed.write_text("Alpha beta gamma delta.", encoding="utf-8")
    assert main(["import", "--db", str(source), str(seed)]) == 0
    one = tmp_path / "one.json"
    assert main(["export", "--db", str(source), "-o", str(one)]) == 0
    data = json.loads(one.read_bytes())
    [template] = data["documents"]
    made = []
    for d in range(documents):
        text = f"Document {d}: alpha beta gamma delta."
        annotations = [
            {
                "id": f"a-{d}-{k}",
                "label": data["labels"][k]["name"],
                "start": start,
                "end": start + 5,
                "quote": text[start : start + 5],
                "prefix": text[max(0, start - 32) : start],
                "suffix": text[start + 5 : start + 37],
                "note": None,
                "annotator": "colleague",
                "created_at": "2026-03-01T10:00:00.000Z",
                "updated_at": "2026-03-02T11:30:00.250Z",
                "attributes": {},
            }
            for k, start in enumerate((text.index("alpha"), text.index("gamma")))
        ]
        made.append(
            {
                **template,
                "id": f"doc-{d}",
                "title": f"Document {d}",
                "text": text,
                "sha256": text_sha256(text),
                "length": len(text),
                "annotations": annotations,
            }
        )
    data["documents"] = made
    path = tmp_path / "team.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path, data


def read_whole_refused(monkeypatch) -> None:
    """The window must not read a set whole (as before: every document held at once)."""

    def whole(path):
        raise AssertionError(f"{path} read whole")

    monkeypatch.setattr(imports, "read_set", whole)


def test_ctrl_o_imports_a_set_over_the_cap_a_document_at_a_time(
    app, tmp_path, monkeypatch, db_path
):
    dialogs = Dialogs(monkeypatch)
    path, data = many_documents_set(tmp_path)
    monkeypatch.setattr(set_module, "MAX_SET_BYTES", path.stat().st_size // 20)
    read_whole_refused(monkeypatch)
    rows_before = app.window.documents_model.rowCount()
    dialogs.open_answer = [str(path)]
    app.key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert dialogs.warnings == []
    [(title, report)] = dialogs.infos
    assert title == "Import finished"
    assert f"{DOCUMENTS} document(s) created" in report
    assert f"{2 * DOCUMENTS} annotation(s) added" in report
    assert app.window.documents_model.rowCount() == rows_before + DOCUMENTS
    documents, annotations, _labels = dump(db_path)
    stored = {row[0] for row in annotations}
    assert stored >= {a["id"] for d in data["documents"] for a in d["annotations"]}
    assert {"doc-0", f"doc-{DOCUMENTS - 1}"} <= {row[0] for row in documents}


def test_a_bad_document_late_in_a_streamed_set_imports_nothing(app, tmp_path, monkeypatch, db_path):
    dialogs = Dialogs(monkeypatch)
    path, data = many_documents_set(tmp_path)
    bad = DOCUMENTS - 10  # after two batches were written in the transaction
    data["documents"][bad]["annotations"][1]["end"] = 10_000
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    monkeypatch.setattr(set_module, "MAX_SET_BYTES", path.stat().st_size // 20)
    read_whole_refused(monkeypatch)
    before = dump(db_path)
    rows_before = app.window.documents_model.rowCount()
    dialogs.open_answer = [str(path)]
    app.key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    [(title, message)] = dialogs.warnings
    assert title == "Nothing was imported"
    assert message.startswith(f"{path}: documents[{bad}].annotations[1].end: end 10000 is beyond")
    assert dialogs.infos == []
    assert dump(db_path) == before
    assert app.window.documents_model.rowCount() == rows_before
