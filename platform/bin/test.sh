#!/usr/bin/env bash
# Runs every test: starts PostgreSQL if it is down; the tests start their own Keycloak.
set -euo pipefail
source "$(dirname "$0")/env.sh"
pick_jdk
ensure_postgres
cd "$ROOT"
exec ./mvnw -B verify "$@"
