-- A shop's shipping rules: the default fee and the prefectures (by JIS X 0401 code) that differ from it, the
-- free-shipping threshold (NULL: never free), the cool surcharge, the cash-on-delivery fee tiers
-- (parallel arrays, ascending upper bounds), how many days after the order a delivery date may
-- be asked for, and the time slots offered (Yamato B2 codes). Amounts in yen, tax included.
-- No row means the built-in defaults (ShippingSettings.DEFAULTS). Not personal data; erased on
-- purge with the rest of the shop. A tenant table: shop_id is the key, row-level security.
CREATE SCHEMA shipping;
GRANT USAGE ON SCHEMA shipping TO misemori_app, misemori_operator;

CREATE TABLE shipping.shop_shipping_settings (
    shop_id                bigint      NOT NULL REFERENCES platform.shop (id),
    default_fee_yen        bigint      NOT NULL CHECK (default_fee_yen BETWEEN 0 AND 10000000),
    fee_jis_codes        text[]      NOT NULL,
    fee_yen                bigint[]    NOT NULL,
    free_shipping_from_yen bigint      CHECK (free_shipping_from_yen BETWEEN 1 AND 10000000),
    cool_surcharge_yen     bigint      NOT NULL CHECK (cool_surcharge_yen BETWEEN 0 AND 10000000),
    cod_up_to_yen          bigint[]    NOT NULL,
    cod_fee_yen            bigint[]    NOT NULL,
    earliest_delivery_days integer     NOT NULL CHECK (earliest_delivery_days BETWEEN 0 AND 90),
    latest_delivery_days   integer     NOT NULL CHECK (latest_delivery_days BETWEEN 0 AND 90),
    slots                  text[]      NOT NULL CHECK (cardinality(slots) > 0
                                           AND slots <@ ARRAY['0812', '1416', '1618', '1820', '1921']),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id),
    CHECK (cardinality(fee_jis_codes) = cardinality(fee_yen)),
    CHECK (cardinality(cod_up_to_yen) = cardinality(cod_fee_yen)),
    CHECK (earliest_delivery_days <= latest_delivery_days)
);

ALTER TABLE shipping.shop_shipping_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE shipping.shop_shipping_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY shop_isolation ON shipping.shop_shipping_settings TO misemori_app
    USING (shop_id = (SELECT platform.current_shop_id()))
    WITH CHECK (shop_id = (SELECT platform.current_shop_id()));
CREATE POLICY cross_shop ON shipping.shop_shipping_settings TO misemori_operator USING (true) WITH CHECK (true);
-- Settings are replaced, never deleted by the shop; the purge (cross-shop role) deletes them.
GRANT SELECT, INSERT, UPDATE ON shipping.shop_shipping_settings TO misemori_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON shipping.shop_shipping_settings TO misemori_operator;
