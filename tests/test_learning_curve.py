"""``make eval-learning`` (eval/learning_curve.py) on a small gold set built here from real
files: documents grouped by source, the first k of each tagged by hand, suggestions scored
with and without learning on the rest and on the last document of each source."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.app.opening import open_store
from annotator.cli import main
from annotator.core.model import Label, NewDocument

SCRIPT = Path(__file__).resolve().parent.parent / "eval" / "learning_curve.py"

# (file name, text, gold (label, quote) pairs); listed out of order on purpose.
DOCS = [
    ("agency-2.txt", "Agency two\n\nThe plan may well fail, staff said.", [("hedge", "may well")]),
    ("agency-1.txt", "Agency one\n\nIt may well rain.", [("hedge", "may well")]),
    ("agency-3.txt", "Agency three\n\nCosts MAY WELL rise.", [("hedge", "MAY WELL")]),
    ("court-1.txt", "Court one\n\nA ruling is arguably due.", [("hedge", "arguably")]),
    ("court-2.txt", "Court two\n\nThe judge arguably erred.", [("hedge", "arguably")]),
]


@pytest.fixture
def gold(tmp_path):
    """An annotation set exported from a database of the documents and their gold."""
    db = tmp_path / "gold.db"
    store = open_store(str(db), seed=False)
    store.add_labels([Label("hedge", "#aa00aa")])
    for name, text, spans in DOCS:
        author = name.split("-")[0].title()
        [result] = store.import_documents(
            [NewDocument(text.split("\n")[0], name, text, original_name=name, author=author)]
        )
        for label, quote in spans:
            start = text.index(quote)
            store.add_annotation(result.document.id, label, start, start + len(quote), "gold")
    store.close()
    out = tmp_path / "gold.json"
    assert main(["export", "--db", str(db), "-o", str(out)]) == 0
    return out


def run(*args):
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, check=False
    )


def test_learning_finds_what_the_rules_cannot(gold):
    result = run("--gold", str(gold), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["sources"] == 2 and report["group_by"] == "name"
    points = {p["k"]: p for p in report["points"]}
    assert sorted(points) == [0, 1, 2]  # agency has three documents
    zero, one, two = points[0], points[1], points[2]
    assert zero["tagged_documents"] == 0
    assert zero["remaining"]["learning"]["hedge"]["recall"] == 0
    # k = 1: agency-1 and court-1 tagged; the rest (agency-2, -3, court-2) all found.
    assert one["tagged_documents"] == 2 and one["tagged_spans"] == 2
    assert one["remaining"]["documents"] == 3
    assert one["remaining"]["rules"]["hedge"]["recall"] == 0
    assert one["remaining"]["learning"]["hedge"] == {
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
        "matched": 3,
        "reference": 3,
        "predicted": 3,
    }
    # The fixed set is the last of each source at every k: agency-3 and court-2.
    assert {p["fixed"]["documents"] for p in points.values()} == {2}
    assert two["fixed"]["learning"]["hedge"]["matched"] == 2
    # k = 2: court never tags its last document.
    assert two["tagged_documents"] == 3 and two["remaining"]["documents"] == 2


def test_grouping_by_document_leaves_only_k_0_and_the_table_prints(gold):
    result = run("--gold", str(gold), "--group-by", "document")
    assert result.returncode == 0, result.stderr
    assert "5 documents from 5 source(s)" in result.stdout
    assert "k=0:" in result.stdout and "k=1:" not in result.stdout
    assert "hedge" in result.stdout and "micro" in result.stdout
    by_author = json.loads(run("--gold", str(gold), "--group-by", "author", "--json").stdout)
    assert by_author["sources"] == 2


def test_a_missing_set_is_named(tmp_path):
    missing = tmp_path / "nope.json"
    result = run("--gold", str(missing))
    assert result.returncode == 1
    assert str(missing) in result.stderr and "Traceback" not in result.stderr
