#!/usr/bin/env bash
# Search latency beside the engine's own query for the same term, in one run (docs/benchmarks.md §14, issue 10 "Measure").
# For each term, alternating: N sequential requests to GET /api/v1/search?q= and to /search?q= (anonymous) of a running
# `kansa serve` started with the public cache off, and N runs of the engine's raw query in its own CLI:
#   SQLite: sqlite3 with .timer on: words of 3+ characters as one FTS5 trigram MATCH of quoted phrases, shorter words as
#           lower(col) LIKE '%word%' over Title, Names, Body (what SearchFindings sends), count(*) of the matches;
#   PostgreSQL: psql with \timing: the same LIKE on lower(col) for every word (served by the pg_trgm GIN indexes), count(*).
# count(*) is what the app must also do (it prints the number of hits); the app adds ranking, a page of 20 and rendering.
# Usage: bench/search-latency.sh URL sqlite FILE | URL pg CONNINFO      (env: N=11)
set -euo pipefail
url="${1:?usage: bench/search-latency.sh URL sqlite FILE|pg CONNINFO}"; engine="$2"; raw="$3"; n="${N:-11}"
terms=("再委託" "パスワード" "契約書" "DX" "監査" "業務委託 履行確認 手順 事務")

pct() { sort -n | awk -v p="$1" '{a[NR]=$1} END {i=int(NR*p/100+0.999); if (i<1) i=1; printf "%.1f", a[i]}'; }

sql_for() {
  local where="" fts="" w
  for w in $1; do
    local lw; lw=$(echo "$w" | tr 'A-Z' 'a-z')
    if [ "$engine" = sqlite ] && [ "${#w}" -ge 3 ]; then fts="$fts \"$w\""; continue; fi
    local col q='"'; [ "$engine" = sqlite ] && q=''
    local like="(lower(${q}Title${q}) LIKE '%$lw%' OR lower(${q}Names${q}) LIKE '%$lw%' OR lower(${q}Body${q}) LIKE '%$lw%')"
    where="${where:+$where AND }$like"
  done
  if [ -n "$fts" ]; then
    where="${where:+$where AND }FindingId IN (SELECT rowid FROM SearchFts WHERE SearchFts MATCH '${fts# }')"
  fi
  if [ "$engine" = sqlite ]; then echo "SELECT count(*) FROM SearchDocuments WHERE $where;"; else echo "SELECT count(*) FROM \"SearchDocuments\" WHERE $where;"; fi
}

raw_times() {
  local sql="$1"
  if [ "$engine" = sqlite ]; then
    { echo ".timer on"; for _ in $(seq 1 "$n"); do echo "$sql"; done; } | sqlite3 "$raw" | awk '/^Run Time/ {print $4 * 1000}'
  else
    { echo '\timing on'; for _ in $(seq 1 "$n"); do echo "$sql"; done; } | psql "$raw" -At | awk '/^Time:/ {print $2}'
  fi
}

http_times() {
  for _ in $(seq 1 "$n"); do curl -fsG -o /dev/null -w '%{time_total}\n' --data-urlencode "q=$2" "$url$1"; done | awk '{print $1 * 1000}'
}

echo "| q | hits (raw count) | raw query p50 / p95 | /api/v1/search p50 / p95 | /search p50 / p95 | api / raw (p50) | load |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for t in "${terms[@]}"; do
  sql=$(sql_for "$t")
  if [ "$engine" = sqlite ]; then hits=$(sqlite3 "$raw" "$sql"); else hits=$(psql "$raw" -Atc "$sql"); fi
  curl -fsG -o /dev/null --data-urlencode "q=$t" "$url/api/v1/search"   # first request of the term apart (plans, pages)
  r=$(raw_times "$sql"); a=$(http_times /api/v1/search "$t"); p=$(http_times /search "$t")
  ratio=$(awk -v x="$(echo "$a" | pct 50)" -v y="$(echo "$r" | pct 50)" 'BEGIN { printf "%.1f", x / (y > 0 ? y : 0.1) }')
  echo "| $t | $hits | $(echo "$r" | pct 50) / $(echo "$r" | pct 95) ms | $(echo "$a" | pct 50) / $(echo "$a" | pct 95) ms | $(echo "$p" | pct 50) / $(echo "$p" | pct 95) ms | $ratio | $(cut -d' ' -f1 /proc/loadavg) |"
done
echo "raw SQL of the last term: $sql"
