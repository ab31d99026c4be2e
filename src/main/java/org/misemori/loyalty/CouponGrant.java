package org.misemori.loyalty;

/** A coupon accepted for an order: what it takes off, for the order and for the tax split. */
public record CouponGrant(String code, CouponKind kind, long value) {

	/** The same discount as the tax module models it (a percentage rounded down). */
	public org.misemori.tax.Coupon asTaxCoupon() {
		return switch (kind) {
			case FIXED_YEN -> org.misemori.tax.Coupon.fixed(value);
			case PERCENT -> org.misemori.tax.Coupon.percent(Math.toIntExact(value));
		};
	}

	/** The yen off a goods subtotal, never more than the subtotal. */
	public long amountOff(long goodsSubtotalYen) {
		return Math.min(asTaxCoupon().amountOff(goodsSubtotalYen), goodsSubtotalYen);
	}

}
