-- Mail of a shop is personal data (addresses, names, links): when the shop's retention period
-- ends, the purge deletes it with the rest, through the cross-shop role.
GRANT DELETE ON notify.outbox_mail TO misemori_operator;
