package org.misemori.notify.dev;

import java.time.Instant;

/** A mail as the development page shows it. */
record ReceivedMail(String to, String subject, Instant receivedAt, String body) {

}
