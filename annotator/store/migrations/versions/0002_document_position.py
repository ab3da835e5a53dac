"""Documents keep their import order in a position column.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("position", sa.Integer(), nullable=True))
    # Existing documents are numbered in the order they were listed before.
    op.execute(
        "UPDATE documents SET position = (SELECT count(*) FROM documents AS d2 "
        "WHERE d2.created_at < documents.created_at "
        "OR (d2.created_at = documents.created_at AND d2.id < documents.id))"
    )
    with op.batch_alter_table("documents") as batch:
        batch.alter_column("position", existing_type=sa.Integer(), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("position")
