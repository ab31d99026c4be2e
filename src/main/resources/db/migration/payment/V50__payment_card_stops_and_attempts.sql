-- Issue 6 §5 and §6: the operators' emergency stop of card payments, and the count of card
-- payment attempts that limits card testing.
--
-- Both are platform tables, not tenant tables, on purpose:
--   card_stop is the operators' list. Only the operator role writes it (through CrossShopAccess,
--   audited); every node reads the whole list in one statement every two seconds, which
--   row-level security per shop would forbid (it would take one statement per shop and node).
--   Its column naming a shop is stopped_shop_id, not shop_id: the row belongs to the operator
--   who stopped the shop, not to the shop. The runtime role may read only which scopes are
--   stopped (a column grant): not the operator's reason, not who stopped it.
--   card_attempt counts by key, as identity.login_bucket does: an address is counted across
--   every shop (a card tester moving from shop to shop is still one tester), so the rows cannot
--   be one shop's. Keys are addresses, member references and shop ids, never card data; rows
--   are deleted once they are older than the window.

CREATE TABLE payment.card_stop (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- NULL: card payments stopped in every shop.
    stopped_shop_id bigint      REFERENCES platform.shop (id),
    reason          text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    stopped_by      text        NOT NULL CHECK (length(stopped_by) BETWEEN 1 AND 100),
    stopped_at      timestamptz NOT NULL,
    resumed_by      text        CHECK (length(resumed_by) BETWEEN 1 AND 100),
    resumed_at      timestamptz,
    CHECK ((resumed_by IS NULL) = (resumed_at IS NULL))
);
-- One stop in force per scope (0 stands for "every shop"; shop ids start at 1).
CREATE UNIQUE INDEX card_stop_one_in_force ON payment.card_stop (COALESCE(stopped_shop_id, 0))
    WHERE resumed_at IS NULL;

GRANT SELECT, INSERT, UPDATE ON payment.card_stop TO misemori_operator;
GRANT SELECT (stopped_shop_id, resumed_at) ON payment.card_stop TO misemori_app;

-- One row per admitted card payment attempt and key ("address:…", "member:…", "shop:…").
-- Refused attempts are not written: an attack cannot grow the table beyond the limits.
CREATE TABLE payment.card_attempt (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    attempt_key  text        NOT NULL CHECK (length(attempt_key) BETWEEN 3 AND 200),
    attempted_at timestamptz NOT NULL
);
CREATE INDEX card_attempt_by_key ON payment.card_attempt (attempt_key, attempted_at);
CREATE INDEX card_attempt_by_time ON payment.card_attempt (attempted_at);

-- When a limit last tripped for a key: the operators are alerted once per key and window.
CREATE TABLE payment.card_attempt_alert (
    attempt_key  text        PRIMARY KEY CHECK (length(attempt_key) BETWEEN 3 AND 200),
    alerted_at   timestamptz NOT NULL
);

-- Checkout counts on the runtime role, before anyone is known.
GRANT SELECT, INSERT, DELETE ON payment.card_attempt TO misemori_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON payment.card_attempt_alert TO misemori_app;
