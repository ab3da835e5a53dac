"""``annotator agreement`` on a real database with several annotators.

Expected values come from the core's ``agreement_report`` fed with the marks as this
module defines them (not as the store returns them), so gathering from the store and
filtering are checked, and the arithmetic is the core's (itself checked against sklearn
and the krippendorff package in tests/core/test_agreement.py).
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass

import pytest

from annotator.app.opening import open_store
from annotator.cli import main
from annotator.core.agreement import UNITS, Marked, agreement_report
from annotator.core.model import NewDocument

TEXTS = {
    "budget": (
        "Budget report",
        "The minister said 615 people were arrested. Police refused to comment on the "
        "90,000 figure. Officials claim growth of 12 percent.",
    ),
    "press": (
        "Press release",
        "Second statement: officials claim 3 arrests and 40 percent support.",
    ),
    "memo": ("Internal memo", "Nobody would say how many cameras, but 200 were bought."),
}
# (annotator, document key, label, the first occurrence of this phrase)
MARKS = [
    ("alice", "budget", "statistic", "615 people"),
    ("bob", "budget", "statistic", "615"),
    ("carol", "budget", "statistic", "615 people"),
    ("alice", "budget", "claim", "The minister said 615 people were arrested"),
    ("bob", "budget", "claim", "The minister said 615 people were arrested"),
    ("alice", "budget", "refusal", "Police refused to comment"),
    ("carol", "budget", "refusal", "refused to comment on the 90,000 figure"),
    ("bob", "budget", "statistic", "90,000"),
    ("alice", "budget", "statistic", "12 percent"),
    ("bob", "budget", "statistic", "12 percent"),
    ("alice", "press", "statistic", "3 arrests"),
    ("bob", "press", "statistic", "3"),
    ("bob", "press", "statistic", "40 percent"),
    ("alice", "press", "claim", "officials claim 3 arrests and 40 percent support"),
    ("carol", "press", "claim", "officials claim 3 arrests"),
    # In the memo bob marked only a refusal: with --label statistic it still counts for
    # him (he read it and found no statistic), so alice's 200 is a disagreement.
    ("alice", "memo", "statistic", "200"),
    ("bob", "memo", "refusal", "Nobody would say how many cameras"),
]


@dataclass
class Corpus:
    url: str
    ids: dict[str, str]  # document key -> id in the database

    def texts(self, keys=None):
        return [(self.ids[k], TEXTS[k][1]) for k in (keys or TEXTS)]

    def marks(self, keys=None, labels=None, annotators=None):
        out = []
        for who, key, label, phrase in MARKS:
            if keys is not None and key not in keys:
                continue
            if annotators is not None and who not in annotators:
                continue
            if labels is not None and label not in labels:
                continue
            start = TEXTS[key][1].index(phrase)
            out.append(Marked(who, self.ids[key], label, start, start + len(phrase)))
        return out

    def annotated(self, keys=None, annotators=None):
        """Annotator -> documents they have any annotation in, whatever its label."""
        out: dict[str, set[str]] = {}
        for who, key, _label, _phrase in MARKS:
            if (keys is None or key in keys) and (annotators is None or who in annotators):
                out.setdefault(who, set()).add(self.ids[key])
        return out


@pytest.fixture
def db_url(db):
    """The database every test here runs on: an SQLite file, then a PostgreSQL server."""
    return db.url


@pytest.fixture
def corpus(db_url):
    store = open_store(db_url)
    try:
        results = store.import_documents(
            [NewDocument(title=t, source=f"{k}.txt", text=x) for k, (t, x) in TEXTS.items()]
        )
        ids = {key: r.document.id for key, r in zip(TEXTS, results, strict=True)}
        for who, key, label, phrase in MARKS:
            start = TEXTS[key][1].index(phrase)
            store.add_annotation(ids[key], label, start, start + len(phrase), who)
        store.set_done(ids["budget"], True)
    finally:
        store.close()
    return Corpus(db_url, ids)


def run_json(capsys, corpus, *args):
    code = main(["agreement", "--db", corpus.url, "--format", "json", *args])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return json.loads(captured.out)


def database_state(url):
    store = open_store(url)
    try:
        return store.export_documents(), store.labels()
    finally:
        store.close()


def test_json_holds_every_measure_of_the_core_report(capsys, corpus):
    got = run_json(capsys, corpus)
    expected = agreement_report(corpus.texts(), corpus.marks()).as_json()
    assert got["measures"] == expected["measures"]
    assert got["annotators"] == ["alice", "bob", "carol"]
    assert got["labels"] == ["claim", "refusal", "statistic"]
    assert got["units"] == UNITS and got["no_label"] == "no label"
    assert got["filters"] == {
        "documents": None,
        "labels": None,
        "annotators": None,
        "done_only": False,
    }
    assert [d["title"] for d in got["documents"]] == [
        "Budget report",
        "Press release",
        "Internal memo",
    ]
    # Tokens, counted by hand: budget 8 + 11 ("90", ",", "000") + 7 = 26; press 12 (":"
    # and "." are tokens); memo 12. Every document has two annotators or more.
    assert got["counts"] == {"documents": 3, "shared_documents": 3, "tokens": 26 + 12 + 12}
    # Every measure names itself, its scope (null for all labels) and whom it compares.
    names = {m["measure"] for m in got["measures"]}
    assert names == {
        "cohen_kappa",
        "fleiss_kappa",
        "krippendorff_alpha_nominal",
        *(f"span_{p}_{k}" for p in ("precision", "recall", "f1") for k in ("exact", "overlap")),
    }
    by = {(m["measure"], m["label"], tuple(m["annotators"])): m for m in got["measures"]}
    # By hand: alice and bob's statistics, exactly: 12 percent in the budget is the one
    # exact match; alice has 615 people, 12 percent, 3 arrests, 200 (4); bob 615, 90,000,
    # 12 percent, 3, 40 percent (5). Precision is bob's against alice.
    exact = by["span_precision_exact", "statistic", ("alice", "bob")]
    assert exact["value"] == pytest.approx(1 / 5) and exact["documents"] == 3
    assert by["span_recall_exact", "statistic", ("alice", "bob")]["value"] == pytest.approx(1 / 4)
    # Overlapping: 615 people~615, 12 percent~12 percent, 3 arrests~3.
    f1 = by["span_f1_overlap", "statistic", ("alice", "bob")]
    assert f1["value"] == pytest.approx(2 * 3 / (4 + 5)) and f1["tokens"] is None
    # Carol annotated the budget and the press release only.
    assert by["cohen_kappa", None, ("alice", "carol")]["documents"] == 2
    assert by["fleiss_kappa", None, ("alice", "bob", "carol")]["documents"] == 2
    assert by["krippendorff_alpha_nominal", None, ("alice", "bob", "carol")]["documents"] == 3


def test_label_filter_keeps_documents_annotated_with_other_labels(capsys, corpus):
    got = run_json(capsys, corpus, "--label", "statistic")
    expected = agreement_report(
        corpus.texts(), corpus.marks(labels={"statistic"}), corpus.annotated()
    ).as_json()
    assert got["measures"] == expected["measures"]
    assert got["labels"] == ["statistic"]
    assert got["filters"]["labels"] == ["statistic"]
    kappa = next(
        m
        for m in got["measures"]
        if m["measure"] == "cohen_kappa" and m["label"] is None and m["annotators"][1] == "bob"
    )
    assert kappa["annotators"] == ["alice", "bob"]
    assert kappa["documents"] == 3  # the memo counts: bob annotated it (a refusal)
    # Two labels chosen: the all-labels scope compares those two, each has its own.
    got = run_json(capsys, corpus, "--label", "claim", "--label", "refusal")
    expected = agreement_report(
        corpus.texts(), corpus.marks(labels={"claim", "refusal"}), corpus.annotated()
    ).as_json()
    assert got["measures"] == expected["measures"]
    assert {m["label"] for m in got["measures"]} == {None, "claim", "refusal"}


def test_annotator_filter_compares_only_those_named(capsys, corpus):
    got = run_json(capsys, corpus, "--annotator", "carol", "--annotator", "alice")
    who = {"alice", "carol"}
    expected = agreement_report(
        corpus.texts(), corpus.marks(annotators=who), corpus.annotated(annotators=who)
    ).as_json()
    assert got["measures"] == expected["measures"]
    assert got["annotators"] == ["alice", "carol"]
    assert all(m["annotators"] == ["alice", "carol"] for m in got["measures"])
    assert got["filters"]["annotators"] == ["carol", "alice"]
    assert got["counts"]["shared_documents"] == 2  # carol did not annotate the memo


def test_document_filter_by_id_and_by_title(capsys, corpus):
    got = run_json(capsys, corpus, "--document", corpus.ids["press"], "--document", "*MEMO")
    keys = ["press", "memo"]
    expected = agreement_report(corpus.texts(keys), corpus.marks(keys)).as_json()
    assert got["measures"] == expected["measures"]
    assert [d["title"] for d in got["documents"]] == ["Press release", "Internal memo"]
    assert got["filters"]["documents"] == [corpus.ids["press"], "*MEMO"]
    # Plain text matches titles containing it, ignoring case.
    got = run_json(capsys, corpus, "--document", "budget")
    assert [d["title"] for d in got["documents"]] == ["Budget report"]


def test_done_only_counts_documents_marked_done(capsys, corpus):
    got = run_json(capsys, corpus, "--done-only")
    expected = agreement_report(corpus.texts(["budget"]), corpus.marks(["budget"])).as_json()
    assert got["measures"] == expected["measures"]
    assert got["filters"]["done_only"] is True
    assert got["counts"] == {"documents": 1, "shared_documents": 1, "tokens": 26}
    assert max(m["documents"] for m in got["measures"]) == 1
    # A document filter and done-only together: nothing done among them, so no data and
    # a note saying why (not an error: the question was valid).
    got = run_json(
        capsys,
        corpus,
        "--done-only",
        "--document",
        "memo",
        "--annotator",
        "alice",
        "--annotator",
        "bob",
    )
    assert got["documents"] == [] and got["counts"]["tokens"] == 0
    assert all(m["value"] is None for m in got["measures"])
    assert "none of the chosen documents is marked done" in got["notes"]


def test_table_states_units_counts_and_a_section_per_label(capsys, corpus):
    assert main(["agreement", "--db", corpus.url]) == 0
    out = capsys.readouterr().out
    report = agreement_report(corpus.texts(), corpus.marks())
    assert "Annotators: alice, bob, carol" in out
    assert "Documents: 3 chosen, 3 annotated by at least two of the annotators, 50 tokens" in out
    flat = " ".join(out.split())
    assert "a token is a maximal run of word characters" in flat
    assert "a token an annotator left unlabelled counts as 'no label'" in flat
    assert "A document counts for a pair of annotators when both annotated it" in flat
    assert "— means undefined" in flat
    sections = [line for line in out.splitlines() if line.startswith(("All labels", "Label: "))]
    assert sections == ["All labels", "Label: claim", "Label: refusal", "Label: statistic"]
    # The statistic section's rows carry the report's values to three decimals.
    section = out.split("Label: statistic")[1]
    kappa = report.get("cohen_kappa", "statistic", ("alice", "bob"))
    row = next(line for line in section.splitlines() if line.startswith("Cohen's kappa"))
    assert row.split() == ["Cohen's", "kappa", "alice,", "bob", f"{kappa.value:.3f}", "3", "50"]
    # Bob's one refusal is in the memo, which carol did not annotate: in the documents
    # they share he has no refusal, so recall against his (the reference) is undefined.
    refusals = out.split("Label: refusal")[1].split("Label: ")[0]
    undefined = report.get("span_recall_exact", "refusal", ("bob", "carol"))
    assert undefined.value is None
    line = next(
        line
        for line in refusals.splitlines()
        if line.startswith("span recall, exact") and "bob, carol" in line
    )
    assert line.split()[-2:] == ["—", "2"]  # value undefined, over 2 documents, no tokens
    assert len(out.splitlines()[3]) <= 88  # wrapped for a terminal


def test_output_file(tmp_path, capsys, corpus):
    target = tmp_path / "agreement.json"
    code = main(["agreement", "--db", corpus.url, "--format", "json", "-o", str(target)])
    captured = capsys.readouterr()
    assert code == 0 and captured.out == ""
    assert f"{target}: wrote agreement of 3 annotators over 3 document(s)" in captured.err
    written = json.loads(target.read_text(encoding="utf-8"))
    assert (
        written["measures"]
        == agreement_report(corpus.texts(), corpus.marks()).as_json()["measures"]
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--label", "opinion"], "unknown label 'opinion'; the labels are: claim, refusal, "),
        (
            ["--annotator", "alice", "--annotator", "dave"],
            "unknown annotator 'dave'; annotators in the database: alice, bob, carol",
        ),
        (["--annotator", "alice"], "at least two annotators; only 'alice' was chosen"),
        (["--annotator", "bob", "--annotator", "bob"], "only 'bob' was chosen"),
        (["--document", "no such title"], "no document matches 'no such title'"),
        (
            ["--document", "memo", "--annotator", "alice", "--annotator", "carol"],
            None,  # valid: carol did not annotate the memo, said in a note
        ),
    ],
)
def test_bad_filters_are_named_and_exit_1(capsys, corpus, args, message):
    before = database_state(corpus.url)
    code = main(["agreement", "--db", corpus.url, "--format", "json", *args])
    captured = capsys.readouterr()
    if message is None:
        assert code == 0
        assert "carol annotated none of the chosen documents" in json.loads(captured.out)["notes"]
    else:
        assert code == 1
        assert captured.out == ""
        assert message in captured.err
        assert captured.err.startswith("annotator: error: ")
        assert "Traceback" not in captured.err
    assert database_state(corpus.url) == before


def test_fewer_than_two_annotators_in_the_database(capsys, db_url):
    store = open_store(db_url)
    try:
        (result,) = store.import_documents([NewDocument("Solo", "solo.txt", "One voice only.")])
        store.add_annotation(result.document.id, "claim", 0, 9, "alice")
    finally:
        store.close()
    assert main(["agreement", "--db", db_url]) == 1
    err = capsys.readouterr().err
    assert "at least two annotators; the chosen documents are annotated only by 'alice'" in err
    assert main(["agreement", "--db", db_url, "--done-only"]) == 1
    assert "the chosen documents marked done are annotated by nobody" in capsys.readouterr().err


def test_usage_errors_exit_2(capsys, corpus):
    with pytest.raises(SystemExit) as exc:
        main(["agreement", "--db", corpus.url, "--format", "xml"])
    assert exc.value.code == 2
    assert "invalid choice: 'xml'" in capsys.readouterr().err


def test_runs_as_a_separate_process(corpus):
    proc = subprocess.run(
        [sys.executable, "-m", "annotator", "agreement", "--db", corpus.url, "--label", "claim"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "All chosen labels (claim)" in proc.stdout and "Label: claim" in proc.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "annotator", "agreement", "--db", corpus.url, "--label", "x"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 1 and "unknown label 'x'" in bad.stderr
