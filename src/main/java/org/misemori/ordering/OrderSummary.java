package org.misemori.ordering;

import java.time.Instant;

/** One row of an order list: no personal data but the buyer's name, masked. */
public record OrderSummary(OrderId id, Instant placedAt, OrderStatus status, PaymentMethod payment, long total,
		String maskedBuyerName, int items) {
}
