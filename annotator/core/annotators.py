"""Annotators: checking a name, each name's stable colour, and whose annotations a view
shows (everyone's, mine, or one chosen annotator's). No Qt, no database."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from annotator.core.messages import N_, say
from annotator.core.model import Annotation
from annotator.core.values import MAX_ANNOTATOR, has_control

# Mid-tones (after Paul Tol's "muted" scheme) with at least 2.8:1 contrast on white and
# on the dark theme's base, so an underline or a swatch in them reads on both; none is a
# default label's Okabe & Ito colour.
ANNOTATOR_PALETTE = (
    "#cc6677",  # rose
    "#7f6fd6",  # violet
    "#44aa99",  # teal
    "#999933",  # olive
    "#aa4499",  # purple
    "#6699cc",  # steel blue
    "#5c9e3a",  # leaf green
    "#b8793a",  # ochre
)
MAX_NAME = MAX_ANNOTATOR

EVERYONE = "everyone"
MINE = "mine"
CHOSEN = "annotator"


def annotator_color(name: str) -> str:
    """The colour (``#rrggbb``) of annotator ``name``: the same for the same name in
    every window, launch and database (a hash of the name picks it from the palette)."""
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).digest()
    return ANNOTATOR_PALETTE[int.from_bytes(digest[:4], "big") % len(ANNOTATOR_PALETTE)]


def name_problem(name: str) -> str | None:
    """Why ``name`` (already stripped of surrounding spaces) cannot be an annotator's
    name, or ``None`` if it can."""
    if not name:
        return say(N_("The name is empty: type the name your annotations should carry."))
    if has_control(name):
        return say(N_("The name contains a control character (a line break or a tab)."))
    if len(name) > MAX_NAME:
        return say(N_("The name is longer than {MAX_NAME} characters."), MAX_NAME=MAX_NAME)
    return None


@dataclass(frozen=True, slots=True)
class AnnotatorFilter:
    """Whose annotations a view shows: ``everyone``'s, ``mine`` (the current
    annotator's, whoever that is at the time), or one ``annotator``'s (``name``)."""

    kind: str = EVERYONE
    name: str | None = None

    @classmethod
    def everyone(cls) -> AnnotatorFilter:
        return cls(EVERYONE)

    @classmethod
    def mine(cls) -> AnnotatorFilter:
        return cls(MINE)

    @classmethod
    def of(cls, name: str) -> AnnotatorFilter:
        return cls(CHOSEN, name)

    @property
    def shows_everyone(self) -> bool:
        return self.kind == EVERYONE

    def annotator(self, me: str) -> str | None:
        """The one annotator shown when the current annotator is ``me`` (``None``:
        everyone)."""
        if self.kind == MINE:
            return me
        if self.kind == CHOSEN:
            return self.name
        return None

    def shows(self, annotation: Annotation, me: str) -> bool:
        only = self.annotator(me)
        return only is None or annotation.annotator == only

    def apply(self, annotations: list[Annotation], me: str) -> list[Annotation]:
        """The annotations shown, in their order (``annotations`` itself for everyone)."""
        only = self.annotator(me)
        if only is None:
            return annotations
        return [ann for ann in annotations if ann.annotator == only]

    def describe(self, me: str) -> str:
        """For the status bar: "everyone's", "mine (alice)", "bob's"."""
        if self.kind == MINE:
            return f"mine ({me})"
        if self.kind == CHOSEN:
            return f"{self.name}'s"
        return "everyone's"

    def encode(self) -> str:
        """A string to remember the filter by (see :meth:`decode`)."""
        return f"{CHOSEN}:{self.name}" if self.kind == CHOSEN else self.kind

    @classmethod
    def decode(cls, value: object) -> AnnotatorFilter:
        """The filter :meth:`encode` gave ``value`` for; everyone's for anything else."""
        if value == MINE:
            return cls.mine()
        if isinstance(value, str) and value.startswith(f"{CHOSEN}:"):
            name = value[len(CHOSEN) + 1 :]
            if name:
                return cls.of(name)
        return cls.everyone()
