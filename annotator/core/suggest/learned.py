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
from dataclasses import dataclass
from typing import NamedTuple

from annotator.core.suggest.firstchars import first_chars
from annotator.core.suggest.model import Suggestion
from annotator.core.suggest.rules import words_regex

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


# Code points of phrases compiled into one expression at most: compiling takes about 100
# times its length in memory while it lasts (10,000 phrases in one took 40 MB).
GROUP_CHARS = 32_000


@dataclass(frozen=True)
class PhraseGroup:
    """Some of the phrases, compiled together."""

    scan: re.Pattern[str]  # finds, at each place, the longest of them there
    at: re.Pattern[str]  # one of them at a given place (shorter ones: endpos)
    nested: frozenset[str]  # keys that begin with another key of the group: only there
    # can a shorter phrase of the group start at the same place


@dataclass(frozen=True)
class Phrases:
    """Tagged phrases compiled for matching; made by :func:`compile_phrases`."""

    groups: tuple[PhraseGroup, ...]
    labels: dict[str, tuple[tuple[str, str, str], ...]]  # key: ((label, reason, rule), ...)

    def __len__(self) -> int:
        return len(self.labels)

    @property
    def label_names(self) -> set[str]:
        """Every label a phrase was tagged with."""
        return {label for made in self.labels.values() for label, _reason, _rule in made}


def compile_phrases(tagged: Iterable[Tagged], group_chars: int = GROUP_CHARS) -> Phrases:
    """The phrases of ``tagged``, one per (phrase, label); those longer than
    :data:`MAX_PHRASE` or not :func:`distinctive` (no word, or only a number: "14",
    "two", "12 per cent") are left out. O(total length of the phrases); compiled in
    groups of about ``group_chars`` code points."""
    labels: dict[str, dict[str, str]] = {}
    for t in tagged:
        key = phrase_key(t.text)
        if not key or len(key) > MAX_PHRASE or not distinctive(key):
            continue
        labels.setdefault(key, {}).setdefault(t.label, t.title)
    groups, group, size = [], [], 0
    for key in labels:
        group.append(key)
        size += len(key)
        if size >= group_chars:
            groups.append(_compile_group(group))
            group, size = [], 0
    if group:
        groups.append(_compile_group(group))
    made = {
        key: tuple(
            (label, f"you tagged this phrase in «{title}»", learned_rule(label))
            for label, title in found.items()
        )
        for key, found in labels.items()
    }
    return Phrases(tuple(groups), made)


def _compile_group(keys: list[str]) -> PhraseGroup:
    body = words_regex(keys)  # a trie; lower case matches in any case
    first = first_chars(body)
    guard = "" if first is None else f"(?={first})"
    # Zero-width, so that a match at one place does not hide one starting inside it.
    scan = re.compile(rf"(?<!\w){guard}(?=(?P<p>{body})(?!\w))")
    at = re.compile(rf"{body}(?!\w)")
    mine = set(keys)
    nested = frozenset(k for k in keys if any(k[:i] in mine for i in range(1, len(k))))
    return PhraseGroup(scan, at, nested)


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
) -> tuple[dict[str, int], list[Suggestion] | None]:
    """For the occurrences starting in ``start``..``stop`` of ``text`` (a piece of a longer
    text: what comes after ``stop`` is only looked at): how many there are of each phrase
    of each label (by a key :func:`left_out` takes, in the order first found), and their
    suggestions, sorted, but for the phrases ``dropped``; without ``dropped``, None
    instead of more than :data:`MAX_LEARNED` of them."""
    stop = len(text) if stop is None else stop
    counts: dict[str, int] = {}
    first: dict[str, tuple[int, int, int]] = {}  # where each was first found
    out: list[Suggestion] | None = []
    for group in phrases.groups:
        for s, key, nth in _occurrences(text, phrases, group, start):
            if s.start >= stop:
                break
            counted = s.rule + "\0" + key
            if counted not in counts:
                counts[counted] = 0
                first[counted] = (s.start, -s.end, nth)
            counts[counted] += 1
            if out is not None and (dropped is None or counted not in dropped):
                out.append(s)
                if dropped is None and len(out) > MAX_LEARNED:
                    out = None  # too many: only counted from here on
    if len(phrases.groups) > 1:  # in the order found in the text, as one scan finds them
        counts = {k: counts[k] for k in sorted(counts, key=first.__getitem__)}
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
    text: str, phrases: Phrases, group: PhraseGroup, start: int = 0
) -> Iterator[tuple[Suggestion, str, int]]:
    """Each suggestion of a phrase of ``group`` in ``text`` from ``start`` on, the
    phrase's key and which of its labels it is, in the order found: by start; at one
    start, the longest phrase first."""
    for m in group.scan.finditer(text, start):
        start, end = m.span("p")
        while True:
            key = phrase_key(text[start:end])
            for nth, (label, reason, rule) in enumerate(phrases.labels.get(key, ())):
                yield Suggestion(label, start, end, CONFIDENCE, reason, rule), key, nth
            # A shorter phrase at the same place ("prime minister" in "prime minister
            # Lee"): the text cut before this end, the cut checked against the text.
            if key in phrases.labels and key not in group.nested:
                break
            end = _shorter(text, group.at, start, end)
            if end < 0:
                break


def _shorter(text: str, at: re.Pattern[str], start: int, end: int) -> int:
    """The end of the longest phrase at ``start`` ending before ``end``, or -1."""
    while end - 1 > start:
        m = at.match(text, start, end - 1)
        if m is None:
            return -1
        end = m.end()
        if end >= len(text) or _WORD.match(text, end) is None:
            return end
    return -1


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
