"""``annotator --install-desktop`` and ``--uninstall-desktop``: the desktop entry, icons,
file types and metainfo put into (or taken out of) the user's own XDG data folder
(:mod:`annotator.app.desktop_install`), saying what went where.

Exit codes as the commands': 0 done, 1 a file could not be written or removed.
"""

from __future__ import annotations

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
    print(f"Installed Annotator for this user in {home} (it runs: {' '.join(command)}):")
    for path in written:
        print(f"  {names[path]:<16} {path}")
    _report(runs)
    return 0


def uninstall_desktop() -> int:
    """Remove what :func:`install_desktop` put into the user's data folder."""
    home = data_home()
    try:
        removed = uninstall(home)
    except OSError as exc:
        return _error(str(exc))
    runs = refresh_caches(home) if removed else []
    if not removed:
        print(f"Nothing to remove: Annotator's desktop files are not in {home}.")
        return 0
    print(f"Removed Annotator's desktop files from {home}:")
    for path in removed:
        print(f"  {path}")
    _report(runs)
    return 0


def _report(runs: list[CacheRun]) -> None:
    done = [run.tool for run in runs if run.problem is None]
    if done:
        print(f"Refreshed the desktop's caches: {', '.join(done)}.")
    for run in runs:
        if run.problem is not None:
            print(
                f"annotator: {run.tool} failed ({run.problem}); the desktop catches up "
                "when it next starts",
                file=sys.stderr,
            )


def _error(message: str) -> int:
    print(f"annotator: error: {message}", file=sys.stderr)
    return 1
