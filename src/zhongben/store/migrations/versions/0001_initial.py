"""initial schema: orgs, users, leads, profiles, matters, events, documents, audit

Revision ID: 0001
Revises:
Create Date: 2026-11-25 01:36:36.052208
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('username', sa.String(length=64), nullable=True),
    sa.Column('action', sa.String(length=48), nullable=False),
    sa.Column('object_type', sa.String(length=32), nullable=False),
    sa.Column('object_id', sa.String(length=64), nullable=True),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.Column('client', sa.String(length=64), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)

    op.create_table('orgs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('level', sa.String(length=16), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('courts', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['orgs.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    op.create_table('profiles',
    sa.Column('subject_id', sa.String(length=64), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('subject_id')
    )
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=64), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('org_id', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['orgs.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('username')
    )
    op.create_table('matters',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('org_id', sa.Integer(), nullable=False),
    sa.Column('court', sa.String(length=100), nullable=True),
    sa.Column('rule_id', sa.String(length=16), nullable=False),
    sa.Column('state', sa.String(length=32), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('sent_on', sa.Date(), nullable=True),
    sa.Column('received_on', sa.Date(), nullable=True),
    sa.Column('reply_extended', sa.Boolean(), nullable=False),
    sa.Column('replied_on', sa.Date(), nullable=True),
    sa.Column('reply_text', sa.Text(), nullable=True),
    sa.Column('court_adopted', sa.Boolean(), nullable=True),
    sa.Column('not_case_reason', sa.Text(), nullable=True),
    sa.Column('recheck', sa.JSON(), nullable=True),
    sa.Column('outcomes', sa.JSON(), nullable=False),
    sa.Column('recovered_amount', sa.Numeric(precision=18, scale=2), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['org_id'], ['orgs.id'], ),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('number')
    )
    with op.batch_alter_table('matters', schema=None) as batch_op:
        batch_op.create_index('ix_matters_org_state', ['org_id', 'state'], unique=False)

    op.create_table('documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('matter_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('filename', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['matter_id'], ['matters.id'], ),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_documents_matter_id'), ['matter_id'], unique=False)

    op.create_table('leads',
    sa.Column('lead_key', sa.String(length=40), nullable=False),
    sa.Column('rule_id', sa.String(length=16), nullable=False),
    sa.Column('rule_version', sa.Integer(), nullable=False),
    sa.Column('rule_name', sa.String(length=100), nullable=False),
    sa.Column('family', sa.String(length=100), nullable=False),
    sa.Column('case_no', sa.String(length=64), nullable=True),
    sa.Column('subject_id', sa.String(length=64), nullable=True),
    sa.Column('subject_name', sa.String(length=200), nullable=True),
    sa.Column('court', sa.String(length=100), nullable=True),
    sa.Column('court_code', sa.String(length=16), nullable=True),
    sa.Column('org_id', sa.Integer(), nullable=True),
    sa.Column('severity', sa.String(length=8), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('score_terms', sa.JSON(), nullable=False),
    sa.Column('livelihood', sa.Boolean(), nullable=False),
    sa.Column('unpaid_amount', sa.Numeric(precision=18, scale=2), nullable=True),
    sa.Column('explanation', sa.Text(), nullable=False),
    sa.Column('legal_basis', sa.JSON(), nullable=False),
    sa.Column('evidence', sa.JSON(), nullable=False),
    sa.Column('params', sa.JSON(), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=True),
    sa.Column('screen_status', sa.String(length=16), nullable=False),
    sa.Column('first_seen_at', sa.DateTime(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('assignee_id', sa.Integer(), nullable=True),
    sa.Column('matter_id', sa.Integer(), nullable=True),
    sa.Column('suppressed_until', sa.Date(), nullable=True),
    sa.Column('suppress_reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['assignee_id'], ['users.id'], ),
    sa.ForeignKeyConstraint(['matter_id'], ['matters.id'], ),
    sa.ForeignKeyConstraint(['org_id'], ['orgs.id'], ),
    sa.PrimaryKeyConstraint('lead_key')
    )
    with op.batch_alter_table('leads', schema=None) as batch_op:
        batch_op.create_index('ix_leads_court', ['court'], unique=False)
        batch_op.create_index('ix_leads_matter', ['matter_id'], unique=False)
        batch_op.create_index('ix_leads_org_score', ['org_id', 'score'], unique=False)
        batch_op.create_index('ix_leads_rule', ['rule_id'], unique=False)
        batch_op.create_index('ix_leads_status_score', ['status', 'score'], unique=False)
        batch_op.create_index('ix_leads_subject', ['subject_id'], unique=False)

    op.create_table('matter_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('matter_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('from_state', sa.String(length=32), nullable=True),
    sa.Column('to_state', sa.String(length=32), nullable=True),
    sa.Column('note', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['matter_id'], ['matters.id'], ),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('matter_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_matter_events_matter_id'), ['matter_id'], unique=False)

    op.create_table('lead_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('lead_key', sa.String(length=40), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('note', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['lead_key'], ['leads.lead_key'], ),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('lead_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lead_events_lead_key'), ['lead_key'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('lead_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_lead_events_lead_key'))

    op.drop_table('lead_events')
    with op.batch_alter_table('matter_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_matter_events_matter_id'))

    op.drop_table('matter_events')
    with op.batch_alter_table('leads', schema=None) as batch_op:
        batch_op.drop_index('ix_leads_subject')
        batch_op.drop_index('ix_leads_status_score')
        batch_op.drop_index('ix_leads_rule')
        batch_op.drop_index('ix_leads_org_score')
        batch_op.drop_index('ix_leads_matter')
        batch_op.drop_index('ix_leads_court')

    op.drop_table('leads')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_matter_id'))

    op.drop_table('documents')
    with op.batch_alter_table('matters', schema=None) as batch_op:
        batch_op.drop_index('ix_matters_org_state')

    op.drop_table('matters')
    op.drop_table('users')
    op.drop_table('profiles')
    op.drop_table('orgs')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))

    op.drop_table('audit_log')
