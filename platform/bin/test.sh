#!/usr/bin/env bash
# Runs every test: starts PostgreSQL if it is down; the tests start their own Keycloak.
set -euo pipefail
source "$(dirname "$0")/env.sh"
pick_jdk
ensure_postgres
# The portal's browser test drives Debian's chromium through chromedriver; it is skipped without them.
if ! command -v chromedriver >/dev/null || ! command -v chromium >/dev/null; then
  (apt-get update -qq && apt-get install -y -qq chromium chromium-driver) >/dev/null 2>&1 || true
fi
cd "$ROOT"
exec ./mvnw -B verify "$@"
