"""leads keep the version that found them: found_version, found_as_of, versions (issue 18)

Revision ID: 0008_i18ver
Revises: 0007_lead
Create Date: 2026-12-04 19:30:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_i18ver"
down_revision = "0007_lead"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("leads", schema=None) as batch_op:
        batch_op.add_column(sa.Column("found_version", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("found_as_of", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("versions", sa.JSON(), nullable=True))
    # Leads published before: found by the version and on the date they hold.
    array = "json_build_array" if op.get_bind().dialect.name == "postgresql" else "json_array"
    op.execute("UPDATE leads SET found_version = rule_version, found_as_of = as_of, "
               f"versions = {array}(rule_version)")


def downgrade() -> None:
    with op.batch_alter_table("leads", schema=None) as batch_op:
        batch_op.drop_column("versions")
        batch_op.drop_column("found_as_of")
        batch_op.drop_column("found_version")
