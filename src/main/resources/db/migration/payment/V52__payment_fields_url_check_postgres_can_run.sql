-- V49_2's CHECK on fields_url used a bound of 500 repetitions, above PostgreSQL's limit of
-- 255 in a regular expression: the check failed on every real value, so no payment opened in
-- IFRAME mode could be recorded (NULL passed, which is why the migration itself ran). The same
-- rule, its length checked apart.
ALTER TABLE payment.order_payment DROP CONSTRAINT order_payment_fields_url_check;
ALTER TABLE payment.order_payment ADD CONSTRAINT order_payment_fields_url_check
    CHECK (length(fields_url) <= 508 AND fields_url ~ '^https?://[^\s<>"]+$');
