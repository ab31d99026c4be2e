#!/usr/bin/env bash
# Sign-in requests per second against the packaged jar on its embedded default, measured with
# wrk (Debian package `wrk`) from a second process on loopback. Beside it, in the same run and
# at the same concurrency, the storefront's home page as the baseline, so the figure can be read
# as a ratio on a noisy shared machine.
#
#   bench/login-load.sh [seconds=30] [connections="2 4"]
#
# Builds the jar if it is missing, starts it on a fresh temporary data directory, registers one
# shopper through the real sign-up flow (the confirmation link read from /dev/mail), then runs
# wrk. Nothing is left behind: the data directory is deleted on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
connections=${2:-"2 4"}
port=${BENCH_PORT:-18080}
base="http://127.0.0.1:$port"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
jar=$(ls target/misemori-*.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ]; then
  ./mvnw -q -B -ntp -DskipTests package
  jar=$(ls target/misemori-*.jar | head -1)
fi

data=$(mktemp -d)
jar_log="$data.log"
cookies=$(mktemp)
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$data" "$jar_log" "$cookies"' EXIT
MISEMORI_DATA_DIR="$data" java -jar "$jar" --server.port="$port" >"$jar_log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "$base/s/demo/" && break
  sleep 1
done
curl -fs -o /dev/null "$base/s/demo/" || { tail -40 "$jar_log"; exit 1; }

export BENCH_EMAIL="bench-$RANDOM@example.jp"
export BENCH_PASSWORD="kinmokusei-no-kaori-$RANDOM"
csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="\([^"]*\)"/\1/'; }
token=$(curl -fs -c "$cookies" -b "$cookies" "$base/s/demo/account/register" | csrf)
curl -fs -o /dev/null -c "$cookies" -b "$cookies" "$base/s/demo/account/register" \
  --data-urlencode "email=$BENCH_EMAIL" --data-urlencode "password=$BENCH_PASSWORD" \
  --data-urlencode "confirmation=$BENCH_PASSWORD" --data-urlencode "_csrf=$token"
link=""
for _ in $(seq 1 30); do
  link=$(curl -fs "$base/dev/mail" | grep -o 'http[^ <"]*/account/confirm?token=[A-Za-z0-9_-]*' | head -1 || true)
  [ -n "$link" ] && break
  sleep 1
done
[ -n "$link" ] || { echo "no confirmation mail arrived" >&2; exit 1; }
curl -fs -o /dev/null "$base${link#http*://*/}" 2>/dev/null || curl -fs -o /dev/null "${link/http:\/\/localhost:$port/$base}"

echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), jar $jar, ${seconds}s per run"
for c in $connections; do
  # Warm the JIT on both paths before measuring.
  wrk -t"$c" -c"$c" -d5s -s bench/wrk/member-login.lua "$base" >/dev/null
  wrk -t"$c" -c"$c" -d5s "$base/s/demo/" >/dev/null
  echo "## $c connections: home page (baseline)"
  wrk -t"$c" -c"$c" -d"${seconds}s" --latency "$base/s/demo/" | grep -E 'Requests/sec|50%|99%'
  echo "## $c connections: sign-in (GET the page, POST email + password)"
  wrk -t"$c" -c"$c" -d"${seconds}s" --latency -s bench/wrk/member-login.lua "$base" | grep -E 'Requests/sec|50%|99%|SIGNINS'
done
