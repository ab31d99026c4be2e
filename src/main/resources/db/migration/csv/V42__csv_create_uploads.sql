-- An uploaded CSV file between its preview and the confirmed import. Member files are personal
-- data, so the file is kept only sealed (SecretBox, bound to the shop and the token), found by
-- the SHA-256 of a 256-bit token the preview's form carries (never the file itself), for 30
-- minutes at most, and deleted once imported. Tenant table: shop_id first, row-level security.
CREATE SCHEMA csv;
GRANT USAGE ON SCHEMA csv TO misemori_app, misemori_operator;

CREATE TABLE csv.upload (
    shop_id     bigint      NOT NULL REFERENCES platform.shop (id),
    id          bigint      GENERATED ALWAYS AS IDENTITY,
    token_hash  bytea       NOT NULL CHECK (length(token_hash) = 32),
    purpose     text        NOT NULL CHECK (purpose ~ '^[a-z]{1,20}$'),
    encoding    text        NOT NULL CHECK (encoding IN ('UTF_8', 'SHIFT_JIS')),
    uploaded_by text        NOT NULL,
    file_sealed bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    CHECK (expires_at > created_at),
    PRIMARY KEY (shop_id, id),
    UNIQUE (shop_id, token_hash)
);

ALTER TABLE csv.upload ENABLE ROW LEVEL SECURITY;
ALTER TABLE csv.upload FORCE ROW LEVEL SECURITY;
CREATE POLICY shop_isolation ON csv.upload TO misemori_app
    USING (shop_id = (SELECT platform.current_shop_id()))
    WITH CHECK (shop_id = (SELECT platform.current_shop_id()));
CREATE POLICY cross_shop ON csv.upload TO misemori_operator USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, DELETE ON csv.upload TO misemori_app, misemori_operator;
