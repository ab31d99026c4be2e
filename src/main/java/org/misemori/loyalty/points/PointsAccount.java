package org.misemori.loyalty.points;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A member's running balance and last earning. Months are counted on the Japanese calendar, so
 * points earned on 31 January with a one-month expiry lapse at the end of February.
 */
record PointsAccount(long memberId, long balance, Instant lastEarnedAt) {

	static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	static Instant lapseOf(Instant earnedAt, int expiryMonths) {
		return earnedAt.atZone(JAPAN).plusMonths(expiryMonths).toInstant();
	}

	/** When the whole balance lapses; null for a member who never earned. */
	Instant lapsesAt(int expiryMonths) {
		return lastEarnedAt == null ? null : lapseOf(lastEarnedAt, expiryMonths);
	}

	boolean lapsed(Instant now, int expiryMonths) {
		return lastEarnedAt == null || !now.isBefore(lapsesAt(expiryMonths));
	}

	/** What can be spent at {@code now}: nothing once lapsed, never a debt. */
	long usable(Instant now, int expiryMonths) {
		return lapsed(now, expiryMonths) ? 0 : Math.max(balance, 0);
	}

	/** Positive points that lapsed and are still in the stored balance (a debt never lapses). */
	boolean holdsLapsedPoints(Instant now, int expiryMonths) {
		return balance > 0 && lapsed(now, expiryMonths);
	}

}
