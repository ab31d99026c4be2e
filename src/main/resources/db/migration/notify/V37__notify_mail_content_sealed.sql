-- A queued mail's recipient, subject and body are stored sealed (AES-256-GCM under the vault's
-- key, which lives outside the database, bound to the row's dedupe key) in one column,
-- `content`. Delivery empties the row (V29), but PostgreSQL keeps the old row version in its
-- files until the space is reused; sealed, that version holds no address, name or reset link.
--
-- New rows may write only the sealed column. Rows queued before this migration keep their
-- plain columns until they are sent or given up, which empties them.
ALTER TABLE notify.outbox_mail ADD COLUMN content bytea;

ALTER TABLE notify.outbox_mail DROP CONSTRAINT outbox_mail_content_until_done;
ALTER TABLE notify.outbox_mail ADD CONSTRAINT outbox_mail_content_until_done CHECK (
    (status = 'PENDING' AND seal IS NOT NULL
        AND (content IS NOT NULL OR (recipient IS NOT NULL AND subject IS NOT NULL AND body IS NOT NULL)))
    OR (status <> 'PENDING' AND content IS NULL AND recipient IS NULL AND subject IS NULL AND body IS NULL
        AND seal IS NULL));

REVOKE INSERT (recipient, subject, body) ON notify.outbox_mail FROM misemori_app, misemori_operator;
GRANT INSERT (content) ON notify.outbox_mail TO misemori_app, misemori_operator;
GRANT UPDATE (content) ON notify.outbox_mail TO misemori_operator;

CREATE OR REPLACE FUNCTION notify.refuse_mail_content_change() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF (NEW.recipient IS NOT NULL AND NEW.recipient IS DISTINCT FROM OLD.recipient)
       OR (NEW.subject IS NOT NULL AND NEW.subject IS DISTINCT FROM OLD.subject)
       OR (NEW.body IS NOT NULL AND NEW.body IS DISTINCT FROM OLD.body)
       OR (NEW.content IS NOT NULL AND NEW.content IS DISTINCT FROM OLD.content)
       OR (NEW.seal IS NOT NULL AND NEW.seal IS DISTINCT FROM OLD.seal) THEN
        RAISE EXCEPTION 'a queued mail''s content can be forgotten, never changed' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$$;
