-- A page of one of the bench shop's 20 categories (500 products each, shown a page at a time):
-- a random category, one of its first three pages, as anonymous shoppers.
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

function init(args)
  math.randomseed(os.time() + (seed or 0) * 7919)
end

function request()
  return wrk.format("GET", string.format("/s/bench/collections/cat-%02d?page=%d", math.random(1, 20), math.random(1, 3)))
end
