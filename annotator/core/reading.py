"""One guarded way to read a file that an import names or finds in a folder.

Only regular files are read: never a pipe (it would wait for a writer), a device
(``/dev/zero`` never ends), a socket, or anything under ``/proc``, ``/sys`` or ``/dev``
(``/proc/kmsg`` says it is a regular file of size 0 and then blocks). The file is opened
without blocking and checked again through the opened descriptor, so swapping it between
the check and the open cannot fool the guard; at most the size cap plus one byte is read.
A file found inside an imported folder may be a symbolic link only to a file inside that
folder.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from annotator.core.messages import FILE_PROBLEM, N_, Said, message_of, say

SYSTEM_FOLDERS = (Path("/proc"), Path("/sys"), Path("/dev"))
_CHUNK = 1 << 20
_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO opens at once instead of waiting for a writer
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


class DocumentReadError(ValueError):
    """A file that cannot be imported; the message names the file and the reason."""


class FileReadError(DocumentReadError):
    """A file the guarded read refuses or cannot read: ``file: reason``."""

    def __init__(self, file: str, reason: str) -> None:
        self.file = file
        self.reason = reason
        super().__init__(say(FILE_PROBLEM, file=file, problem=reason))


class OutsideFolder(FileReadError):
    """A file found in a folder that is a symbolic link to somewhere outside it."""


def shown_path(path: Path) -> str:
    """``path`` as text that can always be printed and stored: file names that are not
    valid UTF-8 get U+FFFD where their undecodable bytes were."""
    return os.fsencode(path).decode("utf-8", "replace")


def resolved(path: Path) -> Path:
    """``path.resolve()``, with a loop of symbolic links an ``OSError`` (Python 3.11
    raises ``RuntimeError``) naming the path."""
    try:
        return path.resolve()
    except RuntimeError:
        loop = say(N_("a loop of symbolic links"))
        raise OSError(say(FILE_PROBLEM, file=shown_path(path), problem=loop)) from None


def system_path(path: Path) -> Path | None:
    """The system folder (``/proc``, ``/sys``, ``/dev``) ``path`` leads into, if any;
    ``OSError`` for a loop of symbolic links."""
    resolved_path = resolved(path)
    for folder in SYSTEM_FOLDERS:
        if resolved_path == folder or folder in resolved_path.parents:
            return folder
    return None


@contextmanager
def open_file(path: Path, *, folder: Path | None = None) -> Iterator[tuple[BinaryIO, int]]:
    """The file at ``path`` opened for reading, with its size, once it has passed the
    guard (a regular file, not under a system folder, and with ``folder``, a symbolic
    link only to somewhere inside ``folder``).

    Raises :class:`FileReadError` naming the file and the reason otherwise.
    """
    where = shown_path(path)
    try:
        target = resolved(path)
        if folder is not None:
            root = resolved(folder)
            if target != root and root not in target.parents:
                raise OutsideFolder(
                    where,
                    say(
                        N_(
                            "a symbolic link to a file outside {folder} (skipped: only links that "
                            "stay inside the folder are followed)"
                        ),
                        folder=shown_path(folder),
                    ),
                )
        system = system_path(target)
        if system is not None:
            raise FileReadError(
                where,
                say(N_("refused: a system file under {folder}, not a document"), folder=system),
            )
        if path.is_dir():
            raise FileReadError(where, say(N_("is a folder, not a file")))
        if not stat.S_ISREG(path.stat().st_mode):
            raise FileReadError(where, say(N_("not a regular file (a pipe or device?)")))
        # The resolved path's last part is no link; O_NOFOLLOW keeps it so until opened.
        fd = os.open(target, _FLAGS | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        raise FileReadError(where, say(N_("no such file"))) from None
    except OSError as exc:
        reason = exc.strerror or _without_file(message_of(exc), where)
        raise FileReadError(where, say(N_("cannot read ({reason})"), reason=reason)) from None
    handle = os.fdopen(fd, "rb", buffering=0)
    with handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):  # swapped for a pipe or device since the check
            raise FileReadError(where, say(N_("not a regular file (a pipe or device?)")))
        yield handle, info.st_size  # type: ignore[misc]


def read_file(path: Path, *, limit: int, what: str, folder: Path | None = None) -> bytes:
    """The bytes of the file at ``path`` through :func:`open_file`; more than ``limit``
    bytes is refused ("more than the N MiB ``what`` may have": ``what`` is like "a
    document"). Raises :class:`FileReadError` naming the file and the reason."""
    where = shown_path(path)
    with open_file(path, folder=folder) as (handle, size):
        if size > limit:
            raise FileReadError(where, _too_big(limit, what, size))
        try:
            chunks, total = [], 0
            step = size + 1  # one read for a file that stays the size it said
            while total <= limit:
                chunk = handle.read(min(step, limit + 1 - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
                step = _CHUNK
        except OSError as exc:
            reason = exc.strerror or message_of(exc)
            raise FileReadError(where, say(N_("cannot read ({reason})"), reason=reason)) from None
    if total > limit:  # it grew while being read
        raise FileReadError(where, _too_big(limit, what, None))
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def read_head(path: Path, size: int) -> bytes | None:
    """At most the first ``size`` bytes of the file at ``path`` through the guard, or
    ``None`` when the guard refuses it or it cannot be read (for recognising formats;
    reading the file reports the reason)."""
    try:
        with open_file(path) as (handle, _size):
            return handle.read(size)
    except (FileReadError, OSError):
        return None


def _too_big(limit: int, what: str, size: int | None) -> str:
    if size is None:
        return say(
            N_("file is more than the {limit} MiB {what} may have"), limit=limit >> 20, what=what
        )
    return say(
        N_("file is {size} MiB, more than the {limit} MiB {what} may have"),
        size=f"{size / 2**20:.0f}",
        limit=limit >> 20,
        what=what,
    )


def _without_file(message: str, where: str) -> str:
    """``message`` without the ``where: `` it starts with (the loop of links' own)."""
    if isinstance(message, Said) and message.params.get("file") == where:
        return message.params.get("problem", message)
    return message.removeprefix(f"{where}: ")
