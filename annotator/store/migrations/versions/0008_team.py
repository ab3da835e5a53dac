"""Team work: each annotation carries a version number for optimistic concurrency, and on
PostgreSQL every committed change to documents, labels or annotations is announced on the
``annotator_changes`` channel (LISTEN/NOTIFY), with the writer's backend process id.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

CHANNEL = "annotator_changes"
TABLES = ("documents", "labels", "annotations")


def upgrade() -> None:
    op.add_column(
        "annotations", sa.Column("version", sa.Integer(), server_default="1", nullable=False)
    )
    if op.get_bind().dialect.name != "postgresql":
        return
    # NOTIFY is delivered at commit, once per distinct payload per transaction.
    op.execute(
        f"""
        CREATE FUNCTION annotator_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('{CHANNEL}', pg_backend_pid()::text);
            RETURN NULL;
        END $$
        """
    )
    for table in TABLES:
        op.execute(
            f"CREATE TRIGGER {table}_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
            f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION annotator_notify()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            op.execute(f"DROP TRIGGER {table}_notify ON {table}")
        op.execute("DROP FUNCTION annotator_notify()")
    with op.batch_alter_table("annotations") as batch:
        batch.drop_column("version")
