package org.misemori.tax;

/**
 * An order-level coupon on the goods (not on shipping or the COD fee): a fixed number of yen
 * or a percentage. A percentage is taken of the tax-inclusive goods subtotal and rounded down,
 * so the shopper never gets more off than the coupon says.
 */
public sealed interface Coupon {

	Coupon NONE = new Fixed(0);

	static Coupon fixed(long yen) {
		if (yen <= 0) {
			throw new TaxInputException("tax.coupon.amountInvalid", yen);
		}
		return new Fixed(yen);
	}

	static Coupon percent(int percent) {
		if (percent < 1 || percent > 100) {
			throw new TaxInputException("tax.coupon.percentOutOfRange", percent);
		}
		return new Percent(percent);
	}

	/** The yen this coupon takes off a goods subtotal. */
	long amountOff(long goodsSubtotal);

	record Fixed(long yen) implements Coupon {

		@Override
		public long amountOff(long goodsSubtotal) {
			return yen;
		}

	}

	record Percent(int percent) implements Coupon {

		@Override
		public long amountOff(long goodsSubtotal) {
			return goodsSubtotal * percent / 100;
		}

	}

}
