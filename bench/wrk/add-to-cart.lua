-- Add to cart: POST /s/bench/cart/add with a valid CSRF token, as a shopper of its own per
-- connection. Run with as many threads as connections (-t N -c N): wrk keeps script state per
-- thread, so each connection has its own cookies. A connection's first request is a GET of a
-- random product page, which gives it its CSRF cookie and token (forms carry the token;
-- no session is made) and the page's variant ids; every later request adds one of those
-- variants (quantity 1; a line stops at 99), keeping the cart cookie the first add set.
-- Counted: 303 (added) and anything else (refused); done() prints them.
local products = tonumber(os.getenv("BENCH_PRODUCTS") or "10000")
local counter = 0
local threads = {}
local csrf_cookie, cart_cookie, token = nil, nil, nil
local variants = {}
added, refused = 0, 0

function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() + (seed or 0) * 7919)
end

local function cookies()
  local all = {}
  if csrf_cookie then table.insert(all, csrf_cookie) end
  if cart_cookie then table.insert(all, cart_cookie) end
  return table.concat(all, "; ")
end

function request()
  if not token then
    return wrk.format("GET", string.format("/s/bench/products/bench-%05d", math.random(1, products)))
  end
  local body = "variant=" .. variants[math.random(1, #variants)] .. "&quantity=1&_csrf=" .. token
  return wrk.format("POST", "/s/bench/cart/add", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = cookies(),
  }, body)
end

local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function response(status, headers, body)
  local set = headers["Set-Cookie"] or headers["set-cookie"] or ""
  csrf_cookie = set:match("(misemori_csrf=[^;]+)") or csrf_cookie
  cart_cookie = set:match("(misemori_cart_[^;]+)") or cart_cookie
  if not token then
    local masked = body:match('name="_csrf" value="([^"]+)"')
    for id in body:gmatch('<option value="(%d+)"') do table.insert(variants, id) end
    if masked and #variants > 0 then token = encode(masked) end
    return
  end
  if status == 303 then added = added + 1 else refused = refused + 1 end
end

function done(summary, latency, requests)
  local total, bad = 0, 0
  for _, t in ipairs(threads) do
    total = total + t:get("added")
    bad = bad + t:get("refused")
  end
  io.write(string.format("ADDED=%d REFUSED=%d\n", total, bad))
end
