"""Cross-tabulation: the annotations of a label counted per category of a breakdown — who
made them (``annotator``), a field of their document (``author``, ``source``, ``year`` of
publication) or one of their attributes (``attribute:NAME``).

Counts are annotations whatever the breakdown (a document field counts the annotations
in documents that have it); orphaned annotations are not counted. Categories are text:
an attribute's number reads as written (``2000`` and ``2000.0`` are one category), yes/no
as ``yes`` and ``no``. An annotation or document without the value falls in ``(none)``.
Categories run from the most frequent down, ties by name (numbers by value), ``(none)``
last; a ``choice`` attribute lists each of its choices, those never chosen with 0.

Without a label, every label of the scheme is a column: a category × label matrix.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from annotator.core.attributes import format_value
from annotator.core.choices import FIELDS
from annotator.core.messages import N_, say
from annotator.core.model import Annotation, AttributeValue, Document, Label

ATTRIBUTE = "attribute:"
NONE = "(none)"
_YEAR = re.compile(r"\d{4}")


class CrosstabError(ValueError):
    """A cross-tabulation that cannot be made: an unknown label, breakdown or attribute."""


@dataclass(frozen=True, slots=True)
class Crosstab:
    """``counts[i][j]``: annotations of ``labels[j]`` in ``categories[i]``. ``label`` is
    the one label asked for (then ``labels`` is just it), ``None`` for every label."""

    label: str | None
    by: str
    labels: tuple[str, ...]
    categories: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]

    def column(self, label: str) -> tuple[int, ...]:
        """The count of each category for ``label``."""
        j = self.labels.index(label)
        return tuple(row[j] for row in self.counts)

    def label_totals(self) -> tuple[int, ...]:
        """Each label's count over the categories."""
        return tuple(sum(row[j] for row in self.counts) for j in range(len(self.labels)))

    def totals(self) -> tuple[int, ...]:
        """Each category's count over the labels."""
        return tuple(sum(row) for row in self.counts)

    def total(self) -> int:
        return sum(self.totals())

    def shares(self) -> tuple[float, ...]:
        """Each category's part of all the annotations counted (0 when there are none)."""
        total = self.total()
        return tuple(n / total if total else 0.0 for n in self.totals())


def check_breakdown(by: str) -> str | None:
    """Why ``by`` is not a breakdown (``None`` when it is)."""
    if by in FIELDS or (by.startswith(ATTRIBUTE) and by[len(ATTRIBUTE) :].strip()):
        return None
    return f"--by {by!r}: one of {', '.join(FIELDS)} or attribute:NAME"


def attribute_names(
    corpus: Iterable[tuple[Document, Sequence[Annotation]]],
    scheme: Sequence[Label],
    label: str | None,
) -> list[str]:
    """The attributes a breakdown can name for ``label`` (every label when ``None``):
    those its scheme defines, then any others its annotations carry, by name."""
    labels = {lab.name for lab in scheme} if label is None else {label}
    defined = [s.name for lab in scheme if lab.name in labels for s in lab.attributes]
    carried = {
        name
        for _document, spans in corpus
        for ann in spans
        if ann.label in labels
        for name, _value in ann.attributes
    }
    names = list(dict.fromkeys(defined))
    return names + sorted(carried - set(names))


def category(value: AttributeValue | None) -> str:
    """An attribute value (or a document field) as a category."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return NONE
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return format_value(value)


def crosstab(
    corpus: Sequence[tuple[Document, Sequence[Annotation]]],
    scheme: Sequence[Label],
    label: str | None,
    by: str,
) -> Crosstab:
    """Count the annotations of ``corpus`` (documents with their annotations) with
    ``label`` (every label of ``scheme``, in its order, when ``None``) per category of
    ``by``. Raises :class:`CrosstabError` naming an unknown label, breakdown or attribute."""
    problem = check_breakdown(by)
    if problem:
        raise CrosstabError(problem)
    names = [lab.name for lab in scheme]
    if label is not None and label not in names:
        raise CrosstabError(
            say(
                N_("label {label}: no such label (the labels: {items})"),
                label=repr(label),
                items=", ".join(names),
            )
        )
    labels = (label,) if label is not None else tuple(names)
    attribute = by[len(ATTRIBUTE) :].strip() if by.startswith(ATTRIBUTE) else None
    always: list[str] = []
    if attribute is not None:
        known = attribute_names(corpus, scheme, label)
        if attribute not in known:
            whose = "no label has" if label is None else f"label {label!r} has no"
            listed = ", ".join(known) or "none"
            raise CrosstabError(
                say(
                    N_("--by {by}: {whose} attribute {attribute} (known: {listed})"),
                    by=repr(by),
                    whose=whose,
                    attribute=repr(attribute),
                    listed=listed,
                )
            )
        always = [
            choice
            for lab in scheme
            if lab.name in labels
            for spec in lab.attributes
            if spec.name == attribute and spec.kind == "choice"
            for choice in spec.choices
        ]
    column = {name: j for j, name in enumerate(labels)}
    counts: Counter[tuple[str, int]] = Counter()
    for document, spans in corpus:
        fixed = None if attribute is not None or by == "annotator" else _field(document, by)
        for ann in spans:
            j = column.get(ann.label)
            if j is None or ann.orphaned:
                continue
            if fixed is not None:
                key = fixed
            elif attribute is not None:
                key = category(dict(ann.attributes).get(attribute))
            else:
                key = category(ann.annotator)
            counts[key, j] += 1
    per_category: Counter[str] = Counter()
    for (key, _j), n in counts.items():
        per_category[key] += n
    for choice in always:
        per_category.setdefault(choice, 0)
    order = sorted(per_category, key=lambda c: _order(c, per_category[c]))
    matrix = tuple(tuple(counts[c, j] for j in range(len(labels))) for c in order)
    return Crosstab(label, by, labels, tuple(order), matrix)


def _field(document: Document, by: str) -> str:
    if by == "year":
        found = _YEAR.match(document.published or "")
        return found.group() if found else NONE
    return category(document.author if by == "author" else document.source)


def _order(name: str, count: int) -> tuple[int, int, float, str, str]:
    """Most frequent first, ``(none)`` last; ties by number, then by name."""
    try:
        number = float(name)
    except ValueError:
        number = math.inf
    if math.isnan(number):
        number = math.inf
    return (name == NONE, -count, number, name.casefold(), name)
