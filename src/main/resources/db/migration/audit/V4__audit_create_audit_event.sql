-- The audit log: append-only. Both runtime roles may INSERT; only the cross-shop role may
-- read; nobody may change or remove an entry (grants, plus a trigger for the owner too).
-- Entries concern the platform as a whole as well as single shops, so shop_id is nullable
-- and the table is not keyed on the current shop.
CREATE TABLE audit.audit_event (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at    timestamptz NOT NULL DEFAULT now(),
    type_code      integer     NOT NULL,
    type           text        NOT NULL,
    outcome        text        NOT NULL CHECK (outcome IN ('SUCCESS', 'FAILURE')),
    actor          text        NOT NULL,
    shop_id        bigint,
    client_address text,
    detail         text        NOT NULL DEFAULT ''
);
CREATE INDEX audit_event_by_time ON audit.audit_event (occurred_at);

GRANT INSERT ON audit.audit_event TO misemori_app, misemori_operator;
GRANT SELECT ON audit.audit_event TO misemori_operator;

CREATE FUNCTION audit.refuse_change() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = '42501';
END
$$;
CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE ON audit.audit_event
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit.audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
