-- Shoppers' accounts, per shop (a shopper of two shops has two accounts, as on every Japanese
-- shop platform). Members sign in with their email; an account is provisional (仮会員) until
-- the address is confirmed by the mailed link (本会員). Tenant tables under row-level security.
-- (The email moves under per-shop encryption with a blind index when the vault arrives.)
CREATE TABLE identity.member_account (
    shop_id       bigint      NOT NULL REFERENCES platform.shop (id),
    id            bigint      GENERATED ALWAYS AS IDENTITY,
    email         text        NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
    email_key     text        NOT NULL CHECK (email_key = lower(email_key)),
    password_hash text        NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    status        text        NOT NULL DEFAULT 'PROVISIONAL' CHECK (status IN ('PROVISIONAL', 'ACTIVE')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    verified_at   timestamptz,
    PRIMARY KEY (shop_id, id),
    UNIQUE (shop_id, email_key)
);

-- Single-use links: confirming the address (24 hours) and resetting the password (30 minutes).
-- Only the SHA-256 of each token is kept.
CREATE TABLE identity.member_token (
    shop_id    bigint      NOT NULL,
    token_hash bytea       NOT NULL CHECK (length(token_hash) = 32),
    member_id  bigint      NOT NULL,
    purpose    text        NOT NULL CHECK (purpose IN ('VERIFY', 'RESET')),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    PRIMARY KEY (shop_id, token_hash),
    FOREIGN KEY (shop_id, member_id) REFERENCES identity.member_account (shop_id, id)
);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['member_account', 'member_token'] LOOP
        EXECUTE format('ALTER TABLE identity.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE identity.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY shop_isolation ON identity.%I TO misemori_app
                        USING (shop_id = (SELECT platform.current_shop_id()))
                        WITH CHECK (shop_id = (SELECT platform.current_shop_id()))', t);
        EXECUTE format('CREATE POLICY cross_shop ON identity.%I TO misemori_operator USING (true) WITH CHECK (true)', t);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON identity.%I TO misemori_app, misemori_operator', t);
    END LOOP;
END
$$;
