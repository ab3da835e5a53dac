"""One registry of formats: the command line's choices and the window's list come from
it, and a format that writes a folder or reads one is served end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.app.opening import open_store
from annotator.cli import main
from annotator.core import choices
from annotator.core.model import AnnotationSet, NewDocument
from annotator.formats import registry
from annotator.formats.annotation_set import parse_annotation_set, render_bytes


def as_folder(aset, texts, _options):
    """A toy folder format: the JSON set split one file per document."""
    files = {}
    for doc in aset.documents:
        one = AnnotationSet(aset.labels, (doc,), aset.exported_at, aset.generator_version)
        files[f"docs/{doc.id}.json"] = render_bytes(one, texts={doc.id: texts[doc.id]})
    return files


def read_folder(path: Path) -> AnnotationSet:
    sets = [parse_annotation_set(p.read_bytes(), file=str(p)) for p in sorted(path.rglob("*.json"))]
    return AnnotationSet(sets[0].labels, tuple(d for s in sets for d in s.documents))


@pytest.fixture
def toy_format(monkeypatch):
    toy = registry.Format(
        "toy",
        "Toy folder",
        "",
        as_folder,
        read_folder,
        lambda path: path.is_dir() and (path / "docs").is_dir(),
    )
    monkeypatch.setattr(registry, "FORMATS", (*registry.FORMATS, toy))
    # The command line's parser takes the names from its light list, as a new format would.
    monkeypatch.setattr(choices, "FORMAT_NAMES", registry.names())
    monkeypatch.setattr(choices, "READABLE_FORMATS", tuple(f.name for f in registry.readable()))
    return toy


def test_the_command_line_and_the_window_list_the_registry(qtbot):
    from annotator.ui.export_dialog import ExportDialog

    dialog = ExportDialog(None, [], None)
    qtbot.addWidget(dialog)
    listed = [dialog.format_box.itemData(i) for i in range(dialog.format_box.count())]
    assert listed == list(registry.names())


def test_a_folder_format_is_written_and_read_back(toy_format, tmp_path, db_path, capsys):
    store = open_store(str(db_path))
    doc = store.import_documents([NewDocument("t", "s", "Police said 2,000 😀.")])[0].document
    store.tag(doc.id, "statistic", 12, 17, "me")
    store.close()
    out = tmp_path / "exported"
    with pytest.raises(SystemExit):  # a folder format needs -o DIR
        main(["export", "--db", str(db_path), "--format", "toy"])
    assert "writes a folder" in capsys.readouterr().err
    assert main(["export", "--db", str(db_path), "--format", "toy", "-o", str(out)]) == 0
    written = json.loads((out / "docs" / f"{doc.id}.json").read_text(encoding="utf-8"))
    assert written["documents"][0]["annotations"][0]["quote"] == "2,000"
    fresh = tmp_path / "fresh.db"
    assert main(["import", "--db", str(fresh), str(out)]) == 0  # recognised as toy
    store = open_store(str(fresh))
    assert [(a.label, a.start, a.end) for a in store.annotations(doc.id)] == [("statistic", 12, 17)]
    store.close()
