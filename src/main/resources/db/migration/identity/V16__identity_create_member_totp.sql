-- Members may turn on a TOTP second factor (optional, unlike staff). The same columns as the
-- staff tables (V10), so that one piece of code serves both: the seed sealed with the master
-- key, the last time step used (each code works once), and ten single-use recovery codes of
-- which only the SHA-256 is kept. Tenant tables under row-level security.
CREATE TABLE identity.member_totp (
    shop_id        bigint      NOT NULL,
    member_id      bigint      NOT NULL,
    sealed_secret  bytea       NOT NULL,
    confirmed_at   timestamptz,
    last_used_step bigint      NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id, member_id),
    FOREIGN KEY (shop_id, member_id) REFERENCES identity.member_account (shop_id, id)
);

CREATE TABLE identity.member_recovery_code (
    shop_id   bigint      NOT NULL,
    member_id bigint      NOT NULL,
    code_hash bytea       NOT NULL CHECK (length(code_hash) = 32),
    used_at   timestamptz,
    PRIMARY KEY (shop_id, member_id, code_hash),
    FOREIGN KEY (shop_id, member_id) REFERENCES identity.member_account (shop_id, id)
);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['member_totp', 'member_recovery_code'] LOOP
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
