#!/usr/bin/env bash
# Load benchmark: throughput of the public pages under concurrent requests, against the floors.
#
#   src/bench/load.sh [scale]        (default scale 1; 10 or 100 for the larger directories)
#
# Needs `wrk` and `nginx` (apt-get install wrk nginx-light), curl, the JDK's jcmd, and a built jar
# (./mvnw -DskipTests package). Runs the jar (BENCH_JAR) with a 512 MB heap (1 GB past scale 1,
# BENCH_HEAP) on the embedded PostgreSQL in target/bench-<scale>x (or BENCH_DATA_DIR), loopback only,
# on free ports. In the same run:
#  - the application: a mix of 22 public pages (those of pages.sh, an actor, a project, /chiffres and the
#    other browsing pages), each connection going through the list in turn, at concurrency 8 and 32;
#  - the same bytes served by nginx (each page fetched once with curl, written under
#    target/load-<scale>x/www, served by an nginx of its own on a free port: the floor of serving
#    these bytes over HTTP on this machine);
#  - the application's /actuator/health/liveness (the framework's floor) at the same concurrencies.
# wrk runs 2 threads for BENCH_DURATION seconds (8) per measure, after a BENCH_WARMUP-second (10)
# warm-up of the mix. Prints Markdown: req/s, p50/p99, errors (non-2xx/3xx or socket errors), the two
# ratios (application / nginx, application / liveness), the heap used and the RSS of the application
# after the run, and the load average before and after (the machine may be shared: say so with the
# figures). wrk sends no Accept-Encoding: the pages go uncompressed, as nginx's.
# BENCH_PER_PAGE=1 also measures each of the 22 pages alone at concurrency 8 for BENCH_PAGE_DURATION seconds
# (3), after the mix (so each page has been served once for the directory's version: its first request
# after a change is not what is measured), and prints one line per page.
# BENCH_PROFILE=1 also records the application with Java Flight Recorder during the mix at concurrency 8
# (target/load-<scale>x/load.jfr) and prints where the CPU went (src/bench/jfr-summary.py): the
# measure of that run is then a little lower.
# Each measure of the mix also reports the JVM's stops in it (safepoints, GC pauses among them, from
# -Xlog:safepoint in target/load-<scale>x/safepoint.log) and the machine's run queue and CPU steal (vmstat
# once a second in target/load-<scale>x/vmstat.txt): a slow p99 is then told from a pause of the JVM or
# a machine busy elsewhere; and where the CPU went each second (src/bench/cpu-sampler.py, in
# target/load-<scale>x/cpu.txt): the application, PostgreSQL, wrk, nginx and every other process.
# BENCH_JAVA_OPTS: more JVM options. BENCH_OUT: where the logs go (target/load-<scale>x), so that a
# run's logs can be kept beside another's.
set -euo pipefail
cd "$(dirname "$0")/../.."

scale=${1:-1}
data=${BENCH_DATA_DIR:-target/bench-${scale}x}
jar=${BENCH_JAR:-target/repertoire.jar}
duration=${BENCH_DURATION:-8}
warmup=${BENCH_WARMUP:-10}
if [ "$scale" = 1 ]; then heap=${BENCH_HEAP:-512m}; else heap=${BENCH_HEAP:-1g}; fi
out=${BENCH_OUT:-target/load-${scale}x}
mkdir -p "$out" && out=$(cd "$out" && pwd)
log=$out/app.log

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx_bin" ] || { echo "nginx is missing: apt-get install nginx-light" >&2; exit 1; }
command -v jcmd >/dev/null || { echo "jcmd (JDK) is missing" >&2; exit 1; }
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package

free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' \
		2>/dev/null || echo $((20000 + RANDOM % 20000))
}

port=${BENCH_PORT:-$(free_port)}
nginx_port=$(free_port)
base=http://127.0.0.1:$port
rm -rf "$out"
mkdir -p "$data" "$out/www" "$out/nginx"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

java -Xmx"$heap" -Xlog:safepoint:file="$out/safepoint.log":timemillis ${BENCH_JAVA_OPTS:-} -jar "$jar" --server.port="$port" --server.address=127.0.0.1 --repertoire.data-dir="$data" \
	--repertoire.demo.scale="$scale" --repertoire.pages.cache-size=32MB > "$log" 2>&1 &
app=$!
nginx_pid=
vmstat_pid=
cpu_pid=
cleanup() {
	[ -n "$cpu_pid" ] && kill "$cpu_pid" 2>/dev/null || true
	kill "$app" 2>/dev/null || true
	[ -n "$vmstat_pid" ] && kill "$vmstat_pid" 2>/dev/null || true
	[ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
}
trap cleanup EXIT
# ready: database up and the search index whole
until curl -fs -o /dev/null "$base/actuator/health/readiness"; do
	kill -0 "$app" 2>/dev/null || { echo "the app stopped, see $log" >&2; exit 1; }
	sleep 0.5
done

# an actor and a project of the directory, whatever its scale
actor=$(curl -fs "$base/acteurs" | grep -oE 'href="/acteurs/[a-z0-9-]+"' | head -1 | cut -d'"' -f2)
project=$(curl -fs "$base/projets" | grep -oE 'href="/projets/[a-z0-9-]+"' | head -1 | cut -d'"' -f2)
[ -n "$actor" ] && [ -n "$project" ] || { echo "no actor or project found on the lists" >&2; exit 1; }

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
	"$actor"
	"$project"
	"/chiffres"
	"/domaines"
	"/territoires"
	"/pays/bj"
	"/acteurs?page=2"
	"/projets?page=2"
	"/mentions-legales"
)

# the bytes of each page, for nginx; the wrk scripts walk the same list
lua_app="paths = {"
lua_static="paths = {"
i=0
for url in "${urls[@]}"; do
	code=$(curl -s -o "$out/www/$i.html" -w '%{http_code}' "$base$url")
	[ "$code" = 200 ] || { echo "$url answered $code" >&2; exit 1; }
	lua_app+="\"${url}\","
	lua_static+="\"/$i.html\","
	i=$((i + 1))
done
walk='}
counter = 0
request = function()
	counter = counter + 1
	return wrk.format("GET", paths[(counter % #paths) + 1])
end'
echo "${lua_app}${walk}" > "$out/app.lua"
echo "${lua_static}${walk}" > "$out/static.lua"
bytes=$(cat "$out"/www/*.html | wc -c)

cat > "$out/nginx/nginx.conf" <<EOF
worker_processes 2;
daemon off;
pid $out/nginx/nginx.pid;
error_log $out/nginx/error.log warn;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path $out/nginx/tmp;
	proxy_temp_path $out/nginx/tmp;
	fastcgi_temp_path $out/nginx/tmp;
	uwsgi_temp_path $out/nginx/tmp;
	scgi_temp_path $out/nginx/tmp;
	default_type text/html;
	sendfile on;
	server {
		listen 127.0.0.1:$nginx_port;
		root $out/www;
	}
}
EOF
mkdir -p "$out/nginx/tmp"
"$nginx_bin" -c "$out/nginx/nginx.conf" -p "$out/nginx" &
nginx_pid=$!
until curl -fs -o /dev/null "http://127.0.0.1:$nginx_port/0.html"; do
	kill -0 "$nginx_pid" 2>/dev/null || { echo "nginx stopped, see $out/nginx/error.log" >&2; exit 1; }
	sleep 0.2
done

# vmstat once a second, each line stamped with the epoch second
vmstat -n 1 | while read -r line; do echo "$(date +%s) $line"; done > "$out/vmstat.txt" &
vmstat_pid=$!
# the CPU of the application, PostgreSQL, wrk, nginx and the others, once a second
python3 src/bench/cpu-sampler.py "$app" > "$out/cpu.txt" &
cpu_pid=$!

# one wrk run: "req/s p50_ms p99_ms errors"; the times of the last one in $out/window
measure() {
	local connections=$1 url=$2 script=${3:-}
	local args=(-t2 -c"$connections" -d"${duration}s" --latency)
	[ -n "$script" ] && args+=(-s "$script")
	local from
	from=$(date +%s%3N)
	wrk "${args[@]}" "$url" > "$out/wrk.txt" 2>&1
	echo "$from $(date +%s%3N)" > "$out/window"
	awk '
		function ms(v) {
			if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
			if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
			if (v ~ /s$/) return substr(v, 1, length(v) - 1) * 1000
			return v
		}
		/Requests\/sec/ { rps = $2 }
		/^ +50%/ { p50 = ms($2) }
		/^ +99%/ { p99 = ms($2) }
		/Non-2xx or 3xx/ { errors += $NF }
		/Socket errors/ { gsub(/,/, ""); errors += $4 + $6 + $8 + $10 }
		END { printf "%.0f %.1f %.1f %d\n", rps, p50, p99, errors }
	' "$out/wrk.txt"
}

# the JVM's stops and the machine's state between two epoch times in ms:
# "safepoints stopped_ms longest_ms longest_name max_run_queue max_steal_pct app_mean postgres_max others_max"
stops_in() {
	local from=$1 to=$2
	local jvm machine cpu
	jvm=$(awk -v from="$from" -v to="$to" '
		match($0, /^\[[0-9]+ms\]/) {
			t = substr($0, 2, RLENGTH - 4) + 0
			if (t < from || t > to) next
			if (match($0, /Total: [0-9]+ ns/)) {
				ns = substr($0, RSTART + 7, RLENGTH - 10) + 0
				n++; sum += ns
				if (ns > max) { max = ns; name = $0; sub(/^[^"]*"/, "", name); sub(/".*/, "", name) }
			}
		}
		END { printf "%d %.1f %.1f %s", n, sum / 1e6, max / 1e6, (name == "" ? "-" : name) }
	' "$out/safepoint.log" 2>/dev/null || echo "0 0 0 -")
	machine=$(awk -v from="$((from / 1000))" -v to="$((to / 1000))" '
		$1 >= from && $1 <= to && $2 ~ /^[0-9]+$/ { if ($2 > r) r = $2; if ($18 > st) st = $18 }
		END { printf "%d %d", r, st }
	' "$out/vmstat.txt")
	cpu=$(awk -v from="$((from / 1000))" -v to="$((to / 1000))" '
		$1 > from && $1 <= to { n++; app += $2; if ($3 > pg) pg = $3; if ($6 > other) other = $6 }
		END { if (n) printf "%.0f %d %d", app / n, pg, other; else printf "n/a n/a n/a" }
	' "$out/cpu.txt")
	echo "$jvm $machine $cpu"
}

# warm-up: the JIT compiles the hot paths, the caches fill
wrk -t2 -c8 -d"${warmup}s" -s "$out/app.lua" "$base" > /dev/null 2>&1

declare -A result stops
for c in 8 32; do
	if [ "$c" = 8 ] && [ "${BENCH_PROFILE:-0}" = 1 ]; then
		jcmd "$app" JFR.start name=load settings=profile filename="$out/load.jfr" > /dev/null
	fi
	result[app$c]=$(measure "$c" "$base" "$out/app.lua")
	stops[$c]=$(stops_in $(cat "$out/window"))
	if [ "$c" = 8 ] && [ "${BENCH_PROFILE:-0}" = 1 ]; then
		jcmd "$app" JFR.stop name=load > /dev/null
	fi
	result[nginx$c]=$(measure "$c" "http://127.0.0.1:$nginx_port" "$out/static.lua")
	result[live$c]=$(measure "$c" "$base/actuator/health/liveness")
done

declare -A page
if [ "${BENCH_PER_PAGE:-0}" = 1 ]; then
	for url in "${urls[@]}"; do
		page[$url]=$(duration=${BENCH_PAGE_DURATION:-3} measure 8 "$base$url")
	done
fi

heap_used=$(jcmd "$app" GC.heap_info 2>/dev/null | awk '/garbage-first heap/ { for (i = 1; i <= NF; i++) if ($i == "used") print $(i + 1) }' | head -1)
rss=$(awk '/VmRSS/ { printf "%.0f MB", $2 / 1024 }' "/proc/$app/status")
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
actors=$(grep -oE 'Loaded demo directory: [0-9]+ actors' "$log" | head -1 || true)

echo
echo "Scale ${scale}x, heap $heap, $(nproc) cores, wrk 2 threads ${duration} s per measure after a ${warmup} s warm-up;"
echo "22 public pages ($((bytes / 1024)) KB in all), uncompressed. Load average before: $load_before; after: $load_after."
echo
echo "| measure | c | req/s | p50 (ms) | p99 (ms) | errors |"
echo "|---|---|---|---|---|---|"
for c in 8 32; do
	for what in app nginx live; do
		case $what in
			app) name="22 public pages, the application" ;;
			nginx) name="the same bytes, nginx" ;;
			live) name="\`/actuator/health/liveness\`" ;;
		esac
		read -r rps p50 p99 errors <<< "${result[$what$c]}"
		echo "| $name | $c | $rps | $p50 | $p99 | $errors |"
	done
done
echo
for c in 8 32; do
	read -r app_rps _ <<< "${result[app$c]}"
	read -r nginx_rps _ <<< "${result[nginx$c]}"
	read -r live_rps _ <<< "${result[live$c]}"
	awk -v c="$c" -v a="$app_rps" -v n="$nginx_rps" -v l="$live_rps" \
		'BEGIN { printf "Concurrency %d: application / nginx %.4f (1 / %.0f), application / liveness %.2f\n", c, a / n, n / a, a / l }'
done
echo
echo "During the mix: the JVM's stops (safepoints, GC pauses among them), the machine (vmstat, once a second)"
echo "and the CPU used each second in % of one core (the application's mean; PostgreSQL's and the other processes' most):"
echo
echo "| c | safepoints | stopped in all (ms) | longest stop (ms) | longest's cause | run queue, max | CPU steal, max (%) | application CPU, mean (%) | PostgreSQL CPU, max (%) | others' CPU, max (%) |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for c in 8 32; do
	read -r n stopped longest cause queue steal app_cpu pg_cpu other_cpu <<< "${stops[$c]}"
	echo "| $c | $n | $stopped | $longest | $cause | $queue | $steal | $app_cpu | $pg_cpu | $other_cpu |"
done
if [ "${BENCH_PER_PAGE:-0}" = 1 ]; then
	echo
	echo "Each page alone, concurrency 8, ${BENCH_PAGE_DURATION:-3} s:"
	echo
	echo "| page | req/s | p50 (ms) | p99 (ms) | errors |"
	echo "|---|---|---|---|---|"
	for url in "${urls[@]}"; do
		read -r rps p50 p99 errors <<< "${page[$url]}"
		echo "| \`$url\` | $rps | $p50 | $p99 | $errors |"
	done
fi
echo
echo "After the run: heap used ${heap_used:-n/a}, RSS $rss."
if [ "${BENCH_PROFILE:-0}" = 1 ]; then
	echo
	echo "Where the CPU went during the mix at concurrency 8 (Java Flight Recorder, $out/load.jfr):"
	echo
	jfr print --events jdk.ExecutionSample --stack-depth 256 "$out/load.jfr" | python3 src/bench/jfr-summary.py
fi
