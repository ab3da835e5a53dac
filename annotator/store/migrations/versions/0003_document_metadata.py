"""Document metadata: source format, encoding, original file name, author, publication date.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("format", sa.String(20), nullable=False, server_default="text"))
        batch.add_column(sa.Column("encoding", sa.String(40), nullable=True))
        batch.add_column(sa.Column("original_name", sa.Text(), nullable=True))
        batch.add_column(sa.Column("author", sa.Text(), nullable=True))
        batch.add_column(sa.Column("published", sa.String(40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        for column in ("published", "author", "original_name", "encoding", "format"):
            batch.drop_column(column)
