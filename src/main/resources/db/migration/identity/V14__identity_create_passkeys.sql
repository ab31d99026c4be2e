-- Passkeys (WebAuthn) of staff and operators, in our own tables rather than Spring Security's
-- user_entities/user_credentials: those have no shop_id, so row-level security could not keep
-- one shop's credentials from another's. Columns follow Spring Security's CredentialRecord.
--
-- The WebAuthn "user handle" is 64 random bytes per account (never the login ID), and the
-- user name is "<shop code>/<login ID>" for staff, as login IDs are unique per shop only.

CREATE TABLE identity.staff_passkey_user (
    shop_id     bigint NOT NULL,
    staff_id    bigint NOT NULL,
    user_handle bytea  NOT NULL CHECK (length(user_handle) BETWEEN 16 AND 64),
    name        text   NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    PRIMARY KEY (shop_id, staff_id),
    UNIQUE (shop_id, user_handle),
    UNIQUE (shop_id, name),
    FOREIGN KEY (shop_id, staff_id) REFERENCES identity.staff_account (shop_id, id)
);

CREATE TABLE identity.staff_passkey (
    shop_id                      bigint      NOT NULL,
    credential_id                bytea       NOT NULL CHECK (length(credential_id) BETWEEN 16 AND 1023),
    staff_id                     bigint      NOT NULL,
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
    FOREIGN KEY (shop_id, staff_id) REFERENCES identity.staff_passkey_user (shop_id, staff_id)
);
CREATE INDEX staff_passkey_holder ON identity.staff_passkey (shop_id, staff_id);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['staff_passkey_user', 'staff_passkey'] LOOP
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

-- Operators' passkeys: out of the runtime role's reach, like their passwords and TOTP seeds (V3, V5).
CREATE TABLE identity.operator_passkey_user (
    operator_id bigint PRIMARY KEY REFERENCES identity.operator_account (id),
    user_handle bytea  NOT NULL UNIQUE CHECK (length(user_handle) BETWEEN 16 AND 64),
    name        text   NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100)
);

CREATE TABLE identity.operator_passkey (
    credential_id                bytea       PRIMARY KEY CHECK (length(credential_id) BETWEEN 16 AND 1023),
    operator_id                  bigint      NOT NULL REFERENCES identity.operator_passkey_user (operator_id),
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
    last_used_at                 timestamptz
);
CREATE INDEX operator_passkey_holder ON identity.operator_passkey (operator_id);

GRANT SELECT, INSERT, UPDATE, DELETE ON identity.operator_passkey_user, identity.operator_passkey TO misemori_operator;
