package org.misemori.identity.lockout;

import java.time.Instant;

/**
 * An operator or staff account was locked after consecutive failed sign-ins. Published once
 * per lock, by the node whose failure started it.
 * @param account the account's key, as in {@link AccountKey#id()}
 * @param shopId the shop of a staff account, else {@code null}
 * @param lastAddress the client address of the failure that started the lock
 */
public record AccountLocked(String account, Long shopId, int failures, String lastAddress, Instant lockedAt,
		Instant lockedUntil) {
}
