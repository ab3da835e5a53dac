"""Document cases: text in odd encodings, HTML (quadratic inputs at modest size, meta
charsets, DOCTYPEs), DOCX/ODT/EPUB (zip bombs, lying headers, entities, floods) and PDFs."""

from __future__ import annotations

import random
import re
import zipfile

from tests.core.test_office import ODT_CONTENT, make_pdf
from tests.fuzz.samples import (
    ARCHIVES,
    CONTAINER,
    DOCX,
    EPUB_MEMBERS,
    ODT_MEMBERS,
    SAMPLES,
    deflated,
    lying_zip,
    members_of,
    opf,
    raw_zip,
    spaces_deflated,
    zip_of,
)
from tests.fuzz.test_hostile_inputs import LAUGHS, hostile_xml
from tests.hostile.case import Case, outside
from tests.hostile.common import import_case, never_says, text_has, text_lacks

TEXT = "Police said 2,000 cameras will come; the bureau refused to say more. "
ENCODINGS = [
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "utf-16-be",
    "utf-32",
    "cp1252",
    "latin-1",
    "koi8-r",
    "cp1251",
    "shift_jis",
    "euc-jp",
    "gb18030",
    "big5",
    "euc-kr",
    "iso-8859-7",
    "mac-roman",
    "cp437",
    "iso-8859-8",
    "utf-7",
]
# What each language looks like, so the encodings have something to encode.
WORDS = {
    "koi8-r": "Полиция сказала",
    "cp1251": "Полиция сказала",
    "shift_jis": "警察によると",
    "euc-jp": "警察によると",
    "gb18030": "警方表示",
    "big5": "警方表示",
    "euc-kr": "경찰은",
    "iso-8859-7": "Η αστυνομία",
    "iso-8859-8": "המשטרה אמרה",
}
# <meta charset> labels: web encodings, and Python codec names no browser knows.
CHARSETS_WEB = [
    "utf-8",
    "windows-1252",
    "iso-8859-1",
    "latin1",
    "ascii",
    "shift_jis",
    "koi8-r",
    "utf-16",
    "x-user-defined",
    "gbk",
    "bogus-label",
    "",
]
CHARSETS_PYTHON = [
    "undefined",
    "punycode",
    "unicode_escape",
    "raw_unicode_escape",
    "utf-7",
    "rot13",
    "uu",
    "zlib",
    "hex",
    "base64",
    "idna",
    "mbcs",
    "utf-8-sig",
    "palmos",
    "unicode_internal",
    "bz2",
]


def text_cases() -> list[Case]:
    cases = []
    for encoding in ENCODINGS:
        body = TEXT + WORDS.get(encoding, "café naïve façade") + "\n"
        cases.append(
            import_case(
                f"txt in {encoding}",
                "text files",
                "accept",
                "doc.txt",
                lambda body=body, e=encoding: (body * 40).encode(e, "replace"),
            )
        )
    odd = [
        ("empty", b"", "refuse"),
        ("only spaces", b" \n\t \r\n", "refuse"),
        ("only a BOM", b"\xef\xbb\xbf", "refuse"),
        ("NUL late", b"a" * 30_000 + b"\x00" + b"b" * 100, "refuse"),
        ("UTF-16 with NUL", "\ufeffText with a NUL\x00 in it.".encode("utf-16-le"), "refuse"),
        ("lying BOM", b"\xff\xfe" + b"Text \x00\xd8more", "refuse"),
        ("surrogate bytes", "Café ".encode() + b"\xed\xa0\x80 tail", "accept"),
        ("CR line ends", b"one\rtwo\rthree\r", "accept"),
        ("control characters", b"a\x01b\x02c\x1bd\x7f e\n", "refuse"),
        ("invalid UTF-8", b"ok \xc3\x28 \xff\xfe bad \xc0\xaf\n" * 50, "accept"),
        ("a 4 MB line", b"word " * 800_000, "accept"),
        ("a million line ends", b"\n" * 1_000_000 + b"end", "accept"),
        ("binary noise", bytes(random.Random(7).randrange(256) for _ in range(20_000)), "either"),
    ]
    for what, data, expect in odd:
        cases.append(import_case(f"txt {what}", "text files", expect, "doc.txt", lambda d=data: d))
    cases.append(
        import_case(
            "markdown with HTML and a NUL",
            "text files",
            "refuse",
            "notes.md",
            lambda: b"# T\n\n<script>x</script>\x00",
        )
    )
    cases.append(
        import_case(
            "md in cp1252",
            "text files",
            "accept",
            "notes.md",
            lambda: "# Café\n\nNaïve *façade*.\n".encode("cp1252"),
        )
    )
    cases.append(
        import_case("unknown suffix", "text files", "refuse", "tool.exe", lambda: b"MZ\x90\x00")
    )
    cases.append(import_case("no suffix", "text files", "refuse", "README", lambda: b"Text."))
    cases.append(
        import_case(
            "suffix in capitals", "text files", "accept", "LOUD.TXT", lambda: b"Loud text.\n"
        )
    )
    cases.append(
        import_case(
            "a line break in the name",
            "text files",
            "accept",
            "a\nb.txt",
            lambda: b"Named oddly.\n",
        )
    )
    for name in sorted(SAMPLES):
        cases.append(
            import_case(f"sample {name}", "documents", "accept", name, lambda n=name: SAMPLES[n])
        )
    return cases


QUADRATIC = {
    "<!--": "unterminated comments",
    "</a": "unterminated end tags",
    "<![CDATA[": "unterminated CDATA",
}


def html_cases() -> list[Case]:
    cases = []
    head = b"<html><body><p>Police said 2,000 cameras.</p>"
    for piece, what in QUADRATIC.items():
        for count in (50_000, 400_000 // len(piece)):
            cases.append(
                import_case(
                    f"HTML with {count:,} {what}",
                    "HTML",
                    "either",
                    "page.html",
                    lambda p=piece, c=count: head + p.encode() * c,
                    finding="quadratic HTML parsing",
                    timeout=15,
                )
            )
        chapter = (head + piece.encode() * 50_000).decode()
        cases.append(
            import_case(
                f"EPUB chapter with 50,000 {what}",
                "HTML",
                "either",
                "book.epub",
                lambda c=chapter: zip_of({**EPUB_MEMBERS, "OEBPS/two.xhtml": c}),
                finding="quadratic HTML parsing",
                timeout=15,
            )
        )
    for label in CHARSETS_WEB + CHARSETS_PYTHON:
        finding = "meta charset names a Python codec" if label in CHARSETS_PYTHON else ""
        cases.append(
            import_case(
                f"meta charset {label or '(empty)'}",
                "HTML",
                "accept",
                "page.html",
                lambda lab=label: (
                    f'<html><head><meta charset="{lab}"><title>T</title></head><body>'
                    "<p>Police said 2,000 caf\u00e9s.</p></body></html>"
                ).encode(),
                finding=finding,
                check=text_has("Police said 2,000"),
            )
        )
    cases.append(
        import_case(
            "utf-7 charset with surrogates",
            "HTML",
            "accept",
            "page.html",
            lambda: b'<meta charset="utf-7"><p>Police +2D3YAA- said +2D0- it.</p>',
            finding="meta charset names a Python codec",
        )
    )
    cases.append(
        import_case(
            "DOCTYPE with an internal subset",
            "HTML",
            "accept",
            "page.html",
            lambda: b'<!DOCTYPE html [ <!ENTITY x "y"> ]><html><body><p>Body text.</p></body>',
            finding="HTML DOCTYPE subset leaks into the text",
            check=text_lacks("]>", "ENTITY"),
        )
    )
    others = [
        ("100,000 nested divs", b"<div>" * 100_000 + b"deep text" + b"</div>" * 100_000),
        ("a million entities", b"<p>" + b"&amp;" * 1_000_000 + b"</p>"),
        ("numeric references out of range", b"<p>a&#x110000;b&#99999999999;c&#0;d</p>"),
        ("unclosed script", b"<p>Visible.</p><script>var x = '<p>" + b"x" * 100_000),
        ("10,000 attributes", b"<p " + b" ".join(b"a%d=1" % i for i in range(10_000)) + b">T</p>"),
        ("a NUL in a paragraph", "<p>café</p>".encode() + b"<p>a\x00b</p>"),
        ("only markup", b"<html><head><script>x()</script></head><body></body></html>"),
        (
            "XHTML with an XXE",
            b'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM '
            b'"file:///etc/passwd">]><html><body><p>A &x; b</p></body></html>',
        ),
    ]
    expects = ["either", "accept", "accept", "accept", "accept", "refuse", "refuse", "either"]
    for (what, data), expect in zip(others, expects, strict=True):
        cases.append(
            import_case(
                f"HTML {what}",
                "HTML",
                expect,
                "page.html",
                lambda d=data: d,
                timeout=15,
                check=text_lacks("root:x:0"),
            )
        )
    return cases


MEMBER = {"docx": "word/document.xml", "odt": "content.xml", "epub": "OEBPS/book.opf"}
OTHERS = {
    "docx": lambda: {k: v for k, v in members_of(DOCX).items() if k != "word/document.xml"},
    "odt": lambda: {},
    "epub": lambda: {"META-INF/container.xml": CONTAINER.encode()},
}


def _declaring_gigabytes() -> bytes:
    data = bytearray(raw_zip([(f"part{i}.xml", b"", 0, 100 << 20) for i in range(10)]))
    for match in re.finditer(rb"PK\x01\x02|PK\x03\x04", bytes(data)):
        at = match.start() + (20 if match.group() == b"PK\x01\x02" else 18)
        data[at : at + 4] = (1 << 20).to_bytes(4, "little")
    return bytes(data)


def _entity_reference(kind: str) -> bytes:
    """``kind`` whose text holds a reference to an entity declared nowhere."""
    if kind == "docx":
        members = members_of(DOCX)
        xml = members["word/document.xml"].decode().replace("Central", "Cent&foo;ral", 1)
        return zip_of({**members, "word/document.xml": xml})
    if kind == "odt":
        return zip_of({**ODT_MEMBERS, "content.xml": ODT_CONTENT.replace("first", "fi&foo;rst")})
    chapter = "<html><body><p>Second &foo; chapter.</p></body></html>"
    return zip_of({**EPUB_MEMBERS, "OEBPS/two.xhtml": chapter})


def _declared_entity(kind: str) -> bytes:
    return hostile_xml(kind, '<!DOCTYPE d [<!ENTITY x "declared">]>')


def _xxe(kind: str, secret: str) -> bytes:
    return hostile_xml(kind, f'<!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>')


def _paragraph_flood(count: int) -> bytes:
    """A DOCX of ``count`` tiny paragraphs of varied words (so it deflates like text,
    under the ratio guard): about 4 bytes of file and 900 bytes of python-docx tree each,
    so 2,000,000 make an 8 MB file that needs 1.8 GB read whole."""
    members = members_of(DOCX)
    xml = members["word/document.xml"].decode()
    rng = random.Random(count)
    words = [f"w{rng.randrange(10**6):x}" for _ in range(count)]
    flood = "".join(f"<w:p><w:r><w:t>{w}</w:t></w:r></w:p>" for w in words)
    xml = xml.replace("<w:body>", "<w:body>" + flood, 1)
    return zip_of({**members, "word/document.xml": xml})


def _damaged(name: str, seed: int) -> bytes:
    """``name``'s sample with a few seeded byte edits inside one member."""
    rng = random.Random(seed)
    members = members_of(SAMPLES[name])
    member = rng.choice(sorted(members))
    data = bytearray(members[member])
    for _ in range(rng.randint(1, 6)):
        at = rng.randrange(max(1, len(data)))
        if rng.random() < 0.5:
            data[at : at + rng.randint(1, 40)] = b""
        else:
            data[at:at] = rng.choice([b"<", b"&", b"\x00", b"]]>", b"<!--", b"&#0;", b"\xff"])
    members[member] = bytes(data)
    return zip_of(members)


def archive_cases() -> list[Case]:
    cases = []
    for kind in sorted(MEMBER):
        file = f"x.{kind}"
        cases += [
            import_case(
                f"{kind} member inflating 200-fold",
                "zip archives",
                "refuse",
                file,
                lambda k=kind: raw_zip(
                    [deflated(n, c) for n, c in OTHERS[k]().items()]
                    + [(MEMBER[k], spaces_deflated(64 << 20), 0, 64 << 20)]
                ),
            ),
            import_case(
                f"{kind} declaring 1000 MiB", "zip archives", "refuse", file, _declaring_gigabytes
            ),
            import_case(
                f"{kind} header understating a member",
                "zip archives",
                "refuse",
                file,
                lambda k=kind: lying_zip(MEMBER[k], 64 << 20, OTHERS[k]()),
            ),
            import_case(
                f"{kind} billion laughs",
                "XML entities",
                "refuse",
                file,
                lambda k=kind: hostile_xml(k, LAUGHS),
                finding="XML entities",
            ),
            import_case(
                f"{kind} declared entity",
                "XML entities",
                "refuse",
                file,
                lambda k=kind: _declared_entity(k),
                finding="XML entities",
            ),
            import_case(
                f"{kind} undeclared entity reference",
                "XML entities",
                # EPUB chapters are read as web pages: `&foo;` stays as a browser shows it.
                "accept" if kind == "epub" else "refuse",
                file,
                lambda k=kind: _entity_reference(k),
                finding="XML entities",
            ),
            _xxe_case(kind),
            import_case(
                f"{kind} truncated",
                "zip archives",
                "refuse",
                file,
                lambda k=kind: SAMPLES[_sample(k)][: len(SAMPLES[_sample(k)]) // 2],
            ),
            import_case(
                f"{kind} traversing member names",
                "zip archives",
                "accept",
                file,
                lambda k=kind: _traversal(k),
                check=_nothing_written,
            ),
        ]
        for seed in range(4):
            cases.append(
                import_case(
                    f"{kind} damaged inside #{seed}",
                    "zip archives",
                    "either",
                    file,
                    lambda k=kind, s=seed: _damaged(_sample(k), s),
                )
            )
    cases += [
        import_case(
            "epub of 10,001 files",
            "zip archives",
            "refuse",
            "many.epub",
            lambda: raw_zip([deflated(f"{i}", b"") for i in range(10_001)]),
        ),
        import_case(
            "epub spine naming a chapter 200,000 times",
            "zip archives",
            "refuse",
            "loop.epub",
            lambda: zip_of(
                {
                    **EPUB_MEMBERS,
                    "OEBPS/book.opf": opf('<itemref idref="c1"/>' * 200_000),
                    "OEBPS/one.xhtml": "<p>" + "chapter text " * 80_000 + "</p>",
                },
                method=zipfile.ZIP_STORED,
            ),
            timeout=60,
        ),
        import_case(
            "odt with a billion spaces",
            "zip archives",
            "refuse",
            "s.odt",
            lambda: zip_of(
                {
                    **ODT_MEMBERS,
                    "content.xml": ODT_CONTENT.replace('text:c="2"', 'text:c="1000000000"'),
                }
            ),
        ),
        import_case("docx nested 5,000 deep", "zip archives", "refuse", "deep.docx", _deep_docx),
        import_case(
            "a zip that is no docx",
            "zip archives",
            "refuse",
            "z.docx",
            lambda: zip_of({"hello.txt": "hi"}),
        ),
        import_case(
            "docx of 2,000,000 tiny paragraphs",
            "zip archives",
            "either",
            "flood.docx",
            lambda: _paragraph_flood(2_000_000),
            finding="DOCX of tiny paragraphs takes GBs of memory",
            memory=1 << 30,
            timeout=90,
            # Out of memory, lxml says only "unknown error": that is not a refusal.
            check=never_says("unknown error", "MemoryError", "emory allocation"),
        ),
    ]
    return cases


def _sample(kind: str) -> str:
    return next(name for name in ARCHIVES if name.endswith(kind))


def _xxe_case(kind: str) -> Case:
    case = import_case(
        f"{kind} external entity",
        "XML entities",
        "refuse",
        f"x.{kind}",
        lambda: b"",
        finding="XML entities",
    )
    plain = case.build

    def build(folder, base):  # the secret's path is only known per folder
        run = plain(folder, base)
        (folder / "in" / f"x.{kind}").write_bytes(_xxe(kind, str(outside(folder))))
        return run

    return Case(case.name, case.category, case.expect, build, case.finding)


def _traversal(kind: str) -> bytes:
    evil = {"../../evil.txt": b"evil", "/tmp-battery-evil.txt": b"evil", "..\\..\\e.txt": b"e"}
    if kind == "docx":
        return zip_of({**members_of(DOCX), **evil})
    if kind == "odt":
        return zip_of({**ODT_MEMBERS, **evil})
    manifest = '<item id="c1" href="../../evil.txt"/><item id="c3" href="two.xhtml"/>'
    package = opf('<itemref idref="c1"/><itemref idref="c3"/>', manifest)
    return zip_of({**EPUB_MEMBERS, **evil, "OEBPS/book.opf": package})


def _nothing_written(folder, out, err):
    for path in (folder.parent / "evil.txt", folder / "evil.txt"):
        if path.exists():
            return f"{path} was written"
    return None if "evil" not in err else "evil"


def _deep_docx() -> bytes:
    members = members_of(DOCX)
    nested = "<w:smartTag>" * 5000 + "<w:r><w:t>deep</w:t></w:r>" + "</w:smartTag>" * 5000
    xml = members["word/document.xml"].decode().replace("<w:t>Central</w:t>", nested, 1)
    return zip_of({**members, "word/document.xml": xml})


def _pdf_bomb() -> bytes:
    """A one-page PDF whose content stream inflates to 64 MiB of spaces."""
    stream = spaces_deflated(64 << 20)
    return (
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> "
        b"endobj\n4 0 obj << /Length " + str(len(stream)).encode() + b" /Filter /FlateDecode >> "
        b"stream\n" + stream + b"\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )


def pdf_cases() -> list[Case]:
    good = make_pdf(["Police said 2,000 cameras.", "Second page."])
    cases = [
        import_case("pdf truncated", "PDF", "refuse", "r.pdf", lambda: good[: len(good) // 2]),
        import_case(
            "pdf header then garbage",
            "PDF",
            "refuse",
            "r.pdf",
            lambda: b"%PDF-1.4\n" + bytes(range(256)) * 40,
        ),
        import_case(
            "pdf with a 64 MiB content stream",
            "PDF",
            "either",
            "bomb.pdf",
            _pdf_bomb,
            timeout=60,
        ),
        import_case(
            "pdf without a text layer", "PDF", "refuse", "scan.pdf", lambda: make_pdf([""])
        ),
        import_case(
            "pdf with 300 pages",
            "PDF",
            "accept",
            "long.pdf",
            lambda: make_pdf([f"Page {i} says {i * 7} cameras." for i in range(300)]),
        ),
        import_case(
            "pdf looping page tree",
            "PDF",
            "either",
            "loop.pdf",
            lambda: good.replace(b"/Kids [", b"/Kids [2 0 R ", 1),
        ),
    ]
    for seed in range(4):
        rng = random.Random(seed)
        data = bytearray(good)
        for _ in range(3):
            at = rng.randrange(len(data))
            data[at : at + rng.randint(1, 20)] = rng.choice([b"", b"<<", b">>", b"0 R", b"\xff"])
        cases.append(
            import_case(f"pdf damaged #{seed}", "PDF", "either", "d.pdf", lambda d=bytes(data): d)
        )
    return cases


def document_cases() -> list[Case]:
    return [*text_cases(), *html_cases(), *archive_cases(), *pdf_cases()]
