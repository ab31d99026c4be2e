-- Place order: a guest's checkout paying by bank transfer, as a shopper of its own per
-- connection (run with -t N -c N: wrk keeps script state per thread). A connection first GETs
-- a random product page (its CSRF cookie and token, its variant ids), adds one variant, and
-- posts the checkout form once to read the confirmation's digest. From then on it repeats
-- what a buying shopper does: add the variant to the (emptied) cart, then POST "place order"
-- with a fresh checkout key and the confirmed digest. Counted: 303 on /checkout/place (an
-- order placed) and anything else from place or add (refused); done() prints them, and the
-- benchmark divides PLACED by the run's seconds for orders/s.
local products = tonumber(os.getenv("BENCH_PRODUCTS") or "10000")
local counter = 0
local threads = {}
local csrf_cookie, cart_cookie, token, variant, digest = nil, nil, nil, nil, nil
local phase = "page"
placed, refused = 0, 0

local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local form = table.concat({
  "name=" .. encode("山田 花子"), "kana=" .. encode("ヤマダ ハナコ"), "email=bench%40example.jp",
  "phone=0312345678", "postalCode=1000001", "prefecture=13", "address=" .. encode("千代田区千代田1-1"),
  "building=", "recipientSame=true", "recipientName=", "recipientPhone=", "deliveryDate=", "deliverySlot=",
  "payment=BANK_TRANSFER", "couponCode=", "points=", "note=" }, "&")

local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

local function checkout_key()
  local key = {}
  for i = 1, 43 do
    local n = math.random(1, 64)
    key[i] = alphabet:sub(n, n)
  end
  return table.concat(key)
end

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

local function post(path, body)
  return wrk.format("POST", path, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = cookies(),
  }, body .. "&_csrf=" .. token)
end

function request()
  if phase == "page" then
    return wrk.format("GET", string.format("/s/bench/products/bench-%05d", math.random(1, products)))
  elseif phase == "add" then
    return post("/s/bench/cart/add", "variant=" .. variant .. "&quantity=1")
  elseif phase == "confirm" then
    return post("/s/bench/checkout/confirm", form)
  end
  return post("/s/bench/checkout/place", form .. "&checkoutKey=" .. checkout_key() .. "&digest=" .. digest)
end

function response(status, headers, body)
  local set = headers["Set-Cookie"] or headers["set-cookie"] or ""
  csrf_cookie = set:match("(misemori_csrf=[^;]+)") or csrf_cookie
  cart_cookie = set:match("(misemori_cart_[^;]+)") or cart_cookie
  if phase == "page" then
    local masked = body:match('name="_csrf" value="([^"]+)"')
    variant = body:match('<option value="(%d+)"')
    if masked and variant then
      token = encode(masked)
      phase = "add"
    end
  elseif phase == "add" then
    if status ~= 303 then refused = refused + 1 end
    phase = digest and "place" or "confirm"
  elseif phase == "confirm" then
    digest = body:match('name="digest" value="([^"]+)"')
    phase = digest and "place" or "page"
  else
    if status == 303 then placed = placed + 1 else refused = refused + 1 end
    phase = "add"
  end
end

function done(summary, latency, requests)
  local total, bad = 0, 0
  for _, t in ipairs(threads) do
    total = total + t:get("placed")
    bad = bad + t:get("refused")
  end
  io.write(string.format("PLACED=%d REFUSED=%d\n", total, bad))
end
