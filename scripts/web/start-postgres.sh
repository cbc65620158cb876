#!/usr/bin/env bash
# Initialises and starts a throw-away PostgreSQL cluster on loopback (as the postgres user),
# creates a database and prints `export ZHONGBEN_TEST_PG_URL=...` on stdout, so that
#   eval "$(scripts/web/start-postgres.sh)"
# sets it for the tests. Idempotent: a cluster already running on the port is reused.
# Messages go to stderr. Stop it with: pg_ctl -D "$PGDATA_DIR" stop (printed below).
set -euo pipefail
PORT="${ZHONGBEN_PG_PORT:-55432}"
DATA="${ZHONGBEN_PG_DATA:-/tmp/zhongben-pg-$PORT}"
DB="${ZHONGBEN_PG_DB:-zhongben_test}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -z "$BIN" ]; then
  echo "PostgreSQL is not installed: run scripts/web/install-system-deps.sh" >&2
  exit 1
fi
as_pg() {
  if [ "$(id -un)" = "postgres" ]; then "$@"; elif [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}
if ! "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  if [ ! -f "$DATA/PG_VERSION" ]; then
    mkdir -p "$DATA" && chown postgres:postgres "$DATA" 2>/dev/null || true
    as_pg "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >&2
  fi
  # -w waits until the server accepts connections; the cap is $ZHONGBEN_START_TIMEOUT (as for
  # every start-up wait, zhongben/ready.py), not pg_ctl's fixed 60 s
  as_pg "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t "${ZHONGBEN_START_TIMEOUT:-180}" \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DATA -c fsync=off -c max_connections=200" \
    start >&2 || { echo "PostgreSQL 未能在 ${ZHONGBEN_START_TIMEOUT:-180} 秒内就绪：" \
                          "见 $DATA/server.log" >&2; exit 1; }
fi
if ! as_pg "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -Atqc \
    "select 1 from pg_database where datname = '$DB'" | grep -q 1; then
  as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DB"
fi
echo "PostgreSQL on 127.0.0.1:$PORT (stop: runuser -u postgres -- $BIN/pg_ctl -D $DATA stop)" >&2
echo "export ZHONGBEN_TEST_PG_URL=postgresql://postgres@127.0.0.1:$PORT/$DB"
