-- Shop staff: tenant tables, like every table that belongs to one shop — shop_id first in
-- each key, row-level security enabled and forced, keyed on the signed tenant claim.
-- Login IDs are per shop and never email addresses; the password hash is NULL until the
-- invited person sets one.
CREATE TABLE identity.staff_account (
    shop_id       bigint      NOT NULL REFERENCES platform.shop (id),
    id            bigint      GENERATED ALWAYS AS IDENTITY,
    login_id      text        NOT NULL CHECK (login_id ~ '^[a-z0-9][a-z0-9._-]{2,31}$'),
    display_name  text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    email         text        NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
    password_hash text        CHECK (password_hash LIKE '$argon2id$%'),
    is_owner      boolean     NOT NULL DEFAULT false,
    permissions   text[]      NOT NULL DEFAULT '{}',
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id, id),
    UNIQUE (shop_id, login_id)
);

-- A single-use link that lets an invited person choose their password. Only its SHA-256 is kept.
CREATE TABLE identity.staff_invitation (
    shop_id    bigint      NOT NULL,
    token_hash bytea       NOT NULL CHECK (length(token_hash) = 32),
    staff_id   bigint      NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    PRIMARY KEY (shop_id, token_hash),
    FOREIGN KEY (shop_id, staff_id) REFERENCES identity.staff_account (shop_id, id)
);

CREATE TABLE identity.staff_totp (
    shop_id        bigint      NOT NULL,
    staff_id       bigint      NOT NULL,
    sealed_secret  bytea       NOT NULL,
    confirmed_at   timestamptz,
    last_used_step bigint      NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id, staff_id),
    FOREIGN KEY (shop_id, staff_id) REFERENCES identity.staff_account (shop_id, id)
);

CREATE TABLE identity.staff_recovery_code (
    shop_id   bigint      NOT NULL,
    staff_id  bigint      NOT NULL,
    code_hash bytea       NOT NULL CHECK (length(code_hash) = 32),
    used_at   timestamptz,
    PRIMARY KEY (shop_id, staff_id, code_hash),
    FOREIGN KEY (shop_id, staff_id) REFERENCES identity.staff_account (shop_id, id)
);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['staff_account', 'staff_invitation', 'staff_totp', 'staff_recovery_code'] LOOP
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
