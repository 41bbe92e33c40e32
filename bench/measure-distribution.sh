#!/usr/bin/env bash
# Boots the built distribution from a clean data folder and measures: distribution size, time from
# `bin/start` to the first successful lookup through the nursing-home adapter, resident memory after
# boot, and the latency of N lookups (median, p90, p99) against the simulator.
#
#   mvn -B install -DskipTests && bench/measure-distribution.sh [N]
#
# Needs the demo ports (8182, 8190, 8101) free. Prints one line per figure.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-500}
KARAF=karaf-assembly/target/assembly
ZIP=$(ls karaf-assembly/target/karaf-assembly-*.zip)
[ -x "$KARAF/bin/start" ] || { echo "build first: mvn -B install -DskipTests" >&2; exit 1; }

echo "distribution zip: $(du -h "$ZIP" | cut -f1)  unpacked: $(du -sh "$KARAF" | cut -f1)"

rm -rf "$KARAF/data"
start=$(date +%s%N)
"$KARAF/bin/start"
trap '"$KARAF/bin/stop" >/dev/null 2>&1 || true' EXIT

token() {
  curl -s -X POST http://localhost:8190/testtoken -H 'Content-Type: application/json' \
    -d '{"hprNumber":"9100002"}' | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}
lookup() {
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -X POST http://localhost:8182/kjernebro/sykehjem-xml/v1/oppslag \
    -H 'Content-Type: application/xml' -H 'X-Api-Key: demo-alta-5601' -H "X-HelseID-Brukertoken: $1" \
    --data-binary @docs/adapters/examples/sykehjem-oppslag.xml
}

TOKEN=""
until [ -n "$TOKEN" ] && [ "$(lookup "$TOKEN" | cut -d' ' -f1)" = 200 ]; do
  sleep 0.1
  [ -n "$TOKEN" ] || TOKEN=$(token 2>/dev/null || true)
  if [ $(( ($(date +%s%N) - start) / 1000000000 )) -gt 120 ]; then echo "not ready after 120 s" >&2; exit 1; fi
done
ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "boot to first successful lookup: ${ready_ms} ms"

sleep 5
pid=$(cat "$KARAF/data/pid" 2>/dev/null || pgrep -f "karaf.home=$(cd "$KARAF" && pwd)" | head -1)
echo "resident memory 5 s after ready: $(( $(ps -o rss= -p "$pid") / 1024 )) MiB (pid $pid)"

for i in $(seq 1 50); do lookup "$TOKEN" >/dev/null; done   # warm-up
lookup_times=$(for i in $(seq 1 "$N"); do lookup "$TOKEN"; done)
bad=$(echo "$lookup_times" | awk '$1 != 200' | wc -l)
echo "$lookup_times" | awk '{print $2*1000}' | sort -n | awk -v n="$N" -v bad="$bad" '
  { a[NR] = $1 }
  END { printf "lookup latency over %d sequential lookups (ms): median %.1f  p90 %.1f  p99 %.1f  max %.1f  (non-200: %d)\n",
        n, a[int(n*0.5)], a[int(n*0.9)], a[int(n*0.99)], a[n], bad }'
