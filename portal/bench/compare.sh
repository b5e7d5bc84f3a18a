#!/usr/bin/env bash
# Compares two builds of the portal (not a test): the load run, then loading, feed, export and match through
# the API (ExportBench), each build on a fresh embedded H2 database, builds alternating for ROUNDS rounds, and
# prints every figure of the second build as a ratio to the first's median measured in the same run.
#   portal/bench/compare.sh BASE_QUARKUS_APP NEW_QUARKUS_APP [ROWS] [ROUNDS]
# e.g. the previous commit's `portal/target/quarkus-app` copied aside, and this one's (both H2 builds).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
apps=("$1" "$2")
rows="${3:-200000}"
rounds="${4:-2}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

export_run() {
  local app="$1" log="$2" data pid
  data="$(mktemp -d)"
  PORTAL_DATA_DIR="$data" PORTAL_LIMITS_ENABLED=false PORTAL_ADMIN_PASSWORD=bench QUARKUS_HTTP_PORT=18099 \
    java -Xmx2g -jar "$app/quarkus-run.jar" > "$data/portal.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do curl -sf http://127.0.0.1:18099/q/health/ready >/dev/null && break; sleep 0.5; done
  java "$here/ExportBench.java" http://127.0.0.1:18099 bench "$rows" > "$log" || { kill $pid; cat "$log"; exit 1; }
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$data"
}

for round in $(seq 1 "$rounds"); do
  for i in 0 1; do
    LOAD_APP="${apps[$i]}" bash "$root/portal/load/run.sh" --h2 8 15 > "$out/load-$i-$round.txt"
    export_run "${apps[$i]}" "$out/export-$i-$round.txt"
    echo "round $round, build $i done" >&2
  done
done

# figure NAME, a sed expression extracting the number from a file
figure() {
  local name="$1" expr="$2" kind="$3"
  local -a v0=() v1=()
  for round in $(seq 1 "$rounds"); do
    v0+=("$(sed -nE "$expr" "$out/$kind-0-$round.txt" | head -n1)")
    v1+=("$(sed -nE "$expr" "$out/$kind-1-$round.txt" | head -n1)")
  done
  python3 - "$name" "${v0[*]}" "${v1[*]}" <<'PY'
import statistics, sys
name, a, b = sys.argv[1], [float(x) for x in sys.argv[2].split()], [float(x) for x in sys.argv[3].split()]
ma, mb = statistics.median(a), statistics.median(b)
print(f"{name:<34} base {ma:>10.1f}   new {mb:>10.1f}   new/base {mb / ma:.3f}   (rounds: {a} / {b})")
PY
}
echo "higher is better except where the name says seconds"
figure "load cases/s (8 clients, 15 s)" 's/^load: 8 clients.*\(([0-9.]+) cases\/s\).*/\1/p' load
figure "loading, seconds" 's/^loaded [0-9]+ items in ([0-9.]+) s/\1/p' export
figure "feed followed, seconds" 's/^feed: [0-9]+ items followed in ([0-9.]+) s/\1/p' export
figure "export NDJSON rows/s" 's/^export application\/x-ndjson: .* = ([0-9]+) rows\/s/\1/p' export
figure "export CSV rows/s" 's/^export text\/csv: .* = ([0-9]+) rows\/s/\1/p' export
figure "match requests/s (100 hashes each)" 's/^match: .* = ([0-9]+) requests\/s.*/\1/p' export
