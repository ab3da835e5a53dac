"""Suggestions learned from the researcher: a phrase tagged by hand is suggested wherever
else it occurs (INCEpTION's string-matching recommender, Prodigy's patterns).

Contracts:

* A phrase matches as whole words (no word character just before or after), in any case,
  with any run of whitespace where the tagged text had whitespace.
* Every phrase is found at every place it occurs, also where phrases overlap or one is
  part of another; offsets are code points, end exclusive. In a text where that would make
  more than :data:`MAX_LEARNED` suggestions, the phrases that occur there most often are
  left out first.
* The suggestion's rule is ``LABEL:learned-phrase`` and its reason
  ``you tagged this phrase in «TITLE»`` (the first document given that has it).
* Where a rule and a learned phrase propose the same span and label, the learned one is
  kept (:func:`combine`): the researcher's own tag says more than a general pattern, and
  its reason names where to look.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from annotator.core.suggest.model import Suggestion

LEARNED = "learned-phrase"
CONFIDENCE = 0.8
MAX_PHRASE = 200  # code points: a longer hand tag (a paragraph) is not learned as a phrase
# Learned suggestions in one text at most: past it, the phrases that recur most there are
# left out (a phrase found everywhere tells least, and a long document stays quick).
MAX_LEARNED = 500
_WORD = re.compile(r"\w")
_TOKEN = re.compile(r"[^\W\d_]+|\d+")
# Words that only say how many: a phrase made of them and of digits ("14", "two", "$5m",
# "12 per cent") is a different quantity wherever else it occurs, so it is not learned.
_NUMBERISH = frozenset(
    [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "billion",
        "billions",
        "trillion",
        "dozen",
        "dozens",
        "half",
        "quarter",
        "third",
        "per",
        "cent",
        "percent",
        "m",
        "bn",
        "k",
        "mn",
        "a",
        "an",
        "and",
        "of",
    ]
)


def distinctive(key: str) -> bool:
    """Whether a phrase (as :func:`phrase_key` gives it) says more than a number: it has
    a word that is neither digits nor a number word."""
    return any(not t.isdigit() and t not in _NUMBERISH for t in _TOKEN.findall(key))


class Tagged(NamedTuple):
    """A span tagged by hand: its label, its text and the title of its document."""

    label: str
    text: str
    title: str


def phrase_key(text: str) -> str:
    """What identifies a phrase: its words, lower case, single spaces."""
    return " ".join(text.split()).lower()


def learned_rule(label: str) -> str:
    """The rule name learned suggestions of ``label`` record."""
    return f"{label}:{LEARNED}"


def is_learned(rule: str | None) -> bool:
    return rule is not None and rule.endswith(":" + LEARNED)


# Where a phrase can start and what it is made of: runs of word characters, and every
# other character but whitespace on its own. A phrase is a run of these with single spaces
# where the text has whitespace between two of them.
_UNIT = re.compile(r"\w+|[^\w\s]")
_NEXT = _SPACED = re.compile(r"(\s*)(\w+|[^\w\s])")
_NOT_WORD = re.compile(r"\W")
WINDOW = 1 << 13  # code points of text whose units are listed at a time (~0.5 MB)


def _fold(text: str) -> str:
    """``text`` in lower case as :func:`phrase_key` puts it, one code point for one (the
    offsets stay): but "İ" (two in lower case, "i̇") stays "İ", and final sigma is sigma
    (lower case of a whole text and of a part of it differ only there)."""
    low = "İ".join(part.lower() for part in text.split("İ")) if "İ" in text else text.lower()
    return low.replace("ς", "σ") if "ς" in low else low


def _fold_key(key: str) -> str:
    """What :func:`_fold` makes of the text a key (:func:`phrase_key`) was made from."""
    key = key.replace("i\u0307", "İ") if "\u0307" in key else key
    return key.replace("ς", "σ") if "ς" in key else key


@dataclass(frozen=True, eq=False)
class Phrases:
    """Tagged phrases ready for matching; made by :func:`compile_phrases`."""

    labels: dict[str, tuple[tuple[str, str, str], ...]]  # key: ((label, reason, rule), ...)
    folded: frozenset[str]  # :func:`_fold_key` of each key where that is not the key
    exact: frozenset[str]  # keys with a capital letter lower case has none for: as written
    # A bit for the hash of each run of units a key begins with but is not: where in
    # the text no phrase can go on, the scan stops (another run may set the same bit).
    prefixes: bytearray
    mask: int
    _kept: list[Any] = field(default_factory=list, repr=False)  # see keeping

    @classmethod
    def of(cls, labels: dict[str, tuple[tuple[str, str, str], ...]]) -> Phrases:
        """Ready ``labels`` (key: its suggestions' label, reason and rule) for matching;
        O(total length of the keys x units in a key)."""
        folded = frozenset(f for key in labels if (f := _fold_key(key)) != key)
        exact = frozenset(key for key in labels if any(c.isupper() for c in key))
        # Two passes over the keys: a list of the runs' hashes would take more than all
        # the keys.
        runs = sum(len(_UNIT.findall(key)) - 1 for key in labels)
        bits = 1 << max(16, (8 * runs).bit_length())
        prefixes = bytearray(bits >> 3)
        mask = bits - 1
        for key in labels:
            low = _fold_key(key)
            for unit in _UNIT.finditer(low):
                if unit.end() < len(low):
                    h = hash(low[: unit.end()]) & mask
                    prefixes[h >> 3] |= 1 << (h & 7)
        return cls(labels, folded, exact, prefixes, mask)

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return Phrases.of, (self.labels,)  # the bits are hashes of this process

    def __len__(self) -> int:
        return len(self.labels)

    def keeping(self, dropped: set[str]) -> Phrases:
        """These phrases but those with every label ``dropped`` (keys as
        :func:`learned_between` counts them); the last one made is kept for the next call."""
        if self._kept and self._kept[0] == dropped:
            return self._kept[1]
        kept = Phrases.of(
            {
                key: made
                for key, made in self.labels.items()
                if any(rule + "\0" + key not in dropped for _label, _reason, rule in made)
            }
        )
        self._kept[:] = [set(dropped), kept]
        return kept

    @property
    def label_names(self) -> set[str]:
        """Every label a phrase was tagged with."""
        return {label for made in self.labels.values() for label, _reason, _rule in made}

    def begins(self, run: str) -> bool:
        """Whether some key may begin with ``run`` (a run of units, folded) and go on."""
        h = hash(run) & self.mask
        return bool(self.prefixes[h >> 3] & (1 << (h & 7)))


def compile_phrases(tagged: Iterable[Tagged]) -> Phrases:
    """The phrases of ``tagged``, one per (phrase, label); those longer than
    :data:`MAX_PHRASE` or not :func:`distinctive` (no word, or only a number: "14",
    "two", "12 per cent") are left out. O(total length of the phrases)."""
    # One dict, and a tuple of suggestion fields for each set of labels and titles,
    # shared by the phrases that have it: 100,000 phrases take little more than their keys.
    labels: dict[str, Any] = {}
    pairs: dict[Any, Any] = {}
    for t in tagged:
        key = phrase_key(t.text)
        if not key or len(key) > MAX_PHRASE or not distinctive(key):
            continue
        had = labels.get(key, ())
        if any(label == t.label for label, _title in had):
            continue
        which = (*had, (t.label, t.title))
        labels[key] = pairs.setdefault(which, which)
    made: dict[Any, tuple[tuple[str, str, str], ...]] = {}
    for key, which in labels.items():
        if which not in made:
            made[which] = tuple(
                (label, f"you tagged this phrase in «{title}»", learned_rule(label))
                for label, title in which
            )
        labels[key] = made[which]
    del pairs, made
    return Phrases.of(labels)


def learned(text: str, phrases: Phrases) -> list[Suggestion]:
    """Every occurrence in ``text`` of every phrase, as suggestions of each label it was
    tagged with, sorted by (start, end, label).

    Holds at most :data:`MAX_LEARNED` suggestions at a time, and a count per phrase: past
    that many, the phrases are counted to the end and the text is read a second time for
    those kept (a long document tagged everywhere does not fill memory)."""
    counts, out = learned_between(text, phrases)
    if out is None:
        out = learned_between(text, phrases, dropped=left_out(counts))[1]
        assert out is not None
    return out


def learned_between(
    text: str,
    phrases: Phrases,
    start: int = 0,
    stop: int | None = None,
    dropped: set[str] | None = None,
    tally: list[int] | None = None,
) -> tuple[dict[str, int], list[Suggestion] | None]:
    """For the occurrences starting in ``start``..``stop`` of ``text`` (a piece of a longer
    text: what comes after ``stop`` is only looked at): how many there are of each phrase
    of each label (by a key :func:`left_out` takes, in the order first found), and their
    suggestions, sorted, but for the phrases ``dropped`` (then only those kept are
    counted, and only their phrases looked for); without ``dropped``, None
    instead of more than :data:`MAX_LEARNED` of them. ``tally[0]``, if given, grows by
    the units of text looked at (for tests of the work done: at most the units between
    ``start`` and ``stop`` times those in a phrase)."""
    stop = len(text) if stop is None else stop
    if dropped is not None:
        phrases = phrases.keeping(dropped)
    labels = phrases.labels
    found: dict[str, int] = {}  # times each key was found, in the order first found
    out: list[Suggestion] | None = []
    for at, end, key in _occurrences(text, phrases, start, stop, tally):
        found[key] = found.get(key, 0) + 1
        if out is None:
            continue
        for label, reason, rule in labels[key]:
            if dropped is None or rule + "\0" + key not in dropped:
                out.append(Suggestion(label, at, end, CONFIDENCE, reason, rule))
        if dropped is None and len(out) > MAX_LEARNED:
            out = None  # too many: only counted from here on
    # Each of a key's labels as often as the key, in the order its labels were given.
    counts = {rule + "\0" + key: n for key, n in found.items() for _l, _r, rule in labels[key]}
    if out is not None:
        out.sort(key=lambda s: (s.start, s.end, s.label))
    return counts, out


def left_out(counts: dict[str, int]) -> set[str]:
    """The phrases (keys of ``counts``, in the order first found in the text) left out
    so that at most :data:`MAX_LEARNED` suggestions are made: the most frequent first,
    of two as frequent the one found first."""
    times = Counter(counts)
    total, dropped = times.total(), set()
    for phrase, count in times.most_common():
        if total <= MAX_LEARNED:
            break
        dropped.add(phrase)
        total -= count
    return dropped


def _occurrences(
    text: str, phrases: Phrases, start: int, stop: int, tally: list[int] | None = None
) -> Iterator[tuple[int, int, str]]:
    """(start, end, key) of each phrase in ``text`` starting in ``start``..``stop``, in
    the order found: by start; at one start, the longest phrase first.

    Reads the text's units once, and from each as many more as some phrase begins with
    (:meth:`Phrases.begins`); a run found is checked against the text itself. The units
    are listed :data:`WINDOW` code points at a time."""
    labels, folded, exact = phrases.labels, phrases.folded, phrases.exact
    bits, mask = phrases.prefixes, phrases.mask
    word = _WORD.match
    looked = 0
    while start < stop:
        # The units from ``start`` to a character no unit runs over, a little past the
        # window (most phrases that start in it end in that), in lower case (folded a
        # window at a time: lower case keeps each character a word character, a space
        # or neither); past the list, a phrase is followed unit by unit.
        below = min(stop, start + WINDOW)
        cut = _NOT_WORD.search(text, min(len(text), below + 4 * MAX_PHRASE))
        spaced = _SPACED.findall(_fold(text[start : len(text) if cut is None else cut.start()]))
        units = [unit for _space, unit in spaced]
        steps = [" " + unit if space else unit for space, unit in spaced]
        where, at = [], start
        for space, unit in spaced:
            at += len(space)
            where.append(at)
            at += len(unit)
        del spaced
        count = len(units)
        for i in range(count):
            at = where[i]
            if at >= below:
                break
            looked += 1
            if at and word(text, at - 1):
                continue  # inside a word
            run, j, end = units[i], i, at + len(units[i])
            ends = []
            while True:
                if run in labels or run in folded:
                    ends.append((end, run))
                h = hash(run) & mask
                if len(run) >= MAX_PHRASE or not bits[h >> 3] >> (h & 7) & 1:
                    break  # no phrase goes on from here (see Phrases.begins)
                looked += 1
                j += 1
                if j < count:
                    run += steps[j]
                    end = where[j] + len(units[j])
                    continue
                more = _NEXT.match(text, end)
                if more is None:
                    break
                unit = _fold(more[2])
                run = run + " " + unit if more.start(2) > end else run + unit
                end = more.end()
            for end, run in reversed(ends):
                if word(text, end):
                    continue  # a phrase ending in a sign, followed by a word
                key = run
                if exact or folded or "σ" in run or "İ" in run:
                    # Which key the text itself makes: of those folded alike ("οδος",
                    # "οδοσ"), the one it is; one with a capital letter only as written.
                    key = phrase_key(text[at:end])
                    if key not in labels or _fold_key(key) != run:
                        continue
                    if key in exact and " ".join(text[at:end].split()) != key:
                        continue
                yield at, end, key
        start = below
    if tally is not None:
        tally[0] += looked


def combine(rules: Sequence[Suggestion], mine: Sequence[Suggestion]) -> list[Suggestion]:
    """The rules' suggestions and the learned ones, one per (label, start, end): where
    both propose a span, the learned one (see the module's docstring). Sorted by
    (start, end, label)."""
    found = {s.key: s for s in rules}
    found.update((s.key, s) for s in mine)
    return sorted(found.values(), key=lambda s: (s.start, s.end, s.label))


def without_rules(suggestions: Iterable[Suggestion], off: Iterable[str]) -> list[Suggestion]:
    """``suggestions`` but those of the rules switched ``off``."""
    stop = set(off)
    return [s for s in suggestions if s.rule not in stop]
