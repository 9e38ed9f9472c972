#!/usr/bin/env bash
# Load test of the public pages with Debian's wrk (docs/benchmarks.md).
# Serves two databases in turn on 127.0.0.1; for each page it times 5 single requests with curl (median),
# then runs `wrk -t2 -c16 -d15s --latency --timeout 30s` (wrk's default 2 s timeout would drop slow pages):
#   demo       ./kansa demo --no-serve (the fictional city: 3 audits, 44 findings)
#   ten-years  80 generated status reports (20 audits x 60 findings x 4 publications), via ./kansa import
# Usage: bench/load.sh [OUT_DIR]   (env: PORT=5199 DURATION=15s THREADS=2 CONNECTIONS=16)
# Prints a Markdown table; raw wrk output goes to OUT_DIR (default .build/benchmarks/load).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="${1:-$root/.build/benchmarks/load}"
port="${PORT:-5199}"
duration="${DURATION:-15s}"
threads="${THREADS:-2}"
connections="${CONNECTIONS:-16}"
base="http://127.0.0.1:$port"
mkdir -p "$out"
say() { printf '%s\n' "$*" >&2; }

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    say "load.sh: installing wrk"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq wrk >&2 || { apt-get update -qq >&2 && apt-get install -y -qq wrk >&2; }
  else
    say "load.sh: wrk is missing: apt-get install wrk"; exit 1
  fi
fi

server=""
stop_server() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  server=""
}
trap stop_server EXIT

# --- the databases ---------------------------------------------------------------------------
./kansa demo --db "$out/demo.db" --no-serve >&2
if [ ! -f "$out/ten-years.db" ]; then
  rm -rf "$out/ten-years"
  dotnet run -c Release --project bench/Kansa.Benchmarks -- generate "$out/ten-years" >&2
  ./kansa import "$out"/ten-years/*.txt --db "$out/ten-years.db" 2>/dev/null >&2
fi

# Japanese keys, URL-encoded: R5-包括外部監査 (in both databases) and its finding R5-指-3.
audit="/audits/R5-%E5%8C%85%E6%8B%AC%E5%A4%96%E9%83%A8%E7%9B%A3%E6%9F%BB"
finding="$audit/findings/R5-%E6%8C%87-3"
pages=("/" "$audit" "$finding" "/open-data/kansa.json")

echo "| data | page | bytes | 1 request (curl, median of 5) | requests/s | requests in $duration | latency avg | p50 | p99 | errors |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---|"
for data in demo ten-years; do
  ./kansa serve --db "$out/$data.db" --urls "$base" >"$out/serve-$data.log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do
    curl -fs -o /dev/null "$base/" && break
    sleep 0.5
  done
  for page in "${pages[@]}"; do
    status="$(curl -s -o "$out/page.body" -w '%{http_code}' "$base$page")"
    bytes="$(wc -c <"$out/page.body")"
    [ "$status" = 200 ] || { say "load.sh: $page gave HTTP $status"; exit 1; }
    single="$(for _ in 1 2 3 4 5; do curl -s -o /dev/null -w '%{time_total}\n' "$base$page"; done \
      | sort -n | sed -n 3p | awk '{printf "%.1f ms", $1 * 1000}')"
    name="$(printf '%s' "$page" | tr -c 'A-Za-z0-9.\n' '_')"
    f="$out/wrk-$data$name.txt"
    wrk -t"$threads" -c"$connections" -d"$duration" --latency --timeout 30s "$base$page" >"$f"
    count="$(awk '/requests in/ {print $1}' "$f")"
    rps="$(awk '/^Requests\/sec:/ {print $2}' "$f")"
    avg="$(awk '$1 == "Latency" && NF >= 4 {print $2; exit}' "$f")"
    p50="$(awk '$1 == "50%" {print $2}' "$f")"
    p99="$(awk '$1 == "99%" {print $2}' "$f")"
    errors="$(awk '/Non-2xx|Socket errors/ {sub(/^ +/, ""); printf "%s; ", $0}' "$f")"
    echo "| $data | \`$(printf '%b' "$(printf '%s' "$page" | sed 's/%/\\x/g')")\` | $bytes | $single | $rps | $count | $avg | $p50 | $p99 | ${errors:-none} |"
  done
  stop_server
done
