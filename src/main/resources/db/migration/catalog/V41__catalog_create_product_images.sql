-- Product images. What is stored is never what was uploaded: every accepted upload was decoded
-- and re-encoded (JPEG or PNG), so metadata (EXIF GPS, comments) and anything appended to the
-- file (a ZIP in a polyglot) are gone. Named by the SHA-256 of the stored bytes, which is also
-- the file name the image is served under (content-addressed, so it can be cached for ever).
-- small_* is the rendition for product lists (480 px wide), absent when the image is narrower.
CREATE TABLE catalog.product_image (
    shop_id      bigint      NOT NULL,
    product_id   bigint      NOT NULL,
    hash         text        NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
    position     integer     NOT NULL CHECK (position BETWEEN 0 AND 99),
    alt_text     text        NOT NULL DEFAULT '' CHECK (length(alt_text) <= 200),
    media_type   text        NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png')),
    width        integer     NOT NULL CHECK (width BETWEEN 1 AND 6000),
    height       integer     NOT NULL CHECK (height BETWEEN 1 AND 6000),
    bytes        bytea       NOT NULL CHECK (octet_length(bytes) <= 16777216),
    small_width  integer     CHECK (small_width BETWEEN 1 AND 480),
    small_height integer     CHECK (small_height >= 1),
    small_bytes  bytea,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CHECK ((small_bytes IS NULL) = (small_width IS NULL) AND (small_width IS NULL) = (small_height IS NULL)),
    PRIMARY KEY (shop_id, product_id, hash),
    FOREIGN KEY (shop_id, product_id) REFERENCES catalog.product (shop_id, id)
);
-- Serving looks an image up by its name alone (within the shop).
CREATE INDEX product_image_by_hash ON catalog.product_image (shop_id, hash);

ALTER TABLE catalog.product_image ENABLE ROW LEVEL SECURITY;
ALTER TABLE catalog.product_image FORCE ROW LEVEL SECURITY;
CREATE POLICY shop_isolation ON catalog.product_image TO misemori_app
    USING (shop_id = (SELECT platform.current_shop_id()))
    WITH CHECK (shop_id = (SELECT platform.current_shop_id()));
CREATE POLICY cross_shop ON catalog.product_image TO misemori_operator USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON catalog.product_image TO misemori_app, misemori_operator;
