"""petitions as a lead source: the published petitions and each lead's petition (lead_sources)

Revision ID: 0009_i18pet
Revises: 0007_lead
Create Date: 2026-12-04 19:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_i18pet"
down_revision = "0008_i18ver"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lead_sources",
        sa.Column("lead_key", sa.String(length=40), nullable=False),
        sa.Column("petition_no", sa.String(length=64), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=True),
        sa.Column("received_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["lead_key"], ["leads.lead_key"]),
        sa.PrimaryKeyConstraint("lead_key", "petition_no"),
    )
    with op.batch_alter_table("lead_sources", schema=None) as batch_op:
        batch_op.create_index("ix_lead_sources_petition", ["petition_no"], unique=False)
    op.create_table(
        "petitions",
        sa.Column("petition_no", sa.String(length=64), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("case_no", sa.String(length=64), nullable=True),
        sa.Column("accepted_on", sa.Date(), nullable=True),
        sa.Column("notified_on", sa.Date(), nullable=True),
        sa.Column("org_id", sa.Integer(), nullable=True),
        sa.Column("published_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["org_id"], ["orgs.id"]),
        sa.PrimaryKeyConstraint("petition_no"),
    )


def downgrade() -> None:
    op.drop_table("petitions")
    with op.batch_alter_table("lead_sources", schema=None) as batch_op:
        batch_op.drop_index("ix_lead_sources_petition")
    op.drop_table("lead_sources")
