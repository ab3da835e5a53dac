from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from annotator.core.messages import FILE_PROBLEM, N_, message_of, say
from annotator.core.reading import resolved, system_path


def _refused(path: Path, problem: str) -> OSError:
    return OSError(say(FILE_PROBLEM, file=str(path), problem=problem))


def _cannot_write(path: Path, exc: OSError) -> OSError:
    reason = exc.strerror or message_of(exc)
    return _refused(path, say(N_("cannot write ({reason})"), reason=reason))


def check_target(path: Path, *, folder: bool = False) -> None:
    """Refuse to write over ``path`` when it is under ``/dev``, ``/proc`` or ``/sys``, or
    exists and is not a regular file (a folder when ``folder``): a device, pipe or socket
    replaced by a file would break the system, and writing into one never ends.

    Raises ``OSError`` naming the path and the reason.
    """
    system = system_path(path)
    if system is not None:
        refusal = N_("refused: a system path under {folder}, not a place to write")
        raise _refused(path, say(refusal, folder=str(system)))
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    if folder and not stat.S_ISDIR(mode):
        raise _refused(path, say(N_("refused: exists and is not a folder")))
    if not folder and not stat.S_ISREG(mode):
        if stat.S_ISDIR(mode):
            kind = say(N_("refused: a folder, not a regular file to write over"))
        else:
            kind = say(N_("refused: a device, pipe or socket, not a regular file to write over"))
        raise _refused(path, kind)


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file so no half file is ever left.

    Raises ``OSError`` (with the path in its message) when the folder is missing or
    not writable, or ``path`` is refused by :func:`check_target`.
    """
    with open_atomically(path) as handle:
        handle.write(data)


@contextmanager
def open_atomically(path: Path) -> Iterator[BinaryIO]:
    """A binary file to write ``path`` in pieces: a temporary file that replaces ``path``
    when the block ends, and is removed, leaving ``path`` as it was, when the block
    raises. ``OSError`` as :func:`write_atomically` raises it."""
    check_target(path)
    folder = path.resolve().parent
    if not folder.is_dir():
        raise _refused(path, say(N_("folder {folder} does not exist"), folder=str(folder)))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise _cannot_write(path, exc) from None
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
            inside = say(N_("not a path inside {folder}"), folder=str(folder))
            raise OSError(say(FILE_PROBLEM, file=name, problem=inside))

        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, data)
    return sum(len(data) for data in files.values())
