"""The application database: users, organisations, published leads, supervision matters (cases),
their events, documents and the audit log. SQLite by default, PostgreSQL for a multi-user office;
the schema is managed by Alembic migrations shipped in ``zhongben.store.migrations``."""
