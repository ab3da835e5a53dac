"""A document's annotations are indexed in text order, so opening it reads them without
sorting.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

COLUMNS = ["document_id", "start_offset", "end_offset", "label", "id"]


def upgrade() -> None:
    op.create_index("ix_annotations_position", "annotations", COLUMNS)
    # The new index begins with document_id: it serves every lookup the old one did.
    op.drop_index("ix_annotations_document_id", table_name="annotations")


def downgrade() -> None:
    op.create_index("ix_annotations_document_id", "annotations", ["document_id"])
    op.drop_index("ix_annotations_position", table_name="annotations")
