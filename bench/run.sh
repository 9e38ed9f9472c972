#!/usr/bin/env bash
# Runs the whole measurement of docs/benchmarks.md: the machine, BenchmarkDotNet (a few minutes on
# 2 cores) and the wrk load test of the public pages. Results go to .build/benchmarks/.
# Usage: bench/run.sh [BenchmarkDotNet arguments, default: --filter '*']
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
out="$root/.build/benchmarks"
mkdir -p "$out"

{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "dotnet: $(dotnet --version)"
  echo "os: $(. /etc/os-release && echo "$PRETTY_NAME")"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out/machine.txt"

if [ $# -eq 0 ]; then set -- --filter '*'; fi
dotnet run -c Release --project bench/Kansa.Benchmarks -- "$@" | tee "$out/benchmarks.log"
bench/load.sh "$out/load" | tee "$out/load.md"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt"
