"""Adjudication: the candidates for a gold layer, from several annotators' spans.

A *candidate* is one (label, start, end) that at least one annotator marked, or that the
gold layer holds. Identical spans of several annotators are one candidate, which knows
who marked it and, for each annotator of the document who did not, how they disagree:

* ``boundary``: they marked an overlapping span with the same label and other ends;
* ``label``: they marked an overlapping span only with other labels;
* ``missing``: nothing of theirs overlaps it.

A candidate is *agreed* when every annotator of the document (at least two) marked it,
and *accepted* when the gold layer holds it. The gold layer is one annotator's
annotations (``gold`` by default, or the curator's name); they never count as an
annotator's. Orphaned annotations (left on an older version) take no part.

Pure functions over :class:`~annotator.core.model.Annotation`; no Qt, no database.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from annotator.core.model import Annotation, AttributeValue

GOLD = "gold"  # the gold layer's default annotator name

# What a candidate's status can be, in the order a summary lists them.
ACCEPTED, REJECTED, AGREED, DISPUTED, OPEN = "accepted", "rejected", "agreed", "disputed", "open"
STATUSES = (AGREED, DISPUTED, OPEN, ACCEPTED, REJECTED)
# How an annotator who did not mark a candidate differs, most specific first.
BOUNDARY, LABEL, MISSING = "boundary", "label", "missing"
KINDS = (BOUNDARY, LABEL, MISSING)


class SpanKey(NamedTuple):
    """What makes two annotators' spans the same candidate."""

    label: str
    start: int
    end: int


def key_of(annotation: Annotation) -> SpanKey:
    return SpanKey(annotation.label, annotation.start, annotation.end)


class Disagreement(NamedTuple):
    """An annotator of the document who did not mark a candidate: ``kind`` is one of
    :data:`KINDS`; ``spans`` are their spans overlapping it (none when ``missing``), in
    text order."""

    annotator: str
    kind: str
    spans: tuple[SpanKey, ...] = ()


@dataclass(frozen=True, slots=True)
class Candidate:
    """One span with one label, as the annotators and the gold layer have it.

    ``annotators`` marked it (sorted; ``sources`` are their annotations, one or more
    each); ``lacking`` has one :class:`Disagreement` for every other annotator of the
    document, sorted by name; ``gold`` is what the gold layer holds with exactly this
    label and span (normally one annotation, none when not accepted)."""

    key: SpanKey
    annotators: tuple[str, ...]
    lacking: tuple[Disagreement, ...]
    sources: tuple[Annotation, ...]
    gold: tuple[Annotation, ...] = ()

    @property
    def label(self) -> str:
        return self.key.label

    @property
    def start(self) -> int:
        return self.key.start

    @property
    def end(self) -> int:
        return self.key.end

    @property
    def agreed(self) -> bool:
        """Every annotator of the document marked it, and there are at least two."""
        return len(self.annotators) >= 2 and not self.lacking

    @property
    def accepted(self) -> bool:
        return bool(self.gold)

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds of disagreement it meets, in the order of :data:`KINDS`."""
        found = {d.kind for d in self.lacking}
        return tuple(kind for kind in KINDS if kind in found)

    def status(self, rejected: Collection[SpanKey] = ()) -> str:
        """``accepted`` if gold holds it, else ``rejected`` if its key is in
        ``rejected``, else ``agreed``, ``disputed`` (another annotator lacks it) or
        ``open`` (a single annotator's, with nobody to disagree)."""
        if self.gold:
            return ACCEPTED
        if self.key in rejected:
            return REJECTED
        if self.agreed:
            return AGREED
        return DISPUTED if self.lacking else OPEN


def layers(
    annotations: Iterable[Annotation], gold_annotator: str
) -> tuple[list[Annotation], list[Annotation]]:
    """A document's annotations split into (the annotators', the gold layer's), each in
    the order given; orphaned annotations are left out of both."""
    others: list[Annotation] = []
    gold: list[Annotation] = []
    for ann in annotations:
        if ann.orphaned:
            continue
        (gold if ann.annotator == gold_annotator else others).append(ann)
    return others, gold


def annotators_of(annotations: Iterable[Annotation]) -> tuple[str, ...]:
    """The distinct annotators of (non-orphaned) ``annotations``, sorted."""
    return tuple(sorted({ann.annotator for ann in annotations if not ann.orphaned}))


def candidates(
    annotations: Iterable[Annotation], gold: Iterable[Annotation] = ()
) -> list[Candidate]:
    """The candidates of one document, in text order (start, end, label).

    ``annotations`` are the annotators' (the gold layer's own excluded, see
    :func:`layers`), ``gold`` the gold layer's; orphaned ones in either are ignored. A
    span only the gold layer holds is a candidate too, marked by nobody."""
    marked: dict[SpanKey, dict[str, list[Annotation]]] = {}
    for ann in annotations:
        if not ann.orphaned:
            marked.setdefault(key_of(ann), {}).setdefault(ann.annotator, []).append(ann)
    held: dict[SpanKey, list[Annotation]] = {}
    for ann in gold:
        if not ann.orphaned:
            held.setdefault(key_of(ann), []).append(ann)
    everyone = sorted({name for by in marked.values() for name in by})
    # Each annotator's distinct spans in text order, to find what of theirs overlaps.
    spans_of: dict[str, list[SpanKey]] = {name: [] for name in everyone}
    for key in sorted(marked, key=_text_order):
        for name in marked[key]:
            spans_of[name].append(key)
    indexes = {name: _Layer(keys) for name, keys in spans_of.items()}
    result: list[Candidate] = []
    for key in sorted(marked.keys() | held.keys(), key=_text_order):
        by = marked.get(key, {})
        lacking = tuple(
            _disagreement(name, key, indexes[name]) for name in everyone if name not in by
        )
        sources = tuple(ann for name in sorted(by) for ann in by[name])
        gold_here = tuple(held.get(key, ()))
        result.append(Candidate(key, tuple(sorted(by)), lacking, sources, gold_here))
    return result


def _text_order(key: SpanKey) -> tuple[int, int, str]:
    return (key.start, key.end, key.label)


class _Layer:
    """One annotator's spans in text order, asked which overlap a range."""

    def __init__(self, keys: list[SpanKey]) -> None:
        self._keys = keys
        self._starts = [k.start for k in keys]
        self._longest = max((k.end - k.start for k in keys), default=0)

    def overlapping(self, start: int, end: int) -> tuple[SpanKey, ...]:
        """The spans sharing a code point with ``[start, end)``, in text order."""
        if end <= start:
            return ()
        # Only a span starting less than the longest length before ``start`` can reach it.
        first = bisect_left(self._starts, start - self._longest + 1)
        last = bisect_left(self._starts, end, first)
        return tuple(k for k in self._keys[first:last] if k.end > start and k.end > k.start)


def _disagreement(annotator: str, key: SpanKey, layer: _Layer) -> Disagreement:
    theirs = layer.overlapping(key.start, key.end)
    if any(span.label == key.label for span in theirs):
        kind = BOUNDARY
    elif theirs:
        kind = LABEL
    else:
        kind = MISSING
    return Disagreement(annotator, kind, theirs)


def to_accept(found: Iterable[Candidate], rejected: Collection[SpanKey] = ()) -> list[Candidate]:
    """What "accept everything all annotators agree on" adds: the agreed candidates gold
    does not hold yet, except those rejected in this session."""
    return [c for c in found if c.agreed and not c.gold and c.key not in rejected]


def tally(found: Iterable[Candidate], rejected: Collection[SpanKey] = ()) -> dict[str, int]:
    """How many candidates have each status, for every status of :data:`STATUSES`."""
    counts = Counter(c.status(rejected) for c in found)
    return {status: counts[status] for status in STATUSES}


def shared_attributes(sources: Sequence[Annotation]) -> tuple[tuple[str, AttributeValue], ...]:
    """The attribute values every one of ``sources`` has, identically (sorted by name)."""
    if not sources:
        return ()
    # Typed, so that 1, 1.0 and True (equal in Python) are not taken for one value.
    common = {(name, type(value), value) for name, value in sources[0].attributes}
    for ann in sources[1:]:
        common &= {(name, type(value), value) for name, value in ann.attributes}
    return tuple(sorted(((name, value) for name, _kind, value in common), key=_by_name))


def _by_name(pair: tuple[str, AttributeValue]) -> str:
    return pair[0]


def gold_annotation(
    candidate: Candidate, document_id: str, annotator: str, annotation_id: str, moment: datetime
) -> Annotation:
    """The gold layer's copy of ``candidate``: its label and span, the attribute values
    all its annotators gave alike, no note, made by ``annotator`` at ``moment``."""
    return Annotation(
        annotation_id,
        document_id,
        candidate.label,
        candidate.start,
        candidate.end,
        None,
        annotator,
        moment,
        moment,
        shared_attributes(candidate.sources),
    )
