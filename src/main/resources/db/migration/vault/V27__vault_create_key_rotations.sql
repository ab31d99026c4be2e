-- Key rotation: a shop's FIELDS keyset gets a new primary key (the old keys stay, so every
-- existing ciphertext still opens), then every sealed value of the shop is re-encrypted under
-- it in small batches while the shop keeps serving, and last the old keys are removed.
--
-- One row per rotation. The work left is never counted here: it is exactly the shop's sealed
-- values whose Tink prefix (0x01 + key id) is not the new primary's, so a crash anywhere
-- loses nothing and the next run simply continues. rows_resealed and work_millis are only
-- for the progress display and the rows-per-second figure.
--
-- A tenant table: each batch commits its rows and its progress in one transaction as the shop
-- (runtime role, row-level security), which may move only the progress columns. Starting a
-- rotation, claiming one (any node, FOR UPDATE SKIP LOCKED, with a lease so a crashed worker's
-- claim lapses) and changing its status go with keyset changes, which are cross-shop work.
CREATE TABLE vault.key_rotation (
    shop_id             bigint      NOT NULL REFERENCES platform.shop (id),
    id                  bigint      GENERATED ALWAYS AS IDENTITY,
    requested_by        text        NOT NULL CHECK (length(requested_by) BETWEEN 1 AND 200),
    -- When the new key became primary (the keyset update committed with this row).
    started_at          timestamptz NOT NULL,
    -- The new primary's Tink key id (a Java int): ciphertexts under it start with 0x01 and it.
    new_key_id          integer     NOT NULL,
    status              text        NOT NULL DEFAULT 'RUNNING' CHECK (status IN ('RUNNING', 'FINISHING', 'DONE')),
    rows_total_at_start bigint      NOT NULL CHECK (rows_total_at_start >= 0),
    rows_resealed       bigint      NOT NULL DEFAULT 0 CHECK (rows_resealed >= 0),
    work_millis         bigint      NOT NULL DEFAULT 0 CHECK (work_millis >= 0),
    -- A worker's claim: no other worker takes the rotation before this time.
    lease_until         timestamptz,
    keys_removed        integer,
    finished_at         timestamptz,
    PRIMARY KEY (shop_id, id),
    CONSTRAINT key_rotation_done_facts CHECK ((status = 'DONE') = (finished_at IS NOT NULL))
);
-- One rotation of a shop at a time.
CREATE UNIQUE INDEX key_rotation_one_at_a_time ON vault.key_rotation (shop_id) WHERE status <> 'DONE';
-- What the workers ask: small, because only unfinished rotations are in it.
CREATE INDEX key_rotation_unfinished ON vault.key_rotation (started_at) WHERE status <> 'DONE';

ALTER TABLE vault.key_rotation ENABLE ROW LEVEL SECURITY;
ALTER TABLE vault.key_rotation FORCE ROW LEVEL SECURITY;
CREATE POLICY shop_isolation ON vault.key_rotation TO misemori_app
    USING (shop_id = (SELECT platform.current_shop_id()))
    WITH CHECK (shop_id = (SELECT platform.current_shop_id()));
CREATE POLICY cross_shop ON vault.key_rotation TO misemori_operator USING (true) WITH CHECK (true);
GRANT SELECT ON vault.key_rotation TO misemori_app;
GRANT UPDATE (rows_resealed, work_millis, lease_until) ON vault.key_rotation TO misemori_app;
-- A purge deletes a shop's rotations with its keys (their history stays in the audit log).
GRANT SELECT, INSERT, UPDATE, DELETE ON vault.key_rotation TO misemori_operator;
