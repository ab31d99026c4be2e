-- Forced password-reset campaigns (issue 3 §7): after a leak, one decision mails every chosen
-- account a reset link, makes a sign-in with the old password set a new one first, and at the
-- deadline stops every old password that was not replaced (MakeShop and Color Me Shop did
-- this by hand for 6,116 and 77,385 shops).
--
-- One row per campaign, platform-wide, holding only what the deadline job needs: when, and
-- whether it is done. The runtime role may create a shop owner's campaign here and see the
-- deadlines (an idle job then looks without entering the audited cross-shop path); who chose
-- which accounts is tenant data below.
CREATE TABLE identity.reset_campaign (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    scope            text        NOT NULL CHECK (scope IN ('PLATFORM', 'SHOP')),
    deadline         timestamptz NOT NULL,
    -- The mailed links outlive the deadline: they are then the only way back in.
    link_valid_until timestamptz NOT NULL CHECK (link_valid_until >= deadline),
    created_at       timestamptz NOT NULL DEFAULT now(),
    closed_at        timestamptz
);
CREATE INDEX reset_campaign_open ON identity.reset_campaign (deadline) WHERE closed_at IS NULL;
GRANT SELECT, INSERT, UPDATE ON identity.reset_campaign TO misemori_operator;
GRANT SELECT (id, scope, deadline, link_valid_until, closed_at) ON identity.reset_campaign TO misemori_app;
GRANT INSERT (scope, deadline, link_valid_until) ON identity.reset_campaign TO misemori_app;

-- A campaign as one shop sees it: a shop owner's campaign has one such row; an operator's has
-- one in each shop it reaches, written through the cross-shop path.
CREATE TABLE identity.reset_campaign_shop (
    shop_id     bigint      NOT NULL REFERENCES platform.shop (id),
    campaign_id bigint      NOT NULL REFERENCES identity.reset_campaign (id),
    created_by  text        NOT NULL CHECK (length(created_by) BETWEEN 1 AND 100),
    by_operator boolean     NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id, campaign_id)
);

-- Each account a campaign reaches, and where it stands. PENDING until its holder sets a new
-- password (RESET) or the deadline passes (INVALIDATED: the old password no longer works).
CREATE TABLE identity.reset_campaign_target (
    shop_id        bigint      NOT NULL,
    campaign_id    bigint      NOT NULL,
    account_kind   text        NOT NULL CHECK (account_kind IN ('STAFF', 'MEMBER')),
    account_id     bigint      NOT NULL,
    state          text        NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'RESET', 'INVALIDATED')),
    reset_at       timestamptz,
    invalidated_at timestamptz,
    PRIMARY KEY (shop_id, campaign_id, account_kind, account_id),
    FOREIGN KEY (shop_id, campaign_id) REFERENCES identity.reset_campaign_shop (shop_id, campaign_id)
);
-- Sign-in asks "is this account in an open campaign?": by account, not by campaign.
CREATE INDEX reset_campaign_target_account
    ON identity.reset_campaign_target (shop_id, account_kind, account_id) WHERE state = 'PENDING';

-- Staff reset links: a campaign's (valid until its deadline and a grace period) and the
-- self-service "forgot password" one (30 minutes). Only the SHA-256 of a token is kept.
CREATE TABLE identity.staff_reset_token (
    shop_id    bigint      NOT NULL,
    token_hash bytea       NOT NULL CHECK (length(token_hash) = 32),
    staff_id   bigint      NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    PRIMARY KEY (shop_id, token_hash),
    FOREIGN KEY (shop_id, staff_id) REFERENCES identity.staff_account (shop_id, id)
);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['reset_campaign_shop', 'reset_campaign_target', 'staff_reset_token'] LOOP
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

-- Operators in an operator's campaign, and operators' reset links: operator-only, like
-- identity.operator_account itself.
CREATE TABLE identity.operator_reset_target (
    campaign_id    bigint      NOT NULL REFERENCES identity.reset_campaign (id),
    operator_id    bigint      NOT NULL REFERENCES identity.operator_account (id),
    state          text        NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'RESET', 'INVALIDATED')),
    reset_at       timestamptz,
    invalidated_at timestamptz,
    PRIMARY KEY (campaign_id, operator_id)
);

CREATE TABLE identity.operator_reset_token (
    token_hash  bytea       PRIMARY KEY CHECK (length(token_hash) = 32),
    operator_id bigint      NOT NULL REFERENCES identity.operator_account (id),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
GRANT SELECT, INSERT, UPDATE ON identity.operator_reset_target, identity.operator_reset_token TO misemori_operator;
