"""What a suggestion is."""

from __future__ import annotations

from typing import NamedTuple


class Suggestion(NamedTuple):
    """A span the rules propose for a label; never stored unless a person accepts it."""

    label: str
    start: int  # code points, end exclusive
    end: int
    confidence: float  # in (0, 1]
    reason: str  # for people: "reporting verb 'assures'"
    rule: str  # "label:rule-name", recorded on the annotation an acceptance makes

    @property
    def key(self) -> tuple[str, int, int]:
        """What identifies it in a document (and what a rejection remembers)."""
        return (self.label, self.start, self.end)


class Rejection(NamedTuple):
    """A suggestion someone rejected in a document: not offered there again."""

    document_id: str
    label: str
    start: int  # code points, end exclusive
    end: int
    rule: str | None
    by: str  # who rejected it

    @property
    def key(self) -> tuple[str, int, int]:
        """The key of the suggestion it rejects (see :attr:`Suggestion.key`)."""
        return (self.label, self.start, self.end)
