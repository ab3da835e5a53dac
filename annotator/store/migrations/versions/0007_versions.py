"""Changed documents: versions of a document, and annotations left behind (orphaned).

Every existing document becomes version 1 of itself, with no earlier version; every
existing annotation stays placed (not orphaned). Columns are only added (no table is
rebuilt), so the upgrade is quick on a large database and touches no row.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "documents", sa.Column("version", sa.Integer(), nullable=False, server_default="1")
    )
    op.add_column("documents", sa.Column("previous_id", sa.String(36), nullable=True))
    # Unique: a version is replaced by at most one newer version.
    op.create_index("ix_documents_previous_id", "documents", ["previous_id"], unique=True)
    op.add_column(
        "annotations", sa.Column("orphaned", sa.Boolean(), nullable=False, server_default="0")
    )


def downgrade() -> None:
    # Plain ALTER TABLE ... DROP COLUMN (SQLite 3.35+): rebuilding the documents table
    # would cascade-delete annotations where foreign keys are on.
    op.drop_column("annotations", "orphaned")
    op.drop_index("ix_documents_previous_id", table_name="documents")
    op.drop_column("documents", "previous_id")
    op.drop_column("documents", "version")
