#!/usr/bin/env bash
# F1 figures: onboarding latency with 1 and with 200 counties present, boot-to-ready time and heap
# after boot with 1 and with 200 up-to-date counties. Uses its own database (mingjing_bench) and a
# Keycloak on :28180; needs `./mvnw install -DskipTests` first. Usage: platform/bench/onboarding.sh [COUNT]
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
psql_admin -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null
ensure_database $DB mingjing

pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
start_keycloak 28180 keycloak_bench "$OUT/keycloak.log"
pids+=("$KC_PID")

APP_PID=
start_app() { # prints milliseconds from launch to ready
  local t0 t1
  t0=$(date +%s%N)
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" MINGJING_KEYCLOAK_URL=$KC \
    QUARKUS_HTTP_PORT=28080 java -Xmx512m -jar "$ROOT/platform/target/quarkus-app/quarkus-run.jar" \
    >> "$OUT/platform.log" 2>&1 &
  APP_PID=$!
  until curl -fs -o /dev/null "$APP/q/health/ready"; do sleep 0.05; done
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 ))
}
stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; }
heap_mb() { # heap in use after a full GC, MB
  jcmd "$APP_PID" GC.run >/dev/null
  sleep 1
  curl -fs "$APP/q/metrics" | awk '/^jvm_memory_used_bytes\{.*area="heap"/{s+=$NF} END{printf "%.1f", s/1048576}'
}
onboard_ms() { # id -> milliseconds for one onboarding
  local token=$2
  curl -fs -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"id\":\"$1\",\"name\":\"压测县\",\"regionCode\":\"330782\"}" "$APP/api/platform/tenants" \
    | awk '{printf "%d", $1*1000}'
}
p50() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }

start_app >/dev/null
TOKEN=$(operator_token $KC)
# Warm-up, pinned: three onboardings whose times are not counted.
for i in 1 2 3; do onboard_ms "warm-$i" "$TOKEN" >/dev/null; done
psql_admin -d $DB -c "DELETE FROM platform.tenant_module; DELETE FROM platform.tenant" >/dev/null
for i in $(seq 1 3); do psql_admin -d $DB -c "DROP SCHEMA t_warm_$i CASCADE" >/dev/null; done

few=()
for i in $(seq 1 11); do
  ms=$(onboard_ms "$(printf 'bench-%04d' "$i")" "$TOKEN"); [ "$i" -gt 1 ] && few+=("$ms")
done
stop_app
# Boot with one county: keep bench-0001 only (the others are re-added below).
psql_admin -d $DB -c "DELETE FROM platform.tenant WHERE id <> 'bench-0001'" >/dev/null
for i in $(seq 2 11); do psql_admin -d $DB -c "DROP SCHEMA $(printf 't_bench_%04d' "$i") CASCADE" >/dev/null; done
boot1=(); heap1=()
for r in 1 2 3; do boot1+=("$(start_app)"); heap1+=("$(heap_mb)"); stop_app; done

start_app >/dev/null
TOKEN=$(operator_token $KC)
many=()
for i in $(seq 2 "$COUNT"); do
  ms=$(onboard_ms "$(printf 'bench-%04d' "$i")" "$TOKEN")
  [ "$i" -gt $((COUNT - 10)) ] && many+=("$ms")
  [ $((i % 50)) = 0 ] && TOKEN=$(operator_token $KC) && echo "  $i counties onboarded"
done
stop_app
bootN=(); heapN=()
for r in 1 2 3; do bootN+=("$(start_app)"); heapN+=("$(heap_mb)"); stop_app; done

cat <<TXT | tee "$OUT/onboarding.txt"
onboarding p50 with ~1 county present (10 runs):      $(printf '%s\n' "${few[@]}" | p50) ms
onboarding p50 with ~$COUNT counties present (10 runs): $(printf '%s\n' "${many[@]}" | p50) ms
boot to ready, 1 county (3 runs, ms):       ${boot1[*]}
boot to ready, $COUNT counties (3 runs, ms):   ${bootN[*]}
heap after boot + full GC, 1 county (MB):   ${heap1[*]}
heap after boot + full GC, $COUNT counties (MB): ${heapN[*]}
TXT
