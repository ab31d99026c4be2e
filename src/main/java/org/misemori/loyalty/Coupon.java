package org.misemori.loyalty;

import java.time.Instant;
import java.util.Objects;

/**
 * A shop's coupon. The code is normalised ({@link CouponCode}); the coupon is valid from
 * {@code startsAt} (inclusive) to {@code endsAt} (exclusive).
 *
 * @param value yen off (1–1,000,000) for FIXED_YEN, percent off (1–100) for PERCENT
 * @param minimumSubtotalYen the goods subtotal (tax-inclusive) an order needs; for a fixed
 *        coupon at least its value, so the discount never exceeds the goods
 * @param usageLimit uses in total across all shoppers; null for unlimited
 */
public record Coupon(String code, CouponKind kind, long value, long minimumSubtotalYen, Instant startsAt, Instant endsAt,
		Integer usageLimit, int used, boolean active) {

	public static final long MAX_FIXED_YEN = 1_000_000;

	public static final long MAX_MINIMUM_YEN = 100_000_000;

	public static final int MAX_USAGE_LIMIT = 10_000_000;

	public Coupon {
		code = CouponCode.normalise(code);
		Objects.requireNonNull(kind, "kind");
		if (kind == CouponKind.PERCENT && (value < 1 || value > 100)) {
			throw new LoyaltyException("loyalty.coupon.percent.range", 1, 100);
		}
		if (kind == CouponKind.FIXED_YEN && (value < 1 || value > MAX_FIXED_YEN)) {
			throw new LoyaltyException("loyalty.coupon.fixed.range", 1, MAX_FIXED_YEN);
		}
		if (minimumSubtotalYen < 0 || minimumSubtotalYen > MAX_MINIMUM_YEN) {
			throw new LoyaltyException("loyalty.coupon.minimum.range", 0, MAX_MINIMUM_YEN);
		}
		if (kind == CouponKind.FIXED_YEN && minimumSubtotalYen < value) {
			throw new LoyaltyException("loyalty.coupon.minimum.belowValue", value);
		}
		if (startsAt == null || endsAt == null) {
			throw new LoyaltyException("loyalty.coupon.period.missing");
		}
		if (!endsAt.isAfter(startsAt)) {
			throw new LoyaltyException("loyalty.coupon.period.order");
		}
		if (usageLimit != null && (usageLimit < 1 || usageLimit > MAX_USAGE_LIMIT)) {
			throw new LoyaltyException("loyalty.coupon.usageLimit.range", 1, MAX_USAGE_LIMIT);
		}
	}

	/** A new coupon: not used yet, active. */
	public static Coupon of(String code, CouponKind kind, long value, long minimumSubtotalYen, Instant startsAt,
			Instant endsAt, Integer usageLimit) {
		return new Coupon(code, kind, value, minimumSubtotalYen, startsAt, endsAt, usageLimit, 0, true);
	}

	public boolean usedUp() {
		return usageLimit != null && used >= usageLimit;
	}

}
