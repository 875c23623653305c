#!/usr/bin/env bash
# Domain-event figures: what recording an event adds to a write (p99), and commit-to-listener latency
# at a fixed 500 events/s in one county (open model), and how fast a backlog of 10,000 events drains
# (the delivery's capacity). Runs EventsBench inside the test stack (its own
# Keycloak on the port given, the test database), with pinned warm-ups: 3,000 writes of each kind and
# 20 s at the full rate before anything is measured. Usage: platform/bench/events.sh [KEYCLOAK_PORT]
set -euo pipefail
source "$(dirname "$0")/../bin/env.sh"
pick_jdk
ensure_postgres
cd "$ROOT"
mkdir -p platform/target
./mvnw -B -o verify -pl platform -am -Dtest=EventsBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dmingjing.test.kc-port="${1:-28180}" > platform/target/events-bench.log 2>&1 || {
  tail -50 platform/target/events-bench.log; exit 1; }
cat platform/target/bench/events.txt
