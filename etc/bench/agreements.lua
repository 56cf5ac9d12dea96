-- wrk script for etc/bench/agreements.sh: POST /api/cases/{id}/agreement, each request a different concluded case from
-- IDS_FILE (one id per line) — an agreement is issued once per case, so no id is used twice. Thread k of n takes the
-- ids k, k+n, k+2n …; a thread whose ids run out stops (the summary then says how many were sent). For the baseline:
-- no IDS_FILE, every request POSTs BENCH_PATH. Env: TOKEN (bearer; none for the baseline), IDS_FILE, BENCH_PATH.
local token = os.getenv("TOKEN")
local ids_file = os.getenv("IDS_FILE")
local path = os.getenv("BENCH_PATH") or "/documents"
local threads = {}
local ids = {}
local next_index = 0
local step = 1

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_index", #threads)
end

function init(args)
  if ids_file and ids_file ~= "" then
    for line in io.lines(ids_file) do
      if line ~= "" then table.insert(ids, line) end
    end
  end
  step = tonumber(os.getenv("THREADS") or "1")
  next_index = thread_index
end

function request()
  local headers = { ["Content-Type"] = "application/json" }
  if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
  if #ids == 0 then return wrk.format("POST", path, headers, "") end
  if next_index > #ids then
    wrk.thread:stop()
    return wrk.format("GET", "/health/live", headers)
  end
  local id = ids[next_index]
  next_index = next_index + step
  return wrk.format("POST", "/api/cases/" .. id .. "/agreement", headers, "")
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1000000
  io.write(string.format("RESULT rps=%.1f p50=%.1f p99=%.1f requests=%d timeouts=%d non2xx=%d errors=%d\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests,
    summary.errors.timeout, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write))
end
