from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime

from annotator.core.annotators import (
    ANNOTATOR_PALETTE,
    AnnotatorFilter,
    annotator_color,
    name_problem,
)
from annotator.core.model import Annotation

NOW = datetime(2024, 1, 1, tzinfo=UTC)


def ann(i: str, annotator: str) -> Annotation:
    return Annotation(i, "d", "claim", 0, 1, None, annotator, NOW, NOW)


def test_colour_is_stable_across_processes_and_from_the_palette():
    here = [annotator_color(name) for name in ("alice", "bob", "Émile", "")]
    # Python's own hash() differs per process; the colour must not.
    code = (
        "from annotator.core.annotators import annotator_color as c;"
        "print(','.join(c(n) for n in ('alice', 'bob', 'Émile', '')))"
    )
    there = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert there.split(",") == here
    assert all(color in ANNOTATOR_PALETTE for color in here)


def test_colours_spread_over_the_palette():
    names = [f"annotator{i}" for i in range(200)]
    assert {annotator_color(n) for n in names} == set(ANNOTATOR_PALETTE)


def test_name_problems():
    assert name_problem("alice") is None
    assert name_problem("Dr. Émile Zola-Nakamura 山田") is None
    assert "empty" in name_problem("")
    assert "control character" in name_problem("a\nb")
    assert "longer than 100" in name_problem("x" * 101)


def test_filter_everyone_mine_and_chosen():
    rows = [ann("1", "alice"), ann("2", "bob"), ann("3", "alice"), ann("4", "carol")]
    everyone = AnnotatorFilter.everyone()
    assert everyone.apply(rows, "alice") is rows  # no copy when nothing is hidden
    mine = AnnotatorFilter.mine()
    assert [a.id for a in mine.apply(rows, "alice")] == ["1", "3"]
    assert [a.id for a in mine.apply(rows, "bob")] == ["2"]  # mine follows who I am
    bob = AnnotatorFilter.of("bob")
    assert [a.id for a in bob.apply(rows, "alice")] == ["2"]
    assert bob.shows(rows[1], "alice") and not bob.shows(rows[0], "alice")
    assert mine.describe("alice") == "mine (alice)"
    assert bob.describe("alice") == "bob's"
    assert everyone.describe("alice") == "everyone's"


def test_filter_round_trips_through_its_setting():
    for kept in (
        AnnotatorFilter.everyone(),
        AnnotatorFilter.mine(),
        AnnotatorFilter.of("bob"),
        AnnotatorFilter.of("annotator:odd name"),
    ):
        assert AnnotatorFilter.decode(kept.encode()) == kept
    for junk in (None, "", "whatever", "annotator:", 3):
        assert AnnotatorFilter.decode(junk) == AnnotatorFilter.everyone()


def test_palette_reads_on_light_and_dark_backgrounds():
    from annotator.core.colors import contrast

    def rgb(color: str) -> tuple[int, int, int]:
        return tuple(int(color[i : i + 2], 16) for i in (1, 3, 5))

    for color in ANNOTATOR_PALETTE:
        assert contrast(rgb(color), (255, 255, 255)) >= 2.8, color
        assert contrast(rgb(color), (0x1F, 0x1F, 0x1F)) >= 2.8, color  # the dark theme's Base
