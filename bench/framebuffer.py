"""What is on an Xvfb screen, read from the screen itself: ``Xvfb -fbdir DIR`` keeps screen
0 in ``DIR/Xvfb_screen0``, an XWD image that the server draws into through a shared
memory mapping, so mapping the same file shows every frame as it is flushed.

Only what Xvfb writes at depth 24 is read: 32 bits per pixel, TrueColor, red, green and
blue masks 0xff0000, 0xff00 and 0xff, either byte order.
"""

from __future__ import annotations

import mmap
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

RGB = tuple[int, int, int]
_FIELDS = 25  # CARD32 fields of an XWD file header, before the window name
_COLOR_ENTRY = 12  # one XWDColor: pixel, red, green, blue, flags, pad
_LSB_FIRST = 0
_TRUE_COLOR = 4
_MASKS = (0xFF0000, 0xFF00, 0xFF)


@dataclass(frozen=True, slots=True)
class Layout:
    """Where the pixels of an XWD file are and how they are stored."""

    offset: int  # of the first pixel
    width: int
    height: int
    bytes_per_line: int
    lsb_first: bool  # a pixel's bytes are B, G, R, pad (else pad, R, G, B)

    @property
    def size(self) -> int:
        return self.bytes_per_line * self.height


def layout_of(header: bytes, name: str = "framebuffer") -> Layout:
    """The layout of the XWD image whose first bytes are ``header``; ``ValueError``
    naming ``name`` and what is wrong if it is not one this module reads."""
    if len(header) < _FIELDS * 4:
        raise ValueError(f"{name}: {len(header)} bytes, too short for an XWD header")
    f = struct.unpack(f">{_FIELDS}I", header[: _FIELDS * 4])
    header_size, version, _, _depth, width, height = f[:6]
    byte_order, bits_per_pixel, bytes_per_line, visual, *masks = (f[7], *f[11:17])
    colors = f[19]
    if version != 7:
        raise ValueError(f"{name}: XWD version {version}, not 7")
    if bits_per_pixel != 32 or visual != _TRUE_COLOR or tuple(masks) != _MASKS:
        raise ValueError(
            f"{name}: {bits_per_pixel} bits per pixel, visual class {visual}, masks "
            f"{', '.join(hex(m) for m in masks)}; only 32-bit TrueColor RGB is read"
        )
    if bytes_per_line < width * 4:
        raise ValueError(f"{name}: {bytes_per_line} bytes per line for {width} pixels")
    return Layout(
        header_size + colors * _COLOR_ENTRY, width, height, bytes_per_line, byte_order == _LSB_FIRST
    )


def pixel_bytes(color: RGB, lsb_first: bool) -> bytes:
    """The three colour bytes of a pixel of ``color``, in the order they are stored."""
    r, g, b = color
    return bytes((b, g, r) if lsb_first else (r, g, b))


class Frame:
    """The screen in an XWD file, mapped: :meth:`count` reads it as it is at that moment.

    Every ``row_step``-th row of pixels is read (a line of text is more rows tall than
    that), so that reading the screen every few milliseconds costs little of a core."""

    def __init__(self, path: Path, row_step: int = 8) -> None:
        self.path = path
        with open(path, "rb") as file:
            self._map = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        self.layout = layout = layout_of(self._map[:4096], str(path))
        if layout.offset + layout.size > len(self._map):
            raise ValueError(f"{path}: shorter than the {layout.size} bytes of its pixels")
        line = layout.bytes_per_line
        self._rows = [layout.offset + y * line for y in range(0, layout.height, row_step)]
        self._pixels = bytearray(line * len(self._rows))
        self._pad = 3 if layout.lsb_first else 0
        self._zeros = bytes(len(range(self._pad, len(self._pixels), 4)))

    def count(self, colors: Sequence[RGB]) -> int:
        """How many of the pixels read have one of ``colors`` exactly, now.

        Each channel of each colour must be above 0: with every pad byte zeroed, the three
        bytes of such a colour cannot be found across two pixels, so ``bytes.count``
        counts whole pixels only."""
        for color in colors:
            if min(color) <= 0 or max(color) > 255:
                raise ValueError(f"colour {color}: each channel must be within 1-255")
        screen, pixels, line = memoryview(self._map), self._pixels, self.layout.bytes_per_line
        for i, start in enumerate(self._rows):
            pixels[i * line : (i + 1) * line] = screen[start : start + line]
        pixels[self._pad :: 4] = self._zeros  # the server may leave 0 or 255 there
        return sum(pixels.count(pixel_bytes(c, self.layout.lsb_first)) for c in colors)

    def close(self) -> None:
        self._map.close()


def xwd_image(width: int, height: int, pixels: Sequence[RGB], pad: int = 0xFF) -> bytes:
    """An XWD file of ``width`` x ``height`` ``pixels`` (row by row) as Xvfb writes it:
    LSB first, 32 bits per pixel, a 256-entry colour map, each pad byte ``pad``."""
    name = b"Xvfb test\0"
    header_size = _FIELDS * 4 + len(name)
    fields = (header_size, 7, 2, 24, width, height, 0, _LSB_FIRST, 32, _LSB_FIRST, 32, 32)
    fields += (width * 4, _TRUE_COLOR, *_MASKS, 8, 256, 256, width, height, 0, 0, 0)
    body = bytearray()
    for r, g, b in pixels:
        body += bytes((b, g, r, pad))
    return struct.pack(f">{_FIELDS}I", *fields) + name + bytes(256 * _COLOR_ENTRY) + body
