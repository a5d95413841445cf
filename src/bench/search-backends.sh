#!/usr/bin/env bash
# Search on Lucene and on OpenSearch side by side, and the time for a write on one instance to be
# searchable on another (issue 16).
#
#   src/bench/search-backends.sh [scale]     (default 1; 100 for the 100x directory)
#
# Runs fr.lianes.repertoire.bench.SearchBackendsBenchmark (src/test/java), which starts an OpenSearch
# 2.19 node from its Maven artifacts (the tests' search.OpenSearchTestNode: its own JVM, 512 MB heap,
# data in target/opensearch-bench), then SearchBenchmark's 40 searches (see search.sh) in a JVM of
# 1 GB on the Lucene index, then in another on the node (which builds its index from PostgreSQL at its
# start: the time is reported), then two instances in cluster mode on one PostgreSQL and the node,
# where an actor's acronym changed through A's back office is looked for with B's /acteurs?q=. The node
# and the PostgreSQL it started stop at its end. Markdown report on stdout and in
# target/search-backends-<scale>x/report.md; logs in that folder (SearchBenchmark's runs, driver.log)
# and in target/application-logs (the two instances).
#
# The data directory is target/bench-<scale>x (generated there on first use, as search.sh does) unless
# BENCH_DATA_DIR points to another one; the benchmark writes into it (PostgreSQL, the Lucene index, one
# actor's acronym, set back at the end): give it a copy, e.g. cp -a data-100x target/bench-100x.
# Settings: BENCH_WARMUP (10) and BENCH_ROUNDS (10) rounds of the 40 searches, BENCH_REINDEX (true: time
# a whole reindex of the Lucene index; false keeps it as it is), BENCH_WRITES (20, after
# BENCH_WRITE_WARMUP 3 not counted; 0 skips the two instances), BENCH_NODE_HEAP (the node's heap, 512m as
# in the tests: at 100x that node refused a bulk request at 99% of the index build, its memory circuit
# breaker tripping; give it 1g there, not tried yet).
set -euo pipefail
cd "$(dirname "$0")/../.."

scale=${1:-1}
data=${BENCH_DATA_DIR:-target/bench-${scale}x}
out=target/search-backends-${scale}x

# Compiled alone, without target/test-classes on the classpath (its spring.factories would move the
# database and the index), from a copy of the application's classes (see search.sh).
# generate-test-resources also builds the OpenSearch node's class path (target/opensearch-node) when missing.
# The build is not measured: at the lowest priority, it leaves the cores to what runs beside it.
nice -n 19 ./mvnw -q -B -Dspring-javaformat.skip=true generate-test-resources
nice -n 19 ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
classes=target/bench-backends-classes
rm -rf "$classes" "$out"
mkdir -p "$classes" "$out" "$data"
cp -r target/classes/. "$classes/"
tests=src/test/java/fr/lianes/repertoire
nice -n 19 javac -nowarn -d "$classes" -cp "$classes:$(cat target/bench.classpath)" \
	"$tests/bench/SearchBenchmark.java" "$tests/bench/SearchBackendsBenchmark.java" \
	"$tests/search/OpenSearchTestNode.java" "$tests/testing/ApplicationProcess.java" \
	"$tests/testing/WebClient.java" "$tests/testing/HtmlForms.java"
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD -- src 2>/dev/null || commit="$commit with uncommitted changes"

echo "uptime before: $(uptime)" >&2
java -Xmx256m -Drepertoire.test.fork=bench -Drepertoire.opensearch.heap="${BENCH_NODE_HEAP:-512m}" -Dbench.warmup="${BENCH_WARMUP:-10}" -Dbench.rounds="${BENCH_ROUNDS:-10}" \
	-Dbench.reindex="${BENCH_REINDEX:-true}" -Dbench.writes="${BENCH_WRITES:-20}" \
	-Dbench.write-warmup="${BENCH_WRITE_WARMUP:-3}" -Dbench.commit="$commit" \
	-cp "$classes:$(cat target/bench.classpath)" fr.lianes.repertoire.bench.SearchBackendsBenchmark \
	"$scale" "$data" "$out" > "$out/driver.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
echo "SearchBackendsBenchmark running (pid $pid), log: $out/driver.log" >&2
wait "$pid" || { tail -40 "$out/driver.log" >&2; exit 1; }
trap - EXIT
echo "uptime after: $(uptime)" >&2
cat "$out/report.md"
