-- wrk -s bench/percentiles.lua: one line with requests/s and the p50, p95 and p99 latencies in milliseconds
-- (wrk's own --latency table has no p95). Used by bench/page-latency.sh.
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT rps=%.1f p50=%.1f p95=%.1f p99=%.1f requests=%d errors=%d\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
