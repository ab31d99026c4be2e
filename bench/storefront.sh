#!/usr/bin/env bash
# The storefront benchmark of issue 5: a shop with 10,000 products; Misemori and its PostgreSQL
# pinned to core 0, wrk to core 1; heap 512 MB; a warm-up, then RUNS runs of DURATION seconds
# at CONNECTIONS connections of each scenario. In the same run, the ceiling: a constant page of
# about 2 KB from a bare Spring Boot app (bench/bare/BarePage.java, built from the web libraries
# inside Misemori's own jar), pinned and capped the same way. Each figure is also given as a
# ratio to it, which holds better than the raw figure on a noisy shared machine.
#
#   bench/storefront.sh                      # the issue's settings: 2-minute warm-up, 3 × 30 s, 16 connections
#   WARMUP=10 RUNS=1 DURATION=10 bench/storefront.sh   # a quick look
#   SCENARIOS="bare product category" bench/storefront.sh   # some scenarios only
#
# Needs: a JDK, taskset (util-linux), curl and wrk (Debian: apt-get install -y wrk; not part of
# CI). Builds the jar if missing. Everything runs on a fresh temporary data directory, deleted
# on exit; results (raw wrk output and the table) go to bench/results/<time>/ (gitignored).
#
# Runs are interleaved (run 1 of every scenario, then run 2, …) so that a burst of load from
# elsewhere on the machine hits all scenarios alike rather than one.
set -euo pipefail
cd "$(dirname "$0")/.."

WARMUP=${WARMUP:-120}
RUNS=${RUNS:-3}
DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-16}
PRODUCTS=${PRODUCTS:-10000}
PORT=${BENCH_PORT:-18080}
BARE_PORT=${BARE_PORT:-18081}
SERVER_CORE=${SERVER_CORE:-0}
WRK_CORE=${WRK_CORE:-1}
export BENCH_PRODUCTS=$PRODUCTS

for tool in wrk taskset curl unzip java javac; do
  if ! command -v "$tool" >/dev/null; then
    case "$tool" in
      wrk) echo "wrk is missing: apt-get install -y wrk" >&2 ;;
      taskset) echo "taskset is missing: apt-get install -y util-linux" >&2 ;;
      *) echo "$tool is missing" >&2 ;;
    esac
    exit 1
  fi
done
[ "$(nproc)" -ge 2 ] || echo "warning: $(nproc) core(s); server and wrk will share one" >&2

jar=$(ls target/misemori-*.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ]; then
  ./mvnw -q -B -ntp -DskipTests package
  jar=$(ls target/misemori-*.jar | head -1)
fi

stamp=$(date -u +%Y%m%dT%H%M%SZ)
results="bench/results/$stamp"
mkdir -p "$results"
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

wait_for() { # url seconds
  for _ in $(seq 1 "$2"); do curl -fs -o /dev/null "$1" && return 0; sleep 1; done
  return 1
}

# --- The ceiling: a bare Spring Boot app (Spring MVC on Tomcat only) with one constant page ---
mkdir -p "$work/bare/lib" "$work/bare/classes"
unzip -q "$jar" 'BOOT-INF/lib/*' -d "$work/bare"
for lib in "$work"/bare/BOOT-INF/lib/*.jar; do
  case "$(basename "$lib")" in
    spring-boot-[0-9]*|spring-boot-autoconfigure-*|spring-boot-http-converter-*|spring-boot-jackson-*|spring-boot-servlet-*|\
    spring-boot-tomcat-*|spring-boot-web-server-*|spring-boot-webmvc-*|spring-aop-*|spring-beans-*|spring-context-[0-9]*|\
    spring-core-*|spring-expression-*|spring-web-[0-9]*|spring-webmvc-*|tomcat-embed-*|jackson-*|micrometer-observation-*|\
    micrometer-commons-*|logback-*|slf4j-api-*|jul-to-slf4j-*|log4j-*|snakeyaml-*|jspecify-*|commons-logging-*|\
    jakarta.annotation-api-*) cp "$lib" "$work/bare/lib/" ;;
  esac
done
javac -nowarn -d "$work/bare/classes" -cp "$work/bare/lib/*" bench/bare/BarePage.java
taskset -c "$SERVER_CORE" java -Xmx512m -cp "$work/bare/classes:$work/bare/lib/*" benchmark.bare.BarePage \
  --server.port="$BARE_PORT" >"$results/bare.log" 2>&1 &
pids+=($!)

# --- Misemori on its embedded default, with the bench shop seeded ---
MISEMORI_DATA_DIR="$work/data" taskset -c "$SERVER_CORE" java -Xmx512m -jar "$jar" --server.port="$PORT" \
  --seed-bench-catalog="$PRODUCTS" >"$results/misemori.log" 2>&1 &
misemori=$!
pids+=($misemori)
base="http://127.0.0.1:$PORT"
wait_for "$base/s/bench/products/bench-00001" 300 || { tail -40 "$results/misemori.log"; exit 1; }
wait_for "http://127.0.0.1:$BARE_PORT/" 120 || { tail -40 "$results/bare.log"; exit 1; }

{
  echo "# Misemori storefront benchmark, $stamp"
  echo "jar $jar; $(nproc) cores; java $(java -version 2>&1 | head -1)"
  echo "Misemori pid $misemori affinity: $(taskset -cp "$misemori" | sed 's/.*: //')"
  # The embedded PostgreSQL is started by the JVM and inherits its affinity; shown, not assumed.
  for pg in $(pgrep -f -- "-D $work/data/postgres" || true); do
    echo "PostgreSQL postmaster pid $pg affinity: $(taskset -cp "$pg" | sed 's/.*: //')"
    echo "  its $(pgrep -P "$pg" | wc -l) backends and workers, affinities: $(for c in $(pgrep -P "$pg"); do taskset -cp "$c" | sed 's/.*: //'; done | sort | uniq -c | xargs)"
  done
  echo "wrk on core $WRK_CORE; warm-up ${WARMUP}s; $RUNS runs of ${DURATION}s at $CONNECTIONS connections"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$results/environment.txt"

# --- Scenarios: name, wrk threads, wrk arguments ---
# add-to-cart keeps state per connection, which wrk keeps per thread: one thread per connection.
# place-order: a guest's checkout paying by bank transfer, each order an add to the emptied cart
# and a "place order" with a fresh checkout key (bench/wrk/place-order.lua); its figure is orders/s.
# SCENARIOS="bare product" runs only those (keep bare: the ratios are to it).
read -r -a scenarios <<<"${SCENARIOS:-bare misemori-static product category add-to-cart place-order}"
threads_of() { case "$1" in add-to-cart|place-order) echo "$CONNECTIONS" ;; *) echo 4 ;; esac; }
run_wrk() { # scenario seconds [extra args]
  local scenario=$1 seconds=$2
  shift 2
  local url=$base args=()
  case "$scenario" in
    bare) url="http://127.0.0.1:$BARE_PORT"; args=(-s bench/wrk/constant.lua) ;;
    misemori-static) args=(-s bench/wrk/constant.lua); export BENCH_PATH=/assets/css/misemori.css ;;
    product) args=(-s bench/wrk/product-page.lua) ;;
    category) args=(-s bench/wrk/category-page.lua) ;;
    add-to-cart) args=(-s bench/wrk/add-to-cart.lua) ;;
    place-order) args=(-s bench/wrk/place-order.lua) ;;
  esac
  [ "$scenario" = bare ] && export BENCH_PATH=/
  taskset -c "$WRK_CORE" wrk -t"$(threads_of "$scenario")" -c"$CONNECTIONS" -d"${seconds}s" "${args[@]}" "$@" "$url"
}

echo "Warming up for ${WARMUP}s…"
per=$(( (WARMUP + ${#scenarios[@]} - 1) / ${#scenarios[@]} ))
for scenario in "${scenarios[@]}"; do run_wrk "$scenario" "$per" >/dev/null; done

for run in $(seq 1 "$RUNS"); do
  for scenario in "${scenarios[@]}"; do
    echo "run $run: $scenario"
    run_wrk "$scenario" "$DURATION" --latency >"$results/$scenario.$run.txt"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results/environment.txt"

# --- The table ---
target_of() { case "$1" in product) echo 5000 ;; category) echo 3000 ;; add-to-cart) echo 2000 ;; place-order) echo 300 ;; *) echo "" ;; esac; }
ms() { # wrk's 850.00us / 5.23ms / 1.02s / 2.00m → milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000; printf "%.2f", n }'
}
num() { local v; v=$(head -1); echo "${v:-0}"; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
table="$results/table.md"
{
  echo "| scenario | $(for r in $(seq 1 "$RUNS"); do printf 'run %s req/s | ' "$r"; done)median req/s | worst p99 ms | errors | ratio to bare | target | result |"
  echo "|---|$(for r in $(seq 1 "$RUNS"); do printf -- '---:|'; done)---:|---:|---:|---:|---:|---|"
  bare_median=""
  for scenario in "${scenarios[@]}"; do
    rates="" worst=0 errors=0
    for run in $(seq 1 "$RUNS"); do
      out="$results/$scenario.$run.txt"
      rate=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' "$out")
      # A placed order is two requests (add to the emptied cart, place): count orders, not requests.
      [ "$scenario" = place-order ] && rate=$(sed -n 's/.*PLACED=\([0-9]*\).*/\1/p' "$out" | awk -v d="$DURATION" '{ printf "%.0f", $1 / d }')
      p99=$(ms "$(awk '$1 == "99%" { print $2 }' "$out")")
      worst=$(awk -v a="$worst" -v b="$p99" 'BEGIN { print (b > a ? b : a) }')
      errors=$(( errors + $(awk '/Non-2xx/ { print $NF }' "$out" | num) ))
      errors=$(( errors + $(sed -n 's/.*REFUSED=\([0-9]*\).*/\1/p' "$out" | num) ))
      errors=$(( errors + $(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$out" | num) ))
      rates="$rates $rate"
    done
    med=$(echo "$rates" | median)
    [ "$scenario" = bare ] && bare_median=$med
    ratio=$(awk -v a="$med" -v b="$bare_median" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')
    target=$(target_of "$scenario")
    result="-"
    if [ -n "$target" ]; then
      result=$(awk -v m="$med" -v t="$target" -v p="$worst" -v s="$scenario" -v e="$errors" \
        'BEGIN { ok = m >= t && e == 0 && (s != "product" || p <= 10); print ok ? "pass" : "FAIL" }')
      [ "$scenario" = product ] && target="≥ $target/s, p99 ≤ 10 ms" || target="≥ $target/s"
    fi
    # shellcheck disable=SC2086
    echo "| $scenario | $(for r in $rates; do printf '%s | ' "$r"; done)$med | $worst | $errors | $ratio | $target | $result |"
  done
  [ -f bench/wrk/place-order.lua ] || echo "| place-order | $(for r in $(seq 1 "$RUNS"); do printf -- '- | '; done)- | - | - | - | ≥ 300/s | not built yet (checkout) |"
} >"$table"
echo
cat "$results/environment.txt"
echo
cat "$table"
echo
echo "Raw wrk output and logs: $results/"
