-- One shopper signing in again and again on the demo shop's storefront, as wrk drives it:
-- each connection alternates GET the sign-in page (for the session's CSRF token) and POST the
-- email and password. Run with as many threads as connections (-t N -c N): wrk keeps script
-- state per thread, so one connection per thread keeps each page paired with its own POST.
local email = os.getenv("BENCH_EMAIL")
local password = os.getenv("BENCH_PASSWORD")
local path = "/s/demo/account/login"
local cookie, token, posting = nil, nil, false
signins, refused = 0, 0

local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function request()
  local headers = {}
  if cookie then headers["Cookie"] = cookie end
  if token then
    posting = true
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    local body = "email=" .. encode(email) .. "&password=" .. encode(password) .. "&_csrf=" .. encode(token)
    return wrk.format("POST", path, headers, body)
  end
  posting = false
  return wrk.format("GET", path, headers)
end

function response(status, headers, body)
  local set = headers["Set-Cookie"] or headers["set-cookie"]
  if set then cookie = set:match("(MISEMORI_SESSION=[^;]+)") or cookie end
  if posting then
    -- A signed-in shopper is sent on to their page; anything else is a refusal.
    if status == 302 then signins = signins + 1 else refused = refused + 1 end
    token = nil
  else
    token = body:match('name="_csrf" value="([^"]+)"')
  end
end

local threads = {}
function setup(thread) table.insert(threads, thread) end

function done(summary, latency, requests)
  local total, bad = 0, 0
  for _, t in ipairs(threads) do
    total = total + t:get("signins")
    bad = bad + t:get("refused")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("SIGNINS=%d REFUSED=%d SECONDS=%.1f SIGNINS_PER_S=%.1f\n", total, bad, seconds, total / seconds))
end
