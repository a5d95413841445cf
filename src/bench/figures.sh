#!/usr/bin/env bash
# Key figures benchmark: latency of /chiffres (and its filters and CSV files) on the demo directory.
#
#   src/bench/figures.sh [scale]        (default 1; 100 for the 100x directory)
#
# Needs `hey` (apt-get install hey) and a built jar (./mvnw -DskipTests package). Runs the jar with a
# 512 MB heap on the embedded PostgreSQL in target/bench-<scale>x (or BENCH_DATA_DIR), loopback only;
# the demo directory is generated there on first use (the 100x one takes a while: a copy of an
# existing one, e.g. cp -a ../main/target/bench-100x target/, saves it).
# Prints Markdown: for each URL the first request after start-up (figures computed, cache empty),
# then p50/p95/p99 of BENCH_REQUESTS sequential requests (figures served from the cache, one
# statement to check the content version).
# BENCH_REQUESTS (300) per URL after BENCH_WARMUP (50), BENCH_PORT.
set -euo pipefail
cd "$(dirname "$0")/../.."

scale=${1:-1}
port=${BENCH_PORT:-8099}
requests=${BENCH_REQUESTS:-300}
data=${BENCH_DATA_DIR:-target/bench-${scale}x}
jar=${BENCH_JAR:-target/repertoire.jar}
base=http://127.0.0.1:$port

command -v hey >/dev/null || { echo "hey is missing: apt-get install hey" >&2; exit 1; }
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package
mkdir -p "$data"

# BENCH_NICE=-10 (as root) gives the application and hey priority over other work on the machine,
# to measure the page rather than the neighbours' builds; say so with the numbers.
nice -n "${BENCH_NICE:-0}" java -Xmx512m -jar "$jar" --server.port="$port" --repertoire.data-dir="$data" \
	--repertoire.demo.scale="$scale" > "target/figures-bench-${scale}x.log" 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null || true' EXIT
until curl -fs -o /dev/null "$base/acteurs"; do
	kill -0 "$app" 2>/dev/null || { echo "the app stopped, see target/figures-bench-${scale}x.log" >&2; exit 1; }
	sleep 0.5
done

urls=(
	"/chiffres"
	"/chiffres?pays=SN"
	"/chiffres?territoire=metropole-lilloise"
	"/chiffres?domaine=education&type=association-solidarite-internationale"
	"/chiffres?territoire=bassin-minier&domaine=sante&pays=BF&type=association-migrants"
	"/chiffres/pays.csv"
	"/pays"
)

first() {
	for url in "${urls[@]}"; do
		printf "| \`%s\` | %.1f |\n" "$url" "$(curl -s -o /dev/null -w '%{time_total}' "$base$url" | awk '{print $1 * 1000}')"
	done
}

measure() {
	local all=()
	for url in "${urls[@]}"; do hey -n "${BENCH_WARMUP:-50}" -c 1 "$base$url" > /dev/null; done
	for url in "${urls[@]}"; do
		out=$(nice -n "${BENCH_NICE:-0}" hey -n "$requests" -c 1 "$base$url")
		p50=$(echo "$out" | awk '/ 50%/ {print $3 * 1000}')
		p95=$(echo "$out" | awk '/ 95%/ {print $3 * 1000}')
		p99=$(echo "$out" | awk '/ 99%/ {print $3 * 1000}')
		printf "| \`%s\` | %.1f | %.1f | %.1f |\n" "$url" "$p50" "$p95" "$p99"
	done
}

echo
echo "Scale ${scale}x, heap 512 MB, $(nproc) cores, nice ${BENCH_NICE:-0}, load $(cut -d' ' -f1 /proc/loadavg) at start, $requests sequential requests per URL"
echo
echo "First request after start-up (figures computed in SQL):"
echo
echo "| URL | time (ms) |"
echo "|---|---|"
first
echo
echo "Then, cached (one statement per request: the content version):"
echo
echo "| URL | p50 (ms) | p95 (ms) | p99 (ms) |"
echo "|---|---|---|---|"
measure
echo
echo "Load at the end: $(cut -d' ' -f1 /proc/loadavg)"
kill "$app" && wait "$app" 2>/dev/null || true
