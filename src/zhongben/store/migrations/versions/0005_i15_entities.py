"""entity resolution: the review pairs, reviewers' decisions, leads resting on Tier-B links

Revision ID: 0005_i15
Revises: 0004_i14
Create Date: 2026-12-03 18:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_i15"
down_revision = "0004_i14"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entity_pairs",
        sa.Column("pair_key", sa.String(length=40), nullable=False),
        sa.Column("record_key", sa.String(length=40), nullable=False),
        sa.Column("other_kind", sa.String(length=8), nullable=False),
        sa.Column("other_key", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("probability", sa.Float(), nullable=False),
        sa.Column("weights", sa.JSON(), nullable=False),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.Column("other", sa.JSON(), nullable=False),
        sa.Column("mentions", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("published_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("pair_key"),
    )
    with op.batch_alter_table("entity_pairs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_entity_pairs_record_key"), ["record_key"],
                              unique=False)
        batch_op.create_index("ix_entity_pairs_status", ["status", "kind", "probability"],
                              unique=False)
    op.create_table(
        "entity_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pair_key", sa.String(length=40), nullable=False),
        sa.Column("record_key", sa.String(length=40), nullable=False),
        sa.Column("other_kind", sa.String(length=8), nullable=False),
        sa.Column("other_key", sa.String(length=64), nullable=False),
        sa.Column("same", sa.Boolean(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("entity_decisions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_entity_decisions_pair_key"), ["pair_key"],
                              unique=False)
    op.create_table(
        "lead_identity",
        sa.Column("lead_key", sa.String(length=40), nullable=False),
        sa.Column("pair_key", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["lead_key"], ["leads.lead_key"]),
        sa.PrimaryKeyConstraint("lead_key", "pair_key"),
    )


def downgrade() -> None:
    op.drop_table("lead_identity")
    with op.batch_alter_table("entity_decisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_entity_decisions_pair_key"))
    op.drop_table("entity_decisions")
    with op.batch_alter_table("entity_pairs", schema=None) as batch_op:
        batch_op.drop_index("ix_entity_pairs_status")
        batch_op.drop_index(batch_op.f("ix_entity_pairs_record_key"))
    op.drop_table("entity_pairs")
