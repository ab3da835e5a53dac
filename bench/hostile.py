"""Hostile inputs at full size (issue 7): how long an import takes and how much memory
it holds, each in a fresh ``annotator import`` process.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/hostile.py [--quick]

Prints one line per input: what it is, its size, the exit code, wall time and peak
resident memory. ``--quick`` leaves out the million-annotation set. Not part of the test
suite (tests/fuzz/test_hostile_inputs.py checks the same inputs at small sizes): nothing
here asserts.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tests.fuzz.samples import DOCX, EPUB_MEMBERS, lying_zip, members_of, opf, zip_of  # noqa: E402

T = "2026-01-31T12:00:00.000Z"
# `annotator import ARGS` in a fresh process that prints its peak resident memory (KiB,
# Linux's VmHWM, which unlike ru_maxrss starts afresh at exec) as its last line.
MEASURED = """
import re, sys
from pathlib import Path
from annotator.cli import main
try:
    code = main(["import", *sys.argv[1:]])
finally:
    status = Path("/proc/self/status").read_text()
    print(re.search(r"VmHWM:\\s+(\\d+)", status).group(1), file=sys.stderr)
sys.exit(code)
"""
TEN_MB = 10 * 2**20


def tiny_set(count: int) -> bytes:
    """One document and ``count`` one-character annotations, written compactly."""
    text = ("ab " * (count // 3 + 2))[: count + 40]
    head = {
        "format": "annotator-annotation-set",
        "format_version": 1,
        "exported_at": T,
        "generator": {"name": "annotator", "version": "1"},
        "offset_unit": "codepoint",
        "labels": [{"name": "claim", "color": "#0072b2", "hotkey": "1", "attributes": []}],
    }
    document = {
        "id": "d1",
        "title": "T",
        "source": "s",
        "sha256": hashlib.sha256(text.encode()).hexdigest(),
        "length": len(text),
        "text": text,
    }
    items = (
        json.dumps(
            {
                "id": f"a{i}",
                "label": "claim",
                "start": i,
                "end": i + 1,
                "quote": text[i],
                "prefix": text[max(0, i - 32) : i],
                "suffix": text[i + 1 : i + 33],
                "note": None,
                "annotator": "x",
                "created_at": T,
                "updated_at": T,
            },
            separators=(",", ":"),
        )
        for i in range(count)
    )
    body = json.dumps({**head, "documents": [{**document, "annotations": []}]})
    return body[: -len("]}]}")].encode() + ",".join(items).encode() + b"]}]}"


def tiny_paragraphs(count: int) -> bytes:
    """A DOCX of ``count`` one-word paragraphs (words varied, so it passes the ratio check)."""
    members = members_of(DOCX)
    paragraphs = "".join(f"<w:p><w:r><w:t>w{i}</w:t></w:r></w:p>" for i in range(count))
    document = members["word/document.xml"].decode()
    members["word/document.xml"] = document.replace("<w:body>", "<w:body>" + paragraphs, 1)
    return zip_of(members)


def inputs(quick: bool) -> list[tuple[str, str, bytes]]:
    accents = ("surveillance café naïve " * (TEN_MB // 24)).encode("cp1252")
    liar = lying_zip("content.xml", 1 << 30)
    out = [
        ("10 MB line, ASCII", "line.txt", b"word " * (TEN_MB // 5)),
        ("10 MB line, Windows-1252 accents", "accents.txt", accents),
        ("10 MB line, HTML", "line.html", b"<p>" + b"word " * (TEN_MB // 5) + b"</p>"),
        ("ODT header says 1,000 bytes, inflates to 1 GiB", "liar.odt", liar),
        (
            "EPUB spine names one chapter 200,000 times",
            "loop.epub",
            zip_of(
                {
                    **EPUB_MEMBERS,
                    "OEBPS/book.opf": opf('<itemref idref="c1"/>' * 200_000),
                    "OEBPS/one.xhtml": "<p>" + "chapter text " * 2000 + "</p>",
                },
                method=0,
            ),
        ),
        ("JSON nested 100,000 deep", "deep.json", b"[" * 100_000 + b"]" * 100_000),
        ("DOCX of 3,600,000 tiny paragraphs", "tiny.docx", tiny_paragraphs(3_600_000)),
    ]  # fmt: skip
    if not quick:
        out.append(("set of 1,000,000 one-character annotations", "million.json", tiny_set(10**6)))
    return out


def main() -> None:
    quick = "--quick" in sys.argv
    with tempfile.TemporaryDirectory() as folder:
        for what, name, data in inputs(quick):
            path = Path(folder) / name
            path.write_bytes(data)
            db = Path(folder) / f"{name}.db"
            env = {**os.environ, "PYTHONPATH": str(HERE.parent)}
            command = [sys.executable, "-c", MEASURED, "--db", str(db), str(path)]
            started = time.perf_counter()
            result = subprocess.run(command, env=env, capture_output=True, text=True)
            seconds = time.perf_counter() - started
            *said, peak = (result.stdout + result.stderr).strip().splitlines()
            print(
                f"{what:48} {len(data) / 2**20:6.1f} MiB  exit {result.returncode}  "
                f"{seconds:6.2f} s  {int(peak) / 1024:5.0f} MB  {said[-1][-60:]}",
                flush=True,
            )
            path.unlink()


if __name__ == "__main__":
    main()
