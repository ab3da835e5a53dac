"""``annotator suggest`` learning from the researcher: phrases tagged by hand suggested in
every document, each rule's record (--rules-report) and switching rules off and on; on
SQLite and on a PostgreSQL server."""

from __future__ import annotations

import json

import pytest

from annotator.app.opening import open_store
from annotator.cli import main
from annotator.core.model import Label, NewDocument
from annotator.core.suggest import Rejection

FIRST = "The mayor may well decide. 😀 Later the council MAY\n WELL agree."
SECOND = "It may well rain, 300 farmers said. Dismay may wellness. He declined to comment."


@pytest.fixture
def corpus(db):
    """Two documents, a label ``hedge`` and "may well" tagged by hand in the first."""
    store = open_store(db.target)
    store.add_labels([Label("hedge", "#aa00aa")])
    first, second = (
        r.document.id
        for r in store.import_documents(
            [NewDocument("Council", "s1", FIRST), NewDocument("Weather", "s2", SECOND)]
        )
    )
    at = FIRST.index("may well")
    store.add_annotation(first, "hedge", at, at + len("may well"), "alice")
    store.close()
    return db, first, second


def run_json(capsys, *args):
    assert main(["suggest", *args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def hedges(found):
    return [(i["document_id"], i["start"], i["quote"]) for i in found if i["label"] == "hedge"]


def test_a_phrase_tagged_by_hand_is_suggested_elsewhere_with_its_reason(corpus, capsys):
    db, first, second = corpus
    found = run_json(capsys, "--db", db.target)
    assert hedges(found) == [
        (first, FIRST.index("MAY"), "MAY\n WELL"),
        (second, SECOND.index("may well"), "may well"),
    ]
    for item in found:
        if item["label"] == "hedge":
            assert item["reason"] == "you tagged this phrase in «Council»"
            assert item["rule"] == "hedge:learned-phrase"
    assert main(["suggest", "--db", db.target, "--label", "hedge"]) == 0
    out = capsys.readouterr().out
    assert "“may well”  (you tagged this phrase in «Council»)" in out


def test_only_hand_tags_teach(corpus, capsys):
    db, first, _second = corpus
    store = open_store(db.target)
    [ann] = store.annotations(first)
    store.delete_annotation(ann.id)
    store.close()
    assert hedges(run_json(capsys, "--db", db.target)) == []
    assert main(["suggest", "--db", db.target, "--label", "hedge"]) == 1
    assert "no rules for label 'hedge' and no phrase of it tagged by hand" in (
        capsys.readouterr().err
    )


def test_apply_stores_learned_ones_and_they_do_not_teach_again(corpus, capsys):
    db, first, second = corpus
    assert main(["suggest", "--db", db.target, "--label", "hedge", "--apply"]) == 0
    capsys.readouterr()
    rows = db.rows(
        "SELECT document_id, start_offset, source, rule FROM annotations "
        "WHERE label = 'hedge' AND annotator = 'suggester' ORDER BY document_id, start_offset"
    )
    assert sorted(rows) == sorted(
        [
            (first, FIRST.index("MAY"), "suggested", "hedge:learned-phrase"),
            (second, SECOND.index("may well"), "suggested", "hedge:learned-phrase"),
        ]
    )
    assert hedges(run_json(capsys, "--db", db.target)) == []


def test_no_learning_leaves_them_out(corpus, capsys):
    db, _first, _second = corpus
    assert hedges(run_json(capsys, "--db", db.target, "--no-learning")) == []


def test_rules_report_counts_accepted_and_rejected_per_rule(corpus, capsys):
    db, first, second = corpus
    found = run_json(capsys, "--db", db.target)
    assert main(["suggest", "--db", db.target, "--document", "Weather", "--apply"]) == 0
    applied = [i for i in found if i["document_id"] == second]
    rejected = next(i for i in found if i["document_id"] == first and i["label"] == "hedge")
    store = open_store(db.target)
    store.apply_change(
        [],
        [],
        rejected=[
            Rejection(first, "hedge", rejected["start"], rejected["end"], rejected["rule"], "a")
        ],
    )
    store.close()
    capsys.readouterr()
    report = run_json(capsys, "--db", db.target, "--rules-report")
    by_rule = {row["rule"]: row for row in report}
    expected: dict[str, list[int]] = {}
    for item in applied:
        expected.setdefault(item["rule"], [0, 0])[0] += 1
    expected.setdefault("hedge:learned-phrase", [0, 0])[1] += 1
    assert {r: [row["accepted"], row["rejected"]] for r, row in by_rule.items()} == expected
    assert by_rule["hedge:learned-phrase"] == {
        "rule": "hedge:learned-phrase",
        "accepted": 1,
        "rejected": 1,
        "off": False,
        "learned": True,
    }
    assert main(["suggest", "--db", db.target, "--rules-report"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["rule", "accepted", "rejected", "accepted", "%", "state"]
    assert any(line.split() == ["hedge:learned-phrase", "1", "1", "50%", "on"] for line in table)


def test_a_rule_switched_off_makes_no_suggestions_until_switched_on(corpus, capsys):
    db, _first, _second = corpus
    before = run_json(capsys, "--db", db.target)
    assert main(["suggest", "--db", db.target, "--rule-off", "hedge:learned-phrase"]) == 0
    assert "switched off: hedge:learned-phrase" in capsys.readouterr().err
    after = run_json(capsys, "--db", db.target)
    assert hedges(after) == [] and after == [i for i in before if i["label"] != "hedge"]
    report = run_json(capsys, "--db", db.target, "--rules-report")
    assert report == [
        {"rule": "hedge:learned-phrase", "accepted": 0, "rejected": 0, "off": True, "learned": True}
    ]
    assert main(["suggest", "--db", db.target, "--rule-on", "hedge:learned-phrase"]) == 0
    assert "switched on: hedge:learned-phrase" in capsys.readouterr().err
    assert run_json(capsys, "--db", db.target) == before
    assert run_json(capsys, "--db", db.target, "--rules-report") == []


def test_a_shipped_rule_is_switched_off_by_its_name(corpus, capsys):
    db, _first, _second = corpus
    before = run_json(capsys, "--db", db.target)
    rule = next(i["rule"] for i in before if i["label"] != "hedge")
    assert main(["suggest", "--db", db.target, "--rule-off", rule]) == 0
    after = run_json(capsys, "--db", db.target)
    assert after == [i for i in before if i["rule"] != rule]


def test_an_unknown_rule_is_named_and_changes_nothing(corpus, capsys):
    db, _first, _second = corpus
    before = db.table("settings")
    assert main(["suggest", "--db", db.target, "--rule-off", "claim:no-such-rule"]) == 1
    err = capsys.readouterr().err
    assert "no rule 'claim:no-such-rule'" in err and "Traceback" not in err
    assert db.table("settings") == before


def test_apply_and_switching_are_not_combined(corpus, capsys):
    db, _first, _second = corpus
    with pytest.raises(SystemExit) as exit_:
        main(["suggest", "--db", db.target, "--apply", "--rule-off", "hedge:learned-phrase"])
    assert exit_.value.code == 2


def test_a_phrase_tagged_after_a_nul_character_is_learned_as_written(db, capsys):
    # PostgreSQL stores such a text escaped: the phrase is cut in Python, not in SQL.
    store = open_store(db.target)
    store.add_labels([Label("hedge", "#aa00aa")])
    text = "Odd\x00 \ue000 text: it may well work."
    first, second = (
        r.document.id
        for r in store.import_documents(
            [NewDocument("Odd", "n1", text), NewDocument("Plain", "n2", "So may well this.")]
        )
    )
    at = text.index("may well")
    store.add_annotation(first, "hedge", at, at + len("may well"), "alice")
    store.close()
    found = run_json(capsys, "--db", db.target, "--label", "hedge")
    assert [(i["document_id"], i["quote"]) for i in found] == [(second, "may well")]
