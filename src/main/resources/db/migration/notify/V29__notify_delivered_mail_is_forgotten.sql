-- A delivered mail is forgotten. Recipient, subject and body (addresses, names, reset links)
-- were kept in plain text after delivery, for no use: the mail is in the recipient's box.
-- Now the delivery that marks a row SENT, or gives it up as FAILED, empties them in the same
-- statement. What stays is what delivery and dedupe need: the keyed dedupe key (so a second
-- mail for the same reason is still refused), shop, status, attempts, times and last error.
--
-- The seal goes too: it is an HMAC over the content, which is gone. A PENDING row must still
-- carry content and seal (the CHECK below), so a row planted by injected SQL is still refused
-- at delivery; the runtime role can only insert PENDING rows (status takes its default).

-- Rows delivered or given up before this migration are forgotten now.
ALTER TABLE notify.outbox_mail
    ALTER COLUMN recipient DROP NOT NULL,
    ALTER COLUMN subject DROP NOT NULL,
    ALTER COLUMN body DROP NOT NULL,
    ALTER COLUMN seal DROP NOT NULL;
UPDATE notify.outbox_mail SET recipient = NULL, subject = NULL, body = NULL, seal = NULL WHERE status <> 'PENDING';

-- Content while pending, none once done: there is no third state.
ALTER TABLE notify.outbox_mail ADD CONSTRAINT outbox_mail_content_until_done CHECK (
    (status = 'PENDING' AND recipient IS NOT NULL AND subject IS NOT NULL AND body IS NOT NULL AND seal IS NOT NULL)
    OR (status <> 'PENDING' AND recipient IS NULL AND subject IS NULL AND body IS NULL AND seal IS NULL));

-- The cross-shop role may now empty the content, and only empty it: never write another
-- recipient or text into a row (the grant alone would allow that; the trigger refuses it).
GRANT UPDATE (recipient, subject, body, seal) ON notify.outbox_mail TO misemori_operator;

CREATE FUNCTION notify.refuse_mail_content_change() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF (NEW.recipient IS NOT NULL AND NEW.recipient IS DISTINCT FROM OLD.recipient)
       OR (NEW.subject IS NOT NULL AND NEW.subject IS DISTINCT FROM OLD.subject)
       OR (NEW.body IS NOT NULL AND NEW.body IS DISTINCT FROM OLD.body)
       OR (NEW.seal IS NOT NULL AND NEW.seal IS DISTINCT FROM OLD.seal) THEN
        RAISE EXCEPTION 'a queued mail''s content can be forgotten, never changed' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER outbox_mail_content_only_forgotten
    BEFORE UPDATE ON notify.outbox_mail
    FOR EACH ROW EXECUTE FUNCTION notify.refuse_mail_content_change();
