#!/usr/bin/env bash
# 便民服务 figures: submitting applications at a fixed 50/s (open model, 60 s pinned warm-up at the same
# rate before 30 s measured; the village agent's filing with submit: true, attachments aside), and the bytes
# of hepu's catalogue page (20-odd items). Runs ServicesBench inside the test stack (its own Keycloak on the
# port given, the test database). Usage: platform/bench/services.sh [KEYCLOAK_PORT] [extra -Dbench.* options]
set -euo pipefail
source "$(dirname "$0")/../bin/env.sh"
pick_jdk
ensure_postgres
cd "$ROOT"
mkdir -p platform/target
port="${1:-28180}"
shift || true
./mvnw -B -o verify -pl platform -am -Dtest=ServicesBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=NONE -Dfailsafe.failIfNoSpecifiedTests=false -Dmingjing.test.kc-port="$port" "$@" \
  > platform/target/services-bench.log 2>&1 || { tail -50 platform/target/services-bench.log; exit 1; }
cat platform/target/bench/services.txt
