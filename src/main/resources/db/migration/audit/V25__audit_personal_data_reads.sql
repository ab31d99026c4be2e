-- The record of personal-data reads: one row per screen or export, listing every record shown
-- and the fields shown of them. Incident scoping stands on it ("which principals read member X
-- between T1 and T2", "which records did principal P read"), so, like the audit log, the
-- runtime role may only add to it, only the cross-shop role may read it, and nobody may
-- change or remove a row. It outlives a shop's purge: it holds ids and principals, not data.
CREATE TABLE audit.personal_data_read (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at    timestamptz NOT NULL DEFAULT now(),
    shop_id        bigint      NOT NULL,
    principal      text        NOT NULL,
    session_ref    text,
    client_address text,
    subject_kind   text        NOT NULL,
    record_ids     bigint[]    NOT NULL,
    fields         text[]      NOT NULL,
    purpose        text        NOT NULL
);
CREATE INDEX personal_data_read_by_record ON audit.personal_data_read USING gin (record_ids);
CREATE INDEX personal_data_read_by_principal ON audit.personal_data_read (principal, occurred_at);

GRANT INSERT ON audit.personal_data_read TO misemori_app, misemori_operator;
GRANT SELECT ON audit.personal_data_read TO misemori_operator;

CREATE FUNCTION audit.refuse_read_record_change() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION 'the record of personal-data reads is append-only' USING ERRCODE = '42501';
END
$$;
CREATE TRIGGER personal_data_read_append_only
    BEFORE UPDATE OR DELETE ON audit.personal_data_read
    FOR EACH ROW EXECUTE FUNCTION audit.refuse_read_record_change();
CREATE TRIGGER personal_data_read_no_truncate
    BEFORE TRUNCATE ON audit.personal_data_read
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_read_record_change();
