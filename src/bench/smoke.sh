#!/usr/bin/env bash
# Runs every command the README documents for larger directories and benchmarks, in a small form
# (scale 1, a few requests), so that none of them stops working unnoticed. Run by .ci/run after
# ./mvnw verify; takes a few minutes. Not a measure: the numbers it prints mean nothing.
#
#   src/bench/smoke.sh
#
# Uses its own data directory (target/smoke-1x, emptied first) and free ports. The scripts that
# time HTTP requests need `hey` (apt-get install hey): without it they are skipped with a warning,
# unless SMOKE_REQUIRE_HEY=1 (set by .ci/run when it could install hey), which makes it an error; the
# same for the load benchmark, which needs `wrk` and `nginx` (SMOKE_REQUIRE_LOAD=1).
set -euo pipefail
cd "$(dirname "$0")/../.."

data=target/smoke-1x
jar=target/repertoire.jar
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package
rm -rf "$data"
mkdir -p "$data"

free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' \
		2>/dev/null || echo $((20000 + RANDOM % 20000))
}

step() {
	echo
	echo "== $*" >&2
}

step "README, Larger directories: generate a directory without a web server, then exit"
# the documented command, with scale 1 and this data directory
java -jar "$jar" --repertoire.data-dir="$data" --repertoire.demo.scale=1 \
	--spring.main.web-application-type=none > "$data.generate.log" 2>&1 \
	|| { tail -40 "$data.generate.log" >&2; echo "the generation command failed, see $data.generate.log" >&2; exit 1; }
grep -q "Loaded demo directory" "$data.generate.log" \
	|| { echo "no demo directory loaded, see $data.generate.log" >&2; exit 1; }
grep -q "Started RepertoireApplication" "$data.generate.log"

step "README, Backups: the restore command starts as an operator runs it (a missing file: usage error 2)"
set +e
java -jar "$jar" restore "$data/no-such-backup.zip" --repertoire.data-dir="$data" > "$data.restore.log" 2>&1
restore_exit=$?
set -e
if [ "$restore_exit" != 2 ] || ! grep -q "No such file" "$data.restore.log"; then
	tail -40 "$data.restore.log" >&2
	echo "the restore command did not start (exit $restore_exit), see $data.restore.log" >&2
	exit 1
fi

step "src/bench/search.sh 1 (engines: Lucene and the PostgreSQL baseline, reindex)"
BENCH_DATA_DIR="$data" BENCH_WARMUP=1 BENCH_ROUNDS=1 src/bench/search.sh 1

step "src/bench/campaign.sh 1"
BENCH_DATA_DIR="$data" src/bench/campaign.sh 1

step "src/bench/import.sh 1 (its own empty data directory: the import needs one)"
BENCH_DATA_DIR=target/smoke-import-1x src/bench/import.sh 1

if command -v hey > /dev/null; then
	step "src/bench/pages.sh 1"
	BENCH_DATA_DIR="$data" BENCH_REQUESTS=5 BENCH_WARMUP=2 BENCH_PORT="$(free_port)" src/bench/pages.sh 1
	step "src/bench/search.sh 1 pages"
	BENCH_DATA_DIR="$data" BENCH_REQUESTS=5 BENCH_WARMUP=2 BENCH_PORT="$(free_port)" src/bench/search.sh 1 pages
	step "src/bench/figures.sh 1"
	BENCH_DATA_DIR="$data" BENCH_REQUESTS=5 BENCH_WARMUP=2 BENCH_PORT="$(free_port)" src/bench/figures.sh 1
	step "src/bench/exchange.sh 1"
	BENCH_DATA_DIR="$data" BENCH_REQUESTS=5 BENCH_WARMUP=2 BENCH_PORT="$(free_port)" src/bench/exchange.sh 1
elif [ "${SMOKE_REQUIRE_HEY:-0}" = "1" ]; then
	echo "hey is missing: pages.sh, search.sh pages, figures.sh and exchange.sh cannot run" >&2
	exit 1
else
	echo "WARNING: hey is missing (apt-get install hey): pages.sh, search.sh pages, figures.sh and exchange.sh were not run" >&2
fi
if command -v wrk > /dev/null && [ -x "$(command -v nginx || echo /usr/sbin/nginx)" ]; then
	step "src/bench/load.sh 1"
	BENCH_DATA_DIR="$data" BENCH_DURATION=1 BENCH_WARMUP=1 src/bench/load.sh 1
elif [ "${SMOKE_REQUIRE_LOAD:-0}" = "1" ]; then
	echo "wrk or nginx is missing: load.sh cannot run" >&2
	exit 1
else
	echo "WARNING: wrk or nginx is missing (apt-get install wrk nginx-light): load.sh was not run" >&2
fi
step "src/bench/search-backends.sh 1 (an OpenSearch node, one round on each backend, two instances, 2 writes)"
# last: the index is then recorded as built by its OpenSearch run (a later Lucene start on this
# directory may rebuild its own index)
BENCH_DATA_DIR="$data" BENCH_WARMUP=1 BENCH_ROUNDS=1 BENCH_REINDEX=false BENCH_WRITES=2 BENCH_WRITE_WARMUP=0 \
	src/bench/search-backends.sh 1

echo
echo "Every documented command ran." >&2
