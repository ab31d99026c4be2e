-- The audit log becomes a hash chain: each entry carries the SHA-256 of the entry before it and
-- its own hash over that and all its fields. Changing, removing or slipping in a row — even as a
-- superuser with the append-only triggers switched off — breaks the chain at that row, and the
-- verifier (in the application, which does not trust functions in this database) names the
-- first broken link.
--
-- Rows are chained just after they are written, by audit.seal_pending(), which the
-- application calls every second, not inside the writer's transaction: a chain lock held by
-- every transaction that writes an entry would serialise sign-ins, shop administration and
-- mail delivery behind one another, and could deadlock with their own row locks.
ALTER TABLE audit.audit_event
    ADD COLUMN chain_seq  bigint UNIQUE,
    ADD COLUMN prev_hash  bytea CHECK (length(prev_hash) = 32),
    ADD COLUMN entry_hash bytea CHECK (length(entry_hash) = 32),
    ADD CONSTRAINT audit_event_chained_whole
        CHECK ((chain_seq IS NULL) = (prev_hash IS NULL) AND (chain_seq IS NULL) = (entry_hash IS NULL));
CREATE INDEX audit_event_unsealed ON audit.audit_event (id) WHERE chain_seq IS NULL;

-- Each field as <length>:<text>, so that no choice of values can make two entries read alike.
CREATE FUNCTION audit.canonical_entry(e audit.audit_event) RETURNS bytea
    LANGUAGE sql IMMUTABLE
AS $$
    SELECT convert_to(concat(
        length(e.chain_seq::text), ':', e.chain_seq::text,
        length(to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')), ':',
        to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        length(e.type_code::text), ':', e.type_code::text,
        length(e.type), ':', e.type,
        length(e.outcome), ':', e.outcome,
        length(e.actor), ':', e.actor,
        length(coalesce(e.shop_id::text, '')), ':', coalesce(e.shop_id::text, ''),
        length(coalesce(e.client_address, '')), ':', coalesce(e.client_address, ''),
        length(e.detail), ':', e.detail), 'UTF8')
$$;

-- Chains up to batch_size unchained rows, oldest id first; returns how many. One caller at a
-- time across all nodes (advisory lock until commit).
CREATE FUNCTION audit.seal_pending(batch_size integer) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, audit
AS $$
DECLARE
    head audit.audit_event;
    e audit.audit_event;
    sealed integer := 0;
    previous_hash bytea;
    seq bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('misemori.audit_chain'));
    SELECT * INTO head FROM audit.audit_event WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1;
    seq := coalesce(head.chain_seq, 0);
    previous_hash := coalesce(head.entry_hash, decode(repeat('00', 32), 'hex'));
    FOR e IN SELECT * FROM audit.audit_event WHERE chain_seq IS NULL ORDER BY id LIMIT batch_size LOOP
        seq := seq + 1;
        e.chain_seq := seq;
        e.prev_hash := previous_hash;
        e.entry_hash := sha256(previous_hash || audit.canonical_entry(e));
        UPDATE audit.audit_event
           SET chain_seq = e.chain_seq, prev_hash = e.prev_hash, entry_hash = e.entry_hash
         WHERE id = e.id;
        previous_hash := e.entry_hash;
        sealed := sealed + 1;
    END LOOP;
    RETURN sealed;
END
$$;
REVOKE ALL ON FUNCTION audit.seal_pending(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit.seal_pending(integer) TO misemori_app;

-- An entry arrives unchained, whatever its writer claims; afterwards the only change ever
-- allowed is sealing it once, leaving every recorded field as it was.
CREATE FUNCTION audit.arrive_unsealed() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    NEW.chain_seq := NULL;
    NEW.prev_hash := NULL;
    NEW.entry_hash := NULL;
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_event_arrives_unsealed
    BEFORE INSERT ON audit.audit_event
    FOR EACH ROW EXECUTE FUNCTION audit.arrive_unsealed();

CREATE OR REPLACE FUNCTION audit.refuse_change() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF OLD.chain_seq IS NULL AND NEW.chain_seq IS NOT NULL
           AND (NEW.id, NEW.occurred_at, NEW.type_code, NEW.type, NEW.outcome, NEW.actor, NEW.shop_id,
                NEW.client_address, NEW.detail)
               IS NOT DISTINCT FROM
               (OLD.id, OLD.occurred_at, OLD.type_code, OLD.type, OLD.outcome, OLD.actor, OLD.shop_id,
                OLD.client_address, OLD.detail) THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = '42501';
END
$$;

SELECT audit.seal_pending(2147483647);
