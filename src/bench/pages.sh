#!/usr/bin/env bash
# Page benchmark: cold start and latency of the public pages, on the demo directory.
#
#   src/bench/pages.sh [scale]        (default scale 1; 10 or 100 for the larger directories)
#
# Needs `hey` (apt-get install hey) and a built jar (./mvnw -DskipTests package). Runs the jar
# with a 512 MB heap on the embedded PostgreSQL, in its own data directory (target/bench-<scale>x,
# or BENCH_DATA_DIR), loopback only. Prints a Markdown table: cold start, then p50/p95 of sequential
# requests. BENCH_REQUESTS (300) per URL after BENCH_WARMUP (100) requests per URL, BENCH_PORT.
set -euo pipefail
cd "$(dirname "$0")/../.."

scale=${1:-1}
port=${BENCH_PORT:-8097}
requests=${BENCH_REQUESTS:-300}
data=${BENCH_DATA_DIR:-target/bench-${scale}x}
jar=${BENCH_JAR:-target/repertoire.jar}
base=http://127.0.0.1:$port

command -v hey >/dev/null || { echo "hey is missing: apt-get install hey" >&2; exit 1; }
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package

start_app() {
	java -Xmx512m -jar "$jar" --server.port="$port" --repertoire.data-dir="$data" \
		--repertoire.demo.scale="$scale" > "$data.log" 2>&1 &
	app=$!
}

wait_first_page() {
	local started=$1
	until curl -fs -o /dev/null "$base/acteurs"; do
		kill -0 "$app" 2>/dev/null || { echo "the app stopped, see $data.log" >&2; exit 1; }
		sleep 0.1
	done
	awk -v now="$(date +%s.%N)" -v started="$started" 'BEGIN { printf "%.3f\n", now - started }'
}

stop_app() {
	kill "$app" && wait "$app" 2>/dev/null || true
}
trap 'kill "$app" 2>/dev/null || true' EXIT

mkdir -p "$data"
# First start: creates the schema and loads the demo directory if it is not there yet.
start_app
wait_first_page "$(date +%s.%N)" > /dev/null
stop_app

# Cold start with the data already loaded: JVM start to the first /acteurs page served.
started=$(date +%s.%N)
start_app
cold=$(wait_first_page "$started")

urls=(
	"/"
	"/acteurs"
	"/acteurs?pays=SN"
	"/acteurs?pays=SN&domaine=education&statut=actif"
	"/acteurs?territoire=metropole-lilloise&type=association-solidarite-internationale&page=3"
	"/acteurs?pays=ML&pays=BF&domaine=sante&tri=recent"
	"/acteurs?q=senegal"
	"/projets"
	"/projets?pays=BJ&statut=en-cours"
	"/pays"
	"/pays/sn"
	"/domaines/education"
	"/territoires/metropole-lilloise"
)

# Warm-up: let the JIT compile the hot paths.
for url in "${urls[@]}"; do hey -n "${BENCH_WARMUP:-100}" -c 1 "$base$url" > /dev/null; done

actors=$(grep -oE 'Loaded demo directory: [0-9]+ actors' "$data.log" | head -1 || true)
echo
echo "Scale ${scale}x, heap 512 MB, $(nproc) cores, $requests sequential requests per URL"
echo
echo "| measure | value |"
echo "|---|---|"
printf "| cold start to first /acteurs page | %.1f s |\n" "$cold"
echo
echo "| URL | p50 (ms) | p95 (ms) |"
echo "|---|---|---|"
for url in "${urls[@]}"; do
	out=$(hey -n "$requests" -c 1 "$base$url")
	p50=$(echo "$out" | awk '/50%/ {print $3 * 1000}')
	p95=$(echo "$out" | awk '/95%/ {print $3 * 1000}')
	printf "| \`%s\` | %.1f | %.1f |\n" "$url" "$p50" "$p95"
done
heap=$(jcmd "$app" GC.heap_info 2>/dev/null | awk '/garbage-first heap/ {print $0}' | head -1 || true)
echo
echo "Heap after the run: ${heap:-n/a}"
stop_app
