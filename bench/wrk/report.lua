-- Shared by reads.lua and writes.lua: numbers each thread, and at the end prints one line
-- of JSON that bench/wrk_runner.py parses (wrk's own summary is for people).
local threads, count = {}, 0

function setup(thread)
   thread:set("id", count)
   count = count + 1
   table.insert(threads, thread)
end

function done(summary, latency, requests)
   local server_errors, busy = 0, 0
   for _, thread in ipairs(threads) do
      server_errors = server_errors + (thread:get("server_errors") or 0)
      busy = busy + (thread:get("busy") or 0)
   end
   local e = summary.errors
   io.write(string.format(
      'BENCH_RESULT {"requests": %d, "duration_us": %d, "p50_us": %.0f, "p99_us": %.0f, '
         .. '"connect_errors": %d, "read_errors": %d, "write_errors": %d, "timeouts": %d, '
         .. '"status_errors": %d, "server_errors": %d, "busy": %d}\n',
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
      e.connect, e.read, e.write, e.timeout, e.status, server_errors, busy))
end
