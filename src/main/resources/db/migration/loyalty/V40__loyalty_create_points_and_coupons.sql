-- Points and coupons of a shop. Tenant tables like every table that belongs to one shop:
-- shop_id first in each key and foreign key, row-level security enabled and forced.
-- No personal data here: a member is only an id (identity owns the person), an order only an id
-- (ordering owns the order). No foreign key to either: modules erase their own rows in any
-- order when a shop is purged.
CREATE SCHEMA loyalty;
GRANT USAGE ON SCHEMA loyalty TO misemori_app, misemori_operator;

-- No row means points are off (a shop turns them on in 設定 → ポイント).
CREATE TABLE loyalty.points_settings (
    shop_id        bigint      NOT NULL REFERENCES platform.shop (id),
    enabled        boolean     NOT NULL,
    earn_percent   integer     NOT NULL CHECK (earn_percent BETWEEN 0 AND 100),
    expiry_months  integer     NOT NULL CHECK (expiry_months BETWEEN 1 AND 120),
    minimum_redeem bigint      NOT NULL CHECK (minimum_redeem BETWEEN 0 AND 1000000),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id)
);

-- One row per member who ever earned or used points: the running balance (the sum of the
-- member's ledger entries) and the time of the last earning, from which expiry is computed at
-- read time. Every change of a balance locks this row first, so two orders spending the same
-- points are serialised. The balance may go below zero only when a cancellation takes back
-- points already spent; later earnings pay that off first.
CREATE TABLE loyalty.points_account (
    shop_id        bigint      NOT NULL REFERENCES platform.shop (id),
    member_id      bigint      NOT NULL,
    balance        bigint      NOT NULL,
    last_earned_at timestamptz,
    PRIMARY KEY (shop_id, member_id)
);

-- The ledger: append-only (the application may not update or delete it). One entry of each
-- kind per order at most, so a retried award, redemption or cancellation never counts twice.
CREATE TABLE loyalty.points_entry (
    shop_id    bigint      NOT NULL,
    id         bigint      GENERATED ALWAYS AS IDENTITY,
    member_id  bigint      NOT NULL,
    kind       text        NOT NULL CHECK (kind IN ('EARNED', 'REDEEMED', 'EXPIRED', 'REVERSED')),
    points     bigint      NOT NULL,
    order_id   bigint,
    at         timestamptz NOT NULL,
    CHECK ((kind = 'EXPIRED') = (order_id IS NULL)),
    PRIMARY KEY (shop_id, id),
    UNIQUE (shop_id, order_id, kind),
    FOREIGN KEY (shop_id, member_id) REFERENCES loyalty.points_account (shop_id, member_id)
);
CREATE INDEX points_entry_by_member ON loyalty.points_entry (shop_id, member_id, at DESC);

-- Coupons; code is stored normalised (NFKC, upper case), so it is unique however it is typed.
CREATE TABLE loyalty.coupon (
    shop_id          bigint      NOT NULL REFERENCES platform.shop (id),
    id               bigint      GENERATED ALWAYS AS IDENTITY,
    code             text        NOT NULL CHECK (code ~ '^[A-Z0-9_-]{3,32}$'),
    kind             text        NOT NULL CHECK (kind IN ('FIXED_YEN', 'PERCENT')),
    value            bigint      NOT NULL CHECK (value >= 1 AND (kind = 'FIXED_YEN' AND value <= 1000000
                                                                 OR kind = 'PERCENT' AND value <= 100)),
    minimum_subtotal bigint      NOT NULL CHECK (minimum_subtotal BETWEEN 0 AND 100000000),
    starts_at        timestamptz NOT NULL,
    ends_at          timestamptz NOT NULL,
    usage_limit      integer     CHECK (usage_limit >= 1),
    used             integer     NOT NULL DEFAULT 0 CHECK (used >= 0 AND (usage_limit IS NULL OR used <= usage_limit)),
    active           boolean     NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at),
    PRIMARY KEY (shop_id, id),
    UNIQUE (shop_id, code)
);

-- One coupon per order. A cancelled order's use is given back once: released_at is set and
-- the coupon's count lowered in the same transaction.
CREATE TABLE loyalty.coupon_redemption (
    shop_id     bigint      NOT NULL,
    order_id    bigint      NOT NULL,
    coupon_id   bigint      NOT NULL,
    redeemed_at timestamptz NOT NULL,
    released_at timestamptz,
    PRIMARY KEY (shop_id, order_id),
    FOREIGN KEY (shop_id, coupon_id) REFERENCES loyalty.coupon (shop_id, id)
);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['points_settings', 'points_account', 'points_entry', 'coupon', 'coupon_redemption'] LOOP
        EXECUTE format('ALTER TABLE loyalty.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE loyalty.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY shop_isolation ON loyalty.%I TO misemori_app
                        USING (shop_id = (SELECT platform.current_shop_id()))
                        WITH CHECK (shop_id = (SELECT platform.current_shop_id()))', t);
        EXECUTE format('CREATE POLICY cross_shop ON loyalty.%I TO misemori_operator USING (true) WITH CHECK (true)', t);
        -- Only the purge (cross-shop role) deletes.
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON loyalty.%I TO misemori_operator', t);
    END LOOP;
END
$$;
GRANT SELECT, INSERT, UPDATE ON loyalty.points_settings, loyalty.points_account, loyalty.coupon,
    loyalty.coupon_redemption TO misemori_app;
-- The ledger is append-only for the application.
GRANT SELECT, INSERT ON loyalty.points_entry TO misemori_app;
