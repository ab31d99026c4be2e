package org.misemori.ordering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.misemori.tax.RateTotal;

/**
 * One order with its buyer's and recipient's personal data opened (a recorded reading), for
 * staff handling it and for the shopper's own order page.
 */
public record OrderDetails(OrderId id, Long memberId, OrderStatus status, PaymentMethod payment, Instant placedAt,
		List<Quote.Line> lines, long goodsSubtotal, Optional<String> couponCode, long couponDiscount, long pointsUsed,
		long pointsEarned, long shippingFee, long codFee, long total, List<RateTotal> rates,
		Optional<String> registrationNumber, Optional<LocalDate> deliveryDate, Optional<String> deliverySlot,
		Optional<Carrier> carrier, Optional<String> trackingNumber, Party buyer, Party recipient, String note,
		List<StatusChange> history) {

	public OrderDetails {
		lines = List.copyOf(lines);
		rates = List.copyOf(rates);
		history = List.copyOf(history);
	}

	/** A person on the order. {@code kana} and {@code email} are empty for a recipient. */
	public record Party(String name, String kana, String email, String phone, String postalCode, String prefecture,
			String address, String building) {
	}

	public record StatusChange(Optional<OrderStatus> from, OrderStatus to, Instant at, String by) {
	}

}
