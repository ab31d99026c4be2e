package org.misemori.platform;

import java.time.Duration;
import java.time.Instant;

/**
 * A shop in the registry. Lifecycle transitions return the shop as it is afterwards and
 * refuse the ones that are not allowed, so no caller can set a status by hand.
 */
public record Shop(ShopId id, ShopCode code, String name, String hostName, ShopStatus status, Instant openedAt,
		Instant closedAt, Integer retentionDays, Instant purgeAfter) {

	public boolean isOpen() {
		return status == ShopStatus.OPEN;
	}

	/** Closes the shop; its data stays, unreadable to shoppers, until the retention period ends. */
	public Shop close(int retentionDays, Instant now) {
		requireTransition(ShopStatus.CLOSED);
		if (retentionDays < 0 || retentionDays > 3650) {
			throw new IllegalArgumentException("Retention is 0 to 3650 days: " + retentionDays);
		}
		return new Shop(id, code, name, hostName, ShopStatus.CLOSED, openedAt, now, retentionDays,
				now.plus(Duration.ofDays(retentionDays)));
	}

	/** Marks the shop purged; allowed only once its retention period has ended. */
	public Shop markPurged(Instant now) {
		requireTransition(ShopStatus.PURGED);
		if (now.isBefore(purgeAfter)) {
			throw new IllegalStateException("Shop " + code + " is retained until " + purgeAfter);
		}
		return new Shop(id, code, name, hostName, ShopStatus.PURGED, openedAt, closedAt, retentionDays, purgeAfter);
	}

	private void requireTransition(ShopStatus next) {
		if (!status.canTransitionTo(next)) {
			throw new IllegalStateException("Shop " + code + " is " + status + " and cannot become " + next);
		}
	}

}
