"""audit_log: a hash chain (seq, prev_hash, entry_hash), its head row, and triggers that refuse
any UPDATE or DELETE of an entry and any step back of the head

Revision ID: 0006_i19a
Revises: 0005_i15
Create Date: 2026-12-03 10:00:00

Entries written before this revision are chained here in the order of their id, so that
``zhongben audit verify`` covers them too (from now on, with what they contain today).
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_i19a"
down_revision = "0005_i15"
branch_labels = None
depends_on = None

GENESIS = "0" * 64
REFUSED = "审计日志只能追加，不能修改或删除"

SQLITE_GUARDS = (
    f"CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
    f"BEGIN SELECT RAISE(ABORT, '{REFUSED}'); END",
    f"CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
    f"BEGIN SELECT RAISE(ABORT, '{REFUSED}'); END",
    f"CREATE TRIGGER audit_head_forward BEFORE UPDATE ON audit_head "
    f"WHEN NEW.seq < OLD.seq OR (NEW.seq = OLD.seq AND NEW.entry_hash <> OLD.entry_hash) "
    f"BEGIN SELECT RAISE(ABORT, '{REFUSED}'); END",
    f"CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head "
    f"BEGIN SELECT RAISE(ABORT, '{REFUSED}'); END",
)
POSTGRES_GUARDS = (
    f"CREATE FUNCTION zb_audit_refuse() RETURNS trigger LANGUAGE plpgsql AS "
    f"$$ BEGIN RAISE EXCEPTION '{REFUSED}'; END $$",
    "CREATE FUNCTION zb_audit_head_forward() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "IF NEW.seq < OLD.seq OR (NEW.seq = OLD.seq AND NEW.entry_hash <> OLD.entry_hash) THEN "
    f"RAISE EXCEPTION '{REFUSED}'; END IF; RETURN NEW; END $$",
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION zb_audit_refuse()",
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
    "FOR EACH STATEMENT EXECUTE FUNCTION zb_audit_refuse()",
    "CREATE TRIGGER audit_head_forward BEFORE UPDATE ON audit_head "
    "FOR EACH ROW EXECUTE FUNCTION zb_audit_head_forward()",
    "CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head "
    "FOR EACH ROW EXECUTE FUNCTION zb_audit_refuse()",
    "CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head "
    "FOR EACH STATEMENT EXECUTE FUNCTION zb_audit_refuse()",
)


def upgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("seq", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("entry_hash", sa.String(length=64), nullable=True))
        batch_op.create_index("ix_audit_log_seq", ["seq"], unique=True)
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("entry_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    seq, head = _chain_existing()
    op.execute(sa.text("INSERT INTO audit_head (id, seq, entry_hash) VALUES (1, :s, :h)")
               .bindparams(s=seq, h=head))
    dialect = op.get_bind().dialect.name
    for statement in POSTGRES_GUARDS if dialect == "postgresql" else SQLITE_GUARDS:
        op.execute(statement)


def _chain_existing() -> tuple[int, str]:
    from zhongben.store.audit_chain import entry_hash

    bind = op.get_bind()
    log = sa.table(
        "audit_log", sa.column("id", sa.Integer()), sa.column("at", sa.DateTime()),
        sa.column("detail", sa.JSON()),
        *(sa.column(n, sa.String()) for n in ("username", "action", "object_type", "object_id",
                                              "client", "prev_hash", "entry_hash")),
        sa.column("user_id", sa.Integer()), sa.column("seq", sa.Integer()))
    rows = bind.execute(sa.select(log).order_by(log.c.id)).mappings().all()
    seq, head = 0, GENESIS
    for row in rows:
        seq += 1
        new = entry_hash(head, seq, row["at"], row["user_id"], row["username"], row["action"],
                         row["object_type"], row["object_id"], row["detail"], row["client"])
        bind.execute(log.update().where(log.c.id == row["id"])
                     .values(seq=seq, prev_hash=head, entry_hash=new))
        head = new
    return seq, head


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for trigger, table in (("audit_log_no_update", "audit_log"),
                               ("audit_log_no_truncate", "audit_log")):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {table}")
        op.execute("DROP FUNCTION IF EXISTS zb_audit_refuse() CASCADE")
        op.execute("DROP FUNCTION IF EXISTS zb_audit_head_forward() CASCADE")
    else:
        for trigger in ("audit_log_no_update", "audit_log_no_delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.drop_table("audit_head")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_seq")
        batch_op.drop_column("entry_hash")
        batch_op.drop_column("prev_hash")
        batch_op.drop_column("seq")
