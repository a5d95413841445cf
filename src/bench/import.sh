#!/usr/bin/env bash
# Import benchmark: the demo directory written as the old directory's export, brought into an empty
# directory over HTTP as an administrator does (dry run, then the import in the background until its
# report), then imported again (nothing changes).
#
#   src/bench/import.sh [scale]        (default scale 1; BENCH_HEAP, default 1g, the heap; BENCH_JAVA_OPTS)
#   BENCH_AGAIN=1 src/bench/import.sh [scale]   only the second pass: the same files again, into the
#                                      directory an earlier run left in the data directory (kept, with
#                                      its export; put a copy in BENCH_DATA_DIR to keep the original)
#
# Runs fr.lianes.repertoire.bench.ImportBenchmark (src/test/java) in one JVM that starts the
# application with its web server on a free port, on its own data directory target/bench-import-<scale>x
# (emptied first: the import needs an empty directory), unless BENCH_DATA_DIR says otherwise. Markdown
# on stdout and in target/import-bench-<scale>x.md, log in target/import-bench-<scale>x.log.
set -euo pipefail
cd "$(dirname "$0")/../.."

scale=${1:-1}
data=${BENCH_DATA_DIR:-target/bench-import-${scale}x}
heap=${BENCH_HEAP:-1g}
# BENCH_JAVA_OPTS: more JVM options, e.g. -XX:StartFlightRecording=filename=target/import.jfr,settings=profile
opts=${BENCH_JAVA_OPTS:-}

# Compiled alone, without target/test-classes on the class path (its META-INF/spring.factories would
# move the database and the index to test ones), as search.sh does.
./mvnw -q -B -Dspring-javaformat.skip=true compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
classes=target/bench-import-classes
again=${BENCH_AGAIN:-0}
if [ "$again" = 1 ]; then
	[ -d "$data/export" ] || { echo "no earlier run in $data (BENCH_AGAIN=1 imports its export again)" >&2; exit 1; }
	rm -rf "$classes"
else
	rm -rf "$classes" "$data"
fi
mkdir -p "$classes" "$data"
cp -r target/classes/. "$classes/"
javac -nowarn -d "$classes" -cp "$classes:$(cat target/bench.classpath)" src/test/java/fr/lianes/repertoire/bench/ImportBenchmark.java
java -Xmx"$heap" $opts -cp "$classes:$(cat target/bench.classpath)" fr.lianes.repertoire.bench.ImportBenchmark \
	"$scale" "$data" "target/import-bench-${scale}x.md" "$again" > "target/import-bench-${scale}x.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
echo "ImportBenchmark running (pid $pid), log: target/import-bench-${scale}x.log" >&2
wait "$pid" || { tail -40 "target/import-bench-${scale}x.log" >&2; exit 1; }
trap - EXIT
cat "target/import-bench-${scale}x.md"
