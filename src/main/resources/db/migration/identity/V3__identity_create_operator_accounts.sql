-- Operator accounts live where the runtime role cannot reach them: only the cross-shop
-- role (misemori_operator) may read or write, so an injected statement in a storefront
-- request cannot even read the password hashes (MakeShop leaked 6,116 admin passwords).
CREATE TABLE identity.operator_account (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    login_id      text        NOT NULL UNIQUE CHECK (login_id ~ '^[a-z0-9][a-z0-9._-]{2,31}$'),
    password_hash text        NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- The one-time link that replaces a default password. Only the SHA-256 of the token is
-- stored: the token itself appears once, in the start-up log of the person who owns it.
CREATE TABLE identity.operator_setup_token (
    token_hash bytea       PRIMARY KEY CHECK (length(token_hash) = 32),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    revoked_at timestamptz
);

GRANT SELECT, INSERT, UPDATE ON identity.operator_account, identity.operator_setup_token TO misemori_operator;
