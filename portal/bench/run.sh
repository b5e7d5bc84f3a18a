#!/usr/bin/env bash
# PDQ match benchmark (not a test): index vs brute force at distance 31 in the same run, p50/p99
# latency, queries/s on two threads, build time and heap; then the clustered row: 5,000 planted
# near-identical hashes and one 1,000-query request near them, with and without the match budget
# and by brute force. Usage: portal/bench/run.sh [N ...]
# (default 1000000 10000000; 10 M needs about 8 GiB of RAM).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# The brute-force reference scan is test code (portal/src/test), so the test classes are on the path.
if [ ! -d "$root/portal/target/test-classes/org/takeitdown/portal/platform/index" ]; then
  (cd "$root" && mvn -q -B -ntp test-compile -pl portal -am)
fi
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000000 10000000)
java -Xmx7g -XX:+UseTransparentHugePages -cp "$root/portal/target/classes:$root/portal/target/test-classes:$root/hasher-teavm/target/classes" "$here/MatchBench.java" "${sizes[@]}"

# Export rows/s: a fresh portal jar on a throw-away H2 database, loaded through the API.
# Skip with EXPORT_ROWS=0.
rows="${EXPORT_ROWS:-1000000}"
if [ "$rows" -gt 0 ]; then
  jar="$root/portal/target/quarkus-app/quarkus-run.jar"
  [ -f "$jar" ] || (cd "$root" && mvn -q -B -ntp package -DskipTests -pl portal -am)
  data="$(mktemp -d)"
  PORTAL_DATA_DIR="$data" PORTAL_LIMITS_ENABLED=false PORTAL_ADMIN_PASSWORD=bench QUARKUS_HTTP_PORT=18099 \
    java -Xmx2g -jar "$jar" > "$data/portal.log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null; rm -rf "$data"' EXIT
  for _ in $(seq 1 120); do curl -sf http://127.0.0.1:18099/q/health/ready >/dev/null && break; sleep 0.5; done
  java "$here/ExportBench.java" http://127.0.0.1:18099 bench "$rows"
fi
