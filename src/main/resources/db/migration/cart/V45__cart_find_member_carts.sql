-- A signed-in member's cart is found by who they are (their newest unexpired cart), on any
-- device, not by the cookie: this index serves that look-up. Guest carts have no member.
CREATE INDEX cart_of_member ON cart.cart (shop_id, member_id, updated_at DESC) WHERE member_id IS NOT NULL;
