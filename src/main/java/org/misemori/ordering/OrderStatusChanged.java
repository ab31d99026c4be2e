package org.misemori.ordering;

/** Staff (or the system) moved an order on; {@code detail} carries the carrier and tracking number of a shipment. */
public record OrderStatusChanged(long shopId, long orderId, OrderStatus from, OrderStatus to, String actor,
		String detail) {
}
