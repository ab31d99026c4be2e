-- Operators' second factor: a TOTP seed sealed with the master key (which lives outside the
-- database, so a dump or injected query yields no usable seed) and one-time recovery codes,
-- stored as SHA-256 (they are 80-bit random strings: a slow hash adds nothing).
CREATE TABLE identity.operator_totp (
    operator_id    bigint      PRIMARY KEY REFERENCES identity.operator_account (id),
    sealed_secret  bytea       NOT NULL,
    confirmed_at   timestamptz,
    -- RFC 6238 §5.2: a code is accepted once; later codes must be of a later time step.
    last_used_step bigint      NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE identity.operator_recovery_code (
    operator_id bigint      NOT NULL REFERENCES identity.operator_account (id),
    code_hash   bytea       NOT NULL CHECK (length(code_hash) = 32),
    used_at     timestamptz,
    PRIMARY KEY (operator_id, code_hash)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON identity.operator_totp, identity.operator_recovery_code TO misemori_operator;
