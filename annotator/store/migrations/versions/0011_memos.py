"""Memos: a paragraph or more of analysis per document and one for the project.

A new table only: existing databases keep every row and start with no memos. A
document's memo is the row naming it (kept under its newest version); the project's is
the row naming no document.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "memos",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.String(36), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_memos_document_id_documents",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_memos"),
        sa.UniqueConstraint("document_id", name="uq_memos_document_id"),
    )
    if op.get_bind().dialect.name == "postgresql":  # announced like the others (0008)
        op.execute(
            "CREATE TRIGGER memos_notify AFTER INSERT OR UPDATE OR DELETE "
            "OR TRUNCATE ON memos FOR EACH STATEMENT EXECUTE FUNCTION annotator_notify()"
        )


def downgrade() -> None:
    op.drop_table("memos")
