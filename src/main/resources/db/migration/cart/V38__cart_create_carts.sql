-- Shoppers' carts, guest or member. Tenant tables like every table that belongs to one shop:
-- shop_id first in each key, row-level security enabled and forced.
--
-- A cart is found by a 256-bit random token kept in the shopper's cookie; only its SHA-256 is
-- stored, so a copy of this table opens no cart. No personal data here: a cart holds variant
-- ids and quantities, and at most the id of the member it belongs to. Prices are not stored —
-- they are read from the catalog every time the cart is shown.
CREATE SCHEMA cart;
GRANT USAGE ON SCHEMA cart TO misemori_app, misemori_operator;

CREATE TABLE cart.cart (
    shop_id    bigint      NOT NULL REFERENCES platform.shop (id),
    id         bigint      GENERATED ALWAYS AS IDENTITY,
    token_hash bytea       NOT NULL CHECK (length(token_hash) = 32),
    member_id  bigint,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    CHECK (expires_at > created_at),
    PRIMARY KEY (shop_id, id),
    UNIQUE (shop_id, token_hash)
);

-- One line per variant; adding the same variant again raises its quantity (at most 99).
CREATE TABLE cart.cart_line (
    shop_id    bigint      NOT NULL,
    cart_id    bigint      NOT NULL,
    variant_id bigint      NOT NULL,
    quantity   integer     NOT NULL CHECK (quantity BETWEEN 1 AND 99),
    added_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id, cart_id, variant_id),
    FOREIGN KEY (shop_id, cart_id) REFERENCES cart.cart (shop_id, id) ON DELETE CASCADE
);
-- No foreign key to catalog.variant: modules erase their own rows in any order when a shop is
-- purged, and the cart checks every variant through the catalog's API when adding and showing.

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['cart', 'cart_line'] LOOP
        EXECUTE format('ALTER TABLE cart.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE cart.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY shop_isolation ON cart.%I TO misemori_app
                        USING (shop_id = (SELECT platform.current_shop_id()))
                        WITH CHECK (shop_id = (SELECT platform.current_shop_id()))', t);
        EXECUTE format('CREATE POLICY cross_shop ON cart.%I TO misemori_operator USING (true) WITH CHECK (true)', t);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON cart.%I TO misemori_app, misemori_operator', t);
    END LOOP;
END
$$;
