-- Payments made through a provider (card, konbini, deferred). Tenant tables: shop_id first in
-- each key, row-level security enabled and forced.
--
-- What is NOT here is the point: no card number, no security code, no expiry day, nothing a
-- card could be used with. A provider's payment id and card token, the brand, the last four
-- digits and the expiry month and year are all Misemori may hold (PCI DSS 3.3 / 3.4, Japan's
-- 非保持化); the CHECKs below make a longer "last four" impossible to store.
CREATE SCHEMA payment;
GRANT USAGE ON SCHEMA payment TO misemori_app, misemori_operator;

CREATE TABLE payment.order_payment (
    shop_id               bigint      NOT NULL REFERENCES platform.shop (id),
    order_id              bigint      NOT NULL,
    method                text        NOT NULL CHECK (method IN ('CARD', 'KONBINI', 'DEFERRED')),
    provider              text        NOT NULL CHECK (provider ~ '^[a-z][a-z0-9-]{1,30}$'),
    provider_session_id   text        CHECK (length(provider_session_id) <= 100),
    provider_payment_id   text        NOT NULL CHECK (provider_payment_id ~ '^[A-Za-z0-9_-]{4,100}$'),
    -- The provider's own count of changes to the payment: an event whose payment is not newer
    -- than this is old news and changes nothing, so events may arrive in any order.
    provider_version      integer     NOT NULL DEFAULT 0 CHECK (provider_version >= 0),
    amount                bigint      NOT NULL CHECK (amount > 0),
    captured_amount       bigint      NOT NULL DEFAULT 0 CHECK (captured_amount >= 0),
    refunded_amount       bigint      NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0),
    status                text        NOT NULL CHECK (status IN ('REQUIRES_PAYMENT', 'AUTHORIZED', 'CAPTURED',
                                          'PARTIALLY_REFUNDED', 'REFUNDED', 'DECLINED', 'CANCELED',
                                          'AWAITING_KONBINI', 'EXPIRED', 'UNDER_REVIEW')),
    -- Held for a person to look at: the provider reported an amount other than the order's.
    held_reason           text        CHECK (length(held_reason) <= 200),
    card_brand            text        CHECK (card_brand ~ '^[A-Z_]{2,20}$'),
    card_last4            text        CHECK (card_last4 ~ '^[0-9]{4}$'),
    card_exp_month        smallint    CHECK (card_exp_month BETWEEN 1 AND 12),
    card_exp_year         smallint    CHECK (card_exp_year BETWEEN 2000 AND 2100),
    three_d_secure        text        CHECK (three_d_secure IN ('FRICTIONLESS', 'CHALLENGE')),
    decline_code          text        CHECK (decline_code ~ '^[a-z_]{2,40}$'),
    konbini_number        text        CHECK (konbini_number ~ '^[0-9-]{4,30}$'),
    konbini_deadline      timestamptz,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    PRIMARY KEY (shop_id, order_id),
    FOREIGN KEY (shop_id, order_id) REFERENCES ordering.shop_order (shop_id, id),
    CHECK (captured_amount <= amount AND refunded_amount <= captured_amount)
);

-- A provider's payment id names one payment of one shop; a webhook finds it this way.
CREATE UNIQUE INDEX order_payment_by_provider_id ON payment.order_payment (shop_id, provider, provider_payment_id);
-- The reconciliation job's look: payments still open, oldest first.
CREATE INDEX order_payment_open ON payment.order_payment (updated_at)
    WHERE status IN ('REQUIRES_PAYMENT', 'AWAITING_KONBINI', 'UNDER_REVIEW');

ALTER TABLE payment.order_payment ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment.order_payment FORCE ROW LEVEL SECURITY;
CREATE POLICY shop_isolation ON payment.order_payment TO misemori_app
    USING (shop_id = (SELECT platform.current_shop_id()))
    WITH CHECK (shop_id = (SELECT platform.current_shop_id()));
CREATE POLICY cross_shop ON payment.order_payment TO misemori_operator USING (true) WITH CHECK (true);
-- A payment is never deleted by the shop: it is the shop's accounts. The purge deletes it.
GRANT SELECT, INSERT, UPDATE ON payment.order_payment TO misemori_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON payment.order_payment TO misemori_operator;

-- Every provider event received and verified, by its id: a duplicate or a replay is recognised
-- and answered without acting twice.
CREATE TABLE payment.provider_event (
    shop_id        bigint      NOT NULL REFERENCES platform.shop (id),
    provider       text        NOT NULL,
    event_id       text        NOT NULL CHECK (event_id ~ '^[A-Za-z0-9_-]{4,100}$'),
    event_type     text        NOT NULL CHECK (length(event_type) <= 60),
    order_id       bigint      NOT NULL,
    payment_version integer    NOT NULL,
    applied        boolean     NOT NULL,
    received_at    timestamptz NOT NULL,
    PRIMARY KEY (shop_id, provider, event_id),
    FOREIGN KEY (shop_id, order_id) REFERENCES payment.order_payment (shop_id, order_id)
);

ALTER TABLE payment.provider_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment.provider_event FORCE ROW LEVEL SECURITY;
CREATE POLICY shop_isolation ON payment.provider_event TO misemori_app
    USING (shop_id = (SELECT platform.current_shop_id()))
    WITH CHECK (shop_id = (SELECT platform.current_shop_id()));
CREATE POLICY cross_shop ON payment.provider_event TO misemori_operator USING (true) WITH CHECK (true);
GRANT SELECT, INSERT ON payment.provider_event TO misemori_app;
GRANT SELECT, INSERT, DELETE ON payment.provider_event TO misemori_operator;

-- Card, konbini and deferred orders: the order's payment method now names them too.
ALTER TABLE ordering.shop_order DROP CONSTRAINT shop_order_payment_method_check;
ALTER TABLE ordering.shop_order ADD CONSTRAINT shop_order_payment_method_check
    CHECK (payment_method IN ('BANK_TRANSFER', 'CASH_ON_DELIVERY', 'CARD', 'KONBINI', 'DEFERRED'));
