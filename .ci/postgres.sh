# Source this file: `pg_start` starts a throwaway PostgreSQL on 127.0.0.1:$PGPORT
# (default 55432) and exports PG_TEST_URL; it is stopped and removed on exit.
# initdb refuses root, so the cluster runs as the `postgres` user when we are root.

_pg_find_binaries() {
  command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1 && return 0
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && PATH="$d:$PATH"; done
  command -v initdb >/dev/null 2>&1
}

_pg_as() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_stop() {
  [ -n "${PG_TEST_DIR:-}" ] || return 0
  _pg_as pg_ctl -D "$PG_TEST_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_TEST_DIR"
  PG_TEST_DIR=""
}

pg_start() {
  if ! _pg_find_binaries; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    _pg_find_binaries || { echo "PostgreSQL server binaries not found" >&2; return 1; }
  fi
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi
  local port="${PGPORT:-55432}"
  PG_TEST_DIR="$(mktemp -d)"
  [ "$(id -u)" = 0 ] && chown postgres "$PG_TEST_DIR"
  trap pg_stop EXIT
  (cd / && _pg_as initdb -D "$PG_TEST_DIR/data" -A trust -U postgres >/dev/null) || return 1
  (cd / && _pg_as pg_ctl -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/server.log" \
    -o "-p $port -k $PG_TEST_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off" \
    -w start >/dev/null) || { cat "$PG_TEST_DIR/server.log" >&2; return 1; }
  export PG_TEST_URL="postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
}
