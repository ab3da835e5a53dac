"""Label schemes: checking one, the colour-blind-safe palette, and each label's marker
(the cue that is not colour: a short text drawn beside the spans)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from annotator.core.attributes import spec_problems
from annotator.core.model import Label
from annotator.core.values import label_problem

# Okabe & Ito's palette, told apart with every common colour-vision deficiency; black
# (the eighth colour) is left out as it does not read as a highlight.
PALETTE = ("#0072b2", "#d55e00", "#009e73", "#e69f00", "#cc79a7", "#56b4e9", "#f0e442")
COLOR = re.compile(r"#[0-9a-fA-F]{6}")  # a label's colour, matched whole


def next_colour(used: Sequence[str]) -> str:
    """The first palette colour no label uses yet (the palette again once all are)."""
    taken = {colour.lower() for colour in used}
    free = [colour for colour in PALETTE if colour not in taken]
    return free[0] if free else PALETTE[len(used) % len(PALETTE)]


def markers(names: Sequence[str]) -> dict[str, str]:
    """For each label, the shortest upper-cased prefix that no other label's prefix of
    that width shares: claim → C, refusal → R, claim/count → CL/CO, claim/claims →
    CLAIM/CLAIMS."""
    out: dict[str, str] = {}
    for name in names:
        stripped = name.strip() or "?"
        for width in range(1, len(stripped) + 1):
            marker = stripped[:width].upper()
            clash = any(
                other != name and (other.strip() or "?")[:width].upper() == marker
                for other in names
            )
            if not clash:
                break
        out[name] = marker
    return out


def scheme_problems(labels: Sequence[Label]) -> list[str]:
    """What is wrong with a label scheme (empty when nothing is)."""
    problems: list[str] = []
    names: set[str] = set()
    hotkeys: dict[str, str] = {}
    for label in labels:
        name = label.name
        problem = label_problem(name)
        if problem is not None:
            problems.append(problem)
        if name in names:
            problems.append(f"two labels are named {name!r}")
        names.add(name)
        if not COLOR.fullmatch(label.color):
            problems.append(f"label {name!r} has colour {label.color!r}, not one like #0072b2")
        if label.hotkey:
            key = label.hotkey.casefold()  # q and Q are the same key
            if key in hotkeys:
                problems.append(
                    f"labels {hotkeys[key]!r} and {name!r} share hotkey {label.hotkey!r}"
                )
            hotkeys[key] = name
        problems.extend(f"label {name!r}: {p}" for p in spec_problems(label.attributes))
    return problems
