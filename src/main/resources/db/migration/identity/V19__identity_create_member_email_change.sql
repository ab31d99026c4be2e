-- A member's change of address waits for the new address to be confirmed by a mailed link
-- (24 hours, single use, only the SHA-256 of the token kept), as sign-up does. Its own table
-- rather than a new member_token purpose: the pending new address belongs to the request, and
-- the account's email stays as it is until the link is used.
CREATE TABLE identity.member_email_change (
    shop_id    bigint      NOT NULL,
    token_hash bytea       NOT NULL CHECK (length(token_hash) = 32),
    member_id  bigint      NOT NULL,
    new_email  text        NOT NULL CHECK (length(new_email) BETWEEN 3 AND 320),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id, token_hash),
    FOREIGN KEY (shop_id, member_id) REFERENCES identity.member_account (shop_id, id)
);

ALTER TABLE identity.member_email_change ENABLE ROW LEVEL SECURITY;
ALTER TABLE identity.member_email_change FORCE ROW LEVEL SECURITY;
CREATE POLICY shop_isolation ON identity.member_email_change TO misemori_app
    USING (shop_id = (SELECT platform.current_shop_id()))
    WITH CHECK (shop_id = (SELECT platform.current_shop_id()));
CREATE POLICY cross_shop ON identity.member_email_change TO misemori_operator USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON identity.member_email_change TO misemori_app, misemori_operator;
