"""Inter-annotator agreement: kappas and alpha over tokens, span precision / recall / F1.

Units (also stated in every report, :data:`UNITS`):

* A *token* is a maximal run of word characters (``\\w+``, Unicode) or a single other
  non-space character, found in the document text in code points. Whitespace is never a
  token.
* An annotation *covers* a token when their code-point ranges overlap, so a span ending
  inside a word labels the whole word.
* A token's category for an annotator is the label of the shortest of their annotations
  covering it (ties: earliest start, then label name). A token none of their annotations
  covers is ``"no label"`` (:data:`NO_LABEL`), a category of its own.
* For a single label's scores a token is ``label`` when any of the annotator's
  annotations with that label covers it, else ``not label``.
* By default a document counts for a set of annotators when each has at least one
  annotation in it; ``annotated=`` names other sets (e.g. documents marked done).

Undefined values are ``None``, never NaN: a kappa or alpha whose expected agreement is
perfect (a single category used throughout, so chance explains everything), or one with
no data; a precision with no predicted spans, a recall with no reference spans, an F1
with neither.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any, NamedTuple, Protocol

from annotator.core.messages import N_, say

NO_LABEL = "no label"
TOKEN = re.compile(r"\w+|[^\w\s]")

UNITS = (
    "Token measures (Cohen's kappa, Fleiss' kappa, Krippendorff's alpha, nominal) compare "
    "tokens: a token is a maximal run of word characters (\\w+) or a single other "
    "non-space character, in code points. An annotation covers a token it overlaps; a "
    "token's category is the label of the annotator's shortest annotation covering it, "
    "and a token an annotator left unlabelled counts as 'no label'. For one label, a "
    "token is that label or not. A document counts for a pair of annotators when both "
    "annotated it; Fleiss' kappa uses documents every annotator annotated; Krippendorff's "
    "alpha uses every annotated document, treating annotators who did not annotate it as "
    "missing. Span measures compare annotations of the same label in the same document, "
    "exactly (same start and end) or overlapping (one-to-one matching); precision is of "
    "the second annotator against the first. null means undefined."
)


# --- coefficients ---------------------------------------------------------------------


def cohen_kappa(a: Sequence[Hashable], b: Sequence[Hashable]) -> float | None:
    """Cohen's kappa of two raters' categories for the same items.

    ``None`` when there are no items or the expected agreement is 1 (both raters used one
    and the same category throughout). Raises ``ValueError`` on unequal lengths.
    """
    if len(a) != len(b):
        raise ValueError(
            say(
                N_("cohen_kappa needs equal lengths, got {count} and {count2}"),
                count=len(a),
                count2=len(b),
            )
        )
    n = len(a)
    if n == 0:
        return None
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[c] * cb[c] for c in ca) / (n * n)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def fleiss_kappa(ratings: Sequence[Sequence[Hashable]]) -> float | None:
    """Fleiss' kappa of ``ratings[item][rater]``; every item has the same number of raters.

    ``None`` when there are no items or the expected agreement is 1. Raises
    ``ValueError`` with fewer than two raters or unequal rater counts.
    """
    if not ratings:
        return None
    m = len(ratings[0])
    if m < 2:
        raise ValueError(say(N_("fleiss_kappa needs at least two raters per item, got {m}"), m=m))
    totals: Counter[Hashable] = Counter()
    agreement = 0.0
    for i, row in enumerate(ratings):
        if len(row) != m:
            raise ValueError(
                say(
                    N_("fleiss_kappa: item {i} has {count} ratings, expected {m}"),
                    i=i,
                    count=len(row),
                    m=m,
                )
            )
        counts = Counter(row)
        totals.update(counts)
        agreement += (sum(c * c for c in counts.values()) - m) / (m * (m - 1))
    n = len(ratings)
    observed = agreement / n
    expected = sum((c / (n * m)) ** 2 for c in totals.values())
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def krippendorff_alpha_nominal(units: Iterable[Sequence[Hashable | None]]) -> float | None:
    """Krippendorff's alpha for nominal data by the coincidence-matrix method.

    Each unit lists the values its coders gave, ``None`` for missing; units with fewer
    than two values are not pairable and ignored. ``None`` when fewer than two pairable
    values exist or only one value occurs (expected disagreement 0).
    """
    coincidences: defaultdict[tuple[Hashable, Hashable], float] = defaultdict(float)
    for unit in units:
        values = [v for v in unit if v is not None]
        m = len(values)
        if m < 2:
            continue
        counts = Counter(values)
        for c, nc in counts.items():
            for k, nk in counts.items():
                pairs = nc * (nk - 1) if c == k else nc * nk
                coincidences[c, k] += pairs / (m - 1)
    marginals: defaultdict[Hashable, float] = defaultdict(float)
    for (c, _), o in coincidences.items():
        marginals[c] += o
    n = sum(marginals.values())
    if n < 2:
        return None
    observed = sum(o for (c, k), o in coincidences.items() if c != k)
    expected = (n * n - sum(v * v for v in marginals.values())) / (n - 1)
    if expected == 0:
        return None
    return 1 - observed / expected


class SpanScores(NamedTuple):
    """Precision, recall and F1 of predicted spans against reference spans."""

    precision: float | None
    recall: float | None
    f1: float | None
    matched: int
    reference: int
    predicted: int


def span_scores(
    gold_spans: Iterable[tuple[Hashable, int, int]],
    other_spans: Iterable[tuple[Hashable, int, int]],
    overlap: bool = False,
    min_iou: float = 0.0,
) -> SpanScores:
    """Score ``other_spans`` against ``gold_spans``; each span is ``(key, start, end)``.

    Only spans with equal keys (e.g. ``(document_id, label)``) can match. Exact: equal
    start and end, duplicates matched once each. Overlap: the ranges share a code point
    (an empty span overlaps a span strictly containing its position) and, with
    ``min_iou``, share at least that fraction of their union (intersection over union);
    spans matched one to one, as many as possible. F1 is ``2·matched / (reference +
    predicted)``.
    """
    gold = list(gold_spans)
    other = list(other_spans)
    if overlap:
        matched = _overlap_matches(gold, other, min_iou)
    else:
        matched = sum((Counter(gold) & Counter(other)).values())
    g, o = len(gold), len(other)
    return SpanScores(
        precision=matched / o if o else None,
        recall=matched / g if g else None,
        f1=2 * matched / (g + o) if g + o else None,
        matched=matched,
        reference=g,
        predicted=o,
    )


def _overlap_matches(
    gold: list[tuple[Hashable, int, int]],
    other: list[tuple[Hashable, int, int]],
    min_iou: float = 0.0,
) -> int:
    """Size of a maximum one-to-one matching of overlapping spans (augmenting paths)."""
    by_key: defaultdict[Hashable, list[tuple[int, int]]] = defaultdict(list)
    for key, start, end in other:
        by_key[key].append((start, end))
    total = 0
    groups: defaultdict[Hashable, list[tuple[int, int]]] = defaultdict(list)
    for key, start, end in gold:
        groups[key].append((start, end))
    for key, golds in groups.items():
        others = by_key.get(key, [])
        edges = [
            [
                j
                for j, (os, oe) in enumerate(others)
                if _overlaps(gs, ge, os, oe) and _iou(gs, ge, os, oe) >= min_iou
            ]
            for gs, ge in golds
        ]
        owner: dict[int, int] = {}
        total += sum(_augment(i, edges, owner, set()) for i in range(len(golds)))
    return total


def _augment(i: int, edges: list[list[int]], owner: dict[int, int], seen: set[int]) -> bool:
    """Kuhn's augmenting path from reference span ``i``; updates ``owner`` on success."""
    for j in edges[i]:
        if j in seen:
            continue
        seen.add(j)
        if j not in owner or _augment(owner[j], edges, owner, seen):
            owner[j] = i
            return True
    return False


def _iou(s1: int, e1: int, s2: int, e2: int) -> float:
    """Shared code points over the code points of either span (1.0 for two empty spans)."""
    union = max(e1, e2) - min(s1, s2)
    return max(0, min(e1, e2) - max(s1, s2)) / union if union else 1.0


def _overlaps(s1: int, e1: int, s2: int, e2: int) -> bool:
    return max(s1, s2) < min(e1, e2) or (s1 == e1 and s2 < s1 < e2) or (s2 == e2 and s1 < s2 < e1)


# --- tokens ---------------------------------------------------------------------------


def tokenize(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each token of ``text`` (see the module docstring)."""
    return [m.span() for m in TOKEN.finditer(text)]


def token_labels(
    tokens: Sequence[tuple[int, int]], spans: Iterable[tuple[str, int, int]]
) -> list[str]:
    """Each token's category given one annotator's ``(label, start, end)`` spans.

    The shortest covering span wins (ties: earliest start, then label); uncovered tokens
    are :data:`NO_LABEL`.
    """
    ordered = sorted(spans, key=lambda s: (s[2] - s[1], s[1], s[0]))
    result: list[str | None] = [None] * len(tokens)
    starts = [s for s, _ in tokens]
    for label, start, end in ordered:
        for i in _covered(tokens, starts, start, end):
            if result[i] is None:
                result[i] = label
    return [NO_LABEL if r is None else r for r in result]


def _covered(tokens: Sequence[tuple[int, int]], starts: list[int], start: int, end: int) -> range:
    """Indices of the tokens overlapping ``[start, end)`` (tokens sorted, disjoint)."""
    lo = bisect_left(starts, start)
    if lo > 0 and tokens[lo - 1][1] > start:
        lo -= 1
    hi = bisect_left(starts, end, lo)
    return range(lo, hi)


# --- report ---------------------------------------------------------------------------


class AnnotationLike(Protocol):
    """What the report reads from an annotation (``model.Annotation`` qualifies)."""

    @property
    def annotator(self) -> str: ...
    @property
    def document_id(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


class Marked(NamedTuple):
    """A minimal annotation for :func:`agreement_report`."""

    annotator: str
    document_id: str
    label: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Measure:
    """One agreement figure.

    ``name`` is ``cohen_kappa``, ``fleiss_kappa``, ``krippendorff_alpha_nominal`` or
    ``span_{precision,recall,f1}_{exact,overlap}``; ``label`` is ``None`` for all labels;
    ``annotators`` are those compared (for span measures the first is the reference);
    ``documents`` how many documents it covers; ``tokens`` how many tokens (``None`` for
    span measures); ``value`` is ``None`` when undefined.
    """

    name: str
    label: str | None
    annotators: tuple[str, ...]
    value: float | None
    documents: int
    tokens: int | None = None


@dataclass(frozen=True, slots=True)
class AgreementReport:
    """Every measure of an agreement run, with the units they are stated in."""

    annotators: tuple[str, ...]
    labels: tuple[str, ...]
    measures: tuple[Measure, ...]
    units: str = UNITS
    notes: tuple[str, ...] = field(default=())

    def get(self, name: str, label: str | None, annotators: Sequence[str]) -> Measure:
        """The measure so named for ``label`` and ``annotators``; ``KeyError`` if absent."""
        for m in self.measures:
            if m.name == name and m.label == label and m.annotators == tuple(annotators):
                return m
        raise KeyError((name, label, tuple(annotators)))

    def as_json(self) -> dict[str, Any]:
        """A JSON-ready dict; undefined values are ``null``."""
        return {
            "units": self.units,
            "no_label": NO_LABEL,
            "annotators": list(self.annotators),
            "labels": list(self.labels),
            "measures": [
                {
                    "measure": m.name,
                    "label": m.label,
                    "annotators": list(m.annotators),
                    "value": m.value,
                    "documents": m.documents,
                    "tokens": m.tokens,
                }
                for m in self.measures
            ],
        }


def agreement_report(
    documents: Iterable[tuple[str, str]],
    annotations: Iterable[AnnotationLike],
    annotated: Mapping[str, Iterable[str]] | None = None,
) -> AgreementReport:
    """Agreement per label and over all labels, pairwise and across all annotators.

    ``documents`` are ``(id, text)``; ``annotations`` anything with ``annotator``,
    ``document_id``, ``label``, ``start`` and ``end`` (orphaned ones are skipped).
    ``annotated`` maps annotator → the document ids they annotated; by default, those in
    which they have an annotation. Raises ``ValueError`` for an annotation of an unknown
    document or with offsets outside its text.
    """
    texts = dict(documents)
    # spans[annotator][document] = [(label, start, end), ...]
    spans: defaultdict[str, defaultdict[str, list[tuple[str, int, int]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    labels: set[str] = set()
    for a in annotations:
        if getattr(a, "orphaned", False):
            continue
        if a.document_id not in texts:
            raise ValueError(
                say(
                    N_("annotation by {annotator} names unknown document {document_id}"),
                    annotator=a.annotator,
                    document_id=a.document_id,
                )
            )
        if not 0 <= a.start <= a.end <= len(texts[a.document_id]):
            raise ValueError(
                say(
                    N_(
                        "annotation by {annotator} in document {document_id} has offsets "
                        "{start}–{end} outside its text of {count} code points"
                    ),
                    annotator=a.annotator,
                    document_id=a.document_id,
                    start=a.start,
                    end=a.end,
                    count=len(texts[a.document_id]),
                )
            )
        spans[a.annotator][a.document_id].append((a.label, a.start, a.end))
        labels.add(a.label)
    if annotated is None:
        done = {who: set(docs) for who, docs in spans.items()}
    else:
        done = {who: set(docs) for who, docs in annotated.items()}
        for who, docs in done.items():
            unknown = sorted(docs - texts.keys())
            if unknown:
                raise ValueError(
                    say(
                        N_("annotated: {who} names unknown document {unknown}"),
                        who=who,
                        unknown=unknown[0],
                    )
                )
    coders = tuple(sorted(done))
    label_list = tuple(sorted(labels))
    scopes: list[str | None] = [None, *label_list]

    tokens = {d: tokenize(texts[d]) for d in set().union(*done.values())} if done else {}
    cats: dict[tuple[str, str, str | None], list[Hashable]] = {}

    def categories(who: str, doc: str, scope: str | None) -> list[Hashable]:
        key = (who, doc, scope)
        if key not in cats:
            mine = spans[who][doc]
            if scope is None:
                cats[key] = list(token_labels(tokens[doc], mine))
            else:
                marks = token_labels(tokens[doc], [s for s in mine if s[0] == scope])
                cats[key] = [m != NO_LABEL for m in marks]
        return cats[key]

    measures: list[Measure] = []
    for scope in scopes:
        for x, y in combinations(coders, 2):
            docs = sorted(done[x] & done[y])
            a = [c for d in docs for c in categories(x, d, scope)]
            b = [c for d in docs for c in categories(y, d, scope)]
            measures.append(
                Measure("cohen_kappa", scope, (x, y), cohen_kappa(a, b), len(docs), len(a))
            )
            for overlap in (False, True):
                sx = [
                    ((d, s[0]), s[1], s[2])
                    for d in docs
                    for s in spans[x][d]
                    if scope in (None, s[0])
                ]
                sy = [
                    ((d, s[0]), s[1], s[2])
                    for d in docs
                    for s in spans[y][d]
                    if scope in (None, s[0])
                ]
                scores = span_scores(sx, sy, overlap=overlap)
                kind = "overlap" if overlap else "exact"
                for part in ("precision", "recall", "f1"):
                    measures.append(
                        Measure(
                            f"span_{part}_{kind}", scope, (x, y), getattr(scores, part), len(docs)
                        )
                    )
        if len(coders) >= 2:
            everyone = sorted(set.intersection(*(done[c] for c in coders)))
            rows = [
                list(r)
                for d in everyone
                for r in zip(*(categories(c, d, scope) for c in coders), strict=True)
            ]
            measures.append(
                Measure("fleiss_kappa", scope, coders, fleiss_kappa(rows), len(everyone), len(rows))
            )
            anyone = sorted(set.union(*(done[c] for c in coders)))
            units: list[list[Hashable | None]] = []
            for d in anyone:
                columns = [categories(c, d, scope) if d in done[c] else None for c in coders]
                for i in range(len(tokens[d])):
                    units.append([None if col is None else col[i] for col in columns])
            measures.append(
                Measure(
                    "krippendorff_alpha_nominal",
                    scope,
                    coders,
                    krippendorff_alpha_nominal(units),
                    len(anyone),
                    len(units),
                )
            )
    return AgreementReport(coders, label_list, tuple(measures))
