"""The phrase matcher phrases were found with before (issue 24): one regular expression
per group of phrases, a trie of them. Kept here only to check that the matcher that
replaced it finds exactly the same (tests/core/test_suggest_phrase_units.py)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from annotator.core.suggest.firstchars import first_chars
from annotator.core.suggest.learned import (
    CONFIDENCE,
    MAX_LEARNED,
    MAX_PHRASE,
    Tagged,
    distinctive,
    learned_rule,
    phrase_key,
)
from annotator.core.suggest.model import Suggestion
from annotator.core.suggest.rules import words_regex

_WORD = re.compile(r"\w")


@dataclass(frozen=True)
class Group:
    scan: re.Pattern[str]
    at: re.Pattern[str]
    nested: frozenset[str]


@dataclass(frozen=True)
class RegexPhrases:
    groups: tuple[Group, ...]
    labels: dict[str, tuple[tuple[str, str, str], ...]]


def compile_regex(tagged: Iterable[Tagged], group_chars: int = 32_000) -> RegexPhrases:
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
            groups.append(_group(group))
            group, size = [], 0
    if group:
        groups.append(_group(group))
    made = {
        key: tuple(
            (label, f"you tagged this phrase in «{title}»", learned_rule(label))
            for label, title in found.items()
        )
        for key, found in labels.items()
    }
    return RegexPhrases(tuple(groups), made)


def _group(keys: list[str]) -> Group:
    body = words_regex(keys)
    first = first_chars(body)
    guard = "" if first is None else f"(?={first})"
    scan = re.compile(rf"(?<!\w){guard}(?=(?P<p>{body})(?!\w))")
    at = re.compile(rf"{body}(?!\w)")
    mine = set(keys)
    nested = frozenset(k for k in keys if any(k[:i] in mine for i in range(1, len(k))))
    return Group(scan, at, nested)


def regex_between(
    text: str,
    phrases: RegexPhrases,
    start: int = 0,
    stop: int | None = None,
    dropped: set[str] | None = None,
) -> tuple[dict[str, int], list[Suggestion] | None]:
    stop = len(text) if stop is None else stop
    counts: dict[str, int] = {}
    first: dict[str, tuple[int, int, int]] = {}
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
                    out = None
    if len(phrases.groups) > 1:
        counts = {k: counts[k] for k in sorted(counts, key=first.__getitem__)}
    if out is not None:
        out.sort(key=lambda s: (s.start, s.end, s.label))
    return counts, out


def _occurrences(
    text: str, phrases: RegexPhrases, group: Group, start: int
) -> Iterator[tuple[Suggestion, str, int]]:
    for m in group.scan.finditer(text, start):
        start, end = m.span("p")
        while True:
            key = phrase_key(text[start:end])
            for nth, (label, reason, rule) in enumerate(phrases.labels.get(key, ())):
                yield Suggestion(label, start, end, CONFIDENCE, reason, rule), key, nth
            if key in phrases.labels and key not in group.nested:
                break
            end = _shorter(text, group.at, start, end)
            if end < 0:
                break


def _shorter(text: str, at: re.Pattern[str], start: int, end: int) -> int:
    while end - 1 > start:
        m = at.match(text, start, end - 1)
        if m is None:
            return -1
        end = m.end()
        if end >= len(text) or _WORD.match(text, end) is None:
            return end
    return -1
