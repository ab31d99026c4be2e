-- How a shop takes card payments: on the provider's own page (REDIRECT, the default, the
-- smallest PCI DSS scope: SAQ A without the script criterion) or in the provider's card fields
-- framed by a fixed Misemori page (IFRAME; the page around the frame is then pinned: no theme
-- code, a strict CSP, only inventoried scripts). No row: REDIRECT. A tenant table.
CREATE TABLE payment.shop_payment_settings (
    shop_id     bigint      NOT NULL REFERENCES platform.shop (id),
    card_page   text        NOT NULL CHECK (card_page IN ('REDIRECT', 'IFRAME')),
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (shop_id)
);

ALTER TABLE payment.shop_payment_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment.shop_payment_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY shop_isolation ON payment.shop_payment_settings TO misemori_app
    USING (shop_id = (SELECT platform.current_shop_id()))
    WITH CHECK (shop_id = (SELECT platform.current_shop_id()));
CREATE POLICY cross_shop ON payment.shop_payment_settings TO misemori_operator USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE ON payment.shop_payment_settings TO misemori_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON payment.shop_payment_settings TO misemori_operator;

-- The address of the provider's card fields for a payment opened in IFRAME mode: the fixed
-- page frames it. Not a secret (it opens one payment of one order), and never a card number.
ALTER TABLE payment.order_payment ADD COLUMN fields_url text
    CHECK (fields_url ~ '^https?://[^\s<>"]{1,500}$');
