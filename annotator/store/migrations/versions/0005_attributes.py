"""Typed attributes: labels define them, annotations carry their values.

The three default labels, where a database still has them without attributes, get the
default attributes; if all three still have the first release's colours, they move to
the colour-blind-safe palette (Okabe-Ito) that new databases start with.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _spec(name: str, kind: str, description: str, choices: tuple[str, ...] = ()) -> dict:
    return {"name": name, "type": kind, "choices": list(choices), "description": description}


# A copy as of this revision: later edits to resources/labels.json must not change it.
DEFAULT_ATTRIBUTES = {
    "claim": [
        _spec("speaker", "text", "Who makes the claim."),
        _spec(
            "stance",
            "choice",
            "The speaker's stance on the matter at issue.",
            ("supports", "opposes", "neutral", "unclear"),
        ),
    ],
    "refusal": [
        _spec("what_requested", "text", "What was asked for and not disclosed."),
        _spec("stated_reason", "text", "The reason given for not disclosing, if any."),
    ],
    "statistic": [
        _spec("value", "number", "The number as cited (e.g. 2000 or 12.5)."),
        _spec("unit", "text", "Its unit: cameras, %, HK$, people..."),
        _spec("what_counted", "text", "What is counted or measured."),
    ],
}
OLD_COLOURS = {"claim": "#1f77b4", "refusal": "#d62728", "statistic": "#2ca02c"}
NEW_COLOURS = {"claim": "#0072b2", "refusal": "#d55e00", "statistic": "#009e73"}


def upgrade() -> None:
    with op.batch_alter_table("labels") as batch:
        batch.add_column(sa.Column("attributes", sa.JSON(), nullable=True))
    with op.batch_alter_table("annotations") as batch:
        batch.add_column(sa.Column("attributes", sa.JSON(), nullable=True))
    labels = sa.table(
        "labels",
        sa.column("name", sa.String),
        sa.column("color", sa.String),
        sa.column("attributes", sa.JSON),
    )
    bind = op.get_bind()
    for name, specs in DEFAULT_ATTRIBUTES.items():
        bind.execute(
            labels.update()
            .where(labels.c.name == name, labels.c.attributes.is_(None))
            .values(attributes=specs)
        )
    colours = dict(bind.execute(sa.select(labels.c.name, labels.c.color)).all())
    if all(colours.get(name, "").lower() == old for name, old in OLD_COLOURS.items()):
        for name, new in NEW_COLOURS.items():
            bind.execute(labels.update().where(labels.c.name == name).values(color=new))


def downgrade() -> None:
    with op.batch_alter_table("annotations") as batch:
        batch.drop_column("attributes")
    with op.batch_alter_table("labels") as batch:
        batch.drop_column("attributes")
