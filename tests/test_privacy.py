"""Privacy: no network connection unless a database server is configured; private
database files; an export holds only what was asked for."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.app.opening import open_store
from annotator.cli import main
from annotator.core.model import NewDocument
from tests.fuzz.samples import SAMPLES

ROOT = Path(__file__).resolve().parent.parent
# Imported by a child process before anything else: any attempt to reach the network
# (or to look a name up) fails the process loudly.
BLOCKER = """
import socket, sys
def refuse(*args, **kwargs):
    sys.stderr.write("NETWORK ATTEMPT %r\\n" % (args[:2],))
    raise OSError("network blocked by the test")
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.socket.sendto = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
socket.gethostbyname = refuse
"""


@pytest.fixture
def no_network(monkeypatch):
    """Sockets that record and refuse every attempt to connect or resolve a name."""
    attempts: list[tuple] = []

    def refuse(*args, **kwargs):
        attempts.append(args[:2])
        raise OSError("network blocked by the test")

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse)
    for name in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, refuse)
    return attempts


def test_importers_and_commands_never_touch_the_network(no_network, tmp_path, db_path):
    files = []
    for name, data in SAMPLES.items():
        path = tmp_path / name
        path.write_bytes(data)
        files.append(str(path))
    assert main(["import", "--db", str(db_path), *files]) == 0
    out = tmp_path / "out.json"
    assert main(["export", "--db", str(db_path), "-o", str(out)]) == 0
    assert main(["import", "--db", str(tmp_path / "again.db"), str(out)]) == 0
    assert main(["stats", "--db", str(db_path)]) == 0
    assert main(["backup", "--db", str(db_path)]) == 0
    assert main(["restore", "--db", str(db_path)]) == 0
    assert no_network == []
    with pytest.raises(OSError):  # the block itself works
        socket.create_connection(("127.0.0.1", 9))
    assert no_network == [(("127.0.0.1", 9),)]


def test_the_window_never_touches_the_network(no_network, qtbot, db_path, tmp_path):
    from PySide6.QtCore import Qt

    from annotator.ui.app import create_window
    from tests.ui.conftest import Driver

    store = open_store(str(db_path), seed=True)
    window = create_window(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    app = Driver(qtbot, window)
    app.tag("615 new", Qt.Key.Key_3)
    app.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    window.show_statistics()
    window.close()
    store.close()
    assert no_network == []


def test_a_fresh_process_running_the_commands_never_touches_the_network(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(BLOCKER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": f"{site}{os.pathsep}{ROOT}", "QT_QPA_PLATFORM": "offscreen"}
    probe = subprocess.run(
        [sys.executable, "-c", "import socket; socket.create_connection(('127.0.0.1', 9))"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert "NETWORK ATTEMPT" in probe.stderr  # the block itself works
    document = tmp_path / "plain.txt"
    document.write_bytes(SAMPLES["plain.txt"])
    db = tmp_path / "fresh.db"
    for args in (
        ["import", "--db", str(db), str(document)],
        ["export", "--db", str(db), "-o", str(tmp_path / "o.json")],
        ["stats", "--db", str(db)],
    ):
        done = subprocess.run(
            [sys.executable, "-m", "annotator", *args], env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        assert "NETWORK ATTEMPT" not in done.stderr


def test_database_files_and_their_journals_are_private(db_path):
    store = open_store(str(db_path))
    store.import_documents([NewDocument("t", "s", "text")])  # the WAL is written
    wal = db_path.with_name(db_path.name + "-wal")
    assert wal.exists()
    for path in (db_path, wal):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    store.close()


def test_an_export_holds_only_the_documents_and_annotations_asked_for(db_path, tmp_path):
    store = open_store(str(db_path))
    kept, other = (
        store.import_documents([NewDocument(title, "s", text)])[0].document
        for title, text in (
            ("Kept report", "Police said 2,000 cameras will come."),
            ("Secret notes", "Confidential: the informant lives at 12 Hidden Street."),
        )
    )
    store.tag(kept.id, "statistic", 12, 17, "me")
    store.tag(kept.id, "claim", 0, 11, "someone else")
    store.tag(other.id, "claim", 0, 12, "me")
    store.close()
    for fmt in ("json", "csv", "jsonl"):
        out = tmp_path / f"only.{fmt}"
        args = ["export", "--db", str(db_path), "--format", fmt, "-o", str(out)]
        assert main([*args, "--document", "Kept", "--annotator", "me"]) == 0
        written = out.read_text(encoding="utf-8")
        assert "2,000" in written
        for secret in ("Secret notes", "informant", "Hidden Street", other.id, "someone else"):
            assert secret not in written, (fmt, secret)
    data = json.loads((tmp_path / "only.json").read_text(encoding="utf-8"))
    assert [d["title"] for d in data["documents"]] == ["Kept report"]
    assert [len(d["annotations"]) for d in data["documents"]] == [1]
