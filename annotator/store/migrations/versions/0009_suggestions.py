"""Suggestions: an annotation records whether it was accepted from the suggestion engine
and by which rule, and rejected suggestions are remembered per document.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("annotations", sa.Column("source", sa.String(20), nullable=True))
    op.add_column("annotations", sa.Column("rule", sa.Text(), nullable=True))
    op.create_table(
        "suggestion_rejections",
        sa.Column("document_id", sa.String(36), nullable=False),
        sa.Column("label", sa.String(100), nullable=False),
        sa.Column("start_offset", sa.Integer(), nullable=False),
        sa.Column("end_offset", sa.Integer(), nullable=False),
        sa.Column("rule", sa.Text(), nullable=True),
        sa.Column("rejected_by", sa.String(200), nullable=False),
        sa.Column("rejected_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_suggestion_rejections_document_id_documents",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "document_id", "label", "start_offset", "end_offset", name="pk_suggestion_rejections"
        ),
    )
    if op.get_bind().dialect.name == "postgresql":  # announced like the others (0008)
        op.execute(
            "CREATE TRIGGER suggestion_rejections_notify AFTER INSERT OR UPDATE OR DELETE "
            "OR TRUNCATE ON suggestion_rejections FOR EACH STATEMENT "
            "EXECUTE FUNCTION annotator_notify()"
        )


def downgrade() -> None:
    op.drop_table("suggestion_rejections")
    with op.batch_alter_table("annotations") as batch:
        batch.drop_column("rule")
        batch.drop_column("source")
