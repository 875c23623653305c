#!/usr/bin/env bash
# Console page weight (budget: a console page's first load <= 300 KB). Logs in as a browser does
# (the code flow, cookies kept) to the operator console and to a county's admin console, and for each
# page adds what a first visit downloads: the HTML and every stylesheet, script and image it links,
# as sent (gzip if the platform compresses), with no cache. Pages need no script.
# Own databases (mingjing_bench_consoles), Keycloak on :18502, platform on :18501.
# Needs `./mvnw -pl platform package -DskipTests`. Usage: platform/bench/consoles.sh
set -euo pipefail
source "$(dirname "$0")/../bin/env.sh"
pick_jdk
ensure_postgres
DB=mingjing_bench_consoles
PORT=18501
APP=http://127.0.0.1:$PORT
KC=http://127.0.0.1:18502
OUT="$ROOT/platform/target/bench"
BUDGET=$((300 * 1024))
mkdir -p "$OUT"
fresh_databases $DB keycloak_bench_consoles
pids=()
# KC_PID and APP_PID too: a start that times out leaves its process, not yet in pids
trap 'kill "${pids[@]}" ${KC_PID:-} ${APP_PID:-} 2>/dev/null || true' EXIT
start_keycloak 18502 keycloak_bench_consoles "$OUT/consoles-keycloak.log"
pids+=("$KC_PID")
: > "$OUT/consoles-platform.log"
MINGJING_PUBLIC_URL=$APP MINGJING_TENANTS_DIR= MINGJING_MANAGEMENT_PORT=18511 \
  start_platform $PORT $DB $KC "$OUT/consoles-platform.log" -Xmx512m
pids+=("$APP_PID")
wait_for "$APP_HEALTH" platform 120
curl -fs -o /dev/null -H "Authorization: Bearer $(operator_token $KC)" -H 'Content-Type: application/json' \
  -d '{"id":"bench","name":"压测县","regionCode":"330782","admin":{"username":"admin"}}' "$APP/api/platform/tenants"
set_password $KC mingjing-bench admin Bench-pass-1
csv=$(mktemp)
{ echo "code,name,level,parentCode"; echo "330782100000,压测镇,TOWN,"
  for i in $(seq 1 40); do printf '330782100%03d,压测村%d,VILLAGE,330782100000\n' "$i" "$i"; done; } > "$csv"
curl -fs -o /dev/null -H "Authorization: Bearer $(user_token $KC mingjing-bench admin Bench-pass-1)" \
  -H 'Content-Type: text/csv' --data-binary @"$csv" "$APP/api/t/bench/admin/org-units/import"

# login JAR START_URL USER PASSWORD: follows the code flow to Keycloak's form, posts it, follows back.
login() {
  local page action
  page=$(curl -fsL -c "$1" -b "$1" "$2")
  action=$(printf '%s' "$page" | grep -o 'action="[^"]*"' | head -1 | sed -e 's/^action="//' -e 's/"$//' -e 's/&amp;/\&/g')
  curl -fsL -c "$1" -b "$1" -o /dev/null --data-urlencode "username=$3" --data-urlencode "password=$4" "$action"
}

# weight JAR PATH: bytes of the page and of every asset it links, each as downloaded.
weight() {
  local html total=0 asset bytes
  html=$(mktemp)
  bytes=$(curl -fs --compressed -c "$1" -b "$1" -o "$html" -w '%{size_download}' "$APP$2")
  total=$bytes
  for asset in $(grep -oE '(href|src)="/[^"]+\.(css|js|png|svg|webp|jpg)[^"]*"|src="/t/[^"]+/logo[^"]*"' "$html" \
      | sed -E 's/^(href|src)="//; s/"$//; s/&amp;/\&/g' | sort -u); do
    bytes=$(curl -fs --compressed -b "$1" -o /dev/null -w '%{size_download}' "$APP$asset")
    total=$((total + bytes))
  done
  rm -f "$html"
  echo "$total"
}

operator=$(mktemp); admin=$(mktemp)
login "$operator" "$APP/console" operator operator
login "$admin" "$APP/t/bench/login" admin Bench-pass-1
echo "warm-up (pinned: every page 20 times, not counted)…"
PAGES_OP="/console /console/counties/new /console/counties/bench /console/plugins"
PAGES_ADMIN="/t/bench/admin /t/bench/admin/branding /t/bench/admin/modules /t/bench/admin/staff /t/bench/admin/imports /t/bench/admin/appeals"
for _ in $(seq 1 20); do
  for p in $PAGES_OP; do curl -fs -o /dev/null -b "$operator" "$APP$p"; done
  for p in $PAGES_ADMIN; do curl -fs -o /dev/null -b "$admin" "$APP$p"; done
done
max=0
{
  echo "console page first loads (HTML + linked assets, as downloaded; budget $BUDGET bytes):"
  for p in $PAGES_OP; do w=$(weight "$operator" "$p"); echo "  $p: $w bytes"; [ "$w" -gt "$max" ] && max=$w; done
  for p in $PAGES_ADMIN; do w=$(weight "$admin" "$p"); echo "  $p: $w bytes"; [ "$w" -gt "$max" ] && max=$w; done
  echo "heaviest: $max bytes ($(( max * 100 / BUDGET )) % of the budget)"
} | tee "$OUT/consoles.txt"
heaviest=$(awk '/^heaviest/{print $2}' "$OUT/consoles.txt")
[ "$heaviest" -le "$BUDGET" ]
