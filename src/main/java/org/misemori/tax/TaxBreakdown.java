package org.misemori.tax;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An order's tax, the 適格請求書 way: per rate, the tax-inclusive total (goods less their share
 * of the discounts, plus the fees at 10%) and the tax in it rounded ONCE by the shop's rule —
 * never per line, which would drift by a yen per line.
 *
 * @param rates one entry per rate the order has goods or fees at, standard rate first
 * @param goodsSubtotal the goods before discounts, tax-inclusive
 * @param couponDiscount the yen the coupon took off
 * @param pointsUsed the yen paid in points
 */
public record TaxBreakdown(List<RateTotal> rates, long goodsSubtotal, long couponDiscount, long pointsUsed,
		long shippingFee, long codFee) {

	public TaxBreakdown {
		rates = List.copyOf(rates);
	}

	public static TaxBreakdown of(TaxableOrder order, Rounding rounding) {
		Map<TaxRate, Long> goods = new EnumMap<>(TaxRate.class);
		order.lines().forEach(line -> goods.merge(line.rate(), line.amount(), Long::sum));
		long subtotal = goods.values().stream().mapToLong(Long::longValue).sum();
		long coupon = order.coupon().amountOff(subtotal);
		// Compared one by one, so a coupon or points near Long.MAX_VALUE cannot overflow the sum.
		if (coupon > subtotal || order.pointsUsed() > subtotal - coupon) {
			throw new TaxInputException("tax.discount.exceedsSubtotal", subtotal);
		}
		Map<TaxRate, Long> discounts = DiscountAllocation.allocate(coupon + order.pointsUsed(), goods);
		long fees = order.shippingFee() + order.codFee();
		Map<TaxRate, Long> totals = new EnumMap<>(TaxRate.class);
		goods.forEach((rate, amount) -> totals.put(rate, amount - discounts.get(rate)));
		if (fees > 0) {
			totals.merge(TaxRate.STANDARD, fees, Long::sum);
		}
		List<RateTotal> rates = new ArrayList<>();
		totals.forEach((rate, total) -> rates.add(new RateTotal(rate, total, rate.taxIncludedIn(total, rounding))));
		return new TaxBreakdown(rates, subtotal, coupon, order.pointsUsed(), order.shippingFee(), order.codFee());
	}

	/** What the shopper pays: the sum of the per-rate totals. */
	public long grandTotal() {
		return rates.stream().mapToLong(RateTotal::total).sum();
	}

	public long totalTax() {
		return rates.stream().mapToLong(RateTotal::tax).sum();
	}

	/** The goods actually paid for in money (after coupon and points, without fees): what points are earned on. */
	public long pointsBase() {
		return goodsSubtotal - couponDiscount - pointsUsed;
	}

	/** The line of {@code rate}, if the order has one. */
	public Optional<RateTotal> at(TaxRate rate) {
		return rates.stream().filter(line -> line.rate() == rate).findFirst();
	}

}
