from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from annotator.core.reading import resolved, system_path


def check_target(path: Path, *, folder: bool = False) -> None:
    """Refuse to write over ``path`` when it is under ``/dev``, ``/proc`` or ``/sys``, or
    exists and is not a regular file (a folder when ``folder``): a device, pipe or socket
    replaced by a file would break the system, and writing into one never ends.

    Raises ``OSError`` naming the path and the reason.
    """
    system = system_path(path)
    if system is not None:
        raise OSError(f"{path}: refused: a system path under {system}, not a place to write")
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OSError(f"{path}: cannot write ({exc.strerror or exc})") from None
    if folder and not stat.S_ISDIR(mode):
        raise OSError(f"{path}: refused: exists and is not a folder")
    if not folder and not stat.S_ISREG(mode):
        kind = "a folder" if stat.S_ISDIR(mode) else "a device, pipe or socket"
        raise OSError(f"{path}: refused: {kind}, not a regular file to write over")


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file so no half file is ever left.

    Raises ``OSError`` (with the path in its message) when the folder is missing or
    not writable, or ``path`` is refused by :func:`check_target`.
    """
    check_target(path)
    folder = path.resolve().parent
    if not folder.is_dir():
        raise OSError(f"{path}: folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    except OSError as exc:
        raise OSError(f"{path}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OSError(f"{path}: cannot write ({exc.strerror or exc})") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_folder(folder: Path, files: dict[str, bytes]) -> int:
    """Write ``files`` (relative path -> bytes) into ``folder``; returns the bytes written.
    Paths that would leave the folder are refused, and so are a ``folder`` that
    :func:`check_target` refuses and files in it that are not regular files."""
    check_target(folder, folder=True)
    folder.mkdir(parents=True, exist_ok=True)
    root = resolved(folder)
    for name, data in files.items():
        target = resolved(folder / name)  # a loop of links: OSError, not RuntimeError
        if root not in target.parents:
            raise OSError(f"{name}: not a path inside {folder}")
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, data)
    return sum(len(data) for data in files.values())
