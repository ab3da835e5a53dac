"""Writing exports: write_folder keeps every file inside its folder and says why not."""

from __future__ import annotations

import pytest

from annotator.core.files import write_folder


def test_a_link_loop_where_a_file_goes_is_refused_with_a_message(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "doc.txt").symlink_to("doc.txt")
    with pytest.raises(OSError, match=r"doc\.txt: a loop of symbolic links"):
        write_folder(out, {"doc.txt": b"text"})
    assert (out / "doc.txt").readlink().name == "doc.txt"


def test_a_link_out_of_the_folder_is_not_written_through(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (tmp_path / "elsewhere.conf").write_bytes(b"kept")
    (out / "visual.conf").symlink_to(tmp_path / "elsewhere.conf")
    with pytest.raises(OSError, match=r"visual\.conf: not a path inside"):
        write_folder(out, {"visual.conf": b"new"})
    assert (tmp_path / "elsewhere.conf").read_bytes() == b"kept"
