#!/usr/bin/env bash
# Portal figures (F4). A county with 100,000 published disclosures over 200 villages and 1,000,000
# payments to 100,000 residents, generated with SQL. Measures a village's disclosure feed (first
# page, anonymous, GET /api/t/bench/villages/{v}/disclosures, random village):
#   1. p99 latency at a fixed 200 requests/s (wrk, per-connection delay), after a pinned warm-up;
#   2. its peak throughput (wrk) against pgbench running the same SQL the platform runs (the same
#      transaction: SET LOCAL ROLE / search_path + the feed SELECT) at the same concurrency.
# Own database (mingjing_bench_portal), Keycloak on :38182, platform on :38080.
# Needs `./mvnw -pl platform package -DskipTests`, wrk and pgbench. Usage: platform/bench/portal.sh
set -euo pipefail
source "$(dirname "$0")/../bin/env.sh"
pick_jdk
ensure_postgres
DB=mingjing_bench_portal
APP=http://127.0.0.1:38080
KC=http://127.0.0.1:38182
OUT="$ROOT/platform/target/bench"
CONC=${CONC:-8}
mkdir -p "$OUT"
fresh_databases $DB keycloak_bench_portal
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
start_keycloak 38182 keycloak_bench_portal "$OUT/portal-keycloak.log"
pids+=("$KC_PID")
: > "$OUT/portal-platform.log"
MINGJING_TENANTS_DIR= start_platform 38080 $DB $KC "$OUT/portal-platform.log" -Xmx512m
pids+=("$APP_PID")
wait_for "$APP_HEALTH" platform 120
curl -fs -o /dev/null -H "Authorization: Bearer $(operator_token $KC)" -H 'Content-Type: application/json' \
  -d '{"id":"bench","name":"压测县","regionCode":"330782","admin":{"username":"admin"}}' "$APP/api/platform/tenants"

echo "generating data (100,000 disclosures, 100,000 residents, 1,000,000 payments)…"
t0=$(date +%s)
psql_admin -d $DB <<'SQL'
SET search_path TO t_bench;
INSERT INTO org_unit VALUES ('330782100000', '压测镇', 'TOWN', NULL);
INSERT INTO org_unit SELECT '330782100' || lpad(i::text, 3, '0'), '压测村' || i, 'VILLAGE', '330782100000'
  FROM generate_series(1, 200) i;
INSERT INTO disclosure (series_id, version, village_code, category, title, period, body, lines, visibility, status,
    author, reviewer, created_at, submitted_at, published_at, audit_seq, audit_hash)
  SELECT i, 1, '330782100' || lpad((1 + i % 200)::text, 3, '0'), (ARRAY['PARTY','VILLAGE','FINANCE'])[1 + i % 3],
    '压测公开第' || i || '号', '2024年第' || (1 + i % 4) || '季度', repeat('本期收支情况说明。', 40),
    '[{"label":"上级补助","kind":"INCOME","amount":1000.00}]'::jsonb,
    CASE WHEN i % 5 = 0 THEN 'RESIDENTS' ELSE 'PUBLIC' END, 'PUBLISHED', 'bench:cadre', 'bench:town',
    now() - i * interval '5 minutes', now() - i * interval '5 minutes', now() - i * interval '5 minutes', NULL,
    md5(i::text) || md5((-i)::text)
  FROM generate_series(1, 100000) i;
INSERT INTO household (code, village_code)
  SELECT 'H' || i, '330782100' || lpad(i::text, 3, '0') FROM generate_series(1, 200) i;
INSERT INTO resident (household_id, name, id_card_enc, id_card_hash, id_card_masked, phone, registered_village, created_at)
  SELECT (SELECT id FROM household WHERE code = 'H' || (1 + i % 200)), '村民' || i, 'x', md5(i::text) || md5((-i)::text),
    '3307**********' || lpad((i % 10000)::text, 4, '0'), '15' || lpad(i::text, 9, '0'),
    '330782100' || lpad((1 + i % 200)::text, 3, '0'), now()
  FROM generate_series(1, 100000) i;
INSERT INTO programme (name) VALUES ('耕地地力保护补贴');
INSERT INTO payment_batch (rows, total, actor, imported_at) VALUES (1000000, 0, 'bench', now());
INSERT INTO benefit_payment (resident_id, village_code, programme, amount, paid_on, department, batch_id)
  SELECT r.id, r.registered_village, '耕地地力保护补贴', 100 + g % 500, date '2015-01-01' + (g * 30), '农业农村局',
    (SELECT max(id) FROM payment_batch)
  FROM resident r, generate_series(0, 9) g;
ANALYZE;
SQL
echo "  data generated in $(( $(date +%s) - t0 )) s"

# The feed's SQL exactly as the platform sends it (anonymous: public versions only), one transaction.
cat > "$OUT/feed.sql" <<'SQL'
\set v random(1, 200)
BEGIN;
SET LOCAL ROLE t_bench;
SET LOCAL search_path TO t_bench;
SELECT id, category, title, period, visibility, published_at, version FROM disclosure WHERE village_code = CAST('330782100' || lpad(:v::text, 3, '0') AS char(12)) AND status = 'PUBLISHED' AND superseded_by IS NULL AND visibility = 'PUBLIC' ORDER BY published_at DESC, id DESC LIMIT 20 OFFSET 0;
COMMIT;
SQL
cat > "$OUT/feed.lua" <<'LUA'
math.randomseed(os.time())
request = function()
  return wrk.format("GET", string.format("/api/t/bench/villages/330782100%03d/disclosures", math.random(1, 200)))
end
LUA
# Fixed rate: each of 4 connections waits 18 ms after each ~1-2 ms request -> ~200 requests/s.
sed 's/^request/req/' "$OUT/feed.lua" > "$OUT/feed-200.lua"
cat >> "$OUT/feed-200.lua" <<'LUA'
request = req
delay = function() return 18 end
LUA
[ "$(curl -s -o /dev/null -w '%{http_code}' "$APP/api/t/bench/villages/330782100001/disclosures")" = 200 ]
echo "warm-up (pinned: 20 s at full speed, 10 s at 200 req/s, 5 s pgbench; not counted)…"
wrk -t2 -c$CONC -d20s -s "$OUT/feed.lua" "$APP" > /dev/null
wrk -t2 -c4 -d10s -s "$OUT/feed-200.lua" "$APP" > /dev/null
PGPASSWORD=mingjing pgbench -h $PG_HOST -p $PG_PORT -U mingjing -n -c$CONC -j2 -T5 -f "$OUT/feed.sql" $DB > /dev/null 2>&1

wrk -t2 -c4 -d30s --latency -s "$OUT/feed-200.lua" "$APP" > "$OUT/portal-wrk-200.txt"
wrk -t2 -c$CONC -d20s --latency -s "$OUT/feed.lua" "$APP" > "$OUT/portal-wrk-peak.txt"
PGPASSWORD=mingjing pgbench -h $PG_HOST -p $PG_PORT -U mingjing -n -c$CONC -j2 -T20 -f "$OUT/feed.sql" $DB \
  > "$OUT/portal-pgbench.txt" 2>&1
rate=$(awk '/Requests\/sec/{print $2}' "$OUT/portal-wrk-200.txt")
p99=$(awk '$1=="99%"{print $2}' "$OUT/portal-wrk-200.txt")
p50=$(awk '$1=="50%"{print $2}' "$OUT/portal-wrk-200.txt")
peak=$(awk '/Requests\/sec/{print $2}' "$OUT/portal-wrk-peak.txt")
tps=$(awk '/^tps/{print $3; exit}' "$OUT/portal-pgbench.txt")
cat <<TXT | tee "$OUT/portal.txt"
county: 100,000 disclosures (200 villages), 100,000 residents, 1,000,000 payments
feed at fixed rate: $rate req/s, p50 $p50, p99 $p99 (target p99 <= 50 ms at 200 req/s)
feed peak throughput (wrk, $CONC connections): $peak req/s
pgbench, same SQL and transaction ($CONC clients): $tps tps
platform / pgbench: $(awk -v a="$peak" -v b="$tps" 'BEGIN{printf "%.0f %%", 100*a/b}') (target >= 50 %)
TXT
