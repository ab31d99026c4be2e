package org.misemori.storefront.policy;

import java.time.Instant;
import java.util.Optional;

/** The owner's privacy policy text as saved, and when; empty text means the default policy. */
public record PrivacyPolicy(String text, Optional<Instant> updatedAt) {

	public static final int MAX_LENGTH = 20_000;

	public boolean isOwn() {
		return !text.isBlank();
	}

}
