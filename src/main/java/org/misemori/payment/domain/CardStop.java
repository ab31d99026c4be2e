package org.misemori.payment.domain;

import java.time.Instant;

/**
 * A stop of card payments in force: for one shop, or for every shop when {@code shopId} is
 * {@code null}. What the operator console lists, with the reason the operator gave.
 */
public record CardStop(long id, Long shopId, String shopCode, String reason, String stoppedBy, Instant stoppedAt) {

	public boolean everyShop() {
		return shopId == null;
	}

}
