"""``annotator --install-desktop`` and ``--uninstall-desktop``: the desktop entry, icons,
file types and metainfo put into (or taken out of) the user's own XDG data folder
(:mod:`annotator.app.desktop_install`), saying what went where.

Exit codes as the commands': 0 done, 1 a file could not be written or removed.
"""

from __future__ import annotations

import os
import shlex
import sys

from annotator.app.desktop_install import (
    ICON_SIZES,
    CacheRun,
    DesktopInstallError,
    data_home,
    install,
    launcher,
    refresh_caches,
    targets,
    uninstall,
)
from annotator.app.resources import resource_path
from annotator.ui.icon_images import png_icons


def install_desktop() -> int:
    """Install into the user's data folder, for the ``annotator`` now running."""
    home = data_home()
    command = launcher()
    try:
        pngs = png_icons(resource_path("icon.svg"), ICON_SIZES)
        written = install(home, command, pngs)
    except (OSError, ValueError, DesktopInstallError) as exc:
        return _error(str(exc))
    runs = refresh_caches(home)  # before saying so: the output may be cut (`| head`)
    names = {path: what for what, path in targets(home).items()}
    lines = [f"Installed Annotator for this user in {home} (it runs: {shlex.join(command)}):"]
    lines += [f"  {names[path]:<16} {path}" for path in written]
    return _say(lines, runs)


def uninstall_desktop() -> int:
    """Remove what :func:`install_desktop` put into the user's data folder."""
    home = data_home()
    try:
        removed = uninstall(home)
    except OSError as exc:
        return _error(str(exc))
    if not removed:
        return _say([f"Nothing to remove: Annotator's desktop files are not in {home}."], [])
    runs = refresh_caches(home)
    lines = [f"Removed Annotator's desktop files from {home}:", *(f"  {p}" for p in removed)]
    return _say(lines, runs)


def _say(lines: list[str], runs: list[CacheRun]) -> int:
    """``lines`` and what the cache tools did, on stdout (a failure on stderr); 0, as the
    work is done even when the reader of the output has gone (``| head``)."""
    done = [run.tool for run in runs if run.problem is None]
    if done:
        lines = [*lines, f"Refreshed the desktop's caches: {', '.join(done)}."]
    try:
        print("\n".join(lines), flush=True)
        for run in runs:
            if run.problem is not None:
                print(
                    f"annotator: {run.tool} failed ({run.problem}); the desktop catches up "
                    "when it next starts",
                    file=sys.stderr,
                )
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second complaint
    return 0


def _error(message: str) -> int:
    print(f"annotator: error: {message}", file=sys.stderr)
    return 1
