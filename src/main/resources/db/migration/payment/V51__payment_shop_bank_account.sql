-- The account a shop's shoppers transfer to for a bank-transfer order (振込先), shown on the
-- order-complete page and in the confirmation mail. It is the shop's own business data, which
-- the shop publishes to every buyer, not personal data of shoppers: plain columns, not sealed.
-- The holder is stored as full-width katakana (what the shop typed, half-width kana and
-- hiragana made full-width). No row: the shop tells its shoppers the account itself. A tenant table.
CREATE TABLE payment.shop_bank_account (
    shop_id        bigint      NOT NULL REFERENCES platform.shop (id),
    bank_name      text        NOT NULL CHECK (char_length(bank_name) BETWEEN 1 AND 30),
    branch_name    text        NOT NULL CHECK (char_length(branch_name) BETWEEN 1 AND 30),
    account_type   text        NOT NULL CHECK (account_type IN ('ORDINARY', 'CHECKING')),
    account_number text        NOT NULL CHECK (account_number ~ '^[0-9]{7}$'),
    holder         text        NOT NULL CHECK (char_length(holder) BETWEEN 1 AND 40),
    updated_at     timestamptz NOT NULL,
    PRIMARY KEY (shop_id)
);

ALTER TABLE payment.shop_bank_account ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment.shop_bank_account FORCE ROW LEVEL SECURITY;
CREATE POLICY shop_isolation ON payment.shop_bank_account TO misemori_app
    USING (shop_id = (SELECT platform.current_shop_id()))
    WITH CHECK (shop_id = (SELECT platform.current_shop_id()));
CREATE POLICY cross_shop ON payment.shop_bank_account TO misemori_operator USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE ON payment.shop_bank_account TO misemori_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON payment.shop_bank_account TO misemori_operator;
