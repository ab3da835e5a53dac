"""brat with its own code: a folder whose .ann files brat's annotation module wrote
imports with every span on the text brat wrote for it, and its new labels get colours
no label in the database has."""

from __future__ import annotations

from pathlib import Path

from annotator.app.opening import open_store
from annotator.cli import main

FOLDER = Path(__file__).parents[1] / "fixtures" / "tools" / "brat" / "newsroom"


def brat_spans() -> set[tuple[str, str, str]]:
    """(document, type, text) of every T line, the text as brat wrote it."""
    out = set()
    for ann in FOLDER.glob("*.ann"):
        for line in ann.read_text(encoding="utf-8").splitlines():
            if line.startswith("T"):
                _id, kind_offsets, text = line.split("\t")
                out.add((ann.stem, kind_offsets.split()[0], text))
    return out


def test_a_folder_brat_wrote_imports_on_its_text_in_colours_not_yet_used(rich_db, tmp_path, capsys):
    store = open_store(str(rich_db))
    before = {label.name: label.color for label in store.labels()}
    store.close()
    capsys.readouterr()
    assert main(["import", "--db", str(rich_db), str(FOLDER)]) == 0
    out = capsys.readouterr().out
    assert "5 annotation(s) added" in out
    assert "defined differently" not in out
    store = open_store(str(rich_db))
    try:
        got, notes = set(), {}
        for item in store.export_documents():
            for a in item.annotations:
                if item.document.title in ("briefing", "letter"):
                    quote = item.document.text[a.start : a.end]
                    got.add((item.document.title, a.label, quote))
                    notes[quote] = a.note
        colours = {label.name: label.color for label in store.labels()}
    finally:
        store.close()
    assert len(brat_spans()) == 5 and got == brat_spans()
    assert notes["declined to comment"] == "asked twice"
    # "Refusal" is not given claim's blue: each new label has a colour of its own.
    new = [colours[name] for name in ("Claim", "Refusal", "Statistic")]
    assert len(set(new)) == 3 and not set(new) & set(before.values())
    assert {name: colours[name] for name in before} == before
