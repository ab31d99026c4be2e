package org.misemori.notify.outbox;

import java.util.Optional;

import org.misemori.vault.SecretBox;

/** Test access to the outbox's sealed content, opened as the delivery opens it. */
public final class SealedContent {

	private SealedContent() {
	}

	/** recipient, subject, body; empty if it does not open for that row. */
	public static Optional<String[]> open(SecretBox box, byte[] storedDedupeKey, byte[] content) {
		return new MailContent(box).open(storedDedupeKey, content)
			.map(opened -> new String[] { opened.recipient(), opened.subject(), opened.body() });
	}

}
