#!/usr/bin/env bash
# Mixed load of 200 concurrent users (docs/reliability.md, "負荷 (200 同時利用者)"): public pages and the staff API
# with personal tokens, reads and writes (drafts, two simultaneous edits of one version, submits, approvers' returns), on
# 127.0.0.1 against the built app serving a copy of the generated ten-years data set (bench/load.sh makes it).
# Every wrk connection is one user without think time; wrk's script bench/load-mixed.lua counts the statuses.
# Usage: bench/load-mixed.sh [OUT_DIR]
#   env: DURATION=10m USERS=200 THREADS=2 PORT=5261 EDITORS=8 STAFF_PERCENT=30 DATA=ten-years|demo
# Exit code 0 only with no errors: no 4xx/5xx other than the expected 409s, no socket errors or timeouts, and the
# audit log still verifies afterwards.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="${1:-$root/.build/benchmarks/load-mixed}"
duration="${DURATION:-10m}"
users="${USERS:-200}"
threads="${THREADS:-2}"
port="${PORT:-5261}"
editors="${EDITORS:-8}"
staff_percent="${STAFF_PERCENT:-30}"
data="${DATA:-ten-years}"
base="http://127.0.0.1:$port"
password="load-test-Kansa-Hinoki-2026"
mkdir -p "$out"
say() { printf 'load-mixed.sh: %s\n' "$*" >&2; }

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    say "installing wrk"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq wrk >&2 || { apt-get update -qq >&2 && apt-get install -y -qq wrk >&2; }
  else
    say "wrk is missing: apt-get install wrk"; exit 1
  fi
fi

server=""
stop_server() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill "$server" 2>/dev/null || true  # TERM: a background job of a script ignores SIGINT
    wait "$server" 2>/dev/null || true
  fi
  server=""
}
trap stop_server EXIT

# --- the data set: a fresh copy, since the run writes ------------------------------------------
source_db="$root/.build/benchmarks/load/$data.db"
if [ ! -f "$source_db" ]; then
  mkdir -p "$(dirname "$source_db")"
  if [ "$data" = demo ]; then
    ./kansa demo --db "$source_db" --no-serve >&2
  else
    gen="$root/.build/benchmarks/load/ten-years"
    rm -rf "$gen"
    dotnet run -c Release --project bench/Kansa.Benchmarks -- generate "$gen" >&2
    ./kansa import "$gen"/*.txt --db "$source_db" >/dev/null
  fi
fi
# --- accounts and tokens: a coordinator, an auditor, an editor and an approver for each of the largest departments
# Made once per data set and number of editors (each `kansa user add` is a process start and a password hash),
# kept in $out/accounts-*.db with the tokens beside it; every run then starts from a fresh copy of that file.
accounts="$out/accounts-v3-$data-$editors"
# A database file travels with its change-log key (kept beside it: FILE.audit-key), or its log no longer verifies.
with_key() {
  local op="$1" from="$2" to="$3" ext
  for ext in .audit-key .audit-key.pub; do
    rm -f "$to$ext"
    if [ -f "$from$ext" ]; then $op "$from$ext" "$to$ext"; fi
  done
}
if [ ! -f "$accounts.db" ] || [ ! -f "$accounts.tokens" ] || [ "$source_db" -nt "$accounts.db" ]; then
  rm -f "$accounts.db" "$accounts.tokens"
  cp "$source_db" "$accounts.partial.db"
  with_key cp "$source_db" "$accounts.partial.db"
  ./kansa export --db "$accounts.partial.db" --format json >"$out/data.json"
  mapfile -t departments < <(python3 - "$out/data.json" "$editors" <<'PY'
import json, sys, collections
doc = json.load(open(sys.argv[1], encoding="utf-8"))
count = collections.Counter(d for a in doc["audits"] for f in a["findings"] for d in f["departments"])
for name, _ in count.most_common(int(sys.argv[2])):
    print(name)
PY
)
  adduser() { printf '%s\n' "$password" | ./kansa user add "$@" --password-stdin --db "$accounts.partial.db" >/dev/null; }
  token() { ./kansa token create "$1" --name load --db "$accounts.partial.db" 2>/dev/null; }
  # One after another: each command is a process start and a password hash (parallel ones no longer lock since migrations take a file lock, but only compete for the cores).
  adduser load-co --role coordinator
  adduser load-au --role auditor
  {
    printf 'coordinator\t%s\n' "$(token load-co)"
    printf 'auditor\t%s\n' "$(token load-au)"
    for i in "${!departments[@]}"; do
      adduser "load-ed-$i" --role editor --department "${departments[$i]}"
      adduser "load-ap-$i" --role approver --department "${departments[$i]}"
      printf '%s\t%s\t%s\n' "${departments[$i]}" "$(token "load-ed-$i")" "$(token "load-ap-$i")"
    done
  } >"$accounts.partial.tokens"
  mv "$accounts.partial.tokens" "$accounts.tokens"
  for ext in -wal -shm ""; do  # the CLI checkpoints on exit; moved together in case a -wal is left
    if [ -f "$accounts.partial.db$ext" ]; then mv "$accounts.partial.db$ext" "$accounts.db$ext"; fi
  done
  with_key mv "$accounts.partial.db" "$accounts.db"
fi
db="$out/mixed.db"
rm -f "$db" "$db-wal" "$db-shm"
for ext in "" -wal; do
  if [ -f "$accounts.db$ext" ]; then cp "$accounts.db$ext" "$db$ext"; fi
done
with_key cp "$accounts.db" "$db"
./kansa export --db "$db" --format json >"$out/data.json"
coordinator="$(awk -F'\t' '$1 == "coordinator" {print $2}' "$accounts.tokens")"
auditor="$(awk -F'\t' '$1 == "auditor" {print $2}' "$accounts.tokens")"
grep -v '^coordinator\|^auditor' "$accounts.tokens" >"$out/editors.tsv"
say "$(wc -l <"$out/editors.tsv") departments with an editor and an approver, a coordinator and an auditor, with tokens"

# --- the paths and tokens for the wrk script -------------------------------------------------------------
python3 - "$out/data.json" "$out/editors.tsv" "$coordinator" "$auditor" "$threads" "$staff_percent" >"$out/data.lua" <<'PY'
import json, sys, urllib.parse
doc = json.load(open(sys.argv[1], encoding="utf-8"))
q = lambda s: urllib.parse.quote(s, safe="")
lua = lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
audits, findings, reports, by_department = [], [], [], {}
staffed = {line.split("\t")[0] for line in open(sys.argv[2], encoding="utf-8")}
for a in doc["audits"]:
    audit = "/audits/" + q(a["key"])
    audits.append(audit)
    reports += [audit + "/report.json", audit + "/report.csv", audit + "/report.txt"]
    for f in a["findings"]:
        findings.append(audit + "/findings/" + q(f["number"]))
        # A finding of two departments is drafted by one editor only: a second draft would be refused (400).
        for d in [d for d in f["departments"] if d in staffed][:1]:
            by_department.setdefault(d, []).append({
                "responses": f"/api/v1/findings/{q(f['number'])}/responses?audit={q(a['key'])}",
                "record": f"/api/v1/findings/{q(f['number'])}?audit={q(a['key'])}",
            })
editors = []
for line in open(sys.argv[2], encoding="utf-8"):
    name, token, approver = line.rstrip("\n").split("\t")
    fs = ", ".join("{responses = %s, record = %s}" % (lua(f["responses"]), lua(f["record"])) for f in by_department.get(name, []))
    editors.append("{token = %s, approver = %s, findings = {%s}}" % (lua(token), lua(approver), fs))
print("return {")
print("  threads = %s, staffPercent = %s," % (sys.argv[5], sys.argv[6]))
print("  coordinator = %s, auditor = %s," % (lua(sys.argv[3]), lua(sys.argv[4])))
for name, items in (("audits", audits), ("findings", findings), ("reports", reports)):
    print("  %s = {%s}," % (name, ", ".join(lua(i) for i in items)))
print("  editors = {%s}," % ", ".join(editors))
print("}")
PY

# --- serve and load ---------------------------------------------------------------------------------
./kansa serve --db "$db" --urls "$base" >"$out/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "$base/" && break
  sleep 0.5
done
curl -fs -o /dev/null "$base/" || { say "the server did not start (see $out/serve.log)"; exit 1; }
say "$users users for $duration on $base (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
KANSA_LOAD_DATA="$out/data.lua" wrk -t"$threads" -c"$users" -d"$duration" --latency --timeout 30s \
  -s bench/load-mixed.lua "$base" | tee "$out/wrk.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/wrk.txt"
kill -0 "$server" 2>/dev/null || { say "the server died during the run (see $out/serve.log)"; exit 1; }
stop_server
if grep -q ' 500 \|Unhandled exception\|fail: ' "$out/serve.log"; then
  say "the server logged failures:"; grep -m5 ' 500 \|Unhandled exception\|fail: ' "$out/serve.log" >&2
fi

./kansa change-log verify --db "$db" | tee -a "$out/wrk.txt"
errors="$(awk '/^errors:/ {print $2}' "$out/wrk.txt")"
[ "$errors" = 0 ] || { say "$errors errors"; exit 1; }
