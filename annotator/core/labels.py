"""Label schemes: checking one, the colour-blind-safe palette, and each label's marker
(the cue that is not colour: a short text drawn beside the spans)."""

from __future__ import annotations

import colorsys
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from annotator.core.attributes import spec_problems
from annotator.core.messages import N_, say
from annotator.core.model import Label
from annotator.core.values import label_problem

# Okabe & Ito's palette, told apart with every common colour-vision deficiency; black
# (the eighth colour) is left out as it does not read as a highlight.
PALETTE = ("#0072b2", "#d55e00", "#009e73", "#e69f00", "#cc79a7", "#56b4e9", "#f0e442")
FIND_HIGHLIGHT = "#ffe066"  # the colour of found text (Edit ▸ Find): yellow
# Hues closer than this (degrees) to the find highlight's would be taken for found text.
NEAR_FIND_HUE = 20


def hue_distance(one: str, other: str) -> float:
    """How far apart (degrees, 0 to 180) the hues of two ``#rrggbb`` colours are."""
    hues = [
        colorsys.rgb_to_hsv(*(int(c[i : i + 2], 16) / 255 for i in (1, 3, 5)))[0] * 360
        for c in (one, other)
    ]
    gap = abs(hues[0] - hues[1]) % 360
    return min(gap, 360 - gap)


# The order new labels take palette colours in: those that look like found text last.
NEW_LABEL_ORDER = tuple(
    sorted(PALETTE, key=lambda c: hue_distance(c, FIND_HIGHLIGHT) < NEAR_FIND_HUE)
)
COLOR = re.compile(r"#[0-9a-fA-F]{6}")  # a label's colour, matched whole
_PALETTE_SET = frozenset(PALETTE)


def next_colour(used: Iterable[str]) -> str:
    """The first palette colour no label uses yet, in :data:`NEW_LABEL_ORDER` (the
    order again once all are)."""
    return ColourAllocator(used).next()


class ColourAllocator:
    """Palette colours for labels added one by one, in one pass: :meth:`next` gives what
    :func:`next_colour` would give for every colour taken so far, in O(1) amortised."""

    def __init__(self, used: Iterable[str] = ()) -> None:
        self._taken: set[str] = set()  # palette colours in use
        self._count = 0  # colours in use, palette or not
        self._first_free = 0  # palette colours before this index are all taken
        for colour in used:
            self.take(colour)

    def take(self, colour: str) -> None:
        """Record a colour a label has (any colour, any case)."""
        colour = colour.lower()
        if colour in _PALETTE_SET:
            self._taken.add(colour)
        self._count += 1

    def next(self) -> str:
        """The first free palette colour (the palette again once all are), now taken."""
        order = NEW_LABEL_ORDER
        while self._first_free < len(order) and order[self._first_free] in self._taken:
            self._first_free += 1  # colours are never given back: the index only grows
        if self._first_free < len(order):
            colour = order[self._first_free]
        else:
            colour = order[self._count % len(order)]
        self.take(colour)
        return colour


def markers(names: Sequence[str]) -> dict[str, str]:
    """For each label, the shortest upper-cased prefix that no other label's prefix of
    that width shares: claim → C, refusal → R, claim/count → CL/CO, claim/claims →
    CLAIM/CLAIMS. Each prefix is counted once, so the work grows with the names' length,
    not with their number squared."""
    texts = {name: name.strip() or "?" for name in names}
    prefixes: Counter[tuple[int, str]] = Counter()  # (width, prefix) of names that long
    whole: dict[str, list[int]] = {}  # a whole name upper-cased -> the lengths it has
    for text in texts.values():
        prefixes.update((width, text[:width].upper()) for width in range(1, len(text) + 1))
        whole.setdefault(text.upper(), []).append(len(text))
    out: dict[str, str] = {}
    for name, text in texts.items():
        for width in range(1, len(text) + 1):
            marker = text[:width].upper()
            # A shorter name is its own prefix at every greater width.
            shorter = sum(1 for length in whole.get(marker, ()) if length < width)
            if prefixes[width, marker] + shorter == 1:  # this name's own prefix only
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
            problems.append(say(N_("two labels are named {name}"), name=repr(name)))
        names.add(name)
        if not COLOR.fullmatch(label.color):
            problems.append(
                say(
                    N_("label {name} has colour {color}, not one like #0072b2"),
                    name=repr(name),
                    color=repr(label.color),
                )
            )
        if label.hotkey:
            key = label.hotkey.casefold()  # q and Q are the same key
            if key in hotkeys:
                problems.append(
                    say(
                        N_("labels {hotkeys} and {name} share hotkey {hotkey}"),
                        hotkeys=repr(hotkeys[key]),
                        name=repr(name),
                        hotkey=repr(label.hotkey),
                    )
                )
            hotkeys[key] = name
        problems.extend(
            say(N_("label {name}: {problem}"), name=repr(name), problem=p)
            for p in spec_problems(label.attributes)
        )

    return problems
