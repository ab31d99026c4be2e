package org.misemori.identity.lockout;

import java.time.Duration;

/**
 * A sign-in attempt was refused before its password was checked.
 * @param account the attempted account's key, as in {@link AccountKey#id()}
 * @param shopId the shop of a staff or member account, else {@code null}
 */
public record LoginThrottled(String account, Long shopId, Admission.Refusal refusal, Duration retryAfter,
		String clientAddress) {
}
