"""Annotation set and label scheme cases: bad types, huge integers, deep JSON, NUL
texts, names with line breaks or control characters, 150-character labels, dates at the
edge of the calendar."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

from tests.fuzz.test_hostile_inputs import a_set, tiny
from tests.hostile.case import Case, Expect, Run, write
from tests.hostile.common import Check, import_case

Edit = Callable[[dict], Any]
DEEP = 100_000
EDGE_DATES = [
    "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59-14:00",
    "0000-01-01T00:00:00Z",
    "10000-01-01T00:00:00Z",
    "2026-02-30T00:00:00Z",
    "2026-01-31T24:00:00Z",
    "2026-12-31T23:59:60Z",
    "-0001-01-01T00:00:00Z",
]


def _edited(source: str, edit: Edit) -> Callable[[Path], bytes]:
    def derive(base: Path) -> bytes:
        data = json.loads((base / source).read_bytes())
        edit(data)
        return json.dumps(data).encode()

    return derive


def _doc(data: dict) -> dict:
    return data["documents"][0]


def _ann(data: dict) -> dict:
    return data["documents"][0]["annotations"][0]


def no_line_breaks(folder: Path, out: str, err: str) -> str | None:
    """A check: no label, annotator or title in the database holds a line break or a
    control character (the window's rules)."""
    with closing(sqlite3.connect(folder / "work.db")) as conn:
        values = [r[0] for r in conn.execute("SELECT name FROM labels")]
        values += [r[0] for r in conn.execute("SELECT title FROM documents")]
        values += [r[0] for r in conn.execute("SELECT DISTINCT annotator FROM annotations")]
    for value in values:
        if any(ord(c) < 32 or c == "\x7f" for c in value or ""):
            return f"stored {value!r}"
    return None


SET_EDITS: list[tuple[str, Expect, Edit, str, Check | None]] = [
    ("title a number", "refuse", lambda d: _doc(d).update(title=5), "", None),
    ("labels an object", "refuse", lambda d: d.update(labels={}), "", None),
    ("start a string", "refuse", lambda d: _ann(d).update(start="3"), "", None),
    ("end null", "refuse", lambda d: _ann(d).update(end=None), "", None),
    ("start a float", "refuse", lambda d: _ann(d).update(start=1.5), "", None),
    ("start true", "refuse", lambda d: _ann(d).update(start=True), "", None),
    ("annotations a string", "refuse", lambda d: _doc(d).update(annotations="x"), "", None),
    ("documents null", "refuse", lambda d: d.update(documents=None), "", None),
    ("start after end", "refuse", lambda d: _ann(d).update(start=50, end=10), "", None),
    ("end past the text", "refuse", lambda d: _ann(d).update(end=10**6), "", None),
    ("negative start", "refuse", lambda d: _ann(d).update(start=-1), "", None),
    ("start 2^63", "refuse", lambda d: _ann(d).update(start=2**63), "integer ranges", None),
    ("end 10^30", "refuse", lambda d: _ann(d).update(end=10**30), "", None),
    ("version 2^63", "refuse", lambda d: _doc(d).update(version=2**63), "integer ranges", None),
    ("version -1", "refuse", lambda d: _doc(d).update(version=-1), "integer ranges", None),
    ("length 2^64", "refuse", lambda d: _doc(d).update(length=2**64), "", None),
    ("format_version 2", "refuse", lambda d: d.update(format_version=2), "", None),
    ("format_version 2^64", "refuse", lambda d: d.update(format_version=2**64), "", None),
    ("unknown format", "refuse", lambda d: d.update(format="something-else"), "", None),
    ("offset unit bytes", "refuse", lambda d: d.update(offset_unit="byte"), "", None),
    ("colour not a colour", "refuse", lambda d: d["labels"][0].update(color="#zzzzzz"), "", None),
    ("quote that does not match", "refuse", lambda d: _ann(d).update(quote="nope"), "", None),
    ("text with a NUL", "refuse", lambda d: _doc(d).update(text="Bad\x00text"), "validation", None),
    (
        "title with a NUL",
        "either",
        lambda d: _doc(d).update(title="Ti\x00tle"),
        "validation",
        no_line_breaks,
    ),
    (
        "title with a line break",
        "either",
        lambda d: _doc(d).update(title="Ti\ntle"),
        "validation",
        no_line_breaks,
    ),
    (
        "annotator with a line break",
        "either",
        lambda d: _ann(d).update(annotator="al\nice"),
        "validation",
        no_line_breaks,
    ),
    (
        "annotator with control characters",
        "either",
        lambda d: _ann(d).update(annotator="al\x07ice\x1b[31m"),
        "validation",
        no_line_breaks,
    ),
    (
        "label with a line break",
        "refuse",
        lambda d: _rename_label(d, "cl\naim"),
        "validation",
        None,
    ),
    (
        "label with a control character",
        "refuse",
        lambda d: _rename_label(d, "cl\x07aim"),
        "validation",
        None,
    ),
    (
        "label of 150 characters",
        "refuse",
        lambda d: _rename_label(d, "x" * 150),
        "validation",
        None,
    ),
    (
        "label of SQL",
        "accept",
        lambda d: _rename_label(d, "x'); DROP TABLE documents;--"),
        "",
        None,
    ),
    ("label an emoji family", "accept", lambda d: _rename_label(d, "👨‍👩‍👧 claim"), "", None),
    ("lone surrogate in a title", "refuse", lambda d: _doc(d).update(title="\ud800"), "", None),
    ("deep JSON inside", "refuse", lambda d: d.update(extra="DEEP"), "", None),
    (
        "an annotation twice",
        "either",
        lambda d: _doc(d)["annotations"].append(dict(_ann(d))),
        "",
        None,
    ),
    (
        "same id, other content",
        "refuse",
        lambda d: _doc(d)["annotations"].append({**_ann(d), "note": "other"}),
        "",
        None,
    ),
    (
        "attribute value deep",
        "refuse",
        lambda d: _ann(d).update(attributes={"speaker": [[[[["x"]]]]]}),
        "",
        None,
    ),
    ("unknown attribute", "either", lambda d: _ann(d).update(attributes={"nope": "x"}), "", None),
    ("note of a megabyte", "accept", lambda d: _ann(d).update(note="n" * 2**20), "", None),
]


def _rename_label(data: dict, name: str) -> None:
    old = data["labels"][0]["name"]
    data["labels"][0]["name"] = name
    for document in data["documents"]:
        for annotation in document["annotations"]:
            if annotation["label"] == old:
                annotation["label"] = name


def _deep(edit: Edit) -> Callable[[Path], bytes]:
    inner = _edited("set.json", edit)

    def derive(base: Path) -> bytes:
        nested = "[" * DEEP + "]" * DEEP
        return inner(base).replace(b'"DEEP"', nested.encode())

    return derive


def set_cases() -> list[Case]:
    cases = [
        import_case(
            "set as exported",
            "annotation sets",
            "accept",
            "s.json",
            derive=lambda b: (b / "set.json").read_bytes(),
        ),
        import_case(
            "set without texts",
            "annotation sets",
            "accept",
            "s.json",
            derive=lambda b: (b / "set-notext.json").read_bytes(),
        ),
        import_case(
            "set nested 100,000 deep (arrays)",
            "annotation sets",
            "refuse",
            "s.json",
            lambda: b"[" * DEEP + b"]" * DEEP,
        ),
        import_case(
            "set nested 100,000 deep (objects)",
            "annotation sets",
            "refuse",
            "s.json",
            lambda: b'{"a":' * DEEP + b"1" + b"}" * DEEP,
        ),
        import_case(
            "set of raw surrogate bytes",
            "annotation sets",
            "refuse",
            "s.json",
            derive=lambda b: (b / "set.json").read_bytes().replace(b'"Cameras"', b'"\xed\xa0\x80"'),
        ),
        import_case(
            "set truncated",
            "annotation sets",
            "refuse",
            "s.json",
            derive=lambda b: (b / "set.json").read_bytes()[:3000],
        ),
        import_case(
            "set with a BOM",
            "annotation sets",
            "either",
            "s.json",
            derive=lambda b: b"\xef\xbb\xbf" + (b / "set.json").read_bytes(),
        ),
        import_case(
            "set in UTF-16",
            "annotation sets",
            "either",
            "s.json",
            derive=lambda b: (b / "set.json").read_text("utf-8").encode("utf-16"),
        ),
        import_case(
            "set of 20,000 tiny annotations",
            "annotation sets",
            "accept",
            "s.json",
            lambda: json.dumps(
                a_set("ab " * 7000, [tiny("ab " * 7000, i) for i in range(20_000)])
            ).encode(),
            timeout=60,
        ),
        import_case(
            "JSON that is a number", "annotation sets", "refuse", "s.json", lambda: b"1e999999"
        ),
        import_case(
            "JSON NaN",
            "annotation sets",
            "refuse",
            "s.json",
            derive=lambda b: (b / "set.json").read_bytes().replace(b'"start": 22', b'"start": NaN'),
        ),
    ]
    for what, expect, edit, finding, check in SET_EDITS:
        derive = _deep(edit) if what == "deep JSON inside" else _edited("set.json", edit)
        cases.append(
            import_case(
                f"set {what}",
                "annotation sets",
                expect,
                "s.json",
                derive=derive,
                finding=finding,
                check=check,
            )
        )
    for date in EDGE_DATES:
        for field in ("created_at", "updated_at"):
            cases.append(
                import_case(
                    f"set {field} {date}",
                    "annotation sets",
                    "refuse",
                    "s.json",
                    derive=_edited("set.json", lambda d, f=field, v=date: _ann(d).update({f: v})),
                    finding="dates at the edge of the calendar",
                )
            )
    cases.append(
        import_case(
            "set exported_at 0001-01-01T00:00:00+14:00",
            "annotation sets",
            "either",
            "s.json",
            derive=_edited("set.json", lambda d: d.update(exported_at=EDGE_DATES[0])),
            finding="dates at the edge of the calendar",
        )
    )
    return cases


def _scheme_case(name: str, expect: Expect, make: Callable[[Path], bytes], finding: str = ""):
    def build(folder: Path, base: Path) -> Run:
        path = write(folder / "in", "scheme.json", make(base))
        return Run(["@scheme", str(path)])

    return Case(f"scheme {name}", "label schemes", expect, build, finding)


def _scheme_edit(edit: Edit) -> Callable[[Path], bytes]:
    return _edited("scheme.json", edit)


def scheme_cases() -> list[Case]:
    label = {"name": "x", "color": "#123456", "hotkey": "", "attributes": []}
    cases = [
        _scheme_case("as exported", "accept", lambda b: (b / "scheme.json").read_bytes()),
        _scheme_case("an annotation set", "accept", lambda b: (b / "set.json").read_bytes()),
        _scheme_case("not JSON", "refuse", lambda b: b"labels: [claim]"),
        _scheme_case("nested 100,000 deep", "refuse", lambda b: b"[" * DEEP + b"]" * DEEP),
        _scheme_case(
            "label of 150 characters",
            "refuse",
            _scheme_edit(lambda d: d["labels"][0].update(name="y" * 150)),
            "validation",
        ),
        _scheme_case(
            "label with a line break",
            "refuse",
            _scheme_edit(lambda d: d["labels"][0].update(name="a\nb")),
            "validation",
        ),
        _scheme_case(
            "label with a control character",
            "refuse",
            _scheme_edit(lambda d: d["labels"][0].update(name="a\x1bb")),
            "validation",
        ),
        _scheme_case(
            "two labels of one name",
            "refuse",
            _scheme_edit(lambda d: d["labels"].append(dict(d["labels"][0]))),
        ),
        _scheme_case("labels null", "refuse", _scheme_edit(lambda d: d.update(labels=None))),
        _scheme_case(
            "colour a number", "refuse", _scheme_edit(lambda d: d["labels"][0].update(color=255))
        ),
        _scheme_case(
            "10,000 labels",
            "either",
            _scheme_edit(
                lambda d: d.update(labels=[{**label, "name": f"l{i}"} for i in range(10_000)])
            ),
        ),
        _scheme_case("empty file", "refuse", lambda b: b""),
    ]

    def fifo(folder: Path, base: Path) -> Run:
        path = folder / "in" / "scheme.json"
        path.parent.mkdir()
        import os

        os.mkfifo(path)
        return Run(["@scheme", str(path)], timeout=10)

    cases.append(Case("scheme a FIFO", "label schemes", "refuse", fifo))
    return cases
