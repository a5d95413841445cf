#!/usr/bin/env bash
# Search benchmark: the Lucene index against a PostgreSQL full-text baseline, and the search page.
#
#   src/bench/search.sh [scale]          engines: mass reindex, then p50/p95/p99 of ~40 searches with
#                                        filters, Lucene (DirectorySearch) vs PostgreSQL FTS, same run
#   src/bench/search.sh [scale] pages    the whole /acteurs?q=... page over HTTP, with hey
#
# scale: 1 (default), 10 or 100. The data directory is target/bench-<scale>x (shared with
# pages.sh; the demo directory is generated there on first use, ~2 min at 100x) unless
# BENCH_DATA_DIR points to another one (e.g. BENCH_DATA_DIR=/tmp/data-100x).
#
# Engines: runs fr.lianes.repertoire.bench.SearchBenchmark (src/test/java) with a 1 GB heap in one
# JVM that starts the application without its web server; Markdown report on stdout and in
# target/search-bench-<scale>x.md, full log in target/search-bench-<scale>x.log. Settings:
# BENCH_WARMUP (rounds, 10), BENCH_ROUNDS (10), BENCH_REINDEX (true; false skips the timed reindex),
# BENCH_BASELINE (true; false times Lucene alone, to iterate: not a result to report),
# BENCH_JAVA_OPTS (extra JVM options, e.g. -XX:StartFlightRecording=filename=target/bench.jfr,settings=profile).
#
# Pages: runs the packaged jar with a 512 MB heap (./mvnw -DskipTests package first if missing) and
# measures sequential requests with hey (apt-get install hey); BENCH_REQUESTS (200) per URL after
# BENCH_WARMUP (50), BENCH_PORT.
# Meaningful once /acteurs searches with DirectorySearch: before that it measures the SQL LIKE search.
set -euo pipefail
cd "$(dirname "$0")/../.."

scale=${1:-1}
mode=${2:-engines}
data=${BENCH_DATA_DIR:-target/bench-${scale}x}

engines() {
	# The benchmark lives in the test sources but is compiled alone (javac), so that a test being
	# edited elsewhere cannot stop it, and runs without target/test-classes on the classpath: its
	# META-INF/spring.factories would move the database to a throw-away one and the index to
	# memory. The application's classes are copied so that a concurrent build cannot change them
	# mid-run.
	./mvnw -q -B -Dspring-javaformat.skip=true compile
	./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
	local classes=target/bench-classes
	rm -rf "$classes"
	mkdir -p "$classes"
	cp -r target/classes/. "$classes/"
	javac -nowarn -d "$classes" -cp "$classes:$(cat target/bench.classpath)" src/test/java/fr/lianes/repertoire/bench/SearchBenchmark.java
	mkdir -p "$data"
	# shellcheck disable=SC2086
	java -Xmx1g ${BENCH_JAVA_OPTS:-} -Dbench.warmup="${BENCH_WARMUP:-10}" -Dbench.rounds="${BENCH_ROUNDS:-10}" \
		-Dbench.reindex="${BENCH_REINDEX:-true}" -Dbench.baseline="${BENCH_BASELINE:-true}" \
		-cp "$classes:$(cat target/bench.classpath)" fr.lianes.repertoire.bench.SearchBenchmark \
		"$scale" "$data" "target/search-bench-${scale}x.md" > "target/search-bench-${scale}x.log" 2>&1 &
	local pid=$!
	trap 'kill "$pid" 2>/dev/null || true' EXIT
	echo "SearchBenchmark running (pid $pid), log: target/search-bench-${scale}x.log" >&2
	wait "$pid" || { tail -40 "target/search-bench-${scale}x.log" >&2; exit 1; }
	trap - EXIT
	cat "target/search-bench-${scale}x.md"
}

pages() {
	local port=${BENCH_PORT:-8098}
	local requests=${BENCH_REQUESTS:-200}
	local jar=${BENCH_JAR:-target/repertoire.jar}
	local base=http://127.0.0.1:$port
	command -v hey >/dev/null || { echo "hey is missing: apt-get install hey" >&2; exit 1; }
	[ -f "$jar" ] || ./mvnw -q -B -DskipTests package
	mkdir -p "$data"
	java -Xmx512m -jar "$jar" --server.port="$port" --repertoire.data-dir="$data" \
		--repertoire.demo.scale="$scale" > "target/search-pages-${scale}x.log" 2>&1 &
	local app=$!
	trap 'kill "$app" 2>/dev/null || true' EXIT
	# Ready once the first page answers (the index is rebuilt before that if it is missing).
	until curl -fs -o /dev/null "$base/acteurs"; do
		kill -0 "$app" 2>/dev/null || { echo "the app stopped, see target/search-pages-${scale}x.log" >&2; exit 1; }
		sleep 0.5
	done

	local urls=(
		"/acteurs?q=senegal"
		"/acteurs?q=eau+potable"
		"/acteurs?q=jumelage"
		"/acteurs?q=tanguieta"
		"/acteurs?q=sante+maternelle"
		"/acteurs?q=maraichage+femmes"
		"/acteurs?q=ecole"
		"/acteurs?q=formation"
		"/acteurs?q=senegal&pays=SN"
		"/acteurs?q=ecole&domaine=education"
		"/acteurs?q=formation&type=association-migrants"
		"/acteurs?q=jumelage&territoire=metropole-lilloise"
		"/acteurs?q=education&pays=SN&domaine=education&statut=actif"
		"/acteurs?q=agriculture&pays=ML&pays=BF&page=2"
	)
	# Warm-up: let the JIT compile the hot paths.
	for url in "${urls[@]}"; do hey -n "${BENCH_WARMUP:-50}" -c 1 "$base$url" > /dev/null; done

	echo
	echo "Scale ${scale}x, whole page over HTTP, heap 512 MB, $(nproc) cores, $requests sequential requests per URL ($(date +%F))"
	echo
	echo "| URL | p50 (ms) | p95 (ms) | p99 (ms) |"
	echo "|---|---|---|---|"
	local all=()
	for url in "${urls[@]}"; do
		out=$(hey -n "$requests" -c 1 -o csv "$base$url")
		# CSV: response-time (s) is the first column; keep the successful requests.
		mapfile -t times < <(echo "$out" | awk -F, 'NR > 1 && $7 == 200 {print $1 * 1000}' | sort -g)
		[ "${#times[@]}" -gt 0 ] || { echo "no successful request on $url" >&2; exit 1; }
		all+=("${times[@]}")
		printf "| \`%s\` | %.1f | %.1f | %.1f |\n" "$url" "$(pct 50 "${times[@]}")" "$(pct 95 "${times[@]}")" \
			"$(pct 99 "${times[@]}")"
	done
	mapfile -t all < <(printf '%s\n' "${all[@]}" | sort -g)
	printf "| **all URLs** | **%.1f** | **%.1f** | **%.1f** |\n" "$(pct 50 "${all[@]}")" "$(pct 95 "${all[@]}")" \
		"$(pct 99 "${all[@]}")"
	kill "$app" && wait "$app" 2>/dev/null || true
	trap - EXIT
}

# Nearest-rank percentile of sorted values: pct P v1 v2 ...
pct() {
	local p=$1
	shift
	local n=$#
	local rank=$(((p * n + 99) / 100))
	[ "$rank" -ge 1 ] || rank=1
	echo "${!rank}"
}

case "$mode" in
	engines) engines ;;
	pages) pages ;;
	*) echo "usage: $0 [scale] [engines|pages]" >&2; exit 2 ;;
esac
