"""Colour arithmetic for what the app paints: blending and legibility (WCAG contrast).

Colours are ``(red, green, blue)`` tuples of 0–255 integers.
"""

from __future__ import annotations

RGB = tuple[int, int, int]

# WCAG 2 "AA" for body text.
MIN_CONTRAST = 4.5


def blend(color: RGB, base: RGB, strength: float) -> RGB:
    """``color`` laid over ``base`` with opacity ``strength`` (0 is ``base``, 1 is
    ``color``), rounded to whole channel values."""
    strength = min(1.0, max(0.0, strength))
    return (
        round(base[0] + (color[0] - base[0]) * strength),
        round(base[1] + (color[1] - base[1]) * strength),
        round(base[2] + (color[2] - base[2]) * strength),
    )


def luminance(color: RGB) -> float:
    """Relative luminance as WCAG 2 defines it: 0 for black, 1 for white."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in color)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(a: RGB, b: RGB) -> float:
    """The WCAG contrast ratio of two colours, from 1 (same) to 21 (black on white)."""
    lighter, darker = sorted((luminance(a), luminance(b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def readable_blend(
    color: RGB, base: RGB, text: RGB, strength: float, minimum: float = MIN_CONTRAST
) -> RGB:
    """``blend(color, base, strength)``, weakened as little as needed for ``text`` drawn
    on it to keep ``minimum`` contrast. Where even ``base`` falls short, ``base``."""
    step = 0.02
    while strength > 0:
        candidate = blend(color, base, strength)
        if contrast(candidate, text) >= minimum:
            return candidate
        strength -= step
    return base


# How far a highlight stands out from a dark page at least (WCAG contrast ratio): a tint
# of 0.28 over near-black is barely seen, where over white it is plain.
STAND_OUT = 1.6


def visible_blend(
    color: RGB, base: RGB, text: RGB, strength: float, minimum: float = MIN_CONTRAST
) -> RGB:
    """:func:`readable_blend`, made stronger where it would hardly stand out from
    ``base`` (a dark page) while ``text`` on it keeps ``minimum`` contrast."""
    chosen = readable_blend(color, base, text, strength, minimum)
    step = 0.02
    while contrast(chosen, base) < STAND_OUT and strength < 1:
        strength = min(1.0, strength + step)
        candidate = blend(color, base, strength)
        if contrast(candidate, text) < minimum:
            break
        chosen = candidate
    return chosen
