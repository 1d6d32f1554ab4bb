#!/usr/bin/env bash
# The production-like run without a container engine (docs/deployment.md): PostgreSQL (the exchange's own embedded
# server, durable, or an existing one), Keycloak playing the three national identity providers (realms us, jp, kr
# imported from deploy/keycloak) and the exchange trusting exactly those three, with the demo members of
# deploy/exchange/members.yaml. Demo secrets only: not for real use.
#
#   deploy/run-local.sh [--exchange.some.setting=value ...]    runs until Ctrl-C; arguments go to the exchange
#
# It builds what it needs with Maven first (the exchange's jar, and the Keycloak distribution, fetched from Maven
# Central into the local repository and unpacked into exchange-server/target/keycloak). Keycloak needs Java 21 or
# later; the exchange runs on the java of JAVA_HOME or PATH (17 or later).
#
# Environment, all optional:
#   JAVA21_HOME               a JDK 21+ for Keycloak (default: JAVA_HOME or the java on PATH if 21+, else the newest
#                             21+ under /usr/lib/jvm)
#   EXCHANGE_PORT             the exchange's port (default 8080)
#   KEYCLOAK_PORT             Keycloak's port (default 8081); KEYCLOAK_MANAGEMENT_PORT its health port (default 9000)
#   EXCHANGE_DATA_DIRECTORY   the embedded PostgreSQL's data directory (default data/run-local/postgres, kept)
#   EXCHANGE_DATABASE_URL     an existing PostgreSQL instead (r2dbc:postgresql://host:5432/exchange), with
#                             EXCHANGE_DATABASE_USERNAME and EXCHANGE_DATABASE_PASSWORD
#   RUN_LOCAL_SKIP_BUILD=1    use what exchange-server/target holds already (the integration test does)
set -euo pipefail
cd "$(dirname "$0")/.."

EXCHANGE_PORT="${EXCHANGE_PORT:-8080}"
KEYCLOAK_PORT="${KEYCLOAK_PORT:-8081}"
KEYCLOAK_MANAGEMENT_PORT="${KEYCLOAK_MANAGEMENT_PORT:-9000}"
EXCHANGE_DATA_DIRECTORY="${EXCHANGE_DATA_DIRECTORY:-data/run-local/postgres}"
RUN_DIR=exchange-server/target/run-local

say() { printf 'run-local: %s\n' "$*"; }
fail() { printf 'run-local: %s\n' "$*" >&2; exit 1; }

# The major version of a java binary ("17", "21", "25").
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

find_java21() {
  local candidate major best="" best_major=0
  for candidate in "${JAVA21_HOME:-}" "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java || true)" 2>/dev/null || true)")")" /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    major=$(java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      # JAVA21_HOME wins when it qualifies; otherwise the newest.
      if [ "$candidate" = "${JAVA21_HOME:-}" ]; then best=$candidate; break; fi
      if [ "$major" -gt "$best_major" ]; then best=$candidate; best_major=$major; fi
    fi
  done
  printf '%s' "$best"
}

if [ "${RUN_LOCAL_SKIP_BUILD:-}" != 1 ]; then
  say "building the exchange and fetching Keycloak (./mvnw -B -q -pl exchange-server -am verify -DskipTests)"
  ./mvnw -B -q -pl exchange-server -am verify -DskipTests
fi

JAVA21=$(find_java21)
[ -n "$JAVA21" ] || fail "Keycloak needs Java 21 or later and none was found: set JAVA21_HOME to a JDK 21+ (searched JAVA_HOME, PATH and /usr/lib/jvm)"
KEYCLOAK_HOME=$(find exchange-server/target/keycloak -maxdepth 1 -type d -name 'keycloak-*' | sort | tail -n 1)
[ -n "$KEYCLOAK_HOME" ] && [ -f "$KEYCLOAK_HOME/bin/kc.sh" ] || fail "no Keycloak in exchange-server/target/keycloak: run without RUN_LOCAL_SKIP_BUILD (or ./mvnw -pl exchange-server -am verify -DskipTests)"
EXCHANGE_JAR=$(find exchange-server/target -maxdepth 1 -name 'exchange-server-*-exec.jar' | head -n 1)
[ -n "$EXCHANGE_JAR" ] || fail "no exchange-server/target/exchange-server-*-exec.jar: run without RUN_LOCAL_SKIP_BUILD"
EXCHANGE_JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

mkdir -p "$RUN_DIR" "$KEYCLOAK_HOME/data/import"
rm -f "$KEYCLOAK_HOME"/data/import/*.json
cp deploy/keycloak/*-realm.json "$KEYCLOAK_HOME/data/import/"

KEYCLOAK_PID=""
EXCHANGE_PID=""
stop() {
  trap - EXIT INT TERM
  [ -z "$EXCHANGE_PID" ] || kill -TERM "$EXCHANGE_PID" 2>/dev/null || true
  [ -z "$KEYCLOAK_PID" ] || kill -TERM "$KEYCLOAK_PID" 2>/dev/null || true
  [ -z "$EXCHANGE_PID" ] || wait "$EXCHANGE_PID" 2>/dev/null || true
  [ -z "$KEYCLOAK_PID" ] || wait "$KEYCLOAK_PID" 2>/dev/null || true
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

say "starting Keycloak $(basename "$KEYCLOAK_HOME") with $JAVA21 on port $KEYCLOAK_PORT (log: $RUN_DIR/keycloak.log)"
# Development mode with an in-memory database: the realms are imported afresh at each start; the exchange's own data
# is in PostgreSQL. The hostname is fixed so that every token carries the iss the exchange trusts.
JAVA_HOME="$JAVA21" KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
  bash "$KEYCLOAK_HOME/bin/kc.sh" start-dev --import-realm --db=dev-mem \
    --http-port="$KEYCLOAK_PORT" --http-management-port="$KEYCLOAK_MANAGEMENT_PORT" \
    --hostname="http://localhost:$KEYCLOAK_PORT" \
    >"$RUN_DIR/keycloak.log" 2>&1 &
KEYCLOAK_PID=$!

issuers=()
i=0
for realm in us jp kr; do
  issuers+=("--exchange.security.issuers[$i].name=$realm"
            "--exchange.security.issuers[$i].issuer-uri=http://localhost:$KEYCLOAK_PORT/realms/$realm"
            "--exchange.security.issuers[$i].audience=trilateral-exchange"
            "--exchange.security.issuers[$i].member-claim=azp")
  i=$((i + 1))
done
database=("--exchange.database.embedded.data-directory=$EXCHANGE_DATA_DIRECTORY")
[ -z "${EXCHANGE_DATABASE_URL:-}" ] || database=("--exchange.database.url=$EXCHANGE_DATABASE_URL")

say "starting the exchange on port $EXCHANGE_PORT (${EXCHANGE_DATABASE_URL:-embedded PostgreSQL in $EXCHANGE_DATA_DIRECTORY})"
# The exchange needs no running Keycloak to start: it fetches an issuer's keys on that issuer's first token.
"$EXCHANGE_JAVA" -jar "$EXCHANGE_JAR" --server.port="$EXCHANGE_PORT" \
  --spring.config.additional-location=file:deploy/exchange/members.yaml \
  "${database[@]}" "${issuers[@]}" "$@" &
EXCHANGE_PID=$!

started=$(date +%s)
for realm in us jp kr; do
  until curl -sf -o /dev/null "http://localhost:$KEYCLOAK_PORT/realms/$realm/.well-known/openid-configuration"; do
    kill -0 "$KEYCLOAK_PID" 2>/dev/null || fail "Keycloak ended; see $RUN_DIR/keycloak.log"
    [ $(( $(date +%s) - started )) -lt 600 ] || fail "Keycloak did not serve realm $realm within 600 s; see $RUN_DIR/keycloak.log"
    sleep 1
  done
done
say "Keycloak serves realms us, jp and kr ($(( $(date +%s) - started )) s)"
until curl -s -o /dev/null "http://localhost:$EXCHANGE_PORT/taxii2/"; do
  kill -0 "$EXCHANGE_PID" 2>/dev/null || fail "the exchange ended; see its output above"
  sleep 1
done

cat <<EOF
run-local: ready. The exchange at http://localhost:$EXCHANGE_PORT trusts realms us, jp and kr of Keycloak at
run-local: http://localhost:$KEYCLOAK_PORT (admin console: admin / admin). A first call, as jp-agency:
  TOKEN=\$(curl -s -d grant_type=client_credentials -d client_id=jp-agency -d client_secret=jp-agency-demo-secret \\
    http://localhost:$KEYCLOAK_PORT/realms/jp/protocol/openid-connect/token | jq -r .access_token)
  curl -H "Authorization: Bearer \$TOKEN" -H 'Accept: application/taxii+json;version=2.1' http://localhost:$EXCHANGE_PORT/trilateral/collections/
run-local: Ctrl-C stops the exchange and Keycloak.
EOF
wait "$EXCHANGE_PID"
