"""Offline suggestions of claims, refusals and statistics: rules over the text, no model.

The contract the rest of the app relies on:

* :class:`Suggestion`: ``label``, ``start``/``end`` (code points, end exclusive), a
  ``confidence`` in (0, 1], a human-readable ``reason`` and the ``rule`` that made it
  (``"label:rule-name"``).
* :func:`load_rules` reads the rule files (the shipped ones, one per label, plus any a
  researcher adds); :func:`suggest` applies them to a text and returns suggestions sorted
  by ``(start, end, label)``, at most one per (label, start, end).
* :func:`pending` leaves out what is already annotated or was rejected;
  :func:`accepted_together` decides what accepting many at once stores.

The names are imported when first used, so that the suggestion helper process
(:mod:`annotator.core.suggest.worker`) loads only the engine, not the annotation model.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from annotator.core.suggest.accept import SUGGESTED, accepted_together, as_annotation
    from annotator.core.suggest.engine import RuleSet, load_rules, suggest
    from annotator.core.suggest.model import Rejection, Suggestion
    from annotator.core.suggest.pending import pending
    from annotator.core.suggest.rules import RuleError

_WHERE = {
    "SUGGESTED": "accept",
    "accepted_together": "accept",
    "as_annotation": "accept",
    "RuleSet": "engine",
    "load_rules": "engine",
    "suggest": "engine",
    "Rejection": "model",
    "Suggestion": "model",
    "pending": "pending",
    "RuleError": "rules",
}

__all__ = [
    "SUGGESTED",
    "Rejection",
    "RuleError",
    "RuleSet",
    "Suggestion",
    "accepted_together",
    "as_annotation",
    "load_rules",
    "pending",
    "suggest",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
