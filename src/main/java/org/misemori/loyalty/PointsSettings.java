package org.misemori.loyalty;

/**
 * How a shop gives points.
 *
 * @param earnPercent points per 100 yen paid for goods (0–100), i.e. 1 means 1%
 * @param expiryMonths months (1–120) after the member's LAST earning at which all their points lapse
 * @param minimumRedeem the fewest points a shopper may use on one order
 */
public record PointsSettings(boolean enabled, int earnPercent, int expiryMonths, long minimumRedeem) {

	/** A shop that never saved settings: points off, 1%, a year, no minimum. */
	public static final PointsSettings DEFAULTS = new PointsSettings(false, 1, 12, 0);

	public static final long MAX_MINIMUM_REDEEM = 1_000_000;

	public PointsSettings {
		if (earnPercent < 0 || earnPercent > 100) {
			throw new LoyaltyException("loyalty.points.earnPercent.range", 0, 100);
		}
		if (expiryMonths < 1 || expiryMonths > 120) {
			throw new LoyaltyException("loyalty.points.expiryMonths.range", 1, 120);
		}
		if (minimumRedeem < 0 || minimumRedeem > MAX_MINIMUM_REDEEM) {
			throw new LoyaltyException("loyalty.points.minimumRedeem.range", 0, MAX_MINIMUM_REDEEM);
		}
	}

	/** Points for {@code goodsPaidYen}, rounded down: the shopper never gets more than the rate says. */
	public long pointsFor(long goodsPaidYen) {
		return enabled ? Math.multiplyExact(goodsPaidYen, earnPercent) / 100 : 0;
	}

}
