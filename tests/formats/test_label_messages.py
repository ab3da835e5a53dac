"""Formats that only name their labels do not say a label "is defined differently" on
import; a format that really defines it differently still does."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from annotator.app.opening import open_store
from annotator.cli import main
from annotator.formats import w3c


def export(db: Path, fmt: str, out: Path) -> Path:
    assert main(["export", "--db", str(db), "--format", fmt, "-o", str(out)]) == 0
    return out


def names_only(db: Path, fmt: str, tmp_path: Path) -> Path:
    """This database's annotations in ``fmt``, as a file another tool would have made
    (the label names and nothing else of them)."""
    if fmt == "w3c":
        path = export(db, fmt, tmp_path / "out.jsonld")
        data = json.loads(path.read_text(encoding="utf-8"))
        del data[w3c.LABELS]
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return path
    if fmt == "brat":
        folder = export(db, fmt, tmp_path / "brat")
        (folder / "visual.conf").unlink()
        conf = folder / "annotation.conf"
        text = conf.read_text("utf-8")
        entities = text[text.index("[entities]") : text.index("[relations]")]
        conf.write_text(entities + "[relations]\n\n[events]\n\n[attributes]\n", "utf-8")
        return folder
    return export(db, fmt, tmp_path / ("out.jsonl" if fmt == "doccano" else "out.json"))


@pytest.mark.parametrize("fmt", ["doccano", "label-studio", "w3c", "brat"])
def test_a_format_without_label_definitions_says_nothing_of_them(rich_db, tmp_path, capsys, fmt):
    path = names_only(rich_db, fmt, tmp_path)
    store = open_store(str(rich_db))
    labels = store.labels()
    store.close()
    capsys.readouterr()
    assert main(["import", "--db", str(rich_db), str(path)]) == 0
    out = capsys.readouterr().out
    assert "defined differently" not in out
    store = open_store(str(rich_db))
    assert store.labels() == labels  # claim keeps its colour, hotkey and description
    store.close()


def test_brat_colours_that_differ_are_still_reported(rich_db, tmp_path, capsys):
    folder = names_only(rich_db, "brat", tmp_path)
    types = re.findall(r"^(\w+)\s*$", (folder / "annotation.conf").read_text("utf-8"), re.M)
    claim = next(t for t in types if t.lower() == "claim")
    (folder / "visual.conf").write_text(f"[labels]\n\n[drawing]\n{claim}\tbgColor:#000000\n")
    capsys.readouterr()
    assert main(["import", "--db", str(rich_db), str(folder)]) == 0
    assert "label 'claim' is defined differently" in capsys.readouterr().out
