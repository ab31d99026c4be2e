-- Per-shop keys. Each shop has two Tink keysets: FIELDS (AES-256-GCM, for personal-data
-- columns) and INDEX (HMAC-SHA256 PRF, for blind indexes that find a row by email or phone
-- without storing either). Both are stored only wrapped (encrypted) by the key-encryption key
-- outside the database (the local master keyset file, or a KMS), so a dump, a replica or an
-- injected SELECT yields ciphertext and wrapped keys, nothing that opens them.
--
-- Destroying a shop's rows here destroys its personal data (crypto-shredding), in every copy
-- of the database made afterwards.
CREATE SCHEMA vault;
GRANT USAGE ON SCHEMA vault TO misemori_app, misemori_operator;

CREATE TABLE vault.shop_keyset (
    shop_id        bigint      NOT NULL REFERENCES platform.shop (id),
    purpose        text        NOT NULL CHECK (purpose IN ('FIELDS', 'INDEX')),
    wrapped_keyset bytea       NOT NULL,
    kek_id         text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    rotated_at     timestamptz,
    PRIMARY KEY (shop_id, purpose)
);

ALTER TABLE vault.shop_keyset ENABLE ROW LEVEL SECURITY;
ALTER TABLE vault.shop_keyset FORCE ROW LEVEL SECURITY;
CREATE POLICY shop_isolation ON vault.shop_keyset TO misemori_app
    USING (shop_id = (SELECT platform.current_shop_id()))
    WITH CHECK (shop_id = (SELECT platform.current_shop_id()));
CREATE POLICY cross_shop ON vault.shop_keyset TO misemori_operator USING (true) WITH CHECK (true);
-- The runtime role creates a shop's keys on first use and reads them; rotation and
-- destruction are cross-shop work.
GRANT SELECT, INSERT ON vault.shop_keyset TO misemori_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON vault.shop_keyset TO misemori_operator;

-- Proof that the key-encryption key in use is the one this database's keys were wrapped
-- with: a fixed value sealed with it when the first key was made. A start with a missing or
-- different key is refused instead of making new keys beside data it could never open.
CREATE TABLE vault.kek_check (
    singleton  boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    kek_id     text        NOT NULL,
    sealed     bytea       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT, INSERT ON vault.kek_check TO misemori_app;
GRANT SELECT ON vault.kek_check TO misemori_operator;
