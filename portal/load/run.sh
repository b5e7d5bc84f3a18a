#!/usr/bin/env bash
# Load and crash tests (not unit tests) against the packaged PostgreSQL jar, on loopback only.
#   portal/load/run.sh [CLIENTS] [SECONDS]          load run: cases/s, p50/p99, 201s == rows in the database
#   portal/load/run.sh --crash [CLIENTS] [SECONDS]  SIGKILL the server halfway, restart it, and check that
#                                                   every case answered 201 is there and readable with its key
# Needs a jar built with: mvn -q package -DskipTests -Dquarkus.profile=pg -pl portal -am
# and PostgreSQL on 127.0.0.1:5432 with role takeitdown (see .ci/run). Uses database takeitdown_load.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
crash=false
if [ "${1:-}" = "--crash" ]; then crash=true; shift; fi
clients="${1:-16}"
seconds="${2:-20}"
db="${LOAD_DB:-takeitdown_load}"
port="${LOAD_PORT:-18100}"
base="http://127.0.0.1:$port"
jar="$root/portal/target/quarkus-app/quarkus-run.jar"
work="$(mktemp -d)"
psql_db() { psql -h 127.0.0.1 -U takeitdown -d "$db" -tAc "$1"; }

psql -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $db OWNER takeitdown"

server=""
start_server() {
  PORTAL_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" PORTAL_LIMITS_ENABLED=false QUARKUS_HTTP_PORT="$port" \
    PORTAL_DB_POOL_MAX="${LOAD_POOL:-20}" java -Xmx1g -Dquarkus.profile=pg -jar "$jar" >> "$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 240); do
    curl -sf "$base/q/health/ready" > /dev/null && return 0
    kill -0 "$server" 2>/dev/null || break
    sleep 0.25
  done
  echo "server did not start:"; tail -30 "$work/server.log"; exit 1
}
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; [ -n "${KEEP_LOAD_LOG:-}" ] && cp "$work/server.log" /tmp/load-server.log; rm -rf "$work"' EXIT

start_server
if ! $crash; then
  # Warm the JIT up first, then measure on empty tables.
  java "$here/LoadTest.java" load "$base" 4 "${LOAD_WARMUP:-8}" "$work/warmup.txt" > /dev/null
fi
psql_db "TRUNCATE match_feedback, item_vpdq, case_item, report_case, idempotent_answer" > /dev/null
if $crash; then
  java "$here/LoadTest.java" load "$base" "$clients" "$seconds" "$work/answered.txt" &
  load=$!
  sleep $(( seconds / 2 ))
  kill -9 "$server"
  wait "$server" 2>/dev/null || true
  echo "crash: SIGKILL sent to the server after $(( seconds / 2 )) s"
  wait "$load"
  start_server
  answered=$(wc -l < "$work/answered.txt")
  rows=$(psql_db "SELECT count(*) FROM report_case")
  java "$here/LoadTest.java" verify "$base" "$work/answered.txt"
  extra=$(( rows - answered ))
  echo "crash: $answered cases answered 201 before the kill, $rows in the database after restart ($extra unanswered, at most $clients were in flight)"
  if [ "$extra" -lt 0 ] || [ "$extra" -gt "$clients" ]; then echo "crash test FAILED"; exit 1; fi
  echo "crash test passed"
else
  java "$here/LoadTest.java" load "$base" "$clients" "$seconds" "$work/answered.txt"
  answered=$(wc -l < "$work/answered.txt")
  rows=$(psql_db "SELECT count(*) FROM report_case")
  echo "load: $answered cases answered 201, $rows in the database"
  if [ "$answered" -ne "$rows" ]; then echo "load test FAILED: counts differ"; exit 1; fi
  echo "load test passed"
fi
