from __future__ import annotations

import io
import re
import time
import zipfile

import docx
import pytest

from annotator.core.importers import DocumentReadError, read_document
from annotator.core.office import ExtractError, docx_text, pdf_text


def make_docx(title="Press release", author="Police Public Relations Branch") -> bytes:
    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.author = author
    document.add_heading("CCTV cameras to be installed", level=1)
    document.add_paragraph("The Commissioner said 615 cameras will be installed.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "District"
    table.cell(0, 1).text = "Cameras"
    table.cell(1, 0).text = "Central"
    table.cell(1, 1).text = "2,000"
    document.add_paragraph("Details were not disclosed – “security”.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_pdf(pages: list[str], title: str | None = "Legislative Council reply") -> bytes:
    """A minimal PDF with a text layer, one Helvetica line per page, written by hand."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    font_id = 3 + 2 * len(pages)
    for i, line in enumerate(pages):
        shown = " T* ".join(f"({part}) Tj" for part in line.split("\n"))
        content = f"BT /F1 12 Tf 14 TL 72 720 Td {shown} ET".encode("latin-1") if line else b""
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * i} 0 R "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    info_id = None
    if title is not None:
        objects.append(f"<< /Title ({title}) /Author (LegCo Secretariat) >>".encode())
        info_id = len(objects)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    trailer = f"<< /Size {len(objects) + 1} /Root 1 0 R"
    if info_id:
        trailer += f" /Info {info_id} 0 R"
    out += f"trailer\n{trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def test_docx_paragraphs_and_tables_in_reading_order():
    extracted = docx_text(make_docx())
    assert extracted.text == (
        "CCTV cameras to be installed\n\n"
        "The Commissioner said 615 cameras will be installed.\n\n"
        "District\tCameras\nCentral\t2,000\n\n"
        "Details were not disclosed – “security”.\n"
    )
    assert extracted.title == "Press release"
    assert extracted.author == "Police Public Relations Branch"


def test_docx_title_falls_back_to_the_first_heading():
    assert docx_text(make_docx(title="")).title == "CCTV cameras to be installed"


def test_truncated_docx_is_refused():
    data = make_docx()
    with pytest.raises(ExtractError, match=r"not a Word document|not a readable Word document"):
        docx_text(data[: len(data) // 2])


def zip_bomb(megabytes: int = 32) -> bytes:
    """A "Word file" whose document part inflates from kilobytes to ``megabytes``."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("word/document.xml", "w") as member,
    ):
        for _ in range(megabytes):
            member.write(b"\0" * (1 << 20))
    return buffer.getvalue()


def test_docx_that_unpacks_to_gigabytes_is_refused_before_parsing():
    with pytest.raises(ExtractError, match="zip bomb"):
        docx_text(zip_bomb())


def test_docx_with_entity_expansion_neither_expands_nor_hangs():
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(
            f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
            for i in range(1, 10)
        )
        + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )
    source = zipfile.ZipFile(io.BytesIO(make_docx()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in source.infolist():
            data = laughs.encode() if item.filename == "word/document.xml" else source.read(item)
            archive.writestr(item, data)
    started = time.monotonic()
    try:
        extracted = docx_text(buffer.getvalue())
    except ExtractError:
        extracted = None
    assert time.monotonic() - started < 10
    assert extracted is None or len(extracted.text) < 1000


def test_pdf_text_layer_pages_and_metadata():
    extracted = pdf_text(make_pdf(["Page one says 615 cameras.", "Page two refuses."]))
    assert extracted.text == "Page one says 615 cameras.\n\nPage two refuses.\n"
    assert extracted.title == "Legislative Council reply"
    assert extracted.author == "LegCo Secretariat"


def test_pdf_without_text_layer_is_probably_scanned():
    with pytest.raises(ExtractError, match=r"no extractable text \(scanned image\?\)"):
        pdf_text(make_pdf(["", ""], title=None))


@pytest.mark.parametrize("cut", [0.3, 0.6])
def test_truncated_or_garbage_pdf_is_a_clean_error(cut):
    data = make_pdf(["Some text here."])
    with pytest.raises(ExtractError, match=r"not a readable PDF|no extractable text"):
        pdf_text(data[: int(len(data) * cut)])


def test_importer_records_format_title_and_author(tmp_path):
    path = tmp_path / "release.docx"
    path.write_bytes(make_docx())
    doc = read_document(path)
    assert (doc.format, doc.title, doc.author, doc.encoding) == (
        "docx",
        "Press release",
        "Police Public Relations Branch",
        None,
    )
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n garbage")
    with pytest.raises(DocumentReadError, match=r"broken\.pdf: not a readable PDF"):
        read_document(broken)


def test_hyphenated_line_ends_are_kept_unless_asked(tmp_path, capsys):
    data = make_pdf(["The mass surveil-\nlance of 2,000-\n3,000 cameras"])
    assert pdf_text(data).text == "The mass surveil-\nlance of 2,000-\n3,000 cameras\n"
    joined = pdf_text(data, join_hyphens=True).text
    assert joined == "The mass surveillance of 2,000-\n3,000 cameras\n"
    path = tmp_path / "hyphens.pdf"
    path.write_bytes(data)
    from annotator.cli import main

    db = tmp_path / "h.db"
    assert main(["import", "--join-hyphens", "--db", str(db), str(path)]) == 0
    assert main(["export", "--db", str(db), "--format", "jsonl"]) == 0
    assert "surveillance" in capsys.readouterr().out


NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_with_body(xml_blocks: list[str], properties: bool = True) -> bytes:
    from docx.oxml import parse_xml

    document = docx.Document()
    body = document.element.body
    for block in xml_blocks:
        body.insert(len(body) - 1, parse_xml(block))  # before the section properties
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    if properties:
        return data
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "_rels/.rels":  # a file without the part has no link to it
                content = re.sub(rb"<Relationship [^>]*docProps/core\.xml[^>]*/>", b"", content)
            if item.filename != "docProps/core.xml":
                archive.writestr(item, content)
    return out.getvalue()


def test_docx_tracked_changes_controls_fields_and_nested_tables():
    data = docx_with_body(
        [
            f"<w:p {NS}><w:r><w:t xml:space='preserve'>The minister </w:t></w:r>"
            "<w:ins w:id='1' w:author='a'><w:r><w:t xml:space='preserve'>did not </w:t>"
            "</w:r></w:ins>"
            "<w:del w:id='2' w:author='a'><w:r><w:delText>did </w:delText></w:r></w:del>"
            "<w:r><w:t>deny it.</w:t></w:r></w:p>",
            f"<w:sdt {NS}><w:sdtContent><w:p><w:r><w:t>Inside a content control.</w:t></w:r></w:p>"
            "</w:sdtContent></w:sdt>",
            f"<w:p {NS}><w:fldSimple w:instr='DATE'><w:r><w:t>22 February 2024</w:t></w:r>"
            "</w:fldSimple><w:r><w:tab/><w:t>tabbed</w:t><w:br/><w:t>broken</w:t></w:r></w:p>",
            f"<w:tbl {NS}><w:tr><w:tc><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc>"
            "<w:tc><w:p><w:r><w:t>12</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>12</w:t></w:r>"
            "</w:p></w:tc></w:tr><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>inner</w:t></w:r>"
            "</w:p></w:tc></w:tr></w:tbl></w:tc><w:tc><w:p/></w:tc><w:tc><w:p><w:r><w:t>x</w:t>"
            "</w:r></w:p></w:tc></w:tr></w:tbl>",
        ],
        properties=False,
    )
    extracted = docx_text(data)
    assert extracted.text == (
        "The minister did not deny it.\n\n"
        "Inside a content control.\n\n"
        "22 February 2024\ttabbed\nbroken\n\n"
        "A\t12\t12\ninner\t\tx\n"
    )
    assert extracted.title == "" and extracted.author is None  # no properties part


def test_docx_without_properties_takes_its_title_from_the_first_heading():
    data = docx_with_body(
        [
            f"<w:p {NS}><w:pPr><w:pStyle w:val='Heading1'/></w:pPr>"
            "<w:r><w:t>The heading</w:t></w:r></w:p>"
        ],
        properties=False,
    )
    assert docx_text(data).title == "The heading"


ODT_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:text>
<text:h text:outline-level="1">Surveillance <text:span>report</text:span></text:h>
<text:p>The police said<text:s text:c="2"/>615 cameras<text:note><text:note-body><text:p>a
footnote</text:p></text:note-body></text:note> will come.<text:tab/>Tabbed<text:line-break
/>next</text:p>
<text:list><text:list-item><text:p>first item</text:p></text:list-item></text:list>
<table:table><table:table-row><table:table-cell><text:p>District</text:p></table:table-cell>
<table:table-cell><text:p>12</text:p></table:table-cell><table:table-cell><text:p>12</text:p>
</table:table-cell></table:table-row></table:table>
</office:text></office:body></office:document-content>"""
ODT_META = """<?xml version="1.0"?><office:document-meta
 xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"><office:meta>
<dc:title>ODT title</dc:title><meta:initial-creator>Ann Author</meta:initial-creator>
</office:meta></office:document-meta>"""


def zip_of(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_odt_text_in_reading_order_with_metadata():
    from annotator.core.office import odt_text

    extracted = odt_text(zip_of({"content.xml": ODT_CONTENT, "meta.xml": ODT_META}))
    assert extracted.text == (
        "Surveillance report\n\n"
        "The police said  615 cameras will come.\tTabbed\nnext\n\n"
        "first item\n\n"
        "District\t12\t12\n"
    )
    assert (extracted.title, extracted.author) == ("ODT title", "Ann Author")
    assert odt_text(zip_of({"content.xml": ODT_CONTENT})).title == "Surveillance report"


def test_epub_chapters_in_spine_order():
    from annotator.core.office import epub_text

    container = (
        '<?xml version="1.0"?><container version="1.0" '
        'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
        '<rootfile full-path="OEBPS/book.opf" media-type="application/oebps-package+xml"/>'
        "</rootfiles></container>"
    )
    opf = (
        '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>The Book</dc:title>'
        "<dc:creator>A. Writer</dc:creator></metadata><manifest>"
        '<item id="c2" href="two.xhtml" media-type="application/xhtml+xml"/>'
        '<item id="c1" href="one.xhtml" media-type="application/xhtml+xml"/></manifest>'
        '<spine><itemref idref="c1"/><itemref idref="c2"/></spine></package>'
    )
    data = zip_of(
        {
            "mimetype": "application/epub+zip",
            "META-INF/container.xml": container,
            "OEBPS/book.opf": opf,
            "OEBPS/one.xhtml": (
                "<html><body><h1>One</h1><p>First &amp; foremost 😀</p></body></html>"
            ),
            "OEBPS/two.xhtml": "<html><body><p>Second chapter.</p></body></html>",
        }
    )
    extracted = epub_text(data)
    assert extracted.text == "One\n\nFirst & foremost 😀\n\nSecond chapter.\n"
    assert (extracted.title, extracted.author) == ("The Book", "A. Writer")


def test_odt_with_entities_and_bad_zip_are_clean_errors():
    from annotator.core.office import odt_text

    laughs = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
        "<text:p>&b;</text:p></office:text></office:body></office:document-content>"
    )
    try:
        extracted = odt_text(zip_of({"content.xml": laughs}))
        assert "aaaaaaaaaa" not in extracted.text  # entities are never expanded
    except ExtractError:
        pass
    with pytest.raises(ExtractError, match="not a zip archive"):
        odt_text(b"plain bytes")
