-- The catalog: products, their variants (what is actually bought, priced and stocked),
-- categories. Tenant tables like every table that belongs to one shop: shop_id first in each
-- key and foreign key, row-level security enabled and forced.
--
-- Money is integer yen, tax-inclusive (総額表示: Japanese law wants the price a shopper pays
-- shown). The tax class says which rate is inside it, so the order can compute tax per rate.
CREATE SCHEMA catalog;
GRANT USAGE ON SCHEMA catalog TO misemori_app, misemori_operator;

CREATE TABLE catalog.product (
    shop_id     bigint      NOT NULL REFERENCES platform.shop (id),
    id          bigint      GENERATED ALWAYS AS IDENTITY,
    handle      text        NOT NULL CHECK (handle ~ '^[a-z0-9][a-z0-9-]{0,99}$'),
    title       text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description text        NOT NULL DEFAULT '' CHECK (length(description) <= 10000),
    tax_class   text        NOT NULL CHECK (tax_class IN ('STANDARD', 'REDUCED')),
    status      text        NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id, id),
    UNIQUE (shop_id, handle)
);

-- Up to three named options (サイズ: M, 色: 藍), each a label and a value or neither.
-- reserved counts units held by checkouts not yet completed; on_hand - reserved is what can
-- still be sold, and the CHECKs make overselling impossible even for a buggy statement.
CREATE TABLE catalog.variant (
    shop_id       bigint      NOT NULL,
    id            bigint      GENERATED ALWAYS AS IDENTITY,
    product_id    bigint      NOT NULL,
    sku           text        NOT NULL CHECK (sku ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
    option1_label text        CHECK (length(option1_label) BETWEEN 1 AND 30),
    option1_value text        CHECK (length(option1_value) BETWEEN 1 AND 50),
    option2_label text        CHECK (length(option2_label) BETWEEN 1 AND 30),
    option2_value text        CHECK (length(option2_value) BETWEEN 1 AND 50),
    option3_label text        CHECK (length(option3_label) BETWEEN 1 AND 30),
    option3_value text        CHECK (length(option3_value) BETWEEN 1 AND 50),
    price_yen     bigint      NOT NULL CHECK (price_yen > 0 AND price_yen <= 10000000),
    on_hand       integer     NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
    reserved      integer     NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (reserved <= on_hand),
    CHECK ((option1_label IS NULL) = (option1_value IS NULL)),
    CHECK ((option2_label IS NULL) = (option2_value IS NULL)),
    CHECK ((option3_label IS NULL) = (option3_value IS NULL)),
    PRIMARY KEY (shop_id, id),
    UNIQUE (shop_id, sku),
    FOREIGN KEY (shop_id, product_id) REFERENCES catalog.product (shop_id, id)
);
CREATE INDEX variant_of_product ON catalog.variant (shop_id, product_id, id);

CREATE TABLE catalog.category (
    shop_id    bigint      NOT NULL REFERENCES platform.shop (id),
    id         bigint      GENERATED ALWAYS AS IDENTITY,
    handle     text        NOT NULL CHECK (handle ~ '^[a-z0-9][a-z0-9-]{0,99}$'),
    title      text        NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
    position   integer     NOT NULL DEFAULT 0 CHECK (position BETWEEN 0 AND 9999),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id, id),
    UNIQUE (shop_id, handle)
);

CREATE TABLE catalog.product_category (
    shop_id     bigint NOT NULL,
    category_id bigint NOT NULL,
    product_id  bigint NOT NULL,
    PRIMARY KEY (shop_id, category_id, product_id),
    FOREIGN KEY (shop_id, category_id) REFERENCES catalog.category (shop_id, id),
    FOREIGN KEY (shop_id, product_id) REFERENCES catalog.product (shop_id, id)
);
CREATE INDEX product_category_of_product ON catalog.product_category (shop_id, product_id);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['product', 'variant', 'category', 'product_category'] LOOP
        EXECUTE format('ALTER TABLE catalog.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE catalog.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY shop_isolation ON catalog.%I TO misemori_app
                        USING (shop_id = (SELECT platform.current_shop_id()))
                        WITH CHECK (shop_id = (SELECT platform.current_shop_id()))', t);
        EXECUTE format('CREATE POLICY cross_shop ON catalog.%I TO misemori_operator USING (true) WITH CHECK (true)', t);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON catalog.%I TO misemori_app, misemori_operator', t);
    END LOOP;
END
$$;
