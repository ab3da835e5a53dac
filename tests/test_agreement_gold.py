"""Review: the gold layer curation makes is not an annotator agreement compares unless
it is named (SQLite and PostgreSQL)."""

from __future__ import annotations

import json

from annotator.app.opening import open_store
from annotator.cli import main
from annotator.core.model import NewDocument


def populate(target: str) -> list[str]:
    """Alice and Bob annotate four documents; one of them is curated into gold."""
    store = open_store(target)
    try:
        docs = [
            store.import_documents(
                [NewDocument(f"d{i}", f"s{i}", f"Alpha beta gamma delta epsilon {i} zeta.")]
            )[0].document.id
            for i in range(4)
        ]
        for i, doc in enumerate(docs):
            store.add_annotation(doc, "claim", 0, 10, "alice")
            store.add_annotation(doc, "claim", 0, 10 if i % 2 else 5, "bob")
        store.add_annotation(docs[1], "claim", 0, 10, "gold")
    finally:
        store.close()
    return docs


def measures(capsys, *args: str) -> dict:
    capsys.readouterr()
    assert main(["agreement", "--format", "json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_agreement_leaves_the_gold_layer_out_unless_it_is_named(db, capsys):
    populate(db.target)
    report = measures(capsys, "--db", db.target)
    assert report["annotators"] == ["alice", "bob"]
    fleiss = [m for m in report["measures"] if m["measure"] == "fleiss_kappa"]
    assert fleiss[0]["annotators"] == ["alice", "bob"] and fleiss[0]["documents"] == 4
    assert any("gold layer" in note for note in report["notes"])

    named = measures(capsys, "--db", db.target, "--annotator", "alice", "--annotator", "gold")
    assert named["annotators"] == ["alice", "gold"]
    [kappa] = [m for m in named["measures"] if m["measure"] == "cohen_kappa" and not m["label"]]
    assert kappa["documents"] == 1 and kappa["value"] == 1.0
