"""matters: the dates of a 说明案件执行情况通知书 and of the court's explanation

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 07:40:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("matters", schema=None) as batch_op:
        batch_op.add_column(sa.Column("explanation_requested_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("explanation_received_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("matters", schema=None) as batch_op:
        batch_op.drop_column("explanation_received_on")
        batch_op.drop_column("explanation_requested_on")
