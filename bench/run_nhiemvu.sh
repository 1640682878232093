#!/usr/bin/env bash
# /nhiemvu latency on SQLite, then on a throwaway PostgreSQL started here.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/postgres.sh
python3 bench/nhiemvu.py "$@"
PGPORT="${PGPORT:-55439}" pg_start
python3 bench/nhiemvu.py --url "$PG_TEST_URL" "$@"
