-- Shops: the registry of tenants. Not itself a tenant table: the runtime role must read a
-- shop's code, host and status to route a request before any shop context exists, so it
-- gets SELECT on those columns only. Creating and closing shops is operator work.
CREATE TABLE platform.shop (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code           text        NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,30}[a-z0-9]$'),
    host_name      text        UNIQUE CHECK (host_name = lower(host_name)),
    name           text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    status         text        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED', 'PURGED')),
    opened_at      timestamptz NOT NULL DEFAULT now(),
    closed_at      timestamptz,
    retention_days integer     CHECK (retention_days BETWEEN 0 AND 3650),
    purge_after    timestamptz,
    purged_at      timestamptz,
    CONSTRAINT shop_closing_facts CHECK (
        (status = 'OPEN' AND closed_at IS NULL AND purge_after IS NULL)
        OR (status <> 'OPEN' AND closed_at IS NOT NULL AND retention_days IS NOT NULL AND purge_after IS NOT NULL)),
    CONSTRAINT shop_purge_facts CHECK ((status = 'PURGED') = (purged_at IS NOT NULL))
);

GRANT SELECT (id, code, host_name, name, status) ON platform.shop TO misemori_app;
GRANT SELECT, INSERT, UPDATE ON platform.shop TO misemori_operator;

-- The tenant guard.
--
-- Row-level security is keyed on the transaction-local setting misemori.tenant. A plain
-- shop id there would not stop an injected statement from running
-- set_config('misemori.tenant', '<another shop>', true) first. So the setting carries a
-- claim "<shop id>.<HMAC-SHA256 of the shop id>" signed with a secret that the runtime role
-- cannot read; the application reads it once at start through the owner's migration
-- connection. A missing claim means no shop (no rows); a forged one is refused loudly.
CREATE TABLE platform.tenant_guard_key (
    id     integer PRIMARY KEY CHECK (id = 1),
    secret bytea   NOT NULL CHECK (length(secret) = 32)
);
INSERT INTO platform.tenant_guard_key (id, secret) VALUES (1, platform.gen_random_bytes(32));

CREATE FUNCTION platform.current_shop_id() RETURNS bigint
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    claim text := current_setting('misemori.tenant', true);
    shop  text;
BEGIN
    IF claim IS NULL OR claim = '' THEN
        RETURN NULL;
    END IF;
    shop := split_part(claim, '.', 1);
    IF shop ~ '^[0-9]{1,18}$'
       AND encode(platform.hmac(convert_to(shop, 'UTF8'),
                                (SELECT secret FROM platform.tenant_guard_key WHERE id = 1),
                                'sha256'), 'hex') = split_part(claim, '.', 2) THEN
        RETURN shop::bigint;
    END IF;
    RAISE EXCEPTION 'forged tenant claim' USING ERRCODE = '42501', HINT = 'misemori.tenant_guard';
END
$$;
REVOKE ALL ON FUNCTION platform.current_shop_id() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION platform.current_shop_id() TO misemori_app, misemori_operator;

-- The shop's public profile, including the facts of its 特定商取引法に基づく表記 page.
-- A tenant table: shop_id first in the key, row-level security enabled and forced.
CREATE TABLE platform.shop_profile (
    shop_id         bigint NOT NULL REFERENCES platform.shop (id),
    tagline         text   NOT NULL DEFAULT '',
    description     text   NOT NULL DEFAULT '',
    seller_name     text   NOT NULL DEFAULT '',
    representative  text   NOT NULL DEFAULT '',
    address         text   NOT NULL DEFAULT '',
    phone           text   NOT NULL DEFAULT '',
    email           text   NOT NULL DEFAULT '',
    business_hours  text   NOT NULL DEFAULT '',
    price_note      text   NOT NULL DEFAULT '',
    extra_fees      text   NOT NULL DEFAULT '',
    payment_methods text   NOT NULL DEFAULT '',
    delivery_time   text   NOT NULL DEFAULT '',
    returns_policy  text   NOT NULL DEFAULT '',
    PRIMARY KEY (shop_id)
);
ALTER TABLE platform.shop_profile ENABLE ROW LEVEL SECURITY;
ALTER TABLE platform.shop_profile FORCE ROW LEVEL SECURITY;
-- (SELECT ...) makes the guard an InitPlan: evaluated once per statement, not per row.
CREATE POLICY shop_isolation ON platform.shop_profile TO misemori_app
    USING (shop_id = (SELECT platform.current_shop_id()))
    WITH CHECK (shop_id = (SELECT platform.current_shop_id()));
CREATE POLICY cross_shop ON platform.shop_profile TO misemori_operator
    USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON platform.shop_profile TO misemori_app, misemori_operator;
