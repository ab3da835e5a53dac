"""Which documents and annotations an export takes: the same scopes for CLI and GUI."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from annotator.core.model import Annotation, Document


@dataclass(frozen=True, slots=True)
class ExportFilter:
    """Repeated values of one kind are alternatives; different kinds must all hold.

    ``documents`` holds ids or title patterns: ``*`` and ``?`` wildcards, and a pattern
    without wildcards matches titles containing it; both ignore case. ``since`` keeps
    annotations created or changed at or after that UTC moment. Documents are chosen by
    ``documents`` alone and are exported even when none of their annotations is kept.
    """

    documents: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    annotators: tuple[str, ...] = ()
    since: datetime | None = None

    def keeps_document(self, document: Document) -> bool:
        if not self.documents:
            return True
        title = document.title.casefold()
        for pattern in self.documents:
            if pattern == document.id:
                return True
            folded = pattern.casefold()
            if "*" in folded or "?" in folded:
                if _wildcards(folded).fullmatch(title):
                    return True
            elif folded in title:
                return True
        return False

    def keeps_annotation(self, annotation: Annotation) -> bool:
        if self.labels and annotation.label not in self.labels:
            return False
        if self.annotators and annotation.annotator not in self.annotators:
            return False
        return self.since is None or annotation.updated_at >= self.since


@lru_cache(maxsize=64)
def _wildcards(pattern: str) -> re.Pattern[str]:
    """``*`` any run of characters, ``?`` one character; everything else literal."""
    pieces = (".*" if ch == "*" else "." if ch == "?" else re.escape(ch) for ch in pattern)
    return re.compile("".join(pieces), re.DOTALL)
