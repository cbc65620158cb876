"""issue 13: draft versions, approvals, the 文号 register, office settings, the case's result

Revision ID: 0003_i13
Revises: 0002
Create Date: 2026-12-03 10:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_i13"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("matters", schema=None) as batch_op:
        batch_op.add_column(sa.Column("result", sa.String(length=16), nullable=True))
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("lead_key", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("status", sa.String(length=16), nullable=False,
                                      server_default="draft"))
        batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False,
                                      server_default="1"))
        batch_op.add_column(sa.Column("sections", sa.JSON(), nullable=False,
                                      server_default="[]"))
        batch_op.add_column(sa.Column("approval_step", sa.Integer(), nullable=False,
                                      server_default="0"))
        batch_op.add_column(sa.Column("doc_no", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("signed_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("pdf", sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column("pdf_sha256", sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint("uq_documents_doc_no", ["doc_no"])
    op.create_table(
        "document_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("sections", sa.JSON(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"]),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("document_id", "number"),
    )
    with op.batch_alter_table("document_versions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_document_versions_document_id"), ["document_id"],
                              unique=False)
    op.create_table(
        "document_approvals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("step", sa.Integer(), nullable=False),
        sa.Column("step_name", sa.String(length=16), nullable=False),
        sa.Column("decision", sa.String(length=8), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"]),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("document_approvals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_document_approvals_document_id"), ["document_id"],
                              unique=False)
    op.create_table(
        "doc_numbers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.Column("series", sa.String(length=16), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("doc_no", sa.String(length=64), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"]),
        sa.ForeignKeyConstraint(["org_id"], ["orgs.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("org_id", "series", "year", "number"),
    )
    op.create_table(
        "office_settings",
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.Column("short_name", sa.String(length=16), nullable=False),
        sa.Column("patterns", sa.JSON(), nullable=False),
        sa.Column("chains", sa.JSON(), nullable=False),
        sa.Column("objection_days", sa.Integer(), nullable=False),
        sa.Column("cc", sa.JSON(), nullable=False),
        sa.Column("contact", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(["org_id"], ["orgs.id"]),
        sa.PrimaryKeyConstraint("org_id"),
    )


def downgrade() -> None:
    op.drop_table("office_settings")
    op.drop_table("doc_numbers")
    with op.batch_alter_table("document_approvals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_document_approvals_document_id"))
    op.drop_table("document_approvals")
    with op.batch_alter_table("document_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_document_versions_document_id"))
    op.drop_table("document_versions")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_constraint("uq_documents_doc_no", type_="unique")
        for name in ("pdf_sha256", "pdf", "signed_on", "doc_no", "approval_step", "sections",
                     "version", "status", "lead_key"):
            batch_op.drop_column(name)
    with op.batch_alter_table("matters", schema=None) as batch_op:
        batch_op.drop_column("result")
