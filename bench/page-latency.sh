#!/usr/bin/env bash
# Page latency at scale, in one run (docs/benchmarks.md §14): starts two `kansa serve` on the same database, one with
# the public cache (warm) and one without (KANSA_Kansa__PublicCache__Enabled=false: every request reads the database
# and renders), saves each page's body with curl and serves those bytes with nginx; then, page by page:
#   single: SINGLE sequential curl requests to the uncached instance (the first one reported apart), p50/p95;
#   wrk -t2 -c16 -d$DURATION against nginx, the cached instance and the uncached one (p50/p95/p99, bench/percentiles.lua).
# Also the RSS of each serve process: idle (after start and one request per page) and its peak (VmHWM) at the end.
# Usage: bench/page-latency.sh DB PATH...   (DB: SQLite file or PostgreSQL connection string; PATHs URL-encoded)
# A page with no answer within MAXTIME seconds (default 300) is reported as such and skipped.
# env: PORT=5196 (cached; PORT+1 uncached) NGINX_PORT=5195 DURATION=10s SINGLE=11 OUT=.build/benchmarks/page-latency
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
db="${1:?usage: bench/page-latency.sh DB PATH...}"; shift
port="${PORT:-5196}"; cold=$((port + 1)); nport="${NGINX_PORT:-5195}"; duration="${DURATION:-10s}"; single="${SINGLE:-11}"; maxtime="${MAXTIME:-300}"
out="${OUT:-$root/.build/benchmarks/page-latency}"
rm -rf "$out"; mkdir -p "$out/www" "$out/nginx"
cd "$root"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

KANSA_Kansa__PublicCache__Enabled=true ./kansa serve --db "$db" --urls "http://127.0.0.1:$port" >"$out/serve-warm.log" 2>&1 &
warm_pid=$!; pids+=($warm_pid)
KANSA_Kansa__PublicCache__Enabled=false ./kansa serve --db "$db" --urls "http://127.0.0.1:$cold" >"$out/serve-cold.log" 2>&1 &
cold_pid=$!; pids+=($cold_pid)
for p in $port $cold; do for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$p/healthz" >/dev/null && break; sleep 0.5; done; done

cat >"$out/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $out/nginx/nginx.pid;
error_log $out/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $out/nginx; proxy_temp_path $out/nginx; fastcgi_temp_path $out/nginx; uwsgi_temp_path $out/nginx; scgi_temp_path $out/nginx;
  default_type text/html;
  server { listen 127.0.0.1:$nport; root $out/www; etag on; }
}
CONF
nginx -c "$out/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)

# The dotnet process under the ./kansa launcher (exec, so the same pid).
rss() { awk -v f="$2:" '$1==f {print int($2/1024)}' "/proc/$1/status"; }

# One request per page to each instance (JIT, connection pool), bodies saved for nginx.
i=0
for path in "$@"; do
  i=$((i + 1))
  curl -fs --max-time "$maxtime" -o /dev/null "http://127.0.0.1:$port$path" &   # fills the cache meanwhile
  fill=$!
  curl -fs --max-time "$maxtime" -o "$out/www/p$i.html" -w '%{time_total}' "http://127.0.0.1:$cold$path" >"$out/first-$i.txt" || echo timeout >"$out/first-$i.txt"
  wait "$fill" || true
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)   idle RSS: cached $(rss $warm_pid VmRSS) MB, uncached $(rss $cold_pid VmRSS) MB"

wrkrun() { wrk -t2 -c16 -d"$duration" --timeout 30s -s bench/percentiles.lua "$1" >"$2"; sed -n 's/^RESULT //p' "$2"; }
field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }

echo "| page | bytes | first (uncached) | single p50 / p95 (uncached) | nginx req/s, p95 | cached req/s, p50 / p95 / p99 | uncached req/s, p50 / p95 / p99 | cached / nginx | load |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
i=0
for path in "$@"; do
  i=$((i + 1))
  if grep -q timeout "$out/first-$i.txt"; then
    echo "| \`$(printf '%b' "${path//%/\\x}")\` | | > $maxtime s (no answer) | | | | | | $(cut -d' ' -f1 /proc/loadavg) |"; continue
  fi
  bytes=$(stat -c %s "$out/www/p$i.html")
  # A page whose second request takes over 3 s uncached gets 3 single requests and no uncached wrk run (it would finish none in $duration).
  second=$(curl -fs --max-time "$maxtime" -o /dev/null -w '%{time_total}' "http://127.0.0.1:$cold$path")
  slow=$(awk -v t="$second" 'BEGIN {print (t > 3) ? 1 : 0}'); count=$single; [ "$slow" = 1 ] && count=3
  times=$(for _ in $(seq 1 "$count"); do curl -fs -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$cold$path"; done | sort -n)
  sp50=$(echo "$times" | awk -v n="$count" 'NR == int((n + 1) / 2) {printf "%.0f", $1 * 1000}')
  sp95=$(echo "$times" | awk -v n="$count" 'NR == int(n * 0.95 + 0.999) {printf "%.0f", $1 * 1000}')
  n=$(wrkrun "http://127.0.0.1:$nport/p$i.html" "$out/wrk-$i-nginx.txt")
  w=$(wrkrun "http://127.0.0.1:$port$path" "$out/wrk-$i-cached.txt")
  c="rps=- p50=- p95=- p99=-"; [ "$slow" = 1 ] || c=$(wrkrun "http://127.0.0.1:$cold$path" "$out/wrk-$i-uncached.txt")
  ratio=$(awk -v k="$(field "$w" rps)" -v g="$(field "$n" rps)" 'BEGIN { printf "%.0f %%", 100 * k / g }')
  first=$(awk '{printf "%.0f", $1 * 1000}' "$out/first-$i.txt")
  echo "| \`$(printf '%b' "${path//%/\\x}")\` | $bytes | $first ms | $sp50 / $sp95 ms (n=$count) | $(field "$n" rps), $(field "$n" p95) ms | $(field "$w" rps), $(field "$w" p50) / $(field "$w" p95) / $(field "$w" p99) ms | $(field "$c" rps), $(field "$c" p50) / $(field "$c" p95) / $(field "$c" p99) ms | $ratio | $(cut -d' ' -f1 /proc/loadavg) |"
done
echo "RSS at the end: cached $(rss $warm_pid VmRSS) MB (peak $(rss $warm_pid VmHWM) MB), uncached $(rss $cold_pid VmRSS) MB (peak $(rss $cold_pid VmHWM) MB)"
