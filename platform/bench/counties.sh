#!/usr/bin/env bash
# County figures. F1: onboarding (schema + migrations) with 1 and with COUNT counties present; boot
# to ready and live heap with 1 and with COUNT up-to-date counties. F2: realm creation with ~1, ~50
# and ~COUNT realms present; authenticated vs anonymous throughput of the same GET (wrk, pinned
# warm-up). Own database (mingjing_bench) and Keycloak (:28180, fresh database keycloak_bench).
# Needs `./mvnw install -DskipTests` and wrk (apt-get install wrk). Usage: platform/bench/counties.sh [COUNT]
set -euo pipefail
source "$(dirname "$0")/../bin/env.sh"
pick_jdk
ensure_postgres
COUNT=${1:-200}
DB=mingjing_bench
APP=http://127.0.0.1:28080
KC=http://127.0.0.1:28180
OUT="$ROOT/platform/target/bench"
mkdir -p "$OUT"
fresh_databases $DB keycloak_bench
: > "$OUT/platform.log"

pids=()
trap 'kill "${pids[@]}" $APP_PID 2>/dev/null || true' EXIT
start_keycloak 28180 keycloak_bench "$OUT/keycloak.log"
pids+=("$KC_PID")

APP_PID=
BOOT_MS=
start_app() { # sets APP_PID and BOOT_MS, the milliseconds from launch to ready
  local t0 t1
  t0=$(date +%s%N)
  start_platform 28080 $DB $KC "$OUT/platform.log" -Xmx512m -XX:+UseG1GC -XX:G1PeriodicGCInterval=1000
  until curl -fs -o /dev/null "$APP_HEALTH"; do sleep 0.05; done
  t1=$(date +%s%N)
  BOOT_MS=$(( (t1 - t0) / 1000000 ))
}
stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; }
heap_mb() { # live heap after boot, MB: G1's periodic collection runs while idle, Micrometer reports the live set
  sleep 6
  curl -fs "$APP/q/metrics" | awk '/^jvm_gc_live_data_size_bytes/{s+=$NF} END{printf "%.1f", s/1048576}'
}
onboard_ms() { # id token -> "schema_ms realm_ms" as the platform logs them for this onboarding
  curl -fs -o /dev/null -H "Authorization: Bearer $2" -H 'Content-Type: application/json' \
    -d "{\"id\":\"$1\",\"name\":\"压测县\",\"regionCode\":\"330782\",\"admin\":{\"username\":\"admin\"}}" \
    "$APP/api/platform/tenants"
  grep "county $1 onboarded" "$OUT/platform.log" | sed -E 's/.*schema ([0-9]+) ms, realm ([0-9]+) ms.*/\1 \2/'
}
p50() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }

start_app
TOKEN=$(operator_token $KC)
# Warm-up, pinned: three onboardings whose times are not counted.
for i in 1 2 3; do onboard_ms "warm-$i" "$TOKEN" >/dev/null; done
psql_admin -d $DB -c "DELETE FROM platform.tenant_module; DELETE FROM platform.tenant" >/dev/null
for i in $(seq 1 3); do psql_admin -d $DB -c "DROP SCHEMA t_warm_$i CASCADE" >/dev/null; done

few=(); realm_few=()
for i in $(seq 1 11); do
  read -r schema realm < <(onboard_ms "$(printf 'bench-%04d' "$i")" "$TOKEN")
  [ "$i" -gt 1 ] && few+=("$schema") && realm_few+=("$realm")
done
stop_app
# Boot with one county: keep bench-0001 only (the others are re-added below).
psql_admin -d $DB -c "DELETE FROM platform.tenant WHERE id <> 'bench-0001'" >/dev/null
for i in $(seq 2 11); do psql_admin -d $DB -c "DROP SCHEMA $(printf 't_bench_%04d' "$i") CASCADE" >/dev/null; done
boot1=(); heap1=()
for r in 1 2 3; do start_app; boot1+=("$BOOT_MS"); heap1+=("$(heap_mb)"); stop_app; done

start_app
TOKEN=$(operator_token $KC)
many=(); realm_mid=(); realm_many=()
for i in $(seq 2 "$COUNT"); do
  read -r schema realm < <(onboard_ms "$(printf 'bench-%04d' "$i")" "$TOKEN")
  [ "$i" -gt $((COUNT - 10)) ] && many+=("$schema") && realm_many+=("$realm")
  [ "$i" -gt $((COUNT / 4 - 5)) ] && [ "$i" -le $((COUNT / 4 + 5)) ] && realm_mid+=("$realm")
  [ $((i % 50)) = 0 ] && TOKEN=$(operator_token $KC) && echo "  $i counties onboarded"
done

# Authenticated vs anonymous: the same county GET, with a county admin's bearer token (validated
# locally against the realm's cached keys) and without one.
set_password $KC mingjing-bench-0001 admin bench-pass
COUNTY_TOKEN=$(user_token $KC mingjing-bench-0001 admin bench-pass)
URL="$APP/api/t/bench-0001/org-units"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $COUNTY_TOKEN" "$URL")" = 200 ]
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer ${COUNTY_TOKEN}x" "$URL")" = 401 ] # it is checked
rps() { wrk -t2 -c16 -d"$1" "${@:2}" "$URL" | awk '/Requests\/sec/{print $2}'; }
rps 10s >/dev/null; rps 10s -H "Authorization: Bearer $COUNTY_TOKEN" >/dev/null   # pinned warm-up
anon=$(rps 20s); auth=$(rps 20s -H "Authorization: Bearer $COUNTY_TOKEN")
stop_app
bootN=(); heapN=()
for r in 1 2 3; do start_app; bootN+=("$BOOT_MS"); heapN+=("$(heap_mb)"); stop_app; done

cat <<TXT | tee "$OUT/counties.txt"
onboarding (schema + migrations) p50, ~1 county present (10 runs):      $(printf '%s\n' "${few[@]}" | p50) ms
onboarding (schema + migrations) p50, ~$COUNT counties present (10 runs): $(printf '%s\n' "${many[@]}" | p50) ms
realm creation p50, ~1 realm present (10 runs):        $(printf '%s\n' "${realm_few[@]}" | p50) ms
realm creation p50, ~$((COUNT / 4)) realms present (10 runs):      $(printf '%s\n' "${realm_mid[@]}" | p50) ms
realm creation p50, ~$COUNT realms present (10 runs):     $(printf '%s\n' "${realm_many[@]}" | p50) ms
GET $URL: anonymous $anon req/s, authenticated $auth req/s, ratio $(awk -v a="$anon" -v b="$auth" 'BEGIN{printf "%.2f", b/a}')
boot to ready, 1 county (3 runs, ms):       ${boot1[*]}
boot to ready, $COUNT counties (3 runs, ms):   ${bootN[*]}
live heap after boot (G1), 1 county (MB):   ${heap1[*]}
live heap after boot (G1), $COUNT counties (MB): ${heapN[*]}
TXT
