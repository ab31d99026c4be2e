-- The ceiling scenarios: the same GET of one path, nothing else (path from BENCH_PATH).
local path = os.getenv("BENCH_PATH") or "/"

function request()
  return wrk.format("GET", path)
end
