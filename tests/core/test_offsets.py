from __future__ import annotations

import random

import pytest

from annotator.core.offsets import PositionMap
from annotator.core.text import normalise_text

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # 👨‍👩‍👧
FLAG = "\U0001f1ed\U0001f1f0"  # 🇭🇰
TORTURE = (
    "\ufeffA 😀 B\r\n"
    f"family {FAMILY} flag {FLAG}\n"
    "cafe\u0301 \u5e02\u6c11\u7684\u79c1\u96b1\r"
    "\u0627\u0644\u062e\u0635\u0648\u0635\u064a\u0629 \u05e4\u05e8\u05d8\u05d9\u05d5\u05ea\n"
    "tab\there\u00a0nbsp\u2028line sep\u2029para\r\n"
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 end😀"
)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def qt_positions(text: str) -> list[int]:
    """Reference model of Qt's positions: UTF-16 units, CRLF folded, leading BOM dropped."""
    positions, pos, i = [], 0, 0
    if text.startswith("\ufeff"):
        positions.append(0)
        i = 1
    while i < len(text):
        positions.append(pos)
        if text[i] == "\r" and text[i + 1 : i + 2] == "\n":
            positions.append(pos)  # the LF shares the separator's position
            pos += 1
            i += 2
            continue
        pos += utf16_len(text[i])
        i += 1
    positions.append(pos)
    return positions


@pytest.mark.parametrize("text", [TORTURE, normalise_text(TORTURE), "", "plain ascii", "😀"])
def test_to_qt_matches_reference_model_for_every_offset(text):
    mapping = PositionMap(text)
    expected = qt_positions(text)
    assert [mapping.to_qt(i) for i in range(len(text) + 1)] == expected
    assert mapping.qt_length == expected[-1]


@pytest.mark.parametrize("text", [TORTURE, normalise_text(TORTURE)])
def test_round_trip_every_code_point(text):
    mapping = PositionMap(text)
    for i in range(len(text) + 1):
        if text[i - 1 : i + 1] == "\r\n":
            # Between CR and LF: the position is the separator, which starts at the CR.
            assert mapping.to_codepoint(mapping.to_qt(i)) == i - 1
        elif i == 0 and text.startswith("\ufeff"):
            # The leading BOM is invisible to Qt: position 0 is the next character.
            assert mapping.to_codepoint(0) == 1
        else:
            assert mapping.to_codepoint(mapping.to_qt(i)) == i


def test_leading_bom_has_no_qt_position():
    mapping = PositionMap("\ufeff\ufeffab")
    assert [mapping.to_qt(i) for i in range(5)] == [0, 0, 1, 2, 3]
    assert mapping.to_codepoint(0) == 1
    assert mapping.span_from_qt(0, 3) == (1, 4)
    assert PositionMap("\ufeff").to_codepoint(0) == 1


def test_normalised_text_maps_to_utf16_units():
    text = normalise_text(TORTURE)
    mapping = PositionMap(text)
    for i in range(len(text) + 1):
        assert mapping.to_qt(i) == utf16_len(text[:i])


def test_position_inside_surrogate_pair_never_splits_a_character():
    text = "ab😀cd"
    mapping = PositionMap(text)
    inside = mapping.to_qt(2) + 1  # the low surrogate of 😀
    assert mapping.to_codepoint(inside) == 2
    assert mapping.to_codepoint(inside, round_up=True) == 3
    assert mapping.span_from_qt(inside, inside) == (2, 3)


@pytest.mark.parametrize(
    ("needle", "text"),
    [
        ("😀", "x😀y"),
        (FAMILY, f"a {FAMILY} b"),
        (FLAG, f"{FLAG}{FLAG}"),
        ("𝔫𝔦", "𝔘𝔫𝔦𝔠"),
        ("e\u0301", "cafe\u0301!"),
        ("B", "A 😀 B"),
    ],
)
def test_spans_next_to_astral_characters_round_trip(needle, text):
    mapping = PositionMap(text)
    start = text.index(needle)
    end = start + len(needle)
    qt_start, qt_end = mapping.span_to_qt(start, end)
    assert qt_end - qt_start == utf16_len(needle)
    assert mapping.span_from_qt(qt_start, qt_end) == (start, end)


def test_a_before_emoji_b_after():
    mapping = PositionMap("A 😀 B")
    assert mapping.to_qt(4) == 5
    assert mapping.to_codepoint(5) == 4


def test_out_of_range_is_an_error():
    mapping = PositionMap("abc")
    with pytest.raises(IndexError):
        mapping.to_qt(4)
    with pytest.raises(IndexError):
        mapping.to_codepoint(-1)


def test_random_texts_against_reference():
    rng = random.Random(1234)
    alphabet = [
        "\ufeff",
        "a",
        " ",
        "\n",
        "\r",
        "\r\n",
        "😀",
        "\u0301",
        "\u5e02",
        "\u2028",
        FLAG,
        "\u00a0",
    ]
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        mapping = PositionMap(text)
        expected = qt_positions(text)
        assert [mapping.to_qt(i) for i in range(len(text) + 1)] == expected
        for position in range(expected[-1] + 1):
            down = mapping.to_codepoint(position)
            up = mapping.to_codepoint(position, round_up=True)
            assert expected[down] <= position <= expected[up]
