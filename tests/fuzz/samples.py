"""Valid files of every importable kind, and the ways hostile tests break them."""

from __future__ import annotations

import io
import json
import struct
import zipfile
import zlib
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from tests.core.test_office import ODT_CONTENT, ODT_META, make_docx, make_pdf

# Fixed, replayable examples: the same inputs on every run and machine, no example database.
FUZZ = settings(
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)

CONTAINER = (
    '<?xml version="1.0"?><container version="1.0" '
    'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
    '<rootfile full-path="OEBPS/book.opf" media-type="application/oebps-package+xml"/>'
    "</rootfiles></container>"
)


def opf(spine: str = '<itemref idref="c1"/><itemref idref="c2"/>', manifest: str = "") -> str:
    return (
        '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>The Book</dc:title>'
        "<dc:creator>A. Writer</dc:creator></metadata><manifest>"
        + (
            manifest
            or '<item id="c1" href="one.xhtml" media-type="application/xhtml+xml"/>'
            '<item id="c2" href="two.xhtml" media-type="application/xhtml+xml"/>'
        )
        + f"</manifest><spine>{spine}</spine></package>"
    )


EPUB_MEMBERS = {
    "mimetype": "application/epub+zip",
    "META-INF/container.xml": CONTAINER,
    "OEBPS/book.opf": opf(),
    "OEBPS/one.xhtml": (
        "<html><body><h1>One</h1><p>Police said 2,000 &amp; more 😀</p></body></html>"
    ),
    "OEBPS/two.xhtml": "<html><body><p>Second chapter.</p></body></html>",
}
ODT_MEMBERS = {"content.xml": ODT_CONTENT, "meta.xml": ODT_META}


def zip_of(members: dict[str, str | bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def members_of(data: bytes) -> dict[str, bytes]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {name: archive.read(name) for name in archive.namelist()}


DOCX = make_docx()
SAMPLES: dict[str, bytes] = {
    "plain.txt": "Police said 2,000 cameras 😀 will come.\r\nRefused to say more.\n".encode(),
    "latin.txt": "Police said 2,000 caméras, façade naïve, £5 each.".encode("cp1252"),
    "utf16.txt": "\ufeffPolice said 2,000 cameras – “sure”.\n".encode("utf-16-le"),
    "notes.md": b"# Notes\n\nPolice said 2,000 cameras *soon*.\n",
    "page.html": (
        b"<html><head><title>T</title><meta charset='utf-8'><script>x()</script></head><body>"
        b"<p>Police said 2,000 cameras &amp; more.<br>Next</p><table><tr><td>a</td><td>b</td>"
        b"</tr></table><pre> kept  </pre></body></html>"
    ),
    "release.docx": DOCX,
    "report.odt": zip_of(ODT_MEMBERS),
    "book.epub": zip_of(EPUB_MEMBERS),
    "reply.pdf": make_pdf(["Police said 2,000 cameras.", "Second page."]),
}
ARCHIVES = ("release.docx", "report.odt", "book.epub")

# Bytes that break parsers: NUL, a lone surrogate written as UTF-8 would write it, byte
# order marks, an invalid UTF-8 lead byte, a CR, XML and HTML specials, a DOCTYPE.
NASTY = [
    b"\x00",
    b"\xed\xa0\x80",
    b"\xed\xbf\xbf",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xfe\xff",
    b"\xff",
    b"\xc3",
    b"\r",
    b"<",
    b"&",
    b"&#xD800;",
    b"&#0;",
    b"]]>",
    b'<!DOCTYPE x [<!ENTITY a "aaaa">]>',
    b"\\ud800",
    b"%PDF-1.4",
    b"PK\x03\x04",
    b"\x01",
]


@st.composite
def mutated(draw: Any, data: bytes) -> bytes:
    """``data`` after a few edits: cut, flip a byte, insert nasty or random bytes, delete
    or repeat a stretch."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["cut", "flip", "insert", "delete", "repeat"]))
        at = draw(st.integers(0, max(0, len(out))))
        if op == "cut":
            del out[at:]
        elif op == "flip" and out:
            i = min(at, len(out) - 1)
            out[i] ^= draw(st.integers(1, 255))
        elif op == "insert":
            piece = draw(st.one_of(st.sampled_from(NASTY), st.binary(min_size=1, max_size=8)))
            out[at:at] = piece * draw(st.integers(1, 3))
        elif op == "delete":
            del out[at : at + draw(st.integers(1, 64))]
        elif op == "repeat":
            stretch = out[at : at + draw(st.integers(1, 64))]
            out[at:at] = stretch * draw(st.integers(1, 50))
    return bytes(out)


@st.composite
def mutated_archive(draw: Any, data: bytes) -> bytes:
    """A zip whose members are mutated (so parsers behind the zip see the damage) or
    whose own bytes are (so the zip reader does), sometimes with extra hostile members."""
    if draw(st.booleans()):
        return draw(mutated(data))
    members = members_of(data)
    name = draw(st.sampled_from(sorted(members)))
    members[name] = draw(mutated(members[name]))
    if draw(st.booleans()):
        extra = draw(st.sampled_from(["../../evil.txt", "/abs/evil.txt", "a/../../b", "\\x"]))
        members[extra] = b"evil"
    method = draw(st.sampled_from([zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED]))
    return zip_of(members, method)


# -- annotation sets -----------------------------------------------------------------

DEEP = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["deep"]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
HOSTILE_VALUES = st.sampled_from(
    [
        None,
        True,
        False,
        0,
        -1,
        1.5,
        -0.0,
        2**31,
        2**63,
        2**64,
        -(2**63) - 1,
        10**30,
        10**300,
        1e308,
        float("nan"),
        float("inf"),
        "",
        " ",
        "\x00",
        "a\x00b",
        "\ud800",
        "\udfff",
        "\ud83d\ude00",
        "\n",
        "x" * 5000,
        "#0072b2",
        "2026-01-31T12:00:00.000Z",
        "9999-12-31T23:59:59.999999Z",
        "0000-01-01T00:00:00Z",
        "annotator-annotation-set",
        "codepoint",
        [],
        {},
        [None],
        {"": None},
        {"\ud800": 1},
        DEEP,
    ]
)


@st.composite
def json_edit(draw: Any, value: Any) -> Any:
    """``value`` (parsed JSON) with one thing changed at a random place inside: a value
    replaced by a hostile one, a key deleted or renamed, a list item removed or repeated."""
    value = json.loads(json.dumps(value))  # a private copy
    holder: Any = None
    key: Any = None
    node = value
    # Mostly deep (an annotation's field is five levels down), through containers.
    while isinstance(node, dict | list) and node and draw(st.integers(0, 6)) > 0:
        holder = node
        if isinstance(node, dict):
            keys = sorted(node)
            deeper = [k for k in keys if isinstance(node[k], dict | list) and node[k]]
            key = draw(st.sampled_from(keys + deeper * 4))
        else:
            key = draw(st.integers(0, len(node) - 1))
        node = node[key]
    if holder is None:
        return draw(HOSTILE_VALUES) if draw(st.integers(0, 9)) == 0 else value
    op = draw(st.sampled_from(["replace", "replace", "replace", "delete", "rename", "repeat"]))
    if op == "replace":
        holder[key] = draw(HOSTILE_VALUES)
    elif op == "delete":
        del holder[key]
    elif op == "rename" and isinstance(holder, dict):
        holder[draw(st.sampled_from(["", "\ud800", "id", "x.y", "a\nb", key + " "]))] = holder.pop(
            key
        )
    elif op == "repeat" and isinstance(holder, list):
        holder.insert(key, holder[key])
    return value


def dump_json(value: Any, how: str) -> bytes:
    """JSON bytes: lone surrogates as ``\\ud800`` escapes (``ascii``), or written raw as
    the bytes UTF-8 would give them (``raw``: not UTF-8 at all), or as UTF-8 text."""
    if how == "ascii":
        return json.dumps(value).encode("ascii")
    text = json.dumps(value, ensure_ascii=False)
    return text.encode("utf-8", "surrogatepass" if how == "raw" else "backslashreplace")


def with_duplicate_key(data: bytes, key: bytes, value: bytes) -> bytes:
    """``data`` with ``"key": value`` added at the start of the first object that has
    that key, so the object holds the key twice."""
    at = data.find(b'"' + key + b'"')
    if at < 0:
        return data
    start = data.rfind(b"{", 0, at)
    return data[: start + 1] + b'"' + key + b'": ' + value + b", " + data[start + 1 :]


# -- hostile archives ----------------------------------------------------------------


def spaces_deflated(size: int) -> bytes:
    """A raw deflate stream of ``size`` spaces, built fast from one compressed MiB."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = b" " * (1 << 20)
    parts = [compressor.compress(block) for _ in range(size >> 20)]
    return b"".join([*parts, compressor.flush()])


def raw_zip(members: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip written by hand: ``(name, deflated bytes, crc, declared size)`` per member, so
    that headers can say what the data is not."""
    out, central = bytearray(), bytearray()
    for name, body, crc, declared in members:
        filename = name.encode()
        offset = len(out)
        out += struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(body), declared,
            len(filename), 0,
        )  # fmt: skip
        out += filename + body
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(body), declared,
            len(filename), 0, 0, 0, 0, 0, offset,
        )  # fmt: skip
        central += filename
    count = len(members)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(central), len(out), 0)
    return bytes(out + central + end)


def deflated(name: str, content: bytes) -> tuple[str, bytes, int, int]:
    """A member as it truly is, for :func:`raw_zip`."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = compressor.compress(content) + compressor.flush()
    return name, body, zlib.crc32(content), len(content)


def lying_zip(name: str, size: int, others: dict[str, bytes] | None = None) -> bytes:
    """An archive whose member ``name`` inflates to ``size`` bytes while both its headers
    say 1,000, with the CRC of those first 1,000 bytes (so a reader that stops there finds
    nothing wrong); the ``others`` are true."""
    members = [deflated(other, content) for other, content in (others or {}).items()]
    members.append((name, spaces_deflated(size), zlib.crc32(b" " * 1000), 1000))
    return raw_zip(members)
