#!/usr/bin/env bash
# Open data benchmark: whole-directory downloads (CSV, JSON) and the API's lists, on the demo directory.
#
#   src/bench/exchange.sh [scale]        (default 1; 10 or 100 for the larger directories)
#
# Needs `hey` (apt-get install hey), curl, the JDK's jstat, and a built jar (./mvnw -DskipTests package).
# Runs the jar with a 512 MB heap on the embedded PostgreSQL in target/bench-<scale>x (or BENCH_DATA_DIR),
# loopback only; the demo directory is generated there on first use (see the README, "Larger
# directories"). The API's per-address limit is lifted for the run (hey would hit it).
# Prints Markdown:
#  - each whole download (/donnees/acteurs.csv, .json, /donnees/projets.csv, .json), fetched by curl in a
#    second process: time, size, lines or entries; and the application's heap, sampled by jstat every
#    BENCH_HEAP_SAMPLE_MS (500) during it: used at the start, the peak, and the old generation at the
#    peak and at the end (what stays after collections: flat if the download holds nothing);
#  - p50/p95/p99 of BENCH_REQUESTS (300) sequential requests per API URL after BENCH_WARMUP (50), by hey.
# BENCH_PORT, BENCH_JAR, BENCH_NICE as in the other scripts; BENCH_DOWNLOADS=0 skips the downloads;
# BENCH_JAVA_OPTS adds JVM options to the application (e.g. a Flight Recorder profile:
# BENCH_JAVA_OPTS=-XX:StartFlightRecording=filename=target/exchange.jfr,settings=profile).
set -euo pipefail
cd "$(dirname "$0")/../.."

scale=${1:-1}
port=${BENCH_PORT:-8097}
requests=${BENCH_REQUESTS:-300}
data=${BENCH_DATA_DIR:-target/bench-${scale}x}
jar=${BENCH_JAR:-target/repertoire.jar}
sample_ms=${BENCH_HEAP_SAMPLE_MS:-500}
base=http://127.0.0.1:$port
log=target/exchange-bench-${scale}x.log
out=target/exchange-bench-${scale}x

command -v hey >/dev/null || { echo "hey is missing: apt-get install hey" >&2; exit 1; }
command -v jstat >/dev/null || { echo "jstat (JDK) is missing" >&2; exit 1; }
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package
mkdir -p "$data" "$out"

# shellcheck disable=SC2086 # options split as words
nice -n "${BENCH_NICE:-0}" java -Xmx512m ${BENCH_JAVA_OPTS:-} -jar "$jar" --server.port="$port" --repertoire.data-dir="$data" \
	--repertoire.demo.scale="$scale" --repertoire.exchange.api-requests-per-minute=100000000 > "$log" 2>&1 &
app=$!
sampler=
# on any exit (a failed download too): the heap sampler and the application stop
trap 'kill $sampler "$app" 2>/dev/null || true' EXIT
# ready: database up and the search index whole (a rebuild at start would be measured otherwise)
until curl -fs -o /dev/null "$base/actuator/health/readiness"; do
	kill -0 "$app" 2>/dev/null || { echo "the app stopped, see $log" >&2; exit 1; }
	sleep 0.5
done

# heap used (MB): survivors + eden + old; and old alone, from one jstat -gc line
heap_line() {
	jstat -gc "$app" | awk 'NR == 2 { printf "%.0f %.0f\n", ($3 + $4 + $6 + $8) / 1024, $8 / 1024 }'
}

download() {
	local path=$1 file=$2
	local samples="$out/heap-$file.tsv"
	: > "$samples"
	(while true; do heap_line >> "$samples" 2>/dev/null || true; sleep "$(awk "BEGIN {print $sample_ms / 1000}")"; done) &
	sampler=$!
	local start_heap
	start_heap=$(heap_line | cut -d' ' -f1)
	local result
	result=$(curl -fsS -o "$out/$file" -w '%{http_code} %{time_total} %{size_download}' "$base$path") \
		|| { echo "$path failed (cut short?), see $log" >&2; exit 1; }
	kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
	sampler=
	heap_line >> "$samples"
	local code time size count
	read -r code time size <<< "$result"
	[ "$code" = "200" ] || { echo "$path answered $code" >&2; exit 1; }
	case "$file" in
		*.csv) count="$(python3 -c 'import csv, sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], encoding="utf-8-sig"), delimiter=";")) - 1)' "$out/$file") rows" ;;
		*.json) count="$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1], encoding="utf-8"))))' "$out/$file") entries" ;;
	esac
	local peak peak_old end_old
	peak=$(sort -n -k1 "$samples" | tail -1 | cut -d' ' -f1)
	peak_old=$(sort -n -k2 "$samples" | tail -1 | cut -d' ' -f2)
	end_old=$(tail -1 "$samples" | cut -d' ' -f2)
	printf "| \`%s\` | %.1f | %.1f | %s | %s | %s | %s | %s | %s |\n" "$path" "$time" \
		"$(awk "BEGIN {print $size / 1048576}")" "$count" "$start_heap" "$peak" "$peak_old" "$end_old" \
		"$(wc -l < "$samples")"
}

urls=(
	"/api/v1/acteurs"
	"/api/v1/acteurs?pays=SN&taille=20"
	"/api/v1/acteurs?territoire=metropole-lilloise&domaine=education&taille=50"
	"/api/v1/acteurs?q=sante&taille=20"
	"/api/v1/projets?pays=BJ&statut=en-cours"
	"/api/v1/pays"
	"/api/v1/chiffres?pays=SN"
)

measure() {
	for url in "${urls[@]}"; do hey -n "${BENCH_WARMUP:-50}" -c 1 "$base$url" > /dev/null; done
	for url in "${urls[@]}"; do
		result=$(nice -n "${BENCH_NICE:-0}" hey -n "$requests" -c 1 "$base$url")
		echo "$result" | grep -q '\[200\]' || { echo "$url: $(echo "$result" | grep -A3 'Status code')" >&2; exit 1; }
		p50=$(echo "$result" | awk '/ 50%/ {print $3 * 1000}')
		p95=$(echo "$result" | awk '/ 95%/ {print $3 * 1000}')
		p99=$(echo "$result" | awk '/ 99%/ {print $3 * 1000}')
		printf "| \`%s\` | %.1f | %.1f | %.1f |\n" "$url" "$p50" "$p95" "$p99"
	done
}

echo
echo "Scale ${scale}x ($(curl -s "$base/api/v1/chiffres" | grep -o '"actors":[0-9]*' | head -1 | cut -d: -f2) registered actors), heap 512 MB, $(nproc) cores, nice ${BENCH_NICE:-0}, load $(cut -d' ' -f1 /proc/loadavg) at start"
if [ "${BENCH_DOWNLOADS:-1}" != "0" ]; then
	echo
	echo "Whole downloads (curl, one at a time; heap in MB from jstat every ${sample_ms} ms):"
	echo
	echo "| download | time (s) | size (MB) | entries | heap used at start | peak heap used | peak old gen | old gen at the end | samples |"
	echo "|---|---|---|---|---|---|---|---|---|"
	download "/donnees/acteurs.csv" acteurs.csv
	download "/donnees/acteurs.json" acteurs.json
	download "/donnees/projets.csv" projets.csv
	download "/donnees/projets.json" projets.json
fi
echo
echo "API lists, $requests sequential requests per URL (hey):"
echo
echo "| URL | p50 (ms) | p95 (ms) | p99 (ms) |"
echo "|---|---|---|---|"
measure
echo
echo "Load at the end: $(cut -d' ' -f1 /proc/loadavg)"
kill "$app" && wait "$app" 2>/dev/null || true
