#!/usr/bin/env bash
# The first public pages right after a change (issue 18): what a visitor waits for when every kept
# page and figure has just become out of date.
#
#   src/bench/figures-change.sh [scale]        (default 1; 100 for the 100x directory)
#
# Needs a built jar (./mvnw -DskipTests package) and curl. Runs the jar with a 512 MB heap (1 GB above
# scale 1) on the embedded PostgreSQL in target/bench-<scale>x (or BENCH_DATA_DIR; generated there on
# first use), on a free loopback port, with the benchmarks' staff administrator (the one
# campaign.sh and import.sh create). Signs in as that administrator, warms every URL up, then
# BENCH_ROUNDS (10) times: changes an actor's status in the back office (active <-> dormant, as a
# moderator does; the content version moves), then requests each URL once, in order, and times it:
# the first /chiffres after the change (the figures of the whole directory brought up to date),
# then the home page, /acteurs and /pays (the page cache missed, the page rendered again).
# Prints Markdown: per URL the median and the slowest of the rounds, and the load average.
# Every request of the signed-in administrator keeps the cookies it is sent back: the CSRF token
# lives in a cookie, renewed after the sign-in (a form posted with a token whose cookie was not
# kept is refused with 403, which made the first runs stop with curl's exit code 22).
set -euo pipefail
cd "$(dirname "$0")/../.."

scale=${1:-1}
rounds=${BENCH_ROUNDS:-10}
data=${BENCH_DATA_DIR:-target/bench-${scale}x}
jar=${BENCH_JAR:-target/repertoire.jar}
if [ "$scale" = 1 ]; then heap=${BENCH_HEAP:-512m}; else heap=${BENCH_HEAP:-1g}; fi
admin=banc-d-essai@lianes.example
password="un mot de passe de banc d’essai"
out=target/figures-change-${scale}x
log=$out/app.log

[ -f "$jar" ] || ./mvnw -q -B -DskipTests package
port=${BENCH_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')}
base=http://127.0.0.1:$port
rm -rf "$out"
mkdir -p "$data" "$out"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

java -Xmx"$heap" -jar "$jar" --server.port="$port" --server.address=127.0.0.1 --repertoire.data-dir="$data" \
	--repertoire.demo.scale="$scale" --repertoire.admin.email="$admin" --repertoire.admin.password="$password" \
	--repertoire.admin.name="Banc d'essai" > "$log" 2>&1 &
app=$!
trap 'kill "$app" 2>/dev/null || true' EXIT
until curl -fs -o /dev/null "$base/actuator/health/readiness"; do
	kill -0 "$app" 2>/dev/null || { echo "the app stopped, see $log" >&2; exit 1; }
	sleep 0.5
done

jar_cookies=$out/cookies
csrf() { sed -nE '/name="_csrf" value="/{s/.*name="_csrf" value="([^"]+)".*/\1/p;q}'; }
version() { sed -nE '/name="version" value="/{s/.*name="version" value="([0-9]+)".*/\1/p;q}'; }
token=$(curl -fs -c "$jar_cookies" -b "$jar_cookies" "$base/connexion" | csrf)
[ -n "$token" ] || { echo "no CSRF token on /connexion" >&2; exit 1; }
signed=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar_cookies" -b "$jar_cookies" "$base/connexion" \
	--data-urlencode "_csrf=$token" --data-urlencode "email=$admin" --data-urlencode "motDePasse=$password")
case "$signed" in
	*erreur*|*connexion*) echo "sign-in refused ($signed): does $data have another administrator?" >&2; exit 1 ;;
esac
# an active, published actor of the directory (the latest changed, as the back office lists them)
actor=""
listed=$(curl -fs -b "$jar_cookies" -c "$jar_cookies" "$base/moderation/acteurs") || { echo "the back office refused the sign-in" >&2; exit 1; }
for id in $(grep -oE 'href="/moderation/acteurs/[0-9]+"' <<< "$listed" | grep -oE '[0-9]+' | sort -u | sed -n 1,20p); do
	page=$(curl -fs -b "$jar_cookies" -c "$jar_cookies" "$base/moderation/acteurs/$id")
	if grep -qE '<option value="ACTIVE" selected' <<< "$page" \
		&& grep -qE 'name="publier" value="false"' <<< "$page"; then actor=$id; break; fi
done
[ -n "$actor" ] || { echo "no active actor found in the back office" >&2; exit 1; }

urls=("/chiffres" "/" "/acteurs" "/pays")
for url in "${urls[@]}"; do curl -fs -o /dev/null "$base$url"; curl -fs -o /dev/null "$base$url"; done

status=DORMANT
for round in $(seq 1 "$rounds"); do
	page=$(curl -fs -b "$jar_cookies" -c "$jar_cookies" "$base/moderation/acteurs/$actor")
	version=$(version <<< "$page")
	token=$(csrf <<< "$page")
	curl -fs -o /dev/null -b "$jar_cookies" -c "$jar_cookies" "$base/moderation/acteurs/$actor/statut" \
		--data-urlencode "_csrf=$token" --data-urlencode "version=$version" --data-urlencode "statut=$status"
	for url in "${urls[@]}"; do
		curl -fs -o /dev/null -w "$url %{time_total}\n" "$base$url" >> "$out/times"
	done
	if [ "$status" = DORMANT ]; then status=ACTIVE; else status=DORMANT; fi
done
# back as it was
if [ "$status" = ACTIVE ]; then
	page=$(curl -fs -b "$jar_cookies" -c "$jar_cookies" "$base/moderation/acteurs/$actor")
	curl -fs -o /dev/null -b "$jar_cookies" -c "$jar_cookies" "$base/moderation/acteurs/$actor/statut" \
		--data-urlencode "_csrf=$(csrf <<< "$page")" --data-urlencode "version=$(version <<< "$page")" \
		--data-urlencode "statut=ACTIVE"
fi

echo
echo "Scale ${scale}x, heap $heap, $(nproc) cores, $rounds changes (an actor's status in the back office), each followed by"
echo "one request per URL in this order. Load average before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)."
echo
echo "| URL, first request after a change | median (ms) | slowest (ms) |"
echo "|---|---|---|"
for url in "${urls[@]}"; do
	awk -v u="$url" '$1 == u {print $2 * 1000}' "$out/times" | sort -n | awk -v u="$url" \
		'{a[NR] = $1} END {m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "| `%s` | %.1f | %.1f |\n", u, m, a[NR]}'
done
grep -E "Figures of the whole directory" "$log" | tail -3 | sed -E 's/.*(Figures of the whole directory.*)/\1/' \
	| sed 's/^/    /' || true
kill "$app" && wait "$app" 2>/dev/null || true
