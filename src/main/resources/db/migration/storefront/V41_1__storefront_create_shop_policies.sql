-- The shop's own privacy policy, as its owner wrote it (plain text; paragraphs are separated by
-- a blank line). No row, or an empty text, means the storefront shows Misemori's default policy
-- naming the shop. (Version 41.1: this helper was assigned version 41 only.)
CREATE SCHEMA storefront;
GRANT USAGE ON SCHEMA storefront TO misemori_app, misemori_operator;

CREATE TABLE storefront.shop_policy (
    shop_id        bigint      NOT NULL REFERENCES platform.shop (id),
    privacy_policy text        NOT NULL DEFAULT '' CHECK (length(privacy_policy) <= 20000),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id)
);

ALTER TABLE storefront.shop_policy ENABLE ROW LEVEL SECURITY;
ALTER TABLE storefront.shop_policy FORCE ROW LEVEL SECURITY;
CREATE POLICY shop_isolation ON storefront.shop_policy TO misemori_app
    USING (shop_id = (SELECT platform.current_shop_id()))
    WITH CHECK (shop_id = (SELECT platform.current_shop_id()));
CREATE POLICY cross_shop ON storefront.shop_policy TO misemori_operator USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON storefront.shop_policy TO misemori_app, misemori_operator;
