"""Migration 0008_i18ver on a database published before it: each lead is taken to have been
found by the version and on the date it holds (found_version, found_as_of, versions), on SQLite
and PostgreSQL; downgrading removes the columns again."""

from __future__ import annotations

import datetime as dt
import json

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from zhongben.store.db import MIGRATIONS, make_engine, upgrade


def _downgrade(engine: sa.Engine, revision: str) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as con:
        cfg.attributes["connection"] = con
        command.downgrade(cfg, revision)


def test_leads_published_before_keep_their_version(app_db: str) -> None:
    engine = make_engine(app_db)
    try:
        upgrade(engine)  # the PostgreSQL fixture hands over an empty database
        _downgrade(engine, "0007_lead")
        assert "found_version" not in {c["name"] for c in sa.inspect(engine).get_columns("leads")}
        with engine.begin() as con:
            con.execute(sa.text(
                "INSERT INTO leads (lead_key, rule_id, rule_version, rule_name, family, severity,"
                " score, livelihood, as_of, screen_status, status) VALUES ('k1', 'DC-04', 2, '',"
                " '', 'high', 0, false, :day, 'active', '待核查')"), {"day": dt.date(2026, 6, 30)})
        upgrade(engine)
        with engine.connect() as con:
            row = con.execute(sa.text("SELECT found_version, found_as_of, versions FROM leads"
                                      " WHERE lead_key = 'k1'")).one()
        versions = row[2] if isinstance(row[2], list) else json.loads(row[2])
        assert (row[0], str(row[1]), versions) == (2, "2026-06-30", [2])
    finally:
        engine.dispose()
