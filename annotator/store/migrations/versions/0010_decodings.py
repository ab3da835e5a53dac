"""Decodings: how sure the guess of a document's encoding was, whether the user chose it,
and the original bytes of a guessed decoding (so it can be read again).

Existing documents get no confidence (NULL: recorded before this), not chosen, and no
original bytes: re-reading one reads its source file again. Columns are only added and
the bytes live in a table of their own, so listing documents never reads them.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("confidence", sa.Float(), nullable=True))
    op.add_column(
        "documents",
        sa.Column("encoding_chosen", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "document_originals",
        sa.Column("document_id", sa.String(36), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name="fk_document_originals_document_id_documents",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", name="pk_document_originals"),
    )
    if op.get_bind().dialect.name == "postgresql":  # announced like the others (0008)
        op.execute(
            "CREATE TRIGGER document_originals_notify AFTER INSERT OR UPDATE OR DELETE "
            "OR TRUNCATE ON document_originals FOR EACH STATEMENT "
            "EXECUTE FUNCTION annotator_notify()"
        )


def downgrade() -> None:
    op.drop_table("document_originals")
    # Plain DROP COLUMN (see 0007): rebuilding documents would cascade to annotations.
    op.drop_column("documents", "encoding_chosen")
    op.drop_column("documents", "confidence")
