-- Members may turn on a TOTP second factor (optional, unlike staff). Their tables are the
-- staff ones of V10 column for column (LIKE), because one piece of code serves both
-- (ShopTotpRecords): the seed sealed with the master key, the last time step used (each code
-- works once), and ten single-use recovery codes of which only the SHA-256 is kept. Only the
-- owner's column and its foreign key differ. Tenant tables under row-level security.
CREATE TABLE identity.member_totp (LIKE identity.staff_totp INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES);
ALTER TABLE identity.member_totp RENAME COLUMN staff_id TO member_id;
ALTER TABLE identity.member_totp
    ADD FOREIGN KEY (shop_id, member_id) REFERENCES identity.member_account (shop_id, id);

CREATE TABLE identity.member_recovery_code
    (LIKE identity.staff_recovery_code INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES);
ALTER TABLE identity.member_recovery_code RENAME COLUMN staff_id TO member_id;
ALTER TABLE identity.member_recovery_code
    ADD FOREIGN KEY (shop_id, member_id) REFERENCES identity.member_account (shop_id, id);

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
