#!/usr/bin/env bash
# SQL statements and transactions per request (or per order) of one wrk scenario, counted from
# PostgreSQL's own statement log: deterministic, unlike timings on a shared machine, so a change
# that saves round trips can be shown on any machine.
#
#   bench/statements.sh place-order.lua /s/bench/checkout/place    # each order: its add and its place
#   bench/statements.sh add-to-cart.lua /s/bench/cart/add
#
# Starts the packaged jar on a fresh temporary embedded default with the bench catalog, turns
# log_statement=all on for a 4-second run of one wrk connection, then off. Needs wrk and psql.
set -euo pipefail
cd "$(dirname "$0")/.."
lua=$1; path=$2; seconds=${3:-4}; port=${BENCH_PORT:-18396}
jar=$(ls target/misemori-*.jar 2>/dev/null | grep -v original | head -1)
[ -n "$jar" ] || { ./mvnw -q -DskipTests package; jar=$(ls target/misemori-*.jar | grep -v original | head -1); }
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
MISEMORI_DATA_DIR=$work/data java -Xmx512m -jar "$jar" --server.port="$port" --seed-bench-catalog=10000 >"$work/log" 2>&1 &
pid=$!
for _ in $(seq 1 300); do curl -fs -o /dev/null "http://127.0.0.1:$port/s/bench/products/bench-00001" && break; sleep 1; done
sleep 40 # the demo shop's members and images are still being seeded
pgport=$(grep -o "localhost:[0-9]*/misemori" "$work/log" | head -1 | sed 's/localhost:\([0-9]*\).*/\1/')
sql() { psql -h localhost -p "$pgport" -U postgres -d misemori -qc "$1" -c "SELECT pg_reload_conf()" >/dev/null; }
log=$work/data/postgres.log
sql "ALTER SYSTEM SET log_statement = 'all'"; sleep 1
before=$(wc -l <"$log")
BENCH_PRODUCTS=10000 wrk -t1 -c1 -d"${seconds}s" -s "bench/wrk/$lua" "http://127.0.0.1:$port$path" >"$work/wrk.txt"
sql "ALTER SYSTEM RESET log_statement"; sleep 1
tail -n +"$((before + 1))" "$log" >"$work/statements.log"
requests=$(awk '/requests in/ {print $1}' "$work/wrk.txt")
orders=$(sed -n 's/.*PLACED=\([0-9]*\).*/\1/p' "$work/wrk.txt")
statements=$(grep -c "LOG:  \(execute\|statement\)" "$work/statements.log" || true)
commits=$(grep -c ": COMMIT" "$work/statements.log" || true)
per=${orders:-$requests}
echo "$lua: $requests requests${orders:+, $orders orders}; $statements statements, $commits commits"
echo "per ${orders:+order}${orders:-request}: $(echo "scale=1; $statements / $per" | bc) statements, $(echo "scale=2; $commits / $per" | bc) transactions"
grep -o "LOG:  \(execute [^:]*\|statement\): .\{0,70\}" "$work/statements.log" | sed 's/execute [^:]*/execute/; s/[0-9]\+/N/g' \
  | sort | uniq -c | sort -rn | head -25
