"""Turning an accepted suggestion into an annotation."""

from __future__ import annotations

import uuid
from datetime import datetime

from annotator.core.model import Annotation
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
