#!/usr/bin/env bash
# Campaign benchmark: a census campaign of the whole demo directory, over HTTP, against a real SMTP server.
#
#   src/bench/campaign.sh [scale]        (default scale 1)
#
# Runs fr.lianes.repertoire.bench.CampaignBenchmark (src/test/java) with a 512 MB heap in one JVM that
# starts the application with its web server on a free port and GreenMail as the SMTP server, signs in
# as an administrator (a staff account it creates), opens a campaign, sends the invitations to the active
# actors then to the dormant ones, and times the request, the queuing, the sending, and /acteurs and the
# campaign page's progress part while sending. Markdown on stdout and in target/campaign-bench-<scale>x.md,
# log in target/campaign-bench-<scale>x.log. The data directory is target/bench-<scale>x (shared with the
# other benchmarks; generated on first use) unless BENCH_DATA_DIR says otherwise; the campaign and its
# mails are deleted at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."

scale=${1:-1}
data=${BENCH_DATA_DIR:-target/bench-${scale}x}

# Compiled alone, without target/test-classes on the class path (its META-INF/spring.factories would
# move the database and the index to test ones), as search.sh does.
./mvnw -q -B -Dspring-javaformat.skip=true compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
classes=target/bench-campaign-classes
rm -rf "$classes"
mkdir -p "$classes" "$data"
cp -r target/classes/. "$classes/"
javac -nowarn -d "$classes" -cp "$classes:$(cat target/bench.classpath)" src/test/java/fr/lianes/repertoire/bench/CampaignBenchmark.java
java -Xmx512m -cp "$classes:$(cat target/bench.classpath)" fr.lianes.repertoire.bench.CampaignBenchmark \
	"$scale" "$data" "target/campaign-bench-${scale}x.md" > "target/campaign-bench-${scale}x.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
echo "CampaignBenchmark running (pid $pid), log: target/campaign-bench-${scale}x.log" >&2
wait "$pid" || { tail -40 "target/campaign-bench-${scale}x.log" >&2; exit 1; }
trap - EXIT
cat "target/campaign-bench-${scale}x.md"
