"""Every supported format in through the command line, tagged, and out with exact quotes."""

from __future__ import annotations

import codecs
import sqlite3

import pytest

from annotator.app.opening import open_store
from annotator.cli import main
from tests.core.test_office import make_docx, make_pdf, zip_bomb
from tests.formats.conftest import db_bytes
from tests.helpers import check_export

SAMPLES = {
    "utf8.txt": (
        "Police said 2,000 cameras 😀 will come.\r\nRefused to say more.\r\n".encode(),
        "utf-8",
    ),
    "bom.txt": (codecs.BOM_UTF8 + b"Police said 2,000 cameras.\n", "utf-8-sig"),
    "utf16.txt": (
        codecs.BOM_UTF16_LE + "Police said 2,000 cameras – “sure”.\r\n".encode("utf-16-le"),
        "utf-16-le",
    ),
    "win.txt": ("Police said 2,000 cameras – “sure”, £5 each.".encode("cp1252"), "cp1252"),
    "latin.txt": ("Police said 2,000 caméras, façade naïve.".encode("latin-1"), "iso8859-1"),
    "chinese.txt": (
        "警方表示將安裝2,000 cameras，當局拒絕透露監控攝像頭的數量和位置。".encode("gb18030"),
        "gb18030",
    ),
    "notes.md": (b"# Notes\n\nPolice said 2,000 cameras *soon*.\n", "utf-8"),
    "page.html": (
        b"<title>T</title><script>x()</script><p>Police said 2,000 cameras &amp; more.</p>",
        "utf-8",
    ),
    "release.docx": (make_docx(), None),
    "reply.pdf": (make_pdf(["Police said 2,000 cameras.", "Second page."]), None),
}


def test_each_format_imports_with_encoding_and_exact_quotes(tmp_path, db_path):
    for name, (data, _enc) in SAMPLES.items():
        (tmp_path / name).write_bytes(data)
    paths = [str(tmp_path / name) for name in SAMPLES]
    assert main(["import", "--db", str(db_path), *paths]) == 0
    with sqlite3.connect(db_path) as conn:
        rows = dict(conn.execute("SELECT original_name, encoding FROM documents").fetchall())
    assert rows == {name: enc for name, (_data, enc) in SAMPLES.items()}
    store = open_store(str(db_path))
    for summary in store.documents():
        text = store.document(summary.id).text
        assert "\r" not in text and not text.startswith("\ufeff")
        start = text.index("2,000")
        store.add_annotation(summary.id, "statistic", start, start + 5, "tester")
    store.close()
    out = tmp_path / "out.json"
    assert main(["export", "--db", str(db_path), "-o", str(out)]) == 0
    exported = check_export(out.read_bytes())
    quotes = [a["quote"] for d in exported["documents"] for a in d["annotations"]]
    assert quotes == ["2,000"] * len(SAMPLES)
    by_name = {d["original_name"]: d for d in exported["documents"]}
    assert (
        by_name["utf8.txt"]["text"]
        == "Police said 2,000 cameras 😀 will come.\nRefused to say more.\n"
    )
    assert by_name["chinese.txt"]["text"].startswith("警方表示將安裝")
    assert by_name["release.docx"]["format"] == "docx"
    assert by_name["reply.pdf"]["title"] == "Legislative Council reply"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("garbage.txt", bytes(range(256)) * 8, "binary data"),
        ("truncated.docx", make_docx()[:2000], "Word document"),
        ("bomb.docx", zip_bomb(16), "zip bomb"),
        ("truncated.pdf", make_pdf(["Text"])[:150], "not a readable PDF"),
        ("scanned.pdf", make_pdf(["", ""], title=None), "no extractable text (scanned image?)"),
        ("empty.md", b"   \n\n", "holds no text"),
    ],
)
def test_hostile_files_get_one_line_and_change_nothing(
    tmp_path, db_path, capsys, name, data, reason
):
    good = tmp_path / "good.txt"
    good.write_text("A good document.", encoding="utf-8")
    assert main(["import", "--db", str(db_path), str(good)]) == 0
    before = db_bytes(db_path)
    bad = tmp_path / name
    bad.write_bytes(data)
    other = tmp_path / "other.txt"
    other.write_text("Another good one.", encoding="utf-8")
    capsys.readouterr()
    assert main(["import", "--db", str(db_path), str(other), str(bad)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and f"{bad}: " in err and reason in err, err
    assert db_bytes(db_path) == before
