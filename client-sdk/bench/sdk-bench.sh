#!/usr/bin/env bash
# Measures the CLI's `publish`, `poll` and `verify` against one exchange in development mode (docs/performance.md,
# "The SDK and CLI against one exchange"). Run from the repository root after `./mvnw -B package -DskipTests`:
#
#   client-sdk/bench/sdk-bench.sh [objects] [work directory]
#
# Settings (environment): BENCH_PORT (default 18080), BENCH_PUBLISH_CHUNK (objects per bundle file, default 10000),
# BENCH_PUBLISHERS (bundles published at the same time, default 1),
# BENCH_JFR=1 to record a JFR profile of the poll and verify JVMs (poll.jfr, verify.jfr in the work directory),
# BENCH_CLI_OPTS for the CLI JVM (e.g. -Xmx256m), BENCH_KEEP=1 to leave the exchange running,
# BENCH_FILL_ONLY=1 to stop after publishing (with BENCH_KEEP=1 the exchange stays up), BENCH_EXCHANGE_URL to measure
# against an exchange already running on a filled work directory instead of starting one, BENCH_SERVER_JAR and
# BENCH_CLI_JAR to run other builds than this checkout's target directories.
# A work directory that already holds a filled exchange (its file `published` names the count) is reused: the
# exchange starts on its data directory and only poll and verify run, so the 1,000,000-object fill is done once.
# Prints wall time, objects/s and peak resident memory (from /usr/bin/time -v) of each command, and the load average.
set -euo pipefail
objects=${1:-10000}
work=${2:-target/sdk-bench}
port=${BENCH_PORT:-18080}
chunk=${BENCH_PUBLISH_CHUNK:-10000}
root=$(pwd)
server_jar=${BENCH_SERVER_JAR:-$root/exchange-server/target/exchange-server-0.1.0-SNAPSHOT-exec.jar}
cli_jar=${BENCH_CLI_JAR:-$root/client-sdk/target/client-sdk-0.1.0-SNAPSHOT-cli.jar}
identity=identity--ddd4187e-df13-4d7a-b3e3-82485e32818a
reuse=0
if [ -f "$work/published" ] && [ "$(cat "$work/published")" = "$objects" ] && [ -d "$work/pg" ]; then
    reuse=1; cd "$work"; rm -rf cursors state objects.jsonl
    echo "reusing the exchange filled with $objects objects in $work"
else
    rm -rf "$work" && mkdir -p "$work" && cd "$work"
fi

if [ -n "${BENCH_EXCHANGE_URL:-}" ]; then
    # An exchange already running on this work directory's data (one left by BENCH_KEEP=1).
    [ "$reuse" = 1 ] || { echo "BENCH_EXCHANGE_URL needs a work directory already filled with $objects objects"; exit 2; }
    export EXCHANGE_URL=$BENCH_EXCHANGE_URL
else
java -Xmx2g -jar "$server_jar" --exchange.dev.enabled=true --exchange.database.embedded.data-directory="$PWD/pg" \
     --server.port="$port" > server.log 2>&1 &
server=$!
[ "${BENCH_KEEP:-0}" = 1 ] || trap 'kill $server 2>/dev/null; wait $server 2>/dev/null' EXIT
export EXCHANGE_URL=http://localhost:$port
fi
for _ in $(seq 1 120); do curl -sf "$EXCHANGE_URL/taxii2/" -o /dev/null -H 'Accept: application/taxii+json;version=2.1' && break
    grep -q 'Started ExchangeApplication' server.log && break; sleep 1; done
EXCHANGE_TOKEN=$(curl -sf -d member=us-agency "$EXCHANGE_URL/dev/token" | jq -r .access_token)
export EXCHANGE_TOKEN

cli() { java ${BENCH_CLI_OPTS:-} -jar "$cli_jar" "$@"; }
# Runs the CLI under /usr/bin/time; prints "<what>: <n> objects in <s> s = <n/s> objects/s, peak RSS <MB> MB".
measure() {
    local what=$1; shift
    local jfr=""
    [ "${BENCH_JFR:-0}" = 1 ] && jfr="-XX:StartFlightRecording=filename=$what.jfr,settings=profile"
    JAVA_TOOL_OPTIONS="$jfr" /usr/bin/time -v -o "$what.time" java ${BENCH_CLI_OPTS:-} -jar "$cli_jar" "$@" \
        > "$what.out" 2> "$what.err" || { echo "$what failed:"; tail -5 "$what.err" "$what.out"; }
    local seconds rss
    seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$what.time")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%d", $2/1024}' "$what.time")
    cpu=$(awk -F': ' '/User time|System time/ {c+=$2} END {print c}' "$what.time")
    awk -v w="$what" -v n="$objects" -v s="$seconds" -v r="$rss" -v c="$cpu" \
        'BEGIN {printf "%s: %d objects in %.1f s = %.0f objects/s, peak RSS %d MB, CPU %.1f s = %.0f us/object\n",
                w, n, s, n/s, r, c, c*1e6/n}'
}

if [ "$reuse" = 0 ]; then
cli keys generate --out member.jwk --public-out member-public.jwk 2>/dev/null
cli keys register --key member.jwk > /dev/null
python3 - "$objects" "$chunk" "$identity" <<'PY'
import json, sys, uuid
total, chunk, identity = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
t = "2026-01-01T00:00:00.000Z"
for start in range(0, total, chunk):
    objects = []
    for n in range(start, min(total, start + chunk)):
        objects.append({"type": "indicator", "spec_version": "2.1", "id": "indicator--" + str(uuid.uuid4()),
            "created_by_ref": identity, "created": t, "modified": t, "name": "Facilitator exit %d" % n,
            "indicator_types": ["malicious-activity"],
            "pattern": "[ipv4-addr:value = '%d.%d.%d.%d']" % (10 + (n >> 24) % 200, (n >> 16) & 255, (n >> 8) & 255, n & 255),
            "pattern_type": "stix", "valid_from": t})
    with open("bundle-%08d.json" % start, "w") as f:
        json.dump({"type": "bundle", "id": "bundle--" + str(uuid.uuid4()), "objects": objects}, f)
PY
start=$(date +%s.%N)
# BENCH_PUBLISHERS bundles at a time: one publisher waits for each envelope's answer, so several keep the exchange busy.
export cli_jar identity BENCH_CLI_OPTS
ls bundle-*.json | xargs -P "${BENCH_PUBLISHERS:-1}" -I{} sh -c 'java ${BENCH_CLI_OPTS:-} -jar "$cli_jar" publish \
    --key member.jwk --identity "$identity" --bundle {} > /dev/null 2>> publish.err'
end=$(date +%s.%N)
awk -v n="$objects" -v s="$(echo "$end - $start" | bc)" 'BEGIN {printf "publish: %d objects in %.1f s = %.0f objects/s\n", n, s, n/s}'
rm -f bundle-*.json
echo "$objects" > published
[ "${BENCH_FILL_ONLY:-0}" = 1 ] && { echo "filled; BENCH_FILL_ONLY=1: poll and verify not run"; exit 0; }
fi

echo "load before poll: $(uptime)"
measure poll poll --cursor bench --cursor-dir cursors --output objects.jsonl
echo "lines written: $(wc -l < objects.jsonl)"
echo "load before verify: $(uptime)"
measure verify verify --file objects.jsonl --trust-on-first-use --key member.jwk --state-dir state
tail -1 verify.out
echo "load after: $(uptime)"
