"""W3C Web Annotation (JSON-LD): exports pass the standard's test suite and import back
onto the documents of another database, found by the SHA-256 in the source IRI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.app.opening import open_store
from annotator.app.resources import seed_documents
from annotator.cli import main
from annotator.core.model import NewDocument
from annotator.core.text import text_sha256
from annotator.formats import w3c
from annotator.formats.annotation_set import render_bytes
from tests.formats.conftest import CRLF_BORN, PLAIN, db_state

VALIDATOR = Path(__file__).resolve().parents[1] / "validators" / "validate_w3c.py"
TOOLS = Path(__file__).resolve().parents[1] / "fixtures" / "tools"


def validate(path: Path) -> None:
    run = subprocess.run(
        [sys.executable, str(VALIDATOR), str(path)], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert " 0 failures" in run.stdout


def stored(db: Path) -> dict[str, tuple]:
    """Every annotation by id: its document's text hash, label, span, quote, note,
    annotator, times, attributes and orphan flag."""
    store = open_store(str(db))
    try:
        return {
            a.id: (
                item.document.sha256,
                a.label,
                a.start,
                a.end,
                item.document.text[a.start : a.end],
                a.note,
                a.annotator,
                a.created_at,
                a.updated_at,
                a.attributes,
                a.orphaned,
            )
            for item in store.export_documents()
            for a in item.annotations
        }
    finally:
        store.close()


def only_documents(db: Path, *texts: tuple[str, str]) -> None:
    """A database holding these documents (title, text) and no annotations."""
    store = open_store(str(db))
    store.import_documents([NewDocument(title, f"{title}.txt", text) for title, text in texts])
    store.close()


@pytest.fixture
def exported(rich_db, tmp_path):
    store = open_store(str(rich_db))
    claim = next(a for a in store.annotations(store.documents()[1].id) if a.label == "claim")
    store.set_attributes(claim, {"speaker": "Raymond Siu", "stance": "supports"})
    store.close()
    out = tmp_path / "out.jsonld"
    assert main(["export", "--db", str(rich_db), "--format", "w3c", "-o", str(out)]) == 0
    return out


def test_an_export_passes_the_standard_and_imports_into_a_database_of_the_documents(
    rich_db, exported, tmp_path, capsys
):
    validate(exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["type"] == "AnnotationCollection" and w3c.ANNO_CONTEXT in data["@context"]
    items = data["first"]["items"]
    assert data["total"] == len(items) == 7
    # Offsets are code points of the stored text (LF line ends): the emoji is one, the
    # CRLF of the original file was one LF, and the source IRI hashes that text.
    emoji = next(a for a in items if a["target"]["selector"][0]["exact"].startswith("Line one"))
    assert emoji["target"]["source"]["id"] == "urn:sha256:" + text_sha256(CRLF_BORN)
    assert emoji["target"]["selector"] == [
        {
            "type": "TextQuoteSelector",
            "exact": "Line one 😀",
            "prefix": "",
            "suffix": " with emoji\nLine two: 市民的私隱\nThe ",
        },
        {"type": "TextPositionSelector", "start": 0, "end": 10},
    ]
    assert {"type": "TextualBody", "purpose": "tagging", "value": "claim"} in emoji["body"]
    assert emoji["creator"] == {"type": "Person", "name": "alice"}
    assert emoji[w3c.ATTRIBUTES] == {"speaker": "Raymond Siu", "stance": "supports"}

    fresh = tmp_path / "fresh.db"
    seed = seed_documents()[0]
    only_documents(fresh, (seed.title, seed.text), ("a", CRLF_BORN), ("b", PLAIN))
    capsys.readouterr()
    assert main(["import", "--db", str(fresh), str(exported)]) == 0  # recognised
    assert "7 annotation(s) added" in capsys.readouterr().out
    assert stored(fresh) == stored(rich_db)
    store = open_store(str(fresh))
    opinion = next(label for label in store.labels() if label.name == "opinion")
    store.close()
    assert (opinion.color, opinion.hotkey) == ("#9467bd", "4")
    # Once more changes nothing: the same ids with the same content are skipped.
    assert main(["import", "--db", str(fresh), str(exported)]) == 0
    assert "0 annotation(s) added, 7 skipped" in capsys.readouterr().out


def test_documents_not_here_are_reported_and_the_rest_placed(rich_db, exported, tmp_path, capsys):
    fresh = tmp_path / "fresh.db"
    only_documents(fresh, ("mine", PLAIN))
    renamed = tmp_path / "team.json"  # a .json file in this format is read as it too
    renamed.write_bytes(exported.read_bytes())
    capsys.readouterr()
    assert main(["import", "--db", str(fresh), str(renamed)]) == 0
    out = capsys.readouterr().out
    assert 'could not place "Emoji & CRLF"' in out
    assert "could not place" in out and out.count("could not place") == 2  # and the seed
    want = {k: v for k, v in stored(rich_db).items() if v[0] == text_sha256(PLAIN)}
    assert len(want) == 3 and stored(fresh) == want


def test_annotations_from_another_tool_get_labels_and_palette_colours(tmp_path, capsys):
    db = tmp_path / "a.db"
    only_documents(db, ("mine", PLAIN))
    start = PLAIN.index("2,000")
    annotation = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "http://example.org/anno/1",
        "type": "Annotation",
        "creator": "http://example.org/people/dana",
        "created": "2025-03-01T10:00:00+01:00",
        "body": [
            {"type": "TextualBody", "purpose": "tagging", "value": "number"},
            {"type": "TextualBody", "purpose": "commenting", "value": "check this"},
        ],
        "target": {
            "source": "urn:sha256:" + text_sha256(PLAIN),
            "selector": [
                {"type": "TextPositionSelector", "start": start, "end": start + 5},
                {"type": "TextQuoteSelector", "exact": "2,000", "prefix": PLAIN[:start]},
            ],
        },
    }
    path = tmp_path / "other.jsonld"
    path.write_text(json.dumps([annotation]), encoding="utf-8")
    assert main(["import", "--db", str(db), str(path)]) == 0
    (got,) = stored(db).values()
    assert got[1:7] == (
        "number",
        start,
        start + 5,
        "2,000",
        "check this",
        "http://example.org/people/dana",
    )
    assert got[7].isoformat() == "2025-03-01T09:00:00"
    store = open_store(str(db))
    assert "number" in [label.name for label in store.labels()]
    store.close()


def _break(data: dict, how: str) -> dict | bytes:
    item = data["first"]["items"][0]
    selectors = item["target"]["selector"]
    if how == "truncated":
        return json.dumps(data).encode()[:300]
    if how == "no label":
        item["body"] = [b for b in item["body"] if b["purpose"] != "tagging"]
    elif how == "foreign source":
        item["target"]["source"]["id"] = "http://example.org/doc.txt"
    elif how == "backwards":
        selectors[1]["start"], selectors[1]["end"] = 5, 2
    elif how == "short quote":
        selectors[0]["exact"] = selectors[0]["exact"][:-1]
    elif how == "other quote":
        selectors[0]["exact"] = "x" * len(selectors[0]["exact"])
    elif how == "other prefix":
        selectors[0]["prefix"] = "nothing like it"
    elif how == "past the end":
        selectors[1]["start"] += 10_000
        selectors[1]["end"] += 10_000
    elif how == "bad time":
        item["created"] = "yesterday"
    elif how == "linked page":
        data["first"] = "http://example.org/page/1"
    elif how == "bad colour":
        data[w3c.LABELS][0]["color"] = "blue"
    elif how == "bad attribute":
        item[w3c.ATTRIBUTES] = {"stance": "maybe"}
    return data


@pytest.mark.parametrize(
    ("how", "says"),
    [
        ("truncated", "not JSON"),
        ("no label", "first.items[0].body: has no TextualBody with purpose tagging"),
        ("foreign source", "first.items[0].target.source: 'http://example.org/doc.txt' does"),
        ("backwards", "selector[1].end: end 2 is before start 5"),
        ("short quote", "selector[0].exact: has 9 code points but the TextPositionSelector"),
        ("other quote", "does not equal text[0:10]"),
        ("other prefix", "prefix: does not match the text before start"),
        ("past the end", "is beyond the text's length"),
        ("bad time", "first.items[0].created: 'yesterday' is not a date-time"),
        ("linked page", "first: is a link to a page"),
        ("bad colour", "annotator:labels[0].color: 'blue' is not a colour"),
        ("bad attribute", "annotator:attributes.stance"),
    ],
)
def test_a_broken_file_is_named_and_changes_nothing(rich_db, exported, tmp_path, capsys, how, says):
    data = json.loads(exported.read_text(encoding="utf-8"))
    # The emoji claim first: its quote has 10 code points and starts the text.
    items = data["first"]["items"]
    items.sort(key=lambda a: a["target"]["selector"][0]["exact"] != "Line one 😀")
    broken = _break(data, how)
    bad = tmp_path / "bad.jsonld"
    bad.write_bytes(broken if isinstance(broken, bytes) else json.dumps(broken).encode())
    before = db_state(rich_db)
    capsys.readouterr()
    assert main(["import", "--db", str(rich_db), str(bad)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"annotator: error: {bad}: ") and "\n" not in err
    assert says in err
    assert db_state(rich_db) == before


def test_recognised_by_context_and_type(exported, tmp_path):
    assert w3c.recognises(exported)
    data = json.loads(exported.read_text(encoding="utf-8"))
    single, listed = tmp_path / "one.json", tmp_path / "many.json"
    single.write_text(json.dumps(data["first"]["items"][0]), encoding="utf-8")
    listed.write_text(json.dumps(data["first"]["items"]), encoding="utf-8")
    assert w3c.recognises(single) and w3c.recognises(listed)
    assert len(w3c.read(listed).documents) == 3
    other = tmp_path / "other.jsonld"
    other.write_text('{"@context": "https://schema.org", "type": "Person"}', encoding="utf-8")
    ours = tmp_path / "set.json"
    aset = w3c.read(exported)
    ours.write_bytes(render_bytes(aset))
    text = tmp_path / "notes.txt"
    text.write_text("http://www.w3.org/ns/anno.jsonld is the context", encoding="utf-8")
    assert not any(w3c.recognises(p) for p in (other, ours, text, tmp_path))


@pytest.mark.parametrize(
    "ann_id",
    ["6f1c1c0e-6a43-4d0e-9a53-8d2f0b7e0a11", "http://x.org/a", "a b/ü", "urn:uuid:x", "", "x:"],
)
def test_any_annotation_id_survives_its_iri(ann_id):
    iri = w3c.annotation_iri(ann_id)
    assert iri.split(":", 1)[0] and " " not in iri
    assert w3c.annotation_id(iri) == ann_id


def test_one_annotation_out_of_the_collection_keeps_its_attributes(
    rich_db, exported, tmp_path, capsys
):
    from pyld import jsonld

    anno = json.loads((TOOLS / "w3c" / "anno.jsonld").read_bytes())

    def offline(url, options=None):  # the standard's context, from our copy of it
        assert url.rstrip("/") in (w3c.ANNO_CONTEXT, w3c.ANNO_CONTEXT.replace("http:", "https:"))
        return {
            "contentType": "application/ld+json",
            "contextUrl": None,
            "documentUrl": url,
            "document": anno,
        }

    items = json.loads(exported.read_text(encoding="utf-8"))["first"]["items"]
    one = next(a for a in items if w3c.ATTRIBUTES in a)
    # Alone, as an annotation server stores it: a JSON-LD processor reads our terms.
    (expanded,) = jsonld.expand(one, {"documentLoader": offline})
    assert expanded[w3c.VOCAB + "attributes"] == [
        {"@type": "@json", "@value": {"speaker": "Raymond Siu", "stance": "supports"}}
    ]
    assert expanded["http://www.w3.org/ns/oa#hasTarget"]  # the standard's terms as well
    assert not [key for key in expanded if key.startswith("annotator:")]

    alone = tmp_path / "one.jsonld"
    alone.write_text(json.dumps(one, ensure_ascii=False), encoding="utf-8")
    fresh = tmp_path / "fresh.db"
    only_documents(fresh, ("a", CRLF_BORN), ("b", PLAIN))
    capsys.readouterr()
    assert main(["import", "--db", str(fresh), str(alone)]) == 0
    assert "1 annotation(s) added" in capsys.readouterr().out
    (got,) = stored(fresh).values()
    assert got[4] == one["target"]["selector"][0]["exact"]
    assert got[9] == (("speaker", "Raymond Siu"), ("stance", "supports"))
