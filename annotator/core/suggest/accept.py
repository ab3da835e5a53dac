"""Turning accepted suggestions into annotations, one at a time or all at once."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime

from annotator.core.model import Annotation
from annotator.core.spans import Interval, SpanIndex
from annotator.core.suggest.model import Suggestion

SUGGESTED = "suggested"


def as_annotation(
    suggestion: Suggestion, document_id: str, annotator: str, moment: datetime, label: str = ""
) -> Annotation:
    """A new annotation (fresh id, made at ``moment``) of what ``suggestion`` proposed, by
    ``annotator``, recording ``source`` "suggested" and the rule. ``label`` overrides the
    suggested label (a person accepting it as another label)."""
    return Annotation(
        str(uuid.uuid4()),
        document_id,
        label or suggestion.label,
        suggestion.start,
        suggestion.end,
        None,
        annotator,
        moment,
        moment,
        source=SUGGESTED,
        rule=suggestion.rule,
    )


def accepted_together(suggestions: Iterable[Suggestion]) -> list[Suggestion]:
    """Which of one document's ``suggestions`` "accept all" stores: where two of the same
    label overlap, only the more confident (on a tie, the one starting first, then the
    longer, then by rule name), since two annotations of one label over the same words
    would count them twice. Suggestions of different labels never exclude each other.
    Sorted by ``(start, end, label)``. The window and ``annotator suggest --apply`` both
    decide with this function."""
    taken: dict[str, SpanIndex] = {}
    chosen: list[Suggestion] = []
    for s in sorted(suggestions, key=lambda s: (-s.confidence, s.start, -s.end, s.rule)):
        index = taken.setdefault(s.label, SpanIndex())
        if not index.any_in(s.start, s.end):
            index.add(Interval(s.start, s.end, s.key))
            chosen.append(s)
    chosen.sort(key=lambda s: (s.start, s.end, s.label))
    return chosen
