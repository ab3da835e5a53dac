"""Files doccano 1.8.4 itself exported (tests/fixtures/tools/doccano, see its README):
after edits in doccano, each span keeps its own annotator and note, an entry whose span
is gone is reported, and a span added in doccano lands on its text."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from annotator.cli import main
from tests.formats.test_task_formats import js_slice, spans

FIXTURES = Path(__file__).parents[1] / "fixtures" / "tools" / "doccano"


def doccano_quotes(path: Path) -> list[tuple[str, str]]:
    """(label, text) of every span as doccano's file gives it: its offsets (UTF-16 code
    units, as doccano's page counts) over the text doccano wrote."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        out.extend((label, js_slice(item["text"], s, e)) for s, e, label in item["label"])
    return out


def rows(items) -> list[tuple]:
    """``items`` sorted, ``None`` notes and all."""
    return sorted(items, key=repr)


def imported(tmp_path: Path, name: str, capsys) -> tuple[set, str]:
    """The fixture imported into a fresh database: its spans and what the import said."""
    source = tmp_path / name
    shutil.copy(FIXTURES / name, source)
    db = tmp_path / "fresh.db"
    assert main(["import", "--db", str(db), str(source)]) == 0  # recognised as doccano
    return spans(db), capsys.readouterr().out


def test_spans_edited_in_doccano_keep_their_own_annotator_and_note(tmp_path, capsys):
    got, said = imported(tmp_path, "exported_overlapping.jsonl", capsys)
    # (label, quote, note, annotator); quotes are what doccano shows for its spans.
    found = rows((s[1], s[4], s[5], s[6]) for s in got)
    assert found == rows(
        [
            ("claim", "unemployment fell by 2,000 jobs", "check the source", "alice"),
            ("statistic", "2,000 jobs", "from the ONS table", "bob"),
            ("claim", "The minister said 😀", None, "doccano"),  # added in doccano
            ("refusal", "declined to comment on the figures", "firm", "alice"),
            ("refusal", "declined to comment on the figures", None, "bob"),
        ]
    )
    assert sorted((label, quote) for label, quote, _n, _a in found) == sorted(
        doccano_quotes(FIXTURES / "exported_overlapping.jsonl")
    )
    # carol's claim was deleted in doccano: its note is reported, not moved onto a span.
    assert "5 annotation(s) added" in said
    assert (
        'line 1: no claim span at 54–73 "Critics 🎉 disagree" any more (deleted in doccano, '
        'or dropped there as overlapping): its annotator carol and note "to delete" not '
        "imported"
    ) in said
    assert not any("carol" in s or s[5] == "to delete" for s in got)


def test_spans_doccano_dropped_as_overlapping_are_reported(tmp_path, capsys):
    got, said = imported(tmp_path, "exported_no_overlap.jsonl", capsys)
    found = rows((s[1], s[4], s[5], s[6]) for s in got)
    assert sorted((label, quote) for label, quote, _n, _a in found) == sorted(
        doccano_quotes(FIXTURES / "exported_no_overlap.jsonl")
    )
    claims = [row for row in found if row[0] == "claim"]
    assert claims == rows(
        [
            ("claim", "unemployment fell by 2,000 jobs", "check the source", "alice"),
            ("claim", "Critics 🎉 disagree", "to delete", "carol"),
        ]
    )
    assert 'line 1: no statistic span at 42–52 "2,000 jobs" any more' in said
    assert 'its annotator bob and note "from the ONS table" not imported' in said
    # Of two identical refusals doccano kept one: it goes to the first entry written for
    # it, the other entry is reported.
    (refusal,) = (row for row in found if row[0] == "refusal")
    kept = {"alice": "firm", "bob": None}
    assert refusal[1:] == ("declined to comment on the figures", kept[refusal[3]], refusal[3])
    dropped = "bob" if refusal[3] == "alice" else "alice"
    assert "line 2: no refusal span at 11–45" in said
    assert f"its annotator {dropped}" in said


def older(name: str, tmp_path: Path) -> Path:
    """The fixture as an older Annotator wrote its span info: no start, end or label."""
    lines = []
    for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        item["annotator_span_info"] = [
            {"annotator": e["annotator"], "note": e["note"]} for e in item["annotator_span_info"]
        ]
        lines.append(json.dumps(item, ensure_ascii=False) + "\n")
    path = tmp_path / f"older_{name}"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_older_span_info_is_matched_by_position_only_while_the_counts_agree(tmp_path, capsys):
    # Our own older export, not edited: read by position as before.
    db = tmp_path / "a.db"
    assert main(["import", "--db", str(db), str(older("annotator_export.jsonl", tmp_path))]) == 0
    assert "any more" not in capsys.readouterr().out
    assert rows((s[1], s[4], s[5], s[6]) for s in spans(db)) == rows(
        [
            ("claim", "unemployment fell by 2,000 jobs", "check the source", "alice"),
            ("statistic", "2,000 jobs", "from the ONS table", "bob"),
            ("claim", "Critics 🎉 disagree", "to delete", "carol"),
            ("refusal", "declined to comment on the figures", "firm", "alice"),
            ("refusal", "declined to comment on the figures", None, "bob"),
        ]
    )
    # doccano dropped spans: the counts differ, so nothing is matched and that is said.
    db = tmp_path / "b.db"
    assert main(["import", "--db", str(db), str(older("exported_no_overlap.jsonl", tmp_path))]) == 0
    said = capsys.readouterr().out
    assert "line 1: annotator_span_info has 3 entries (without offsets" in said
    assert "line 2: annotator_span_info has 2 entries" in said
    assert {(s[5], s[6]) for s in spans(db)} == {(None, "doccano")}


def test_span_info_that_fits_nothing_is_reported_not_fatal(tmp_path, capsys):
    item = json.loads((FIXTURES / "exported_overlapping.jsonl").read_text("utf-8").splitlines()[0])
    item["annotator_span_info"] += [
        {"start": 999, "end": 1000, "label": "claim", "annotator": "dave", "note": "far"},
        {"start": 1, "end": 2, "label": "bad\nlabel", "annotator": "erin"},
        "not an entry",
    ]
    path = tmp_path / "odd.jsonl"
    path.write_text(json.dumps(item, ensure_ascii=False) + "\n", encoding="utf-8")
    db = tmp_path / "odd.db"
    assert main(["import", "--db", str(db), str(path)]) == 0
    said = capsys.readouterr().out
    assert "line 1: no claim span at 999–1000 any more" in said  # no quote past the text
    assert 'its annotator dave and note "far" not imported' in said
    assert "line 1: 2 of 6 annotator_span_info entries have no whole start and end" in said
    assert {s[6] for s in spans(db)} == {"alice", "bob", "doccano"}
