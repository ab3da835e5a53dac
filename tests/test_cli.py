from __future__ import annotations

import os
import subprocess
import sys

import pytest

from annotator.cli import COMMANDS, main
from annotator.main import main as annotator_main
from tests.helpers import check_export


def db_dump(db):
    return [
        (table, db.table(table)) for table in ("documents", "labels", "annotations", "settings")
    ]


def export(db, capsysbinary):
    assert main(["export", "--db", db.target]) == 0
    return check_export(capsysbinary.readouterr().out)


def test_import_then_export_round_trip(tmp_path, db, capsysbinary):
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes("\ufeffTitle 😀\r\nLine two\rLine three\r\n".encode())
    md = tmp_path / "notes.md"
    md.write_text("# Heading\n\nBody e\u0301 市民\n", encoding="utf-8")
    assert main(["import", "--db", db.target, str(crlf), str(md)]) == 0
    out = capsysbinary.readouterr().out.decode()
    assert 'crlf.txt: imported as "Title 😀"' in out
    assert 'notes.md: imported as "Heading"' in out
    parsed = export(db, capsysbinary)
    texts = {d["title"]: d["text"] for d in parsed["documents"]}
    assert texts["Title 😀"] == "Title 😀\nLine two\nLine three\n"
    assert texts["Heading"] == "# Heading\n\nBody e\u0301 市民\n"
    assert len(parsed["documents"]) == 2  # exactly what was imported: no seed article


def test_reimport_reports_already_imported(tmp_path, db, capsys):
    f = tmp_path / "a.txt"
    f.write_text("same text", encoding="utf-8")
    assert main(["import", "--db", db.target, str(f)]) == 0
    capsys.readouterr()
    assert main(["import", "--db", db.target, str(f)]) == 0
    assert "already imported" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("binary.txt", b"\x00\x01\x02\x03binary\x00garbage", "binary data, not text"),
        ("empty.txt", b"  \n", "holds no text"),
        ("report.pdf", b"%PDF-1.4", "not a readable PDF"),
        ("slides.pptx", b"PK", "unsupported file type"),
    ],
)
def test_bad_file_imports_nothing(tmp_path, db, capsys, name, content, message):
    assert main(["export", "--db", db.target, "-o", str(tmp_path / "x.json")]) == 0
    capsys.readouterr()
    before = db_dump(db)
    good = tmp_path / "good.txt"
    good.write_text("fine", encoding="utf-8")
    bad = tmp_path / name
    bad.write_bytes(content)
    assert main(["import", "--db", db.target, str(good), str(bad)]) == 1
    err = capsys.readouterr().err
    assert str(bad) in err and message in err
    assert "Traceback" not in err
    assert db_dump(db) == before


def test_every_bad_file_named_is_reported_in_one_run(tmp_path, db, capsys):
    assert main(["export", "--db", db.target, "-o", str(tmp_path / "x.json")]) == 0
    capsys.readouterr()
    before = db_dump(db)
    good = tmp_path / "good.txt"
    good.write_text("fine", encoding="utf-8")
    empty, slides, broken = tmp_path / "empty.txt", tmp_path / "slides.pptx", tmp_path / "s.json"
    empty.write_bytes(b"  \n")
    slides.write_bytes(b"PK")
    broken.write_bytes(b'{"format": "annotator-annotation-set"')
    missing = tmp_path / "missing.txt"
    files = [empty, good, slides, missing, broken]
    assert main(["import", "--db", db.target, *map(str, files)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert [line.split(": ")[2] for line in lines] == [
        str(path) for path in (empty, slides, missing, broken)
    ]
    assert all(line.startswith("annotator: error: ") for line in lines)
    assert "holds no text" in lines[0] and "unsupported file type" in lines[1]
    assert "no such file" in lines[2]
    assert db_dump(db) == before


def test_a_folder_is_imported_recursively_and_bad_files_are_listed(tmp_path, db, capsys):
    folder = tmp_path / "sources"
    (folder / "press" / "2024").mkdir(parents=True)
    (folder / ".git").mkdir()
    (folder / "a.txt").write_text("Statement one.", encoding="utf-8")
    (folder / "press" / "b.md").write_text("# Release\n\nText.", encoding="utf-8")
    (folder / "press" / "2024" / "c.html").write_text(
        "<title>Page</title><p>Web text</p>", encoding="utf-8"
    )
    (folder / "press" / "garbage.txt").write_bytes(b"\x00\x01\x02binary")
    (folder / "notes.odp").write_bytes(b"not supported")
    (folder / ".git" / "config.txt").write_text("hidden", encoding="utf-8")
    (folder / "press" / "cp1252.txt").write_bytes("Price: £5 – “quoted”".encode("cp1252"))
    code = main(["import", "--db", db.target, str(folder)])
    captured = capsys.readouterr()
    assert code == 1
    assert (
        f"annotator: not imported: {folder / 'press' / 'garbage.txt'}: binary data" in captured.err
    )
    assert "notes.odp" not in captured.err and "config.txt" not in captured.out
    assert captured.out.count(": imported as") == 4
    rows = db.rows("SELECT title, format, encoding, original_name FROM documents ORDER BY position")
    assert rows == [
        ("Statement one.", "text", "utf-8", "a.txt"),
        ("Release", "markdown", "utf-8", "b.md"),
        ("Price: £5 – “quoted”", "text", "cp1252", "cp1252.txt"),
        ("Page", "html", "utf-8", "c.html"),
    ]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["import", "--db", db.target, str(empty)]) == 1
    assert "no supported files in this folder" in capsys.readouterr().err


def test_export_into_a_closed_pipe_is_quiet(db_path):
    assert main(["export", "--db", str(db_path), "-o", str(db_path.with_suffix(".json"))]) == 0
    proc = subprocess.Popen(
        [sys.executable, "-m", "annotator", "export", "--db", str(db_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    proc.stdout.close()  # the reader is gone before the export is written
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 1
    assert b"Traceback" not in err and b"Broken pipe" not in err


def test_missing_file_is_exit_1_and_names_it(tmp_path, db_path, capsys):
    missing = tmp_path / "missing.txt"
    assert main(["import", "--db", str(db_path), str(missing)]) == 1
    assert f"{missing}: no such file" in capsys.readouterr().err
    assert not db_path.exists()  # nothing read, nothing created


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["import"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["export", "--format", "xml"])
    assert info.value.code == 2


def test_export_to_file_and_unwritable_target(tmp_path, db, capsys):
    target = tmp_path / "out.json"
    assert main(["export", "--db", db.target, "-o", str(target)]) == 0
    parsed = check_export(target.read_bytes())
    assert parsed["format"] == "annotator-annotation-set"
    bad = tmp_path / "no-such-folder" / "out.json"
    assert main(["export", "--db", db.target, "-o", str(bad)]) == 1
    assert "no-such-folder" in capsys.readouterr().err


def test_not_a_database_is_exit_1(tmp_path, capsys):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"x" * 4096)
    assert main(["export", "--db", str(junk)]) == 1
    err = capsys.readouterr().err
    assert "junk.db" in err and "Traceback" not in err


def test_annotator_db_environment_and_default_location(tmp_path, monkeypatch, capsysbinary):
    env_db = tmp_path / "env.db"
    monkeypatch.setenv("ANNOTATOR_DB", str(env_db))
    assert main(["export"]) == 0
    assert env_db.exists()
    monkeypatch.delenv("ANNOTATOR_DB")
    assert main(["export"]) == 0
    defaults = list((tmp_path.parent).glob("**/annotator/annotations.db"))
    assert defaults, "default database not created in the user data folder"


def test_python_dash_m_runs_as_a_separate_process(tmp_path, db_path):
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "export", "--db", str(db_path)],
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr.decode()
    parsed = check_export(result.stdout)
    assert parsed["documents"] == []  # the command line does not seed
    assert [label["name"] for label in parsed["labels"]] == ["claim", "refusal", "statistic"]


def test_file_name_that_is_not_utf8_is_imported_and_named(tmp_path, db, capsysbinary):

    name = os.fsdecode(b"caf\xe9.txt")
    path = tmp_path / name
    path.write_text("Some text", encoding="utf-8")
    assert main(["import", "--db", db.target, str(path)]) == 0
    assert "caf\ufffd.txt: imported" in capsysbinary.readouterr().out.decode()
    bad = tmp_path / os.fsdecode(b"bad\xff.txt")
    bad.write_bytes(b"\x00\xff")
    assert main(["import", "--db", db.target, str(bad)]) == 1
    assert "bad\ufffd.txt: binary data" in capsysbinary.readouterr().err.decode()


def test_export_without_stdout_is_a_clear_error(tmp_path, db_path):
    main(["export", "--db", str(db_path), "-o", str(tmp_path / "x.json")])
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "export", "--db", str(db_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
        timeout=120,
        preexec_fn=lambda: os.close(1),
    )
    assert result.returncode == 1
    assert b"use -o FILE" in result.stderr


def test_import_of_a_changed_file_makes_a_new_version_and_says_where_annotations_went(
    tmp_path, db, capsys
):
    report = tmp_path / "report.txt"
    report.write_text(
        "Budget report\r\n\r\nThe minister said 2,000 cameras would be installed.\r\n"
        "Police counted 300 protesters outside.\r\n",
        encoding="utf-8",
    )
    assert main(["import", "--db", db.target, str(report)]) == 0
    capsys.readouterr()
    [(doc_id, text)] = db.rows("SELECT id, text FROM documents")
    for i, (label, q, note) in enumerate(
        [("statistic", "2,000 cameras", None), ("statistic", "300 protesters", "police figure")]
    ):
        db.rows(
            "INSERT INTO annotations (id, document_id, label, start_offset, end_offset, note, "
            "annotator, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'me', "
            "'2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000')",
            *(f"a{i}", doc_id, label, text.index(q), text.index(q) + len(q), note),
        )
    report.write_text(
        "Budget report\n\nThe minister said 2,000 cameras would be installed.\n",
        encoding="utf-8",
    )
    assert main(["import", "--db", db.target, str(report)]) == 0
    out = capsys.readouterr().out
    where = str(report.resolve())
    assert f'{where}: imported as version 2 of "Budget report"' in out
    assert f"{where}: annotations placed 1 exactly, 0 by quote, 0 fuzzily, 1 orphaned" in out
    assert (
        f"{where}: orphaned statistic '300 protesters' (note: 'police figure'), "
        "kept on version 1" in out
    )
    # A bad file beside a changed one: nothing is imported, no version is made.
    report.write_text("Budget report\n\nThe minister said 2,000 cameras.\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    before = db_dump(db)
    assert main(["import", "--db", db.target, str(report), str(bad)]) == 1
    assert "bad.txt" in capsys.readouterr().err
    assert db_dump(db) == before


def test_a_command_after_the_options_is_a_usage_error_that_says_put_it_first(tmp_path, capsys):
    """``annotator --db x.db import a.txt`` used to open the window and report "import:
    unsupported file type"; it is a usage error naming the fix, and opens nothing."""
    paper = tmp_path / "a.txt"
    paper.write_text("A paper.\n", encoding="utf-8")
    db_path = tmp_path / "x.db"
    with pytest.raises(SystemExit) as exited:
        annotator_main(["--db", str(db_path), "import", str(paper)])
    assert exited.value.code == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "'import' is a command: put it first, as in 'annotator import --db PATH …'" in err
    assert not db_path.exists()


def test_the_windows_help_names_every_subcommand(capsys):
    with pytest.raises(SystemExit) as exited:
        annotator_main(["--help"])
    assert exited.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    for command in COMMANDS:
        assert f"'annotator {command}'" in out
    assert "'annotator COMMAND --help'" in out
    # What a file manager hands the window (the desktop entry's file types) is named.
    assert "annotation sets, REFI-QDA projects (.qdpx)" in out
