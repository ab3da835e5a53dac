"""The frame reader of the launch bench (bench/framebuffer.py): it must find highlights
only where a frame has them, or the launch times it gives would mean nothing."""

from __future__ import annotations

import pytest

from bench.framebuffer import Frame, layout_of, pixel_bytes, xwd_image

TINT = (184, 216, 233)  # claim's tint in the light theme
WHITE = (255, 255, 255)
W, H = 64, 40


def screen(tinted: set[tuple[int, int]], color=TINT) -> list[tuple[int, int, int]]:
    return [color if (x, y) in tinted else WHITE for y in range(H) for x in range(W)]


def block(x0: int, y0: int, width: int, height: int) -> set[tuple[int, int]]:
    return {(x, y) for x in range(x0, x0 + width) for y in range(y0, y0 + height)}


def test_a_tinted_region_is_counted_pixel_by_pixel(tmp_path):
    path = tmp_path / "Xvfb_screen0"
    path.write_bytes(xwd_image(W, H, screen(block(5, 3, 20, 6))))
    frame = Frame(path, row_step=1)
    assert frame.layout.width == W and frame.layout.height == H
    assert frame.count([TINT]) == 120
    assert frame.count([TINT, (243, 210, 184)]) == 120  # another label's tint: none of it
    frame.close()


def test_a_frame_without_the_tint_counts_nothing(tmp_path):
    path = tmp_path / "Xvfb_screen0"
    near = (184, 216, 232)  # one step off in blue
    path.write_bytes(xwd_image(W, H, screen(block(0, 0, W, H), color=near)))
    frame = Frame(path, row_step=1)
    assert frame.count([TINT]) == 0
    frame.close()


def test_the_tints_bytes_across_two_pixels_are_not_a_pixel(tmp_path):
    """B, G, R of the tint stored as the red and pad bytes of one pixel and the blue of
    the next: found by a byte search, but no pixel has that colour."""
    path = tmp_path / "Xvfb_screen0"
    data = bytearray(xwd_image(W, H, screen(set())))
    first = len(data) - W * H * 4  # pixel (0, 0): bytes B, G, R, pad
    stored = pixel_bytes(TINT, lsb_first=True)
    data[first + 2 : first + 5] = stored
    assert data.count(stored) == 1
    path.write_bytes(bytes(data))
    frame = Frame(path, row_step=1)
    assert frame.count([TINT]) == 0
    frame.close()


def test_the_frame_is_read_as_it_is_now(tmp_path):
    """The server draws into the mapped file: a frame painted after it was opened shows."""
    path = tmp_path / "Xvfb_screen0"
    path.write_bytes(xwd_image(W, H, screen(set())))
    frame = Frame(path, row_step=8)
    assert frame.count([TINT]) == 0
    painted = xwd_image(W, H, screen(block(0, 8, 30, 9)))
    with open(path, "r+b") as file:  # in place, as Xvfb writes
        file.write(painted)
    assert frame.count([TINT]) == 60  # rows 8 and 16 of the 9 rows tinted, 30 pixels each
    frame.close()


def test_an_image_it_cannot_read_is_refused_by_name(tmp_path):
    header = bytearray(xwd_image(W, H, screen(set()))[:100])
    header[44:48] = (16).to_bytes(4, "big")  # 16 bits per pixel
    with pytest.raises(ValueError, match=r"screen0: 16 bits per pixel"):
        layout_of(bytes(header), "screen0")
