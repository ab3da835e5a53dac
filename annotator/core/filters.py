"""Which documents and annotations an export takes: the same scopes for CLI and GUI."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from annotator.core.export_rows import ANNOTATOR, LABEL, UPDATED, ExportRow
from annotator.core.model import Annotation, Document
from annotator.core.timestamps import parse_iso_utc


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
        return self.keeps(document.id, document.title)

    def keeps(self, document_id: str, title: str) -> bool:
        """Whether the document ``document_id`` titled ``title`` is chosen."""
        if not self.documents:
            return True
        title = title.casefold()
        for pattern in self.documents:
            if pattern == document_id:
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

    @property
    def keeps_every_annotation(self) -> bool:
        return not (self.labels or self.annotators or self.since is not None)

    def keeps_row(self, row: ExportRow) -> bool:
        """:meth:`keeps_annotation` for an annotation as exports stream it."""
        if self.labels and row[LABEL] not in self.labels:
            return False
        if self.annotators and row[ANNOTATOR] not in self.annotators:
            return False
        return self.since is None or parse_iso_utc(row[UPDATED]) >= self.since


@lru_cache(maxsize=64)
def _wildcards(pattern: str) -> re.Pattern[str]:
    """``*`` any run of characters, ``?`` one character; everything else literal."""
    pieces = (".*" if ch == "*" else "." if ch == "?" else re.escape(ch) for ch in pattern)
    return re.compile("".join(pieces), re.DOTALL)
