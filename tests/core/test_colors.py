from __future__ import annotations

import pytest

from annotator.core.colors import MIN_CONTRAST, blend, contrast, luminance, readable_blend

WHITE, BLACK = (255, 255, 255), (0, 0, 0)
DARK_BASE, LIGHT_TEXT = (31, 31, 31), (230, 230, 230)
BLUE, RED, GREEN = (31, 119, 180), (214, 39, 40), (44, 160, 44)


def test_blend_goes_from_the_base_to_the_colour():
    assert blend(BLUE, WHITE, 0) == WHITE
    assert blend(BLUE, WHITE, 1) == BLUE
    assert blend((200, 100, 0), (0, 0, 0), 0.5) == (100, 50, 0)
    assert blend(BLUE, DARK_BASE, 2) == BLUE and blend(BLUE, DARK_BASE, -1) == DARK_BASE


def test_contrast_is_the_wcag_ratio():
    assert luminance(BLACK) == 0 and luminance(WHITE) == pytest.approx(1)
    assert contrast(BLACK, WHITE) == pytest.approx(21)
    assert contrast(WHITE, BLACK) == contrast(BLACK, WHITE)
    assert contrast(BLUE, BLUE) == 1
    # A published pair: #777777 on white is 4.48:1.
    assert contrast((0x77, 0x77, 0x77), WHITE) == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("strength", [0.28, 0.42, 0.62])
def test_label_tints_keep_their_strength_where_text_stays_legible(strength):
    for color in (BLUE, RED, GREEN):
        assert readable_blend(color, WHITE, BLACK, strength) == blend(color, WHITE, strength)
        assert readable_blend(color, DARK_BASE, LIGHT_TEXT, strength) == blend(
            color, DARK_BASE, strength
        )


def test_a_tint_that_would_hide_the_text_is_weakened_just_enough():
    navy = (0, 0, 128)
    plain = blend(navy, WHITE, 0.9)
    assert contrast(plain, BLACK) < MIN_CONTRAST
    kept = readable_blend(navy, WHITE, BLACK, 0.9)
    assert contrast(kept, BLACK) >= MIN_CONTRAST
    assert kept != WHITE and luminance(kept) < luminance(blend(navy, WHITE, 0.5))
    # Yellow over a dark base under light text: dimmed, still yellowish, still legible.
    yellow = (255, 224, 102)
    dimmed = readable_blend(yellow, DARK_BASE, LIGHT_TEXT, 1.0)
    assert contrast(dimmed, LIGHT_TEXT) >= MIN_CONTRAST
    assert dimmed[0] > dimmed[2] + 20  # red and green over blue: still a yellow hue


def test_with_no_legible_tint_the_base_is_used():
    grey = (128, 128, 128)
    assert readable_blend(BLUE, grey, grey, 0.5) == grey
