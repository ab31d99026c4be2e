-- The product page of a random one of the bench shop's products (handles bench-00001 …
-- bench-<BENCH_PRODUCTS>), as anonymous shoppers: no cookies kept, so each request is a first visit.
local products = tonumber(os.getenv("BENCH_PRODUCTS") or "10000")
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

function init(args)
  math.randomseed(os.time() + (seed or 0) * 7919)
end

function request()
  return wrk.format("GET", string.format("/s/bench/products/bench-%05d", math.random(1, products)))
end
