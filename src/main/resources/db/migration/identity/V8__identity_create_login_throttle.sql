-- Sign-in throttling whose state lives here, not in a JVM, so that every application node
-- counts the same attempts (issue 3 §5).
--
-- Rate-limit buckets, read and written by Bucket4j's select-for-update proxy manager: one row
-- per key ("login:addr:…", "login:account:…"), its serialised state, and when the bucket
-- would be full again (epoch milliseconds), after which the row means nothing and a
-- housekeeping job deletes it.
CREATE TABLE identity.login_bucket (
    id         varchar(255) PRIMARY KEY,
    state      bytea,
    expires_at bigint
);
CREATE INDEX login_bucket_expires_at ON identity.login_bucket (expires_at);

-- Consecutive failed sign-ins per account key ("operator:<login id>", "staff:<shop>:<login id>",
-- "member:<shop>:<blind index>"), for attempted names that exist and names that do not alike,
-- so that neither the count nor the lock tells them apart. blocked_until is the end of a lock
-- (operators and staff: locked_at is its start, PCI DSS 8.3.4) or of a member's progressive
-- delay (locked_at stays NULL). Keys are login names, never secrets: no password, no email.
CREATE TABLE identity.login_failure (
    account_key     text        PRIMARY KEY CHECK (length(account_key) BETWEEN 3 AND 200),
    failures        integer     NOT NULL CHECK (failures > 0),
    last_failure_at timestamptz NOT NULL,
    last_address    text        CHECK (length(last_address) <= 64),
    blocked_until   timestamptz,
    locked_at       timestamptz,
    CONSTRAINT login_failure_lock_has_end CHECK (locked_at IS NULL OR blocked_until IS NOT NULL)
);
-- What the housekeeping job asks: which counts have been quiet long enough to forget.
CREATE INDEX login_failure_last_failure_at ON identity.login_failure (last_failure_at);

-- Every sign-in runs on the runtime role, before anyone is known, so it is the runtime role
-- that counts. Neither table holds anything an attacker could use elsewhere.
GRANT SELECT, INSERT, UPDATE, DELETE ON identity.login_bucket, identity.login_failure TO misemori_app;
