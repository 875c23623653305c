#!/usr/bin/env bash
# F3 figures: throughput of a plugin GET against the built-in endpoint doing the same query, live install of
# a plugin, enabling a module for a county (its migrations). Uses its own database (mingjing_bench_plugins),
# a Keycloak on :28182 and the platform on :28082; needs `./mvnw install -DskipTests` first.
# Usage: platform/bench/plugins.sh [SECONDS_PER_RUN]   (figures land in platform/target/bench/plugins.txt)
#
# Measured 2026-11-24, `platform/bench/plugins.sh 20`, 2 shared cores (load ~7 from other builds), 14 org units:
#   built-in 1678 1819 2010 req/s, plugin 3487 2917 2937 req/s: ratio 1.61 (>= 0.9)
#   live install (upgrade migrating 1 county) 77 33 38 64 40 ms: median 40, max 77 (<= 5000)
#   enabling shelters for a county 161 143 259 218 190 ms: median 190, max 259 (<= 2000)
set -euo pipefail
source "$(dirname "$0")/../bin/env.sh"
pick_jdk
ensure_postgres
SECS=${1:-20}
DB=mingjing_bench_plugins
APP=http://127.0.0.1:28082
KC=http://127.0.0.1:28182
OUT="$ROOT/platform/target/bench"
PLUGINS="$OUT/plugins"
mkdir -p "$OUT"
rm -rf "$PLUGINS" && mkdir -p "$PLUGINS"
cp "$ROOT"/plugins/market/target/market-plugin.jar "$ROOT"/plugins/shelters/target/shelters-plugin.jar "$PLUGINS/"
"$ROOT/mvnw" -B -q -o -f "$ROOT/platform/bench/orgbench/pom.xml" package -DskipTests
BENCH_JAR="$ROOT/platform/bench/orgbench/target/orgbench-plugin.jar"
fresh_databases $DB

pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
start_keycloak 28182 keycloak_bench_plugins "$OUT/keycloak-plugins.log"
pids+=("$KC_PID")
: > "$OUT/platform-plugins.log"
MINGJING_PLUGINS_DIR="$PLUGINS" QUARKUS_LOG_LEVEL=WARN start_platform 28082 $DB $KC "$OUT/platform-plugins.log" -Xmx512m
pids+=("$APP_PID")
wait_for "$APP_HEALTH" platform 120
TOKEN=$(operator_token $KC)

ms() { awk '{printf "%d", $1*1000}'; }
p50() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
max() { sort -n | tail -1; }
onboard() { # id
  curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"id\":\"$1\",\"name\":\"压测县\",\"regionCode\":\"450521\"}" "$APP/api/platform/tenants"
}
enable_ms() { # county module
  curl -fs -o /dev/null -w '%{time_total}' -X PUT -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"enabled":true}' "$APP/api/platform/tenants/$1/modules/$2" | ms
}
install_ms() {
  curl -fs -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/java-archive' \
    --data-binary @"$BENCH_JAR" "$APP/api/platform/plugins" | ms
}
rps() { # url -> requests per second over SECS
  wrk -t2 -c16 -d"${SECS}s" "$1" | awk '/Requests\/sec/{printf "%d", $2}'
}

# The county the throughput runs use, with 合浦's towns and villages.
onboard benchp
curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
  --data-binary @"$ROOT/tenants/hepu/org-units.csv" "$APP/api/t/benchp/admin/org-units/import"

# Live install: a pinned warm-up of 2 installs, then 5 measured; from the 2nd on each is an upgrade that
# migrates the one county where the module is enabled.
install_ms >/dev/null
enable_ms benchp orgbench >/dev/null
install_ms >/dev/null
installs=(); for i in 1 2 3 4 5; do installs+=("$(install_ms)"); done

# Enabling a module (the shelters changelog) for fresh counties: 1 warm-up, 5 measured.
for i in 0 1 2 3 4 5; do onboard "enable-$i"; done
enable_ms enable-0 shelters >/dev/null
enables=(); for i in 1 2 3 4 5; do enables+=("$(enable_ms "enable-$i" shelters)"); done

# Throughput: same rows, same JSON shape. Pinned warm-up: one untimed run of each, then 3 alternating runs.
BUILTIN="$APP/api/t/benchp/org-units"
PLUGIN="$APP/api/t/benchp/m/orgbench/org-units"
[ "$(curl -fs "$BUILTIN" | jq -S -c .)" = "$(curl -fs "$PLUGIN" | jq -S -c .)" ] || { echo "responses differ" >&2; exit 1; }
ROWS=$(curl -fs "$BUILTIN" | jq length)
rps "$BUILTIN" >/dev/null; rps "$PLUGIN" >/dev/null
builtin=(); plugin=()
for r in 1 2 3; do builtin+=("$(rps "$BUILTIN")"); plugin+=("$(rps "$PLUGIN")"); done
B=$(printf '%s\n' "${builtin[@]}" | p50); P=$(printf '%s\n' "${plugin[@]}" | p50)

cat <<TXT | tee "$OUT/plugins.txt"
GET org units ($ROWS rows), wrk -t2 -c16 ${SECS}s x3 after a warm-up run, requests/s:
  built-in /api/t/benchp/org-units:          ${builtin[*]}  (median $B)
  plugin   /api/t/benchp/m/orgbench/org-units: ${plugin[*]}  (median $P)
  throughput ratio plugin/built-in:          $(awk "BEGIN{printf \"%.2f\", $P/$B}")   (target >= 0.9)
live install (upgrade, 1 county migrated), 5 runs, ms: ${installs[*]}  (median $(printf '%s\n' "${installs[@]}" | p50), max $(printf '%s\n' "${installs[@]}" | max); target <= 5000)
enable shelters for a county (migrations), 5 runs, ms: ${enables[*]}  (median $(printf '%s\n' "${enables[@]}" | p50), max $(printf '%s\n' "${enables[@]}" | max); target <= 2000)
TXT
