-- The mail outbox: a mail is a row written in the same transaction as the business change
-- that caused it, and delivered later by a poller. Nothing is lost (the row commits with the
-- change or not at all), nothing is sent twice (a unique dedupe key, and rows claimed with
-- FOR UPDATE SKIP LOCKED while they are sent).
--
-- The rows hold password-reset links, so the runtime role, which every web request uses and
-- which an injected statement would run as, may write a mail but read back only what a poller
-- needs to see that something is due: id, status, next_attempt_at. Recipient, subject and
-- body are read by the cross-shop role alone, whose every use the application audits.
--
-- Mail concerns the platform (operator alerts) as well as single shops, so shop_id is
-- nullable and this is not a tenant table: the runtime role cannot read the rows at all.
CREATE SCHEMA notify;
GRANT USAGE ON SCHEMA notify TO misemori_app, misemori_operator;

CREATE TABLE notify.outbox_mail (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- HMAC-SHA256 of the caller's dedupe key under the seal key below: an injected INSERT
    -- cannot take a key a genuine mail will use later (a password reset) and so swallow it.
    dedupe_key      bytea       NOT NULL UNIQUE CHECK (length(dedupe_key) = 32),
    shop_id         bigint,
    recipient       text        NOT NULL CHECK (length(recipient) BETWEEN 3 AND 320),
    subject         text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 500),
    body            text        NOT NULL CHECK (length(body) BETWEEN 1 AND 100000),
    -- HMAC-SHA256 over dedupe key, shop, recipient, subject and body: only Misemori, which
    -- holds the seal key, can queue a mail that will be sent. A row planted by injected SQL
    -- fails the check at delivery and is never sent (no phishing from the platform's address).
    seal            bytea       NOT NULL CHECK (length(seal) = 32),
    status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    CONSTRAINT outbox_mail_sent_facts CHECK ((status = 'SENT') = (sent_at IS NOT NULL))
);
-- What the poller asks every second: small, because only pending rows are in it.
CREATE INDEX outbox_mail_due ON notify.outbox_mail (next_attempt_at) WHERE status = 'PENDING';

-- Both roles queue mail (the cross-shop role for work done on it, such as an operator's
-- reset link), inserting the content only: status, attempts and times take their defaults.
GRANT INSERT (dedupe_key, shop_id, recipient, subject, body, seal) ON notify.outbox_mail
    TO misemori_app, misemori_operator;
GRANT SELECT (id, status, next_attempt_at) ON notify.outbox_mail TO misemori_app;
-- Delivery reads everything and changes only the delivery facts, never the content.
GRANT SELECT ON notify.outbox_mail TO misemori_operator;
GRANT UPDATE (status, attempts, next_attempt_at, last_error, sent_at) ON notify.outbox_mail TO misemori_operator;

-- The seal key. Read once at start through the cross-shop path; the runtime role cannot
-- read it, so SQL injected into a request cannot seal a mail of its own.
CREATE TABLE notify.mail_seal_key (
    id     integer PRIMARY KEY CHECK (id = 1),
    secret bytea   NOT NULL CHECK (length(secret) = 32)
);
INSERT INTO notify.mail_seal_key (id, secret) VALUES (1, platform.gen_random_bytes(32));
GRANT SELECT ON notify.mail_seal_key TO misemori_operator;
