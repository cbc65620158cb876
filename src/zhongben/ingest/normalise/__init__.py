"""Value normalisers for ingest: a pure-Python reference (``reference``) and the DuckDB SQL fast
path (``sql``) that must agree with it on every input."""
