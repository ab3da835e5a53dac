"""Linux desktop integration: the shipped desktop entry, AppStream metainfo and file
types pass their validators and agree with each other, and ``annotator
--install-desktop`` / ``--uninstall-desktop`` (a process of its own, a throwaway
$XDG_DATA_HOME) put exactly those files in place, with an Exec that runs this
Annotator, and take them away again.

The validators are the freedesktop tools (desktop-file-utils, appstream,
shared-mime-info); CI installs them (.ci/run), so there a missing tool fails the test.
"""

from __future__ import annotations

import os
import shlex
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from annotator import __version__
from annotator.app.desktop_install import ICON_SIZES, exec_value
from annotator.app.resources import APP_ID

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "resources" / "desktop"
DESKTOP = SHIPPED / f"{APP_ID}.desktop"
METAINFO = SHIPPED / f"{APP_ID}.metainfo.xml"
MIME = SHIPPED / f"{APP_ID}.mime.xml"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
SET_TYPE = "application/x-annotator-annotation-set+json"
QDPX_TYPE = "application/x-refi-qda-project"


def tool(name: str) -> str:
    """The path of the freedesktop tool ``name``; skips without it, fails in CI."""
    found = shutil.which(name)
    if found is None:
        message = f"{name} is not installed (.ci/run installs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


def entry_values(text: str) -> dict[str, str]:
    """The keys of a desktop entry's [Desktop Entry] group."""
    group = text.split("[Desktop Entry]\n", 1)[1].split("\n[", 1)[0]
    return dict(line.split("=", 1) for line in group.splitlines() if "=" in line)


def exec_command(value: str, *files: str) -> list[str]:
    """An Exec value as a launcher runs it (Desktop Entry spec): the string escape ``\\\\``
    undone, then the quoting (inside double quotes a backslash escapes ``"`$\\``), ``%F``
    replaced by the files and ``%%`` by a percent sign."""
    text = value.replace("\\\\", "\\")
    args: list[str] = []
    current, quoted, started, i = "", False, False, 0
    while i < len(text):
        c = text[i]
        if quoted and c == "\\" and text[i + 1 : i + 2] in ('"', "`", "$", "\\"):
            current += text[i + 1]
            i += 1
        elif c == '"':
            quoted, started = not quoted, True
        elif c == " " and not quoted:
            if started:
                args.append(current)
            current, started = "", False
        else:
            current, started = current + c, True
        i += 1
    if started:
        args.append(current)
    out: list[str] = []
    for arg in args:
        if arg == "%F":
            out.extend(files)
        else:
            out.append(arg.replace("%%", "%"))
    return out


def run_annotator(args: list[str], data_home: Path, *, argv0: list[str] | None = None, **env):
    command = [*(argv0 or [sys.executable, "-m", "annotator"]), *args]
    environment = {**os.environ, "XDG_DATA_HOME": str(data_home), "PYTHONPATH": str(ROOT), **env}
    return subprocess.run(
        command, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def validate_entry(path: Path) -> None:
    done = subprocess.run(
        [tool("desktop-file-validate"), str(path)], capture_output=True, text=True, timeout=60
    )
    problems = [line for line in done.stdout.splitlines() if ": hint: " not in line]
    assert done.returncode == 0 and problems == [], done.stdout + done.stderr


# -- the shipped files ------------------------------------------------------------------


def test_the_desktop_entry_passes_desktop_file_validate():
    validate_entry(DESKTOP)


def test_the_metainfo_passes_appstreamcli_validate():
    done = subprocess.run(
        [tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    errors = [line for line in done.stdout.splitlines() if line.startswith(("E:", "W:"))]
    assert errors == [], done.stdout


def test_the_file_types_build_a_mime_database_that_knows_them(tmp_path):
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(MIME, packages / f"{APP_ID}.xml")
    done = subprocess.run(
        [tool("update-mime-database"), str(tmp_path / "mime")],
        env={**os.environ, "XDG_DATA_HOME": str(tmp_path)},  # else it warns: not searched
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0 and done.stderr == "", done.stderr
    mime = tmp_path / "mime"
    assert f"{QDPX_TYPE}:*.qdpx" in (mime / "globs2").read_text()
    assert f"{SET_TYPE} application/json" in (mime / "subclasses").read_text().splitlines()
    assert SET_TYPE.encode() in (mime / "magic").read_bytes()
    assert "*.json" not in (mime / "globs2").read_text()  # other JSON stays application/json


def test_the_three_files_name_the_same_app_types_and_version():
    entry = entry_values(DESKTOP.read_text(encoding="utf-8"))
    meta = ET.parse(METAINFO).getroot()
    mime_types = {t.get("type") for t in ET.parse(MIME).getroot().iter(f"{MIME_NS}mime-type")}
    assert mime_types == {SET_TYPE, QDPX_TYPE}
    assert set(filter(None, entry["MimeType"].split(";"))) == mime_types
    assert {m.text for m in meta.iter("mediatype")} == mime_types
    assert entry["Icon"] == meta.findtext("id") == APP_ID
    assert meta.findtext("launchable") == DESKTOP.name
    assert entry["Exec"] == "annotator %F" and entry["TryExec"] == "annotator"
    assert meta.findtext("provides/binary") == "annotator"
    assert entry["StartupWMClass"] == "Annotator"  # the window's WM_CLASS: its application name
    newest = meta.find("releases/release")
    assert newest is not None and newest.get("version") == __version__
    assert meta.find("screenshots/screenshot/image").text.startswith("https://")


def magic_matches(data: bytes) -> bool:
    """Whether the shipped annotation-set magic matches ``data`` (string matches at an
    offset or an offset range, nested matches all holding)."""

    def holds(match: ET.Element) -> bool:
        value = match.get("value").encode()
        start, _, end = match.get("offset").partition(":")
        first, last = int(start), int(end or start)
        found = any(data[at : at + len(value)] == value for at in range(first, last + 1))
        children = match.findall(f"{MIME_NS}match")
        return found and (not children or any(holds(child) for child in children))

    [set_type] = [
        t for t in ET.parse(MIME).getroot().iter(f"{MIME_NS}mime-type") if t.get("type") == SET_TYPE
    ]
    assert all(m.get("type") == "string" for m in set_type.iter(f"{MIME_NS}match"))
    return any(holds(m) for m in set_type.find(f"{MIME_NS}magic").findall(f"{MIME_NS}match"))


def test_the_set_magic_claims_every_exported_set_and_no_other_json(tmp_path):
    paper = tmp_path / "paper.txt"
    paper.write_text("The ministry said 12 schools closed. 😀\n", encoding="utf-8")
    db = str(tmp_path / "a.db")
    assert run_annotator(["import", "--db", db, str(paper)], tmp_path).returncode == 0
    exported = {}
    for name, options in {
        "pretty": [],
        "compact": ["--compact"],
        "no text": ["--no-text"],
        "label studio": ["--format", "label-studio"],
        "w3c": ["--format", "w3c"],
    }.items():
        out = tmp_path / f"{name}.json"
        done = run_annotator(["export", "--db", db, "-o", str(out), *options], tmp_path)
        assert done.returncode == 0, done.stderr
        exported[name] = out.read_bytes()
    assert {name: magic_matches(data) for name, data in exported.items()} == {
        "pretty": True,
        "compact": True,
        "no text": True,
        "label studio": False,
        "w3c": False,
    }
    # Saved again by an editor that adds a byte order mark: Annotator still imports it.
    assert magic_matches(b"\xef\xbb\xbf" + exported["pretty"])
    assert magic_matches(b"\xef\xbb\xbf" + exported["compact"])
    assert not magic_matches(b'{"title": "notes", "format": "annotator-annotation-set"}')
    assert not magic_matches(b'[{"format": "annotator-annotation-set"}]')


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (["/opt/annotator/annotator"], "/opt/annotator/annotator %F"),
        (["/home/ana/my apps/annotator"], '"/home/ana/my apps/annotator" %F'),
        (
            ['/home/ana/$dollar\\back`tick"/annotator'],
            '"/home/ana/\\\\$dollar\\\\\\\\back\\\\`tick\\\\"/annotator" %F',
        ),
        (["/srv/100%/python", "-m", "annotator"], "/srv/100%%/python -m annotator %F"),
    ],
)
def test_exec_quotes_a_path_as_the_desktop_entry_spec_asks(command, expected):
    assert exec_value(command) == expected
    assert exec_command(expected, "a b.qdpx") == [*command, "a b.qdpx"]


# -- installing and uninstalling ---------------------------------------------------------


def installed_files(home: Path) -> set[str]:
    return {str(p.relative_to(home)) for p in home.rglob("*") if p.is_file()}


def expected_files() -> set[str]:
    return {
        f"applications/{APP_ID}.desktop",
        f"mime/packages/{APP_ID}.xml",
        f"metainfo/{APP_ID}.metainfo.xml",
        f"icons/hicolor/scalable/apps/{APP_ID}.svg",
        *(f"icons/hicolor/{n}x{n}/apps/{APP_ID}.png" for n in ICON_SIZES),
    }


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_install_puts_every_file_in_place_with_an_exec_that_runs_this_annotator(tmp_path):
    home = tmp_path / "data"
    done = run_annotator(["--install-desktop"], home)
    assert done.returncode == 0, done.stderr
    assert expected_files() <= installed_files(home)
    for name in expected_files():  # the output says where each file went
        assert str(home / name) in done.stdout
    entry_path = home / "applications" / f"{APP_ID}.desktop"
    validate_entry(entry_path)
    entry = entry_values(entry_path.read_text(encoding="utf-8"))
    assert entry["Exec"] == f"{sys.executable} -m annotator %F"
    assert entry["TryExec"] == sys.executable
    assert entry["MimeType"] == entry_values(DESKTOP.read_text(encoding="utf-8"))["MimeType"]
    for n in ICON_SIZES:
        icon = home / "icons" / "hicolor" / f"{n}x{n}" / "apps" / f"{APP_ID}.png"
        assert png_size(icon) == (n, n)
        image = QImage(str(icon))
        assert image.pixelColor(n // 2, n // 2).alpha() == 255  # drawn, not blank
        assert image.pixelColor(0, 0).alpha() < 255  # transparent round the rounded corner
    assert (home / "mime" / "packages" / f"{APP_ID}.xml").read_bytes() == MIME.read_bytes()
    assert (home / "metainfo" / f"{APP_ID}.metainfo.xml").read_bytes() == METAINFO.read_bytes()
    # The Exec written runs this Annotator.
    version = subprocess.run(
        exec_command(entry["Exec"], "--version"),
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert version.stdout.strip() == f"annotator {__version__}"


def test_exec_is_the_annotator_script_run_even_from_a_folder_with_spaces(tmp_path):
    folder = tmp_path / "my apps $HOME"
    folder.mkdir()
    script = folder / "annotator"
    script.write_text(
        f"#!{sys.executable}\nimport sys\nfrom annotator.main import main\nsys.exit(main())\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    home = tmp_path / "data"
    done = run_annotator(["--install-desktop"], home, argv0=[str(script)])
    assert done.returncode == 0, done.stderr
    entry_path = home / "applications" / f"{APP_ID}.desktop"
    validate_entry(entry_path)
    exec_line = entry_values(entry_path.read_text(encoding="utf-8"))["Exec"]
    assert exec_command(exec_line, "a.qdpx") == [str(script), "a.qdpx"]
    # What the output says it runs can be pasted into a shell as it is.
    said = done.stdout.splitlines()[0].split("(it runs: ", 1)[1].removesuffix("):")
    assert shlex.split(said) == [str(script)]
    assert entry_values(entry_path.read_text(encoding="utf-8"))["TryExec"] == str(script)


def test_install_without_the_cache_tools_still_installs(tmp_path):
    empty = tmp_path / "bin"
    empty.mkdir()
    home = tmp_path / "data"
    done = run_annotator(["--install-desktop"], home, PATH=str(empty))
    assert done.returncode == 0, done.stderr
    assert installed_files(home) == expected_files()  # no cache written: no tool ran
    assert "Refreshed" not in done.stdout and done.stderr == ""


def test_a_cache_tool_that_fails_is_reported_and_the_files_stay(tmp_path):
    tools = tmp_path / "bin"
    tools.mkdir()
    failing = tools / "update-mime-database"
    failing.write_text("#!/bin/sh\necho 'cannot write mime.cache' >&2\nexit 3\n")
    failing.chmod(0o755)
    home = tmp_path / "data"
    done = run_annotator(["--install-desktop"], home, PATH=str(tools))
    assert done.returncode == 0, done.stderr
    assert "update-mime-database failed (cannot write mime.cache)" in done.stderr
    assert "Refreshed the desktop's caches" not in done.stdout
    assert "Traceback" not in done.stderr
    assert installed_files(home) == expected_files()


def content_types(home: Path, folder: Path) -> dict[str, str]:
    """The type GIO gives each of a few files, with ``home`` as the user's data folder."""
    paper = folder / "paper.txt"
    paper.write_text("The ministry said 12 schools closed.\n", encoding="utf-8")
    db = str(folder / "types.db")
    files = {
        "set.json": [],
        "compact.json": ["--compact"],
        "project.qdpx": ["--format", "refi-qda"],
    }
    assert run_annotator(["import", "--db", db, str(paper)], home).returncode == 0
    for name, options in files.items():
        out = str(folder / name)
        assert run_annotator(["export", "--db", db, "-o", out, *options], home).returncode == 0
    (folder / "other.json").write_text('{"format": "something else"}\n')
    (folder / "bom.json").write_bytes(b"\xef\xbb\xbf" + (folder / "set.json").read_bytes())
    found = {}
    for name in [*files, "other.json", "bom.json"]:
        done = subprocess.run(
            ["gio", "info", "-a", "standard::content-type", str(folder / name)],
            env={**os.environ, "XDG_DATA_HOME": str(home)},
            capture_output=True,
            text=True,
            timeout=60,
        )
        found[name] = done.stdout.rsplit("standard::content-type: ", 1)[-1].strip()
    return found


def test_install_refreshes_the_caches_and_uninstall_leaves_nothing_of_it(tmp_path):
    for name in ("update-mime-database", "update-desktop-database", "gtk-update-icon-cache"):
        tool(name)
    tool("gio")  # the one check of the types as a file manager sees them: never skipped in CI
    home = tmp_path / "data"
    assert run_annotator(["--install-desktop"], home).returncode == 0
    assert f"{SET_TYPE}={APP_ID}.desktop;" in (home / "applications" / "mimeinfo.cache").read_text()
    assert f"{QDPX_TYPE}:*.qdpx" in (home / "mime" / "globs2").read_text()
    assert (home / "icons" / "hicolor" / "icon-theme.cache").is_file()
    # As GNOME's file managers see files (GIO sniffs a .json).
    assert content_types(home, tmp_path) == {
        "set.json": SET_TYPE,
        "compact.json": SET_TYPE,
        "other.json": "application/json",
        "bom.json": SET_TYPE,
        "project.qdpx": QDPX_TYPE,
    }
    # Something of the user's own stays where it is.
    own = home / "applications" / "my-editor.desktop"
    own.write_text("[Desktop Entry]\nType=Application\nName=Mine\nExec=mine\n")

    done = run_annotator(["--uninstall-desktop"], home)
    assert done.returncode == 0, done.stderr
    for name in expected_files():
        assert str(home / name) in done.stdout
    left = installed_files(home)
    assert left.isdisjoint(expected_files()) and own.is_file()
    for name in left:  # the caches, rebuilt without Annotator's types and icons
        data = (home / name).read_bytes()
        assert APP_ID.encode() not in data and SET_TYPE.encode() not in data, name
        assert QDPX_TYPE.encode() not in data, name

    again = run_annotator(["--uninstall-desktop"], home)
    assert again.returncode == 0
    assert again.stdout == f"Nothing to remove: Annotator's desktop files are not in {home}.\n"


def test_an_unwritable_data_folder_is_a_clear_error(tmp_path):
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be")
    done = run_annotator(["--install-desktop"], blocker)
    assert done.returncode == 1
    assert done.stderr.startswith(f"annotator: error: {blocker}")
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_install_desktop_takes_no_files_and_not_both(tmp_path):
    with_file = run_annotator(["--install-desktop", "a.txt"], tmp_path / "data")
    both = run_annotator(["--install-desktop", "--uninstall-desktop"], tmp_path / "data")
    assert with_file.returncode == both.returncode == 2
    assert "take no files" in with_file.stderr and "not allowed with" in both.stderr
    assert not (tmp_path / "data").exists()


def test_an_install_that_fails_midway_adds_no_menu_entry(tmp_path):
    home = tmp_path / "data"
    home.mkdir()
    (home / "icons").write_text("a file where the icon theme's folder should be")
    done = run_annotator(["--install-desktop"], home)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"annotator: error: {home / 'icons'}")
    # The menu entry, written last, would point at an icon and file types not in place.
    assert not (home / "applications").exists()


def test_exec_keeps_the_symbolic_link_it_was_run_through(tmp_path):
    # pipx puts ~/.local/bin/annotator, a link into its venv, on PATH; an upgrade or a
    # reinstall may move the venv's script, never the link.
    venv_bin = tmp_path / "venvs" / "annotator" / "bin"
    venv_bin.mkdir(parents=True)
    script = venv_bin / "annotator"
    script.write_text(
        f"#!{sys.executable}\nimport sys\nfrom annotator.main import main\nsys.exit(main())\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    link = tmp_path / "bin ü" / "annotator"
    link.parent.mkdir()
    link.symlink_to(script)
    home = tmp_path / "data"
    done = run_annotator(["--install-desktop"], home, argv0=[str(link)])
    assert done.returncode == 0, done.stderr
    entry = entry_values((home / "applications" / f"{APP_ID}.desktop").read_text("utf-8"))
    assert exec_command(entry["Exec"], "a.qdpx") == [str(link), "a.qdpx"]
    assert entry["TryExec"] == str(link)
