#!/usr/bin/env bash
# Public pages from the cache against nginx serving the same bytes from files, in one run (docs/benchmarks.md, section 12).
# Imports the seed publication into a new database (SQLite by default, or --db for PostgreSQL), starts `kansa serve`,
# saves each page's body with curl, serves those files with nginx (worker_processes auto, access_log off), then runs
# `wrk -t2 -c16 -d10s --latency` against nginx and Kansa, page by page, alternating, ROUNDS times (the machine is shared:
# each ratio compares two runs made one after the other).
# Usage: bench/public-cache.sh SEED.txt [--db DB] [--no-cache]   (env: PORT=5198 NGINX_PORT=5197 DURATION=10s ROUNDS=3 ENCODING=)
# ENCODING=gzip sends Accept-Encoding: gzip to both (nginx then serves a .gz file made with gzip -6, gzip_static).
# Prints a Markdown table; raw wrk output goes to .build/benchmarks/public-cache.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seed="${1:?usage: bench/public-cache.sh SEED.txt [--db DB] [--no-cache]}"; shift
db=""; cache=true
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db="$2"; shift 2 ;;
    --no-cache) cache=false; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
out="$root/.build/benchmarks/public-cache"
port="${PORT:-5198}"; nport="${NGINX_PORT:-5197}"; duration="${DURATION:-10s}"; encoding="${ENCODING:-}"; rounds="${ROUNDS:-3}"
rm -rf "$out"; mkdir -p "$out/www" "$out/nginx"
[ -n "$db" ] || db="$out/seed.db"
cd "$root"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

./kansa db migrate --db "$db" >&2
./kansa import "$seed" --db "$db" >&2
KANSA_Kansa__PublicCache__Enabled="$cache" ./kansa serve --db "$db" --urls "http://127.0.0.1:$port" >"$out/serve.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done

cat >"$out/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $out/nginx/nginx.pid;
error_log $out/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $out/nginx; proxy_temp_path $out/nginx; fastcgi_temp_path $out/nginx; uwsgi_temp_path $out/nginx; scgi_temp_path $out/nginx;
  default_type text/html;
  gzip_static on;
  server { listen 127.0.0.1:$nport; root $out/www; etag on; }
}
CONF
nginx -c "$out/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)

# R5-包括外部監査 and its finding R5-指-3, URL-encoded.
audit="/audits/R5-%E5%8C%85%E6%8B%AC%E5%A4%96%E9%83%A8%E7%9B%A3%E6%9F%BB"
finding="$audit/findings/R5-%E6%8C%87-3"
header=(); [ -n "$encoding" ] && header=(-H "Accept-Encoding: $encoding")

echo "| page | body bytes | round | server | requests/s | p50 | p99 | ratio to nginx |"
echo "|---|---:|---:|---|---:|---:|---:|---:|"
for round in $(seq 1 "$rounds"); do
for page in audit finding; do
  path="$audit"; [ "$page" = finding ] && path="$finding"
  curl -fs "http://127.0.0.1:$port$path" -o "$out/www/$page.html"
  gzip -6 -kf "$out/www/$page.html"
  curl -fs "http://127.0.0.1:$port$path" >/dev/null   # the cache is filled by now
  bytes=$(stat -c %s "$out/www/$page.html")
  declare -A rps=()
  for server in nginx kansa; do
    url="http://127.0.0.1:$nport/$page.html"; [ "$server" = kansa ] && url="http://127.0.0.1:$port$path"
    raw="$out/wrk-$page-$server-$round.txt"
    wrk -t2 -c16 -d"$duration" --latency "${header[@]}" "$url" >"$raw"
    rps[$server]=$(awk '/^Requests\/sec/ {print $2}' "$raw")
    p50=$(awk '$1=="50%" {print $2}' "$raw")
    p99=$(awk '$1=="99%" {print $2}' "$raw")
    ratio=""; [ "$server" = kansa ] && ratio=$(awk -v k="${rps[kansa]}" -v n="${rps[nginx]}" 'BEGIN { printf "%.0f %%", 100 * k / n }')
    echo "| $page | $bytes | $round | $server | ${rps[$server]} | $p50 | $p99 | $ratio |"
  done
done
done
