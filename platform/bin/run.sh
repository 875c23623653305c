#!/usr/bin/env bash
# Runs the whole system: PostgreSQL, Keycloak (8180), the platform (8080) with the demo counties
# from tenants/ and the plugins. Ctrl-C stops what it started.
set -euo pipefail
source "$(dirname "$0")/env.sh"
pick_jdk
ensure_postgres
ensure_database mingjing mingjing
cd "$ROOT"

echo "mingjing: building (first time: a few minutes)…"
./mvnw -B -q install -DskipTests
mkdir -p "$ROOT/platform/target/plugins"
cp "$ROOT"/plugins/*/target/*-plugin.jar "$ROOT/platform/target/plugins/" 2>/dev/null || true

pids=()
stop() { trap - INT TERM EXIT; echo; echo "mingjing: stopping"; kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap stop INT TERM EXIT

echo "mingjing: starting Keycloak on :8180 (log: platform/target/keycloak.log)"
start_keycloak 8180 keycloak "$ROOT/platform/target/keycloak.log"
pids+=("$KC_PID")

echo "mingjing: starting the platform on :8080 (log: platform/target/platform.log)"
: > "$ROOT/platform/target/platform.log"
MINGJING_TENANTS_DIR="$ROOT/tenants" MINGJING_PLUGINS_DIR="$ROOT/platform/target/plugins" \
  MINGJING_MANAGEMENT_PORT=9000 start_platform 8080 mingjing http://127.0.0.1:8180 "$ROOT/platform/target/platform.log"
pids+=("$APP_PID")
wait_for "$APP_HEALTH" platform 120
counties=$(ls "$ROOT/tenants")
for c in $counties; do wait_for "http://127.0.0.1:8080/api/t/$c/org-units" "county $c" 120; done

cat <<TXT

  明镜 Mingjing is running.

  County portals:   $(for c in $counties; do printf '\n                    http://127.0.0.1:8080/t/%s/' "$c"; done)
  County logins:    admin / admin · cadre, supervisor, bookkeeper, town, dept, inspector / demo123
                    villagers: phone / last 6 of the ID number (tenants/<county>/residents.csv), e.g. yiwu 13507820001 / 100004
  Staff pages:      http://127.0.0.1:8080/t/yiwu/staff   (三资审批, disclosures, cases: cadre / demo123)
  Operator API:     http://127.0.0.1:8080/api/platform/tenants   (operator / operator, realm mingjing-platform)
  Audit check:      http://127.0.0.1:8080/api/t/yiwu/audit/verify
  OpenAPI:          http://127.0.0.1:8080/q/openapi
  health, metrics:  http://127.0.0.1:9000/q/health/ready   http://127.0.0.1:9000/q/metrics  (management port)
  Keycloak admin:   http://127.0.0.1:8180/admin/   (admin / admin)

  A token for scripts:
    curl -s -d grant_type=password -d client_id=mingjing-cli -d username=operator -d password=operator \\
      http://127.0.0.1:8180/realms/mingjing-platform/protocol/openid-connect/token

  Ctrl-C stops everything.
TXT
wait "${pids[@]}"
