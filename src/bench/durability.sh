#!/usr/bin/env bash
# Durability benchmark: what writing to disk at every commit costs a questionnaire.
#
#   src/bench/durability.sh
#
# Runs fr.lianes.repertoire.bench.DurabilityBenchmark (src/test/java) in one JVM: for each setting of
# the embedded PostgreSQL (fsync off with synchronous commits, as on main before issue 12; fsync on,
# as now; both off, as the tests run), the application is started on a fresh database in
# target/bench-durability and BENCH_WARMUP (20; 150 for the first setting, the JVM being cold) + BENCH_ROUNDS (100) questionnaires are sent over
# HTTP, one after the other; p50/p95 of the start (POST /recensement/commencer) and of the sending
# (POST /recensement/envoi). Markdown report on stdout and in target/bench-durability/report.md,
# log in target/bench-durability.log.
set -euo pipefail
cd "$(dirname "$0")/../.."

# Compiled alone, without target/test-classes on the classpath (its spring.factories would move
# the database), from a copy of the application's classes (see search.sh).
./mvnw -q -B -Dspring-javaformat.skip=true compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
classes=target/bench-durability-classes
rm -rf "$classes"
mkdir -p "$classes" target/bench-durability
cp -r target/classes/. "$classes/"
javac -nowarn -d "$classes" -cp "$classes:$(cat target/bench.classpath)" \
	src/test/java/fr/lianes/repertoire/bench/DurabilityBenchmark.java
java -Xmx512m -Dbench.warmup="${BENCH_WARMUP:-20}" -Dbench.first-warmup="${BENCH_FIRST_WARMUP:-150}" -Dbench.rounds="${BENCH_ROUNDS:-100}" \
	-cp "$classes:$(cat target/bench.classpath)" fr.lianes.repertoire.bench.DurabilityBenchmark \
	target/bench-durability > target/bench-durability.log 2>&1 || { tail -40 target/bench-durability.log >&2; exit 1; }
cat target/bench-durability/report.md
