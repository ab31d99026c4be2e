-- New-environment sign-in alerts (issue 3 §6). An environment is a device (a long-lived signed
-- cookie), a browser family and a network (IPv4 /24, IPv6 /48); only an HMAC of the three is
-- kept, never the device id or an address, so the table tells a reader nothing about where
-- anyone signs in from. Keys are account keys as in the login throttle
-- ("operator:<login id>", "staff:<shop>:<login id>"), not secrets.
CREATE TABLE identity.known_environment (
    account_key      text        NOT NULL CHECK (length(account_key) BETWEEN 3 AND 200),
    environment_hash bytea       NOT NULL CHECK (length(environment_hash) = 32),
    browser_family   text        NOT NULL CHECK (length(browser_family) <= 100),
    first_seen_at    timestamptz NOT NULL,
    last_seen_at     timestamptz NOT NULL,
    PRIMARY KEY (account_key, environment_hash)
);

-- The "this was not me" link of an alert: single use, seven days, only its SHA-256 stored.
-- principal_name is the session index's name for the account, whose sessions the link ends.
CREATE TABLE identity.not_me_token (
    token_hash     bytea       PRIMARY KEY CHECK (length(token_hash) = 32),
    account_key    text        NOT NULL CHECK (length(account_key) BETWEEN 3 AND 200),
    principal_name text        NOT NULL CHECK (length(principal_name) BETWEEN 1 AND 100),
    expires_at     timestamptz NOT NULL,
    used_at        timestamptz
);

-- The HMAC key for device cookies and environment hashes, made once here. The runtime role
-- must read it (every sign-in computes a hash); whoever could read it could forge a device
-- cookie, which only spares them an alert mail, never a password or second factor.
CREATE TABLE identity.environment_key (
    id     integer PRIMARY KEY CHECK (id = 1),
    secret bytea   NOT NULL CHECK (length(secret) = 32)
);
INSERT INTO identity.environment_key (id, secret) VALUES (1, platform.gen_random_bytes(32));

-- Sign-in runs on the runtime role before any shop is chosen, and the "not me" page has no
-- session at all: the runtime role does this work. Nothing here is usable elsewhere.
GRANT SELECT, INSERT, UPDATE, DELETE ON identity.known_environment, identity.not_me_token TO misemori_app;
GRANT SELECT ON identity.environment_key TO misemori_app;
