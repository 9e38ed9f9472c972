#!/usr/bin/env bash
# Runs every Kansa test against real parts: a SQLite file, a throwaway PostgreSQL cluster started here
# (initdb --locale=C.UTF-8, loopback only), Kestrel on loopback and Debian's Chromium.
# Installs what is missing with non-interactive apt-get when run as root.
# Before anything else, it runs the README's first command exactly as a newcomer types it.
# The last line printed is "N passed, N failed, N skipped".
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
work="$(mktemp -d /tmp/kansa-test.XXXXXX)"
chmod 755 "$work"
passed=0
failed=0
skipped=0

say() { printf '%s\n' "$*" >&2; }

finish() {
  if [ -n "${PGBIN:-}" ] && [ -f "$work/pg/postmaster.pid" ]; then
    run_pg "$PGBIN/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1
  fi
  rm -rf "$work"
}
trap finish EXIT

# --- what the tests need -------------------------------------------------------------------
pg_initdb() { ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1; }
missing=()
[ -n "$(pg_initdb)" ] || missing+=(postgresql postgresql-contrib)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list 2>/dev/null | grep -qi "IPAex" || missing+=(fonts-ipaexfont)
# pdftoppm: the PDF tests write page 1 as a PNG for people to look at.
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v dotnet >/dev/null 2>&1 || { say "test.sh: .NET SDK (dotnet) がありません"; echo "0 passed, 1 failed"; exit 1; }
# npm: the build runs `npm ci` for the app's design tokens (src/Kansa) and the tests' axe-core (tests/Kansa.Tests).
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    say "test.sh: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 \
      || say "test.sh: apt-get failed for ${missing[*]}"
  else
    say "test.sh: missing ${missing[*]}; run as root once, or install them with apt-get"
  fi
fi

# --- the README's first command, exactly as written, on this checkout ----------------------
# ./kansa demo in the background (its own process group, so that SIGINT reaches it as Ctrl+C would),
# fetch the address it prints, then Ctrl+C and expect a clean exit.
readme_demo() {
  local pid url code=1 i
  set -m
  # A shell started in the background by another script inherits SIGINT as ignored and cannot reset it; env gives
  # the demo the default disposition back, as a terminal would, so that Ctrl+C is what is tested.
  env --default-signal=INT ./kansa demo >"$work/demo.out" 2>"$work/demo.err" &
  pid=$!
  set +m
  for i in $(seq 1 600); do
    url="$(grep -o 'http://[^ ]*' "$work/demo.out" 2>/dev/null | head -1)"
    [ -n "$url" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if [ -n "$url" ] && curl -fsS -o "$work/demo.html" "$url" && grep -q '<h1' "$work/demo.html"; then
    kill -INT "$pid"
    wait "$pid"
    code=$?
    [ "$code" -eq 0 ] || say "test.sh: ./kansa demo exited with $code after Ctrl+C"
  else
    say "test.sh: ./kansa demo did not serve a page (${url:-no address printed})"
    kill -INT "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  fi
  [ "$code" -eq 0 ] || { sed 's/^/    /' "$work/demo.err" | tail -20 >&2; return 1; }
}
if readme_demo; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
  say "FAILED: the README's ./kansa demo"
fi

# --- a throwaway PostgreSQL cluster ---------------------------------------------------------
run_pg() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; else "$@"; fi
}
free_port() {
  local p
  for p in $(seq 55432 55532); do
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
}
if [ -n "$(pg_initdb)" ]; then
  PGBIN="$(dirname "$(pg_initdb)")"
  mkdir -p "$work/pg"
  [ "$(id -u)" = 0 ] && chown postgres "$work/pg"
  port="$(free_port)"
  if run_pg "$PGBIN/initdb" -D "$work/pg" -E UTF8 --locale=C.UTF-8 -A trust -U postgres >/dev/null \
     && run_pg "$PGBIN/pg_ctl" -D "$work/pg" -l "$work/pg/log" -w \
          -o "-p $port -k $work/pg -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null; then
    export KANSA_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    say "test.sh: PostgreSQL on 127.0.0.1:$port"
  else
    say "test.sh: PostgreSQL did not start; the PostgreSQL tests will fail"
  fi
fi

# --- every test project ----------------------------------------------------------------------
# The one input from outside the repository: the real publication, read in place, never copied.
# Tests that need it are skipped (and counted below) when it is absent.
export KANSA_SEEDS="${KANSA_SEEDS:-$root/../shared/seeds}"
[ -d "$KANSA_SEEDS" ] || say "test.sh: no seed publication at $KANSA_SEEDS; the tests that read it are skipped"
dotnet test "$root/Kansa.slnx" --nologo -v quiet \
  --logger "trx" --results-directory "$work/results" >&2
status=$?
shopt -s nullglob
trx=("$work"/results/*.trx)
if [ ${#trx[@]} -eq 0 ]; then
  say "test.sh: the tests did not run (build failure?)"
  failed=$((failed + 1))
fi
for f in "${trx[@]}"; do
  counters="$(grep -o '<Counters [^>]*>' "$f" | head -1)"
  p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  x="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  # Skipped tests are counted in total but not in executed (notExecuted stays 0 for them).
  t="$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")"
  e="$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  k=$(( ${t:-0} - ${e:-0} ))
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${x:-0}))
  skipped=$((skipped + ${k:-0}))
done
if [ $status -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=$((failed + 1))
fi

# --- the launcher, as a user runs it -----------------------------------------------------
check() {
  local name="$1"; shift
  if "$@" >"$work/check.out" 2>"$work/check.err"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    say "FAILED launcher check: $name"
    sed 's/^/    /' "$work/check.err" | tail -20 >&2
  fi
}
launcher_export_is_clean_json() {
  local seed
  local seeds=("$KANSA_SEEDS"/*.txt)  # nullglob is on: an empty list when the seed folder is absent
  seed="${seeds[0]:-$root/samples/demo/01_R4-houkatsu_R7-08.txt}"
  ./kansa import "$seed" --db "$work/launcher.db" >/dev/null &&
    ./kansa export --db "$work/launcher.db" --format json >"$work/launcher.json" &&
    grep -q '"schema": "kansa/1"' "$work/launcher.json" &&
    head -c 1 "$work/launcher.json" | grep -q '{'
}
launcher_check_reports_line() {
  printf '令和5年度包括外部監査の結果に対する対応状況(令和7年8月現在)\n番号\t報告書頁\t区分\t所管課\t内容\t対応区分(公表年月)\t措置(対応)の内容\nR5-指-1\tP1\t指摘\n' >"$work/bad.txt"
  ! ./kansa check "$work/bad.txt" >/dev/null 2>"$work/bad.err" && grep -q "bad.txt:3:" "$work/bad.err"
}
check "./kansa --help" ./kansa --help
check "./kansa export writes clean JSON to stdout" launcher_export_is_clean_json
check "./kansa check reports FILE:LINE and exits non-zero" launcher_check_reports_line
check "./kansa demo --no-serve" ./kansa demo --db "$work/demo.db" --no-serve

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
