"""Label Studio with its own code: our export goes through label-studio-converter's
conversions, and tasks made with the Label Studio SDK import with each span on its text
and each person under one name."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from label_studio_converter import Converter

from annotator.app.opening import open_store
from annotator.cli import main

FIXTURE = Path(__file__).parents[1] / "fixtures" / "tools" / "label-studio" / "tasks.json"
CONFIG = """<View>
  <Labels name="label" toName="text">
    <Label value="claim"/><Label value="statistic"/><Label value="refusal"/>
  </Labels>
  <Text name="text" value="$text"/>
</View>"""


def stored(db: Path) -> set[tuple[str, str, str]]:
    """Every annotation as (annotator, label, the text it marks)."""
    store = open_store(str(db))
    try:
        return {
            (a.annotator, a.label, item.document.text[a.start : a.end])
            for item in store.export_documents()
            for a in item.annotations
        }
    finally:
        store.close()


def test_an_export_goes_through_label_studios_converter(rich_db, tmp_path):
    out = tmp_path / "tasks.json"
    assert main(["export", "--db", str(rich_db), "--format", "label-studio", "-o", str(out)]) == 0
    tasks = json.loads(out.read_text(encoding="utf-8"))
    assert [task["id"] for task in tasks] == [1, 2, 3]
    ids = [a["id"] for task in tasks for a in task["annotations"]]
    assert len(set(ids)) == len(ids) and all(isinstance(i, int) for i in ids)
    quotes = {(label, quote) for _who, label, quote in stored(rich_db)}
    converter = Converter(CONFIG, project_dir=str(tmp_path), download_resources=False)

    converter.convert(str(out), str(tmp_path / "min"), "JSON_MIN", is_dir=False)
    records = json.loads((tmp_path / "min" / "result.json").read_text(encoding="utf-8"))
    assert {r["id"] for r in records} == {1, 2, 3}
    got = set()
    for record in records:
        for span in record["label"]:
            # Spans land on the text: the converter's start/end slice the task's text.
            assert record["text"][span["start"] : span["end"]] == span["text"]
            got |= {(label, span["text"]) for label in span["labels"]}
    assert got == quotes

    converter.convert(str(out), str(tmp_path / "csv"), "CSV", is_dir=False)
    with (tmp_path / "csv" / "result.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert {row["id"] for row in rows} == {"1", "2", "3"}
    from_csv = {
        (label, span["text"])
        for row in rows
        for span in json.loads(row["label"])
        for label in span["labels"]
    }
    assert from_csv == quotes

    converter.convert(str(out), str(tmp_path / "conll"), "CONLL2003", is_dir=False)
    tagged = (tmp_path / "conll" / "result.conll").read_text(encoding="utf-8").splitlines()
    tags = {line.rsplit(" ", 1)[1] for line in tagged[1:] if line}
    assert {"B-claim", "B-statistic"} <= tags


def test_tasks_made_with_the_sdk_import_on_their_text_one_name_per_person(tmp_path, capsys):
    db = tmp_path / "a.db"
    assert main(["import", "--db", str(db), str(FIXTURE)]) == 0
    assert "6 annotation(s) added" in capsys.readouterr().out
    # The quotes make_tasks.py marked; each person in both of Label Studio's shapes.
    assert stored(db) == {
        ("ana@example.org", "claim", "😀 rents fell by 12% last year"),
        ("ana@example.org", "statistic", "12%"),
        ("ben@example.org", "refusal", "She would not comment further"),
        ("ana@example.org", "refusal", "Officials declined to confirm"),
        ("ana@example.org", "statistic", "2,000"),
        ("ben@example.org", "claim", "市民 said prices rose"),
    }


def test_a_bare_user_id_takes_the_email_the_file_gives_elsewhere(tmp_path, capsys):
    tasks = json.loads(FIXTURE.read_text(encoding="utf-8"))
    for task in tasks:
        for annotation in task["annotations"]:
            annotation.pop("created_username", None)
    bare = tmp_path / "bare.json"
    bare.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "a.db"
    assert main(["import", "--db", str(db), str(bare)]) == 0
    assert {who for who, _l, _q in stored(db)} == {"ana@example.org", "ben@example.org"}
    # Without any email in the file, the id alone names the person, in every shape.
    for task in tasks:
        for annotation in task["annotations"]:
            if isinstance(annotation["completed_by"], dict):
                annotation["completed_by"] = {"id": annotation["completed_by"]["id"]}
    bare.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    other = tmp_path / "b.db"
    assert main(["import", "--db", str(other), str(bare)]) == 0
    names = {who for who, _l, _q in stored(other)}
    assert names == {"label-studio user 1", "label-studio user 2"}
    capsys.readouterr()
