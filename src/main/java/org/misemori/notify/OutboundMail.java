package org.misemori.notify;

/**
 * One plain-text mail to one recipient. {@code dedupeKey} names the reason for the mail
 * (for example {@code "password-reset:<token id>"}): queuing the same key again queues
 * nothing, so a caller that retries, or runs twice, sends one mail. {@code shopId} is the
 * shop the mail is sent for, or {@code null} for the platform's own mail.
 */
public record OutboundMail(String to, String subject, String body, String dedupeKey, Long shopId) {

	public OutboundMail {
		requireText(to, "to");
		requireText(subject, "subject");
		requireText(body, "body");
		requireText(dedupeKey, "dedupeKey");
		if (to.length() > 320 || subject.length() > 500 || body.length() > 100_000 || dedupeKey.length() > 500) {
			throw new IllegalArgumentException("A mail field is longer than the outbox accepts");
		}
		// A line break in a header field is how mail header injection starts.
		if (hasLineBreak(to) || hasLineBreak(subject)) {
			throw new IllegalArgumentException("Recipient and subject must be single lines");
		}
	}

	private static void requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " is required");
		}
	}

	private static boolean hasLineBreak(String value) {
		return value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
	}

}
