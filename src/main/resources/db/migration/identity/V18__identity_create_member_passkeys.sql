-- Shoppers' passkeys: tenant tables like the member accounts themselves (V12). A member signs
-- in with a user-verifying passkey alone (the authenticator checks its holder: two factors in
-- one). The WebAuthn user name is "member:<shop id>:<member id>", the handle 64 random bytes.
CREATE TABLE identity.member_passkey_user (
    shop_id     bigint NOT NULL,
    member_id   bigint NOT NULL,
    user_handle bytea  NOT NULL CHECK (length(user_handle) BETWEEN 16 AND 64),
    name        text   NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    PRIMARY KEY (shop_id, member_id),
    UNIQUE (shop_id, user_handle),
    UNIQUE (shop_id, name),
    FOREIGN KEY (shop_id, member_id) REFERENCES identity.member_account (shop_id, id)
);

CREATE TABLE identity.member_passkey (
    shop_id                      bigint      NOT NULL,
    credential_id                bytea       NOT NULL CHECK (length(credential_id) BETWEEN 16 AND 1023),
    member_id                    bigint      NOT NULL,
    label                        text        NOT NULL CHECK (length(label) BETWEEN 1 AND 64),
    public_key                   bytea       NOT NULL,
    signature_count              bigint      NOT NULL DEFAULT 0,
    uv_initialized               boolean     NOT NULL,
    backup_eligible              boolean     NOT NULL,
    backup_state                 boolean     NOT NULL,
    transports                   text        NOT NULL DEFAULT '',
    attestation_object           bytea,
    attestation_client_data_json bytea,
    created_at                   timestamptz NOT NULL DEFAULT now(),
    last_used_at                 timestamptz,
    PRIMARY KEY (shop_id, credential_id),
    FOREIGN KEY (shop_id, member_id) REFERENCES identity.member_passkey_user (shop_id, member_id)
);
CREATE INDEX member_passkey_holder ON identity.member_passkey (shop_id, member_id);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['member_passkey_user', 'member_passkey'] LOOP
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
