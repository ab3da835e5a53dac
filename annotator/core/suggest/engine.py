"""Applying the rules to a text.

PLACEHOLDER ENGINE: a few fixed patterns, until the rule files are written. The API
(:class:`RuleSet`, :func:`load_rules`, :func:`suggest`) is what callers use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from annotator.core.suggest.model import Suggestion


@dataclass(frozen=True)
class RuleSet:
    """Compiled rules for each label; made by :func:`load_rules`."""

    patterns: tuple[tuple[str, str, re.Pattern[str], float, str], ...]

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p[0] for p in self.patterns))


def load_rules(folders: Sequence[Path] = ()) -> RuleSet:
    """The shipped rules plus those in ``folders`` (placeholder: fixed patterns)."""
    del folders
    return RuleSet(
        (
            (
                "statistic",
                "number-with-noun",
                re.compile(r"\b\d[\d,.]*(?:\s?%| per cent)?(?: [a-z]+)?"),
                0.8,
                "a number",
            ),
            (
                "refusal",
                "declined",
                re.compile(r"\b(?:declined|refused) to (?:comment|disclose)\b"),
                0.9,
                "refusal verb 'declined'",
            ),
            (
                "claim",
                "reporting-verb",
                re.compile(r"[^.\n]*\b(?:said|claimed|insisted)\b[^.\n]*"),
                0.6,
                "reporting verb 'said'",
            ),
        )
    )


def suggest(text: str, rules: RuleSet, labels: Iterable[str] | None = None) -> list[Suggestion]:
    """Suggestions for ``text``, sorted by (start, end, label), one per (label, span)."""
    wanted = None if labels is None else set(labels)
    found: dict[tuple[str, int, int], Suggestion] = {}
    for label, name, pattern, confidence, reason in rules.patterns:
        if wanted is not None and label not in wanted:
            continue
        for m in pattern.finditer(text):
            start, end = m.span()
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                key = (label, start, end)
                found.setdefault(
                    key, Suggestion(label, start, end, confidence, reason, f"{label}:{name}")
                )
    return sorted(found.values(), key=lambda s: (s.start, s.end, s.label))
