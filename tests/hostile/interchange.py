"""Interchange-format cases: brat folders (symlinks out, /dev/zero, FIFOs, sparse files,
/proc), REFI-QDA projects (zip members dated 0, edge dates, 20,000 codes), W3C, doccano
and Label Studio files."""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
from collections.abc import Callable
from pathlib import Path

from tests.fuzz.samples import members_of, zip_of
from tests.hostile.case import SECRET, Case, Expect, Run, link_names, outside
from tests.hostile.common import Check, base_db, import_case
from tests.hostile.sets import DEEP, EDGE_DATES, no_line_breaks

# Labels in the colour-allocation cases: rebuilding the set of used colours per label
# took 12-13 s for 20,000 (issue 17), four times that for these; one pass takes seconds.
MANY = 40_000
SLOW = 25.0

# -- brat ----------------------------------------------------------------------------

Tweak = Callable[[Path, Path], str | None]  # (brat folder, case folder) -> named file


def brat_case(
    name: str,
    expect: Expect,
    tweak: Tweak,
    *,
    finding: str = "",
    timeout: float = 30.0,
    check: Check | None = None,
) -> Case:
    """The base brat export in ``in/brat``, changed by ``tweak``, imported as a folder."""

    def build(folder: Path, base: Path) -> Run:
        db = base_db(folder, base, source="other.db")
        brat = folder / "in" / "brat"
        shutil.copytree(base / "brat", brat)
        named = tweak(brat, folder)
        return Run(
            ["import", "--db", str(db), str(brat)],
            db=db,
            names=named or "brat",
            timeout=timeout,
            check=check,
            db_may_change=True,
        )

    return Case(f"brat {name}", "brat folders", expect, build, finding)


def _beside(text_name: str, make: Callable[[Path], None], start: str = "Some") -> Tweak:
    """``make`` the text file ``text_name`` (a link, FIFO...) with an .ann beside it that
    marks its first four characters, ``start``: what a reader following it would find."""

    def tweak(brat: Path, folder: Path) -> str:
        path = brat / text_name
        make(path)
        ann = f"T1\tclaim 0 4\t{start}\n"
        path.with_suffix(".ann").write_text(ann, encoding="utf-8")
        return link_names(path)

    return tweak


def _sparse(path: Path) -> None:
    with path.open("wb") as handle:
        handle.truncate(1 << 30)


def _edit_ann(pattern: str, replacement: str) -> Tweak:
    def tweak(brat: Path, folder: Path) -> str:
        ann = brat / "Cameras.ann"
        ann.write_text(re.sub(pattern, replacement, ann.read_text("utf-8"), count=1), "utf-8")
        return "Cameras.ann"

    return tweak


def _many_types(brat: Path, folder: Path) -> None:
    text = "ab " * MANY
    (brat / "Many.txt").write_text(text, encoding="utf-8")
    lines = [f"T{i + 1}\ttype{i} {3 * i} {3 * i + 2}\tab" for i in range(MANY)]
    (brat / "Many.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (brat / "annotation.conf").unlink()
    (brat / "visual.conf").unlink()
    return None


def names_skipped(name: str) -> Check:
    """A check: the import (refused, or accepted without the file) names ``name``."""

    def check(folder: Path, out: str, err: str) -> str | None:
        return None if name in out + err else f"nothing says {name} was left out"

    return check


def brat_cases() -> list[Case]:
    guards = "brat and folder imports bypass the file guards"
    links = "symlinks out of the imported folder"
    cases = [
        brat_case("as exported", "accept", lambda b, f: None),
        brat_case(
            "z.txt -> /dev/zero",
            "refuse",
            _beside("z.txt", lambda p: p.symlink_to("/dev/zero")),
            finding=guards,
            timeout=15,
        ),
        brat_case(
            "z.txt a FIFO", "refuse", _beside("z.txt", os.mkfifo), finding=guards, timeout=10
        ),
        brat_case("z.txt sparse, 1 GiB", "refuse", _beside("z.txt", _sparse), finding=guards),
        brat_case(
            "notes.txt -> a file outside",
            "either",
            lambda b, f: _beside("notes.txt", lambda p: p.symlink_to(outside(f)), SECRET[:4])(b, f),
            finding=links,
            check=names_skipped("notes.txt"),
        ),
        brat_case(
            "status.txt -> /proc/self/status",
            "either",
            _beside("status.txt", lambda p: p.symlink_to("/proc/self/status"), "Name"),
            finding=guards,
            check=names_skipped("status.txt"),
        ),
        brat_case(
            "environ.txt -> /proc/self/environ",
            "either",
            _beside("environ.txt", lambda p: p.symlink_to("/proc/self/environ"), _environ()),
            finding=guards,
            check=names_skipped("environ.txt"),
        ),
        brat_case("link.txt -> a file inside", "accept", _link_inside),
        brat_case(
            "deep JSON in a Provenance comment",
            "either",
            _edit_ann(r"\{\"id\"", "[" * DEEP + "]" * DEEP + ' {"id"'),
            finding="deep JSON in brat comments",
        ),
        brat_case(
            "deep JSON in a note",
            "either",
            _edit_ann(r"AnnotatorNotes T2\ta note", "AnnotatorNotes T2\t" + "[" * DEEP),
            finding="deep JSON in brat comments",
        ),
        brat_case(
            "type with a control character",
            "refuse",
            _edit_ann(r"T2\tstatistic", "T2\tstat\x07istic"),
            finding="validation",
            check=no_line_breaks,
        ),
        brat_case(
            "type of 150 characters",
            "refuse",
            _edit_ann(r"T2\tstatistic", "T2\t" + "s" * 150),
            finding="validation",
        ),
        brat_case("offsets of 2^63", "refuse", _edit_ann(r"22 33", f"{2**63} {2**63 + 11}")),
        brat_case(
            "ann not UTF-8",
            "refuse",
            _put("Plain.ann", b"T1\tclaim 0 4\t\xff\xfe\n"),
        ),
        brat_case(
            "ann without its text",
            "refuse",
            _put("lost.ann", b""),
        ),
        brat_case(
            "annotation.conf garbage",
            "refuse",
            _put("annotation.conf", b"[entities]\n\x00\xff" * 100),
        ),
        brat_case(
            "40,000 entity types",
            "accept",
            _many_types,
            timeout=SLOW,
            finding="label colours quadratic",
        ),
        brat_case(
            "a folder named x.txt",
            "either",
            _folder_as_text,
        ),
    ]
    return cases


def _put(name: str, data: bytes) -> Tweak:
    def tweak(brat: Path, folder: Path) -> str:
        (brat / name).write_bytes(data)
        return name

    return tweak


def _folder_as_text(brat: Path, folder: Path) -> str:
    (brat / "x.txt").mkdir()
    (brat / "x.ann").write_text("", encoding="utf-8")
    return "x"


def _environ() -> str:
    """The first four characters of a forked child's /proc/self/environ (its
    environment at exec: the worker's)."""
    with open("/proc/self/environ", "rb") as handle:
        return handle.read(4).decode("utf-8", "replace")


def _link_inside(brat: Path, folder: Path) -> None:
    (brat / "Link.txt").symlink_to("Cameras.txt")
    shutil.copyfile(brat / "Cameras.ann", brat / "Link.ann")
    return None


# -- REFI-QDA ------------------------------------------------------------------------


def _qdpx(edit: Callable[[str], str]) -> Callable[[Path], bytes]:
    def derive(base: Path) -> bytes:
        members = members_of((base / "project.qdpx").read_bytes())
        members["project.qde"] = edit(members["project.qde"].decode()).encode()
        return zip_of(members)

    return derive


def _dated_zero(base: Path) -> bytes:
    """The export without the project's own dates (so its time comes from the zip) and
    with every zip member's date and time fields 0."""
    members = members_of((base / "project.qdpx").read_bytes())
    project = members["project.qde"].decode()
    tag = project.index("<Project")
    end = project.index(">", tag)
    head = re.sub(r' (creation|modified)DateTime="[^"]*"', "", project[tag:end])
    members["project.qde"] = (project[:tag] + head + project[end:]).encode()
    data = bytearray(zip_of(members))
    for match in re.finditer(rb"PK\x03\x04|PK\x01\x02", bytes(data)):
        at = match.start() + (10 if match.group() == b"PK\x03\x04" else 12)
        data[at : at + 4] = struct.pack("<HH", 0, 0)
    return bytes(data)


def _codes(count: int) -> Callable[[str], str]:
    def edit(project: str) -> str:
        codes = "".join(
            f'<Code guid="00000000-0000-4000-8000-{i:012d}" name="code {i}" isCodable="true"/>'
            for i in range(count)
        )
        return project.replace("<Codes>", "<Codes>" + codes, 1)

    return edit


def _laughs(project: str) -> str:
    entities = '<!ENTITY a0 "aaaaaaaaaa">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 9)
    )
    project = project.replace("<Project", f"<!DOCTYPE Project [{entities}]><Project", 1)
    return project.replace('name="Annotator export"', 'name="&a8;"', 1)


def refi_cases() -> list[Case]:
    dates = "dates at the edge of the calendar"

    def q(name: str, expect: Expect, **kw) -> Case:
        return import_case(f"qdpx {name}", "REFI-QDA", expect, "p.qdpx", **kw)

    cases = [
        q("as exported", "accept", derive=lambda b: (b / "project.qdpx").read_bytes()),
        q("zip members dated 0", "either", derive=_dated_zero, finding="zip member dated 0"),
        q(
            "40,000 codes",
            "accept",
            derive=_qdpx(_codes(MANY)),
            timeout=SLOW,
            finding="label colours quadratic",
        ),
        q("not XML", "refuse", derive=_qdpx(lambda p: "not <xml")),
        q(
            "nested 100,000 deep",
            "refuse",
            derive=_qdpx(lambda p: p.replace("<Users>", "<a>" * DEEP + "</a>" * DEEP + "<Users>")),
        ),
        q("billion laughs", "refuse", derive=_qdpx(_laughs)),
        q(
            "source outside the archive",
            "refuse",
            derive=_qdpx(
                lambda p: p.replace(
                    'plainTextPath="internal://', 'plainTextPath="absolute:///etc/passwd#', 1
                )
            ),
        ),
        q(
            "source path traversing",
            "refuse",
            derive=_qdpx(
                lambda p: p.replace(
                    'plainTextPath="internal://', 'plainTextPath="internal://../../', 1
                )
            ),
        ),
        q(
            "position 2^63",
            "refuse",
            derive=_qdpx(lambda p: p.replace('endPosition="60"', f'endPosition="{2**63}"', 1)),
        ),
        q(
            "code with a control character",
            "refuse",
            derive=_qdpx(lambda p: p.replace('name="claim"', 'name="cl&#7;aim"', 1)),
            finding="validation",
        ),
        q(
            "code of 150 characters",
            "refuse",
            derive=_qdpx(lambda p: p.replace('name="claim"', f'name="{"c" * 150}"', 1)),
            finding="validation",
        ),
        q(
            "user with a line break",
            "either",
            derive=_qdpx(lambda p: p.replace('name="bob"', 'name="b&#10;ob"', 1)),
            finding="validation",
            check=no_line_breaks,
        ),
        q("truncated", "refuse", derive=lambda b: (b / "project.qdpx").read_bytes()[:900]),
    ]
    for date in EDGE_DATES:
        cases.append(
            q(
                f"creationDateTime {date}",
                "either",
                finding=dates,
                derive=_qdpx(
                    lambda p, d=date: re.sub(
                        r'creationDateTime="[^"]*"', f'creationDateTime="{d}"', p
                    )
                ),
            )
        )
    return cases


# -- W3C, doccano, Label Studio --------------------------------------------------------


def _json_edit(source: str, edit: Callable[[object], object]) -> Callable[[Path], bytes]:
    def derive(base: Path) -> bytes:
        data = json.loads((base / source).read_bytes())
        return json.dumps(edit(data) or data).encode()

    return derive


def _w3c_items(data: dict) -> list[dict]:
    return data["first"]["items"] if "first" in data else data["items"]


def _set_first(key: str, value: object) -> Callable[[dict], None]:
    def edit(data: dict) -> None:
        _w3c_items(data)[0][key] = value

    return edit


def _w3c_labels(count: int) -> Callable[[dict], None]:
    def edit(data: dict) -> None:
        items = _w3c_items(data)
        template = items[0]
        body = template["body"]
        for i in range(count):
            item = json.loads(json.dumps(template))
            item["id"] = f"urn:uuid:00000000-0000-4000-8000-{i:012d}"
            if isinstance(body, list):
                item["body"] = [
                    {**b, "value": f"tag {i}"} if isinstance(b, dict) else b for b in body
                ]
            else:
                item["body"] = {**body, "value": f"tag {i}"}
            items.append(item)
        data.pop("annotator:labels", None)
        data["total"] = len(items)

    return edit


def _doccano(edit: Callable[[list[dict]], None]) -> Callable[[Path], bytes]:
    def derive(base: Path) -> bytes:
        lines = [json.loads(line) for line in (base / "doccano.jsonl").read_text().splitlines()]
        edit(lines)
        return "\n".join(json.dumps(line) for line in lines).encode() + b"\n"

    return derive


def _doccano_labels(lines: list[dict]) -> None:
    text = "ab " * MANY
    lines.append(
        {
            "id": "many",
            "text": text,
            "label": [[3 * i, 3 * i + 2, f"tag {i}"] for i in range(MANY)],
        }
    )


def _ls_result(data: list[dict]) -> dict:
    return data[0]["annotations"][0]["result"][0]


def _ls_labels(data: list[dict]) -> None:
    text = "ab " * MANY
    result = [
        {
            "id": f"r{i}",
            "type": "labels",
            "from_name": "label",
            "to_name": "text",
            "value": {"start": 3 * i, "end": 3 * i + 2, "text": "ab", "labels": [f"tag {i}"]},
        }
        for i in range(MANY)
    ]
    data.append({"data": {"text": text}, "annotations": [{"result": result}]})


def task_cases() -> list[Case]:
    colours = "label colours quadratic"

    def w(name: str, expect: Expect, edit, **kw) -> Case:
        return import_case(
            f"w3c {name}", "W3C", expect, "a.jsonld", derive=_json_edit("w3c.jsonld", edit), **kw
        )

    def d(name: str, expect: Expect, edit, **kw) -> Case:
        return import_case(
            f"doccano {name}", "doccano", expect, "d.jsonl", derive=_doccano(edit), **kw
        )

    def ls(name: str, expect: Expect, edit, **kw) -> Case:
        return import_case(
            f"label studio {name}",
            "Label Studio",
            expect,
            "ls.json",
            derive=_json_edit("label-studio.json", edit),
            **kw,
        )

    cases = [
        w("as exported", "accept", lambda data: None),
        w(
            "created 0001-01-01T00:00:00+14:00",
            "either",
            _set_first("created", EDGE_DATES[0]),
            finding="dates at the edge of the calendar",
        ),
        w(
            "modified 9999-12-31T23:59:59-14:00",
            "either",
            _set_first("modified", EDGE_DATES[1]),
            finding="dates at the edge of the calendar",
        ),
        w("created year 0", "either", _set_first("created", EDGE_DATES[2])),
        w("target a number", "refuse", _set_first("target", 5)),
        w("items a string", "refuse", lambda data: data.update(items="x", first="x")),
        w("40,000 tags", "accept", _w3c_labels(MANY), finding=colours, timeout=SLOW),
        w(
            "creator with a line break",
            "either",
            _set_first("creator", {"name": "a\nb"}),
            finding="validation",
            check=no_line_breaks,
        ),
        w("nested 100,000 deep", "refuse", lambda data: None),
        d("as exported", "accept", lambda lines: None),
        d("offsets of 2^63", "refuse", lambda lines: lines[0].update(label=[[0, 2**63, "claim"]])),
        d(
            "label of 150 characters",
            "refuse",
            lambda lines: lines[0].update(label=[[0, 3, "l" * 150]]),
            finding="validation",
        ),
        d(
            "label with a control character",
            "refuse",
            lambda lines: lines[0].update(label=[[0, 3, "a\x07b"]]),
            finding="validation",
        ),
        d(
            "text with a NUL",
            "refuse",
            lambda lines: lines[0].update(text="a\x00b"),
            finding="validation",
        ),
        d("40,000 labels", "accept", _doccano_labels, finding=colours, timeout=SLOW),
        d("label a number", "refuse", lambda lines: lines[0].update(label=[[0, 3, 7]])),
        ls("as exported", "accept", lambda data: None),
        ls("start 2^63", "refuse", lambda data: _ls_result(data)["value"].update(start=2**63)),
        ls(
            "label of 150 characters",
            "refuse",
            lambda data: _ls_result(data)["value"].update(labels=["z" * 150]),
            finding="validation",
        ),
        ls(
            "label with a line break",
            "refuse",
            lambda data: _ls_result(data)["value"].update(labels=["a\nb"]),
            finding="validation",
        ),
        ls(
            "created_at 0001-01-01T00:00:00+14:00",
            "either",
            lambda data: data[0]["annotations"][0].update(created_at=EDGE_DATES[0]),
            finding="dates at the edge of the calendar",
        ),
        ls("40,000 labels", "accept", _ls_labels, finding=colours, timeout=SLOW),
        ls("result null", "refuse", lambda data: data[0]["annotations"][0].update(result=None)),
    ]
    deep = cases[8]
    cases[8] = Case(deep.name, deep.category, deep.expect, _deep_w3c(deep.build))
    return cases


def _deep_w3c(build: Callable[[Path, Path], Run]) -> Callable[[Path, Path], Run]:
    def deep(folder: Path, base: Path) -> Run:
        run = build(folder, base)
        path = folder / "in" / "a.jsonld"
        data = path.read_bytes()
        path.write_bytes(data[:-1] + b', "x": ' + b"[" * DEEP + b"]" * DEEP + b"}")
        return run

    return deep


def interchange_cases() -> list[Case]:
    return [*brat_cases(), *refi_cases(), *task_cases()]
