-- A member's address book (お届け先一覧): delivery addresses besides their own (which stays in
-- member_account). Every personal field is sealed with the shop's keys and bound to the row's
-- id, so its id is drawn from the sequence before the row is written. A tenant table like
-- every other: shop_id first in each key, row-level security enabled and forced.
CREATE SEQUENCE identity.member_delivery_address_id_seq;

CREATE TABLE identity.member_delivery_address (
    shop_id            bigint      NOT NULL,
    id                 bigint      NOT NULL,
    member_id          bigint      NOT NULL,
    name_sealed        bytea       NOT NULL,
    phone_sealed       bytea       NOT NULL,
    postal_code_sealed bytea       NOT NULL,
    prefecture_sealed  bytea       NOT NULL,
    address_sealed     bytea       NOT NULL,
    building_sealed    bytea,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id, id),
    FOREIGN KEY (shop_id, member_id) REFERENCES identity.member_account (shop_id, id)
);
CREATE INDEX member_delivery_address_by_member ON identity.member_delivery_address (shop_id, member_id, id);

ALTER TABLE identity.member_delivery_address ENABLE ROW LEVEL SECURITY;
ALTER TABLE identity.member_delivery_address FORCE ROW LEVEL SECURITY;
CREATE POLICY shop_isolation ON identity.member_delivery_address TO misemori_app
    USING (shop_id = (SELECT platform.current_shop_id()))
    WITH CHECK (shop_id = (SELECT platform.current_shop_id()));
CREATE POLICY cross_shop ON identity.member_delivery_address TO misemori_operator USING (true) WITH CHECK (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON identity.member_delivery_address TO misemori_app, misemori_operator;
GRANT USAGE ON SEQUENCE identity.member_delivery_address_id_seq TO misemori_app, misemori_operator;
