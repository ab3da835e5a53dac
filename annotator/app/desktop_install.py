"""Installing Annotator into the user's own XDG folders: its desktop entry, icons, file
types and AppStream metainfo (``annotator --install-desktop``), and removing them again.

The files come from the shipped ``resources/desktop`` folder; the PNG icons are rendered
by the caller (the window's toolkit draws them from ``icon.svg``). Nothing outside the
user's data folder (``$XDG_DATA_HOME``, else ``~/.local/share``) is written.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from annotator.app.resources import APP_ID, resource_path
from annotator.core.files import write_atomically

# The hicolor theme's fixed sizes the desktops look up; the SVG serves any other.
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
# The cache each tool rebuilds, by the folder (under the data folder) it is run on.
CACHE_TOOLS = (
    ("update-mime-database", ("mime",), ()),
    ("update-desktop-database", ("applications",), ("-q",)),
    ("gtk-update-icon-cache", ("icons", "hicolor"), ("-q", "-t", "-f")),
)
TOOL_TIMEOUT_S = 120
# Characters that make an Exec argument need quotes (Desktop Entry spec, "The Exec key").
_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")


class DesktopInstallError(Exception):
    """The desktop files cannot be made for this installation (the message says why)."""


@dataclass(frozen=True, slots=True)
class CacheRun:
    """One cache tool run: its name, and its complaint (None if it succeeded)."""

    tool: str
    problem: str | None


def data_home() -> Path:
    """The user's data folder: ``$XDG_DATA_HOME`` when it is an absolute path, else
    ``~/.local/share`` (XDG Base Directory spec)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    if value and Path(value).is_absolute():
        return Path(value)
    return Path.home() / ".local" / "share"


def targets(home: Path) -> dict[str, Path]:
    """Every file :func:`install` writes under the data folder ``home``, by what it is."""
    icons = home / "icons" / "hicolor"
    out = {
        "desktop entry": home / "applications" / f"{APP_ID}.desktop",
        "file types": home / "mime" / "packages" / f"{APP_ID}.xml",
        "metainfo": home / "metainfo" / f"{APP_ID}.metainfo.xml",
        "icon (SVG)": icons / "scalable" / "apps" / f"{APP_ID}.svg",
    }
    for size in ICON_SIZES:
        out[f"icon {size}×{size}"] = icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    return out


def launcher() -> list[str]:
    """The command that runs this Annotator: the frozen binary, the ``annotator`` script
    being run (as its path was given, so a symlink that a newer install updates is kept),
    else this Python with ``-m annotator``."""
    if getattr(sys, "frozen", False):
        return [os.path.abspath(sys.executable)]
    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if script is not None and script.stem == "annotator" and script.is_file():
        return [os.path.abspath(script)]
    return [os.path.abspath(sys.executable), "-m", "annotator"]


def exec_value(command: Sequence[str]) -> str:
    """The desktop entry's ``Exec`` value running ``command`` on the files opened (``%F``),
    quoted and escaped as the Desktop Entry spec asks. Raises
    :class:`DesktopInstallError` for a path a desktop entry cannot hold."""
    for arg in command:
        if any(ord(c) < 0x20 or c == "\x7f" for c in arg):
            raise DesktopInstallError(
                f"{arg!r}: a path with a control character cannot be written in a desktop entry"
            )
    line = " ".join(_exec_argument(arg) for arg in command) + " %F"
    return line.replace("\\", "\\\\")  # a desktop entry's string escaping, over the quoting


def _exec_argument(arg: str) -> str:
    arg = arg.replace("%", "%%")
    if not arg or any(c in _RESERVED for c in arg):
        return '"' + re.sub(r'(["`$\\])', r"\\\1", arg) + '"'
    return arg


def desktop_entry(command: Sequence[str]) -> str:
    """The shipped desktop entry with ``Exec`` running ``command``, and ``TryExec`` its
    program (so the desktop hides the entry once that is uninstalled)."""
    entry = _shipped(f"{APP_ID}.desktop").decode("utf-8")
    values = {"Exec": exec_value(command), "TryExec": command[0].replace("\\", "\\\\")}
    for key, value in values.items():
        entry, count = re.subn(rf"(?m)^{key}=.*$", lambda _m, v=f"{key}={value}": v, entry)
        assert count == 1, f"the shipped desktop entry has one {key} line"
    return entry


def install(home: Path, command: Sequence[str], pngs: Mapping[int, bytes]) -> list[Path]:
    """Write the desktop entry (running ``command``), the icons (``pngs`` by size, and the
    SVG), the file types and the metainfo under the data folder ``home``; returns the
    files written, in :func:`targets`' order. Raises ``OSError`` naming the file that
    cannot be written; the desktop entry is written last, so an install that fails
    midway adds no menu entry without its icon and file types."""
    missing = sorted(set(ICON_SIZES) - set(pngs))
    assert not missing, f"no PNG rendered for sizes {missing}"
    where = targets(home)
    contents = {
        "desktop entry": desktop_entry(command).encode("utf-8"),
        "file types": _shipped(f"{APP_ID}.mime.xml"),
        "metainfo": _shipped(f"{APP_ID}.metainfo.xml"),
        "icon (SVG)": resource_path("icon.svg").read_bytes(),
        **{f"icon {size}×{size}": pngs[size] for size in ICON_SIZES},
    }
    for what in sorted(where, key=lambda what: what == "desktop entry"):
        _write(where[what], contents[what])
    return list(where.values())


def uninstall(home: Path) -> list[Path]:
    """Remove what :func:`install` writes under ``home`` (nothing else); returns the files
    removed. Raises ``OSError`` naming a file that cannot be removed."""
    removed = []
    for path in targets(home).values():
        if path.is_file() or path.is_symlink():
            path.unlink()
            removed.append(path)
    return removed


def refresh_caches(home: Path) -> list[CacheRun]:
    """Run each cache tool that is installed on its folder under ``home`` (skipping the
    absent ones and the folders that do not exist); a tool that fails is reported, not
    raised: the files are in place and a desktop reads them on its next start."""
    runs = []
    for tool, parts, options in CACHE_TOOLS:
        program = shutil.which(tool)
        folder = home.joinpath(*parts)
        if program is None or not folder.is_dir():
            continue
        try:
            done = subprocess.run(
                [program, *options, str(folder)],
                capture_output=True,
                text=True,
                timeout=TOOL_TIMEOUT_S,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            runs.append(CacheRun(tool, str(exc)))
            continue
        problem = None
        if done.returncode != 0:
            problem = (done.stderr or done.stdout).strip() or f"exit status {done.returncode}"
        runs.append(CacheRun(tool, problem))
    return runs


def _shipped(name: str) -> bytes:
    return resource_path("desktop").joinpath(name).read_bytes()


def _write(path: Path, data: bytes) -> None:
    """``data`` to ``path`` atomically, its folders made, readable by all as the
    desktop's other files are (a temporary file is private until then)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OSError(f"{path.parent}: cannot make the folder ({exc.strerror or exc})") from None
    write_atomically(path, data)
    path.chmod(0o644)
