from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file so no half file is ever left.

    Raises ``OSError`` (with the path in its message) when the folder is missing or
    not writable.
    """
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
    Paths that would leave the folder are refused."""
    folder.mkdir(parents=True, exist_ok=True)
    root = folder.resolve()
    for name, data in files.items():
        target = (folder / name).resolve()
        if root not in target.parents:
            raise OSError(f"{name}: not a path inside {folder}")
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, data)
    return sum(len(data) for data in files.values())
