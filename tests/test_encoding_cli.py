"""``annotator import`` says how sure each guessed decoding is, and ``--encoding`` forces
one: an unknown name is a usage error, undecodable bytes import nothing, and a file
imported before becomes a new version with its annotations carried over."""

from __future__ import annotations

import pytest

from annotator.cli import main
from annotator.core.decoding import decode_bytes
from annotator.store import Store

# Truly ambiguous: the only non-ASCII byte is "è" in Windows-1252 and "č" in -1250
# ("Peček" and "Peèek" are both names people have).
AMBIGUOUS = b"Signed for the committee by Jan Pe\xe8ek on the first of May 2024.\n"
# Windows-1252 only: curly quotes and a pound sign.
BUDGET = "The council’s budget is £2.4m, “not for publication”, said the clerk.\n"


def stored(db) -> list[tuple]:
    return db.rows("SELECT text, encoding, confidence, encoding_chosen FROM documents")


@pytest.fixture
def ambiguous(tmp_path):
    path = tmp_path / "signed.txt"
    path.write_bytes(AMBIGUOUS)
    decoded = decode_bytes(AMBIGUOUS)
    assert decoded.uncertain and decoded.alternatives, "the test needs an uncertain decoding"
    return path, decoded


def test_import_prints_the_guess_and_for_an_uncertain_one_the_next_readings(
    tmp_path, db, capsys, ambiguous
):
    path, decoded = ambiguous
    plain = tmp_path / "plain.txt"
    plain.write_text("Plain UTF-8: café.\n", encoding="utf-8")
    assert main(["import", "--db", db.target, str(path), str(plain)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"{path}: imported as ")
    assert lines[0].endswith(f"; decoded as {decoded.encoding} ({decoded.confidence:.0%} sure)")
    assert lines[1].startswith(f"{path}: not sure of its encoding: it may also be ")
    following = decoded.alternatives[0]
    assert f"{following.encoding} (" in lines[1] and "--encoding NAME" in lines[1]
    assert "Peček" in lines[1] or "Peèek" in lines[1]  # the word they disagree on
    assert lines[2].startswith(f"{plain}: imported as ") and "decoded as" not in lines[2]
    assert len(lines) == 3
    [_plain, (text, encoding, confidence, chosen)] = sorted(stored(db), key=lambda r: r[0])
    assert (text, encoding, chosen) == (decoded.text, decoded.encoding, False)
    assert confidence == pytest.approx(decoded.confidence)


def test_encoding_forces_the_decoding_and_is_recorded_as_chosen(tmp_path, db, capsys):
    path = tmp_path / "budget.txt"
    path.write_bytes(BUDGET.encode("cp1252"))
    assert main(["import", "--db", db.target, "--encoding", "Windows-1252", str(path)]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert line.endswith("; decoded as cp1252 (chosen by you)")
    assert stored(db) == [(BUDGET, "cp1252", None, True)]
    store = Store.open(db.target)
    try:
        [summary] = store.documents()
        assert store.original(summary.id) == BUDGET.encode("cp1252")
    finally:
        store.close()


def test_an_unknown_encoding_is_a_usage_error_naming_it(tmp_path, db, capsys):
    path = tmp_path / "budget.txt"
    path.write_bytes(BUDGET.encode("cp1252"))
    plain = tmp_path / "plain.txt"
    plain.write_text("Plain.\n", encoding="utf-8")
    assert main(["import", "--db", db.target, str(plain)]) == 0
    before = stored(db)
    for name in ("cp9999", "rot13"):
        with pytest.raises(SystemExit) as exited:
            main(["import", "--db", db.target, "--encoding", name, str(path)])
        assert exited.value.code == 2
        err = capsys.readouterr().err
        assert "argument --encoding: " in err and repr(name) in err
    assert stored(db) == before


def test_bytes_the_encoding_cannot_decode_import_nothing(tmp_path, db, capsys):
    good = tmp_path / "budget.txt"
    good.write_bytes(BUDGET.encode("cp1252"))
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9 \x81 menu\n")  # 0x81 is no character in Windows-1252
    plain = tmp_path / "plain.txt"
    plain.write_text("Plain.\n", encoding="utf-8")
    assert main(["import", "--db", db.target, str(plain)]) == 0
    before = stored(db)
    capsys.readouterr()
    assert main(["import", "--db", db.target, "--encoding", "cp1252", str(good), str(bad)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"{bad}: is not cp1252" in captured.err and "at byte 5" in captured.err
    assert stored(db) == before


def test_importing_again_with_an_encoding_makes_a_new_version(db, capsys, ambiguous):
    path, decoded = ambiguous
    assert main(["import", "--db", db.target, str(path)]) == 0
    store = Store.open(db.target)
    try:
        [first] = store.documents()
        text = store.document(first.id).text
        start = text.index("committee")
        store.add_annotation(first.id, "claim", start, start + len("committee"), "me")
    finally:
        store.close()
    capsys.readouterr()
    other = decoded.alternatives[0]
    assert main(["import", "--db", db.target, "--encoding", other.encoding, str(path)]) == 0
    out = capsys.readouterr().out
    assert f'imported as version 2 of "{first.title}"' in out
    assert f"decoded as {other.encoding} (chosen by you)" in out
    assert "annotations placed 1 exactly, 0 by quote, 0 fuzzily, 0 orphaned" in out
    store = Store.open(db.target)
    try:
        [newest] = store.documents()
        document = store.document(newest.id)
        assert (document.version, document.text, document.encoding) == (
            2,
            other.text,
            other.encoding,
        )
        [annotation] = store.annotations(newest.id)
        assert document.text[annotation.start : annotation.end] == "committee"
    finally:
        store.close()


def test_encoding_also_forces_a_web_page_over_its_meta_charset(tmp_path, db, capsys):
    page = tmp_path / "news.html"
    body = "<p>Мэр отказался назвать сумму.</p>"
    page.write_bytes(
        f'<html><head><meta charset="utf-8"><title>Новости</title></head>{body}</html>'.encode(
            "cp1251"
        )
    )
    assert main(["import", "--db", db.target, "--encoding", "cp1251", str(page)]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert line.startswith(f'{page}: imported as "Новости"')
    assert line.endswith("; decoded as cp1251 (chosen by you)")
    [(text, encoding, _confidence, chosen)] = stored(db)
    assert (text, encoding, chosen) == ("Мэр отказался назвать сумму.\n", "cp1251", True)
