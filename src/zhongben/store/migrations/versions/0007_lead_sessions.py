"""sessions end at logout, password change, reset and disabling: users.session_version

Revision ID: 0007_lead
Revises: 0006_i19a
Create Date: 2026-12-04 04:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_lead"
down_revision = "0006_i19a"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("session_version", sa.Integer(), server_default="0",
                                      nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("session_version")
