package org.misemori.notify.outbox;

/** A due outbox row, as the delivery reads it through the cross-shop role. */
record QueuedMail(long id, byte[] dedupeKey, Long shopId, String recipient, String subject, String body, byte[] seal,
		int attempts) {

}
