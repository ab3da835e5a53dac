"""Qt-free, database-free core: documents, labels, spans, text and offsets."""

from __future__ import annotations
