#!/usr/bin/env bash
# The time-limit sweep over CASES open overdue cases of one county, first with one replica, then with
# two on the same database: each case must be escalated once, and two replicas must not be slower
# than 1.2 x one. Pinned warm-up: WARMUP overdue cases swept before each measurement.
# Own database (mingjing_bench_replicas), Keycloak on :28184, replicas on :28084 and :28085 (their
# management ports, with health, on :28094 and :28095); needs the platform packaged in this work tree,
# nothing installed: `./mvnw -B package -pl platform -am -DskipTests`.
# Usage: platform/bench/replicas.sh [CASES] [WARMUP]
set -euo pipefail
source "$(dirname "$0")/../bin/env.sh"
pick_jdk
ensure_postgres
CASES=${1:-1000000}
WARMUP=${2:-20000}
DB=mingjing_bench_replicas
KC=http://127.0.0.1:28184
OUT="$ROOT/platform/target/bench"
mkdir -p "$OUT"
fresh_databases $DB keycloak_bench_replicas
: > "$OUT/replicas-a.log"
: > "$OUT/replicas-b.log"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
start_keycloak 28184 keycloak_bench_replicas "$OUT/replicas-keycloak.log"
pids+=("$KC_PID")
export MINGJING_SLA_SWEEP_EVERY=1s
MINGJING_MANAGEMENT_PORT=28094 start_platform 28084 $DB $KC "$OUT/replicas-a.log" -Xmx1g
pids+=("$APP_PID")
wait_for "$APP_HEALTH" "replica A" 180

OP=$(operator_token $KC)
curl -fs -o /dev/null -H "Authorization: Bearer $OP" -H 'Content-Type: application/json' \
  -d '{"id":"sweep","name":"压测县","regionCode":"330782","admin":{"username":"admin"}}' \
  http://127.0.0.1:28084/api/platform/tenants
set_password $KC mingjing-sweep admin bench-pass
ADMIN=$(user_token $KC mingjing-sweep admin bench-pass)
printf 'code,name,level,parentCode\n330782102000,压测镇,TOWN,\n330782102201,压测村,VILLAGE,330782102000\n' \
  | curl -fs -o /dev/null -H "Authorization: Bearer $ADMIN" -H 'Content-Type: text/csv' --data-binary @- \
    http://127.0.0.1:28084/api/t/sweep/admin/org-units/import

sql() { psql_admin -d $DB -c "$1"; }

# PREFIX N: N cases overdue for a minute at the village, each with an appellant's phone
seed() {
  sql "INSERT INTO t_sweep.appeal (tracking_no, kind, category, subject, body, village, state, level, channel, sla,
      step_started_at, due_at, created_at, appellant_name, appellant_phone)
    SELECT '$1' || g, 'COMPLAINT', 'village-affairs', '压测', '压测', '330782102201', 'ACCEPTED', 'VILLAGE', 'API',
      'YELLOW', now() - interval '3 days', now() - interval '1 minute', now(), '压测', '139' || lpad(g::text, 8, '0')
    FROM generate_series(1, $2) g" >/dev/null
}

# 0 once no case of PREFIX waits at the village; stops at the first that does, so polling a million
# cases does not take a core from the sweep it measures
waiting() { sql "SELECT count(*) FROM (SELECT 1 FROM t_sweep.appeal WHERE tracking_no LIKE '$1%' AND level = 'VILLAGE'
  LIMIT 1) w"; }

# PREFIX N: seconds from the seed's commit until every case is escalated (polled every 0.5 s)
sweep() {
  seed "$1" "$2"
  local t0 t1
  t0=$(date +%s.%N)
  until [ "$(waiting "$1")" = 0 ]; do sleep 0.5; done
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc
}

# PREFIX: the cases are gone again, so each measurement starts from the same table
forget() {
  sql "DELETE FROM t_sweep.inbox_message WHERE appeal_id IN (SELECT id FROM t_sweep.appeal WHERE tracking_no LIKE '$1%');
    DELETE FROM t_sweep.appeal_step WHERE appeal_id IN (SELECT id FROM t_sweep.appeal WHERE tracking_no LIKE '$1%');
    DELETE FROM t_sweep.appeal WHERE tracking_no LIKE '$1%'" >/dev/null
  sql "VACUUM ANALYZE t_sweep.appeal" >/dev/null
  sql "VACUUM ANALYZE t_sweep.appeal_step" >/dev/null
  sql "VACUUM ANALYZE t_sweep.inbox_message" >/dev/null
}

# PREFIX N: escalated exactly once each
once() {
  sql "SELECT count(*) = $2 AND count(DISTINCT appeal_id) = $2 FROM t_sweep.appeal_step s JOIN t_sweep.appeal a
    ON a.id = s.appeal_id WHERE s.action = 'overdue' AND a.tracking_no LIKE '$1%'"
}

# the sweep's own time, as its run logs it
logged() { grep "time limits of county sweep: 0 yellow, $CASES escalated" "$OUT"/replicas-?.log | tail -1 | sed -E 's/.* in ([0-9]+) ms/\1 ms/'; }

sweep W1 "$WARMUP" >/dev/null
one=$(sweep S1 "$CASES")
one_logged=$(logged)
once1=$(once S1 "$CASES")
forget S1

MINGJING_MANAGEMENT_PORT=28095 start_platform 28085 $DB $KC "$OUT/replicas-b.log" -Xmx1g
pids+=("$APP_PID")
wait_for "$APP_HEALTH" "replica B" 180
sleep 20 # B's county registry refreshes every 15 s
# one replica takes each run: warm up until B has swept too, so neither measures a cold JIT
for i in 2 3 4 5 6 7 8 9; do
  sweep "W$i" "$WARMUP" >/dev/null
  grep -q "time limits of county sweep" "$OUT/replicas-b.log" && break
done
two=$(sweep S2 "$CASES")
once2=$(once S2 "$CASES")
two_logged=$(logged)
by=$(grep -c "time limits of county sweep" "$OUT/replicas-a.log" || true)/$(grep -c "time limits of county sweep" "$OUT/replicas-b.log" || true)

cat <<TXT | tee "$OUT/replicas.txt"
time-limit sweep of $CASES overdue cases, one replica:  ${one} s, run logged $one_logged (each escalated once: $once1)
time-limit sweep of $CASES overdue cases, two replicas: ${two} s, run logged $two_logged (each escalated once: $once2)
ratio two/one: $(echo "scale=2; $two / $one" | bc) (target <= 1.2); sweep runs that escalated something, replica A/B: $by
TXT
