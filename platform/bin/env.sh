# Shared by run.sh, test.sh and the benchmarks: pick a JDK 21+, make sure PostgreSQL answers on
# 127.0.0.1:5432, start Keycloak and the platform, get tokens.
# shellcheck shell=bash
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PG_HOST=127.0.0.1
PG_PORT=5432

java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/{print $2}'; }

pick_jdk() {
  local candidate
  for candidate in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" \
      /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] && [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "mingjing: a JDK 21 or newer is needed (set JAVA_HOME)" >&2
  return 1
}

pg_answers() { pg_isready -q -h "$PG_HOST" -p "$PG_PORT" 2>/dev/null; }

# Use the PostgreSQL that answers; else start the machine's cluster; else create one of our own.
ensure_postgres() {
  pg_answers && return 0
  echo "mingjing: PostgreSQL is not answering on $PG_HOST:$PG_PORT; starting it"
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    local version
    version=$(ls /etc/postgresql | sort -V | tail -1)
    [ -n "$version" ] && pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  fi
  for _ in $(seq 1 30); do pg_answers && return 0; sleep 1; done
  local bin data=/var/tmp/mingjing-postgres
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -x "$bin/initdb" ] || { echo "mingjing: PostgreSQL is not installed" >&2; return 1; }
  local as=()
  [ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$data" && [ "$(id -u)" = 0 ] && chown postgres "$data"
    "${as[@]}" "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 >/dev/null
  fi
  "${as[@]}" "$bin/pg_ctl" -D "$data" -o "-h $PG_HOST -p $PG_PORT -k /tmp" -l "$data/server.log" -w start
  pg_answers
}

psql_admin() { psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

# A login role that may create county roles, and its database.
ensure_database() {
  local db=$1 owner=$2
  psql_admin -d postgres -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$owner') THEN
      CREATE ROLE $owner LOGIN CREATEROLE PASSWORD '$owner'; END IF; END \$\$" >/dev/null
  if [ -z "$(psql_admin -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
    psql_admin -d postgres -c "CREATE DATABASE $db OWNER $owner ENCODING 'UTF8' TEMPLATE template0" >/dev/null
  fi
}

wait_for() { # url, what, seconds
  for _ in $(seq 1 "$3"); do curl -fs -o /dev/null "$1" && return 0; sleep 1; done
  echo "mingjing: $2 did not start in $3 s" >&2; return 1
}

# Starts Keycloak from the Maven-unpacked distribution: start_keycloak PORT DATABASE LOG (pid in KC_PID).
start_keycloak() {
  local port=$1 db=$2 log=$3 home
  home=$(ls -d "$ROOT"/platform/target/keycloak-* | head -1)
  mkdir -p "$home/data/import"
  cp "$ROOT"/platform/src/main/keycloak/import/*.json "$home/data/import/"
  [ -d "$ROOT/platform/src/main/keycloak/themes" ] && cp -r "$ROOT"/platform/src/main/keycloak/themes/* "$home/themes/"
  ensure_database "$db" keycloak
  # Keycloak's management port is PORT+1000: PORT+820 was :9000 for :8180, the platform's own management port.
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    "$home/bin/kc.sh" start-dev --http-port="$port" --http-management-port=$((port + 1000)) --health-enabled=true \
    --db=postgres --db-url="jdbc:postgresql://$PG_HOST:$PG_PORT/$db" --db-username=keycloak --db-password=keycloak \
    --import-realm > "$log" 2>&1 &
  KC_PID=$!
  wait_for "http://127.0.0.1:$port/realms/mingjing-platform" Keycloak 240
}

# Starts the built platform in the background, appending to LOG; other settings come from the
# caller's environment (MINGJING_*): start_platform PORT DATABASE KEYCLOAK_URL LOG [JVM option…] (pid in APP_PID).
# Health and metrics are on the management port, PORT+10 unless MINGJING_MANAGEMENT_PORT says otherwise
# (in APP_HEALTH), so several processes on one machine don't fight over :9000.
start_platform() {
  local port=$1 db=$2 kc=$3 log=$4 management=${MINGJING_MANAGEMENT_PORT:-$(($1 + 10))}
  APP_HEALTH="http://127.0.0.1:$management/q/health/ready"
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$db" MINGJING_KEYCLOAK_URL=$kc \
    QUARKUS_HTTP_PORT=$port MINGJING_MANAGEMENT_PORT=$management MINGJING_SECRET="${MINGJING_SECRET:-demo-only-secret-not-for-production}" \
    java "${@:5}" -jar "$ROOT/platform/target/quarkus-app/quarkus-run.jar" >> "$log" 2>&1 &
  APP_PID=$!
}

# A benchmark's own databases, dropped and created afresh: fresh_databases APP_DATABASE [OTHER…]
fresh_databases() {
  local d
  for d in "$@"; do psql_admin -d postgres -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null; done
  ensure_database "$1" mingjing
}

access_token() { sed -E 's/.*"access_token":"([^"]+)".*/\1/'; }

user_token() { # KEYCLOAK_URL REALM USERNAME PASSWORD
  curl -fs -d grant_type=password -d client_id=mingjing-cli -d "username=$3" -d "password=$4" \
    "$1/realms/$2/protocol/openid-connect/token" | access_token
}

operator_token() { user_token "$1" mingjing-platform operator operator; }

# As if the user had completed their first login: set_password KEYCLOAK_URL REALM USERNAME PASSWORD
set_password() {
  local admin id
  admin=$(curl -fs -d grant_type=password -d client_id=admin-cli -d username=admin -d password=admin \
    "$1/realms/master/protocol/openid-connect/token" | access_token)
  id=$(curl -fs -H "Authorization: Bearer $admin" "$1/admin/realms/$2/users?username=$3&exact=true" \
    | sed -E 's/.*"id":"([^"]+)".*/\1/')
  curl -fs -X PUT -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d "{\"type\":\"password\",\"value\":\"$4\",\"temporary\":false}" "$1/admin/realms/$2/users/$id/reset-password"
  curl -fs -X PUT -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' -d '{"requiredActions":[]}' \
    "$1/admin/realms/$2/users/$id"
}
