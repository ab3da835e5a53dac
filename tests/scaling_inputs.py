"""The hostile battery's scaling cases as inputs of any size ``n``, built by code; shared by
tests/test_scaling.py (bounds on counted work) and bench/scaling.py (medians in seconds).

Each ``make_*`` takes ``n`` (and a folder for readers that read files) and returns the call
that imports the input.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from annotator.core.html_text import html_to_text
from annotator.core.office import epub_text
from annotator.formats import brat, doccano, label_studio, refi_qda, w3c

UNTERMINATED = {"comment": "<!--", "end tag": "</a", "cdata": "<![CDATA["}
PAGE_400K = 400_000  # bytes in the battery's "400 KB page"


def page(unit: str, n: int) -> str:
    """A page of ``n`` unterminated ``unit`` constructs, each after a word of text."""
    return "<html><body><p>start" + f"<p>word {unit}" * n


def bare_page(unit: str, n: int) -> str:
    """Nothing but ``n`` unterminated ``unit`` constructs."""
    return unit * n


def units_in_400k(unit: str) -> int:
    """How many ``unit`` make the battery's 400 KB page."""
    return PAGE_400K // len(unit)


def make_html(unit: str, *, bare: bool = False) -> Callable[[int], Callable[[], Any]]:
    build = bare_page if bare else page
    return lambda n: (lambda html: lambda: html_to_text(html))(build(unit, n))


def epub(chapter: str) -> bytes:
    """A one-chapter EPUB book holding ``chapter`` as its XHTML."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("mimetype", "application/epub+zip")
        book.writestr(
            "META-INF/container.xml",
            '<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
            '<rootfile full-path="OEBPS/content.opf"/></rootfiles></container>',
        )
        book.writestr(
            "OEBPS/content.opf",
            '<package xmlns="http://www.idpf.org/2007/opf"><manifest>'
            '<item id="c1" href="c1.xhtml"/></manifest><spine><itemref idref="c1"/></spine>'
            "</package>",
        )
        book.writestr("OEBPS/c1.xhtml", chapter, zipfile.ZIP_STORED)  # no zip-bomb ratio
    return out.getvalue()


def make_epub(unit: str, *, bare: bool = False) -> Callable[[int], Callable[[], Any]]:
    build = bare_page if bare else page
    return lambda n: (lambda data: lambda: epub_text(data))(epub(build(unit, n)))


def guid(i: int) -> str:
    return f"00000000-0000-4000-8000-{i:012d}"


def make_refi_qda(n: int) -> Callable[[], Any]:
    """A project with ``n`` codes without colours (each gets a palette colour)."""
    codes = "".join(f'<Code guid="{guid(i)}" name="code {i}" isCodable="true"/>' for i in range(n))
    project = (
        '<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" '
        f'name="p" origin="Test"><CodeBook><Codes>{codes}</Codes></CodeBook><Sources>'
        f'<TextSource guid="{guid(n)}" name="t"><PlainTextContent>text</PlainTextContent>'
        "</TextSource></Sources></Project>"
    ).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", project)
    data = out.getvalue()
    return lambda: refi_qda.parse_qdpx(data, file="codes.qdpx")


TEXT = "word " * 4


def make_doccano(folder: Path) -> Callable[[int], Callable[[], Any]]:
    def make(n: int) -> Callable[[], Any]:
        path = folder / f"doccano-{n}.jsonl"
        lines = (json.dumps({"text": TEXT, "label": [[0, 4, f"label {i}"]]}) for i in range(n))
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return lambda: doccano.read(path)

    return make


def make_label_studio(folder: Path) -> Callable[[int], Callable[[], Any]]:
    def make(n: int) -> Callable[[], Any]:
        path = folder / f"label-studio-{n}.json"
        region = {"type": "labels", "from_name": "label", "to_name": "text"}
        tasks = [
            {
                "data": {"text": TEXT},
                "annotations": [
                    {"result": [{**region, "value": {"start": 0, "end": 4, "labels": [f"l{i}"]}}]}
                ],
            }
            for i in range(n)
        ]
        path.write_text(json.dumps(tasks), encoding="utf-8")
        return lambda: label_studio.read(path)

    return make


def make_w3c(n: int) -> Callable[[], Any]:
    """``n`` annotations from another tool, each tagging with a label of its own."""
    source = "urn:sha256:" + "0" * 64
    items = [
        {
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": f"http://example.org/anno/{i}",
            "type": "Annotation",
            "creator": "http://example.org/people/dana",
            "created": "2025-03-01T10:00:00+01:00",
            "body": [{"type": "TextualBody", "purpose": "tagging", "value": f"label {i}"}],
            "target": {
                "source": source,
                "selector": [
                    {"type": "TextPositionSelector", "start": 0, "end": 4},
                    {"type": "TextQuoteSelector", "exact": "word"},
                ],
            },
        }
        for i in range(n)
    ]
    data = json.dumps(items).encode()
    return lambda: w3c.parse(data, file="other.jsonld")


def make_brat(folder: Path) -> Callable[[int], Callable[[], Any]]:
    """A brat folder whose one document has ``n`` entity types, none in annotation.conf."""

    def make(n: int) -> Callable[[], Any]:
        where = folder / f"brat-{n}"
        where.mkdir()
        (where / "doc.txt").write_text(TEXT, encoding="utf-8")
        lines = (f"T{i + 1}\tType_{i} 0 4\tword" for i in range(n))
        (where / "doc.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
        return lambda: brat.read(where)

    return make
