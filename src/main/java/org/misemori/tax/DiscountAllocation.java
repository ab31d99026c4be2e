package org.misemori.tax;

import java.util.EnumMap;
import java.util.Map;

/**
 * Splits an order-level discount (coupon plus points) across the tax rates, because a discount
 * on a mixed basket lowers the consideration of both rates and so the tax of both.
 * <p>
 * Rule: each rate gets {@code floor(discount × goods of the rate / goods subtotal)}. The yen
 * the flooring leaves over (never more than one with two rates: the fractions sum to an integer
 * below two) goes to the rate with the larger goods amount, the standard rate on a tie. That
 * yen always fits: the larger group's floored share is strictly below its exact share, which
 * is at most its goods amount, so no rate is ever discounted below zero.
 */
final class DiscountAllocation {

	private DiscountAllocation() {
	}

	static Map<TaxRate, Long> allocate(long discount, Map<TaxRate, Long> goodsByRate) {
		long subtotal = goodsByRate.values().stream().mapToLong(Long::longValue).sum();
		Map<TaxRate, Long> shares = new EnumMap<>(TaxRate.class);
		if (discount == 0) {
			goodsByRate.keySet().forEach(rate -> shares.put(rate, 0L));
			return shares;
		}
		long allocated = 0;
		TaxRate largest = null;
		for (Map.Entry<TaxRate, Long> group : goodsByRate.entrySet()) {
			long share = Math.multiplyExact(discount, group.getValue()) / subtotal;
			shares.put(group.getKey(), share);
			allocated += share;
			if (largest == null || group.getValue() > goodsByRate.get(largest)) {
				largest = group.getKey();
			}
		}
		shares.merge(largest, discount - allocated, Long::sum);
		return shares;
	}

}
