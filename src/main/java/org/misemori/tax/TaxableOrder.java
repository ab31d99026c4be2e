package org.misemori.tax;

import java.util.List;
import java.util.Objects;

/**
 * What the tax calculation needs of an order: its lines, the coupon and the points used (both
 * discounts on the goods), and the shipping and cash-on-delivery fees (services, always 10%).
 * Whether coupon plus points exceed the goods is checked by the calculation, which knows the
 * subtotal.
 */
public record TaxableOrder(List<OrderLine> lines, Coupon coupon, long pointsUsed, long shippingFee, long codFee) {

	public static final int MAX_LINES = 1_000;

	public static final long MAX_FEE = 1_000_000;

	public TaxableOrder {
		lines = List.copyOf(lines);
		coupon = Objects.requireNonNullElse(coupon, Coupon.NONE);
		if (lines.isEmpty()) {
			throw new TaxInputException("tax.lines.empty");
		}
		if (lines.size() > MAX_LINES) {
			throw new TaxInputException("tax.lines.tooMany", lines.size(), MAX_LINES);
		}
		if (pointsUsed < 0) {
			throw new TaxInputException("tax.points.negative", pointsUsed);
		}
		requireFee(shippingFee);
		requireFee(codFee);
	}

	/** Goods only: no discount, no fee. */
	public static TaxableOrder of(OrderLine... lines) {
		return new TaxableOrder(List.of(lines), Coupon.NONE, 0, 0, 0);
	}

	private static void requireFee(long fee) {
		if (fee < 0) {
			throw new TaxInputException("tax.fee.negative", fee);
		}
		if (fee > MAX_FEE) {
			throw new TaxInputException("tax.fee.tooLarge", fee, MAX_FEE);
		}
	}

}
