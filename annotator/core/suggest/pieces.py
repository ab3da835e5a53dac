"""The suggestion engine over a long text a piece at a time, in bounded memory, with the
suggestions the whole text gives.

The text is cut at paragraph breaks into pieces of about :data:`PIECE` code points. Each
piece is run as a text of its own (:func:`run_piece`), with :data:`MARGIN` code points
of the text on either side: the rules are looked for from the start of the left margin
on (so that the scan has caught up with the whole text's by the time it reaches the
piece, and a prefix or a sentence looked back at is there) and may read into the right
margin; only the suggestions that start in the piece are kept. So a rule is assumed to
make its decision about a place within :data:`MARGIN` code points of it (the shipped
rules stay within a sentence, or a paragraph), and a region of a rule with ``within`` is
either that short or runs to the end of the text: such a region (the text below a
statement's title) is carried to the pieces after the one it starts in (:class:`Plan`).
Where a region of an ``attributed`` rule would be carried, whether it applies depends on
the whole of it: the text is then run whole.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from annotator.core.suggest.engine import Areas, RuleSet, suggest
from annotator.core.suggest.learned import MAX_LEARNED, Tagged, left_out
from annotator.core.suggest.model import Suggestion
from annotator.core.suggest.tag_lists import Packed

_NAMES = itertools.count()
PIECE = 128 * 1024  # code points of a piece (about)
MARGIN = 8 * 1024  # code points read on either side of a piece
BEHIND = 256  # before where the scan starts: what the rules' look-behinds may read


@dataclass(frozen=True)
class Piece:
    """Suggestions starting in ``start``..``stop`` (code points of the whole text),
    computed from the text ``lead``..``tail`` scanned from ``scan``."""

    start: int
    stop: int
    lead: int
    scan: int
    tail: int


def cuts(text: str, size: int = PIECE) -> list[int]:
    """Where pieces of ``text`` begin: 0, then about every ``size`` code points, each
    just after a blank line (else a line end, else where it falls) within the next
    ``size`` // 4 code points."""
    starts = [0]
    while starts[-1] + size < len(text):
        want = starts[-1] + size
        reach = min(len(text), want + size // 4)
        found = text.find("\n\n", want, reach)
        at = found + 2 if found >= 0 else text.find("\n", want, reach) + 1
        starts.append(at if at > 0 else want)
    return starts


def pieces(text: str, size: int = PIECE, margin: int = MARGIN) -> list[Piece]:
    """``text`` cut into pieces (see :func:`cuts`), in text order."""
    starts = cuts(text, size)
    ends = [*starts[1:], len(text)]
    out = []
    for start, stop in zip(starts, ends, strict=True):
        scan = max(0, start - margin)
        out.append(Piece(start, stop, max(0, scan - BEHIND), scan, min(len(text), stop + margin)))
    return out


def run_piece(
    chunk: str, rules: RuleSet, piece: Piece, carried: Areas | None = None
) -> tuple[list[Suggestion], Areas]:
    """The suggestions of ``piece`` (offsets in the whole text), given ``chunk``, the
    text ``piece.lead``..``piece.tail``, and the regions ``carried`` from earlier pieces
    (whole-text offsets; each runs to the end of the text); and the regions found here
    that run on past it (to be carried to the pieces after it)."""
    lead = piece.lead
    scan = piece.scan - lead
    inherited: Areas = {
        pattern: [(max(start - lead, scan), len(chunk)) for start, _end in found]
        for pattern, found in (carried or {}).items()
    }
    counts = {pattern: len(found) for pattern, found in inherited.items()}
    found = suggest(chunk, rules, scan_from=scan, areas=inherited)
    kept = [
        s._replace(start=s.start + lead, end=s.end + lead)
        for s in found
        if piece.start <= s.start + lead < piece.stop
    ]
    onward: Areas = {}
    if piece.tail == piece.stop:  # the end of the text: nothing comes after it
        return kept, onward
    for pattern, areas in inherited.items():
        new = [(start + lead, piece.tail) for start, _end in areas[counts.get(pattern, 0) :]]
        if new:
            onward[pattern] = new
    return kept, onward


def attributed_regions(rules: RuleSet) -> set[str]:
    """The region patterns of the rules that apply only where the label's other rules
    made a suggestion in the region (``attributed``): such a region is not carried."""
    return {
        region.pattern
        for compiled in rules.compiled
        for index, region, _regex in compiled.scoped
        if compiled.rules[index].attributed
    }


class Plan:
    """Which piece of a text to compute next, with which regions carried to it.

    The first piece (the text's head, where a region below a title begins), then the
    piece holding ``first`` (what is on screen), then the others in text order; the one
    computed early is computed again in its turn if the regions carried to it by then
    differ. If a region of an attributed rule (``unsafe``) runs past a piece, the rest
    is the whole text as one piece. :meth:`next` gives ``(index, piece, carried)``;
    :meth:`take` takes what it found; the latest result of each index is final once
    :meth:`next` gives None."""

    def __init__(self, text_length: int, cut: list[Piece], first: int, unsafe: set[str]):
        self.pieces = cut
        self.length = text_length
        self.unsafe = unsafe
        self.carried: Areas = {}  # by the pieces taken in text order so far
        early = next((i for i, p in enumerate(cut) if p.start <= first < p.stop), 0)
        self._early = early if early > 0 else None
        self._used: dict[int, Areas] = {}  # the regions each piece was computed with
        self._onward: dict[int, Areas] = {}
        rest = [i for i in range(1, len(cut)) if i != early]
        self._order = [0, *([early] if early > 0 else []), *rest]
        self._in_order = 0  # pieces before it have carried their regions
        self.whole = False

    def next(self) -> tuple[int, Piece, Areas] | None:
        while self._order:
            index = self._order[0]
            early = index == self._in_order == self._early and index in self._onward
            if early and self._used[index] == self.carried:  # computed early, and right
                self._order.pop(0)
                self._passed(index)
                continue
            given = {pattern: list(areas) for pattern, areas in self.carried.items()}
            return index, self.pieces[index], given
        return None

    def take(self, index: int, given: Areas, onward: Areas, unsafe: set[str] | None = None) -> None:
        """Piece ``index`` was computed with the regions ``given`` and found ``onward``
        regions running on past it (``unsafe``: the region patterns that cannot be
        carried, if not known when the plan was made)."""
        if unsafe is not None:
            self.unsafe = unsafe
        if self._order and self._order[0] == index:
            self._order.pop(0)
        self._used[index], self._onward[index] = given, onward
        if index == self._in_order:
            self._passed(index)
        elif index == self._early:
            self._order.insert(self._order.index(index + 1) if index + 1 in self._order else
                               len(self._order), index)  # fmt: skip

    def _passed(self, index: int) -> None:
        """Piece ``index``, computed with the regions of all before it, carries its own."""
        onward = self._onward[index]
        if any(pattern in self.unsafe for pattern in onward):
            self.whole = True
            whole = Piece(0, self.length, 0, 0, self.length)
            self.pieces, self._order, self._early = [whole], [0], None
            self._used, self._onward, self.carried, self._in_order = {}, {}, {}, 0
            return
        for pattern, areas in onward.items():
            self.carried.setdefault(pattern, []).extend(areas)
        self._in_order = index + 1


def suggest_in_pieces(
    text: str, rules: RuleSet, first: int = 0, size: int = PIECE, margin: int = MARGIN
) -> Iterator[tuple[int, list[Suggestion]]]:
    """What :func:`suggest` makes of ``text``, a piece at a time, as (piece number,
    its suggestions), in :class:`Plan`'s order; a number given again replaces what
    was given for it (and number 0 with ``Plan.whole``: everything)."""
    plan = Plan(len(text), pieces(text, size, margin), first, attributed_regions(rules))
    while (step := plan.next()) is not None:
        index, piece, given = step
        found, onward = run_piece(text[piece.lead : piece.tail], rules, piece, given)
        plan.take(index, given, onward)
        yield index, found


def suggest_whole(pieced: Iterable[tuple[int, list[Suggestion]]]) -> list[Suggestion]:
    """The suggestions of a text from :func:`suggest_in_pieces`, sorted as
    :func:`suggest` sorts them."""
    latest: dict[int, list[Suggestion]] = {}
    for index, found in pieced:
        if index == 0:
            latest = {}  # (the whole text, after a piece had to be run whole)
        latest[index] = found
    return sorted(
        (s for found in latest.values() for s in found), key=lambda s: (s.start, s.end, s.label)
    )


@dataclass
class Learning:
    """Phrases tagged by hand looked for in a text a piece at a time, in text order:
    each piece's count of each phrase and its suggestions; if they come to more than
    ``MAX_LEARNED``, the pieces again, without the phrases :func:`left_out` leaves out
    (:func:`annotator.core.suggest.learned.learned` in pieces)."""

    text: str
    tagged: Iterable[Tagged]  # read again each time it is sent (held as its owner holds it)
    pieces: list[Piece]
    dropped: set[str] | None = None
    counts: dict[str, int] = field(default_factory=dict)
    found: list[Suggestion] = field(default_factory=list)
    done: int = 0  # pieces taken in this round
    sent: bool = False  # whether the helper was given the phrases
    name: str = field(default_factory=lambda: f"phrases-{next(_NAMES)}")

    def next(self) -> tuple[str, Piece, str, Packed | None, set[str] | None] | None:
        """What ``learn_piece`` is given next: the phrases themselves only the first time
        (or again, after ``forget``)."""
        if self.done == len(self.pieces):
            return None
        piece = self.pieces[self.done]
        tagged = None if self.sent else Packed(self.tagged)  # a tuple where it arrives
        self.sent = True
        return self.text[piece.lead : piece.tail], piece, self.name, tagged, self.dropped

    def forget(self) -> None:
        """The helper no longer has the phrases (it was given others): send them again."""
        self.sent = False

    def take(self, counts: dict[str, int], found: list[Suggestion] | None) -> None:
        """The next piece's counts and suggestions (see ``learn_piece``)."""
        self.done += 1
        if self.dropped is None:
            for key, count in counts.items():
                self.counts[key] = self.counts.get(key, 0) + count
            if sum(self.counts.values()) > MAX_LEARNED:
                found = self.found = []  # a second round will make them
                if self.done == len(self.pieces):
                    self.dropped, self.done = left_out(self.counts), 0
        self.found += found or []

    @property
    def result(self) -> list[Suggestion]:
        return sorted(self.found, key=lambda s: (s.start, s.end, s.label))
