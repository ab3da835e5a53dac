from __future__ import annotations

import random

from annotator.core.labels import (
    FIND_HIGHLIGHT,
    NEAR_FIND_HUE,
    NEW_LABEL_ORDER,
    PALETTE,
    ColourAllocator,
    hue_distance,
    markers,
    next_colour,
    scheme_problems,
)
from annotator.core.model import AttributeSpec, Label
from tests.work import assert_linear


def test_markers_are_the_shortest_prefixes_that_tell_labels_apart():
    assert markers(["claim", "refusal", "statistic"]) == {
        "claim": "C",
        "refusal": "R",
        "statistic": "S",
    }
    assert markers(["claim", "count", "stance"]) == {"claim": "CL", "count": "CO", "stance": "S"}
    assert markers(["claim", "claims"]) == {"claim": "CLAIM", "claims": "CLAIMS"}
    assert markers(["市民", "市場"]) == {"市民": "市民", "市場": "市場"}
    assert markers(["  ", "x"]) == {"  ": "?", "x": "X"}


def test_new_labels_take_unused_palette_colours_first():
    assert next_colour([]) == PALETTE[0]
    assert next_colour(["#0072B2", "#009E73"]) == "#d55e00"  # case does not matter
    assert next_colour(list(PALETTE[:2])) == PALETTE[2]
    assert next_colour([*PALETTE, PALETTE[0]]) == PALETTE[1]  # all taken: round again


def test_scheme_problems_name_the_labels():
    good = [Label("claim", "#0072b2", "1"), Label("refusal", "#d55e00", "2")]
    assert scheme_problems(good) == []
    bad = [
        Label("claim", "#0072b2", "1"),
        Label("claim", "blue", "1"),
        Label(" x", "#000000"),
        Label("", "#000000"),
        Label("y", "#000000", attributes=(AttributeSpec("a", "choice"),)),
    ]
    assert scheme_problems(bad) == [
        "two labels are named 'claim'",
        "label 'claim' has colour 'blue', not one like #0072b2",
        "labels 'claim' and 'claim' share hotkey '1'",
        "label ' x' starts or ends with a space",
        "a label has no name",
        "label 'y': choice attribute 'a' lists no choices",
    ]


def test_the_allocator_gives_what_next_colour_gives_label_by_label():
    rng = random.Random(17)
    for _ in range(200):
        used: list[str] = []
        palette = ColourAllocator()
        for _ in range(rng.randrange(25)):
            if rng.random() < 0.4:  # a label with a colour of its own
                colour = rng.choice([*PALETTE, "#123456", PALETTE[2].upper()])
                palette.take(colour)
            else:
                colour = next_colour(used)
                assert palette.next() == colour
            used.append(colour)
    assert ColourAllocator(["#0072B2"]).next() == PALETTE[1]


def brute_force_markers(names):
    """The definition: the shortest width at which no other name's prefix is the same."""
    out = {}
    for name in names:
        stripped = name.strip() or "?"
        for width in range(1, len(stripped) + 1):
            marker = stripped[:width].upper()
            if not any(
                other != name and (other.strip() or "?")[:width].upper() == marker
                for other in names
            ):
                break
        out[name] = marker
    return out


def test_markers_follow_their_definition_for_any_names():
    rng = random.Random(7)
    for _ in range(300):
        names = list(
            dict.fromkeys(
                "".join(rng.choice("abAB ßsS") for _ in range(rng.randrange(5)))
                for _ in range(rng.randrange(1, 9))
            )
        )
        assert markers(names) == brute_force_markers(names), names


def test_markers_of_20000_labels_take_n_log_n_work():
    assert_linear(lambda n: lambda: markers([f"code {i}" for i in range(n)]), 5_000, growth=6)


def test_new_labels_take_colours_unlike_the_find_highlight_first():
    seed = ["#0072b2", "#d55e00", "#009e73"]  # claim, refusal, statistic
    allocator = ColourAllocator(seed)
    first, second = allocator.next(), allocator.next()
    for colour in (first, second):
        assert hue_distance(colour, FIND_HIGHLIGHT) >= NEAR_FIND_HUE, colour
    assert hue_distance("#e69f00", FIND_HIGHLIGHT) < NEAR_FIND_HUE  # the one given before
    assert sorted(NEW_LABEL_ORDER) == sorted(PALETTE)  # the same colours, reordered
