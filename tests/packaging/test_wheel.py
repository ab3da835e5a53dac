"""The package as a user gets it: ``python -m build`` makes an sdist and a wheel that
``twine check`` passes, that hold what the app runs on and nothing else, and that
``pipx install`` turns into a working ``annotator`` command in a clean environment.

pipx installs into a virtual environment of its own under ``tmp_path``; pip downloads the
dependencies (~100 MB of wheels, most of it PySide6) once into the user's pip cache and
reuses them after, so only the first run on a machine pays for the download.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tarfile
import time
import zipfile
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from platformdirs import user_cache_dir

import annotator
from annotator.ui.i18n import compiled_name

ROOT = Path(__file__).resolve().parents[2]
VERSION = annotator.__version__
# Read at import, before the autouse fixture points HOME and XDG_CACHE_HOME at tmp_path.
PIP_CACHE = os.environ.get("PIP_CACHE_DIR") or user_cache_dir("pip")
# Where the build may put what the app does not need; none of it may go in.
NEVER = ("tests/", "eval/", "bench/", ".ci/", "Makefile", "__pycache__", ".pyc", "screenshot.py")
# What the sdist holds at its top: the wheel's sources, their build hook and the texts.
SDIST_TOP = {
    "annotator",
    "resources",
    "seeds",
    "docs",
    "hatch_build.py",
    "pyproject.toml",
    "README.md",
    "LICENSE",
    "PKG-INFO",
    ".gitignore",
}
# A report with emoji outside the Basic Multilingual Plane (two UTF-16 units each): the
# rules find a claim around 📷 and a refusal after 😀, which must sit at code points.
REPORT = (
    "Police said more than 2,000 cameras 📷 would be installed by June. 🙈 "
    "A spokesman declined to comment on the cost. 😀 Officials declined to comment again.\n"
)


def run(*args: str | Path, env: dict[str, str], cwd: Path, timeout: float = 600) -> str:
    """Run a command; its standard output, or a failure showing what it printed."""
    return completed(*args, env=env, cwd=cwd, timeout=timeout).stdout


def completed(
    *args: str | Path, env: dict[str, str], cwd: Path, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    """Run a command that must succeed; what it printed on either stream."""
    result = subprocess.run(
        [str(a) for a in args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, (
        f"{args} exited with {result.returncode}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    )
    return result


def environment(tmp_path: Path, path: str | None = None) -> dict[str, str]:
    """The environment of a user's shell, with the pip cache shared between runs."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PIP_CACHE_DIR"] = PIP_CACHE
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    # A slow or briefly failing PyPI costs time, not the test: pip's defaults (15 s, 5
    # retries) give up on a stalled download of PySide6's 77 MB wheel.
    env.setdefault("PIP_DEFAULT_TIMEOUT", "60")  # the user's own, if set, stays
    env.setdefault("PIP_RETRIES", "10")
    if path is not None:
        env["PATH"] = path
    return env


def shipped_sources() -> list[str]:
    """The files of resources/, seeds/ and docs/ that are sources, not build artefacts:
    what git tracks (docs' scripts excepted), else what is on disk but compiled catalogues."""
    tracked = subprocess.run(
        ["git", "ls-files", "-z", "resources", "seeds", "docs"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if tracked.returncode == 0 and tracked.stdout:
        names = tracked.stdout.strip("\0").split("\0")
    else:
        names = [
            p.relative_to(ROOT).as_posix()
            for folder in ("resources", "seeds", "docs")
            for p in (ROOT / folder).rglob("*")
            if p.is_file() and p.suffix != ".qm"
        ]
    return sorted(n for n in names if not (n.startswith("docs/") and n.endswith(".py")))


def build(tmp_path: Path, *args: str, path: str) -> tuple[Path, str]:
    """``python -m build`` of the repository into a folder of tmp_path; the folder and
    what the build printed."""
    out = tmp_path / "dist"
    result = completed(
        sys.executable,
        "-m",
        "build",
        *args,
        "--outdir",
        out,
        ROOT,
        env=environment(tmp_path, path),
        cwd=tmp_path,
    )
    return out, result.stdout + result.stderr


def titles_once_the_window_opened(
    app: Path, database: Path, env: dict[str, str], cwd: Path
) -> list[str]:
    """Start the window (offscreen) as a user would, wait until ``database`` holds
    documents, then end it; their titles. Fails if the window exits on its own first."""
    log = cwd / "window.log"
    with log.open("wb") as output:
        window = subprocess.Popen(
            [str(app)], env=env, cwd=cwd, stdout=output, stderr=output, start_new_session=True
        )
    try:
        deadline = time.monotonic() + 300
        while not (titles := document_titles(database)):
            if window.poll() is not None:
                pytest.fail(f"the window exited ({window.returncode}): {log.read_text()}")
            if time.monotonic() > deadline:
                pytest.fail(f"the window wrote no document to {database}: {log.read_text()}")
            time.sleep(0.2)
        return titles
    finally:
        if window.poll() is None:
            os.killpg(window.pid, signal.SIGTERM)  # its session: the window and its helper
        window.wait(timeout=60)


def document_titles(database: Path) -> list[str]:
    """The titles stored in an SQLite database, read-only; none while it is not made yet."""
    if not database.is_file():
        return []
    try:
        with closing(sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)) as connection:
            return [row[0] for row in connection.execute("SELECT title FROM documents")]
    except sqlite3.OperationalError:  # no such table, or locked: the window is at it
        return []


def check_sdist(sdist: Path) -> None:
    with tarfile.open(sdist) as archive:
        names = [m.name for m in archive.getmembers() if m.isfile()]
    prefix = f"annotator-{VERSION}/"
    assert all(n.startswith(prefix) for n in names), names
    inside = [n.removeprefix(prefix) for n in names]
    assert {n.split("/")[0] for n in inside} == SDIST_TOP
    for source in shipped_sources():
        assert source in inside, f"the sdist lacks {source}"
    assert "annotator/store/migrations/env.py" in inside
    assert not [n for n in inside if any(bad in n for bad in NEVER)]


def check_wheel(wheel: Path) -> str:
    """Checks the wheel's files; returns its METADATA."""
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata = archive.read(f"annotator-{VERSION}.dist-info/METADATA").decode()
    assert all(n.split("/")[0] in ("annotator", f"annotator-{VERSION}.dist-info") for n in names)
    assert not [n for n in names if any(bad in n for bad in NEVER)]
    # The package, its migrations and every source file of resources/, seeds/ and docs/.
    for module in ("annotator/__init__.py", "annotator/main.py", "annotator/__main__.py"):
        assert module in names
    migrations = ROOT / "annotator/store/migrations"
    for path in migrations.rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts:
            assert path.relative_to(ROOT).as_posix() in names
    for source in shipped_sources():
        assert f"annotator/_data/{source}" in names, f"the wheel lacks {source}"
    manifest = json.loads((ROOT / "seeds/seeds.json").read_text(encoding="utf-8"))
    assert manifest["seeds"]
    for seed in manifest["seeds"]:
        assert f"annotator/_data/seeds/{seed['file']}" in names
    # Each catalogue compiled beside its source, under the name the app looks for.
    catalogues = sorted((ROOT / "resources/i18n").glob("*.ts"))
    assert catalogues
    for source in catalogues:
        assert f"annotator/_data/resources/i18n/{compiled_name(source)}" in names
    assert f"annotator-{VERSION}.dist-info/licenses/LICENSE" in names
    return metadata


def check_metadata(metadata: str) -> None:
    headers, _, description = metadata.partition("\n\n")
    for line in (
        "Name: annotator",
        f"Version: {VERSION}",
        "License-Expression: MIT",
        "License-File: LICENSE",
        "Author: Annotator developers",
        "Classifier: Environment :: X11 Applications :: Qt",
        "Classifier: Programming Language :: Python :: 3.11",
        "Description-Content-Type: text/markdown",
    ):
        assert line in headers.splitlines()
    # The README, without links and images that only resolve inside the repository.
    assert description.startswith("# Annotator")
    assert "](docs/" not in description and "![" not in description


@pytest.fixture
def pipx_home(tmp_path: Path) -> Iterator[Path]:
    """pipx's folder, removed after the test: its venv is ~340 MB, and pytest keeps the
    last three runs' tmp_path."""
    home = tmp_path / "pipx"
    yield home
    shutil.rmtree(home, ignore_errors=True)


@pytest.mark.slow
@pytest.mark.timeout(1800)  # a first run downloads the dependencies
def test_the_wheel_installs_with_pipx_and_runs(tmp_path, pipx_home):
    # The test's virtual environment on PATH, as it is for a developer who activated it:
    # the build hook finds PySide6's lrelease there and compiles the catalogues.
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    dist, _ = build(tmp_path, path=path)
    wheel = dist / f"annotator-{VERSION}-py3-none-any.whl"
    sdist = dist / f"annotator-{VERSION}.tar.gz"
    assert sorted(dist.iterdir()) == sorted([wheel, sdist])
    checked = run(
        sys.executable,
        "-m",
        "twine",
        "check",
        "--strict",
        wheel,
        sdist,
        env=environment(tmp_path),
        cwd=tmp_path,
    )
    assert checked.count("PASSED") == 2, checked
    check_sdist(sdist)
    check_metadata(check_wheel(wheel))

    # pipx, as README tells a user, into folders of tmp_path, from the Python running this.
    env = environment(tmp_path)
    env.update(
        PIPX_HOME=str(pipx_home),
        PIPX_BIN_DIR=str(pipx_home / "bin"),
        PIPX_MAN_DIR=str(pipx_home / "man"),
    )
    run(
        sys.executable,
        "-m",
        "pipx",
        "install",
        "--python",
        sys.executable,
        wheel,
        env=env,
        cwd=tmp_path,
        timeout=1500,
    )
    app = pipx_home / "bin" / "annotator"
    assert app.is_file()
    home = tmp_path / "user"  # a user who never ran the app: nothing in their folders
    user = environment(tmp_path)
    user.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_STATE_HOME=str(home / "state"),
        QT_QPA_PLATFORM="offscreen",
    )

    assert run(app, "--version", env=user, cwd=tmp_path).strip() == f"annotator {VERSION}"

    # The window, opened on the default database, starts it with the seed article.
    default = home / "data" / "annotator" / "annotations.db"
    titles = titles_once_the_window_opened(app, default, env=user, cwd=tmp_path)
    stats = run(app, "stats", env=user, cwd=tmp_path)
    seeds = json.loads((ROOT / "seeds/seeds.json").read_text(encoding="utf-8"))["seeds"]
    for seed in seeds:
        assert seed["title"] in titles
        assert seed["title"] in stats

    # A file with emoji: imported, tagged by the rules, exported; offsets are code points.
    report = tmp_path / "report.txt"
    report.write_bytes(REPORT.encode("utf-8"))
    db = tmp_path / "fresh.db"
    imported = run(app, "import", "--db", db, report, env=user, cwd=tmp_path)
    assert "report.txt: imported" in imported
    run(app, "suggest", "--db", db, "--apply", env=user, cwd=tmp_path)
    exported = tmp_path / "set.json"
    run(app, "export", "--db", db, "--format", "json", "-o", exported, env=user, cwd=tmp_path)
    aset = json.loads(exported.read_text(encoding="utf-8"))
    assert aset["offset_unit"] == "codepoint"
    assert aset["generator"] == {"name": "annotator", "version": VERSION}
    (document,) = aset["documents"]
    assert document["text"] == REPORT
    spans = {(a["label"], a["start"], a["end"]): a["quote"] for a in document["annotations"]}
    for (_label, start, end), quote in spans.items():
        assert REPORT[start:end] == quote
    assert any("📷" in quote for (label, _, _), quote in spans.items() if label == "claim")
    refusal = REPORT.rindex("declined to comment")
    assert ("refusal", refusal, refusal + len("declined to comment again")) in spans

    # The installed app reads its own files (not this repository's): the guide, the seed,
    # and the catalogue compiled at build time rather than one compiled into the cache.
    where = run(
        pipx_home / "venvs" / "annotator" / "bin" / "python",
        "-c",
        "from annotator.app.guide import guide_page; from annotator.ui.i18n import compiled;"
        "from annotator.app.resources import data_dir;"
        "print(guide_page()); print(compiled('zh_Hant')); print(data_dir('seeds'))",
        env=user,
        cwd=tmp_path,
    ).splitlines()
    installed = (pipx_home / "venvs" / "annotator").resolve()
    for line in where:
        assert Path(line).resolve().is_relative_to(installed), line
    assert Path(where[1]).name == compiled_name(ROOT / "resources/i18n/annotator_zh_Hant.ts")
    assert not (home / "cache" / "annotator").exists()


@pytest.mark.slow
def test_without_lrelease_the_wheel_carries_the_catalogues_uncompiled(tmp_path):
    # PATH without PySide6's tools (the build's own environment has no PySide6).
    path = os.pathsep.join(
        p
        for p in os.environ.get("PATH", "").split(os.pathsep)
        if p and not (Path(p) / "pyside6-lrelease").exists()
    )
    dist, printed = build(tmp_path, "--wheel", path=path)
    (wheel,) = dist.iterdir()
    with zipfile.ZipFile(wheel) as archive:
        catalogues = [n for n in archive.namelist() if "/i18n/" in n]
    assert catalogues == ["annotator/_data/resources/i18n/annotator_zh_Hant.ts"]
    assert "lrelease not found" in printed
