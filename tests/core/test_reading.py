"""The guarded read every importer uses: regular files only, nothing under /proc, /sys
or /dev, a size cap read no further than cap + 1, and links kept inside a folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from annotator.core.reading import (
    FileReadError,
    OutsideFolder,
    open_file,
    read_file,
    read_head,
    system_path,
)


def test_the_cap_is_inclusive_and_one_byte_more_is_refused(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 1000)
    assert read_file(path, limit=1000, what="a test file") == b"x" * 1000
    with pytest.raises(FileReadError) as caught:
        read_file(path, limit=999, what="a test file")
    assert caught.value.file == str(path)
    assert caught.value.reason.endswith("MiB a test file may have")


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (os.mkfifo, "not a regular file (a pipe or device?)"),
        (os.mkdir, "is a folder, not a file"),
        (lambda p: p.symlink_to("/dev/zero"), "refused: a system file under /dev, not a document"),
        (
            lambda p: p.symlink_to("/sys/kernel"),
            "refused: a system file under /sys, not a document",
        ),
        (lambda p: None, "no such file"),
        (lambda p: p.symlink_to(p), "cannot read (a loop of symbolic links)"),
    ],
    ids=["fifo", "folder", "dev-zero", "sys", "missing", "loop"],
)
def test_what_is_not_a_regular_file_is_refused_without_being_opened(tmp_path, make, reason):
    path = tmp_path / "x.txt"
    make(path)
    with pytest.raises(FileReadError) as caught:
        read_file(path, limit=100, what="a test file")
    assert str(caught.value) == f"{path}: {reason}"
    assert read_head(path, 10) is None


def test_links_are_followed_only_while_they_stay_inside_the_folder(tmp_path):
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "real.txt").write_bytes(b"inside")
    (tmp_path / "secret").write_bytes(b"outside")
    (folder / "in.txt").symlink_to(Path("sub") / "real.txt")
    (folder / "out.txt").symlink_to(Path("..") / "secret")
    assert read_file(folder / "in.txt", limit=100, what="a file", folder=folder) == b"inside"
    with pytest.raises(OutsideFolder, match=r"out\.txt: a symbolic link to a file outside"):
        read_file(folder / "out.txt", limit=100, what="a file", folder=folder)
    # Named on its own, a link goes wherever it leads.
    assert read_file(folder / "out.txt", limit=100, what="a file") == b"outside"


def test_system_folders_are_recognised_through_links(tmp_path):
    (tmp_path / "k").symlink_to("/proc/self")
    assert system_path(tmp_path / "k" / "status") == Path("/proc")
    assert system_path(Path("/dev/null")) == Path("/dev")
    assert system_path(tmp_path) is None


def test_the_opened_file_is_checked_again_through_its_descriptor(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"abc")
    with open_file(path) as (handle, size):
        assert size == 3 and os.fstat(handle.fileno()).st_size == 3
        assert handle.read() == b"abc"
    assert handle.closed
