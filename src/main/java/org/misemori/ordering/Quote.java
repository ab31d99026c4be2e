package org.misemori.ordering;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.misemori.tax.RateTotal;

/**
 * What the order will cost, as the confirmation page shows it. {@code digest} fingerprints
 * every price and amount in it: placing the order with the digest of the page the shopper
 * confirmed refuses if anything changed since, so nobody pays a total they did not see.
 */
public record Quote(List<Line> lines, long goodsSubtotal, Optional<String> couponCode, long couponDiscount,
		long pointsUsed, long pointsToEarn, long shippingFee, long codFee, long total, List<RateTotal> rates,
		PaymentMethod payment, Optional<LocalDate> deliveryDate, Optional<String> deliverySlot, String digest) {

	public Quote {
		lines = List.copyOf(lines);
		rates = List.copyOf(rates);
	}

	/** One line as it will be sold: copied into the order, so later catalog changes do not rewrite it. */
	public record Line(long productId, long variantId, String productTitle, String variantName, long unitPrice,
			int quantity, boolean reduced) {

		public long amount() {
			return unitPrice * quantity;
		}

	}

}
