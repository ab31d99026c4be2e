-- A shop's consumption-tax settings: how it rounds the tax of each rate on an invoice, and its
-- 適格請求書発行事業者 registration number (NULL until the shop registers; a shop without one
-- issues receipts that are not qualified invoices). No row means the defaults: FLOOR, no number.
-- A tenant table like every table of one shop: shop_id first in the key, row-level security.
CREATE SCHEMA tax;
GRANT USAGE ON SCHEMA tax TO misemori_app, misemori_operator;

CREATE TABLE tax.shop_tax_settings (
    shop_id             bigint      NOT NULL REFERENCES platform.shop (id),
    rounding            text        NOT NULL DEFAULT 'FLOOR' CHECK (rounding IN ('FLOOR', 'HALF_UP', 'CEILING')),
    registration_number text        CHECK (registration_number ~ '^T[1-9][0-9]{12}$'),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id)
);

ALTER TABLE tax.shop_tax_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE tax.shop_tax_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY shop_isolation ON tax.shop_tax_settings TO misemori_app
    USING (shop_id = (SELECT platform.current_shop_id()))
    WITH CHECK (shop_id = (SELECT platform.current_shop_id()));
CREATE POLICY cross_shop ON tax.shop_tax_settings TO misemori_operator USING (true) WITH CHECK (true);
-- Settings are replaced, never deleted by the shop; the purge (cross-shop role) deletes them.
GRANT SELECT, INSERT, UPDATE ON tax.shop_tax_settings TO misemori_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON tax.shop_tax_settings TO misemori_operator;
