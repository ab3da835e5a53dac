"""Which labels occur together: counts of unordered pairs of distinct annotations of one
document, one labelled A and one B (A = B allowed), that overlap or share a sentence or a
paragraph.

- ``overlap``: the two spans share at least one code point.
- ``sentence`` / ``paragraph``: the two spans begin in the same sentence (paragraph). A
  paragraph is a run of text between line breaks; a sentence ends after ``.``, ``!`` or
  ``?`` (with closing quotes or brackets) followed by white space, or at a paragraph's end.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

from annotator.core.choices import SCOPES
from annotator.core.messages import N_, say
from annotator.core.model import Annotation

_PARAGRAPH_END = re.compile(r"[\n\r\u2028\u2029\x0b\x0c\x85]+")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]»]*\s+|[\n\r\u2028\u2029\x0b\x0c\x85]+")


@dataclass(frozen=True, slots=True)
class Cooccurrence:
    scope: str
    labels: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]  # symmetric; counts[i][j] for labels i and j

    def count(self, a: str, b: str) -> int:
        return self.counts[self.labels.index(a)][self.labels.index(b)]


def unit_starts(text: str, scope: str) -> list[int]:
    """Where each sentence or paragraph of ``text`` begins (the first is 0)."""
    pattern = _SENTENCE_END if scope == "sentence" else _PARAGRAPH_END
    return [0, *(m.end() for m in pattern.finditer(text) if m.end() < len(text))]


def pairs(
    text: str, spans: Sequence[Annotation], scope: str
) -> list[tuple[Annotation, Annotation]]:
    """The unordered pairs of distinct annotations of one document that co-occur in
    ``scope``, each once."""
    if scope not in SCOPES:
        raise ValueError(
            say(N_("scope {scope}: one of {items}"), scope=repr(scope), items=", ".join(SCOPES))
        )
    placed = sorted((a for a in spans if not a.orphaned), key=lambda a: (a.start, a.end))
    out: list[tuple[Annotation, Annotation]] = []
    if scope == "overlap":
        for i, a in enumerate(placed):  # sorted by start: only later starts before a's end
            for b in placed[i + 1 :]:
                if b.start >= a.end:
                    break
                out.append((a, b))
        return out
    starts = unit_starts(text, scope)
    units: dict[int, list[Annotation]] = {}
    for a in placed:
        units.setdefault(bisect_right(starts, a.start), []).append(a)
    for members in units.values():
        out.extend(combinations(members, 2))
    return out


def cooccurrence(
    corpus: Iterable[tuple[str, Sequence[Annotation]]], labels: Sequence[str], scope: str
) -> Cooccurrence:
    """The counts over ``corpus`` (each document's text and annotations) for ``labels``
    (in that order; annotations of other labels are not counted)."""
    index = {label: i for i, label in enumerate(labels)}
    counts = [[0] * len(labels) for _ in labels]
    for text, spans in corpus:
        kept = [a for a in spans if a.label in index]
        for a, b in pairs(text, kept, scope):
            i, j = index[a.label], index[b.label]
            counts[i][j] += 1
            if i != j:
                counts[j][i] += 1
    return Cooccurrence(scope, tuple(labels), tuple(tuple(row) for row in counts))


def pairs_of(
    corpus: Iterable[tuple[str, Sequence[Annotation]]], a: str, b: str, scope: str
) -> list[tuple[Annotation, Annotation]]:
    """The pairs counted in ``counts[a][b]``: one annotation labelled ``a`` and one ``b``
    (two of ``a`` when ``a == b``), co-occurring in ``scope``, each pair once."""
    wanted = {a, b}
    out: list[tuple[Annotation, Annotation]] = []
    for text, spans in corpus:
        kept = [x for x in spans if x.label in wanted]
        out.extend(
            (x, y) for x, y in pairs(text, kept, scope) if (x.label, y.label) in ((a, b), (b, a))
        )
    return out
