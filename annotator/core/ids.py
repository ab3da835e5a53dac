"""Document ids as Annotator gives them: the same text gets the same id everywhere."""

from __future__ import annotations

import uuid

DOCUMENT_NAMESPACE = uuid.UUID("6f1c1c0e-6a43-4d0e-9a53-8d2f0b7e0a11")


def document_id_for(sha256: str) -> str:
    """The id of the document whose stored text has this SHA-256 (hex)."""
    return str(uuid.uuid5(DOCUMENT_NAMESPACE, sha256))
