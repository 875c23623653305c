#!/usr/bin/env bash
# 个性定制 figures: a push to 130,000 residents (made by SQL in one county) queued through the API in one
# request, and the rate at which the channel rounds hand its messages to a real module channel (the echo
# test plugin's SMS channel, behind the outbox, batches of 500), after a warm-up push to 2,000. Runs
# PushBench inside the test stack (its own Keycloak on the port given, the test database) and prints the
# machine's load before and after. Usage: platform/bench/push.sh [KEYCLOAK_PORT] [extra -Dbench.* options]
set -euo pipefail
source "$(dirname "$0")/../bin/env.sh"
pick_jdk
ensure_postgres
cd "$ROOT"
mkdir -p platform/target
port="${1:-28180}"
shift || true
echo "load before: $(uptime)"
./mvnw -B -o verify -pl platform -am -Dtest=PushBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=NONE -Dfailsafe.failIfNoSpecifiedTests=false -Dmingjing.test.kc-port="$port" "$@" \
  > platform/target/push-bench.log 2>&1 || { tail -50 platform/target/push-bench.log; exit 1; }
cat platform/target/bench/push.txt
echo "load after: $(uptime)"
